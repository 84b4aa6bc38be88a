"""Engine, sessions and migrations.

    >>> from service.storage.db import init_db, session_scope
    >>> init_db("sqlite:///./data/giaoviec.db")      # creates/upgrades the schema (Alembic head)
    >>> with session_scope() as s:
    ...     s.query(Document).count()

``init_db`` binds the module-level ``SessionLocal`` to the engine; every process
(server, in-process workers, Celery worker, ``giaoviec ingest``) calls it once.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

SERVICE_DIR = Path(__file__).resolve().parents[1]
ALEMBIC_INI = SERVICE_DIR / "alembic.ini"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

SessionLocal = sessionmaker(expire_on_commit=False)
_engine: Engine | None = None
_lock = threading.Lock()


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    """An engine for ``url``; for SQLite, creates the directory and turns on WAL.

    >>> make_engine("sqlite:///./data/giaoviec.db").dialect.name
    'sqlite'
    """
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            # WAL lets the page read while a worker writes; foreign keys make cascades real.
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            # FULL: a commit survives a power cut (NORMAL under WAL may lose the last ones,
            # and an upload answered "stored" must stay stored; issue 13).
            cur.execute("PRAGMA synchronous=FULL")
            cur.close()

        return engine
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size * 2, pool_pre_ping=True)


def configure(url: str) -> Engine:
    """Bind ``SessionLocal`` to a (new) engine for ``url`` and return it."""
    global _engine
    with _lock:
        if _engine is not None and str(_engine.url) == str(make_url(url)):
            return _engine
        if _engine is not None:
            _engine.dispose()
        _engine = make_engine(url)
        SessionLocal.configure(bind=_engine)
        return _engine


def get_engine() -> Engine:
    if _engine is None:
        from service.settings import get_settings

        return configure(get_settings().database_url)
    return _engine


def dispose() -> None:
    """Drop pooled connections (after fork: a child must not share its parent's sockets)."""
    if _engine is not None:
        _engine.dispose(close=False)


def alembic_config(url: str):
    """Alembic's Config pointing at our migrations, whatever the working directory."""
    from alembic.config import Config

    cfg = Config(str(ALEMBIC_INI))
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def init_db(url: str | None = None) -> Engine:
    """Create or upgrade the schema to the newest migration and bind sessions.

    Safe to call from several processes at once: on PostgreSQL an advisory lock
    serialises the upgrade.

    >>> engine = init_db("sqlite:///./data/giaoviec.db")
    """
    from alembic import command

    if url is None:
        from service.settings import get_settings

        url = get_settings().database_url
    engine = configure(url)
    cfg = alembic_config(url)
    with _sqlite_migration_lock(engine), engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(74250001)"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return engine


@contextmanager
def _sqlite_migration_lock(engine: Engine) -> Iterator[None]:
    """On SQLite, serialise schema upgrades across processes with a lock file beside the
    database: a worker and ``giaoviec ingest`` starting together on a new database
    otherwise both run the first migration ("table audit_log already exists")."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    import fcntl

    lock_path = Path(database).resolve().with_name(Path(database).name + ".migrate.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextmanager
def session_scope() -> Iterator[Session]:
    """A session that commits on success and rolls back on error.

    >>> with session_scope() as s:
    ...     s.add(User(name="lan", role="clerk"))
    """
    get_engine()
    session = SessionLocal()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
