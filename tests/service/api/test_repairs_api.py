"""A name repaired after OCR is stored with what the scan said, and the API shows both (issue 12)."""
from __future__ import annotations

import pytest

from ..documents import decision_lines, make_scan_pdf

pytest.importorskip("extractor.pipeline")


@pytest.mark.slow
def test_repaired_name_is_stored_with_its_original(api):
    # the scan says "Trân Văn Đũng": OCR reads it faithfully, the repair makes it Trần Văn Dũng
    scan = make_scan_pdf(decision_lines(names=("Trân Văn Đũng", "Nông Thị Hồng"), year=2023))
    (up,) = api.upload([("qd-sua-ten.pdf", scan)])
    (doc,) = api.wait([up["id"]])
    assert (doc["status"], doc["ocr"]) == ("done", True)
    rows = api.get(f"/api/documents/{up['id']}/assignments").json()
    assert [a["cadre"] for a in rows] == ["Trần Văn Dũng", "Nông Thị Hồng"]
    repairs = rows[0]["fields"]["cadre"]["repairs"]
    assert [(r["original"], r["repaired"]) for r in repairs] == [("Trân", "Trần"), ("Đũng", "Dũng")]
    assert all(r["reason"] for r in repairs)
    assert "repairs" not in rows[1]["fields"]["cadre"]  # nothing repaired, nothing shown
    # the register lists it under the repaired name
    found = api.get("/api/assignments", params={"cadre": "tran van dung"}).json()
    assert found["total"] == 1 and found["items"][0]["fields"]["cadre"]["repairs"] == repairs
