"""`giaoviec serve` as a person starts it: first start creates an admin and prints its
token once; the API, the page and in-process processing work over real HTTP."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from ..documents import decision_lines, make_docx

ROOT = Path(__file__).resolve().parents[3]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(tmp_path, port, log):
    env = dict(os.environ, GIAOVIEC_DATA_DIR=str(tmp_path / "data"), OMP_THREAD_LIMIT="1",
               GIAOVIEC_DATABASE_URL=f"sqlite:///{tmp_path}/data/giaoviec.db")
    env.pop("GIAOVIEC_BROKER_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "service", "serve", "--port", str(port)], cwd=tmp_path,
                            env=env, stdout=subprocess.DEVNULL, stderr=open(log, "wb"), start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
        if proc.poll() is not None:
            break
    proc.kill()
    raise AssertionError(Path(log).read_text(errors="replace"))


def _stop(proc):
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


@pytest.mark.slow
def test_first_start_prints_admin_token_once(tmp_path):
    port = _port()
    base = f"http://127.0.0.1:{port}"
    proc = _serve(tmp_path, port, tmp_path / "serve-1.log")
    try:
        log = (tmp_path / "serve-1.log").read_text()
        tokens = re.findall(r"\b(gv_[A-Za-z0-9_-]{20,})", log)
        assert len(tokens) == 1, log
        h = {"Authorization": f"Bearer {tokens[0]}"}
        assert httpx.get(f"{base}/api/me", headers=h).json()["role"] == "admin"
        assert httpx.get(f"{base}/api/me").status_code == 401
        page = httpx.get(f"{base}/")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        assert httpx.get(f"{base}/openapi.json").json()["info"]["title"] == "giaoviec"
        pytest.importorskip("extractor.pipeline")
        r = httpx.post(f"{base}/api/documents", headers=h, files=[("file", ("qd.docx", make_docx(decision_lines())))],
                       timeout=30)
        assert r.status_code == 202
        doc_id = r.json()["documents"][0]["id"]
        deadline = time.monotonic() + 120
        while (d := httpx.get(f"{base}/api/documents/{doc_id}", headers=h).json())["status"] not in ("done", "failed"):
            assert time.monotonic() < deadline, d
            time.sleep(0.3)
        assert d["status"] == "done" and d["assignments"] == 2
        assert (tmp_path / "data" / "files" / d["sha256"][:2] / d["sha256"][2:]).is_file()
    finally:
        _stop(proc)
    # second start: users exist, no new token is printed
    proc = _serve(tmp_path, port, tmp_path / "serve-2.log")
    _stop(proc)
    assert "gv_" not in (tmp_path / "serve-2.log").read_text()
