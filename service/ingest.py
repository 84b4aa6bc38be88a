"""Batch ingest (số hóa hàng loạt): store and process every document below a folder.

Archivists bring folders of past years, nested by year and unit ("2019/Chiêm Hóa/…"),
some packed in .zip files (zips inside zips too). ``giaoviec ingest DIR`` stores each
file exactly as an upload is stored (:func:`service.processing.store_upload`) and
processes it exactly as an upload is processed (:func:`service.processing.process_document`):

- on a local process pool (``--workers N``, one process per core by default: the
  extractor is CPU-bound Python, threads would share one core), or
- on Celery workers when ``GIAOVIEC_BROKER_URL`` is set (``giaoviec worker`` on any
  number of machines sharing the database and the data directory); ingest then only
  stores, queues and watches the database.

Duplicates are matched once for the whole run, not per document: workers read,
extract and store (``process_document(..., match=False)`` leaves each document
``done`` at stage ``dedup``), and when every document is finished the parent adds
all the new tasks to the duplicate index in one pass
(:func:`service.storage.dedup.match_pending`). Per-document matching made the
workers take turns on a lock and each add every other worker's tasks to an index of
its own, which is what kept two workers from being twice as fast as one.

Resumable and idempotent: a file whose bytes are already stored is ``skipped``; a
document stored but never finished (the run was interrupted, even by ``kill -9``) is
picked up again; documents stored by a run killed before its duplicate pass are
matched by the next run's pass (or by the service's next upload); the claim in
``process_document`` makes sure a document is processed once even when two runs
meet. A failure never stops the run: it becomes a row of the summary with its reason.

    >>> from service.ingest import ingest
    >>> result = ingest("archive/", workers=2, summary="summary.csv")
    >>> result.counts["done"], result.failures_by_reason
    (998, {'unreadable': 2})
"""
from __future__ import annotations

import csv
import json
import os
import socket
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from service import zipwalk

SUMMARY_COLUMNS = ("path", "sha256", "status", "pages", "ocr_pages", "assignments", "tasks", "error")

# Files that are never documents: OS and archiver droppings (the zip walker's rule).
_JUNK_DIRS = zipwalk.JUNK_DIRS


# --------------------------------------------------------------------------- finding files


@dataclass(frozen=True, slots=True)
class FoundFile:
    """One file found below DIR, on disk or inside (nested) zip files.

    ``path`` is what the summary shows: relative to DIR, zip members after their
    archive ("2019.zip/Chiêm Hóa/qd.pdf"). ``members`` is the chain of member names
    from the archive on disk (``origin``) down to the file. ``error`` is set when the
    file cannot even be taken out (a corrupt or encrypted zip): it is still a row.
    """

    path: str
    origin: Path
    members: tuple[str, ...] = ()
    size: int | None = None
    error_code: str | None = None
    error: str | None = None

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name


_is_junk = zipwalk.is_junk


def find_files(root: str | Path, *, max_bytes: int = 200 * 1024 * 1024) -> Iterator[FoundFile]:
    """Every file below ``root`` (sorted, so runs are reproducible), descending into
    .zip files and zips inside them. Unreadable archives yield one row with an error.

    >>> [f.path for f in find_files("archive")]
    ['2019/Chiêm Hóa/qd-12.pdf', '2020.zip/Hòa Phú/bao-cao.docx']
    """
    root = Path(root)
    if root.is_file():
        yield from _found_on_disk(root, root.name, max_bytes)
        return
    on_disk: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d.lower() not in _JUNK_DIRS and not d.startswith(".")]
        for fname in filenames:
            if not _is_junk(fname):
                path = Path(dirpath) / fname
                on_disk.append((path.relative_to(root).as_posix(), path))
    for rel, path in sorted(on_disk):
        yield from _found_on_disk(path, rel, max_bytes)


def _found_on_disk(path: Path, rel: str, max_bytes: int) -> Iterator[FoundFile]:
    try:
        size = path.stat().st_size
    except OSError as err:
        yield FoundFile(rel, path, error_code="unreadable",
                        error=f"{rel}: cannot be opened ({err.strerror}); check its permissions")
        return
    if path.suffix.lower() != ".zip":
        yield FoundFile(rel, path, size=size)
        return
    # The walker uploads use too (caps on members, bytes, ratio, depth); nested archives
    # are taken out to a temp folder while their members are listed.
    with tempfile.TemporaryDirectory(prefix="giaoviec-ingest-zip-") as work:
        for e in zipwalk.walk(path, rel, _zip_limits(max_bytes), Path(work)):
            yield FoundFile(e.path, path, e.members, e.size, e.error_code, e.error)


