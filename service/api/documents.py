"""/api/documents: upload (one or many files, .zip expanded), status, pages, original, re-run."""
from __future__ import annotations

import json
import logging
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Query, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from sqlalchemy import or_

from service.auth import audit
from service.schemas import Accepted, AssignmentOut, DocList, DocOut, PageOut, UploadOut
from service.settings import Settings
from service.storage.fold import fold
from service.storage.models import Document
from service.storage.queries import documents as queries

from .common import DOCUMENT_COLUMNS, assignment_out, doc_counts, doc_out, get_or_404, page_answer, page_total
from .deps import AppSettings, Clerk, DbSession, Id, PageNo, Paging, Reviewer
from .filters import Filters, like_folded
from .json_pages import DOCUMENTS_AS_JSON, json_page

log = logging.getLogger("giaoviec.api")
router = APIRouter(prefix="/api/documents", tags=["documents"])

MEDIA = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "doc": "application/msword", "txt": "text/plain", "md": "text/markdown", "html": "text/html"}


@router.post("", status_code=202, response_model=UploadOut,
             responses={413: {"description": "a file, the upload or an archive's contents over a limit"}})
async def upload(session: DbSession, user: Clerk, settings: AppSettings,
                 file: Annotated[list[UploadFile], File(description="one or more files; a .zip is expanded")],
                 hints: Annotated[str | None, Form(description="JSON object of extraction hints")] = None):
    """Store each file (before processing), answer at once, process in the background."""
    try:
        hint_obj = json.loads(hints) if hints else None
        if hint_obj is not None and not isinstance(hint_obj, dict):
            raise ValueError
    except ValueError:
        raise HTTPException(422, "hints must be a JSON object, e.g. {\"year\": 2022}") from None
    # Copying, unpacking, hashing and the database off the event loop: other requests go on.
    out, created_ids = await run_in_threadpool(_receive, session, user, file, hint_obj, settings)
    # The broker's publish blocks (Redis): off the event loop too.
    await run_in_threadpool(_enqueue_all, created_ids, settings)
    return {"documents": out}


def _enqueue_all(ids: list[int], settings: Settings) -> None:
    from service import jobs

    for i in ids:
        try:
            jobs.enqueue(i, settings=settings)
        except Exception:  # broker down: stored and queued; the sweeper sends it again (QUEUED_SECONDS)
            log.exception("document %s stored but not queued", i)


def _receive(session, user, uploads: list[UploadFile], hint_obj,
             settings: Settings) -> tuple[list[dict], list[int]]:
    """Copy each uploaded file to the data directory's temp folder, expand archives there
    (service.zipwalk: checked whole first, then taken out member by member), store all."""
    from service import zipwalk

    limits = zipwalk.ZipLimits.from_settings(settings)
    tmp_root = Path(settings.data_dir) / "tmp"
    tmp_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=tmp_root, prefix="upload-") as work_dir:
        work = Path(work_dir)
        items: list[tuple[str, Path]] = []

        def add(name: str, path: Path) -> None:
            items.append((name, path))
            if len(items) > settings.max_files_per_upload:
                raise HTTPException(413, f"more than {settings.max_files_per_upload} files in one upload; send fewer")

        for k, f in enumerate(uploads):
            name = f.filename or "upload"
            path = work / f"upload-{k}"
            f.file.seek(0)
            try:
                with open(path, "wb") as out:
                    zipwalk.copy_capped(f.file, out, settings.max_upload_bytes, name)
            except zipwalk.ZipRefused:
                raise HTTPException(413, f"{name}: larger than {settings.max_upload_bytes} bytes; split it") from None
            if not zipwalk.is_archive(path, name):
                add(name, path)
                continue
            for entry in zipwalk.walk(path, name, limits, work):  # every header first: refuse before unpacking
                if entry.error_code:
                    raise HTTPException(413 if entry.error_code == "too_large" else 422, entry.error)
            for entry in zipwalk.walk(path, name, limits, work, take=True):
                if entry.error_code or entry.file is None:  # the bytes broke what the headers promised
                    raise HTTPException(422, entry.error)
                add(entry.name, entry.file)
            path.unlink()
        if not items:
            raise HTTPException(422, "no file in the upload")
        return _store_all(session, user, items, hint_obj, settings)


def _store_all(session, user, items: list[tuple[str, Path]], hint_obj, settings: Settings):
    from service.processing import store_upload

    out, created_ids = [], []
    for name, path in items:
        doc, created = store_upload(session, path, name, user=user, hints=hint_obj, settings=settings)
        if created:
            created_ids.append(doc.id)
            audit(session, user, "upload", "document", doc.id, None,
                  {"name": doc.name, "sha256": doc.sha256, "size": doc.size})
        out.append({"id": doc.id, "name": doc.name, "sha256": doc.sha256, "status": doc.status,
                    "duplicate": not created})
    # Commit before enqueueing: a worker must find the rows.
    session.commit()
    return out, created_ids


