"""Fixtures for the service tests: a real database (SQLite file, and PostgreSQL in a
fresh schema for this test session), the real app, and users of each role."""
from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass, field

import pytest

PG_URL = os.environ.get("GIAOVIEC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("GIAOVIEC_TEST_REDIS", "redis://127.0.0.1:6379/0")
TABLES = ["audit_log", "review_decisions", "duplicate_pairs", "tasks", "assignments", "pages", "documents",
          "api_tokens", "users"]


def pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_URL.replace("postgresql+psycopg", "postgresql"), connect_timeout=2):
            return True
    except Exception:
        return False


def redis_available() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping())
    except Exception:
        return False


@pytest.fixture(scope="session")
def pg_schema_url():
    """A PostgreSQL URL whose search_path is a schema made for this session (dropped after)."""
    if not pg_available():
        pytest.skip(f"PostgreSQL is not reachable at {PG_URL}")
    import psycopg

    schema = f"gvtest_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    plain = PG_URL.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    from service.storage import db

    if db._engine is not None:
        db._engine.dispose()
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/giaoviec.db"
    return request.getfixturevalue("pg_schema_url")


def _truncate(url: str) -> None:
    from sqlalchemy import text

    from service.storage.db import get_engine

    if url.startswith("postgresql"):
        with get_engine().begin() as conn:
            conn.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))


@pytest.fixture
def service(db_url, tmp_path, monkeypatch):
    """Settings pointing at a clean database and data directory; in-process jobs."""
    from service import jobs
    from service.settings import get_settings
    from service.storage.db import init_db

    monkeypatch.setenv("GIAOVIEC_DATABASE_URL", db_url)
    monkeypatch.setenv("GIAOVIEC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("GIAOVIEC_WORKERS", "2")
    monkeypatch.setenv("GIAOVIEC_STALE_SECONDS", "30")
    monkeypatch.delenv("GIAOVIEC_BROKER_URL", raising=False)
    get_settings.cache_clear()
    jobs.configure_celery()
    init_db(db_url)
    _truncate(db_url)
    yield get_settings()
    jobs.shutdown_runner(wait=True)
    get_settings.cache_clear()


@dataclass
class Api:
    client: object
    tokens: dict = field(default_factory=dict)

    def h(self, role: str) -> dict:
        return {"Authorization": f"Bearer {self.tokens[role]}"}

    def get(self, path, role="admin", **kw):
        return self.client.get(path, headers=self.h(role), **kw)

    def post(self, path, role="admin", **kw):
        return self.client.post(path, headers=self.h(role), **kw)

    def patch(self, path, role="admin", **kw):
        return self.client.patch(path, headers=self.h(role), **kw)

    def upload(self, files: list[tuple[str, bytes]], role="clerk", **kw):
        r = self.post("/api/documents", role=role, files=[("file", (n, d)) for n, d in files], **kw)
        assert r.status_code == 202, r.text
        return r.json()["documents"]

    def wait(self, ids, timeout: float = 180.0) -> list[dict]:
        """Poll until every document is done or failed."""
        deadline = time.monotonic() + timeout
        while True:
            docs = [self.get(f"/api/documents/{i}").json() for i in ids]
            if all(d["status"] in ("done", "failed") for d in docs):
                return docs
            if time.monotonic() > deadline:
                raise AssertionError(f"documents not finished after {timeout}s: {docs}")
            time.sleep(0.2)


def make_users(session_scope_fn=None) -> dict:
    from service.auth import create_user
    from service.storage.db import session_scope

    tokens = {}
    with session_scope() as s:
        for role in ("clerk", "reviewer", "admin"):
            _, tokens[role] = create_user(s, f"{role}-1", role, password=f"pw-{role}")
    return tokens


@pytest.fixture
def api(service):
    from fastapi.testclient import TestClient

    from service.app import create_app

    tokens = make_users()
    with TestClient(create_app()) as client:
        yield Api(client, tokens)
