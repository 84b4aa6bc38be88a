"""What routes are given (FastAPI dependencies, in the FastAPI template's style): the
request's database session, who is calling and whether their role may, the shared path
and query parameters, and the register's filters.

    >>> @router.get("/things")
    ... def things(session: DbSession, user: Clerk, filters: RegisterFilters, page: Paging): ...

Roles (vai trò) rank clerk < reviewer < admin; ``Reviewer`` lets reviewers and admins
through. Token and user logic itself is in ``service/auth.py``.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

import anyio
from fastapi import Depends, HTTPException, Path, Query
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from service.auth import RANK, SignedIn, hash_token, signed_in, token_cache
from service.settings import Settings, get_settings
from service.storage.db import SessionLocal, get_engine

from .filters import Filters

MAX_LIMIT = 500
MAX_ID = 2_147_483_647  # PostgreSQL integer: a larger id cannot exist (and must not reach the database)
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
QId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
Offset = Annotated[int, Query(ge=0, le=MAX_ID)]
PageNo = Annotated[int, Path(ge=1, le=100_000)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


async def get_session() -> AsyncIterator[Session]:
    """A request-scoped session: committed when the route returns, rolled back on error.

    Async, so that FastAPI runs it on the event loop: a sync dependency costs a hop to
    the thread pool and back (~0.3 ms of CPU each way, issue 14), and making a session
    touches no database. Ending it does (commit, or rollback, and returning the
    connection), so that part runs in the thread pool.
    """
    get_engine()
    session = SessionLocal()
    try:
        yield session
        await _end(session, commit=True)
    except BaseException:
        await _end(session, commit=False)
        raise


async def _end(session: Session, *, commit: bool) -> None:
    if not session.in_transaction():  # the route ended its reads itself (json_page): nothing to send
        session.close()
        return
    # Shielded: a client that hangs up must not leave the session open (its connection
    # held). A limiter of its own, as FastAPI gives a dependency's exit: waiting for one of
    # the routes' threads while holding a connection deadlocks once those threads all wait
    # for a connection from the pool.
    with anyio.CancelScope(shield=True):
        await anyio.to_thread.run_sync(_finish, session, commit, limiter=anyio.CapacityLimiter(1))


def _finish(session: Session, commit: bool) -> None:
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


# scope="function": commit when the route returns, BEFORE the answer is sent. FastAPI's
# default ends a yield dependency after the response: a client could be told "stored" (a
# new token, an upload's id, a decision) and ask again before the commit, or be told so
# for a write whose commit then failed.
DbSession = Annotated[Session, Depends(get_session, scope="function")]
bearer = HTTPBearer(auto_error=False, description="API token from `giaoviec users add` or POST /api/auth/login")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


async def current_user(session: DbSession, creds: Credentials, settings: AppSettings) -> SignedIn:
    """The user behind ``Authorization: Bearer TOKEN``; 401 without a valid token. A token
    seen in the last seconds is answered from this process's cache, on the event loop;
    only a lookup goes to the thread pool."""
    if creds is None or not creds.credentials:
        raise HTTPException(401, "missing token: send Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})
    user = token_cache.get(hash_token(creds.credentials), token_cache.epoch())
    if user is None:
        user = await run_in_threadpool(signed_in, session, creds.credentials, settings.token_days)
    if user is None:
        raise HTTPException(401, "invalid, expired or revoked token: sign in again, or ask an admin for a new one",
                            headers={"WWW-Authenticate": "Bearer"})
    return user


def require(role: str):
    """Dependency: the current user if their role is at least ``role``, else 403.

    >>> @router.post("/x")
    ... def x(user: Annotated[SignedIn, Depends(require("reviewer"))]): ...
    """

    async def dep(user: Annotated[SignedIn, Depends(current_user)]) -> SignedIn:  # no I/O: on the loop
        if RANK.get(user.role, -1) < RANK[role]:
            raise HTTPException(403, f"this needs the {role} role; you are {user.role}")
        return user

    dep.__name__ = f"require_{role}"
    return dep


Clerk = Annotated[SignedIn, Depends(require("clerk"))]
Reviewer = Annotated[SignedIn, Depends(require("reviewer"))]
Admin = Annotated[SignedIn, Depends(require("admin"))]


async def app_settings() -> Settings:
    """The service's settings (read once per process, then cached: on the loop, no thread)."""
    return get_settings()


# The service's settings, handed to what a route calls.
AppSettings = Annotated[Settings, Depends(app_settings)]


@dataclass(frozen=True, slots=True)
class PageParams:
    """``limit`` and ``offset`` of a list page (newest first everywhere), and ``count_cap``:
    where counting its total stops (``GIAOVIEC_COUNT_CAP``)."""

    limit: int
    offset: int
    count_cap: int


async def paging(settings: AppSettings, limit: Limit = 50, offset: Offset = 0) -> PageParams:  # no I/O: on the loop
    """The page asked for, its limit and offset brought into range."""
    return PageParams(max(1, min(limit, MAX_LIMIT)), max(0, offset), settings.count_cap)


Paging = Annotated[PageParams, Depends(paging)]
# The register's filters as query parameters (unit, cadre, year, q, document_id, unit_key):
# /api/tasks, /api/export and /api/stats/units take exactly these, read by one model.
RegisterFilters = Annotated[Filters, Query()]
