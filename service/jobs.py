"""Background work: an in-process worker pool by default, Celery workers when
``GIAOVIEC_BROKER_URL`` is set. Both run :func:`service.processing.process_document`.
``dispatcher()`` is the one place that chooses between them: uploads, re-runs, the
sweeper and ``giaoviec ingest`` all send documents through what it returns.

    >>> from service.jobs import enqueue
    >>> enqueue(42)          # returns at once; the document is processed in the background
    >>> dispatcher().kind    # "in-process" or "celery"

Celery: ``giaoviec worker`` starts a worker on the queue ``GIAOVIEC_QUEUE``. Tasks are
acknowledged late and rejected (so redelivered) when their worker is lost; a job
delivered twice runs once because processing claims the document by compare-and-set.
A sweeper re-queues documents whose worker stopped beating (killed machine, OOM).
"""
from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from celery import Celery
from celery.signals import worker_process_init, worker_ready, worker_shutdown

from service.settings import get_settings

log = logging.getLogger("giaoviec.jobs")

celery_app = Celery("giaoviec")


def configure_celery() -> Celery:
    """(Re)read broker settings into ``celery_app``; called at import and by tests."""
    s = get_settings()
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
    process_document(int(document_id), match=bool(match))


class Runner:
    """In-process worker pool (threads; OCR itself runs in tesseract subprocesses).

    >>> runner = Runner(workers=2)
    >>> runner.submit(42).result()
    """

    def __init__(self, workers: int | None = None):
        self.workers = workers or get_settings().workers
        self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="giaoviec-job")
        self._pending: set[Future] = set()
        self._lock = threading.Lock()

    def submit(self, document_id: int, *, match: bool = True) -> Future:
        from service.processing import process_document

        fut = self._pool.submit(process_document, int(document_id), match=match)
        with self._lock:
            self._pending.add(fut)
        fut.add_done_callback(self._done)
        return fut

    def _done(self, fut: Future) -> None:
        with self._lock:
            self._pending.discard(fut)

    def idle(self) -> bool:
        with self._lock:
            return not self._pending

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every submitted job has finished; True if idle."""
        import concurrent.futures as cf

        with self._lock:
            pending = list(self._pending)
        done, not_done = cf.wait(pending, timeout=timeout)
        return not not_done

    def shutdown(self, wait: bool = True) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=not wait)


_runner: Runner | None = None
_runner_lock = threading.Lock()


def get_runner() -> Runner:
    """The process-wide in-process pool, created on first use."""
    global _runner
    with _runner_lock:
        if _runner is None:
            _runner = Runner()
        return _runner


def shutdown_runner(wait: bool = True) -> None:
    global _runner
    with _runner_lock:
        if _runner is not None:
            _runner.shutdown(wait=wait)
            _runner = None


@dataclass(frozen=True)
class CeleryDispatcher:
    """Documents go to Celery workers (``giaoviec worker``) on ``queue``; a send fails
    when the broker is down (the document stays queued for the sweeper)."""

    queue: str
    kind: str = "celery"

    def send(self, document_id: int, *, match: bool = True) -> None:
        kwargs = {} if match else {"match": False}  # an upload's message stays as it always was
        process_document_task.apply_async(args=[int(document_id)], kwargs=kwargs, queue=self.queue)


@dataclass(frozen=True)
class InProcessDispatcher:
    """Documents are processed by this process's pool of threads (``get_runner``)."""

    kind: str = "in-process"

    def send(self, document_id: int, *, match: bool = True) -> None:
        get_runner().submit(document_id, match=match)


def dispatcher(settings=None) -> CeleryDispatcher | InProcessDispatcher:
    """Where documents are processed, chosen here and nowhere else: Celery workers when
    ``GIAOVIEC_BROKER_URL`` is set, else this process.

    >>> dispatcher(Settings(broker_url="redis://127.0.0.1:6379/0")).kind
    'celery'
    """
    s = settings or get_settings()
    return CeleryDispatcher(s.queue) if s.broker_url else InProcessDispatcher()


def uses_celery(settings=None) -> bool:
    """Whether ``dispatcher(settings)`` sends to Celery workers."""
    return dispatcher(settings).kind == "celery"


