"""The statements of /api/assignments, /api/tasks and /api/units' reads."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from service.storage.models import Assignment, AssignmentUnit, Document, Task


def document_names(session: Session, document_ids: Iterable[int]) -> dict[int, str]:
    """The names of these documents, by id."""
    ids = set(document_ids)
    if not ids:
        return {}
    return dict(session.execute(select(Document.id, Document.name).where(Document.id.in_(ids))).all())


def assignment_ids(conds: Sequence[ColumnElement[bool]]) -> Select[int]:
    """The ids of the assignments meeting ``conds`` (to count them, or for ``json_page``)."""
    return select(Assignment.id).where(*conds)


def assignments_page(session: Session, columns: Sequence[InstrumentedAttribute[Any]],
                     conds: Sequence[ColumnElement[bool]], limit: int, offset: int) -> Sequence[Row[*tuple[Any, ...]]]:
    """``columns`` and ``document_name`` of the assignments meeting ``conds``, newest first,
    ``limit`` from ``offset``."""
    return session.execute(select(*columns, Document.name.label("document_name"))
                           .join(Document, Assignment.document_id == Document.id)
                           .where(*conds).order_by(Assignment.id.desc()).limit(limit).offset(offset)).all()


def unit_key_counts(session: Session) -> Sequence[Row[str, int]]:
    """(unit key, assignments under it) for every key, in key order."""
    return session.execute(select(AssignmentUnit.key, func.count()).group_by(AssignmentUnit.key)
                           .order_by(AssignmentUnit.key)).all()


def task_ids(conds: Sequence[ColumnElement[bool]], needs_join: bool) -> Select[int]:
    """The ids of the tasks meeting ``conds`` (joined with their assignment when the
    conditions read it: ``Filters.for_tasks``)."""
    return select(Task.id).join(Assignment).where(*conds) if needs_join else select(Task.id).where(*conds)


def tasks_page(session: Session, columns: Sequence[InstrumentedAttribute[Any]],
               conds: Sequence[ColumnElement[bool]], limit: int, offset: int) -> Sequence[Row[*tuple[Any, ...]]]:
    """``columns``, the assignment's cadre, position and unit and ``document_name`` of the
    tasks meeting ``conds``, newest first, ``limit`` from ``offset``."""
    return session.execute(select(*columns, Assignment.cadre, Assignment.position, Assignment.unit,
                                  Document.name.label("document_name"))
                           .join(Assignment, Task.assignment_id == Assignment.id)
                           .join(Document, Task.document_id == Document.id)
                           .where(*conds).order_by(Task.id.desc()).limit(limit).offset(offset)).all()
