"""Rows -> API shapes, and the list answers: a page (``page_answer``) and its total
(``page_total``, ``capped_count``). What routes are given is in ``deps.py``; what the
register's filters mean is in ``filters.py``."""
from __future__ import annotations

import json
from datetime import datetime

from fastapi import HTTPException, Response
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from service.storage.models import Assignment, Document, DuplicatePair, Task
from service.storage.queries import capped_count

from .deps import PageParams


def page_total(session: Session, stmt, page: PageParams, n_rows: int) -> tuple[int, bool]:
    """``(total, exact)`` of a list whose ``page`` got ``n_rows`` of its limit.

    A short page that is not empty ends the list, so its total is known without counting
    (most filtered review lists fit on one page); otherwise ``capped_count(stmt)`` up to
    the page's count cap.
    """
    if n_rows < page.limit and (n_rows or not page.offset):
        return page.offset + n_rows, True
    return capped_count(session, stmt, page.count_cap)


def _json_default(o):
    if isinstance(o, datetime):
        return o.isoformat()
    raise TypeError(f"{type(o).__name__} is not JSON serialisable")


def json_response(data) -> Response:
    """Serialise straight to JSON. The routes still declare their response_model (the
    OpenAPI document and schemathesis check that what is sent matches it); skipping
    FastAPI's re-validation of a page of 50 assignments halves the work per request."""
    return Response(_dumps(data), media_type="application/json")


def page_answer(items: list[dict], total: int, exact: bool) -> Response:
    """A list page (``schemas.Page``): ``{"items", "total", "total_exact"}`` as JSON."""
    return json_response({"items": items, "total": total, "total_exact": exact})


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, default=_json_default, separators=(",", ":"))


def get_or_404(session: Session, model, id_: int, what: str):
    row = session.get(model, id_)
    if row is None:
        raise HTTPException(404, f"{what} {id_} does not exist")
    return row


def period(text, start, end) -> dict | None:
    if text is None and start is None and end is None:
        return None
    return {"text": text, "start": start, "end": end}


def period_label(start, end, text=None) -> str:
    """Thời gian for exports: '2022' or '2021 - 2025'."""
    if start is None and end is None:
        return text or ""
    if end is None or end == start:
        return str(start)
    return f"{start} - {end}"


def task_out(t) -> dict:
    """A task (ORM object or a row of TASK_COLUMNS) in the API shape."""
    return {"id": t.id, "text": t.text, "period": period(t.period_text, t.period_start, t.period_end),
            "span": t.span, "confidence": t.confidence, "status": t.status, "corrected": bool(t.corrected),
            "extracted_text": t.extracted_text}


# The columns the lists show, selected as plain rows: building ORM objects (identity map,
# relationship collections) for 50 assignments and their 250 tasks cost more CPU than the
# query itself. Rows have the same attribute names, so ``task_out`` and ``assignment_out``
# serve ORM objects and rows alike.
TASK_COLUMNS = (Task.id, Task.assignment_id, Task.document_id, Task.text, Task.period_text, Task.period_start,
                Task.period_end, Task.year, Task.span, Task.confidence, Task.status, Task.corrected,
                Task.extracted_text)
ASSIGNMENT_COLUMNS = (Assignment.id, Assignment.document_id, Assignment.cadre, Assignment.position,
                      Assignment.unit, Assignment.unit_key, Assignment.period_text, Assignment.period_start,
                      Assignment.period_end, Assignment.declared_count, Assignment.span, Assignment.confidence,
                      Assignment.warnings, Assignment.status, Assignment.fields, Assignment.corrected,
                      Assignment.extracted)


def tasks_by_assignment(session: Session, assignment_ids: list[int]) -> dict[int, list[dict]]:
    """The tasks of these assignments in their order, in one query, as API dicts."""
    out: dict[int, list[dict]] = {i: [] for i in assignment_ids}
    if not assignment_ids:
        return out
    for t in session.execute(select(*TASK_COLUMNS).where(Task.assignment_id.in_(assignment_ids))
                             .order_by(Task.assignment_id, Task.ordinal, Task.id)):
        out[t.assignment_id].append(task_out(t))
    return out


def assignment_out(a, document_name: str | None = None, tasks: list[dict] | None = None) -> dict:
    """An assignment (ORM object or a row of ASSIGNMENT_COLUMNS) in the API shape; ``tasks``
    given (see tasks_by_assignment), else read from the ORM relationship."""
    return {
        "id": a.id, "document_id": a.document_id, "document_name": document_name,
        "cadre": a.cadre, "position": a.position, "unit": a.unit, "unit_key": a.unit_key,
        "period": period(a.period_text, a.period_start, a.period_end),
        "declared_count": a.declared_count, "span": a.span, "confidence": a.confidence,
        "warnings": list(a.warnings or []), "status": a.status, "fields": a.fields,
        "tasks": [task_out(t) for t in a.tasks] if tasks is None else tasks, "corrected": list(a.corrected or []),
        "extracted": a.extracted,
    }


