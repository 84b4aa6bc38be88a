"""/api/assignments, /api/tasks, /api/review/bulk: list, filter, correct, confirm or reject."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query

from service.auth import audit
from service.processing import set_unit_keys, sync_years
from service.schemas import (
    AssignmentList,
    AssignmentOut,
    AssignmentPatch,
    BulkReview,
    TaskList,
    TaskOut,
    TaskPatch,
    Updated,
)
from service.storage.fold import fold
from service.storage.models import Assignment, ReviewDecision, Task, utcnow
from service.storage.queries import assignments as queries

from .common import (
    ASSIGNMENT_COLUMNS,
    TASK_COLUMNS,
    assignment_out,
    get_or_404,
    page_answer,
    page_total,
    task_out,
    task_row,
    tasks_by_assignment,
)
from .deps import Clerk, DbSession, Id, Paging, RegisterFilters, Reviewer
from .json_pages import ASSIGNMENTS_AS_JSON, TASKS_AS_JSON, json_page

router = APIRouter(prefix="/api", tags=["review"])
Status = Literal["pending", "confirmed", "rejected"]


@router.get("/assignments", response_model=AssignmentList)
def list_assignments(session: DbSession, user: Clerk, filters: RegisterFilters, page: Paging,
                     status: Annotated[Status | None, Query()] = None):
    """Assignments with their tasks; unit, cadre and q match without accents ("hoa phu" finds "Hòa Phú");
    ``unit_key`` (from /api/units) filters by a legacy or current unit across the 2025 reform."""
    conds = filters.for_assignments(status)
    if session.get_bind().dialect.name == "postgresql":
        return json_page(session, queries.assignment_ids(conds), ASSIGNMENTS_AS_JSON, page)
    rows = queries.assignments_page(session, ASSIGNMENT_COLUMNS, conds, page.limit, page.offset)
    total, exact = page_total(session, queries.assignment_ids(conds), page, len(rows))
    tasks = tasks_by_assignment(session, [r.id for r in rows])
    return page_answer([assignment_out(r, r.document_name, tasks[r.id]) for r in rows], total, exact)


@router.get("/assignments/{assignment_id}", response_model=AssignmentOut)
def get_assignment(assignment_id: Id, session: DbSession, user: Clerk):
    a = get_or_404(session, Assignment, assignment_id, "assignment")
    return assignment_out(a, queries.document_names(session, [a.document_id]).get(a.document_id))


def _snapshot_assignment(a: Assignment) -> dict:
    return {"cadre": a.cadre, "position": a.position, "unit": a.unit, "period_start": a.period_start,
            "period_end": a.period_end, "status": a.status}


def _decide(session, user, entity: str, entity_id: int, status: str) -> None:
    session.add(ReviewDecision(entity=entity, entity_id=entity_id, decision=status, user_name=user.name,
                               created_at=utcnow()))


@router.patch("/assignments/{assignment_id}", response_model=AssignmentOut)
def patch_assignment(assignment_id: Id, body: AssignmentPatch, session: DbSession, user: Reviewer):
    """Correct a field or confirm/reject. A corrected field survives re-running extraction."""
    a = get_or_404(session, Assignment, assignment_id, "assignment")
    before = _snapshot_assignment(a)
    changes = body.model_dump(exclude_unset=True)
    corrected = set(a.corrected or [])
    for field in ("cadre", "position", "unit", "period_start", "period_end"):
        if field in changes:
            value = changes[field]
            if isinstance(value, str):
                value = value.strip() or None
            if field == "cadre" and not value:
                raise HTTPException(422, "cadre cannot be empty")
            if getattr(a, field) != value:
                setattr(a, field, value)
                corrected.add(field)
    if "period_start" in changes or "period_end" in changes:
        s, e = a.period_start, a.period_end
        if s is not None and e is not None and e < s:
            raise HTTPException(422, f"period_end {e} is before period_start {s}")
        a.period_text = None if s is None else (str(s) if e in (None, s) else f"{s} - {e}")
        sync_years(a)
    if changes.get("status") is not None and changes["status"] != a.status:
        a.status = changes["status"]
        _decide(session, user, "assignment", a.id, a.status)
    a.corrected = sorted(corrected)
    a.cadre_folded, a.position_folded, a.unit_folded = fold(a.cadre), fold(a.position), fold(a.unit)
    if {"unit", "period_start"} & set(changes):
        set_unit_keys(session, a.document, a)
    after = _snapshot_assignment(a)
    if after != before:
        audit(session, user, "update", "assignment", a.id, before, after)
    session.flush()
    return assignment_out(a, queries.document_names(session, [a.document_id]).get(a.document_id))


@router.patch("/tasks/{task_id}", response_model=TaskOut)
def patch_task(task_id: Id, body: TaskPatch, session: DbSession, user: Reviewer):
    """Correct a task's text or confirm/reject it. A corrected text survives re-running extraction."""
    t = get_or_404(session, Task, task_id, "task")
    before = {"text": t.text, "status": t.status}
    if body.text is not None and body.text.strip() and body.text.strip() != t.text:
        t.text = body.text.strip()
        t.text_folded = fold(t.text)
        t.corrected = True
    if body.status is not None and body.status != t.status:
        t.status = body.status
        _decide(session, user, "task", t.id, t.status)
    after = {"text": t.text, "status": t.status}
    if after != before:
        audit(session, user, "update", "task", t.id, before, after)
    session.flush()
    return task_out(t)


