"""Background work: one dispatcher for uploads, re-runs, the sweeper and ``giaoviec ingest``.

- :mod:`service.jobs.dispatch`: :func:`dispatcher` chooses where a document is processed
  (this process's threads, or Celery workers when ``GIAOVIEC_BROKER_URL`` is set);
  :func:`enqueue` sends one there. :mod:`service.jobs.pool`: the pool of processes a
  batch (``giaoviec ingest``) is given instead of threads.
- :mod:`service.jobs.claim`: the job's life on its document row (claim, heartbeat,
  requeue, stale detection), shared by every executor.
- :mod:`service.jobs.sweep`: re-sends lost jobs and removes their work folders.
- :mod:`service.jobs.celery_app`: the Celery app, its task and the worker's signals.

    >>> from service import jobs
    >>> jobs.enqueue(42)
    >>> jobs.dispatcher().kind     # "in-process" or "celery"
"""
from __future__ import annotations

from service.jobs.celery_app import celery_app, configure_celery, process_document_task
from service.jobs.claim import Heartbeat, claim, release, requeue, stale_documents
from service.jobs.dispatch import (
    CeleryDispatcher,
    InProcessDispatcher,
    Runner,
    dispatcher,
    enqueue,
    get_runner,
    shutdown_runner,
    uses_celery,
)
from service.jobs.pool import ProcessPool, pool_settings
from service.jobs.sweep import TEMP_PATTERNS, Sweeper, clean_temp, sweep

__all__ = [
    "TEMP_PATTERNS", "CeleryDispatcher", "Heartbeat", "InProcessDispatcher", "ProcessPool", "Runner", "Sweeper",
    "celery_app", "claim", "clean_temp", "configure_celery", "dispatcher", "enqueue", "get_runner", "pool_settings",
    "process_document_task", "release", "requeue", "shutdown_runner", "stale_documents", "sweep", "uses_celery",
]
