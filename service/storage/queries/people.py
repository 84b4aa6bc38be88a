"""The statements of /api/auth, /api/users and /api/audit."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.storage.models import AuditLog, User


def user_named(session: Session, name: str) -> User | None:
    """The user called ``name``, if any."""
    return session.scalar(select(User).where(User.name == name))


def all_users(session: Session) -> Sequence[User]:
    """Every user, oldest first."""
    return session.scalars(select(User).order_by(User.id)).all()


def audit_page(session: Session, limit: int, offset: int, *, entity: str | None = None,
               entity_id: int | None = None, user_name: str | None = None,
               action: str | None = None) -> tuple[int | None, Sequence[AuditLog]]:
    """(how many audit records match, ``limit`` of them from ``offset``, newest first); the
    filters left None match everything."""
    conds = []
    if entity:
        conds.append(AuditLog.entity == entity)
    if entity_id is not None:
        conds.append(AuditLog.entity_id == entity_id)
    if user_name:
        conds.append(AuditLog.user_name == user_name)
    if action:
        conds.append(AuditLog.action == action)
    total = session.scalar(select(func.count()).select_from(AuditLog).where(*conds))
    rows = session.scalars(select(AuditLog).where(*conds).order_by(AuditLog.id.desc())
                           .limit(limit).offset(offset)).all()
    return total, rows
