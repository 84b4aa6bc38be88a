"""`giaoviec serve --workers N`: several HTTP processes on one TCP socket (issue 5).

Speed is measured in bench/ (``python -m bench service``); here only that the socket is
made as TCP, so asyncio turns Nagle's algorithm off on every connection (uvicorn's own
socket left it on: ~40 ms per keep-alive request), and that N processes serve."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[3]


def test_listening_socket_is_tcp_so_connections_get_nodelay():
    import asyncio

    from service.cli.serve import tcp_socket

    sock = tcp_socket("127.0.0.1", 0)
    assert sock.proto == socket.IPPROTO_TCP and sock.get_inheritable()
    got = {}

    async def main():
        def on_accept(reader, writer):
            s = writer.get_extra_info("socket")
            got["nodelay"] = s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
            writer.close()

        server = await asyncio.start_server(on_accept, sock=sock)
        port = sock.getsockname()[1]
        _, w = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(100):
            if got:
                break
            await asyncio.sleep(0.05)
        w.close()
        server.close()

    asyncio.run(main())
    assert got == {"nodelay": 1}


def test_default_workers():
    from service.cli.serve import default_workers

    assert default_workers("sqlite:///./data/giaoviec.db") == 1
    assert 1 <= default_workers("postgresql+psycopg://u@h/db") <= 4


@pytest.mark.slow
def test_two_processes_serve_keep_alive_requests(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, GIAOVIEC_DATA_DIR=str(tmp_path / "data"), OMP_THREAD_LIMIT="1",
               GIAOVIEC_DATABASE_URL=f"sqlite:///{tmp_path}/data/giaoviec.db")
    env.pop("GIAOVIEC_BROKER_URL", None)
    log = tmp_path / "serve.log"
    proc = subprocess.Popen([sys.executable, "-m", "service", "serve", "--port", str(port), "--workers", "2"],
                            cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=open(log, "wb"),
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as client:  # one keep-alive connection
            while True:
                try:
                    if client.get("/healthz").status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.3)
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")
            token = [ln.strip() for ln in log.read_text().splitlines() if ln.strip().startswith("gv_")][0]
            for _ in range(5):
                r = client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
                assert r.status_code == 200 and r.json()["role"] == "admin"
        assert "with 2 process(es)" in log.read_text()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
