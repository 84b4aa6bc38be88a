"""Where a document is processed, chosen in :func:`dispatcher` and nowhere else: Celery
workers when ``GIAOVIEC_BROKER_URL`` is set, else this process's pool of threads.
Uploads, re-runs, the sweeper and ``giaoviec ingest`` all send documents through what it
returns; every executor runs :func:`service.processing.process_document`.

    >>> dispatcher(get_settings()).kind
    'in-process'
    >>> enqueue(42)          # returns at once; the document is processed in the background
"""
from __future__ import annotations

import concurrent.futures as cf
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from service.jobs.pool import ProcessPool, Report
from service.settings import Settings, get_settings


class Runner:
    """In-process worker pool (threads; OCR itself runs in tesseract subprocesses).

    >>> runner = Runner(workers=2)
    >>> runner.submit(42).result()
    """

    def __init__(self, workers: int | None = None, settings: Settings | None = None):
        self.settings = settings or get_settings()
        self.workers = workers or self.settings.workers
        self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="giaoviec-job")
        self._pending: set[Future[None]] = set()
        self._lock = threading.Lock()

    def submit(self, document_id: int, *, match: bool = True) -> Future[None]:
        from service.processing import process_document

        fut = self._pool.submit(process_document, int(document_id), match=match, settings=self.settings)
        with self._lock:
            self._pending.add(fut)
        fut.add_done_callback(self._done)
        return fut

    def _done(self, fut: Future[None]) -> None:
        with self._lock:
            self._pending.discard(fut)

    def idle(self) -> bool:
        with self._lock:
            return not self._pending

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every submitted job has finished; True if idle."""
        with self._lock:
            pending = list(self._pending)
        _done, not_done = cf.wait(pending, timeout=timeout)
        return not not_done

    def shutdown(self, wait: bool = True) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=not wait)


_runner: Runner | None = None
_runner_lock = threading.Lock()
_stopped: list[Runner] = []  # pools stopped without waiting, whose running jobs may go on


def get_runner() -> Runner:
    """The process-wide in-process pool, created on first use."""
    global _runner
    with _runner_lock:
        if _runner is None:
            _runner = Runner()
        return _runner


def shutdown_runner(wait: bool = True) -> None:
    """Stop the process-wide pool; the next :func:`get_runner` starts a new one with the
    settings of that moment.

    ``wait=False`` (an app shutting down) cancels the queued jobs and returns while the
    running ones go on; ``wait=True`` lets them finish, those of a pool stopped earlier
    without waiting too. A job left running would otherwise write through whichever
    database the process opens next (the tests' next database, whose TRUNCATE it then
    deadlocked with)."""
    global _runner
    with _runner_lock:
        runner, _runner = _runner, None
        if not wait:
            if runner is not None:
                _stopped.append(runner)
                runner.shutdown(wait=False)
            return
        stopped = [*_stopped, *([runner] if runner is not None else [])]
        _stopped.clear()
    for r in stopped:
        r.shutdown(wait=True)


@dataclass(frozen=True)
class CeleryDispatcher:
    """Documents go to Celery workers (``giaoviec worker``) on ``queue``; a send fails
    when the broker is down (the document stays queued for the sweeper)."""

    queue: str
    kind: str = "celery"

    def send(self, document_id: int, *, match: bool = True) -> None:
        from service.jobs.celery_app import process_document_task

        kwargs = {} if match else {"match": False}  # an upload's message stays as it always was
        process_document_task.apply_async(args=[int(document_id)], kwargs=kwargs, queue=self.queue)


@dataclass(frozen=True)
class InProcessDispatcher:
    """Documents are processed by this process's pool of threads (``get_runner``)."""

    kind: str = "in-process"

    def send(self, document_id: int, *, match: bool = True) -> None:
        get_runner().submit(document_id, match=match)


def dispatcher(settings: Settings | None = None, *, processes: int | None = None,
               report: Report | None = None) -> CeleryDispatcher | InProcessDispatcher | ProcessPool:
    """Where documents are processed, chosen here and nowhere else: Celery workers when
    ``GIAOVIEC_BROKER_URL`` is set, else this process: its threads, or with ``processes``
    a pool of that many worker processes that answer each document with ``report(id)``
    (``giaoviec ingest``: a batch of CPU-bound Python wants processes).

    >>> dispatcher(Settings(broker_url="redis://127.0.0.1:6379/0")).kind
    'celery'
    >>> dispatcher(Settings(), processes=2, report=read_counts).kind
    'process pool'
    """
    s = settings or get_settings()
    if s.broker_url:
        return CeleryDispatcher(s.queue)
    if processes:
        if report is None:
            raise ValueError("a process pool needs report: what a worker answers for each document")
        return ProcessPool(processes, s, report=report)
    return InProcessDispatcher()


def uses_celery(settings: Settings | None = None) -> bool:
    """Whether ``dispatcher(settings)`` sends to Celery workers."""
    return dispatcher(settings).kind == "celery"


def enqueue(document_id: int, *, match: bool = True, settings: Settings | None = None) -> None:
    """Process ``document_id`` in the background, where ``dispatcher(settings)`` says.

    ``match=False`` leaves duplicate matching to a later batch pass
    (:func:`service.storage.dedup.match_pending`; ``giaoviec ingest`` runs it).

    >>> enqueue(doc.id)
    """
    dispatcher(settings).send(document_id, match=match)