@router.get("/units")
def list_units(session: DbSession, user: Clerk):
    """Units the stored assignments fall under, legacy (before the 2025 reform) and current,
    with a label for filter menus and how many assignments each holds."""
    from extractor import describe_key

    rows = queries.unit_key_counts(session)
    return [{"key": k, "label": describe_key(k) or k, "era": k.partition(":")[0], "assignments": n}
            for k, n in rows]


@router.get("/tasks", response_model=TaskList)
def list_tasks(session: DbSession, user: Clerk, filters: RegisterFilters, page: Paging,
               status: Annotated[Status | None, Query()] = None):
    """The register (sổ theo dõi): tasks with their cadre and unit; text filters match without
    accents; ``unit_key`` as for assignments. /api/export and /api/stats/units read the same
    filters the same way (``Filters``)."""
    conds, needs_join = filters.for_tasks(status)
    count_stmt = queries.task_ids(conds, needs_join)
    if session.get_bind().dialect.name == "postgresql":
        return json_page(session, count_stmt, TASKS_AS_JSON, page, count_apart=bool(filters.q))
    rows = queries.tasks_page(session, TASK_COLUMNS, conds, page.limit, page.offset)
    total, exact = page_total(session, count_stmt, page, len(rows))
    return page_answer([task_row(r, r.document_name) for r in rows], total, exact)


@router.post("/review/bulk", response_model=Updated)
def bulk_review(body: BulkReview, session: DbSession, user: Reviewer):
    """Confirm or reject many assignments and tasks at once; each change is audited."""
    n = 0
    for aid in dict.fromkeys(body.assignment_ids):
        a = session.get(Assignment, aid)
        if a is not None and a.status != body.status:
            before = _snapshot_assignment(a)
            a.status = body.status
            _decide(session, user, "assignment", a.id, body.status)
            audit(session, user, "bulk_update", "assignment", a.id, before, _snapshot_assignment(a))
            n += 1
    for tid in dict.fromkeys(body.task_ids):
        t = session.get(Task, tid)
        if t is not None and t.status != body.status:
            before = {"text": t.text, "status": t.status}
            t.status = body.status
            _decide(session, user, "task", t.id, body.status)
            audit(session, user, "bulk_update", "task", t.id, before, {"text": t.text, "status": t.status})
            n += 1
    return {"updated": n}