def _zip_limits(max_bytes: int) -> zipwalk.ZipLimits:
    from dataclasses import replace

    from service.settings import get_settings

    return replace(zipwalk.ZipLimits.from_settings(get_settings()), max_member_bytes=max_bytes)


def read_found(found: FoundFile) -> bytes:
    """The bytes of a found file (taken out of its zip files when inside some, streamed
    through a temp file under the zip walker's caps).

    >>> data = read_found(next(find_files("archive")))
    """
    if not found.members:
        return found.origin.read_bytes()
    from service.settings import get_settings

    return zipwalk.read(found.origin, found.members, _zip_limits(get_settings().max_upload_bytes))


def path_hints(root: Path, found: FoundFile) -> dict:
    """Year/unit hints from the folders (DIR's own name included: ``ingest archive/2019``)."""
    from extractor.units import hints_from_path

    hints = hints_from_path(f"{root.resolve().name}/{found.path}" if root.is_dir() else found.path)
    hints["path"] = found.path
    return hints


# --------------------------------------------------------------------------- summary


@dataclass(slots=True)
class Row:
    """One line of SUMMARY.csv."""

    path: str
    sha256: str = ""
    status: str = ""  # done | failed | skipped
    pages: int = 0
    ocr_pages: int = 0
    assignments: int = 0
    tasks: int = 0
    error: str = ""
    error_code: str = ""
    document_id: int | None = None

    def as_csv(self) -> list:
        return [self.path, self.sha256, self.status, self.pages, self.ocr_pages, self.assignments, self.tasks,
                self.error]


