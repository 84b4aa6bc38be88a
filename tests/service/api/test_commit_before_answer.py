"""A write is committed before its answer leaves the server.

FastAPI ends a ``yield`` dependency after the response by default; with the request's
session committed there, a client could be handed a new token (or an upload's id, a
decision) and use it before it exists — or be told "stored" for a write whose commit then
fails. Here a real server (uvicorn, in a thread) gets a login whose commit is made slow
on purpose; the answer must not arrive before the commit has finished.
"""
from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest
from sqlalchemy import event


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live_server(service):
    import uvicorn

    from service.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)


def test_login_token_is_committed_before_the_answer(live_server, api):
    from service.storage.db import SessionLocal

    committed: list[float] = []

    def mark(session, flush_context):  # the session that stores a new token (flushed early)
        if any(type(o).__name__ == "ApiToken" for o in session.new):
            session.info["slow_commit"] = True

    def slow_commit(session):
        if session.info.pop("slow_commit", False):
            time.sleep(0.8)  # a busy database
            committed.append(time.monotonic())

    event.listen(SessionLocal, "after_flush", mark)
    event.listen(SessionLocal, "before_commit", slow_commit)
    try:
        r = httpx.post(f"{live_server}/api/auth/login",
                       json={"name": "reviewer-1", "password": "pw-reviewer"}, timeout=30)
        answered = time.monotonic()
    finally:
        event.remove(SessionLocal, "before_commit", slow_commit)
        event.remove(SessionLocal, "after_flush", mark)
    assert r.status_code == 200, r.text
    assert committed and committed[0] <= answered, "the answer left before the commit"
    me = httpx.get(f"{live_server}/api/me", headers={"Authorization": f"Bearer {r.json()['token']}"}, timeout=30)
    assert me.status_code == 200 and me.json()["name"] == "reviewer-1"
