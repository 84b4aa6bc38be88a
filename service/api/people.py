"""/api/auth/login, /api/me, /api/users (admin), /api/audit (admin)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response

from service.auth import (
    audit,
    check_login,
    create_user,
    login_throttle,
    new_token,
    revoke_tokens,
    user_for_token,
)
from service.schemas import AuditList, LoginIn, LoginOut, Revoked, UserCreate, UserCreated, UserListed, UserOut
from service.storage.models import User
from service.storage.queries import people as queries

from .common import get_or_404
from .deps import Admin, AppSettings, Clerk, DbSession, Id, Paging, QId

router = APIRouter(prefix="/api", tags=["users"])


def user_out(u) -> dict:
    return {"id": u.id, "name": u.name, "role": u.role}


@router.post("/auth/login", response_model=LoginOut,
             responses={401: {"description": "wrong credentials"},
                        429: {"description": "too many failed sign-ins for this name or from this address"}})
def login(body: LoginIn, session: DbSession, request: Request, response: Response, settings: AppSettings):
    """Check a token, or a name and password (then a new token is issued)."""
    response.headers["Cache-Control"] = "no-store"
    if body.token:
        user = user_for_token(session, body.token, settings.token_days)
        if user is None:
            raise HTTPException(401, "invalid, expired or revoked token: sign in with your name and password, "
                                     "or ask an admin for a new token")
        return {"token": body.token, "user": user_out(user)}
    if body.name and body.password:
        address = request.client.host if request.client else "unknown"
        throttle = login_throttle(settings)
        wait = throttle.wait(body.name, address)
        if wait:
            raise HTTPException(429, f"too many failed sign-ins; try again in {wait} s",
                                headers={"Retry-After": str(wait)})
        user = queries.user_named(session, body.name)
        if not check_login(user, body.password) or not user.active:
            throttle.failed(body.name, address)
            reason = "disabled" if user is not None and user.password_hash and not user.active else "wrong"
            audit(session, None, "login_failed", "user", user.id if user else None, None,
                  {"name": body.name[:200], "address": address, "reason": reason})
            session.commit()  # the record of the failure stays, though the answer is an error
            if reason == "disabled":
                raise HTTPException(401, "this user is disabled; ask an admin")
            raise HTTPException(401, "wrong name or password")
        throttle.succeeded(body.name)
        token = new_token(session, user, label="login")
        audit(session, user, "login", "user", user.id, None, {"address": address})
        return {"token": token, "user": user_out(user)}
    raise HTTPException(401, "send {\"token\": ...} or {\"name\": ..., \"password\": ...}")


@router.get("/me", response_model=UserOut)
def me(user: Clerk):
    return user_out(user)


@router.get("/users", response_model=list[UserListed])
def list_users(session: DbSession, user: Admin):
    """Every user, with whether they may sign in (``active``) and have a password."""
    return [{**user_out(u), "active": bool(u.active), "password": bool(u.password_hash)}
            for u in queries.all_users(session)]


@router.post("/users", response_model=UserCreated, status_code=201)
def add_user(body: UserCreate, session: DbSession, user: Admin):
    """Create a user; the answer carries their first token (shown once)."""
    try:
        new, token = create_user(session, body.name, body.role, body.password)
    except ValueError as err:
        raise HTTPException(409, str(err)) from err
    audit(session, user, "create", "user", new.id, None, user_out(new))
    return {**user_out(new), "token": token}


@router.post("/users/{user_id}/tokens", response_model=UserCreated, status_code=201)
def add_token(user_id: Id, session: DbSession, user: Admin):
    """A new token for an existing user (e.g. one who lost theirs)."""
    target = get_or_404(session, User, user_id, "user")
    token = new_token(session, target, label=f"issued by {user.name}")
    audit(session, user, "issue_token", "user", target.id)
    return {**user_out(target), "token": token}


@router.post("/users/{user_id}/revoke", response_model=Revoked,
             responses={409: {"description": "an admin cannot revoke their own tokens this way"}})
def revoke(user_id: Id, session: DbSession, user: Admin):
    """Revoke every token of a user (a lost laptop): refused at once by every server process
    sharing the data directory, and their password no longer signs in (whoever has the
    laptop may know it): an admin sets a new one (``/api/users/{id}/password``) or issues a
    token. Someone leaving is disabled instead (``/api/users/{id}/disable``)."""
    target = get_or_404(session, User, user_id, "user")
    if target.id == user.id:
        raise HTTPException(409, "you cannot revoke your own tokens here; ask another admin")
    n = revoke_tokens(session, target.id)
    target.password_hash = None
    audit(session, user, "revoke_tokens", "user", target.id, None, {"revoked": n})
    return {"id": target.id, "revoked": n}


@router.get("/audit", response_model=AuditList)
def list_audit(session: DbSession, user: Admin, page: Paging,
               entity: Annotated[str | None, Query(max_length=40)] = None,
               entity_id: QId = None,
               user_name: Annotated[str | None, Query(max_length=200)] = None,
               action: Annotated[str | None, Query(max_length=60)] = None):
    """Every write, newest first: who, when, action, before and after; filtered by what
    (entity, entity_id), who (user_name) and what was done (action)."""
    total, rows = queries.audit_page(session, page.limit, page.offset, entity=entity, entity_id=entity_id,
                                     user_name=user_name, action=action)
    # through the response model (not page_answer): dates as pydantic writes them, as before
    return {"items": [{"id": r.id, "at": r.at, "user_id": r.user_id, "user_name": r.user_name, "action": r.action,
                       "entity": r.entity, "entity_id": r.entity_id, "before": r.before, "after": r.after}
                      for r in rows], "total": total}
