"""Upload and processing: store the original first, then read, extract, store, match duplicates.

Every executor the dispatcher (:mod:`service.jobs`) can choose runs
:func:`process_document`, so they cannot drift apart. A document moves through stages
``queued -> reading -> extracting -> dedup -> done`` (or ``failed``), with
``pages_done`` as progress; the claim and the heartbeat that let a dead worker's job be
noticed are :mod:`service.jobs.claim`'s.

    >>> from service.storage.db import init_db, session_scope
    >>> from service.processing import store_upload, process_document
    >>> init_db()
    >>> with session_scope() as s:
    ...     doc, created = store_upload(s, open("qd.docx", "rb").read(), "qd.docx")
    >>> process_document(doc.id)
"""
from __future__ import annotations

import logging
import threading
import time
import uuid
from pathlib import Path

from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.jobs.claim import Heartbeat, claim, fail, give_up, touch
from service.settings import Settings, get_settings
from service.storage import files
from service.storage.db import session_scope
from service.storage.fold import fold
from service.storage.models import Assignment, AssignmentUnit, Document, DuplicatePair, Page, Task, utcnow

log = logging.getLogger("giaoviec.processing")

_EXT_FORMAT = {
    ".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".docx": "docx", ".doc": "doc",
    ".pdf": "pdf", ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image",
    ".tiff": "image", ".bmp": "image", ".webp": "image",
}


def guess_format(name: str, data: bytes) -> str | None:
    """A first guess shown while queued; the reader decides by content later.

    >>> guess_format("x.bin", b"%PDF-1.7")
    'pdf'
    """
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:8] == b"\x89PNG\r\n\x1a\n" or data[:3] == b"\xff\xd8\xff" or data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image"
    return _EXT_FORMAT.get(Path(name).suffix.lower())


def store_upload(session: Session, data: bytes | Path, name: str, *, user=None,
                 hints: dict | None = None, settings: Settings | None = None) -> tuple[Document, bool]:
    """Store an original (content-addressed, before any processing) and its Document row.

    ``data`` is the bytes, or a file on the data directory's file system that is moved
    into the store (an upload is never held in memory whole). Returns ``(document,
    created)``; the same bytes uploaded again give the existing row and ``created=False``
    (and put back its original if the file had gone missing). The row starts ``queued``;
    call ``jobs.enqueue(doc.id)``.

    >>> doc, created = store_upload(session, b"Quyết định ...", "qd.txt", user=clerk)
    >>> (doc.status, created)
    ('queued', True)
    """
    settings = settings or get_settings()
    if isinstance(data, Path):
        sha, size = files.sha256_of_file(data), data.stat().st_size
        with open(data, "rb") as fh:
            head = fh.read(16)
        files.put_file(settings.files_dir, data, sha)
    else:
        sha, size, head = files.sha256_of(data), len(data), data[:16]
        files.put(settings.files_dir, data, sha)
    existing = session.scalar(select(Document).where(Document.sha256 == sha))
    if existing is not None:
        return existing, False
    doc = Document(
        name=Path(name).name or sha[:12], sha256=sha, size=size, format=guess_format(name, head),
        status="queued", stage="queued", uploaded_by=getattr(user, "name", user), hints=hints or None,
        uploaded_at=utcnow(),
    )
    # Two uploads of the same bytes at once: the unique sha256 lets one win; the
    # other gets the winner's row instead of an error.
    try:
        with session.begin_nested():
            session.add(doc)
            session.flush()
    except IntegrityError:
        existing = session.scalar(select(Document).where(Document.sha256 == sha))
        if existing is None:
            raise
        return existing, False
    return doc, True


def original_path(doc: Document, settings: Settings | None = None) -> Path:
    """Where the original bytes of ``doc`` are stored."""
    return files.path_for((settings or get_settings()).files_dir, doc.sha256)


# --------------------------------------------------------------------------- processing


def extractor_config(settings: Settings | None = None):
    """The extractor's configuration, built from the service settings."""
    from extractor import ExtractorConfig

    s = settings or get_settings()
    return ExtractorConfig(max_file_bytes=s.max_upload_bytes, max_pages=s.max_pages,
                           dedup_threshold=s.dedup_threshold, ocr_processes=max(0, s.ocr_processes))


def _progress_callback(document_id: int, job: str):
    last = [0.0]

    def progress(*args, **kwargs):
        # The reader reports (pages_done, pages) - accept keywords too.
        done = kwargs.get("done", args[0] if args else None)
        total = kwargs.get("total", args[1] if len(args) > 1 else None)
        now = time.monotonic()
        if now - last[0] < 0.5 and not (done and total and done >= total):
            return
        last[0] = now
        values = {}
        if isinstance(done, int):
            values["pages_done"] = done
        if isinstance(total, int):
            values["pages"] = total
        if values:
            touch(document_id, job, **values)

    return progress


