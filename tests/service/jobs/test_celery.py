"""Celery mode: a real worker subprocess on the Redis at 127.0.0.1:6379, on a queue of
its own. Killing the worker (SIGKILL) in the middle of a document loses nothing and
the document is processed once."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from ..conftest import REDIS_URL, redis_available
from ..documents import decision_lines, make_docx, make_scan_pdf

pytestmark = [pytest.mark.redis, pytest.mark.slow]
pytest.importorskip("extractor.pipeline")
ROOT = Path(__file__).resolve().parents[3]


class Worker:
    """``giaoviec worker`` in its own process group, its log in a file."""

    def __init__(self, env: dict, log: Path):
        self.log = log
        self.proc = subprocess.Popen([sys.executable, "-m", "service", "worker", "--concurrency", "1",
                                      "--loglevel", "INFO"], cwd=ROOT, env=env, stdout=open(log, "ab"),
                                     stderr=subprocess.STDOUT, start_new_session=True)

    def wait_ready(self, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if b"ready." in self.log.read_bytes():
                return
            if self.proc.poll() is not None:
                raise AssertionError(f"worker exited: {self.log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.2)
        raise AssertionError(f"worker not ready: {self.log.read_text(errors='replace')[-3000:]}")

    def kill(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture(params=[pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request):
    # Celery workers are the production set-up, and that runs on PostgreSQL.
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture
def celery_api(api, service, monkeypatch, tmp_path):
    """The API in Celery mode plus a way to start workers; the queue is deleted after."""
    if not redis_available():
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    from service import jobs
    from service.settings import get_settings

    queue = f"gvtest-{uuid.uuid4().hex[:10]}"
    monkeypatch.setenv("GIAOVIEC_BROKER_URL", REDIS_URL)
    monkeypatch.setenv("GIAOVIEC_QUEUE", queue)
    monkeypatch.setenv("GIAOVIEC_STALE_SECONDS", "4")
    monkeypatch.setenv("GIAOVIEC_VISIBILITY_TIMEOUT", "8")
    monkeypatch.setenv("GIAOVIEC_QUEUED_SECONDS", "3")
    get_settings.cache_clear()
    jobs.configure_celery()
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    workers: list[Worker] = []

    def start():
        w = Worker(env, tmp_path / f"worker-{len(workers) + 1}.log")
        workers.append(w)
        w.wait_ready()
        return w

    api.start_worker = start
    yield api
    for w in workers:
        w.stop()
    import redis

    redis.Redis.from_url(REDIS_URL).delete(queue)
    monkeypatch.delenv("GIAOVIEC_BROKER_URL")
    get_settings.cache_clear()
    jobs.configure_celery()


def test_celery_worker_processes_uploads(celery_api):
    api = celery_api
    api.start_worker()
    up = api.upload([("a.docx", make_docx(decision_lines())),
                     ("b.docx", make_docx(decision_lines(names=("Ma Văn Dũng", "Triệu Thị Xuân"))))])
    docs = api.wait([u["id"] for u in up], timeout=120)
    assert [(d["status"], d["assignments"], d["attempts"]) for d in docs] == [("done", 2, 1), ("done", 2, 1)]
    # duplicates were matched across the two documents by the worker
    assert api.get("/api/duplicates").json()["total"] >= 1


def test_killed_worker_job_is_redelivered_and_processed_once(celery_api):
    api = celery_api
    w1 = api.start_worker()
    lines = decision_lines(names=("Bàn Văn Minh", "Lục Thị Thu"))
    scan = make_scan_pdf(lines * 2, pages=4)
    (u,) = api.upload([("scan-6-trang.pdf", scan)])
    deadline = time.monotonic() + 120
    while True:
        d = api.get(f"/api/documents/{u['id']}").json()
        if d["status"] == "processing" and d["pages_done"] >= 1:
            break
        assert d["status"] in ("queued", "processing"), d
        assert time.monotonic() < deadline, d
        time.sleep(0.1)
    w1.kill()
    killed_at = api.get(f"/api/documents/{u['id']}").json()
    assert killed_at["status"] == "processing" and killed_at["pages_done"] < 4, killed_at  # really mid-document
    api.start_worker()
    (d,) = api.wait([u["id"]], timeout=240)
    assert d["status"] == "done", d
    assert d["attempts"] == 2 and d["pages_done"] == d["pages"] == 4
    rows = api.get(f"/api/documents/{u['id']}/assignments").json()
    # processed once: every person once, not twice
    names = [a["cadre"] for a in rows]
    assert sorted(set(names)) == sorted(names) and {"Bàn Văn Minh", "Lục Thị Thu"} <= set(names)
    from sqlalchemy import func, select

    from service.storage.db import session_scope
    from service.storage.models import Document

    with session_scope() as s:
        assert s.scalar(select(Document.runs).where(Document.id == u["id"])) == 1
        assert s.scalar(select(func.count()).select_from(Document)) == 1


def test_a_document_whose_enqueue_failed_is_sent_again_by_the_sweeper(celery_api, monkeypatch):
    """The broker refused the upload's message: the document is stored as queued and a
    running worker's sweeper sends it again after GIAOVIEC_QUEUED_SECONDS (it waited for
    a worker's restart, issue 13)."""
    from service import jobs

    api = celery_api
    api.start_worker()  # up before the upload: its start-up sweep cannot be what saves it

    def refused(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    with monkeypatch.context() as m:
        m.setattr(jobs.process_document_task, "apply_async", refused)
        (u,) = api.upload([("khong-gui-duoc.docx", make_docx(decision_lines()))])
        assert api.get(f"/api/documents/{u['id']}").json()["status"] == "queued"
    (d,) = api.wait([u["id"]], timeout=90)
    assert (d["status"], d["assignments"], d["attempts"]) == ("done", 2, 1), d
