"""/api/stats and /api/export."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from service.auth import audit
from service.schemas import StatsOut
from service.storage.queries import reports as queries

from .deps import Clerk, DbSession, RegisterFilters, Reviewer

router = APIRouter(prefix="/api", tags=["reports"])


@router.get("/stats", response_model=StatsOut)
def stats(session: DbSession, user: Clerk):
    """Assignments, tasks and confirmed tasks per unit and year; documents per status."""
    rows = queries.unit_year_counts(session)
    docs = queries.documents_by_status(session)
    dups = queries.pairs_by_status(session)
    return {"by_unit_year": [{"unit": u, "year": y, "assignments": a, "tasks": t, "confirmed": int(c or 0)}
                             for u, y, a, t, c in rows],
            "documents": {k: int(v) for k, v in docs.items()}, "duplicates": {k: int(v) for k, v in dups.items()}}


def unit_group(unit_key: str | None, unit: str | None) -> str:
    """The key a unit is counted under: its resolved key across the 2025 reform, else its
    name normalised as duplicate matching reads it ("UBND" = "Ủy ban nhân dân", tones, case)."""
    if unit_key:
        return unit_key
    if not unit:
        return ""
    from extractor.dedup import match_key

    return "text:" + match_key(unit).text


@router.get("/stats/units")
def stats_by_unit(session: DbSession, user: Clerk, filters: RegisterFilters,
                  status: Annotated[Literal["pending", "confirmed", "rejected"] | None, Query()] = None):
    """The register's chart: tasks, confirmed tasks and cadres per unit and year, for the
    register's filters. Units are grouped by the key the project resolves (one bar for
    "UBND xã Hòa Phú" and "Ủy ban nhân dân xã Hòa Phú"); ``names`` are the ways it was written.

    ``[{"key", "label", "names", "year", "assignments", "tasks", "confirmed"}]``, most tasks first."""
    from extractor import describe_key

    conds, _ = filters.for_tasks(status)
    rows = queries.unit_task_counts(session, conds)
    groups: dict[tuple[str, int | None], dict] = {}
    names: dict[str, dict[str, int]] = {}
    for key, name, yr, n_a, n_t, n_c in rows:
        g = unit_group(key, name)
        cell = groups.setdefault((g, yr), {"key": g, "year": yr, "assignments": 0, "tasks": 0, "confirmed": 0})
        cell["assignments"] += n_a
        cell["tasks"] += n_t
        cell["confirmed"] += int(n_c or 0)
        if name:
            names.setdefault(g, {})[name] = names.get(g, {}).get(name, 0) + n_t
    out = []
    for (g, _), cell in groups.items():
        written = sorted(names.get(g, {}), key=lambda n: -names[g][n])
        label = (describe_key(g) if not g.startswith("text:") and g else None) or (written[0] if written else "")
        out.append({**cell, "key": g or None, "label": label, "names": written})
    totals: dict[str | None, int] = {}
    for c in out:
        totals[c["key"]] = totals.get(c["key"], 0) + c["tasks"]
    out.sort(key=lambda c: (-totals[c["key"]], c["label"], c["year"] if c["year"] is not None else -1))
    return out


@router.get("/export", responses={200: {"content": {
    "text/csv": {}, "application/json": {},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}}})
def export(session: DbSession, user: Reviewer, filters: RegisterFilters,
           format: Annotated[Literal["csv", "xlsx", "json"], Query()] = "csv",
           status: Annotated[Literal["confirmed", "pending", "rejected", "all"], Query()] = "confirmed"):
    """The register's rows (one per cadre and task) with Vietnamese headers:
    Họ và tên, Chức vụ, Đơn vị, Nội dung, Thời gian, Trạng thái, Văn bản.
    The filters (one ``Filters`` model) and the status are those of ``/api/tasks``: an export
    holds what the register shows; only the status's default differs (confirmed)."""
    from service import export as ex

    body, media, ext = ex.render(session, format, status, filters)
    # who took the register out, and which part of it (issue 13: exports are audited)
    audit(session, user, "export", "register", None, None, {"format": format, "status": status, **filters.given()})
    return Response(content=body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="giaoviec-{status}.{ext}"'})
