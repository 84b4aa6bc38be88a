"""A real ``giaoviec serve`` to attack: its own data directory and database, its peak
memory read from /proc, and a prober that asks ``/healthz`` every 100 ms meanwhile.

Limits are lowered where the point is that a cap holds, not how big it is
(``MAX_UPLOAD_BYTES`` 20 MB): the suite runs in ``make test`` on two shared cores.
"""
from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
GIAOVIEC = ROOT / ".venv" / "bin" / "giaoviec"
MB = 1 << 20


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_peak_mb(pid: int) -> float:
    """Peak resident memory of a process since start (or since ``reset_peak``), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM in /proc status")


def reset_peak(pid: int) -> None:
    """Start the peak over from the current resident memory (Linux: clear_refs 5)."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


@dataclass
class Server:
    url: str
    host: str
    port: int
    proc: subprocess.Popen
    data_dir: Path
    token: str
    env: dict
    log: Path

    def h(self, token: str | None = None) -> dict:
        return {"Authorization": f"Bearer {token or self.token}"}

    def user(self, name: str, role: str = "clerk", password: str | None = None) -> str:
        r = httpx.post(f"{self.url}/api/users", headers=self.h(), timeout=30,
                       json={"name": name, "role": role, **({"password": password} if password else {})})
        assert r.status_code == 201, r.text
        return r.json()["token"]

    def wait_docs(self, ids: list[int], timeout: float = 60) -> list[dict]:
        deadline = time.monotonic() + timeout
        while True:
            docs = [httpx.get(f"{self.url}/api/documents/{i}", headers=self.h(), timeout=10).json() for i in ids]
            if all(d["status"] in ("done", "failed") for d in docs):
                return docs
            assert time.monotonic() < deadline, f"not finished after {timeout} s: {docs}"
            time.sleep(0.3)


def _start(tmp: Path, database_url: str, extra_env: dict | None = None, token: str | None = None) -> Server:
    """Start ``giaoviec serve`` on ``tmp`` (again: pass the admin ``token`` printed the first time)."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIAOVIEC_")}
    env.update(GIAOVIEC_DATABASE_URL=database_url, GIAOVIEC_DATA_DIR=str(tmp / "data"),
               GIAOVIEC_MAX_UPLOAD_BYTES=str(20 * MB), GIAOVIEC_WORKERS="1", GIAOVIEC_OCR_PROCESSES="1",
               GIAOVIEC_STALE_SECONDS="20", TMPDIR=str(tmp / "tmp"), OMP_THREAD_LIMIT="1")
    env.update(extra_env or {})
    (tmp / "tmp").mkdir(exist_ok=True)
    log = tmp / "serve.log"
    proc = subprocess.Popen([str(GIAOVIEC), "serve", "--port", str(port), "--workers", "1"], cwd=tmp, env=env,
                            stdout=subprocess.DEVNULL, stderr=open(log, "wb"), start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"giaoviec serve did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.1)
    token = token or next((ln.strip() for ln in log.read_text().splitlines() if ln.strip().startswith("gv_")), None)
    assert token, f"no admin token printed:\n{log.read_text()}"
    return Server(url, "127.0.0.1", port, proc, tmp / "data", token, env, log)


def _stop(server: Server) -> None:
    """Stop the server and every process it started (its own process group)."""
    if server.proc.poll() is None:
        os.killpg(server.proc.pid, signal.SIGTERM)
        try:
            server.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.proc.pid, signal.SIGKILL)
            server.proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``giaoviec serve`` on SQLite, one process."""
    tmp = tmp_path_factory.mktemp("hostile")
    srv = _start(tmp, f"sqlite:///{tmp}/giaoviec.db")
    yield srv
    _stop(srv)


@pytest.fixture(scope="module")
def pg_server(tmp_path_factory):
    """``giaoviec serve`` on PostgreSQL (a schema of its own), one process."""
    from tests.service.ingest.conftest import pg_schema  # the one helper for a PostgreSQL schema

    tmp = tmp_path_factory.mktemp("hostile-pg")
    with pg_schema("gvhostile") as (url, _conn, _schema):
        srv = _start(tmp, url)
        yield srv
        _stop(srv)


@dataclass
class Prober:
    """Asks /healthz every ``interval`` s from its own thread; latencies of the answers, and
    failures (no answer within ``limit``)."""

    url: str
    interval: float = 0.1
    limit: float = 1.0
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def __post_init__(self):
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        with httpx.Client(timeout=self.limit) as c:
            while not self._stop.wait(self.interval):
                t = time.monotonic()
                try:
                    ok = c.get(f"{self.url}/healthz").status_code == 200
                    (self.latencies if ok else self.failures).append(time.monotonic() - t)
                except httpx.HTTPError as err:
                    self.failures.append(f"{type(err).__name__} after {time.monotonic() - t:.2f} s")

    def __enter__(self):
        self._thread.start()
        return self

    # answers the check needs; an attack refused at once may end before the prober has them
    MIN_ANSWERS = 3

    def __exit__(self, *exc):
        # go on asking a moment after a quick attack, so that check() judges a sample and not one
        # answer (the service must still answer then: a refused attack may still be unwinding)
        deadline = time.monotonic() + 3.0
        while len(self.latencies) + len(self.failures) < self.MIN_ANSWERS and time.monotonic() < deadline:
            time.sleep(self.interval)
        self._stop.set()
        self._thread.join(timeout=5)

    @property
    def worst(self) -> float:
        return max(self.latencies, default=0.0)

    def check(self) -> None:
        assert len(self.latencies) >= self.MIN_ANSWERS, f"the prober got only {len(self.latencies)} answers"
        assert not self.failures, f"/healthz failed {len(self.failures)} times: {self.failures[:5]}"
        assert self.worst < self.limit, f"/healthz took {self.worst:.2f} s"


def record(name: str, **figures) -> None:
    """Print the figures a hostile test measured (``pytest -s`` shows them; CI logs keep them)."""
    print(f"\n[hostile] {name}: " + ", ".join(f"{k}={v}" for k, v in figures.items()), file=sys.stderr)


def send_stream(host: str, port: int, head: bytes, body_bytes: int, *, chunked: bool,
                chunk: int = 256 * 1024, prefix: bytes = b"") -> tuple[int | None, int, bytes]:
    """Send ``head`` then up to ``body_bytes`` of zeros (generated as sent, never held), and
    stop as soon as the server answers or closes. Returns (status, body bytes sent, answer)."""
    sent = 0
    zeros = bytes(chunk)
    answer = b""
    with socket.create_connection((host, port), timeout=30) as s:
        s.sendall(head)
        try:
            if prefix:
                s.sendall(f"{len(prefix):x}\r\n".encode() + prefix + b"\r\n" if chunked else prefix)
                sent += len(prefix)
            while sent < body_bytes:
                readable, _, _ = select.select([s], [], [], 0)
                if readable:
                    break
                n = min(chunk, body_bytes - sent)
                piece = zeros[:n]
                s.sendall(f"{n:x}\r\n".encode() + piece + b"\r\n" if chunked else piece)
                sent += n
            if chunked and sent >= body_bytes:
                s.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            s.settimeout(30)
            while b"\r\n\r\n" not in answer or len(answer) < 4096:
                got = s.recv(65536)
                if not got:
                    break
                answer += got
                if b"\r\n\r\n" in answer and b'"}' in answer:
                    break
        except (TimeoutError, ConnectionResetError):
            pass
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else None
    return status, sent, answer
