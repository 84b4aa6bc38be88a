"""The statements of /api/stats and /api/stats/units."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, Row, case, func, select
from sqlalchemy.orm import Session

from service.storage.models import Assignment, Document, DuplicatePair, Task


def unit_year_counts(session: Session) -> Sequence[Row[str | None, int | None, int, int, int | None]]:
    """(unit, year, assignments, tasks, confirmed tasks) of the assignments not rejected, by
    unit and year; a task's year, else its assignment's first year."""
    year = func.coalesce(Task.year, Assignment.period_start)
    return session.execute(
        select(Assignment.unit, year, func.count(func.distinct(Assignment.id)), func.count(Task.id),
               func.sum(case((Task.status == "confirmed", 1), else_=0)))
        .join(Task, Task.assignment_id == Assignment.id, isouter=True)
        .where(Assignment.status != "rejected")
        .group_by(Assignment.unit, year).order_by(Assignment.unit, year)).all()


def documents_by_status(session: Session) -> dict[str, int]:
    """How many documents are in each status."""
    return dict(session.execute(select(Document.status, func.count()).group_by(Document.status)).all())


def pairs_by_status(session: Session) -> dict[str, int]:
    """How many duplicate pairs are in each status."""
    return dict(session.execute(select(DuplicatePair.status, func.count()).group_by(DuplicatePair.status)).all())


def unit_task_counts(session: Session, conds: Sequence[ColumnElement[bool]]
                     ) -> Sequence[Row[str | None, str | None, int | None, int, int, int | None]]:
    """(unit key, unit as written, year, assignments, tasks, confirmed tasks) of the tasks
    meeting ``conds`` (the register's filters, ``Filters.for_tasks``)."""
    return session.execute(
        select(Assignment.unit_key, Assignment.unit, Task.year, func.count(func.distinct(Assignment.id)),
               func.count(Task.id), func.sum(case((Task.status == "confirmed", 1), else_=0)))
        .join(Assignment, Task.assignment_id == Assignment.id).where(*conds)
        .group_by(Assignment.unit_key, Assignment.unit, Task.year)).all()