def write_summary(rows: Iterable[Row], path: str | Path) -> None:
    """Write SUMMARY.csv (UTF-8 with BOM so Excel shows Vietnamese; columns of the contract).

    Written to a temporary file and renamed, so an interrupted run never leaves half a file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(SUMMARY_COLUMNS)
        for row in rows:
            writer.writerow(row.as_csv())
    os.replace(tmp, path)


def read_summary(path: str | Path) -> list[dict]:
    """Rows of a SUMMARY.csv as dicts (for tests and for the benchmark)."""
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass
class IngestResult:
    """What a run did: the rows, counts by status, totals and failures by reason."""

    rows: list[Row]
    seconds: float
    duplicates: int = 0
    interrupted: bool = False
    peak_rss_mb: float = 0.0  # the largest worker process (local pool only)
    where: str = ""  # "local pool of 2 processes" | "Celery queue giaoviec"
    # Where the wall time went: before the first document was handed out (start-up:
    # models, unit registry), the duplicate pass at the end, and this process's CPU.
    phases: dict | None = None

    @property
    def counts(self) -> Counter:
        return Counter(r.status for r in self.rows)

    @property
    def failures_by_reason(self) -> dict[str, int]:
        return dict(Counter(r.error_code or "internal" for r in self.rows if r.status == "failed").most_common())

    @property
    def totals(self) -> dict:
        processed = [r for r in self.rows if r.status in ("done", "failed") and r.document_id is not None]
        return {
            "files": len(self.rows),
            "done": self.counts.get("done", 0),
            "failed": self.counts.get("failed", 0),
            "skipped": self.counts.get("skipped", 0),
            "pages": sum(r.pages for r in self.rows),
            "ocr_pages": sum(r.ocr_pages for r in self.rows),
            "assignments": sum(r.assignments for r in self.rows),
            "tasks": sum(r.tasks for r in self.rows),
            "duplicate_suggestions": self.duplicates,
            "processed": len(processed),
            "seconds": round(self.seconds, 2),
            "worker_peak_rss_mb": self.peak_rss_mb or None,
            "where": self.where,
            "failures_by_reason": self.failures_by_reason,
            "interrupted": self.interrupted,
            "documents_per_minute": round(len(processed) / self.seconds * 60, 1) if self.seconds else None,
            "phases": self.phases or {},
        }

    def report(self) -> str:
        """The printout after a run (Vietnamese labels after the English ones for clerks)."""
        t = self.totals
        lines = [
            f"{t['files']} files (tệp): {t['done']} done, {t['failed']} failed, {t['skipped']} skipped"
            + (" — interrupted (bị dừng): run the same command again to finish" if self.interrupted else ""),
            f"{t['pages']} pages (trang), {t['ocr_pages']} OCR; {t['assignments']} assignments (cán bộ được giao), "
            f"{t['tasks']} tasks (nhiệm vụ), {t['duplicate_suggestions']} duplicate suggestions (cặp nghi trùng)",
            f"{t['seconds']} s, {t['documents_per_minute']} documents/minute"
            + (f", on {self.where}" if self.where else ""),
        ]
        if self.failures_by_reason:
            lines.append("failures by reason (lỗi theo nguyên nhân):")
            width = max(len(k) for k in self.failures_by_reason)
            for code, n in self.failures_by_reason.items():
                example = next(r for r in self.rows if r.status == "failed" and (r.error_code or "internal") == code)
                lines.append(f"  {code:<{width}}  {n:>6}   e.g. {example.error[:160]}")
        return "\n".join(lines)


# --------------------------------------------------------------------------- progress


class Progress:
    """A tqdm bar with files, pages, OCR pages and failures, and an ETA; silent when
    stderr is not a terminal (cron, CI, a log file)."""

    def __init__(self, total: int, *, enabled: bool | None = None, desc: str = "ingest"):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.stats = Counter()
        self._bar = None
        if self.enabled:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: the worker pool is forked from this process
            self._bar = tqdm(total=total, desc=desc, unit="file", file=sys.stderr, dynamic_ncols=True,
                             smoothing=0.1)

    def add(self, row: Row) -> None:
        self.stats[row.status] += 1
        self.stats["pages"] += row.pages
        self.stats["ocr"] += row.ocr_pages
        if self._bar is not None:
            self._bar.set_postfix_str(
                f"pages {self.stats['pages']}, OCR {self.stats['ocr']}, failed {self.stats['failed']}, "
                f"skipped {self.stats['skipped']}", refresh=False)
            self._bar.update(1)

    def note(self, text: str) -> None:
        if self._bar is not None:
            self._bar.set_description_str(text)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


# --------------------------------------------------------------------------- run bookkeeping


class RunLedger:
    """Which documents this run has handed to its workers, in a small file under
    DATA_DIR/ingest-runs/, so a later run can tell that a ``processing`` document was
    abandoned (its run's process is gone) instead of waiting for its heartbeat to go
    stale. Workers of a local pool die with their parent (PR_SET_PDEATHSIG), so a
    dead run process means dead workers.

    The file is a journal: a JSON header line (host, pid, process start), then ``+ID``
    when a document is handed out and ``-ID`` when it is back. Appending a line costs
    microseconds; rewriting the whole file and renaming it over the old one, twice a
    document, cost the feeding process 4 ms a document (measured: 1.3 s of 300 files).
    A line is flushed to the kernel before the document is dispatched, so ``kill -9``
    loses none; a torn last line (power cut) is ignored, and its document then waits
    for its stale heartbeat instead."""

    def __init__(self, data_dir: Path, mode: str = "local"):
        self.mode = mode
        self.dir = Path(data_dir) / "ingest-runs"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.host = socket.gethostname()
        self.path = self.dir / f"{self.host}-{os.getpid()}.json"
        self.started = _proc_start(os.getpid())
        self.docs: set[int] = set()
        self._fh = None

    def _append(self, line: str) -> None:
        if self._fh is None:
            self._fh = open(self.path, "w", encoding="utf-8")  # kept open for the run
            self._fh.write(json.dumps({"host": self.host, "pid": os.getpid(), "started": self.started}) + "\n")
        self._fh.write(line + "\n")
        self._fh.flush()

    def add(self, doc_id: int) -> None:
        if self.mode != "local":  # Celery jobs outlive this process; their workers beat for them
            return
        self.docs.add(doc_id)
        self._append(f"+{doc_id}")

    def remove(self, doc_id: int) -> None:
        if doc_id not in self.docs:
            return
        self.docs.discard(doc_id)
        self._append(f"-{doc_id}")

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        self.path.unlink(missing_ok=True)

    @staticmethod
    def _parse(text: str) -> tuple[dict, set[int]]:
        """(header, documents still held) of a journal; also reads the one-line JSON
        ledgers of earlier versions (``"documents": [...]`` in the header)."""
        lines = text.split("\n")
        info = json.loads(lines[0])
        held = {int(d) for d in info.get("documents", [])}
        for line in lines[1:]:
            if len(line) < 2 or line[0] not in "+-" or not line[1:].isdigit():
                continue  # a torn last line
            (held.add if line[0] == "+" else held.discard)(int(line[1:]))
        return info, held

    def abandoned(self) -> list[int]:
        """Documents held by earlier runs on this machine whose process is gone."""
        out: list[int] = []
        for p in self.dir.glob("*.json"):
            if p == self.path:
                continue
            try:
                info, held = self._parse(p.read_text(encoding="utf-8"))
            except (OSError, ValueError, AttributeError):
                continue
            if info.get("host") != self.host:
                continue  # another machine's run: its own heartbeat tells
            pid = int(info.get("pid", 0))
            if pid and _proc_start(pid) == info.get("started") and _alive(pid):
                continue
            out.extend(held)
            p.unlink(missing_ok=True)
        return out


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (killed, not yet reaped by its parent) is dead for our purpose.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    except (OSError, IndexError):
        return True


def _proc_start(pid: int) -> str | None:
    """The process start time (from /proc), so a reused pid is not taken for our run."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


# --------------------------------------------------------------------------- workers


_WARM_TEXT = ("Năm 2022, đồng chí Nguyễn Văn An, Chủ tịch UBND xã Hòa Phú được giao 2 việc đột phá là: "
              "hoàn thành 3 km đường giao thông nông thôn; trồng mới 20 ha rừng.\n")
_warm = False


def _warm_up() -> None:
    """Load the extractor's models once, in the parent, before the pool is forked:
    every worker then starts warm and shares those pages (copy-on-write) instead of
    each spending ~15 s and its own memory loading them."""
    global _warm
    if _warm:
        return
    import tempfile

    from extractor import extract

    with tempfile.TemporaryDirectory(prefix="giaoviec-warm-") as tmp:
        sample = Path(tmp) / "mau.txt"
        sample.write_text(_WARM_TEXT, encoding="utf-8")
        extract(sample)
    _warm = True


def _make_pool(workers: int) -> ProcessPoolExecutor:
    import multiprocessing

    if "fork" in multiprocessing.get_all_start_methods():
        _warm_up()
        # Move the loaded models out of the garbage collector's sight: a worker's full
        # collection would otherwise walk (and write to) every inherited object,
        # copying the parent's pages into each worker and costing each the same time.
        import gc

        gc.collect()
        gc.freeze()
        # Safe to fork here: the parent runs no threads of its own (the progress bar's
        # monitor thread is off) and each child drops the inherited database pool.
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_worker_init, initargs=(True, _ocr_share(workers)))
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init, initargs=(False, _ocr_share(workers)))


