"""A document that takes its worker down every time: the server is killed (kill -9, its
whole process group) while it reads a scan, and started again, until the document is
failed with a reason instead of being queued forever (issue 13: six kills, attempts 1 to
7, never failed). Another document uploaded beside it is processed; nothing is left
running after the kills; /healthz answers once the server is up."""
from __future__ import annotations

import os
import signal
import subprocess
import time

import httpx

from tests.service.documents import decision_lines, make_scan_pdf

from .conftest import Prober, _start, _stop, record


def _status(srv, doc_id: int) -> dict:
    return httpx.get(f"{srv.url}/api/documents/{doc_id}", headers=srv.h(), timeout=10).json()


def _wait_processing(srv, doc_id: int, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        d = _status(srv, doc_id)
        if d["status"] != "queued":
            return d
        time.sleep(0.1)
    raise AssertionError(f"document {doc_id} was never claimed")


def _kill(srv) -> None:
    os.killpg(srv.proc.pid, signal.SIGKILL)
    srv.proc.wait()


def _left_running(pgid: int, grace: float = 3.0) -> list[str]:
    """Processes of the group still there after ``grace`` s (killed children take a moment to go)."""
    deadline = time.monotonic() + grace
    while True:
        out = subprocess.run(["ps", "-o", "pid=,stat=,comm=", "-g", str(pgid)], capture_output=True,
                             text=True).stdout
        alive = [ln for ln in out.splitlines() if ln.strip() and " Z" not in ln]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def test_a_worker_killing_file_fails_after_the_attempt_cap(tmp_path):
    env = {"GIAOVIEC_STALE_SECONDS": "2", "GIAOVIEC_MAX_ATTEMPTS": "2"}
    url = f"sqlite:///{tmp_path}/giaoviec.db"
    srv = _start(tmp_path, url, env)
    token = srv.token
    scan = make_scan_pdf(decision_lines(), pages=4)
    t = time.monotonic()
    kills = 0
    try:
        r = httpx.post(f"{srv.url}/api/documents", headers=srv.h(), timeout=60, files=[("file", ("scan.pdf", scan))])
        doc_id = r.json()["documents"][0]["id"]
        while True:
            d = _wait_processing(srv, doc_id)
            if d["status"] != "processing":
                break
            _kill(srv)  # the reader "crashed" the process (as an OOM kill would)
            kills += 1
            assert not _left_running(srv.proc.pid), "processes of the killed server are still running"
            assert kills <= 4, f"killed {kills} times and the document is still {d['status']}"
            time.sleep(2.5)  # the heartbeat goes stale
            srv = _start(tmp_path, url, env, token=token)
        d = _status(srv, doc_id)
        with Prober(srv.url) as probe:
            r = httpx.post(f"{srv.url}/api/documents", headers=srv.h(), timeout=60,
                           files=[("file", ("qd.txt", "\n".join(decision_lines()).encode()))])
            other = srv.wait_docs([r.json()["documents"][0]["id"]], timeout=60)[0]
    finally:
        _stop(srv)
    record("worker-killing file", kills=kills, status=d["status"], error=(d["error"] or {}).get("code"),
           attempts=d["attempts"], seconds=round(time.monotonic() - t, 1), healthz_worst_s=round(probe.worst, 3))
    assert (d["status"], d["error"]["code"]) == ("failed", "crashed")
    assert kills == 2 and "stopped 2 times" in d["error"]["message"]
    assert other["status"] == "done" and other["assignments"] == 2
    probe.check()



def test_a_job_past_its_deadline_ends_failed(tmp_path):
    """A hanging parse stands in as a scan that takes longer than GIAOVIEC_JOB_SECONDS (2 s
    here): it ends ``failed``/``timeout`` within a beat of the deadline instead of being
    kept alive by its heartbeat; the server answers /healthz meanwhile."""
    env = {"GIAOVIEC_STALE_SECONDS": "4", "GIAOVIEC_JOB_SECONDS": "2"}
    srv = _start(tmp_path, f"sqlite:///{tmp_path}/giaoviec.db", env)
    t = time.monotonic()
    try:
        with Prober(srv.url) as probe:
            r = httpx.post(f"{srv.url}/api/documents", headers=srv.h(), timeout=60,
                           files=[("file", ("scan.pdf", make_scan_pdf(decision_lines(), pages=6)))])
            scan = srv.wait_docs([r.json()["documents"][0]["id"]], timeout=60)[0]
    finally:
        _stop(srv)
    record("hanging file (deadline 2 s)", status=scan["status"], error=(scan["error"] or {}).get("code"),
           seconds=round(time.monotonic() - t, 1), healthz_worst_s=round(probe.worst, 3))
    assert (scan["status"], scan["error"]["code"]) == ("failed", "timeout")
    assert "longer than 2 s" in scan["error"]["message"]
    probe.check()
