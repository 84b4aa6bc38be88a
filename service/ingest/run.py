"""One run of ``giaoviec ingest``: store every file found, send each new document to the
dispatcher, collect what comes back into the summary's rows, match duplicates once.

    >>> result = ingest("archive/", workers=2, summary="summary.csv")
    >>> result.counts["done"], result.failures_by_reason
    (998, {'unreadable': 2})
"""
from __future__ import annotations

import resource
import time
import zipfile
from concurrent.futures import FIRST_COMPLETED, Future, wait
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from service import jobs, zipwalk
from service.ingest.find import FoundFile, find_files, path_hints, read_found
from service.ingest.ledger import RunLedger
from service.ingest.progress import Progress
from service.ingest.summary import IngestResult, Row, document_counts, fill, read_counts, write_summary
from service.jobs.dispatch import CeleryDispatcher
from service.jobs.pool import ProcessPool
from service.settings import Settings, get_settings
from service.storage.db import init_db, session_scope
from service.storage.models import Document, DuplicatePair

# A document that took its pool down this many times is the culprit: failed, not resent.
CRASHES_TO_FAIL = 2


class Run:
    """The state of one run: the summary's rows, which document each row waits for, and
    what is out with the executor (futures of the pool, or documents queued to Celery).

    ``sender`` is what :func:`service.jobs.dispatcher` chose: a :class:`ProcessPool`
    (documents come back as futures; a broken pool is restarted and its documents resent)
    or Celery (the database is polled for the documents queued)."""

    def __init__(self, root: Path, rows: list[Row], sender: ProcessPool | CeleryDispatcher,
                 bar: Progress, ledger: RunLedger, settings: Settings):
        self.root, self.rows, self.sender, self.bar, self.ledger = root, rows, sender, bar, ledger
        self.settings = settings
        self.crashes: dict[int, int] = {}            # document -> times its pool broke under it
        self.last_error: dict[int, str] = {}
        self.resubmit: list[int] = []
        self.rows_of_doc: dict[int, list[int]] = {}  # document -> row indexes waiting for it
        self.skipped: list[int] = []                 # row indexes filled from the database at the end
        self.inflight: dict[Future[dict[str, Any]], int] = {}
        self.waiting: set[int] = set()               # Celery: documents queued, not finished
        self.peak_rss = 0.0

    @property
    def busy(self) -> bool:
        return bool(self.inflight or self.waiting)

    def take(self, idx: int, found: FoundFile, limits: zipwalk.ZipLimits) -> None:
        """Store the file of row ``idx`` as an upload is stored and send it, unless it is
        already stored (``skipped``) or cannot be read (``failed`` with the reason)."""
        from service.processing import store_upload

        row = self.rows[idx]
        if found.error_code:
            row.status, row.error_code, row.error = "failed", found.error_code, f"{found.error_code}: {found.error}"
            self.bar.add(row)
            return
        try:
            data = read_found(found, limits)
        except (OSError, zipfile.BadZipFile, RuntimeError, EOFError, ValueError) as err:
            row.status, row.error_code = "failed", "unreadable"
            row.error = f"unreadable: {found.path}: cannot be read ({err}); copy it again"
            self.bar.add(row)
            return
        with session_scope() as s:
            doc, created = store_upload(s, data, found.name, user="ingest", hints=path_hints(self.root, found),
                                        settings=self.settings)
            doc_id, status, row.sha256 = doc.id, doc.status, doc.sha256
        del data
        row.document_id = doc_id
        # The same bytes twice in this run (the first does the work), or stored and finished before.
        if doc_id in self.rows_of_doc or (not created and status in ("done", "failed")):
            row.status = "skipped"
            self.skipped.append(idx)
            self.bar.add(row)
            return
        self.rows_of_doc[doc_id] = [idx]
        self.send(doc_id)
        self.collect(block=False)
        while self.resubmit:
            self.send(self.resubmit.pop())
        self.poll()

    def send(self, doc_id: int) -> None:
        """Hand a document to the executor, journaled first so ``kill -9`` loses none."""
        self.ledger.add(doc_id)
        if isinstance(self.sender, CeleryDispatcher):
            self.sender.send(doc_id, match=False)
            self.waiting.add(doc_id)
            return
        self.inflight[self.sender.send(doc_id, match=False)] = doc_id
        while len(self.inflight) >= self.sender.processes * 2:  # bounded: the parent stays a file or two ahead
            self.collect(block=True)

    def finish(self, doc_id: int, counts: dict[str, Any] | None = None) -> None:
        """Fill the rows waiting for ``doc_id`` (from ``counts``, else the database)."""
        if counts is None:
            with session_scope() as s:
                counts = document_counts(s, [doc_id]).get(doc_id)
        for idx in self.rows_of_doc.pop(doc_id, []):
            if counts is not None:
                fill(self.rows[idx], counts)
            self.bar.add(self.rows[idx])
        self.ledger.remove(doc_id)

    def collect(self, *, block: bool) -> None:
        """Take the pool's finished documents (waiting for one if ``block``). A pool process
        that died (OOM killer, a crash in a native library) broke the whole pool and cut
        every document in it short: they are released and sent again, except one that
        broke it ``CRASHES_TO_FAIL`` times, which is failed with the reason."""
        if not self.inflight:
            return
        done, _ = wait(list(self.inflight), timeout=None if block else 0, return_when=FIRST_COMPLETED)
        broken: list[int] = []
        for fut in done:
            doc_id = self.inflight.pop(fut)
            try:
                res = fut.result()
            except Exception as err:
                broken.append(doc_id)
                self.crashes[doc_id] = self.crashes.get(doc_id, 0) + 1
                self.last_error[doc_id] = f"{type(err).__name__}: {err}"
                continue
            self.peak_rss = max(self.peak_rss, res["maxrss_mb"])
            self.finish(doc_id, res["counts"])
        if not broken:
            return
        broken += [self.inflight.pop(f) for f in list(self.inflight)]
        if isinstance(self.sender, ProcessPool):
            self.sender.restart()
        jobs.release(broken)
        for doc_id in broken:
            if self.crashes.get(doc_id, 0) >= CRASHES_TO_FAIL:
                _fail_crashed(doc_id, self.last_error.get(doc_id, "worker stopped"))
                self.finish(doc_id)
            else:
                self.resubmit.append(doc_id)

    def poll(self) -> None:
        """Celery: fill the rows of the queued documents that are finished."""
        if not self.waiting:
            return
        with session_scope() as s:
            c = document_counts(s, self.waiting)
        for doc_id in [d for d in self.waiting if c.get(d, {}).get("status") in ("done", "failed")]:
            self.waiting.discard(doc_id)
            self.finish(doc_id, c[doc_id])

    def drain(self) -> None:
        """Wait for everything sent out to come back."""
        while self.inflight or self.resubmit:
            while self.resubmit:
                self.send(self.resubmit.pop())
            self.collect(block=True)
        while self.waiting:
            self.poll()
            if self.waiting:
                time.sleep(0.5)

    def fill_skipped(self) -> None:
        """Rows whose document was already stored (or twice in this run): the database's word.
        A file that failed before fails again in this run's summary (skipped, it hid among
        the "0 failed" of a re-run from whoever filters for failures)."""
        with session_scope() as s:
            c = document_counts(s, [self.rows[i].document_id for i in self.skipped
                                    if self.rows[i].document_id is not None])
        for i in self.skipped:
            prior = c.get(self.rows[i].document_id or -1)
            if prior is not None:
                fill(self.rows[i], prior, status=None if prior["status"] == "failed" else "skipped")