def _read(path: Path, name: str, config, progress):
    """Read the stored original under its uploaded name, so messages name the user's file."""
    from extractor import read_bytes

    return read_bytes(path.read_bytes(), Path(name).name or path.name, config=config, progress=progress)


# underthesea's models load lazily and are not thread-safe (two threads tokenizing at
# once can see a half-loaded model), so in-process workers take turns extracting.
# Reading (OCR in tesseract subprocesses) still overlaps. Celery workers are processes.
_EXTRACT_LOCK = threading.Lock()


def _extract(document, hints: dict | None, config):
    with _EXTRACT_LOCK:
        return _extract_unlocked(document, hints, config)


def _extract_unlocked(document, hints: dict | None, config):
    from extractor.pipeline import extract_document

    return extract_document(document, hints=hints or None, config=config)


def process_document(document_id: int, *, match: bool = True, settings: Settings | None = None) -> None:
    """Read, extract and store one document, then match its tasks for duplicates.

    Idempotent: a job delivered twice runs once (compare-and-set claim); a re-run
    (``status`` set back to ``queued``) replaces what the model said but keeps what
    reviewers corrected or decided. A read error leaves the document ``failed`` with
    its code and message; nothing raises to the caller.

    ``match=False`` (batch ingest) stops after storing: the document is ``done`` with
    its stage left at ``dedup`` (records stored, duplicates not matched yet), for
    :func:`service.storage.dedup.match_pending` to match a whole run in one pass. Until
    then the next upload's matching (or the next ingest run) takes them up as well.

    >>> process_document(42)
    >>> process_document(43, match=False)   # then match_pending() once for the batch

    ``settings`` (default: this process's) gives the limits, the job's deadline and the
    extractor's configuration; an executor passes its own (``giaoviec ingest`` gives each
    worker its share of the cores for OCR).
    """
    settings = settings or get_settings()
    job = uuid.uuid4().hex
    if give_up(document_id, settings.max_attempts):
        return
    if not claim(document_id, job, settings.stale_seconds):
        log.info("document %s: not queued (or being processed elsewhere); skipped", document_id)
        return
    with session_scope() as s:
        doc = s.get(Document, document_id)
        path, name, hints = original_path(doc, settings), doc.name, doc.hints
    interval = max(1.0, min(30.0, settings.stale_seconds / 4))
    try:
        with Heartbeat(document_id, job, interval, settings.job_seconds or None, name):
            from extractor.errors import ReadError

            config = extractor_config(settings)
            try:
                if not path.is_file():
                    raise FileNotFoundError(f"{name}: the stored original is missing from the data directory; "
                                            "upload the file again to restore it")
                document = _read(path, name, config, _progress_callback(document_id, job))
                touch(document_id, job, stage="extracting", pages=len(document.pages),
                       pages_done=len(document.pages), format=document.format, ocr=bool(document.ocr))
                extraction = _extract(document, hints, config)
                if extraction.error is not None:
                    fail(document_id, job, extraction.error.code, extraction.error.message)
                    return
                if not _store(document_id, job, document, extraction):
                    log.warning("document %s: another worker took over; result dropped", document_id)
                    return
                if not match:
                    touch(document_id, job, stage="dedup", status="done", processed_at=utcnow())
                    return
                touch(document_id, job, stage="dedup")
                match_duplicates(document_id, settings)
                touch(document_id, job, stage="done", status="done", processed_at=utcnow())
            except ReadError as err:
                fail(document_id, job, err.code, str(err))
    except Exception as err:  # never lose a document: it fails visibly and can be re-run
        log.exception("document %s failed", document_id)
        fail(document_id, job, "internal",
              f"{name}: processing failed ({type(err).__name__}: {err}); re-run it, and report the file if it "
              "fails again")


def _span(span) -> dict | None:
    return span.to_dict() if span is not None else None


