"""Finding lost jobs and their leftovers: :func:`sweep` re-sends documents whose worker
stopped beating (killed machine, OOM) or whose message was lost, :func:`clean_temp`
removes the work folders such workers leave, and :class:`Sweeper` runs both
periodically in ``serve`` and in each Celery worker."""
from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from pathlib import Path

from service.jobs.claim import requeue, stale_documents
from service.jobs.dispatch import enqueue, uses_celery
from service.settings import Settings, get_settings

log = logging.getLogger("giaoviec.jobs")


def sweep(settings: Settings, *, include_queued: bool = False, queued_seconds: int | None = None,
          stale_seconds: int | None = None) -> list[int]:
    """Re-queue documents whose job was lost (heartbeat older than ``stale_seconds``,
    by default ``settings.stale_seconds``) or never picked up (``include_queued``: every
    queued one; ``queued_seconds``: those sent that long ago).

    Returns the ids enqueued. Safe to run from several processes at once: the claim in
    processing lets only one job through. A document that cannot be sent now (broker
    down) stays queued and is tried again after ``queued_seconds``.

    >>> sweep(get_settings(), include_queued=True)
    [12, 14]
    """
    from service.storage.db import session_scope

    stale = settings.stale_seconds if stale_seconds is None else stale_seconds
    with session_scope() as s:
        ids = stale_documents(s, stale, include_queued=include_queued, queued_seconds=queued_seconds)
        ids = [i for i in ids if requeue(s, i, lost_only=True, stale_seconds=stale)]
    sent = []
    for i in ids:
        try:
            enqueue(i, settings=settings)
            sent.append(i)
        except Exception:
            log.warning("document %s is queued but could not be sent to a worker; tried again later", i,
                        exc_info=True)
    if sent:
        log.info("re-queued %d document(s) left unfinished: %s", len(sent), sent[:20])
    return sent


# Work folders of the readers and the zip walker: a worker killed mid-job leaves its
# folder (tens of MB for an OCR'd scan) and nothing else removes it.
TEMP_PATTERNS = ("giaoviec-ocr-*", "giaoviec-img-*", "giaoviec-soffice-*", "giaoviec-zip-*",
                 "giaoviec-ingest-zip-*")


def clean_temp(max_age: float | None = None, *, settings: Settings | None = None) -> int:
    """Remove work folders older than ``max_age`` seconds (default: a job's deadline, past
    which no live job can own them) from the temp folder and DATA_DIR/tmp; returns how many.

    >>> clean_temp(max_age=3600)
    2
    """
    s = settings or get_settings()
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
    """Runs :func:`sweep` and :func:`clean_temp` every ``interval`` seconds in a daemon
    thread, with the process's settings as they are at each run."""

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
                sweep(s, queued_seconds=s.queued_seconds if uses_celery(s) else None)
                clean_temp(settings=s)
            except Exception:
                log.warning("sweep failed", exc_info=True)

    def start(self) -> Sweeper:
        self._thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        """Stop, waiting up to ``timeout`` seconds for a sweep in progress to end: nothing
        of it should touch the database after its app or worker has stopped (a sweep left
        running deadlocked with the test suite's TRUNCATE before the next test)."""
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)
