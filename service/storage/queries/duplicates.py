"""The statements of /api/duplicates: suggested pairs and the decisions on them."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from service.storage.models import DuplicatePair, ReviewDecision, Task


def pair_filter(status: str, document_id: int | None, task_ids: Sequence[int] | None) -> list[ColumnElement[bool]]:
    """Conditions on a pair: its ``status`` (``"all"``: any), a task of ``document_id`` in it,
    one of ``task_ids`` in it."""
    conds: list[ColumnElement[bool]] = [] if status == "all" else [DuplicatePair.status == status]
    if document_id is not None:
        tids = select(Task.id).where(Task.document_id == document_id)
        conds.append(DuplicatePair.task_a_id.in_(tids) | DuplicatePair.task_b_id.in_(tids))
    if task_ids:
        conds.append(DuplicatePair.task_a_id.in_(task_ids) | DuplicatePair.task_b_id.in_(task_ids))
    return conds


def pair_ids(conds: Sequence[ColumnElement[bool]]) -> Select[int]:
    """The ids of the pairs meeting ``conds`` (to count them)."""
    return select(DuplicatePair.id).where(*conds)


def pairs_page(session: Session, conds: Sequence[ColumnElement[bool]], limit: int,
               offset: int) -> Sequence[DuplicatePair]:
    """The pairs meeting ``conds``, highest score first, ``limit`` of them from ``offset``."""
    return session.scalars(select(DuplicatePair).where(*conds)
                           .order_by(DuplicatePair.score.desc(), DuplicatePair.id)
                           .limit(limit).offset(offset)).all()


def decisions_page(session: Session, limit: int, offset: int) -> tuple[int, Sequence[ReviewDecision]]:
    """(how many decisions on pairs there are, ``limit`` of them from ``offset``, newest first)."""
    cond = ReviewDecision.entity == "duplicate"
    total = session.scalar(select(func.count()).select_from(ReviewDecision).where(cond)) or 0
    rows = session.scalars(select(ReviewDecision).where(cond).order_by(ReviewDecision.id.desc())
                           .limit(limit).offset(offset)).all()
    return total, rows


def pairs_by_id(session: Session, ids: Iterable[int]) -> dict[int, DuplicatePair]:
    """The pairs still stored among ``ids``, by id."""
    wanted = set(ids)
    if not wanted:
        return {}
    return {p.id: p for p in session.scalars(select(DuplicatePair).where(DuplicatePair.id.in_(wanted)))}
