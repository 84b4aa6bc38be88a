"""Resume after ``kill -9``: start ``giaoviec ingest`` in a subprocess, SIGKILL it in
the middle, run the same command again: every file is done once, nothing is lost,
and the rerun does not wait for the dead run's heartbeats to go stale."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from service.ingest import read_summary

from .conftest import ROOT, db_rows, ingest_cmd, run_ingest, write_documents


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.slow
def test_kill_9_mid_run_then_rerun_finishes_everything_once(tmp_path, ingest_env):
    root = tmp_path / "luu-tru"
    files = write_documents(root / "2022" / "Chiêm Hóa", 16) + write_documents(root / "2023" / "Kim Bình", 16, start=16)
    # A dead run's documents must be taken back at once, not after this long.
    ingest_env["GIAOVIEC_STALE_SECONDS"] = "600"
    first = subprocess.Popen(ingest_cmd(str(root), "--workers", "2", "--summary", str(tmp_path / "first.csv")),
                             env=ingest_env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: set[int] = set()
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline:
            time.sleep(0.2)
            assert first.poll() is None, f"ingest ended before it could be killed: {first.stderr.read()!r}"
            workers |= set(_children(first.pid))
            try:
                done = db_rows(ingest_env, "SELECT count(*) FROM documents WHERE status = 'done'")[0][0]
            except Exception:  # the database is not created yet
                continue
            if done >= 4:
                break
        else:
            pytest.fail("ingest did not finish 4 documents in 240 s")
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
    # Its pool processes die with it (they would otherwise go on holding documents).
    time.sleep(2)
    assert workers and not [p for p in workers if _alive(p)]

    before = dict(db_rows(ingest_env, "SELECT status, count(*) FROM documents GROUP BY status"))
    cut_short = {sha for (sha,) in db_rows(ingest_env, "SELECT sha256 FROM documents WHERE status = 'processing'")}
    assert len(cut_short) <= 2  # at most one per worker was in hand
    finished_before = before.get("done", 0) + before.get("failed", 0)
    assert finished_before < len(files), f"the kill came after the end: {before}"
    assert not (tmp_path / "first.csv").exists()  # killed runs write no half summary

    started = time.monotonic()
    proc = run_ingest(ingest_env, str(root), "--workers", "2", "--summary", str(tmp_path / "second.csv"),
                      timeout=400)
    assert time.monotonic() - started < 300  # not the 600 s heartbeat wait
    rows = read_summary(tmp_path / "second.csv")
    assert len(rows) == len(files)
    counts = {s: sum(r["status"] == s for r in rows) for s in ("done", "failed", "skipped")}
    # Finished before the kill: skipped. Stored or in flight when killed, or never reached: done now.
    assert counts["skipped"] == finished_before
    assert counts["done"] + counts["failed"] == len(files) - finished_before
    docs = db_rows(ingest_env, "SELECT sha256, status, runs FROM documents")
    assert len(docs) == len(files) == len({d[0] for d in docs})  # every file stored, once
    assert {d[0] for d in docs} == {r["sha256"] for r in rows}
    assert all(status in ("done", "failed") for _, status, _ in docs)
    # Processed once: only a document in hand at the kill may have been stored and then
    # redone (killed in its duplicate-matching stage); the redo replaced, not added.
    assert {d[0] for d in docs if d[2] != 1} <= cut_short
    # Each document cut short holds what one extraction of its file gives, not two.
    from extractor import extract

    by_sha = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in files}
    for sha in cut_short:
        stored = db_rows(ingest_env, "SELECT count(*) FROM tasks t JOIN documents d ON d.id = t.document_id "
                                     f"WHERE d.sha256 = '{sha}'")[0][0]
        assert stored == sum(len(a.tasks) for a in extract(by_sha[sha]).assignments)
    assert db_rows(ingest_env, "SELECT count(*) FROM tasks")[0][0] == sum(int(r["tasks"]) for r in rows)
    assert proc.returncode in (0, 1), proc.stderr
