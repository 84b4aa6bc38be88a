"""The review queue's API (issue 14): add a missed cadre or task with the span selected in
the source, delete a wrong one (reviewers only, audited, kept by a re-run), the backlog's
progress and the next document waiting."""
from __future__ import annotations

from ..test_processing import _extraction
from .test_lists import PEOPLE, _seed

PAGE = "Năm 2022, đồng chí Phạm Văn Tuấn, Chủ tịch UBND xã Tân Mỹ được giao: làm 3 km kênh mương nội đồng."


def _doc_with_text() -> int:
    from service.processing import merge_extraction, store_upload
    from service.storage.db import session_scope
    from service.storage.models import Page

    with session_scope() as s:
        doc, _ = store_upload(s, PAGE.encode(), "qd-them.txt")
        doc.status = "done"
        s.add(Page(document_id=doc.id, number=1, text=PAGE))
        merge_extraction(s, doc, _extraction(PEOPLE[:1]))
        return doc.id


def test_a_reviewer_adds_a_missed_cadre_and_task_with_their_spans(api):
    doc_id = _doc_with_text()
    start = PAGE.index("Phạm Văn Tuấn")
    body = {"document_id": doc_id, "cadre": "Phạm Văn Tuấn", "position": "Chủ tịch UBND xã Tân Mỹ",
            "period_start": 2022, "span": {"page": 1, "start": start, "end": start + len("Phạm Văn Tuấn")}}
    assert api.post("/api/assignments", role="clerk", json=body).status_code == 403
    r = api.post("/api/assignments", role="reviewer", json=body)
    assert r.status_code == 201, r.text
    a = r.json()
    assert (a["cadre"], a["status"], a["span"]["start"]) == ("Phạm Văn Tuấn", "confirmed", start)
    assert a["fields"]["cadre"]["source"] == "reviewer" and a["period"]["start"] == 2022
    t_start = PAGE.index("làm 3 km")
    r = api.post("/api/tasks", role="reviewer", json={"assignment_id": a["id"], "text": "làm 3 km kênh mương nội đồng",
                                                       "span": {"page": 1, "start": t_start, "end": len(PAGE) - 1}})
    assert r.status_code == 201, r.text
    t = r.json()
    assert PAGE[t["span"]["start"]:t["span"]["end"]] == t["text"] and t["status"] == "confirmed"
    # the register and the export hold them at once
    assert [x["text"] for x in api.get("/api/tasks", params={"cadre": "pham van tuan"}).json()["items"]] == [t["text"]]
    assert api.get("/api/tasks", params={"cadre": "pham van tuan", "year": 2022}).json()["total"] == 1
    # audited as created, by whom
    log = api.get("/api/audit", params={"entity": "task", "entity_id": t["id"]}).json()["items"]
    assert (log[0]["action"], log[0]["user_name"], log[0]["after"]["text"]) == ("create", "reviewer-1", t["text"])
    # a span outside the page, on a missing page, or an unknown document is refused
    bad = {**body, "span": {"page": 1, "start": 10, "end": len(PAGE) + 5}}
    assert api.post("/api/assignments", role="reviewer", json=bad).status_code == 422
    assert api.post("/api/assignments", role="reviewer", json={**body, "span": {"page": 2, "start": 0, "end": 3}}
                    ).status_code == 422
    assert api.post("/api/assignments", role="reviewer", json={**body, "document_id": 999}).status_code == 404
    assert api.post("/api/tasks", role="reviewer", json={"assignment_id": 999, "text": "x"}).status_code == 404


def test_added_records_survive_a_rerun_and_deleted_ones_are_audited(api):
    from service.processing import merge_extraction
    from service.storage.db import session_scope
    from service.storage.models import Document

    doc_id = _doc_with_text()
    a = api.post("/api/assignments", role="reviewer", json={"document_id": doc_id, "cadre": "Phạm Văn Tuấn"}).json()
    t = api.post("/api/tasks", role="reviewer", json={"assignment_id": a["id"], "text": "Làm kênh mương"}).json()
    (extracted,) = [x for x in api.get(f"/api/documents/{doc_id}/assignments").json() if x["id"] != a["id"]]
    wrong = extracted["tasks"][1]
    assert api.client.delete(f"/api/tasks/{wrong['id']}", headers=api.h("clerk")).status_code == 403
    assert api.client.delete(f"/api/tasks/{wrong['id']}", headers=api.h("reviewer")).status_code == 204
    assert api.client.delete(f"/api/tasks/{wrong['id']}", headers=api.h("reviewer")).status_code == 404
    log = api.get("/api/audit", params={"entity": "task", "entity_id": wrong["id"]}).json()["items"]
    assert log[0]["action"] == "delete" and log[0]["before"]["text"] == wrong["text"] and log[0]["after"] is None
    with session_scope() as s:  # a re-run of the same model
        merge_extraction(s, s.get(Document, doc_id), _extraction(PEOPLE[:1]))
    after = {x["cadre"]: x for x in api.get(f"/api/documents/{doc_id}/assignments").json()}
    assert [x["text"] for x in after["Phạm Văn Tuấn"]["tasks"]] == [t["text"]]
    # deleting a cadre takes its tasks along; the audit log keeps them
    assert api.client.delete(f"/api/assignments/{a['id']}", headers=api.h("reviewer")).status_code == 204
    assert api.get(f"/api/assignments/{a['id']}").status_code == 404
    log = api.get("/api/audit", params={"entity": "assignment", "entity_id": a["id"]}).json()["items"]
    assert log[0]["action"] == "delete" and log[0]["before"]["tasks"][0]["text"] == t["text"]


