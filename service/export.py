"""Export records as CSV, XLSX or JSON, one row per (cadre, task), Vietnamese headers.

A record is *confirmed* when neither its task nor its assignment is rejected and
one of them is confirmed (confirming an assignment confirms its pending tasks).

    >>> body, media, ext = render(session, "xlsx", "confirmed")
"""
from __future__ import annotations

import csv
import io
import json

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from service.storage.models import Assignment, Document, Task

HEADERS = ["Họ và tên", "Chức vụ", "Đơn vị", "Nội dung", "Thời gian", "Trạng thái", "Văn bản"]
STATUS_VI = {"confirmed": "Đã xác nhận", "pending": "Chờ rà soát", "rejected": "Loại"}


def _period(start, end, text) -> str:
    if start is None and end is None:
        return text or ""
    if end is None or end == start:
        return f"Năm {start}"
    return f"Giai đoạn {start} - {end}"


def records(session: Session, status: str = "confirmed") -> list[dict]:
    """The rows to export, ordered by document, assignment, task."""
    q = (select(Task, Assignment, Document.name)
         .join(Assignment, Task.assignment_id == Assignment.id)
         .join(Document, Task.document_id == Document.id))
    if status == "confirmed":
        q = q.where(Task.status != "rejected", Assignment.status != "rejected",
                    or_(Task.status == "confirmed", Assignment.status == "confirmed"))
    q = q.order_by(Document.id, Assignment.ordinal, Assignment.id, Task.ordinal, Task.id)
    out = []
    for t, a, doc_name in session.execute(q):
        eff = "rejected" if "rejected" in (t.status, a.status) else (
            "confirmed" if "confirmed" in (t.status, a.status) else "pending")
        start = t.period_start if t.period_start is not None else a.period_start
        end = t.period_end if t.period_start is not None else a.period_end
        out.append({
            "assignment_id": a.id, "task_id": t.id, "document_id": t.document_id,
            "cadre": a.cadre, "position": a.position or "", "unit": a.unit or "", "task": t.text,
            "period": _period(start, end, t.period_text or a.period_text), "start": start, "end": end,
            "status": eff, "document": doc_name,
        })
    return out


def _rows(recs):
    for r in recs:
        yield [r["cadre"], r["position"], r["unit"], r["task"], r["period"], STATUS_VI[r["status"]], r["document"]]


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
    for col, width in zip("ABCDEFG", (24, 30, 36, 70, 18, 14, 30)):
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


def render(session: Session, fmt: str, status: str = "confirmed") -> tuple[bytes, str, str]:
    """(body, media type, file extension) for ``fmt`` in csv|xlsx|json."""
    recs = records(session, status)
    if fmt == "xlsx":
        return to_xlsx(recs), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"
    if fmt == "json":
        return to_json(recs), "application/json", "json"
    return to_csv(recs), "text/csv; charset=utf-8", "csv"
