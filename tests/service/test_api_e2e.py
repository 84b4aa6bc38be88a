"""End to end through the HTTP API with the real reader, pipeline and dedup:
upload a DOCX decision and a scanned PDF, wait, read, decide, correct, export."""
from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

from .documents import decision_lines, make_docx, make_scan_pdf

pytest.importorskip("extractor.pipeline")
pytest.importorskip("extractor.dedup")

SCAN_NAMES = ("Vi Văn Thắng", "Nông Thị Hồng")


@pytest.mark.slow
def test_upload_process_review_export(api):
    docx = make_docx(decision_lines())
    scan = make_scan_pdf(decision_lines(names=SCAN_NAMES, year=2023))
    up = api.upload([("qd-47.docx", docx), ("qd-scan.pdf", scan)])
    assert [u["duplicate"] for u in up] == [False, False]
    assert all(u["status"] == "queued" for u in up)
    ids = [u["id"] for u in up]
    # the same file again is recognised by its bytes, whatever its name
    again = api.upload([("ban-sao.docx", docx)])
    assert again == [{**up[0], "name": "qd-47.docx", "duplicate": True, "status": again[0]["status"]}]

    d_docx, d_scan = api.wait(ids)
    assert (d_docx["status"], d_docx["ocr"], d_docx["format"]) == ("done", False, "docx")
    assert (d_scan["status"], d_scan["ocr"], d_scan["format"]) == ("done", True, "pdf")
    assert d_scan["pages_done"] == d_scan["pages"] == 1
    assert d_docx["assignments"] == 2 and d_docx["tasks"] == 4 and d_docx["open_reviews"] == 6

    # the original, byte for byte
    assert api.get(f"/api/documents/{ids[1]}/file").content == scan
    # pages: the scan has an image, the DOCX has none
    pages = api.get(f"/api/documents/{ids[1]}/pages").json()
    assert pages[0]["ocr"] is True and pages[0]["image"]
    img = api.get(pages[0]["image"])
    assert img.status_code == 200 and img.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert api.get(f"/api/documents/{ids[0]}/pages").json()[0]["image"] is None
    assert api.get(f"/api/documents/{ids[0]}/pages/1/image").status_code == 404

    # assignments as the contract says, plus ids and status
    rows = api.get(f"/api/documents/{ids[1]}/assignments").json()
    assert [a["cadre"] for a in rows] == list(SCAN_NAMES)
    assert rows[0]["period"]["start"] == 2023 and rows[0]["unit"] == "UBND xã Hòa Phú"
    assert rows[0]["fields"]["cadre"]["span"]["page"] == 1 and rows[0]["status"] == "pending"

    # accent-insensitive search
    found = api.get("/api/assignments", params={"unit": "hoa phu"}).json()
    assert found["total"] == 2 and {a["cadre"] for a in found["items"]} == {"Lương Văn Khải", SCAN_NAMES[0]}
    assert api.get("/api/assignments", params={"cadre": "luong van khai"}).json()["total"] == 1
    assert api.get("/api/assignments", params={"q": "GIAY CHUNG NHAN", "year": 2023}).json()["total"] == 1
    assert api.get("/api/assignments", params={"q": "không có đâu"}).json()["total"] == 0
    tasks = api.get("/api/tasks", params={"q": "cung hoa 4 km", "unit": "hoa phu"}, role="clerk").json()
    assert tasks["total"] == 2 and all(t["cadre"] for t in tasks["items"])

    # duplicates: the Khuôn Hà road task is written four times (2 cadres x 2 documents)
    dups = api.get("/api/duplicates", params={"status": "pending", "limit": 100}).json()
    road = [d for d in dups["items"] if "Khuôn Hà" in d["a"]["text"] and "Khuôn Hà" in d["b"]["text"]]
    assert len(road) == 6, dups
    assert all(d["score"] >= 85 and d["reason"] for d in road)
    # one group: the smallest task id of the four
    assert {d["cluster"] for d in road} == {min(min(d["a"]["task_id"], d["b"]["task_id"]) for d in road)}
    assert not [d for d in dups["items"] if "rừng" in d["a"]["text"] and "giấy" in d["b"]["text"]]
    pair = road[0]
    r = api.post(f"/api/duplicates/{pair['id']}/decision", role="clerk", json={"decision": "duplicate"})
    assert r.status_code == 403
    r = api.post(f"/api/duplicates/{pair['id']}/decision", role="reviewer", json={"decision": "duplicate"})
    assert r.status_code == 200 and r.json()["status"] == "duplicate" and r.json()["decided_by"] == "reviewer-1"
    assert api.get("/api/duplicates", params={"status": "pending"}).json()["total"] == dups["total"] - 1
    bulk = api.post("/api/duplicates/bulk", role="reviewer", json={"ids": [d["id"] for d in road[1:3]],
                                                                    "decision": "distinct"})
    assert bulk.json() == {"updated": 2}
    assert api.get(f"/api/duplicates/{road[1]['id']}").json()["cluster"] is None  # distinct: in no group

    # correct and confirm the DOCX's first assignment, reject one task
    a = api.get(f"/api/documents/{ids[0]}/assignments").json()[0]
    r = api.patch(f"/api/assignments/{a['id']}", role="reviewer",
                  json={"position": "Chủ tịch Ủy ban nhân dân xã Hòa Phú", "status": "confirmed"})
    assert r.status_code == 200 and r.json()["corrected"] == ["position"]
    r = api.patch(f"/api/tasks/{a['tasks'][1]['id']}", role="reviewer", json={"status": "rejected"})
    assert r.json()["status"] == "rejected"
    r = api.patch(f"/api/tasks/{a['tasks'][0]['id']}", role="reviewer",
                  json={"text": "Chỉ đạo cứng hóa 4 km đường giao thông nông thôn thôn Khuôn Hà",
                        "status": "confirmed"})
    assert r.json()["corrected"] is True

    # audit: who, before, after
    audit = api.get("/api/audit", params={"entity": "assignment", "entity_id": a["id"]}).json()["items"]
    assert audit[0]["user_name"] == "reviewer-1"
    assert audit[0]["before"]["position"] == "Chủ tịch UBND xã Hòa Phú"
    assert audit[0]["after"]["position"] == "Chủ tịch Ủy ban nhân dân xã Hòa Phú"
    assert audit[0]["before"]["status"] == "pending" and audit[0]["after"]["status"] == "confirmed"

    # export: confirmed tasks only (confirming the cadre left its tasks pending; one confirmed, one rejected)
    text = api.get("/api/export", role="reviewer", params={"format": "csv"}).content.decode("utf-8-sig")
    rows_csv = list(csv.reader(io.StringIO(text)))
    assert rows_csv[0][:5] == ["Họ và tên", "Chức vụ", "Đơn vị", "Nội dung", "Thời gian"]
    assert [r[0] for r in rows_csv[1:]] == ["Lương Văn Khải"]
    assert rows_csv[1][1] == "Chủ tịch Ủy ban nhân dân xã Hòa Phú" and "Khuôn Hà" in rows_csv[1][3]
    assert rows_csv[1][4] == "Năm 2022"
    xlsx = api.get("/api/export", role="reviewer", params={"format": "xlsx", "status": "all"})
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(xlsx.content)).active
    got = list(ws.iter_rows(values_only=True))
    assert list(got[0][:5]) == ["Họ và tên", "Chức vụ", "Đơn vị", "Nội dung", "Thời gian"]
    assert len(got) == 1 + 8  # every task of both documents
    assert {r[0] for r in got[1:]} == {"Lương Văn Khải", "Phan Thị Ngọc Hà", *SCAN_NAMES}
    js = json.loads(api.get("/api/export", role="reviewer", params={"format": "json"}).content)
    assert [r["cadre"] for r in js["records"]] == ["Lương Văn Khải"] and len(js["records"][0]["tasks"]) == 1

    # stats per unit and year
    st = api.get("/api/stats").json()
    hoa_phu = {(r["unit"], r["year"]): r for r in st["by_unit_year"]}
    assert hoa_phu[("UBND xã Hòa Phú", 2022)]["tasks"] == 2 and st["documents"] == {"done": 2}

    # re-run the DOCX (a newer model): corrections, statuses and decisions survive
    assert api.post(f"/api/documents/{ids[0]}/rerun", role="clerk").status_code == 403  # reviewers re-run
    assert api.post(f"/api/documents/{ids[0]}/rerun", role="reviewer").status_code == 202
    (d_again,) = api.wait([ids[0]])
    assert d_again["status"] == "done" and d_again["attempts"] == 2
    a2 = api.get(f"/api/assignments/{a['id']}").json()
    assert a2["position"] == "Chủ tịch Ủy ban nhân dân xã Hòa Phú" and a2["status"] == "confirmed"
    assert a2["tasks"][0]["text"].startswith("Chỉ đạo cứng hóa") and a2["tasks"][1]["status"] == "rejected"
    assert [t["id"] for t in a2["tasks"]] == [t["id"] for t in a["tasks"]]
    assert api.get(f"/api/duplicates/{pair['id']}").json()["status"] == "duplicate"
    assert api.get("/api/duplicates", params={"status": "all"}).json()["total"] == dups["total"]