def _store(document_id: int, job: str, document, extraction) -> bool:
    """Write pages, header info and assignments in one transaction, if the job is still ours."""
    with session_scope() as s:
        # Locks the row (PostgreSQL) for the transaction: a worker that took over waits.
        res = s.execute(update(Document).where(Document.id == document_id, Document.job_id == job)
                        .values(heartbeat_at=utcnow()).execution_options(synchronize_session=False))
        if res.rowcount != 1:
            return False
        doc = s.get(Document, document_id)
        info = extraction.document
        doc.kind, doc.number, doc.issuer, doc.date, doc.title = (info.kind, info.number, info.issuer,
                                                                  info.date, info.title)
        doc.format = document.format
        doc.ocr = bool(document.ocr)
        doc.pages = len(document.pages)
        doc.warnings = list(extraction.warnings) + list(document.warnings)
        doc.statistics = [st.to_dict() for st in extraction.statistics]
        doc.runs = (doc.runs or 0) + 1
        _store_pages(s, doc, document)
        merge_extraction(s, doc, extraction)
    return True


def page_words(document) -> dict[int, list[dict]]:
    """Word boxes per page number, offsets into the page text: from the table cells OCR read
    (cells carrying ``words``, extractor/read/boxes.py), each word placed at its cell's span.
    Read by attribute, so a reader without boxes gives none and nothing else changes.

    >>> page_words(document)[2][0]
    {'start': 120, 'end': 124, 'x': 100, 'y': 50, 'w': 40, 'h': 20}
    """
    out: dict[int, list[dict]] = {}
    seen: set[tuple] = set()
    for table in getattr(document, "tables", ()) or ():
        for cell in (c for row in table.rows for c in row):
            span = getattr(cell, "span", None)
            for w in getattr(cell, "words", ()) or ():
                if span is None or getattr(w, "start", -1) < 0:
                    continue  # a word OCR read but could not place in the cell's text
                key = (w.page, span.start + w.start, w.x, w.y)
                if key in seen:  # a merged cell repeats its words down its rows
                    continue
                seen.add(key)
                out.setdefault(w.page, []).append({"start": span.start + w.start, "end": span.start + w.end,
                                                   "x": w.x, "y": w.y, "w": w.w, "h": w.h})
    for words in out.values():
        words.sort(key=lambda b: (b["start"], b["end"]))
    return out


def _store_pages(s: Session, doc: Document, document) -> None:
    old = {p.number: p for p in doc.page_rows}
    words = page_words(document)
    for page in document.pages:
        row = old.pop(page.number, None) or Page(document_id=doc.id, number=page.number)
        row.text, row.ocr, row.confidence, row.quality = page.text, bool(page.ocr), page.confidence, page.quality
        row.needs_review, row.width, row.height = bool(page.needs_review), page.width, page.height
        row.words = words.get(page.number) or None
        s.add(row)
    for row in old.values():
        s.delete(row)
    s.flush()


# --------------------------------------------------------------------------- merging


ASSIGNMENT_FIELDS = ("cadre", "position", "unit", "period_start", "period_end")


def _task_reviewed(s: Session, task: Task) -> bool:
    if task.status != "pending" or task.corrected:
        return True
    return s.scalar(select(DuplicatePair.id).where(
        or_(DuplicatePair.task_a_id == task.id, DuplicatePair.task_b_id == task.id),
        DuplicatePair.status != "pending").limit(1)) is not None


def _assignment_reviewed(s: Session, row: Assignment) -> bool:
    return row.status != "pending" or bool(row.corrected) or any(_task_reviewed(s, t) for t in row.tasks)


def sync_years(row: Assignment) -> None:
    """A task's filter year is its own period start, else its assignment's."""
    for t in row.tasks:
        t.year = t.period_start if t.period_start is not None else row.period_start


def set_unit_keys(s: Session, doc: Document, row: Assignment) -> None:
    """Resolve the assignment's unit against the registry of units before and after the
    2025 reform, so "huyện Chiêm Hóa" (2021) and the communes that replaced it group
    together. Folder hints stand in when the document names no unit."""
    from extractor import unit_keys

    hints = doc.hints or {}
    row.unit_key, keys = unit_keys(row.unit or hints.get("unit"),
                                   year=row.period_start or hints.get("year"),
                                   province_hint=hints.get("province"), within=doc.issuer)
    s.execute(delete(AssignmentUnit).where(AssignmentUnit.assignment_id == row.id))
    s.add_all(AssignmentUnit(assignment_id=row.id, key=k) for k in keys)


