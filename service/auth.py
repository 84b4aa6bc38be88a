"""Users, roles and API tokens.

Roles (vai trò): ``clerk`` (văn thư: upload, read), ``reviewer`` (người rà soát: clerk +
decide, correct, bulk, export), ``admin`` (quản trị: everything + users, tokens, audit).
Tokens are random, shown once, and stored only as their SHA-256.

    >>> from service.auth import create_user
    >>> user, token = create_user(session, "lan", "reviewer")
    >>> # then: Authorization: Bearer <token>
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Annotated, Iterator

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from service.storage.db import session_scope
from service.storage.models import ApiToken, AuditLog, User, utcnow

ROLES = ("clerk", "reviewer", "admin")
RANK = {r: i for i, r in enumerate(ROLES)}


def hash_token(token: str) -> str:
    """>>> len(hash_token("abc"))
    64"""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def hash_password(password: str) -> str:
    """scrypt with a random salt: ``scrypt$salt$hash``."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str | None) -> bool:
    """>>> check_password("x", hash_password("x"))
    True"""
    if not stored or not stored.startswith("scrypt$"):
        return False
    _, salt, digest = stored.split("$", 2)
    got = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=2**14, r=8, p=1)
    return hmac.compare_digest(got.hex(), digest)


def new_token(session: Session, user: User, label: str | None = None) -> str:
    """Create an API token for ``user`` and return it (the only time it is visible)."""
    token = "gv_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=hash_token(token), label=label))
    session.flush()
    return token


def create_user(session: Session, name: str, role: str, password: str | None = None) -> tuple[User, str]:
    """Create a user and a first token.

    >>> user, token = create_user(session, "lan", "clerk")
    """
    if role not in ROLES:
        raise ValueError(f"role {role!r} is not one of {', '.join(ROLES)}")
    name = name.strip()
    if not name:
        raise ValueError("a user needs a name")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise ValueError(f"user {name!r} already exists; choose another name")
    user = User(name=name, role=role, password_hash=hash_password(password) if password else None)
    session.add(user)
    session.flush()
    return user, new_token(session, user, label="created with user")


def user_for_token(session: Session, token: str) -> User | None:
    """The active user owning ``token`` (one query), else None."""
    return session.scalar(select(User).join(ApiToken, ApiToken.user_id == User.id)
                          .where(ApiToken.token_hash == hash_token(token), ApiToken.revoked.is_(False),
                                 User.active.is_(True)))


def audit(session: Session, user: User | None, action: str, entity: str, entity_id: int | None,
          before: dict | None = None, after: dict | None = None) -> None:
    """Record a write: who, when, what, before and after (JSON-able dicts)."""
    session.add(AuditLog(at=utcnow(), user_id=getattr(user, "id", None), user_name=getattr(user, "name", None),
                         action=action, entity=entity, entity_id=entity_id, before=before, after=after))


# --------------------------------------------------------------------------- FastAPI dependencies


def get_session() -> Iterator[Session]:
    """A request-scoped session: committed when the route returns, rolled back on error."""
    with session_scope() as session:
        yield session


DbSession = Annotated[Session, Depends(get_session)]
_bearer = HTTPBearer(auto_error=False, description="API token from `giaoviec users add` or POST /api/auth/login")


def current_user(session: DbSession,
                 creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> User:
    """The user behind ``Authorization: Bearer TOKEN``; 401 without a valid token."""
    if creds is None or not creds.credentials:
        raise HTTPException(401, "missing token: send Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})
    user = user_for_token(session, creds.credentials)
    if user is None:
        raise HTTPException(401, "invalid or revoked token", headers={"WWW-Authenticate": "Bearer"})
    return user


def require(role: str):
    """Dependency: the current user if their role is at least ``role``, else 403.

    >>> @router.post("/x")
    ... def x(user: Annotated[User, Depends(require("reviewer"))]): ...
    """

    def dep(user: Annotated[User, Depends(current_user)]) -> User:
        if RANK.get(user.role, -1) < RANK[role]:
            raise HTTPException(403, f"this needs the {role} role; you are {user.role}")
        return user

    dep.__name__ = f"require_{role}"
    return dep


Clerk = Annotated[User, Depends(require("clerk"))]
Reviewer = Annotated[User, Depends(require("reviewer"))]
Admin = Annotated[User, Depends(require("admin"))]
