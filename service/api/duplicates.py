"""/api/duplicates: suggested near-duplicate task pairs and reviewers' decisions.

Decisions: ``duplicate`` (same task written twice), ``distinct`` (not the same),
``merge`` (duplicate, and the later task - b - is rejected so exports count it once),
``pending`` (undo).
"""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from service.auth import audit
from service.schemas import DupBulk, DupDecision, DupHistory, DupList, DupOut, Updated
from service.storage.models import DuplicatePair, ReviewDecision, Task, utcnow
from service.storage.queries import duplicates as queries

from .common import capped_count, dup_out, dup_outs, get_or_404, page_answer
from .deps import Clerk, DbSession, Id, Paging, QId, Reviewer

router = APIRouter(prefix="/api/duplicates", tags=["duplicates"])
STATUS_OF = {"duplicate": "duplicate", "distinct": "distinct", "merge": "merged", "pending": "pending"}


@router.get("", response_model=DupList)
def list_duplicates(session: DbSession, user: Clerk, page: Paging,
                    status: Annotated[Literal["pending", "duplicate", "distinct", "merged", "all"],
                                      Query()] = "pending",
                    document_id: QId = None,
                    task_id: Annotated[list[Id] | None, Query(max_length=500)] = None):
    """Suggested pairs, highest score first; ``document_id`` or ``task_id`` (repeatable) for
    the pairs a document's or some tasks' records are in (the review page and the register
    show the decisions on the records)."""
    conds = queries.pair_filter(status, document_id, task_id)
    total, exact = capped_count(session, queries.pair_ids(conds), page.count_cap)
    rows = queries.pairs_page(session, conds, page.limit, page.offset)
    return page_answer(dup_outs(session, rows), total, exact)


def decide(session, user, pair: DuplicatePair, decision: str) -> bool:
    """Apply one decision (audited); True if something changed."""
    status = STATUS_OF[decision]
    before = {"status": pair.status}
    b = session.get(Task, pair.task_b_id)
    changed = False
    if status == "merged" and b is not None and b.status != "rejected":
        audit(session, user, "merge_reject", "task", b.id, {"status": b.status}, {"status": "rejected"})
        b.status = "rejected"
        changed = True
    if pair.status != status:
        pair.status = status
        pair.decided_by = user.name
        pair.decided_at = utcnow()
        changed = True
    if changed:
        session.add(ReviewDecision(entity="duplicate", entity_id=pair.id, decision=decision, user_name=user.name,
                                   created_at=utcnow()))
        audit(session, user, "decide", "duplicate", pair.id, before, {"status": pair.status})
        session.flush()
        from service.storage.dedup import recluster

        recluster(session, [pair.task_a_id, pair.task_b_id])
        session.refresh(pair)
    return changed


@router.get("/decisions", response_model=DupHistory)
def list_decisions(session: DbSession, user: Clerk, page: Paging):
    """Every decision on a pair, newest first: who, when, what (``pending`` = undone), and the
    pair as it is now (``pair`` null when its tasks are gone)."""
    total, rows = queries.decisions_page(session, page.limit, page.offset)
    pairs = queries.pairs_by_id(session, (r.entity_id for r in rows))
    outs = {o["id"]: o for o in dup_outs(session, list(pairs.values()))}
    return page_answer([{"id": r.id, "pair_id": r.entity_id, "decision": r.decision, "user_name": r.user_name,
                         "at": r.created_at, "pair": outs.get(r.entity_id)} for r in rows], total, True)


@router.get("/{pair_id}", response_model=DupOut)
def get_duplicate(pair_id: Id, session: DbSession, user: Clerk):
    return dup_out(session, get_or_404(session, DuplicatePair, pair_id, "duplicate pair"))


@router.post("/{pair_id}/decision", response_model=DupOut)
def decide_one(pair_id: Id, body: DupDecision, session: DbSession, user: Reviewer):
    pair = get_or_404(session, DuplicatePair, pair_id, "duplicate pair")
    decide(session, user, pair, body.decision)
    session.flush()
    return dup_out(session, pair)


@router.post("/bulk", response_model=Updated)
def decide_bulk(body: DupBulk, session: DbSession, user: Reviewer):
    n = 0
    for pid in dict.fromkeys(body.ids):
        pair = session.get(DuplicatePair, pid)
        if pair is not None and decide(session, user, pair, body.decision):
            n += 1
    return {"updated": n}
