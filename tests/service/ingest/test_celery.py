"""``giaoviec ingest`` with GIAOVIEC_BROKER_URL set: files are stored by ingest and
processed by Celery workers (here one real ``giaoviec worker`` on this machine)."""
from __future__ import annotations

import os
import signal
import subprocess
import uuid

import pytest

from service.ingest import read_summary

from .conftest import ROOT, db_rows, run_ingest, write_documents

REDIS_URL = os.environ.get("GIAOVIEC_TEST_REDIS", "redis://127.0.0.1:6379/0")


def _redis_up() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping())
    except Exception:
        return False


@pytest.mark.slow
@pytest.mark.redis
def test_ingest_on_celery_workers(tmp_path, ingest_env):
    if not _redis_up():
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    root = tmp_path / "in"
    files = write_documents(root / "2021" / "Chiêm Hóa", 6)
    # A queue of our own, so no other test's worker takes (or leaves) jobs in it.
    ingest_env.update({"GIAOVIEC_BROKER_URL": REDIS_URL, "GIAOVIEC_QUEUE": f"ingest-test-{uuid.uuid4().hex[:8]}"})
    worker = subprocess.Popen([*map(str, (os.sys.executable, "-m", "service", "worker", "--concurrency", "2",
                                          "--loglevel", "WARNING"))],
                              env=ingest_env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        proc = run_ingest(ingest_env, str(root), "--summary", str(tmp_path / "s.csv"), timeout=300)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
    assert proc.returncode == 0, proc.stderr
    rows = read_summary(tmp_path / "s.csv")
    assert len(rows) == len(files) and {r["status"] for r in rows} == {"done"}
    docs = db_rows(ingest_env, "SELECT status, runs, job_id FROM documents")
    assert len(docs) == len(files) and all(status == "done" and runs == 1 for status, runs, _ in docs)
    assert db_rows(ingest_env, "SELECT count(*) FROM tasks")[0][0] == sum(int(r["tasks"]) for r in rows)
    assert f"on Celery queue {ingest_env['GIAOVIEC_QUEUE']}" in proc.stdout
