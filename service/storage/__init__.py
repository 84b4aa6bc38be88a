"""Storage: SQLAlchemy models, sessions, Alembic migrations and the file store.

    >>> from service.storage import db, models
    >>> db.init_db("sqlite:///./data/giaoviec.db")
"""
from . import db, models  # noqa: F401
from .db import SessionLocal, init_db, make_engine, session_scope  # noqa: F401
