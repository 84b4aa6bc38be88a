"""Review lists read plain rows (issue 5): what /api/assignments and /api/tasks send must be
what the ORM path (/api/documents/{id}/assignments, one assignment) sends, and totals must
be exact on a short page and capped beyond ``COUNT_CAP``."""
from __future__ import annotations

import pytest

from ..test_processing import _extraction

PEOPLE = [("Nguyễn Văn An", "UBND xã Tân Mỹ", ["Làm đường thôn 1", "Trồng rừng 10 ha"]),
          ("Lê Thị Bình", "UBND xã Yên Lập", ["Xây nhà văn hóa", "Kết nạp 5 đảng viên", "Giảm 3 hộ nghèo"]),
          ("Trần Văn Cường", "UBND xã Hòa Phú", ["Cứng hóa 2 km đường"]),
          ("Hoàng Thị Dung", "UBND xã Hòa Phú", ["Trồng 5 ha chè"])]


def _seed(copies: int = 1) -> list[int]:
    from service.processing import merge_extraction, store_upload
    from service.storage.db import session_scope

    ids = []
    with session_scope() as s:
        for i in range(copies):
            doc, _ = store_upload(s, f"Năm 2022, văn bản {i}".encode(), f"qd-{i}.txt")
            merge_extraction(s, doc, _extraction(PEOPLE))
            ids.append(doc.id)
    return ids


def test_list_rows_match_the_orm_shape(api):
    (doc_id,) = _seed()
    listed = api.get(f"/api/assignments?document_id={doc_id}").json()
    assert listed["total"] == 4 and listed["total_exact"] is True
    by_orm = {a["id"]: a for a in api.get(f"/api/documents/{doc_id}/assignments").json()}
    assert {a["id"] for a in listed["items"]} == set(by_orm)
    for a in listed["items"]:
        assert a == by_orm[a["id"]]
        assert a == api.get(f"/api/assignments/{a['id']}").json()
    tasks = api.get(f"/api/tasks?document_id={doc_id}&limit=500").json()
    assert tasks["total"] == 7 and len(tasks["items"]) == 7
    for t in tasks["items"]:
        a = by_orm[t["assignment_id"]]
        (same,) = [x for x in a["tasks"] if x["id"] == t["id"]]
        assert {k: t[k] for k in same} == same
        assert (t["cadre"], t["unit"], t["position"], t["document_name"]) == \
            (a["cadre"], a["unit"], a["position"], a["document_name"])


def test_filters_without_accents(api):
    _seed()
    got = api.get("/api/assignments?unit=hoa phu&year=2022").json()
    assert sorted(a["cadre"] for a in got["items"]) == ["Hoàng Thị Dung", "Trần Văn Cường"]
    assert (got["total"], got["total_exact"]) == (2, True)
    assert [t["text"] for t in api.get("/api/tasks?q=dang vien").json()["items"]] == ["Kết nạp 5 đảng viên"]
    assert api.get("/api/assignments?unit=hoa phu&year=2019").json() == {"items": [], "total": 0,
                                                                          "total_exact": True}


def test_totals_exact_short_pages_capped_beyond(api, service, monkeypatch):
    from service.settings import get_settings

    _seed(3)  # 12 assignments, 21 tasks
    page = api.get("/api/assignments?limit=5").json()
    assert (len(page["items"]), page["total"], page["total_exact"]) == (5, 12, True)
    last = api.get("/api/assignments?limit=5&offset=10").json()
    assert (len(last["items"]), last["total"], last["total_exact"]) == (2, 12, True)
    beyond = api.get("/api/assignments?limit=5&offset=50").json()
    assert (beyond["items"], beyond["total"], beyond["total_exact"]) == ([], 12, True)
    monkeypatch.setenv("GIAOVIEC_COUNT_CAP", "10")
    get_settings.cache_clear()
    capped = api.get("/api/tasks?limit=5").json()
    assert (capped["total"], capped["total_exact"]) == (10, False)
    short = api.get("/api/tasks?limit=50").json()  # the whole list on one page: counted by the page
    assert (short["total"], short["total_exact"]) == (21, True)
    ordered = [a["id"] for a in api.get("/api/assignments?limit=500").json()["items"]]
    assert ordered == sorted(ordered, reverse=True)


