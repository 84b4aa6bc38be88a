"""The Celery side of the dispatcher: the app, its one task and the worker's signals.

``giaoviec worker`` starts a worker on the queue ``GIAOVIEC_QUEUE``. Tasks are
acknowledged late and rejected (so redelivered) when their worker is lost; a job
delivered twice runs once because processing claims the document by compare-and-set
(:mod:`service.jobs.claim`). A worker sweeps for lost jobs at start and then every
half ``stale_seconds`` (:mod:`service.jobs.sweep`).
"""
from __future__ import annotations

import logging
from typing import Any

from celery import Celery
from celery.signals import worker_process_init, worker_ready, worker_shutdown

from service.settings import Settings, get_settings

log = logging.getLogger("giaoviec.jobs")

celery_app = Celery("giaoviec")


def configure_celery(settings: Settings | None = None) -> Celery:
    """(Re)read broker settings into ``celery_app``; called at import and by tests."""
    s = settings or get_settings()
    celery_app.conf.update(
        broker_url=s.broker_url or "memory://",
        task_default_queue=s.queue,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_ignore_result=True,
        worker_prefetch_multiplier=1,
        worker_hijack_root_logger=False,
        broker_connection_retry_on_startup=True,
        broker_transport_options={"visibility_timeout": s.visibility_timeout},
    )
    return celery_app


configure_celery()


@celery_app.task(name="giaoviec.process_document", acks_late=True, reject_on_worker_lost=True)
def process_document_task(document_id: int, match: bool = True) -> None:
    """The Celery face of :func:`service.processing.process_document` (``match=False``:
    a batch that matches duplicates in one pass when all its documents are done)."""
    from service.processing import process_document
    from service.storage.db import get_engine

    get_engine()
    process_document(int(document_id), match=bool(match), settings=get_settings())


_worker_sweeper: Any = None  # the Sweeper of this worker process, stopped at shutdown


@worker_process_init.connect
def _after_fork(**_kw: Any) -> None:
    # A forked pool child must not reuse its parent's database sockets.
    from service.storage import db

    db.dispose()


@worker_ready.connect
def _on_worker_ready(**_kw: Any) -> None:
    global _worker_sweeper
    from service.jobs.sweep import Sweeper, sweep
    from service.storage.db import init_db

    init_db()
    s = get_settings()
    try:
        # Queued rows too: their message may have been lost (broker down at upload time).
        # A duplicate message is harmless: the claim lets one job through.
        sweep(s, include_queued=True)
    except Exception:
        log.warning("start-up sweep failed", exc_info=True)
    _worker_sweeper = Sweeper(max(2.0, s.stale_seconds / 2)).start()


@worker_shutdown.connect
def _on_worker_shutdown(**_kw: Any) -> None:
    if _worker_sweeper is not None:
        _worker_sweeper.stop()
