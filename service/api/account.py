"""Signing out, passwords, and locking users out: /api/auth/logout, /api/me/password,
/api/users/{id}/disable|enable|password (admin).

A user who leaves is *disabled*: every token stops at once in every server process and
sign-in by password is refused, until an admin enables them again."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Response
from pydantic import BaseModel, Field

from service.auth import audit, check_password, disable_user, enable_user, revoke_token, set_password
from service.storage.models import User

from .common import get_or_404
from .deps import Admin, Clerk, Credentials, DbSession, Id

router = APIRouter(prefix="/api", tags=["users"])
NO_STORE = {"Cache-Control": "no-store"}


class SignedOut(BaseModel):
    revoked: int = Field(description="1 when the token was live and is now revoked")


class PasswordChange(BaseModel):
    current_password: str | None = Field(default=None, max_length=500,
                                         description="your password now (not needed if you have none)")
    new_password: str = Field(min_length=8, max_length=500)


class PasswordSet(BaseModel):
    new_password: str | None = Field(default=None, min_length=8, max_length=500,
                                     description="null: no sign-in by password until one is set")


class UserState(BaseModel):
    id: int
    name: str
    role: str
    active: bool
    revoked: int = Field(0, description="tokens revoked by this change")


def _state(u: User, revoked: int = 0) -> dict:
    return {"id": u.id, "name": u.name, "role": u.role, "active": bool(u.active), "revoked": revoked}


@router.post("/auth/logout", response_model=SignedOut, responses={401: {"description": "no valid token"}})
def logout(session: DbSession, user: Clerk, response: Response,
           creds: Credentials):
    """Sign out: the token of this request stops working, in every server process, at once."""
    response.headers.update(NO_STORE)
    n = revoke_token(session, creds.credentials) if creds else 0
    audit(session, user, "logout", "user", user.id)
    return {"revoked": n}


@router.post("/me/password", response_model=UserState,
             responses={403: {"description": "the current password is wrong"}})
def change_password(body: PasswordChange, session: DbSession, user: Clerk):
    """Change your own password (your tokens keep working)."""
    me = session.get(User, user.id)
    if me.password_hash and not check_password(body.current_password or "", me.password_hash):
        raise HTTPException(403, "the current password is wrong; type it again")
    set_password(me, body.new_password)
    audit(session, user, "change_password", "user", me.id)
    return _state(me)


@router.post("/users/{user_id}/disable", response_model=UserState,
             responses={409: {"description": "an admin cannot disable themselves"}})
def disable(user_id: Id, session: DbSession, user: Admin):
    """Lock a user out (someone leaving): every token stops at once, sign-in is refused."""
    target = get_or_404(session, User, user_id, "user")
    if target.id == user.id:
        raise HTTPException(409, "you cannot disable yourself; ask another admin")
    n = disable_user(session, target)
    audit(session, user, "disable", "user", target.id, {"active": True}, {"active": False, "revoked": n})
    return _state(target, n)


@router.post("/users/{user_id}/enable", response_model=UserState)
def enable(user_id: Id, session: DbSession, user: Admin):
    """Let a disabled user sign in again (with a password or a new token from an admin)."""
    target = get_or_404(session, User, user_id, "user")
    enable_user(session, target)
    audit(session, user, "enable", "user", target.id, None, {"active": True})
    return _state(target)


@router.post("/users/{user_id}/password", response_model=UserState)
def admin_set_password(user_id: Id, body: PasswordSet, session: DbSession, user: Admin):
    """Set (or with null, remove) a user's password, e.g. one who forgot theirs."""
    target = get_or_404(session, User, user_id, "user")
    set_password(target, body.new_password)
    audit(session, user, "set_password", "user", target.id, None, {"password": body.new_password is not None})
    return _state(target)
