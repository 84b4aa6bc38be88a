"""``giaoviec ingest`` end to end: the real command, the real pipeline, a real database.

An archive of our own corpus documents (folders, a zip with a zip inside) plus the
files archives really contain that cannot be read (corrupt, empty, encrypted, a
broken zip). Then the same command again: nothing is stored or processed twice.
"""
from __future__ import annotations

import io
import json
import zipfile

import pytest

from service.ingest import read_summary

from .conftest import db_rows, pg_schema, run_ingest, write_documents


def _encrypted_pdf() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("matkhau")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.fixture
def archive(tmp_path):
    root = tmp_path / "luu-tru"
    good = write_documents(root / "2019" / "Chiêm Hóa", 3)
    staging = tmp_path / "staging"
    zipped = write_documents(staging / "Kim Bình", 2, start=10)
    nested = write_documents(staging / "nested", 1, start=20)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.write(nested[0], f"Hòa Phú/{nested[0].name}")
    with zipfile.ZipFile(root / "2021-bo-sung.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        for p in zipped:
            zf.write(p, f"Kim Bình/{p.name}")
        zf.writestr("2021-le.zip", inner.getvalue())
    bad = root / "2020"
    bad.mkdir()
    (bad / "hong.pdf").write_bytes(b"%PDF-1.4\n% broken in transfer\n" + bytes(range(256)) * 4)
    (bad / "rong.docx").write_bytes(b"")
    (bad / "mat-khau.pdf").write_bytes(_encrypted_pdf())
    (root / "hong.zip").write_bytes(b"PK\x03\x04 cut short")
    expected_ok = ([f"2019/Chiêm Hóa/{p.name}" for p in good]
                   + [f"2021-bo-sung.zip/Kim Bình/{p.name}" for p in zipped]
                   + [f"2021-bo-sung.zip/2021-le.zip/Hòa Phú/{nested[0].name}"])
    return root, expected_ok


def test_ingest_stores_processes_and_reports_failures(archive, ingest_env, tmp_path):
    root, expected_ok = archive
    summary = tmp_path / "summary.csv"
    proc = run_ingest(ingest_env, str(root), "--workers", "2", "--summary", str(summary))
    assert proc.returncode == 1, proc.stderr  # some files failed: exit status 1, like extract
    rows = {r["path"]: r for r in read_summary(summary)}
    assert set(rows) == set(expected_ok) | {"2020/hong.pdf", "2020/rong.docx", "2020/mat-khau.pdf", "hong.zip"}

    for path in expected_ok:
        row = rows[path]
        assert row["status"] == "done", row
        assert len(row["sha256"]) == 64 and int(row["pages"]) >= 1
        assert int(row["tasks"]) >= int(row["assignments"])
    # Our corpus documents assign tasks: the run found some in each place files came from.
    assert sum(int(rows[p]["assignments"]) for p in expected_ok) > 0

    reasons = {p: rows[p]["error"].split(":")[0] for p in rows if rows[p]["status"] == "failed"}
    assert reasons == {"2020/hong.pdf": "unreadable", "2020/rong.docx": "empty",
                       "2020/mat-khau.pdf": "encrypted", "hong.zip": "unreadable"}
    assert "mat-khau.pdf" in rows["2020/mat-khau.pdf"]["error"]  # errors name the file
    assert "failures by reason" in proc.stdout and "encrypted" in proc.stdout

    # The database holds each stored file once, processed once, with the folder hints.
    docs = db_rows(ingest_env, "SELECT name, status, runs, hints FROM documents")
    assert len(docs) == len(expected_ok) + 3  # the broken zip never became a document
    assert all(runs == 1 for name, status, runs, _ in docs if status == "done")
    hints = {name: json.loads(h) for name, _, _, h in docs}
    first = expected_ok[0].rsplit("/", 1)[1]
    assert hints[first] == {"year": 2019, "unit": "Chiêm Hóa", "path": expected_ok[0]}
    nested = expected_ok[-1].rsplit("/", 1)[1]
    assert hints[nested]["year"] == 2021 and hints[nested]["unit"] == "Hòa Phú"
    tasks_before = db_rows(ingest_env, "SELECT count(*) FROM tasks")[0][0]
    assert tasks_before == sum(int(rows[p]["tasks"]) for p in expected_ok)

    # Again: everything stored is skipped, nothing is stored or processed twice.
    again = tmp_path / "again.csv"
    proc = run_ingest(ingest_env, str(root), "--workers", "2", "--summary", str(again))
    rows2 = {r["path"]: r for r in read_summary(again)}
    assert set(rows2) == set(rows)
    # a file that failed before is reported failed again, so a summary filtered for
    # failures still shows it (issue 13); what was stored is skipped
    failed_before = {"hong.zip", "2020/hong.pdf", "2020/rong.docx", "2020/mat-khau.pdf"}
    assert {p for p, r in rows2.items() if r["status"] == "skipped"} == set(rows) - failed_before, \
        {p: r["status"] for p, r in rows2.items()}
    assert {p for p, r in rows2.items() if r["status"] == "failed"} == failed_before
    assert proc.returncode == 1
    for path in expected_ok:  # a skipped row still tells what the stored document holds
        assert (rows2[path]["tasks"], rows2[path]["sha256"]) == (rows[path]["tasks"], rows[path]["sha256"])
    assert db_rows(ingest_env, "SELECT count(*), sum(runs) FROM documents") == [(len(docs), sum(d[2] for d in docs))]
    assert db_rows(ingest_env, "SELECT count(*) FROM tasks")[0][0] == tasks_before


def test_same_bytes_twice_in_one_run_are_stored_once(tmp_path, ingest_env):
    root = tmp_path / "in"
    (p,) = write_documents(root / "2019", 1)
    (root / "2020").mkdir()
    (root / "2020" / "ban-sao.txt").write_bytes(p.read_bytes())
    summary = tmp_path / "s.csv"
    proc = run_ingest(ingest_env, str(root), "--workers", "1", "--summary", str(summary))
    assert proc.returncode == 0, proc.stderr
    statuses = sorted(r["status"] for r in read_summary(summary))
    assert statuses == ["done", "skipped"]
    assert db_rows(ingest_env, "SELECT count(*) FROM documents")[0][0] == 1


def test_missing_folder_is_a_usage_error(tmp_path, ingest_env):
    proc = run_ingest(ingest_env, str(tmp_path / "khong-co"))
    assert proc.returncode == 2 and "khong-co" in proc.stderr and not proc.stdout


@pytest.mark.slow
@pytest.mark.postgres
def test_ingest_into_postgresql(tmp_path, ingest_env):
    """The same command against PostgreSQL (the production database), in a schema of its own."""
    with pg_schema("gvingest") as (url, conn, schema):
        ingest_env["GIAOVIEC_DATABASE_URL"] = url
        root = tmp_path / "in"
        files = write_documents(root / "2022" / "Chiêm Hóa", 4)
        proc = run_ingest(ingest_env, str(root), "--workers", "2", "--summary", str(tmp_path / "s.csv"))
        assert proc.returncode == 0, proc.stderr
        rows = read_summary(tmp_path / "s.csv")
        assert [r["status"] for r in rows] == ["done"] * len(files)
        stored = conn.execute(f'SELECT count(*), sum(runs) FROM "{schema}".documents').fetchone()
        assert stored == (len(files), len(files))
        tasks = conn.execute(f'SELECT count(*) FROM "{schema}".tasks').fetchone()[0]
        assert tasks == sum(int(r["tasks"]) for r in rows)
        proc = run_ingest(ingest_env, str(root), "--summary", str(tmp_path / "again.csv"))
        assert {r["status"] for r in read_summary(tmp_path / "again.csv")} == {"skipped"}
        assert conn.execute(f'SELECT count(*) FROM "{schema}".tasks').fetchone()[0] == tasks
