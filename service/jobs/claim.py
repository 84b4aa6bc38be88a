"""The life of a job on its document row: claim, heartbeat, requeue, stale detection.

A document row is the job's only shared state, so every executor (the server's
threads, Celery workers, ``giaoviec ingest``'s processes) coordinates through it:

- :func:`claim` is a compare-and-set ``queued -> processing`` that stamps the job's id,
  so a job delivered twice runs once; a ``processing`` row is taken over only when its
  heartbeat is stale (its worker died);
- :class:`Heartbeat` beats for a running job from its own thread and fails the job at
  its deadline, and :func:`touch` writes progress only while the row is still the job's;
- :func:`requeue` sets a row back to ``queued`` (a user's re-run, or the sweeper's for a
  lost job, counting the loss); :func:`give_up` fails a row lost too many times;
- :func:`stale_documents` finds the lost ones; :func:`release` hands back rows whose
  worker is known dead (``giaoviec ingest`` after its pool broke or its run died).

    >>> job = uuid.uuid4().hex
    >>> if claim(doc_id, job, stale_seconds=300):
    ...     with Heartbeat(doc_id, job, interval=30, deadline=3600, name="qd.pdf"):
    ...         ...
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from datetime import timedelta
from types import TracebackType
from typing import Any

from sqlalchemy import case, func, or_, select, update
from sqlalchemy.orm import Session

from service.storage.db import session_scope
from service.storage.models import Document, utcnow

log = logging.getLogger("giaoviec.jobs")


def claim(document_id: int, job: str, stale_seconds: int) -> bool:
    """Compare-and-set queued -> processing for ``job``; True if the row is now ours.

    A ``processing`` row may be taken over only when its heartbeat is older than
    ``stale_seconds`` (its worker died).
    """
    now = utcnow()
    cutoff = now - timedelta(seconds=stale_seconds)
    with session_scope() as s:
        res = s.execute(
            update(Document)
            .where(Document.id == document_id)
            .where(or_(Document.status == "queued",
                       (Document.status == "processing")
                       & (or_(Document.heartbeat_at.is_(None), Document.heartbeat_at < cutoff))))
            .values(status="processing", stage="reading", job_id=job, heartbeat_at=now,
                    attempts=Document.attempts + 1, pages_done=0, error_code=None, error_message=None)
            .execution_options(synchronize_session=False)
        )
        return res.rowcount == 1


def give_up(document_id: int, max_attempts: int) -> bool:
    """Fail a document whose workers were lost ``max_attempts`` times (it kills or hangs
    them) instead of claiming it again; True if it was failed here."""
    if max_attempts <= 0:
        return False
    with session_scope() as s:
        doc = s.get(Document, document_id)
        if doc is None or (doc.losses or 0) < max_attempts or doc.status not in ("queued", "processing"):
            return False
        message = (f"{doc.name}: processing stopped {doc.losses} times without finishing (the file crashed or "
                   "hung the reader each time); it is kept: open and save it again, or split it, then re-run it")
        res = s.execute(update(Document).where(Document.id == document_id, Document.status == doc.status,
                                               Document.losses >= max_attempts)
                        .values(status="failed", stage="failed", error_code="crashed", error_message=message,
                                processed_at=utcnow(), job_id=None)
                        .execution_options(synchronize_session=False))
        if res.rowcount == 1:
            log.warning("document %s: given up after %s lost attempts", document_id, doc.losses)
        return res.rowcount == 1


def touch(document_id: int, job: str, **values: Any) -> bool:
    """Update our own claimed row (heartbeat, stage, progress); False if we lost it."""
    values.setdefault("heartbeat_at", utcnow())
    with session_scope() as s:
        res = s.execute(update(Document).where(Document.id == document_id, Document.job_id == job)
                        .values(**values).execution_options(synchronize_session=False))
        return res.rowcount == 1


def fail(document_id: int, job: str, code: str, message: str) -> None:
    """End our job with ``code`` and ``message`` (what the user is shown)."""
    touch(document_id, job, status="failed", stage="failed", error_code=code, error_message=message[:4000],
          processed_at=utcnow())


class Heartbeat:
    """Beats every ``interval`` seconds while a document is processed, from its own
    thread, until the job's ``deadline`` (seconds; None: none): a parse that hangs past
    it is failed (``timeout``) and let go, not kept alive by its own heartbeat. Whatever
    the job writes afterwards is dropped (the row is no longer its job)."""

    def __init__(self, document_id: int, job: str, interval: float, deadline: float | None = None,
                 name: str = ""):
        self.document_id, self.job, self.interval = document_id, job, interval
        self.deadline = time.monotonic() + deadline if deadline else None
        self.limit, self.name = deadline, name
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name=f"heartbeat-{document_id}")

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                if self.deadline is not None and time.monotonic() > self.deadline:
                    touch(self.document_id, self.job, status="failed", stage="failed", error_code="timeout",
                          error_message=f"{self.name}: processing took longer than {self.limit:.0f} s and was "
                                        "stopped; the file may be damaged: open and save it again, or split it",
                          processed_at=utcnow(), job_id=None)
                    log.warning("document %s: past its deadline of %.0f s; failed", self.document_id, self.limit)
                    return
                touch(self.document_id, self.job)
            except Exception:  # a missed beat is not fatal; the next one may pass
                log.warning("heartbeat for document %s failed", self.document_id, exc_info=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def requeue(session: Session, document_id: int, *, stale_seconds: int, lost_only: bool = False) -> bool:
    """Set a document back to ``queued`` (a re-run); True if it was.

    Refused while a live worker (heartbeat fresher than ``stale_seconds``: the caller's
    ``settings.stale_seconds``) processes it. With ``lost_only`` (the sweeper) only a
    queued row or a processing row with a stale heartbeat is touched, so a document that
    just finished is not run again.
    """
    cutoff = utcnow() - timedelta(seconds=stale_seconds)
    lost = (Document.status == "processing") & or_(Document.heartbeat_at.is_(None), Document.heartbeat_at < cutoff)
    if lost_only:
        cond = or_(Document.status == "queued", lost)
    else:
        cond = or_(Document.status.in_(("done", "failed", "queued")), lost)
    q = update(Document).where(Document.id == document_id).where(cond)
    # A lost job counts against the document (see give_up); a user's re-run starts over.
    losses = (case((Document.status == "processing", Document.losses + 1), else_=Document.losses)
              if lost_only else 0)
    # A queued row's heartbeat_at is when it was (last) sent to the queue: see stale_documents.
    res = session.execute(q.values(status="queued", stage="queued", pages_done=0, job_id=None,
                                   error_code=None, error_message=None, losses=losses, heartbeat_at=utcnow())
                          .execution_options(synchronize_session=False))
    return res.rowcount == 1


def stale_documents(session: Session, stale_seconds: int, *,
                    include_queued: bool = False, queued_seconds: int | None = None) -> list[int]:
    """Documents whose job was lost: processing with a heartbeat older than
    ``stale_seconds`` (and, with ``include_queued``, every queued one: an in-process
    queue dies with its process; with ``queued_seconds``, the queued ones sent that long
    ago or more: a Celery message lost when the broker was down, issue 13)."""
    cutoff = utcnow() - timedelta(seconds=stale_seconds)
    cond = (Document.status == "processing") & or_(Document.heartbeat_at.is_(None), Document.heartbeat_at < cutoff)
    if include_queued:
        cond = or_(cond, Document.status == "queued")
    elif queued_seconds is not None:
        # Sent at the last requeue (heartbeat_at), else at upload.
        sent = func.coalesce(Document.heartbeat_at, Document.uploaded_at)
        cond = or_(cond, (Document.status == "queued") & (sent < utcnow() - timedelta(seconds=queued_seconds)))
    rows = session.scalars(select(Document.id).where(cond).order_by(Document.id)).all()
    return list(rows)


def release(document_ids: Iterable[int]) -> int:
    """Put documents whose worker is known dead back to ``queued`` at once (not waiting
    for a stale heartbeat); returns how many. Only ``processing`` rows are touched: a
    finished one stays."""
    ids = list(set(document_ids))
    if not ids:
        return 0
    with session_scope() as s:
        res = s.execute(update(Document).where(Document.id.in_(ids), Document.status == "processing")
                        .values(status="queued", stage="queued", job_id=None, heartbeat_at=None, pages_done=0)
                        .execution_options(synchronize_session=False))
        return res.rowcount or 0
