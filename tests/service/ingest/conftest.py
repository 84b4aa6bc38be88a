"""Fixtures for the ingest tests: archives made from the project's own corpus, and
the real ``giaoviec ingest`` command run in a subprocess against a fresh database."""
from __future__ import annotations

import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PG_PLAIN = "postgresql://postgres@127.0.0.1:5432/test"


@contextmanager
def pg_schema(prefix: str):
    """A PostgreSQL schema of its own (dropped after): yields (SQLAlchemy URL whose
    search_path is the schema, an autocommit psycopg connection, the schema's name).
    Skips the test when PostgreSQL is not reachable."""
    psycopg = pytest.importorskip("psycopg")
    try:
        conn = psycopg.connect(PG_PLAIN, autocommit=True, connect_timeout=2)
    except Exception:
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    schema = f"{prefix}_{uuid.uuid4().hex[:8]}"
    conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield (f"postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{schema}",
               conn, schema)
    finally:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        conn.close()


@pytest.fixture
def ingest_env(tmp_path) -> dict:
    """Environment of a clean SQLite database and data directory, no Celery broker."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIAOVIEC_")}
    env.update({
        "GIAOVIEC_DATABASE_URL": f"sqlite:///{tmp_path}/giaoviec.db",
        "GIAOVIEC_DATA_DIR": str(tmp_path / "data"),
        "OMP_THREAD_LIMIT": "1",
        "PYTHONPATH": str(ROOT),
    })
    return env


def ingest_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "service", "ingest", *args]


def run_ingest(env: dict, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(ingest_cmd(*args), env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def db_rows(env: dict, sql: str) -> list[tuple]:
    """Read the test database directly (sqlite3), as an auditor would."""
    import sqlite3

    path = env["GIAOVIEC_DATABASE_URL"].removeprefix("sqlite:///")
    conn = sqlite3.connect(path, timeout=30)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def write_documents(folder: Path, count: int, *, start: int = 0, kinds=("text", "docx")) -> list[Path]:
    """``count`` distinct documents from corpora/extract (text as written, or DOCX)."""
    from bench.make_corpus import load_sources, write_docx, write_text

    sources = [s for s in load_sources() if s.ext in ("txt", "md", "html")]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + count):
        src = sources[i % len(sources)]
        kind = kinds[i % len(kinds)]
        if kind == "docx":
            path = folder / f"{src.name}-{i:04d}.docx"
            write_docx(src, i, path)
        else:
            path = folder / f"{src.name}-{i:04d}.{src.ext}"
            write_text(src, i, path)
        out.append(path)
    return out
