"""The statements of the review queue (/api/assignments and /api/tasks writes,
/api/review/progress, /api/review/next)."""
from __future__ import annotations

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from service.storage.models import Assignment, Document, Page, Task


def page_text(session: Session, document_id: int, number: int) -> str | None:
    """The text of page ``number`` of a document (None: no such page)."""
    return session.scalar(select(Page.text).where(Page.document_id == document_id, Page.number == number))


def last_ordinal(session: Session, document_id: int) -> int | None:
    """The highest ordinal of a document's assignments (None: it has none)."""
    return session.scalar(select(func.max(Assignment.ordinal)).where(Assignment.document_id == document_id))


def _pending_docs() -> ColumnElement[bool]:
    """Done documents with a cadre or a task still pending."""
    open_a = select(Assignment.id).where(Assignment.document_id == Document.id, Assignment.status == "pending")
    open_t = select(Task.id).where(Task.document_id == Document.id, Task.status == "pending")
    return (Document.status == "done") & (open_a.exists() | open_t.exists())


def progress(session: Session) -> tuple[dict[str, dict[str, int]], int]:
    """Cadres, tasks and documents (done ones), each ``{"total", "reviewed"}`` (no longer
    pending), and how many documents wait for review."""
    counts = {}
    for name, model in (("assignments", Assignment), ("tasks", Task)):
        total, reviewed = session.execute(select(func.count(), func.sum(case((model.status != "pending", 1),
                                                                             else_=0)))).one()
        counts[name] = {"total": int(total or 0), "reviewed": int(reviewed or 0)}
    done = session.scalar(select(func.count()).select_from(Document).where(Document.status == "done")) or 0
    waiting = session.scalar(select(func.count()).select_from(Document).where(_pending_docs())) or 0
    counts["documents"] = {"total": done, "reviewed": done - waiting}
    return counts, waiting


def next_waiting(session: Session, after: int | None) -> tuple[int, str, int] | None:
    """The next document waiting for review after document ``after`` (oldest first,
    wrapping round): (id, name, records still pending); None when nothing is waiting."""
    base = select(Document.id, Document.name).where(_pending_docs())
    row = None
    if after is not None:
        row = session.execute(base.where(Document.id > after).order_by(Document.id).limit(1)).first()
    if row is None:
        conds = [Document.id != after] if after is not None else []
        row = session.execute(base.where(*conds).order_by(Document.id).limit(1)).first()
    if row is None:
        return None
    pending = (session.scalar(select(func.count()).select_from(Assignment).where(
        Assignment.document_id == row.id, Assignment.status == "pending")) or 0) + (session.scalar(
        select(func.count()).select_from(Task).where(Task.document_id == row.id, Task.status == "pending")) or 0)
    return row.id, row.name, pending