def merge_extraction(s: Session, doc: Document, extraction) -> None:
    """Put a (new) extraction into ``doc`` keeping reviewers' work.

    Assignments are matched by folded cadre name as first extracted, tasks by
    folded extracted text, one old row to one new record (see :func:`pair_rows`).
    A field a reviewer corrected is not overwritten; a reviewed row the new model
    no longer finds is kept (with a warning), an unreviewed one is dropped.
    """
    matched, unmatched = pair_rows(
        list(doc.assignments), extraction.assignments,
        old_key=lambda row: (fold((row.extracted or {}).get("cadre") or row.cadre), row.span),
        new_key=lambda ea: (fold(ea.cadre.text), _span(ea.span)))
    for i, (ea, row) in enumerate(zip(extraction.assignments, matched, strict=True)):
        if row is None:
            row = Assignment(document_id=doc.id, status="pending", corrected=[], tasks=[])
            s.add(row)
        corrected = set(row.corrected or [])
        period = ea.period
        new = {
            "cadre": ea.cadre.text,
            "position": ea.position.text if ea.position else None,
            "unit": ea.unit.text if ea.unit else None,
            "period_text": period.text if period else None,
            "period_start": period.start if period else None,
            "period_end": period.end if period else None,
        }
        for field, value in new.items():
            guard = "period_start" if field == "period_text" else field
            if guard not in corrected:
                setattr(row, field, value)
        row.extracted = new
        row.ordinal = i
        row.declared_count = ea.declared_count
        row.span = _span(ea.span)
        full = ea.to_dict()
        row.fields = dict(full.get("fields") or {})
        if period is not None and period.span is not None:  # the review page highlights where it was read
            row.fields["period"] = {"text": period.text, "span": _span(period.span)}
        row.confidence = float(ea.confidence)
        row.warnings = list(ea.warnings)
        row.cadre_folded, row.position_folded, row.unit_folded = fold(row.cadre), fold(row.position), fold(row.unit)
        s.flush()
        set_unit_keys(s, doc, row)
        _merge_tasks(s, doc, row, ea.tasks)
    for row in unmatched:
        if _assignment_reviewed(s, row):
            warn = "not found again when the document was re-read; kept because it was reviewed"
            if warn not in (row.warnings or []):
                row.warnings = list(row.warnings or []) + [warn]
        else:
            s.delete(row)
    s.flush()


def pair_rows(old: list, new, *, old_key, new_key) -> tuple[list, list]:
    """Match stored rows to newly extracted records one to one, by (key, span).

    Returns, for each new record in order, its old row or None, and the old rows left
    over. A row whose key and span both agree is taken first; then rows with the same
    key in their stored order, so a document edited between runs (spans moved) still
    keeps its reviewed rows. Two assignments of one cadre, or two tasks with the same
    text, each keep their own row: matching by key alone paired both new records with
    the first row and left the second behind as a duplicate (issue 13).

    >>> pair_rows([("a", 1), ("a", 2)], [("a", 2), ("a", 9)], old_key=lambda r: r, new_key=lambda r: r)
    ([('a', 2), ('a', 1)], [])
    """
    new = list(new)
    free = list(old)
    out: list = [None] * len(new)
    keys = [new_key(item) for item in new]
    for exact in (True, False):
        for i, (key, span) in enumerate(keys):
            if out[i] is not None:
                continue
            for row in free:
                row_key, row_span = old_key(row)
                if row_key == key and (row_span == span or not exact):
                    out[i] = row
                    free.remove(row)
                    break
    return out, free


def _merge_tasks(s: Session, doc: Document, row: Assignment, tasks) -> None:
    matched, unmatched = pair_rows(
        list(row.tasks), tasks,
        old_key=lambda t: (fold(t.extracted_text or t.text), t.span),
        new_key=lambda et: (fold(et.text), _span(et.span)))
    for j, (et, t) in enumerate(zip(tasks, matched, strict=True)):
        if t is None:
            t = Task(document_id=doc.id, status="pending", corrected=False)
            row.tasks.append(t)
        if not t.corrected:
            t.text = et.text
            t.text_folded = fold(et.text)
        t.extracted_text = et.text
        t.ordinal = j
        t.span = _span(et.span)
        t.confidence = float(et.confidence)
        t.source = getattr(et, "source", None)
        p = et.period
        t.period_text, t.period_start, t.period_end = (p.text, p.start, p.end) if p else (None, None, None)
    for t in unmatched:
        if not _task_reviewed(s, t):
            row.tasks.remove(t)
            s.delete(t)
    sync_years(row)
    s.flush()


# --------------------------------------------------------------------------- duplicates


def match_duplicates(document_id: int, settings: Settings) -> int:
    """Match this document's tasks against every stored task; store new pairs.

    Uses ``extractor.dedup`` (the project's own scorer); returns the number of new pairs.
    """
    try:
        from service.storage import dedup as dedupstore
    except ImportError:  # pragma: no cover
        return 0
    return dedupstore.match_document(settings)


__all__ = ["store_upload", "original_path", "process_document", "extractor_config", "merge_extraction", "pair_rows",
           "page_words", "set_unit_keys", "sync_years", "match_duplicates", "guess_format"]
