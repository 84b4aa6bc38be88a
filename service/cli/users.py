"""``giaoviec users add NAME --role clerk|reviewer|admin [--password P]`` (prints a token),
``giaoviec users list``, ``giaoviec users token NAME`` (a new token), ``giaoviec users
revoke NAME`` (every token of NAME stops working, in every server process at once)."""
from __future__ import annotations

import argparse
import sys


def register(sub) -> None:
    p = sub.add_parser("users", help="add and list users (prints API tokens)")
    us = p.add_subparsers(dest="users_command", metavar="ACTION")
    a = us.add_parser("add", help="add a user and print their API token")
    a.add_argument("name")
    a.add_argument("--role", required=True, choices=["clerk", "reviewer", "admin"])
    a.add_argument("--password", default=None, help="optional: lets the user log in by name on the page")
    a.set_defaults(func=add)
    ls = us.add_parser("list", help="list users")
    ls.set_defaults(func=list_)
    t = us.add_parser("token", help="print a new API token for an existing user")
    t.add_argument("name")
    t.set_defaults(func=token)
    r = us.add_parser("revoke", help="revoke every API token of a user (a lost laptop, someone leaving)")
    r.add_argument("name")
    r.set_defaults(func=revoke)
    p.set_defaults(func=lambda args: (p.print_help(sys.stderr), 2)[1])


def add(args: argparse.Namespace) -> int:
    from service.auth import audit, create_user
    from service.storage.db import init_db, session_scope

    init_db()
    try:
        with session_scope() as s:
            user, tok = create_user(s, args.name, args.role, args.password)
            audit(s, None, "create", "user", user.id, None, {"name": user.name, "role": user.role, "via": "cli"})
    except ValueError as err:
        print(f"giaoviec users add: {err}", file=sys.stderr)
        return 1
    print(tok)
    return 0


def list_(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from service.storage.db import init_db, session_scope
    from service.storage.models import User

    init_db()
    with session_scope() as s:
        for u in s.scalars(select(User).order_by(User.id)):
            print(f"{u.id}\t{u.name}\t{u.role}\t{'active' if u.active else 'disabled'}")
    return 0


def token(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from service.auth import audit, new_token
    from service.storage.db import init_db, session_scope
    from service.storage.models import User

    init_db()
    with session_scope() as s:
        u = s.scalar(select(User).where(User.name == args.name))
        if u is None:
            print(f"giaoviec users token: no user {args.name!r}; add one with `giaoviec users add`", file=sys.stderr)
            return 1
        tok = new_token(s, u, label="cli")
        audit(s, None, "issue_token", "user", u.id)
    print(tok)
    return 0


def revoke(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from service.auth import audit, revoke_tokens
    from service.storage.db import init_db, session_scope
    from service.storage.models import User

    init_db()
    with session_scope() as s:
        u = s.scalar(select(User).where(User.name == args.name))
        if u is None:
            print(f"giaoviec users revoke: no user {args.name!r}; `giaoviec users list` shows who exists",
                  file=sys.stderr)
            return 1
        n = revoke_tokens(s, u.id)
        audit(s, None, "revoke_tokens", "user", u.id, None, {"revoked": n, "via": "cli"})
    # the commit above moved the token cache's epoch: running servers refuse them from now on
    print(f"revoked {n} token(s) of {args.name}")
    return 0
