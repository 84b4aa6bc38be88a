"""Export records as CSV, XLSX or JSON, one row per (cadre, task), Vietnamese headers.

The rows are the register's (sổ theo dõi): the same filters as ``/api/tasks``
(``service.api.filters.Filters``) and the same meaning of a status, a task's own:
a task still pending under a confirmed cadre is exported as pending, not confirmed.

Cells are made safe for spreadsheets: a value starting with ``= + - @``, a tab or a
carriage return gets a leading apostrophe (Excel and LibreOffice would run it as a
formula), and control characters that XLSX cannot hold are dropped.

    >>> body, media, ext = render(session, "xlsx", "confirmed", Filters(unit="hoa phu", year=2022))
"""
from __future__ import annotations

import csv
import io
import json
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.api.filters import Filters
from service.storage.models import Assignment, Document, Task

HEADERS = ["Họ và tên", "Chức vụ", "Đơn vị", "Nội dung", "Thời gian", "Trạng thái", "Văn bản"]
STATUS_VI = {"confirmed": "Đã xác nhận", "pending": "Chờ rà soát", "rejected": "Loại"}
# XML 1.0 (hence XLSX) cannot hold these; openpyxl raises on them (a 500 before this).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    r"""A text cell a spreadsheet shows as text, never runs.

    >>> safe_cell("=1+2"), safe_cell("a\x01b"), safe_cell("Năm 2022")
    ("'=1+2", 'ab', 'Năm 2022')
    """
    text = _CONTROL.sub("", "" if value is None else str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def _period(start, end, text) -> str:
    if start is None and end is None:
        return text or ""
    if end is None or end == start:
        return f"Năm {start}"
    return f"Giai đoạn {start} - {end}"


def records(session: Session, status: str = "confirmed", filters: Filters | dict | None = None) -> list[dict]:
    """The rows to export, ordered by document, assignment, task. ``filters`` are the
    register's (``Filters``, or a dict of its fields); ``status`` confirmed, pending,
    rejected or all."""
    if not isinstance(filters, Filters):
        filters = Filters(**(filters or {}))
    conds, _ = filters.for_tasks(status)
    q = (select(Task, Assignment, Document.name)
         .join(Assignment, Task.assignment_id == Assignment.id)
         .join(Document, Task.document_id == Document.id)
         .where(*conds)
         .order_by(Document.id, Assignment.ordinal, Assignment.id, Task.ordinal, Task.id))
    out = []
    for t, a, doc_name in session.execute(q):
        start = t.period_start if t.period_start is not None else a.period_start
        end = t.period_end if t.period_start is not None else a.period_end
        out.append({
            "assignment_id": a.id, "task_id": t.id, "document_id": t.document_id,
            "cadre": a.cadre, "position": a.position or "", "unit": a.unit or "", "task": t.text,
            "period": _period(start, end, t.period_text or a.period_text), "start": start, "end": end,
            "status": t.status, "document": doc_name,
        })
    return out


def _rows(recs):
    for r in recs:
        yield [safe_cell(v) for v in (r["cadre"], r["position"], r["unit"], r["task"], r["period"],
                                      STATUS_VI[r["status"]], r["document"])]


def to_csv(recs) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADERS)
    w.writerows(_rows(recs))
    # BOM: Excel on Windows opens UTF-8 CSV correctly only with it.
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx(recs) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Việc đột phá"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in _rows(recs):
        ws.append(row)
        for cell in ws[ws.max_row]:
            cell.data_type = "s"  # text, whatever it looks like
    for col, width in zip("ABCDEFG", (24, 30, 36, 70, 18, 14, 30), strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2):
        row[3].alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def to_json(recs) -> bytes:
    """Assignments grouped with their tasks (the contract's shape plus status and document)."""
    groups: dict[int, dict] = {}
    for r in recs:
        g = groups.setdefault(r["assignment_id"], {
            "id": r["assignment_id"], "document_id": r["document_id"], "document": r["document"],
            "cadre": r["cadre"], "position": r["position"], "unit": r["unit"], "tasks": []})
        g["tasks"].append({"id": r["task_id"], "text": r["task"], "status": r["status"],
                           "period": {"text": r["period"], "start": r["start"], "end": r["end"]}})
    return json.dumps({"records": list(groups.values()), "headers": HEADERS}, ensure_ascii=False,
                      indent=1).encode("utf-8")


def render(session: Session, fmt: str, status: str = "confirmed",
           filters: Filters | dict | None = None) -> tuple[bytes, str, str]:
    """(body, media type, file extension) for ``fmt`` in csv|xlsx|json."""
    recs = records(session, status, filters)
    if fmt == "xlsx":
        return to_xlsx(recs), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"
    if fmt == "json":
        return to_json(recs), "application/json", "json"
    return to_csv(recs), "text/csv; charset=utf-8", "csv"