@router.get("", response_model=DocList)
def list_documents(session: DbSession, user: Clerk, page: Paging,
                   status: Annotated[str | None, Query()] = None,
                   unit: Annotated[str | None, Query(max_length=300)] = None,
                   year: Annotated[int | None, Query(ge=0, le=10000)] = None,
                   q: Annotated[str | None, Query(max_length=300)] = None):
    """Documents, newest first, filtered by status, unit or year of their assignments, or text
    (the document's name, number, title or issuer, without accents; or its sha256)."""
    conds = []
    if status:
        conds.append(Document.status == status)
    if unit or year is not None:
        conds.append(queries.has_assignment(Filters(unit=unit, year=year).for_assignments()))
    if q:  # without accents, like every search ("dot pha" finds "đột phá"); or a sha256
        conds.append(or_(like_folded(Document.search_folded, q) if fold(q) else Document.id.is_(None),
                         Document.sha256 == q.strip()))
    if session.get_bind().dialect.name == "postgresql":
        return json_page(session, queries.document_ids(conds), DOCUMENTS_AS_JSON, page)
    rows = queries.documents_page(session, DOCUMENT_COLUMNS, conds, page.limit, page.offset)
    total, exact = page_total(session, queries.document_ids(conds), page, len(rows))
    counts = doc_counts(session, [d.id for d in rows])
    return page_answer([doc_out(d, counts[d.id]) for d in rows], total, exact)


@router.get("/{document_id}", response_model=DocOut)
def get_document(document_id: Id, session: DbSession, user: Clerk):
    d = get_or_404(session, Document, document_id, "document")
    return doc_out(d, doc_counts(session, [d.id])[d.id])


@router.get("/{document_id}/file", response_class=FileResponse,
            responses={200: {"content": {"application/octet-stream": {}}}})
def get_file(document_id: Id, session: DbSession, user: Clerk, settings: AppSettings):
    """The original bytes as uploaded."""
    from service.processing import original_path

    d = get_or_404(session, Document, document_id, "document")
    path = original_path(d, settings)
    if not path.is_file():
        raise HTTPException(410, f"{d.name}: the stored original is missing from the data directory; "
                                 "upload the same file again to restore it")
    audit(session, user, "download", "document", d.id)
    return FileResponse(path, media_type=MEDIA.get(d.format or "", "application/octet-stream"), filename=d.name)


@router.get("/{document_id}/pages", response_model=list[PageOut])
def get_pages(document_id: Id, session: DbSession, user: Clerk):
    d = get_or_404(session, Document, document_id, "document")
    has_image = d.format in ("pdf", "image")
    rows = queries.pages_of(session, d.id)
    return [{"number": p.number, "text": p.text, "ocr": p.ocr, "confidence": p.confidence, "quality": p.quality,
             "needs_review": p.needs_review,
             "image": f"/api/documents/{d.id}/pages/{p.number}/image" if has_image else None,
             "width": p.width if has_image else None, "height": p.height if has_image else None,
             "words": p.words if has_image else None} for p in rows]


# A page view is at most this many pixels on its long side (the review page shows it at
# about 900); rendering is bounded by it whatever the page's size in points.
VIEW_LONG_SIDE = 2200
VIEW_DPI = 110
# One page image decodes at a time per process: five parallel requests for a 12000 x 12000
# scan took the server from 121 MB to 6 GB (issue 13). The rest wait their turn.
_RENDER_SLOTS = threading.BoundedSemaphore(1)


class PageTooLarge(Exception):
    pass


def _pdf_page_points(path: Path, number: int) -> tuple[float, float] | None:
    try:
        out = subprocess.run(["pdfinfo", "-f", str(number), "-l", str(number), str(path)], check=True,
                             capture_output=True, timeout=30, text=True, errors="replace").stdout
    except (subprocess.SubprocessError, OSError):
        return None
    for line in out.splitlines():
        if line.startswith("Page") and " size:" in line:
            parts = line.split("size:", 1)[1].split()
            try:
                return float(parts[0]), float(parts[2])
            except (ValueError, IndexError):
                return None
    return None


def view_dpi(size_pt: tuple[float, float] | None) -> float:
    """The resolution that keeps a page's long side within VIEW_LONG_SIDE pixels.

    >>> view_dpi((595, 842)), round(view_dpi((16000, 16000)), 1)
    (110, 9.9)
    """
    if not size_pt or max(size_pt) <= 0:
        return VIEW_DPI
    return min(VIEW_DPI, VIEW_LONG_SIDE * 72 / max(size_pt))


