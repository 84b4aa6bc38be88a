"""``giaoviec serve [--host 127.0.0.1] [--port 8000]``: the API and the review page."""
from __future__ import annotations

import argparse
import os
import sys


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve the API and the review page",
                       description="Serve the API and the review page (SQLite under ./data unless "
                                   "GIAOVIEC_DATABASE_URL says otherwise).")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=None,
                   help="HTTP worker processes (default: one per CPU, at most 4, on PostgreSQL; 1 on SQLite)")
    p.set_defaults(func=run)


def default_workers(database_url: str) -> int:
    """HTTP processes when ``--workers`` is not given.

    One Python process uses one core however many requests wait, so on PostgreSQL serve
    with one per CPU (at most 4: the database needs cores too). SQLite lets one writer
    at a time, so more processes there only queue on its lock.

    >>> default_workers("sqlite:///./data/giaoviec.db")
    1
    """
    if database_url.startswith("sqlite"):
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def bootstrap_admin() -> str | None:
    """If there is no user at all, create ``admin`` and return its token (printed once)."""
    from sqlalchemy import func, select

    from service.auth import audit, create_user
    from service.storage.db import session_scope
    from service.storage.models import User

    with session_scope() as s:
        if s.scalar(select(func.count()).select_from(User)):
            return None
        user, token = create_user(s, "admin", "admin")
        audit(s, None, "create", "user", user.id, None, {"name": "admin", "role": "admin", "bootstrap": True})
        return token


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from service.settings import get_settings
    from service.storage.db import init_db

    settings = get_settings()
    init_db(settings.database_url)
    if settings.bootstrap_admin:
        token = bootstrap_admin()
        if token:
            print("No user existed, so an admin was created. Its API token (shown only this once):",
                  file=sys.stderr)
            print(f"    {token}", file=sys.stderr)
            print("Log in on the page with it, or: curl -H 'Authorization: Bearer TOKEN' "
                  f"http://{args.host}:{args.port}/api/me", file=sys.stderr)
    workers = args.workers or default_workers(settings.database_url)
    jobs = f"celery {settings.broker_url}" if settings.broker_url else "in-process"
    print(f"giaoviec: serving http://{args.host}:{args.port}/ with {workers} process(es) "
          f"(database {settings.database_url}, jobs {jobs})", file=sys.stderr)
    if workers > 1:
        uvicorn.run("service.app:app", host=args.host, port=args.port, workers=workers, log_level="warning")
    else:
        from service.app import app

        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
