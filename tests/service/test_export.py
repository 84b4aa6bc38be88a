"""Exports hold what the register shows (issue 14): the same filters as /api/tasks, a
task's own status (pending under a confirmed cadre stays pending), and cells a
spreadsheet cannot run as formulas or choke on (issue 13's row on exports)."""
from __future__ import annotations

import csv
import io
import json

from .api.test_lists import _seed


def _csv(api, **params) -> list[list[str]]:
    r = api.get("/api/export", role="reviewer", params={"format": "csv", **params})
    assert r.status_code == 200, r.text
    return list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))[1:]


def _xlsx(api, **params) -> list[tuple]:
    from openpyxl import load_workbook

    r = api.get("/api/export", role="reviewer", params={"format": "xlsx", **params})
    assert r.status_code == 200, r.text
    return list(load_workbook(io.BytesIO(r.content)).active.iter_rows(values_only=True))[1:]


def _tasks(api, **params) -> list[dict]:
    return api.get("/api/tasks", params={"limit": 500, **params}).json()["items"]


def test_export_follows_the_register_filters(api):
    (doc_id,) = _seed()
    api.post("/api/review/bulk", role="reviewer",
             json={"task_ids": [t["id"] for t in _tasks(api)], "status": "confirmed"})
    for params in ({"unit": "hoa phu", "year": 2022}, {"q": "dang vien"}, {"cadre": "le thi binh"},
                   {"document_id": doc_id}, {"year": 2019}, {"unit": "tan my", "status": "all"}):
        register = {"status": "confirmed", **params}
        if register["status"] == "all":  # the register's "Tất cả" sends no status
            del register["status"]
        shown = sorted(t["text"] for t in _tasks(api, **register))
        assert sorted(r[3] for r in _csv(api, **params)) == shown, params
        assert sorted(r[3] for r in _xlsx(api, **params)) == shown, params
    assert sorted(r[3] for r in _csv(api, unit="hoa phu")) == ["Cứng hóa 2 km đường", "Trồng 5 ha chè"]
    (dung,) = api.get("/api/assignments", params={"cadre": "hoang thi dung"}).json()["items"]
    api.patch(f"/api/assignments/{dung['id']}", role="reviewer", json={"unit": "UBND huyện Chiêm Hóa"})
    key = api.get("/api/units").json()[0]["key"]
    assert len(_csv(api, unit_key=key)) == len(_tasks(api, unit_key=key, status="confirmed")) > 0


def test_a_pending_task_under_a_confirmed_cadre_is_not_exported_as_confirmed(api):
    _seed()
    (an,) = api.get("/api/assignments", params={"cadre": "nguyen van an"}).json()["items"]
    api.patch(f"/api/assignments/{an['id']}", role="reviewer", json={"status": "confirmed"})
    api.patch(f"/api/tasks/{an['tasks'][0]['id']}", role="reviewer", json={"status": "confirmed"})
    # the register: one confirmed task (the other still pending)
    assert [t["text"] for t in _tasks(api, status="confirmed")] == ["Làm đường thôn 1"]
    assert [r[3] for r in _csv(api)] == ["Làm đường thôn 1"]
    rows = {r[3]: r[5] for r in _csv(api, status="all", cadre="nguyen van an")}
    assert rows == {"Làm đường thôn 1": "Đã xác nhận", "Trồng rừng 10 ha": "Chờ rà soát"}
    assert [r[3] for r in _csv(api, status="pending", cadre="nguyen van an")] == ["Trồng rừng 10 ha"]
    js = json.loads(api.get("/api/export", role="reviewer", params={"format": "json"}).content)
    assert [[t["text"] for t in r["tasks"]] for r in js["records"]] == [["Làm đường thôn 1"]]


def test_cells_are_formula_safe_and_control_characters_dropped(api):
    _seed()
    (an,) = api.get("/api/assignments", params={"cadre": "nguyen van an"}).json()["items"]
    bad = {"=HYPERLINK(\"http://evil\",\"x\")": "'=HYPERLINK(\"http://evil\",\"x\")",
           "+1+2": "'+1+2", "-3": "'-3", "@SUM(A1)": "'@SUM(A1)", "\tTab": "'\tTab"}
    from service.storage.db import session_scope
    from service.storage.models import Task

    t0, t1 = an["tasks"]
    api.patch(f"/api/tasks/{t0['id']}", role="reviewer", json={"text": "Làm\u0001 đường\u001f thôn 1"})
    api.patch(f"/api/assignments/{an['id']}", role="reviewer", json={"position": "=1+2", "unit": "@cmd"})
    for text, want in bad.items():
        with session_scope() as s:  # stored as is (the API strips a leading tab)
            s.get(Task, t1["id"]).text = text
        csv_rows = {r[3]: r for r in _csv(api, status="all", cadre="nguyen van an")}
        assert want in csv_rows, (text, csv_rows)
        xl = {r[3]: r for r in _xlsx(api, status="all", cadre="nguyen van an")}
        assert want in xl, (text, xl)
    row = _xlsx(api, status="all", cadre="nguyen van an")[0]
    assert row[1:3] == ("'=1+2", "'@cmd") and row[3] == "Làm đường thôn 1"
    assert _csv(api, status="all", cadre="nguyen van an")[0][3] == "Làm đường thôn 1"


def test_chart_groups_units_by_key_and_follows_filters(api):
    _seed()
    (dung,) = api.get("/api/assignments", params={"cadre": "hoang thi dung"}).json()["items"]
    api.patch(f"/api/assignments/{dung['id']}", role="reviewer", json={"unit": "Ủy ban nhân dân xã Hòa Phú"})
    cells = api.get("/api/stats/units").json()
    hoa_phu = [c for c in cells if "Hòa Phú" in c["label"]]
    assert len(hoa_phu) == 1, cells  # "UBND xã Hòa Phú" and "Ủy ban nhân dân xã Hòa Phú": one unit
    assert hoa_phu[0]["tasks"] == 2 and hoa_phu[0]["assignments"] == 2 and hoa_phu[0]["year"] == 2022
    assert set(hoa_phu[0]["names"]) == {"UBND xã Hòa Phú", "Ủy ban nhân dân xã Hòa Phú"}
    assert cells[0]["tasks"] == max(c["tasks"] for c in cells)  # most tasks first
    # follows the register's filters
    assert [c["tasks"] for c in api.get("/api/stats/units", params={"q": "dang vien"}).json()] == [1]
    assert api.get("/api/stats/units", params={"status": "confirmed"}).json() == []
    api.patch(f"/api/tasks/{dung['tasks'][0]['id']}", role="reviewer", json={"status": "confirmed"})
    (only,) = api.get("/api/stats/units", params={"status": "confirmed"}).json()
    assert (only["tasks"], only["confirmed"]) == (1, 1)
    # a resolved unit is grouped by its key, labelled by the registry
    api.patch(f"/api/assignments/{dung['id']}", role="reviewer", json={"unit": "UBND huyện Chiêm Hóa"})
    keyed = [c for c in api.get("/api/stats/units").json() if c["key"] == "legacy:08.073"]
    assert keyed and "Chiêm Hóa" in keyed[0]["label"]
