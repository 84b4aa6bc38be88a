"""Duplicate matching in ``giaoviec ingest``: one pass for the whole run.

Workers store documents unmatched (``done`` at stage ``dedup``); the run ends with one
pass over the duplicate index. Checked here: the pass finds every pair across the
documents of one run (the same set the project's scorer gives over all stored tasks),
and a run killed before its pass leaves documents that the next run matches.
"""
from __future__ import annotations

from contextlib import ExitStack

import pytest

from service.ingest import read_summary

from .conftest import db_rows, pg_schema, run_ingest, write_documents


def _copies(root, per_folder: int):
    """The same corpus documents twice (other filing lines, so other bytes): every
    task of the first folder is written again in the second."""
    from bench.make_corpus import load_sources

    n = len([s for s in load_sources() if s.ext in ("txt", "md", "html")])
    return (write_documents(root / "2022" / "Chiêm Hóa", per_folder)
            + write_documents(root / "2023" / "Kim Bình", per_folder, start=n))


def _expected_pairs(session, threshold: float) -> set[tuple[int, int]]:
    """What the project's scorer says over every stored task (no index, no batches)."""
    from sqlalchemy import select

    from extractor.dedup import TaskRef, find_pairs
    from service.storage.models import Assignment, Task

    rows = session.execute(select(Task.id, Task.extracted_text, Task.text, Task.year, Assignment.cadre,
                                  Assignment.unit).join(Assignment, Task.assignment_id == Assignment.id))
    refs = [TaskRef(str(tid), extracted or text, cadre=cadre, unit=unit, year=year)
            for tid, extracted, text, year, cadre, unit in rows]
    return {tuple(sorted((int(p.a), int(p.b)))) for p in find_pairs(refs, threshold)}


@pytest.mark.slow
def test_one_run_finds_pairs_across_its_documents(tmp_path, ingest_env):
    root = tmp_path / "luu-tru"
    files = _copies(root, 3)
    proc = run_ingest(ingest_env, str(root), "--workers", "2", "--summary", str(tmp_path / "s.csv"))
    assert proc.returncode == 0, proc.stderr
    assert {r["status"] for r in read_summary(tmp_path / "s.csv")} == {"done"}
    assert db_rows(ingest_env, "SELECT status, stage, count(*) FROM documents GROUP BY status, stage") == \
        [("done", "done", len(files))]
    stored = set(db_rows(ingest_env, "SELECT task_a_id, task_b_id FROM duplicate_pairs"))
    doc_of = dict(db_rows(ingest_env, "SELECT id, document_id FROM tasks"))
    across = {(a, b) for a, b in stored if doc_of[a] != doc_of[b]}
    assert across, "the second folder repeats the first one's tasks"

    from service.storage.db import configure, session_scope

    configure(ingest_env["GIAOVIEC_DATABASE_URL"])
    with session_scope() as s:
        assert stored == _expected_pairs(s, 85.0)
    # Every pair is in a group (cluster = its smallest task id, as upload matching gives).
    assert db_rows(ingest_env, "SELECT count(*) FROM duplicate_pairs WHERE cluster IS NULL") == [(0,)]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request, tmp_path, monkeypatch):
    """A clean database (SQLite file, or a PostgreSQL schema of its own) and data
    directory, set for this process and for the commands it runs."""
    from service.settings import get_settings
    from service.storage import db, dedup

    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path}/giaoviec.db"
        else:
            url, _, _ = stack.enter_context(pg_schema("gvbatch"))
        monkeypatch.setenv("GIAOVIEC_DATABASE_URL", url)
        monkeypatch.setenv("GIAOVIEC_DATA_DIR", str(tmp_path / "data"))
        monkeypatch.delenv("GIAOVIEC_BROKER_URL", raising=False)
        get_settings.cache_clear()
        dedup.reset()
        db.init_db(url)
        try:
            yield url
        finally:
            dedup.reset()
            if db._engine is not None:
                db._engine.dispose()  # before the schema is dropped
            get_settings.cache_clear()


@pytest.mark.slow
def test_run_killed_before_its_pass_is_matched_by_the_rerun(tmp_path, database, ingest_env):
    """What a run killed after its workers and before its pass leaves (documents done,
    stage ``dedup``, no pairs) is made here by the workers' own call; the same command
    again skips every file and matches them."""
    from sqlalchemy import func, select

    from service.ingest import find_files, path_hints, read_found
    from service.processing import process_document, store_upload
    from service.storage.db import session_scope
    from service.storage.models import Document, DuplicatePair

    root = tmp_path / "luu-tru"
    files = _copies(root, 2)
    ids = []
    for f in find_files(root):
        with session_scope() as s:
            doc, _ = store_upload(s, read_found(f), f.name, user="ingest", hints=path_hints(root, f))
            ids.append(doc.id)
        process_document(doc.id, match=False)
    with session_scope() as s:
        assert {(d.status, d.stage) for d in s.scalars(select(Document))} == {("done", "dedup")}
        assert s.scalar(select(func.count()).select_from(DuplicatePair)) == 0

    ingest_env.update({"GIAOVIEC_DATABASE_URL": database, "GIAOVIEC_DATA_DIR": str(tmp_path / "data")})
    proc = run_ingest(ingest_env, str(root), "--workers", "2", "--summary", str(tmp_path / "again.csv"), "--json")
    assert proc.returncode == 0, proc.stderr
    rows = read_summary(tmp_path / "again.csv")
    assert len(rows) == len(files) and {r["status"] for r in rows} == {"skipped"}
    with session_scope() as s:
        assert {(d.status, d.stage, d.runs) for d in s.scalars(select(Document))} == {("done", "done", 1)}
        stored = {(p.task_a_id, p.task_b_id) for p in s.scalars(select(DuplicatePair))}
        assert stored and stored == _expected_pairs(s, 85.0)
    assert f'"duplicate_suggestions": {len(stored)}' in proc.stdout


@pytest.mark.slow
def test_upload_matching_takes_up_a_batch_left_pending(database, tmp_path):
    """The service's own matching (an upload) also covers documents a batch left."""
    from sqlalchemy import func, select

    from service.processing import process_document, store_upload
    from service.storage.db import session_scope
    from service.storage.models import Document, DuplicatePair

    paths = _copies(tmp_path / "in", 2)
    ids = []
    for p in paths:
        with session_scope() as s:
            doc, _ = store_upload(s, p.read_bytes(), p.name)
            ids.append(doc.id)
    for doc_id in ids[:-1]:
        process_document(doc_id, match=False)
    process_document(ids[-1])  # an upload: matched at once, the pending ones with it
    with session_scope() as s:
        assert {(d.status, d.stage) for d in s.scalars(select(Document))} == {("done", "done")}
        assert s.scalar(select(func.count()).select_from(DuplicatePair)) == len(_expected_pairs(s, 85.0)) > 0
