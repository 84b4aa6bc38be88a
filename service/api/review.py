"""The review queue (hàng chờ xem xét): records a reviewer adds because the extraction
missed them, or deletes because they are wrong; how much of the backlog is reviewed;
the next document waiting.

An added cadre or task carries the span the reviewer selected in the source (page and
offsets into the page text, checked against it), ``source = "reviewer"`` and its
fields marked corrected, so re-running extraction keeps it. Every add and delete is in
the audit log with the record as it was.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response

from service.auth import audit
from service.processing import set_unit_keys, sync_years
from service.schemas import AssignmentCreate, AssignmentOut, NextDocument, ReviewProgress, SpanIn, TaskCreate, TaskOut
from service.storage.fold import fold
from service.storage.models import Assignment, Document, ReviewDecision, Task, utcnow
from service.storage.queries import review as queries

from .common import assignment_out, get_or_404, task_out
from .deps import Clerk, DbSession, Id, Reviewer

router = APIRouter(prefix="/api", tags=["review"])
REVIEWER = "reviewer"  # Task.source and fields[...]["source"] of what a reviewer added


def _check_span(session, document_id: int, span: SpanIn | None) -> dict | None:
    """The span as stored, after checking it lies inside the page's text."""
    if span is None:
        return None
    text = queries.page_text(session, document_id, span.page)
    if text is None:
        raise HTTPException(422, f"document {document_id} has no page {span.page}")
    if not span.start < span.end <= len(text):
        raise HTTPException(422, f"span {span.start}-{span.end} is outside page {span.page} "
                                 f"({len(text)} characters)")
    return {"page": span.page, "start": span.start, "end": span.end}


def _snapshot_task(t: Task) -> dict:
    return {"assignment_id": t.assignment_id, "text": t.text, "status": t.status, "span": t.span,
            "source": t.source, "period_start": t.period_start, "period_end": t.period_end}


def _snapshot_assignment(a: Assignment) -> dict:
    return {"document_id": a.document_id, "cadre": a.cadre, "position": a.position, "unit": a.unit,
            "period_start": a.period_start, "period_end": a.period_end, "status": a.status, "span": a.span,
            "tasks": [_snapshot_task(t) for t in a.tasks]}


@router.post("/assignments", response_model=AssignmentOut, status_code=201)
def add_assignment(body: AssignmentCreate, session: DbSession, user: Reviewer):
    """Add a cadre the extraction missed; ``span`` is where the reviewer selected the name."""
    doc = get_or_404(session, Document, body.document_id, "document")
    if body.period_start is not None and body.period_end is not None and body.period_end < body.period_start:
        raise HTTPException(422, f"period_end {body.period_end} is before period_start {body.period_start}")
    span = _check_span(session, doc.id, body.span)
    clean = {k: (v.strip() or None) if isinstance(v, str) else v
             for k, v in body.model_dump(include={"cadre", "position", "unit"}).items()}
    if not clean["cadre"]:
        raise HTTPException(422, "cadre cannot be empty")
    s, e = body.period_start, body.period_end if body.period_end is not None else body.period_start
    last = queries.last_ordinal(session, doc.id)
    a = Assignment(document_id=doc.id, ordinal=(last if last is not None else -1) + 1, **clean,
                   period_start=s, period_end=e,
                   period_text=None if s is None else (str(s) if e in (None, s) else f"{s} - {e}"),
                   span=span, confidence=1.0, warnings=[], status=body.status, tasks=[],
                   fields={"cadre": {"text": clean["cadre"], "span": span, "confidence": 1.0, "source": REVIEWER}},
                   # corrected: a re-run neither overwrites nor drops what a reviewer added
                   corrected=[f for f in ("cadre", "position", "unit", "period_start") if f == "cadre" or
                              (clean.get(f) if f != "period_start" else s) is not None],
                   cadre_folded=fold(clean["cadre"]), position_folded=fold(clean["position"]),
                   unit_folded=fold(clean["unit"]))
    session.add(a)
    session.flush()
    set_unit_keys(session, doc, a)
    if a.status != "pending":
        session.add(ReviewDecision(entity="assignment", entity_id=a.id, decision=a.status, user_name=user.name,
                                   created_at=utcnow()))
    audit(session, user, "create", "assignment", a.id, None, _snapshot_assignment(a))
    session.flush()
    return assignment_out(a, doc.name)


@router.post("/tasks", response_model=TaskOut, status_code=201)
def add_task(body: TaskCreate, session: DbSession, user: Reviewer):
    """Add a task the extraction missed to an assignment; ``span`` is where its text was selected."""
    a = get_or_404(session, Assignment, body.assignment_id, "assignment")
    span = _check_span(session, a.document_id, body.span)
    text = body.text.strip()
    if not text:
        raise HTTPException(422, "text cannot be empty")
    last = max((t.ordinal for t in a.tasks), default=-1)
    t = Task(document_id=a.document_id, ordinal=last + 1, text=text, text_folded=fold(text), span=span,
             confidence=1.0, source=REVIEWER, status=body.status, corrected=True)
    a.tasks.append(t)
    sync_years(a)
    session.flush()
    if t.status != "pending":
        session.add(ReviewDecision(entity="task", entity_id=t.id, decision=t.status, user_name=user.name,
                                   created_at=utcnow()))
    audit(session, user, "create", "task", t.id, None, _snapshot_task(t))
    session.flush()
    return task_out(t)


@router.delete("/assignments/{assignment_id}", status_code=204)
def delete_assignment(assignment_id: Id, session: DbSession, user: Reviewer):
    """Delete a wrong cadre and its tasks (the audit log keeps them as they were)."""
    a = get_or_404(session, Assignment, assignment_id, "assignment")
    audit(session, user, "delete", "assignment", a.id, _snapshot_assignment(a), None)
    session.delete(a)
    session.flush()
    return Response(status_code=204)


@router.delete("/tasks/{task_id}", status_code=204)
def delete_task(task_id: Id, session: DbSession, user: Reviewer):
    """Delete a wrong task (the audit log keeps it as it was)."""
    t = get_or_404(session, Task, task_id, "task")
    audit(session, user, "delete", "task", t.id, _snapshot_task(t), None)
    session.delete(t)
    session.flush()
    return Response(status_code=204)


@router.get("/review/progress", response_model=ReviewProgress)
def review_progress(session: DbSession, user: Clerk):
    """"x of y reviewed" for the whole backlog: cadres, tasks and documents no longer pending."""
    counts, waiting = queries.progress(session)
    return {**counts, "waiting_documents": waiting}


@router.get("/review/next", response_model=NextDocument)
def next_document(session: DbSession, user: Clerk,
                  after: Annotated[int | None, Query(ge=0, le=2_147_483_647)] = None):
    """The next document waiting for review after document ``after`` (oldest first, wrapping
    round); ``document_id`` null when nothing is waiting."""
    found = queries.next_waiting(session, after)
    if found is None:
        return {"document_id": None}
    document_id, name, pending = found
    return {"document_id": document_id, "name": name, "open_reviews": pending}
