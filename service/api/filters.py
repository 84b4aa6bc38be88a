"""What the register's filters mean, written once.

The register (sổ theo dõi: ``/api/tasks``), its export (``/api/export``) and its chart
(``/api/stats/units``) take the same query parameters, read into one ``Filters`` model,
and turn them into SQL by the same method, so an export holds exactly the rows the
register shows and the chart counts them. ``/api/assignments`` reads the same fields
about cadres (``Filters.for_assignments``).

Text filters match without accents (``fold``: "hoa phu" finds "Hòa Phú"); ``unit_key``
is a unit across the 2025 reform (see /api/units); ``year`` falls inside the period.

    >>> conds, needs_join = Filters(unit="hoa phu", year=2022).for_tasks("confirmed")
"""
from __future__ import annotations

from pydantic import BaseModel, Field
from sqlalchemy import String, and_, bindparam, func, or_, select

from service.storage.fold import fold
from service.storage.models import Assignment, AssignmentUnit, Task

MAX_ID = 2_147_483_647


class Filters(BaseModel):
    """The register's filters (each optional; together they all apply)."""

    unit: str | None = Field(default=None, max_length=300, description="đơn vị, without accents or with")
    cadre: str | None = Field(default=None, max_length=300, description="cán bộ, without accents or with")
    year: int | None = Field(default=None, ge=0, le=10000, description="a year inside the period")
    q: str | None = Field(default=None, max_length=300, description="words of the task (nội dung)")
    document_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    unit_key: str | None = Field(default=None, max_length=40,
                                 description="a legacy or current unit key from /api/units")

    def for_tasks(self, status: str | None = None) -> tuple[list, bool]:
        """SQL conditions on tasks, and whether they read the assignment (then join it).
        A task's status is its own: a task still pending under a confirmed cadre is
        pending (``status`` None or "all": any)."""
        return task_filters(status=status, **self.model_dump())

    def for_assignments(self, status: str | None = None) -> list:
        """SQL conditions on assignments; ``q`` also matches the cadre, unit, position or
        any of the assignment's tasks."""
        return assignment_filters(status=status, **self.model_dump())

    def given(self) -> dict:
        """The filters that were set (for the audit log)."""
        return self.model_dump(exclude_none=True)


def year_filter(start_col, end_col, year: int):
    """The period [start, end] covers ``year`` (end missing = start only)."""
    return and_(start_col <= year, func.coalesce(end_col, start_col) >= year)


def contains_pattern(key: str):
    """``%key%`` for LIKE, written into the statement rather than sent as a parameter: a
    prepared statement is then planned for its own words. With a parameter, PostgreSQL may
    reuse one plan for any pattern, made for 0.5 % of the rows, which reads every trigram
    match of a common word (12k tasks, 50-80 ms) instead of the newest rows (issue 14).
    SQLAlchemy quotes the value as a literal."""
    return bindparam(None, f"%{key}%", type_=String(), literal_execute=True)


def like_folded(col, text: str):
    """``col`` (a folded column) contains ``text`` folded; None when nothing is left to match."""
    key = fold(text)
    return col.like(contains_pattern(key)) if key else None


def unit_key_filter(unit_key: str):
    """The assignment falls under the legacy or current unit ``unit_key`` (see extractor.units)."""
    return (select(AssignmentUnit.assignment_id)
            .where(AssignmentUnit.assignment_id == Assignment.id, AssignmentUnit.key == unit_key).exists())


def assignment_filters(unit=None, cadre=None, year=None, status=None, q=None, document_id=None,
                       unit_key=None) -> list:
    """See ``Filters.for_assignments``."""
    conds = []
    if unit_key:
        conds.append(unit_key_filter(unit_key))
    if unit:
        c = like_folded(Assignment.unit_folded, unit)
        if c is not None:
            conds.append(c)
    if cadre:
        c = like_folded(Assignment.cadre_folded, cadre)
        if c is not None:
            conds.append(c)
    if year is not None:
        conds.append(year_filter(Assignment.period_start, Assignment.period_end, year))
    if status:
        conds.append(Assignment.status == status)
    if document_id is not None:
        conds.append(Assignment.document_id == document_id)
    if q:
        key = fold(q)
        if key:
            pat = contains_pattern(key)
            conds.append(or_(Assignment.cadre_folded.like(pat), Assignment.unit_folded.like(pat),
                             Assignment.position_folded.like(pat),
                             select(Task.id).where(Task.assignment_id == Assignment.id,
                                                   Task.text_folded.like(pat)).exists()))
    return conds


def task_filters(unit=None, cadre=None, year=None, status=None, q=None, document_id=None,
                 unit_key=None) -> tuple[list, bool]:
    """See ``Filters.for_tasks``."""
    conds = [unit_key_filter(unit_key)] if unit_key else []
    for col, val in ((Assignment.unit_folded, unit), (Assignment.cadre_folded, cadre), (Task.text_folded, q)):
        if val:
            c = like_folded(col, val)
            if c is not None:
                conds.append(c)
    if year is not None:
        conds.append(year_filter(Task.year, func.coalesce(Task.period_end, Assignment.period_end), year))
    if status and status != "all":
        conds.append(Task.status == status)
    if document_id is not None:
        conds.append(Task.document_id == document_id)
    return conds, bool(unit or cadre or year is not None or unit_key)