def test_zip_upload_is_expanded(api):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("2022/a.txt", "Năm 2022, đồng chí Hoàng Văn Sơn, Chủ tịch UBND xã Bình An được giao 1 việc "
                                  "đột phá là: xây dựng nhà văn hóa thôn Bản Pài.")
        zf.writestr("2022/b.docx", make_docx(decision_lines()))
        zf.writestr("__MACOSX/._a.txt", "junk")
    up = api.upload([("lo-2022.zip", buf.getvalue())])
    assert sorted(u["name"] for u in up) == ["a.txt", "b.docx"]
    docs = api.wait([u["id"] for u in up])
    assert all(d["status"] == "done" for d in docs)
    listed = api.get("/api/documents", params={"status": "done", "unit": "binh an"}).json()
    assert [d["name"] for d in listed["items"]] == ["a.txt"]


def test_bad_requests_are_4xx(api):
    assert api.get("/api/documents/999").status_code == 404
    assert api.get("/api/assignments/999").status_code == 404
    assert api.patch("/api/tasks/999", json={"status": "confirmed"}).status_code == 404
    assert api.get("/api/export", params={"format": "pdf"}).status_code == 422
    assert api.post("/api/documents", role="clerk").status_code == 422
    r = api.post("/api/documents", role="clerk", files=[("file", ("a.txt", b"x"))], data={"hints": "[1]"})
    assert r.status_code == 422
