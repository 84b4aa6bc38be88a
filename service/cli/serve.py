"""``giaoviec serve [--host 127.0.0.1] [--port 8000]``: the API and the review page."""
from __future__ import annotations

import argparse
import os
import socket
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


def tcp_socket(host: str, port: int) -> socket.socket:
    """The listening socket for ``--workers N``, created as TCP (``IPPROTO_TCP``).

    uvicorn binds it with ``proto`` 0 when it makes it; accepted connections inherit that
    and asyncio then leaves Nagle's algorithm on (it sets TCP_NODELAY only for
    ``proto == IPPROTO_TCP``), so every keep-alive request after the first waited ~40 ms
    for the client's delayed ACK (uvicorn issue #3149). Measured here: /healthz on one
    connection took 44 ms a request with 2 workers, 0.3 ms with 1.

    >>> tcp_socket("127.0.0.1", 0).proto == socket.IPPROTO_TCP
    True
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def shown_url(url: str) -> str:
    """A database or broker URL as printed: the password masked (logs are read by many).

    >>> shown_url("postgresql+psycopg://app:s3cret@db:5432/gv")
    'postgresql+psycopg://app:***@db:5432/gv'
    """
    import re

    return re.sub(r"(://[^:/@\s]*:)[^@\s]*@", r"\1***@", url)


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
    from service.jobs import uses_celery

    jobs = f"celery {settings.broker_url}" if uses_celery(settings) else "in-process"
    print(f"giaoviec: serving http://{args.host}:{args.port}/ with {workers} process(es) "
          f"(database {shown_url(settings.database_url)}, jobs {shown_url(jobs)})", file=sys.stderr)
    if workers > 1:
        from uvicorn.supervisors import Multiprocess

        try:
            sock = tcp_socket(args.host, args.port)
        except OSError as err:
            print(f"giaoviec serve: cannot listen on {args.host}:{args.port} ({err}); "
                  "choose another --port or stop what uses it", file=sys.stderr)
            return 1
        config = uvicorn.Config("service.app:app", host=args.host, port=args.port, workers=workers,
                                log_level="warning")
        Multiprocess(config, sockets=[sock]).run()
    else:
        from service.app import app

        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