def render_page(path: Path, fmt: str, number: int, cache: Path, max_pixels: int) -> Path:
    """PNG of one page (PDF via pdftoppm at 110 dpi or less, images via Pillow), cached;
    never more than VIEW_LONG_SIDE pixels long. An image over ``max_pixels`` is refused
    (PageTooLarge) before it is decoded."""
    cache.parent.mkdir(parents=True, exist_ok=True)
    if cache.is_file():
        return cache
    tmp = cache.with_suffix(".tmp.png")
    with _RENDER_SLOTS:
        if cache.is_file():
            return cache
        if fmt == "pdf":
            size_pt = _pdf_page_points(path, number)
            # Unknown page size: -scale-to bounds the render all the same (it overrides -r).
            scale = ["-r", f"{view_dpi(size_pt):.2f}"] if size_pt else ["-scale-to", str(VIEW_LONG_SIDE)]
            with tempfile.TemporaryDirectory() as td:
                subprocess.run(["pdftoppm", "-f", str(number), "-l", str(number), *scale, "-png", "-singlefile",
                                str(path), str(Path(td) / "p")], check=True, capture_output=True, timeout=120)
                Path(td, "p.png").replace(tmp)
        else:
            from PIL import Image

            with Image.open(path) as im:
                im.seek(number - 1)
                w, h = im.size
                if w * h > max_pixels:
                    raise PageTooLarge(f"page {number} is {w}x{h} pixels, too large to show here "
                                       f"(over {max_pixels // 1_000_000} Mpx); download the original file")
                im.draft("RGB", (VIEW_LONG_SIDE, VIEW_LONG_SIDE))  # JPEG: decode at a reduced scale
                im.thumbnail((VIEW_LONG_SIDE, VIEW_LONG_SIDE))  # shrink in its own mode, then convert
                im.convert("RGB").save(tmp, "PNG")
        tmp.replace(cache)
    return cache


@router.get("/{document_id}/pages/{number}/image", response_class=FileResponse,
            responses={200: {"content": {"image/png": {}}}, 404: {"description": "no image for this page"}})
def get_page_image(document_id: Id, number: PageNo, session: DbSession, user: Clerk, settings: AppSettings):
    """The page as a PNG (scans, PDFs, images); 404 for text documents and for pages too
    large to show."""
    from PIL import Image

    from service.processing import extractor_config, original_path

    d = get_or_404(session, Document, document_id, "document")
    if d.format not in ("pdf", "image"):
        raise HTTPException(404, f"{d.name} is a text document ({d.format}); it has no page images")
    if number < 1 or (d.pages and number > d.pages):
        raise HTTPException(404, f"{d.name} has no page {number}")
    cache = Path(settings.data_dir) / "pages" / d.sha256 / f"{number}.png"
    try:
        return FileResponse(render_page(original_path(d, settings), d.format, number, cache,
                                        extractor_config(settings).max_image_pixels), media_type="image/png")
    except (PageTooLarge, Image.DecompressionBombError) as err:
        raise HTTPException(404, f"{d.name}: {err}") from err
    except (subprocess.SubprocessError, OSError, EOFError, ValueError) as err:
        raise HTTPException(404, f"{d.name}: page {number} could not be rendered ({type(err).__name__}); "
                                 "download the original file") from err


@router.post("/{document_id}/rerun", status_code=202, response_model=Accepted)
def rerun(document_id: Id, session: DbSession, user: Reviewer, settings: AppSettings):
    """Extract again (e.g. with a newer model); reviewer corrections and decisions are kept."""
    from service import jobs

    d = get_or_404(session, Document, document_id, "document")
    before = {"status": d.status, "runs": d.runs}
    if not jobs.requeue(session, d.id, stale_seconds=settings.stale_seconds):
        raise HTTPException(409, f"{d.name} is being processed now; re-run it when it is done")
    audit(session, user, "rerun", "document", d.id, before, {"status": "queued"})
    session.commit()
    try:
        jobs.enqueue(d.id, settings=settings)
    except Exception:  # committed as queued: a worker's sweep picks it up (was a 500 after the commit)
        log.exception("document %s re-queued but not sent to a worker", d.id)
    return {"id": d.id, "status": "queued"}


@router.get("/{document_id}/assignments", response_model=list[AssignmentOut])
def document_assignments(document_id: Id, session: DbSession, user: Clerk):
    """The document's assignments in the contract's shape, plus ids and review status."""
    d = get_or_404(session, Document, document_id, "document")
    rows = queries.assignments_of(session, d.id)
    return [assignment_out(a, d.name) for a in rows]
