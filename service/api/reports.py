"""/api/stats and /api/export."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from sqlalchemy import case, func, select

from service.auth import Clerk, DbSession, Reviewer
from service.schemas import StatsOut
from service.storage.models import Assignment, Document, DuplicatePair, Task

router = APIRouter(prefix="/api", tags=["reports"])


@router.get("/stats", response_model=StatsOut)
def stats(session: DbSession, user: Clerk):
    """Assignments, tasks and confirmed tasks per unit and year; documents per status."""
    year = func.coalesce(Task.year, Assignment.period_start)
    rows = session.execute(
        select(Assignment.unit, year, func.count(func.distinct(Assignment.id)), func.count(Task.id),
               func.sum(case((Task.status == "confirmed", 1), else_=0)))
        .join(Task, Task.assignment_id == Assignment.id, isouter=True)
        .where(Assignment.status != "rejected")
        .group_by(Assignment.unit, year).order_by(Assignment.unit, year)).all()
    docs = dict(session.execute(select(Document.status, func.count()).group_by(Document.status)).all())
    dups = dict(session.execute(select(DuplicatePair.status, func.count()).group_by(DuplicatePair.status)).all())
    return {"by_unit_year": [{"unit": u, "year": y, "assignments": a, "tasks": t, "confirmed": int(c or 0)}
                             for u, y, a, t, c in rows],
            "documents": {k: int(v) for k, v in docs.items()}, "duplicates": {k: int(v) for k, v in dups.items()}}


@router.get("/export", responses={200: {"content": {
    "text/csv": {}, "application/json": {},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}}})
def export(session: DbSession, user: Reviewer,
           format: Annotated[Literal["csv", "xlsx", "json"], Query()] = "csv",
           status: Annotated[Literal["confirmed", "all"], Query()] = "confirmed"):
    """The records (one row per cadre and task) with Vietnamese headers:
    Họ và tên, Chức vụ, Đơn vị, Nội dung, Thời gian, Trạng thái, Văn bản."""
    from service import export as ex

    body, media, ext = ex.render(session, format, status)
    return Response(content=body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="giaoviec-{status}.{ext}"'})