def _ocr_share(workers: int) -> int:
    """Tesseract processes per worker: one, so ``--workers N`` keeps the run to about N
    cores — an archivist who asks for 1 worker on a machine that also serves the review
    page means it (a lone worker used to take every core for a multi-page scan), and N
    workers on N cores never run more Tesseracts than there are cores (2 on 2 cores ran
    4 at once). The default, one worker per core, uses the whole machine either way.
    An explicit GIAOVIEC_OCR_PROCESSES wins."""
    from service.settings import get_settings

    return get_settings().ocr_processes or 1


def _worker_init(forked: bool = False, ocr_processes: int = 0) -> None:
    """In each pool process: die with the parent (so kill -9 of ``ingest`` leaves no
    orphan processing a document), leave Ctrl-C to the parent, and take its share of
    the cores for OCR."""
    import signal

    if ocr_processes:
        from service.settings import get_settings

        os.environ["GIAOVIEC_OCR_PROCESSES"] = str(ocr_processes)
        get_settings.cache_clear()

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)
    except OSError:  # not Linux: workers finish their document and exit on the broken pipe
        pass
    _log_to_file()
    from service.storage import db

    if forked:
        db.dispose()  # the parent's connections are not ours to use
    db.init_db()


def _log_to_file() -> None:
    """Worker tracebacks go to DATA_DIR/logs/ingest.log, not over the progress bar;
    each failure's reason is in the summary anyway."""
    import logging

    from service.settings import get_settings

    logs = Path(get_settings().data_dir) / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(logs / "ingest.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    root.addHandler(handler)
    root.setLevel(logging.WARNING)


def _process_in_worker(document_id: int) -> dict:
    """Process one document in a pool process (duplicates are matched once for the
    whole run, by the parent, at the end) and report its counts and peak memory.

    When another worker holds the document (a fresh heartbeat: another ingest or a
    Celery worker), wait for it to finish or go stale instead of reporting it early.
    The summary's counts are read here, in parallel, not by the parent between files.
    """
    import resource

    from service.processing import process_document
    from service.settings import get_settings
    from service.storage.db import session_scope

    pause = max(0.5, min(5.0, get_settings().stale_seconds / 4))
    while True:
        process_document(document_id, match=False)
        with session_scope() as s:
            counts = _counts(s, [document_id])[document_id]
        if counts["status"] in ("done", "failed"):
            break
        time.sleep(pause)
    # ru_maxrss is in KiB on Linux. (Not RUSAGE_CHILDREN: a forked child's peak counts
    # the parent's pages it was forked with, so it would only repeat this number.)
    return {"document_id": document_id, "counts": counts,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


# --------------------------------------------------------------------------- the run


def _counts(session, document_ids: Iterable[int]) -> dict[int, dict]:
    """pages, OCR pages, assignments, tasks, status and error of stored documents."""
    from sqlalchemy import func, select

    from service.storage.models import Assignment, Document, Page, Task

    ids = list(set(document_ids))
    out: dict[int, dict] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for d in session.execute(select(Document.id, Document.status, Document.pages, Document.error_code,
                                        Document.error_message).where(Document.id.in_(chunk))):
            out[d.id] = {"status": d.status, "pages": d.pages or 0, "ocr_pages": 0, "assignments": 0, "tasks": 0,
                         "error_code": d.error_code or "", "error": d.error_message or ""}
        for doc_id, n in session.execute(select(Page.document_id, func.count()).where(
                Page.document_id.in_(chunk), Page.ocr.is_(True)).group_by(Page.document_id)):
            out[doc_id]["ocr_pages"] = n
        for doc_id, n in session.execute(select(Assignment.document_id, func.count()).where(
                Assignment.document_id.in_(chunk)).group_by(Assignment.document_id)):
            out[doc_id]["assignments"] = n
        for doc_id, n in session.execute(select(Task.document_id, func.count()).where(
                Task.document_id.in_(chunk)).group_by(Task.document_id)):
            out[doc_id]["tasks"] = n
    return out


def _fill(row: Row, c: dict, status: str | None = None) -> Row:
    row.pages, row.ocr_pages, row.assignments, row.tasks = c["pages"], c["ocr_pages"], c["assignments"], c["tasks"]
    if c["status"] == "failed":
        row.error_code = c["error_code"] or "internal"
        row.error = f"{row.error_code}: {c['error']}" if c["error"] else row.error_code
    row.status = status or ("failed" if c["status"] == "failed" else "done")
    return row


def _duplicate_count() -> int:
    from sqlalchemy import func, select

    from service.storage.db import session_scope
    from service.storage.models import DuplicatePair

    with session_scope() as s:
        return s.scalar(select(func.count()).select_from(DuplicatePair)) or 0


def _fail_crashed(document_id: int, reason: str) -> None:
    from sqlalchemy import update

    from service.storage.db import session_scope
    from service.storage.models import Document

    with session_scope() as s:
        name = s.get(Document, document_id).name
        s.execute(update(Document).where(Document.id == document_id, Document.status.in_(("queued", "processing")))
                  .values(status="failed", stage="failed", error_code="internal",
                          error_message=f"{name}: the worker processing it stopped twice ({reason}); it may need "
                                        "more memory than a worker has; re-run it alone, and report the file if it "
                                        "fails again"))


def ingest(root: str | Path, *, workers: int | None = None, summary: str | Path | None = None,
           progress: bool | None = None, use_celery: bool | None = None) -> IngestResult:
    """Store and process every document below ``root``; see the module docstring.

    ``workers``: local pool size (default: one per core). ``use_celery``: default is
    what ``service.jobs.dispatcher`` chooses (Celery when ``GIAOVIEC_BROKER_URL`` is set).
    ``summary``: where to write SUMMARY.csv.

    >>> r = ingest("archive/2019", workers=2, summary="2019.csv")
    >>> r.totals["done"] + r.totals["failed"] + r.totals["skipped"] == r.totals["files"]
    True
    """
    from service.jobs import release
    from service.processing import store_upload
    from service.settings import get_settings
    from service.storage.db import init_db, session_scope
    from service.storage.dedup import match_pending

    root = Path(root)
    if not root.exists():
        raise FileNotFoundError(f"{root}: no such file or folder; give the folder that holds the documents")
    settings = get_settings()
    init_db()
    from service import jobs

    # Celery or local, chosen where uploads choose it; local here is a pool of processes
    # (the extractor is CPU-bound Python) with its own crash accounting, not the server's threads.
    sender = jobs.dispatcher(settings)
    if use_celery is None:
        use_celery = sender.kind == "celery"
    elif use_celery and sender.kind != "celery":
        raise ValueError("use_celery=True needs a broker: set GIAOVIEC_BROKER_URL (e.g. redis://127.0.0.1:6379/0)")
    workers = max(1, workers or os.cpu_count() or 1)
    started = time.monotonic()
    dup_before = _duplicate_count()

    found = list(find_files(root, max_bytes=settings.max_upload_bytes))
    rows: list[Row] = [Row(f.path) for f in found]
    bar = Progress(len(found), enabled=progress)
    ledger = RunLedger(settings.data_dir, mode="celery" if use_celery else "local")
    released = release(ledger.abandoned())
    if released:
        bar.note(f"ingest (resuming {released} unfinished)")

    crashes: dict[int, int] = {}             # document -> times its pool broke under it
    last_error: dict[int, str] = {}
    resubmit: list[int] = []
    rows_of_doc: dict[int, list[int]] = {}   # document -> row indexes waiting for it
    skipped: list[int] = []                  # row indexes filled from the database at the end
    pool: ProcessPoolExecutor | None = None
    inflight: dict[Future, int] = {}
    waiting: set[int] = set()                # Celery mode: documents queued, not finished
    peak_rss = 0.0
    interrupted = False
    first_dispatch: float | None = None
    match_seconds = 0.0

    def finish(doc_id: int, c: dict | None = None) -> None:
        if c is None:
            with session_scope() as s:
                c = _counts(s, [doc_id]).get(doc_id)
        for idx in rows_of_doc.pop(doc_id, []):
            if c is not None:
                _fill(rows[idx], c)
            bar.add(rows[idx])
        ledger.remove(doc_id)

    def collect(block: bool) -> None:
        nonlocal peak_rss, pool
        if not inflight:
            return
        done, _ = wait(list(inflight), timeout=None if block else 0, return_when=FIRST_COMPLETED)
        broken: list[int] = []
        for fut in done:
            doc_id = inflight.pop(fut)
            try:
                res = fut.result()
                peak_rss = max(peak_rss, res["maxrss_mb"])
                counts = res["counts"]
            except Exception as err:
                # A pool process died (OOM killer, a crash in a native library): the
                # whole pool is broken and every document in it was cut short.
                broken.append(doc_id)
                crashes[doc_id] = crashes.get(doc_id, 0) + 1
                last_error[doc_id] = f"{type(err).__name__}: {err}"
                continue
            finish(doc_id, counts)
        if broken:
            broken += [inflight.pop(f) for f in list(inflight)]
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = None
            release(broken)
            for doc_id in broken:
                if crashes.get(doc_id, 0) >= 2:  # it took its worker down twice: it is the culprit
                    _fail_crashed(doc_id, last_error.get(doc_id, "worker stopped"))
                    finish(doc_id)
                else:
                    resubmit.append(doc_id)

    def poll() -> None:
        if not waiting:
            return
        with session_scope() as s:
            c = _counts(s, waiting)
        for doc_id in [d for d in waiting if c.get(d, {}).get("status") in ("done", "failed")]:
            waiting.discard(doc_id)
            finish(doc_id, c[doc_id])

    def dispatch(doc_id: int) -> None:
        nonlocal pool
        ledger.add(doc_id)
        if use_celery:
            sender.send(doc_id, match=False)
            waiting.add(doc_id)
            return
        if pool is None:
            pool = _make_pool(workers)
        inflight[pool.submit(_process_in_worker, doc_id)] = doc_id
        while len(inflight) >= workers * 2:  # bounded: the parent stays a file or two ahead
            collect(block=True)

    try:
        for idx, f in enumerate(found):
            if first_dispatch is None and (inflight or waiting):
                first_dispatch = time.monotonic() - started  # models loaded, pool forked, first file out
            row = rows[idx]
            if f.error_code:
                row.status, row.error_code, row.error = "failed", f.error_code, f"{f.error_code}: {f.error}"
                bar.add(row)
                continue
            try:
                data = read_found(f)
            except (OSError, zipfile.BadZipFile, RuntimeError, EOFError, ValueError) as err:
                row.status, row.error_code = "failed", "unreadable"
                row.error = f"unreadable: {f.path}: cannot be read ({err}); copy it again"
                bar.add(row)
                continue
            with session_scope() as s:
                doc, created = store_upload(s, data, f.name, user="ingest", hints=path_hints(root, f))
                doc_id, status, row.sha256 = doc.id, doc.status, doc.sha256
            del data
            row.document_id = doc_id
            if doc_id in rows_of_doc:  # the same bytes twice in this run: the first does the work
                row.status = "skipped"
                skipped.append(idx)
                bar.add(row)
                continue
            if not created and status in ("done", "failed"):
                row.status = "skipped"
                skipped.append(idx)
                bar.add(row)
                continue
            rows_of_doc[doc_id] = [idx]
            dispatch(doc_id)
            collect(block=False)
            while resubmit:
                dispatch(resubmit.pop())
            poll()
        while inflight or resubmit:
            while resubmit:
                dispatch(resubmit.pop())
            collect(block=True)
        while waiting:
            poll()
            if waiting:
                time.sleep(0.5)
        if pool is not None:  # its processes' memory is not needed for the pass below
            pool.shutdown(wait=True)
            pool = None
        # One duplicate pass for the run (and for any run killed before its own).
        bar.note("ingest: matching duplicates (tìm trùng lặp)")
        t_match = time.monotonic()
        match_pending()
        match_seconds = time.monotonic() - t_match
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if pool is not None:
            if interrupted:
                for p in list(getattr(pool, "_processes", {}).values()):
                    p.kill()  # documents they held are released below, not left for the heartbeat
            pool.shutdown(wait=True, cancel_futures=True)
        if interrupted and not use_celery:
            release(list(inflight.values()) + list(rows_of_doc))
        bar.close()
        if not (interrupted and use_celery):
            ledger.close()  # Celery keeps the queued jobs; they are not abandoned

    # Rows whose document was already stored (or twice in this run): the database's word.
    with session_scope() as s:
        c = _counts(s, [rows[i].document_id for i in skipped])
    for i in skipped:
        if rows[i].document_id in c:
            # A file that failed before fails again in this run's summary (skipped, it
            # hid among the "0 failed" of a re-run from whoever filters for failures).
            prior = c[rows[i].document_id]
            _fill(rows[i], prior, status=None if prior["status"] == "failed" else "skipped")
    if interrupted:
        rows = [r for r in rows if r.status]
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    phases = {"start_seconds": round(first_dispatch, 2) if first_dispatch is not None else None,
              "match_seconds": round(match_seconds, 2),
              "run_process_cpu_seconds": round(own.ru_utime + own.ru_stime, 2)}
    result = IngestResult(rows=rows, seconds=time.monotonic() - started, duplicates=_duplicate_count() - dup_before,
                          interrupted=interrupted, peak_rss_mb=round(peak_rss, 1), phases=phases,
                          where=(f"Celery queue {settings.queue}" if use_celery
                                 else f"local pool of {workers} processes"))
    if summary:
        write_summary(rows, summary)
    return result


__all__ = ["FoundFile", "Row", "IngestResult", "find_files", "read_found", "path_hints", "ingest",
           "write_summary", "read_summary", "SUMMARY_COLUMNS"]