def test_filter_indexes_are_read_as_the_lists_need(service):
    """Migration 0007 (issue 14): on PostgreSQL the trigram indexes take new rows at once
    (no pending list that every search reads through); on SQLite the unit + year count
    reads the covering index instead of looking up every row of one year."""
    from sqlalchemy import func, select, text

    from service.api.filters import Filters
    from service.storage.db import get_engine
    from service.storage.models import Assignment

    _seed(2)
    engine = get_engine()
    with engine.connect() as c:
        if engine.dialect.name == "postgresql":
            opts = dict(c.execute(text(
                "SELECT relname, array_to_string(reloptions, ',') FROM pg_class WHERE relkind = 'i' "
                "AND relname LIKE '%\\_trgm' AND relnamespace = current_schema()::regnamespace")).all())
            if not opts:
                pytest.skip("pg_trgm is not installed in this database: no trigram indexes to check")
            assert all("fastupdate=off" in (o or "") for o in opts.values()), opts
        else:
            count = select(func.count()).select_from(
                select(Assignment.id).where(*Filters(unit="hoa phu", year=2022).for_assignments()).limit(1001)
                .subquery())
            compiled = count.compile(engine, compile_kwargs={"render_postcompile": True})
            plan = " ".join(str(r[-1]) for r in c.exec_driver_sql(
                f"EXPLAIN QUERY PLAN {compiled}", tuple(compiled.params[k] for k in compiled.positiontup)))
            assert "COVERING INDEX ix_assignments_unit_year" in plan, plan


def test_document_list_matches_one_document(api):
    """/api/documents (built as JSON by PostgreSQL, issue 14) sends each document as
    /api/documents/{id} does: counts, error, times with and without microseconds."""
    from datetime import UTC, datetime

    from service.storage.db import session_scope
    from service.storage.models import Document

    ids = _seed(3)
    with session_scope() as s:
        failed = s.get(Document, ids[0])
        failed.status, failed.error_code, failed.error_message = "failed", "unreadable", None
        failed.warnings = None
        s.get(Document, ids[1]).processed_at = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
        s.get(Document, ids[2]).processed_at = datetime(2024, 5, 6, 7, 8, 9, 120000, tzinfo=UTC)
    listed = api.get("/api/documents?limit=2").json()
    assert (len(listed["items"]), listed["total"], listed["total_exact"]) == (2, 3, True)
    rest = api.get("/api/documents?limit=2&offset=2").json()["items"]
    items = listed["items"] + rest
    assert [d["id"] for d in items] == sorted(ids, reverse=True)
    for d in items:
        assert d == api.get(f"/api/documents/{d['id']}").json()
    assert (items[0]["assignments"], items[0]["tasks"], items[0]["open_reviews"]) == (4, 7, 11)
    assert items[-1]["error"] == {"code": "unreadable", "message": ""}
    assert [d["id"] for d in api.get("/api/documents?unit=hoa phu&year=2022").json()["items"]] == \
        sorted(ids, reverse=True)


def test_task_list_pages_and_filters(api, service, monkeypatch):
    """Pages of /api/tasks with filters, shallow and past the count's cap, on both databases."""
    from service.settings import get_settings

    _seed(3)  # 21 tasks, 6 of them under "Hòa Phú"
    unit = api.get("/api/tasks?unit=hoa phu&limit=2").json()
    assert (len(unit["items"]), unit["total"], unit["total_exact"]) == (2, 6, True)
    assert all(t["unit"] == "UBND xã Hòa Phú" for t in unit["items"])
    monkeypatch.setenv("GIAOVIEC_COUNT_CAP", "5")
    get_settings.cache_clear()
    deep = api.get("/api/tasks?limit=4&offset=8").json()  # past the cap, a full page: more than the cap
    assert (len(deep["items"]), deep["total"], deep["total_exact"]) == (4, 5, False)
    end = api.get("/api/tasks?limit=4&offset=20").json()  # past the cap, a short page ends the list
    assert (len(end["items"]), end["total"], end["total_exact"]) == (1, 21, True)
    gone = api.get("/api/tasks?limit=4&offset=40").json()
    assert (gone["items"], gone["total"], gone["total_exact"]) == ([], 5, False)
    every = [t["id"] for o in range(0, 24, 4) for t in api.get(f"/api/tasks?limit=4&offset={o}").json()["items"]]
    assert every == sorted(every, reverse=True) and len(set(every)) == 21
    # a text search: on PostgreSQL its page and its count are read apart (json_page's count_apart)
    first = api.get("/api/tasks?q=trong&limit=4").json()  # 6 tasks: "Trồng rừng 10 ha", "Trồng 5 ha chè"
    assert (len(first["items"]), first["total"], first["total_exact"]) == (4, 5, False)
    assert all("Trồng" in t["text"] for t in first["items"])
    rest = api.get("/api/tasks?q=trong&limit=4&offset=4").json()
    assert (len(rest["items"]), rest["total"], rest["total_exact"]) == (2, 6, True)
    past = api.get("/api/tasks?q=trong&limit=4&offset=8").json()
    assert (past["items"], past["total"], past["total_exact"]) == ([], 5, False)
    monkeypatch.setenv("GIAOVIEC_COUNT_CAP", "1000")
    get_settings.cache_clear()
    one = api.get("/api/tasks?q=trong&limit=50").json()
    assert (len(one["items"]), one["total"], one["total_exact"]) == (6, 6, True)
    ids = [t["id"] for t in first["items"] + rest["items"]]
    assert ids == sorted(ids, reverse=True)