def task_row(t, document_name: str | None = None) -> dict:
    """A row of TASK_COLUMNS + the assignment's cadre, position and unit, as /api/tasks lists it."""
    d = task_out(t)
    d.update(cadre=t.cadre, position=t.position, unit=t.unit, year=t.year, assignment_id=t.assignment_id,
             document_id=t.document_id, document_name=document_name)
    return d


def doc_counts(session: Session, ids: list[int]) -> dict[int, dict]:
    """assignments, tasks and open reviews (pending assignments + tasks) per document."""
    out = {i: {"assignments": 0, "tasks": 0, "open_reviews": 0} for i in ids}
    if not ids:
        return out
    for doc_id, n, pending in session.execute(
            select(Assignment.document_id, func.count(), func.sum(case((Assignment.status == "pending", 1), else_=0)))
            .where(Assignment.document_id.in_(ids)).group_by(Assignment.document_id)):
        out[doc_id]["assignments"] = n
        out[doc_id]["open_reviews"] += int(pending or 0)
    for doc_id, n, pending in session.execute(
            select(Task.document_id, func.count(), func.sum(case((Task.status == "pending", 1), else_=0)))
            .where(Task.document_id.in_(ids)).group_by(Task.document_id)):
        out[doc_id]["tasks"] = n
        out[doc_id]["open_reviews"] += int(pending or 0)
    return out


DOCUMENT_COLUMNS = (Document.id, Document.name, Document.sha256, Document.size, Document.format, Document.kind,
                    Document.number, Document.title, Document.issuer, Document.date, Document.pages,
                    Document.status, Document.stage, Document.pages_done, Document.error_code,
                    Document.error_message, Document.uploaded_by, Document.uploaded_at, Document.processed_at,
                    Document.attempts, Document.ocr, Document.warnings, Document.statistics)


def doc_out(d, counts: dict | None = None) -> dict:
    """A document (ORM object or a row of DOCUMENT_COLUMNS) in the API shape."""
    counts = counts or {"assignments": 0, "tasks": 0, "open_reviews": 0}
    return {
        "id": d.id, "name": d.name, "sha256": d.sha256, "size": d.size, "format": d.format, "kind": d.kind,
        "number": d.number, "title": d.title, "issuer": d.issuer, "date": d.date, "pages": d.pages or 0,
        "status": d.status, "stage": d.stage, "pages_done": d.pages_done or 0,
        "error": {"code": d.error_code, "message": d.error_message or ""} if d.error_code else None,
        "uploaded_by": d.uploaded_by, "uploaded_at": d.uploaded_at, "processed_at": d.processed_at,
        "attempts": d.attempts or 0, "ocr": bool(d.ocr), "warnings": list(d.warnings or []),
        "statistics": list(d.statistics or []), **counts,
    }


def dup_side(t: Task, a: Assignment, d: Document) -> dict:
    return {"task_id": t.id, "text": t.text, "cadre": a.cadre, "unit": a.unit, "year": t.year,
            "document_id": d.id, "document_name": d.name, "span": t.span, "assignment_id": a.id,
            "status": t.status}


def dup_outs(session: Session, pairs: list[DuplicatePair]) -> list[dict]:
    """Several pairs with their two sides, in one query for all the tasks."""
    ids = {i for p in pairs for i in (p.task_a_id, p.task_b_id)}
    sides = {}
    if ids:
        for t, a, d in session.execute(select(Task, Assignment, Document)
                                       .join(Assignment, Task.assignment_id == Assignment.id)
                                       .join(Document, Task.document_id == Document.id).where(Task.id.in_(ids))):
            sides[t.id] = dup_side(t, a, d)
    return [_dup(p, sides[p.task_a_id], sides[p.task_b_id]) for p in pairs]


def dup_out(session: Session, p: DuplicatePair) -> dict:
    return dup_outs(session, [p])[0]


def _dup(p: DuplicatePair, a: dict, b: dict) -> dict:
    sides = {"a": a, "b": b}
    return {"id": p.id, "score": p.score, "kind": p.kind, "reason": p.reason, "status": p.status,
            "cluster": p.cluster, "decided_by": p.decided_by, "decided_at": p.decided_at, **sides}