def test_progress_and_next_document_waiting(api):
    ids = _seed(3)  # 3 documents x 4 cadres (7 tasks each)
    from service.storage.db import session_scope
    from service.storage.models import Document

    with session_scope() as s:
        for i in ids:
            s.get(Document, i).status = "done"
    p = api.get("/api/review/progress", role="clerk").json()
    assert p["assignments"] == {"total": 12, "reviewed": 0} and p["tasks"] == {"total": 21, "reviewed": 0}
    assert p["documents"] == {"total": 3, "reviewed": 0} and p["waiting_documents"] == 3
    assert api.get("/api/review/next").json()["document_id"] == ids[0]
    assert api.get("/api/review/next", params={"after": ids[0]}).json()["document_id"] == ids[1]
    # the first document wholly reviewed: skipped; after the last, round to the oldest waiting
    a_ids = [a["id"] for a in api.get("/api/assignments", params={"document_id": ids[0]}).json()["items"]]
    t_ids = [t["id"] for t in api.get("/api/tasks", params={"document_id": ids[0]}).json()["items"]]
    api.post("/api/review/bulk", role="reviewer", json={"assignment_ids": a_ids, "task_ids": t_ids,
                                                         "status": "confirmed"})
    p = api.get("/api/review/progress").json()
    assert p["assignments"]["reviewed"] == 4 and p["tasks"]["reviewed"] == 7
    assert p["documents"] == {"total": 3, "reviewed": 1} and p["waiting_documents"] == 2
    assert api.get("/api/review/next").json()["document_id"] == ids[1]
    assert api.get("/api/review/next", params={"after": ids[2]}).json()["document_id"] == ids[1]
    nxt = api.get("/api/review/next", params={"after": ids[1]}).json()
    assert nxt["document_id"] == ids[2] and nxt["open_reviews"] == 11
    for i in ids[1:]:
        api.post("/api/review/bulk", role="reviewer", json={
            "assignment_ids": [a["id"] for a in api.get("/api/assignments", params={"document_id": i}).json()["items"]],
            "task_ids": [t["id"] for t in api.get("/api/tasks", params={"document_id": i}).json()["items"]],
            "status": "rejected"})
    assert api.get("/api/review/next", params={"after": ids[0]}).json() == {"document_id": None, "name": None,
                                                                           "open_reviews": 0}


def test_duplicate_decisions_have_a_history_and_are_found_by_task(api):
    from service.storage.db import session_scope
    from service.storage.models import DuplicatePair

    _seed()
    tasks = api.get("/api/tasks", params={"limit": 500}).json()["items"]
    t = sorted(x["id"] for x in tasks)
    with session_scope() as s:
        s.add_all([DuplicatePair(task_a_id=t[0], task_b_id=t[1], score=91, status="pending"),
                   DuplicatePair(task_a_id=t[2], task_b_id=t[3], score=88, status="pending")])
    pairs = api.get("/api/duplicates", params={"status": "all"}).json()["items"]
    first = next(p for p in pairs if p["a"]["task_id"] == t[0])
    api.post(f"/api/duplicates/{first['id']}/decision", role="reviewer", json={"decision": "duplicate"})
    api.post(f"/api/duplicates/{first['id']}/decision", role="reviewer", json={"decision": "pending"})
    api.post(f"/api/duplicates/{first['id']}/decision", role="admin", json={"decision": "distinct"})
    hist = api.get("/api/duplicates/decisions", role="clerk").json()
    assert hist["total"] == 3
    assert [(h["decision"], h["user_name"]) for h in hist["items"]] == [
        ("distinct", "admin-1"), ("pending", "reviewer-1"), ("duplicate", "reviewer-1")]
    assert hist["items"][0]["pair"]["status"] == "distinct" and hist["items"][0]["at"]
    # the pairs a record is in, by task id (the register marks its rows with them)
    got = api.get("/api/duplicates", params={"status": "all", "task_id": [t[1], t[3]]}).json()["items"]
    assert sorted(p["b"]["task_id"] for p in got) == [t[1], t[3]]
    assert api.get("/api/duplicates", params={"status": "all", "task_id": t[5]}).json()["items"] == []