def _duplicate_count() -> int:
    with session_scope() as s:
        return s.scalar(select(func.count()).select_from(DuplicatePair)) or 0


def _fail_crashed(document_id: int, reason: str) -> None:
    with session_scope() as s:
        doc = s.get(Document, document_id)
        name = doc.name if doc is not None else f"document {document_id}"
        s.execute(update(Document).where(Document.id == document_id, Document.status.in_(("queued", "processing")))
                  .values(status="failed", stage="failed", error_code="internal",
                          error_message=f"{name}: the worker processing it stopped twice ({reason}); it may need "
                                        "more memory than a worker has; re-run it alone, and report the file if it "
                                        "fails again"))


def ingest(root: str | Path, *, workers: int | None = None, summary: str | Path | None = None,
           progress: bool | None = None, use_celery: bool | None = None,
           settings: Settings | None = None) -> IngestResult:
    """Store and process every document below ``root``; see :mod:`service.ingest`.

    ``workers``: local pool size (default: one per core). ``use_celery``: default is
    what ``service.jobs.dispatcher`` chooses (Celery when ``GIAOVIEC_BROKER_URL`` is set).
    ``summary``: where to write SUMMARY.csv. ``settings``: default this process's.

    >>> r = ingest("archive/2019", workers=2, summary="2019.csv")
    >>> r.totals["done"] + r.totals["failed"] + r.totals["skipped"] == r.totals["files"]
    True
    """
    import os

    from service.storage.dedup import match_pending

    root = Path(root)
    if not root.exists():
        raise FileNotFoundError(f"{root}: no such file or folder; give the folder that holds the documents")
    settings = settings or get_settings()
    init_db(settings.database_url)
    workers = max(1, workers or os.cpu_count() or 1)
    # Celery or local, chosen where uploads choose it; local here is a pool of processes
    # (the extractor is CPU-bound Python) with its own crash accounting, not the server's threads.
    sender = jobs.dispatcher(settings, processes=workers, report=read_counts)
    if use_celery and not isinstance(sender, CeleryDispatcher):
        raise ValueError("use_celery=True needs a broker: set GIAOVIEC_BROKER_URL (e.g. redis://127.0.0.1:6379/0)")
    if use_celery is False and isinstance(sender, CeleryDispatcher):
        sender = ProcessPool(workers, settings, report=read_counts)
    celery = isinstance(sender, CeleryDispatcher)
    started = time.monotonic()
    dup_before = _duplicate_count()

    limits = zipwalk.ZipLimits.from_settings(settings)
    found = list(find_files(root, max_bytes=settings.max_upload_bytes, limits=limits))
    bar = Progress(len(found), enabled=progress)
    ledger = RunLedger(settings.data_dir, mode="celery" if celery else "local")
    run = Run(root, [Row(f.path) for f in found], sender, bar, ledger, settings)
    released = jobs.release(ledger.abandoned())
    if released:
        bar.note(f"ingest (resuming {released} unfinished)")
    interrupted = False
    first_dispatch: float | None = None
    match_seconds = 0.0
    try:
        for idx, f in enumerate(found):
            if first_dispatch is None and run.busy:
                first_dispatch = time.monotonic() - started  # models loaded, pool forked, first file out
            run.take(idx, f, limits)
        run.drain()
        if isinstance(sender, ProcessPool):  # its processes' memory is not needed for the pass below
            sender.shutdown()
        # One duplicate pass for the run (and for any run killed before its own).
        bar.note("ingest: matching duplicates (tìm trùng lặp)")
        t_match = time.monotonic()
        match_pending(settings)
        match_seconds = time.monotonic() - t_match
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if isinstance(sender, ProcessPool):
            sender.shutdown(kill=interrupted)  # what they held is released below, not left for the heartbeat
        if interrupted and not celery:
            jobs.release(list(run.inflight.values()) + list(run.rows_of_doc))
        bar.close()
        if not (interrupted and celery):
            ledger.close()  # Celery keeps the queued jobs; they are not abandoned

    run.fill_skipped()
    rows = [r for r in run.rows if r.status] if interrupted else run.rows
    own = resource.getrusage(resource.RUSAGE_SELF)
    phases = {"start_seconds": round(first_dispatch, 2) if first_dispatch is not None else None,
              "match_seconds": round(match_seconds, 2),
              "run_process_cpu_seconds": round(own.ru_utime + own.ru_stime, 2)}
    result = IngestResult(rows=rows, seconds=time.monotonic() - started, duplicates=_duplicate_count() - dup_before,
                          interrupted=interrupted, peak_rss_mb=round(run.peak_rss, 1), phases=phases,
                          where=(f"Celery queue {settings.queue}" if celery
                                 else f"local pool of {workers} processes"))
    if summary:
        write_summary(rows, summary)
    return result
