"""``giaoviec users add NAME --role clerk|reviewer|admin [--password P]`` (prints a token),
``giaoviec users list``, ``giaoviec users token NAME`` (a new token), ``giaoviec users
revoke NAME`` (every token of NAME stops working, in every server process at once, and
the password no longer signs in), ``giaoviec users disable|enable NAME`` (someone
leaving: no token, no sign-in), ``giaoviec users password NAME`` (set a new one)."""
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
    r = us.add_parser("revoke", help="revoke every API token of a user and their password (a lost laptop)")
    r.add_argument("name")
    r.set_defaults(func=revoke)
    d = us.add_parser("disable", help="lock a user out (someone leaving): no token works, no sign-in")
    d.add_argument("name")
    d.set_defaults(func=disable)
    e = us.add_parser("enable", help="let a disabled user sign in again")
    e.add_argument("name")
    e.set_defaults(func=enable)
    pw = us.add_parser("password", help="set a user's password (asked for, or --password)")
    pw.add_argument("name")
    pw.add_argument("--password", default=None, help="the new password (else asked for, not echoed)")
    pw.set_defaults(func=password)
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
        from sqlalchemy import func

        from service.auth import token_cutoff
        from service.settings import get_settings
        from service.storage.models import ApiToken

        live = dict(s.execute(select(ApiToken.user_id, func.count()).where(
            ApiToken.revoked.is_(False), ApiToken.created_at >= token_cutoff(get_settings().token_days))
            .group_by(ApiToken.user_id)).all())
        print("id\tname\trole\tstate\tpassword\tlive tokens")
        for u in s.scalars(select(User).order_by(User.id)):
            print(f"{u.id}\t{u.name}\t{u.role}\t{'active' if u.active else 'disabled'}\t"
                  f"{'yes' if u.password_hash else 'no'}\t{live.get(u.id, 0) if u.active else 0}")
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
        u.password_hash = None  # whoever has the laptop may know it; `users password` sets a new one
        audit(s, None, "revoke_tokens", "user", u.id, None, {"revoked": n, "via": "cli"})
    # the commit above moved the token cache's epoch: running servers refuse them from now on
    print(f"revoked {n} token(s) of {args.name}; their password no longer signs in "
          f"(set a new one with `giaoviec users password {args.name}`)")
    return 0


def _find(s, name: str, command: str):
    from sqlalchemy import select

    from service.storage.models import User

    u = s.scalar(select(User).where(User.name == name))
    if u is None:
        print(f"giaoviec users {command}: no user {name!r}; `giaoviec users list` shows who exists", file=sys.stderr)
    return u


def disable(args: argparse.Namespace) -> int:
    from service.auth import audit, disable_user
    from service.storage.db import init_db, session_scope

    init_db()
    with session_scope() as s:
        u = _find(s, args.name, "disable")
        if u is None:
            return 1
        n = disable_user(s, u)
        audit(s, None, "disable", "user", u.id, {"active": True}, {"active": False, "revoked": n, "via": "cli"})
    print(f"disabled {args.name}: {n} token(s) revoked, sign-in refused "
          f"(`giaoviec users enable {args.name}` undoes it)")
    return 0


def enable(args: argparse.Namespace) -> int:
    from service.auth import audit, enable_user
    from service.storage.db import init_db, session_scope

    init_db()
    with session_scope() as s:
        u = _find(s, args.name, "enable")
        if u is None:
            return 1
        enable_user(s, u)
        audit(s, None, "enable", "user", u.id, None, {"active": True, "via": "cli"})
    print(f"enabled {args.name}; give them a token (`giaoviec users token {args.name}`) or a password")
    return 0


def password(args: argparse.Namespace) -> int:
    import getpass

    from service.auth import audit, set_password
    from service.storage.db import init_db, session_scope

    new = args.password if args.password is not None else getpass.getpass(f"new password for {args.name}: ")
    init_db()
    try:
        with session_scope() as s:
            u = _find(s, args.name, "password")
            if u is None:
                return 1
            set_password(u, new)
            audit(s, None, "set_password", "user", u.id, None, {"via": "cli"})
    except ValueError as err:
        print(f"giaoviec users password: {err}", file=sys.stderr)
        return 1
    print(f"password of {args.name} set")
    return 0
