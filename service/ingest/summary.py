"""What a run reports: one :class:`Row` of SUMMARY.csv per file found (columns fixed by
CONTRACT.md), the counts read back from the database, and :class:`IngestResult` with the
totals and the printout.

    >>> write_summary([Row("2019/qd.pdf", status="done", pages=2)], "summary.csv")
    >>> read_summary("summary.csv")[0]["status"]
    'done'
"""
from __future__ import annotations

import csv
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.storage.db import session_scope
from service.storage.models import Assignment, Document, Page, Task

SUMMARY_COLUMNS = ("path", "sha256", "status", "pages", "ocr_pages", "assignments", "tasks", "error")


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


def document_counts(session: Session, document_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """pages, OCR pages, assignments, tasks, status and error of stored documents."""
    ids = list(set(document_ids))
    out: dict[int, dict[str, Any]] = {}
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


def fill(row: Row, c: dict[str, Any], status: str | None = None) -> Row:
    """Copy a document's counts (:func:`document_counts`) into its row; ``status``
    overrides done/failed (``skipped``)."""
    row.pages, row.ocr_pages, row.assignments, row.tasks = c["pages"], c["ocr_pages"], c["assignments"], c["tasks"]
    if c["status"] == "failed":
        row.error_code = c["error_code"] or "internal"
        row.error = f"{row.error_code}: {c['error']}" if c["error"] else row.error_code
    row.status = status or ("failed" if c["status"] == "failed" else "done")
    return row


def read_counts(document_id: int) -> dict[str, Any]:
    """:func:`document_counts` of one document, in a session of its own (what a pool
    worker reports once it has processed the document)."""
    with session_scope() as s:
        return document_counts(s, [document_id])[document_id]