def enqueue(document_id: int, *, match: bool = True, settings=None) -> None:
    """Process ``document_id`` in the background, where ``dispatcher(settings)`` says.

    ``match=False`` leaves duplicate matching to a later batch pass
    (:func:`service.storage.dedup.match_pending`; ``giaoviec ingest`` runs it).

    >>> enqueue(doc.id)
    """
    dispatcher(settings).send(document_id, match=match)


def sweep(stale_seconds: int | None = None, *, include_queued: bool = False,
          queued_seconds: int | None = None) -> list[int]:
    """Re-queue documents whose job was lost (stale heartbeat) or never picked up
    (``include_queued``: every queued one; ``queued_seconds``: those sent that long ago).

    Returns the ids enqueued. Safe to run from several processes at once: the
    claim in processing lets only one job through. A document that cannot be sent
    now (broker down) stays queued and is tried again after ``queued_seconds``.
    """
    from service.processing import requeue, stale_documents
    from service.storage.db import session_scope

    with session_scope() as s:
        ids = stale_documents(s, stale_seconds, include_queued=include_queued, queued_seconds=queued_seconds)
        ids = [i for i in ids if requeue(s, i, lost_only=True)]
    sent = []
    for i in ids:
        try:
            enqueue(i)
            sent.append(i)
        except Exception:
            log.warning("document %s is queued but could not be sent to a worker; tried again later", i,
                        exc_info=True)
    if sent:
        log.info("re-queued %d document(s) left unfinished: %s", len(sent), sent[:20])
    return sent


# Work folders of the readers and the zip walker: a worker killed mid-job leaves its
# folder (71 MB for an OCR'd scan) and nothing else removes it.
TEMP_PATTERNS = ("giaoviec-ocr-*", "giaoviec-img-*", "giaoviec-soffice-*", "giaoviec-zip-*",
                 "giaoviec-ingest-zip-*")


def clean_temp(max_age: float | None = None) -> int:
    """Remove work folders older than ``max_age`` seconds (default: a job's deadline, past
    which no live job can own them) from the temp folder and DATA_DIR/tmp; returns how many."""
    import shutil
    import tempfile
    import time
    from pathlib import Path

    s = get_settings()
    max_age = max_age if max_age is not None else max(s.job_seconds, s.stale_seconds) * 2
    cutoff = time.time() - max_age
    removed = 0
    places = [(Path(tempfile.gettempdir()), TEMP_PATTERNS), (Path(s.data_dir) / "tmp", ("upload-*",))]
    for root, patterns in places:
        for pattern in patterns:
            for path in root.glob(pattern):
                try:
                    if path.is_dir() and path.stat().st_mtime < cutoff:
                        shutil.rmtree(path, ignore_errors=True)
                        removed += 1
                except OSError:
                    continue
    if removed:
        log.info("removed %d work folder(s) left by stopped workers", removed)
    return removed


class Sweeper:
    """Runs :func:`sweep` every ``interval`` seconds in a daemon thread."""

    def __init__(self, interval: float):
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="giaoviec-sweeper")

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                s = get_settings()
                # Celery: a queued document whose message was lost (the broker was down when
                # it was uploaded or re-run) is sent again instead of waiting for a worker's
                # restart (issue 13). In-process, queued rows wait in this process's own pool.
                sweep(s.stale_seconds, queued_seconds=s.queued_seconds if uses_celery(s) else None)
                clean_temp()
            except Exception:
                log.warning("sweep failed", exc_info=True)

    def start(self) -> Sweeper:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()


_worker_sweeper: Sweeper | None = None


@worker_process_init.connect
def _after_fork(**_kw) -> None:
    # A forked pool child must not reuse its parent's database sockets.
    from service.storage import db

    db.dispose()


@worker_ready.connect
def _on_worker_ready(**_kw) -> None:
    global _worker_sweeper
    from service.storage.db import init_db

    init_db()
    s = get_settings()
    try:
        # Queued rows too: their message may have been lost (broker down at upload time).
        # A duplicate message is harmless: the claim lets one job through.
        sweep(s.stale_seconds, include_queued=True)
    except Exception:
        log.warning("start-up sweep failed", exc_info=True)
    _worker_sweeper = Sweeper(max(2.0, s.stale_seconds / 2)).start()


@worker_shutdown.connect
def _on_worker_shutdown(**_kw) -> None:
    if _worker_sweeper is not None:
        _worker_sweeper.stop()
