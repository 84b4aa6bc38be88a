"""Units across the 2025 reform: records of "huyện Chiêm Hóa" from 2021 and of a commune
that replaced it in 2026 group under one key and are filtered together (issue 7)."""
from __future__ import annotations

import pytest

pytest.importorskip("extractor.pipeline")

OLD = ("Năm 2021, đồng chí Hoàng Văn Lợi, Chủ tịch UBND huyện Chiêm Hóa được giao 2 việc đột phá là "
       "chỉ đạo hoàn thành đường giao thông liên xã Phúc Sơn - Minh Quang; "
       "xây dựng chợ trung tâm huyện đạt chuẩn văn minh thương mại.\n")
NEW = ("Năm 2026, đồng chí Ma Thị Hạnh, Chủ tịch UBND xã Yên Nguyên được giao 2 việc đột phá là "
       "hoàn thành cứng hóa đường nội đồng thôn Bó Củng; "
       "thành lập hợp tác xã chè Shan tuyết của xã.\n")
ELSEWHERE = ("Năm 2022, đồng chí Trần Quốc Bảo, Chủ tịch UBND huyện Hải Hậu được giao 1 việc đột phá là "
             "hoàn thành đê biển đoạn qua xã Hải Lý.\n")


@pytest.mark.slow
def test_old_district_and_new_commune_share_a_unit_key(api):
    up = api.upload([("2021.txt", OLD.encode()), ("2026.txt", NEW.encode()), ("khac.txt", ELSEWHERE.encode())])
    docs = api.wait([u["id"] for u in up])
    assert [d["status"] for d in docs] == ["done"] * 3, docs
    items = api.get("/api/assignments", role="clerk").json()["items"]
    key = {a["cadre"]: a["unit_key"] for a in items}
    assert key["Hoàng Văn Lợi"] == key["Ma Thị Hạnh"] == "legacy:08.073"
    assert key["Trần Quốc Bảo"] not in (None, "legacy:08.073")

    units = {u["key"]: u for u in api.get("/api/units", role="clerk").json()}
    assert units["legacy:08.073"]["assignments"] == 2
    assert "Chiêm Hóa" in units["legacy:08.073"]["label"]

    found = api.get("/api/assignments?unit_key=legacy:08.073", role="clerk").json()
    assert sorted(a["cadre"] for a in found["items"]) == ["Hoàng Văn Lợi", "Ma Thị Hạnh"]
    tasks = api.get("/api/tasks?unit_key=legacy:08.073", role="clerk").json()
    assert tasks["total"] == 4
    # the current province (Tuyên Quang after the reform) holds both, not the other province's
    province = api.get("/api/assignments?unit_key=current:08", role="clerk").json()
    assert sorted(a["cadre"] for a in province["items"]) == ["Hoàng Văn Lợi", "Ma Thị Hạnh"]

    # a reviewer moving a record to another unit moves its keys too
    lợi = next(a for a in items if a["cadre"] == "Hoàng Văn Lợi")
    r = api.patch(f"/api/assignments/{lợi['id']}", role="reviewer", json={"unit": "UBND huyện Hải Hậu"})
    assert r.status_code == 200, r.text
    assert r.json()["unit_key"] == key["Trần Quốc Bảo"]
    found = api.get("/api/assignments?unit_key=legacy:08.073", role="clerk").json()
    assert [a["cadre"] for a in found["items"]] == ["Ma Thị Hạnh"]
