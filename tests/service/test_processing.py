"""Processing: read -> extract -> store, idempotent claims, failures kept, re-runs keep
reviewers' work. Uses the real reader and pipeline."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from .documents import decision_lines, make_docx

pytest.importorskip("extractor.pipeline")


def _store(data: bytes, name: str) -> int:
    from service.processing import store_upload
    from service.storage.db import session_scope

    with session_scope() as s:
        doc, _ = store_upload(s, data, name)
        return doc.id


def _doc(doc_id):
    from service.storage.db import session_scope
    from service.storage.models import Document

    with session_scope() as s:
        return s.get(Document, doc_id)


def test_process_docx_stores_pages_assignments_tasks(service):
    from service.processing import process_document
    from service.storage.db import session_scope
    from service.storage.models import Assignment, Page, Task

    doc_id = _store(make_docx(decision_lines()), "qd-47.docx")
    process_document(doc_id)
    d = _doc(doc_id)
    assert (d.status, d.stage, d.error_code, d.format, d.ocr, d.attempts, d.runs) == \
        ("done", "done", None, "docx", False, 1, 1)
    assert d.pages_done == d.pages >= 1
    with session_scope() as s:
        pages = s.scalars(select(Page).where(Page.document_id == doc_id)).all()
        rows = s.scalars(select(Assignment).where(Assignment.document_id == doc_id).order_by(Assignment.ordinal)).all()
        assert [a.cadre for a in rows] == ["Lương Văn Khải", "Phan Thị Ngọc Hà"]
        a = rows[0]
        assert (a.period_start, a.period_end, a.unit_folded) == (2022, 2022, "ubnd xa hoa phu")
        # every stored span points at the text it was read from
        page_text = {p.number: p.text for p in pages}
        for t in s.scalars(select(Task).where(Task.document_id == doc_id)):
            sp = t.span
            assert page_text[sp["page"]][sp["start"]:sp["end"]].rstrip(" ;.") .startswith(t.text[:20])
            assert t.year == 2022 and t.status == "pending"


def test_job_delivered_twice_runs_once(service):
    from service.processing import process_document
    from service.storage.db import session_scope
    from service.storage.models import Assignment

    doc_id = _store(make_docx(decision_lines(names=("Hà Văn Tuấn", "Đinh Thị Mai"))), "twice.docx")
    threads = [threading.Thread(target=process_document, args=(doc_id,)) for _ in range(3)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    process_document(doc_id)  # a late redelivery after it is done: skipped too
    d = _doc(doc_id)
    assert (d.status, d.attempts, d.runs) == ("done", 1, 1)
    with session_scope() as s:
        assert s.scalar(select(func.count()).select_from(Assignment).where(Assignment.document_id == doc_id)) == 2


@pytest.mark.parametrize("data,code", [(b"", "empty"), (b"\x00\x01\x02garbage\xff" * 50, "unsupported")])
def test_unreadable_file_fails_with_its_error_and_can_rerun(service, data, code):
    from service.jobs import requeue
    from service.processing import process_document
    from service.storage.db import session_scope

    doc_id = _store(data, "hong.bin")
    process_document(doc_id)
    d = _doc(doc_id)
    assert d.status == "failed" and d.stage == "failed"
    assert d.error_code in (code, "unreadable")
    assert "hong.bin" in d.error_message  # the message names the user's file, not the store path
    with session_scope() as s:
        assert requeue(s, doc_id, stale_seconds=service.stale_seconds)
    assert _doc(doc_id).status == "queued"
    process_document(doc_id)
    d2 = _doc(doc_id)
    assert (d2.status, d2.error_code, d2.attempts) == ("failed", d.error_code, 2)


def test_missing_original_fails_visibly(service):
    from service.processing import original_path, process_document

    doc_id = _store(b"Nam 2022 dong chi", "gone.txt")
    original_path(_doc(doc_id)).unlink()
    process_document(doc_id)
    d = _doc(doc_id)
    assert d.status == "failed" and "upload the file again" in d.error_message


def _extraction(assignments):
    from extractor.records import Assignment, Extraction, Field, Period, Span, Task

    out = []
    for i, (cadre, unit, tasks) in enumerate(assignments):
        out.append(Assignment(
            cadre=Field(cadre, Span(1, i * 100, i * 100 + len(cadre)), 0.9),
            position=Field("Chủ tịch " + unit, None, 0.8), unit=Field(unit, None, 0.8),
            period=Period("Năm 2022", 2022, 2022),
            tasks=tuple(Task(t, Span(1, i * 100 + 20 + j, i * 100 + 30 + j), confidence=0.7)
                        for j, t in enumerate(tasks)),
            span=Span(1, i * 100, i * 100 + 90), confidence=0.85))
    return Extraction(source="x", assignments=tuple(out))


def test_rerun_with_a_new_model_keeps_reviewer_work(service):
    """A newer model's extraction replaces what the old one said, never what reviewers did."""
    from service.processing import merge_extraction
    from service.storage.db import session_scope
    from service.storage.models import Assignment, Document, DuplicatePair, Task

    doc_id = _store(b"placeholder for merge", "merge.txt")
    old = _extraction([("Nguyễn Văn An", "UBND xã Tân Mỹ", ["Làm đường thôn 1", "Trồng rừng 10 ha"]),
                       ("Lê Thị Bình", "UBND xã Yên Lập", ["Xây nhà văn hóa", "Kết nạp 5 đảng viên"]),
                       ("Trần Văn Cường", "UBND xã Phúc Sơn", ["Việc không ai xem"])])
    with session_scope() as s:
        merge_extraction(s, s.get(Document, doc_id), old)
    with session_scope() as s:
        an, bi, cu = s.scalars(select(Assignment).order_by(Assignment.ordinal)).all()
        an.unit, an.corrected, an.status = "UBND xã Tân Mỹ, huyện Chiêm Hóa", ["unit"], "confirmed"
        t1 = an.tasks[0]
        t1.text, t1.corrected = "Làm 2 km đường thôn 1", True
        bi.tasks[1].status = "rejected"
        pair = DuplicatePair(task_a_id=an.tasks[1].id, task_b_id=bi.tasks[0].id, score=90, status="distinct")
        s.add(pair)
        ids = {"an": an.id, "t1": t1.id, "bi": bi.id, "rejected": bi.tasks[1].id, "paired": bi.tasks[0].id}
    new = _extraction([("Nguyễn Văn An", "UBND xã Tân Mỹ mới", ["Làm đường thôn 1", "Trồng rừng 10 ha",
                                                               "Việc mới thêm"]),
                       ("Trần Văn Cường", "UBND xã Phúc Sơn", ["Việc khác hẳn"])])
    with session_scope() as s:
        merge_extraction(s, s.get(Document, doc_id), new)
    with session_scope() as s:
        an = s.get(Assignment, ids["an"])
        assert an.unit == "UBND xã Tân Mỹ, huyện Chiêm Hóa" and an.status == "confirmed"  # corrected: kept
        assert an.position == "Chủ tịch UBND xã Tân Mỹ mới"  # not corrected: the new model's value
        assert [t.text for t in an.tasks] == ["Làm 2 km đường thôn 1", "Trồng rừng 10 ha", "Việc mới thêm"]
        assert an.tasks[0].id == ids["t1"] and an.tasks[0].extracted_text == "Làm đường thôn 1"
        # Lê Thị Bình is gone from the new extraction but had reviewed tasks: kept, with a warning
        bi = s.get(Assignment, ids["bi"])
        assert bi is not None and any("re-read" in w for w in bi.warnings)
        assert s.get(Task, ids["rejected"]).status == "rejected" and s.get(Task, ids["paired"]) is not None
        # Trần Văn Cường was never reviewed: his old task is replaced
        cu = s.scalar(select(Assignment).where(Assignment.cadre == "Trần Văn Cường"))
        assert [t.text for t in cu.tasks] == ["Việc khác hẳn"]
        assert s.scalar(select(func.count()).select_from(DuplicatePair)) == 1


def test_rerun_keeps_one_row_per_record_when_names_and_texts_repeat(service):
    """Two assignments of one cadre and two tasks of one text: a re-run matches old rows
    to new records one to one by (name or text, span), and does not duplicate them
    (issue 13: matching by name alone left the second row behind and added a new one)."""
    from service.processing import merge_extraction
    from service.storage.db import session_scope
    from service.storage.models import Assignment, Document, Task

    doc_id = _store(b"placeholder for repeated names", "lap.txt")
    first = [("Nguyễn Văn An", "UBND xã Tân Mỹ", ["Trồng rừng", "Trồng rừng"]),
             ("Nguyễn Văn An", "UBND xã Yên Lập", ["Làm đường", "Trồng rừng"])]
    with session_scope() as s:
        merge_extraction(s, s.get(Document, doc_id), _extraction(first))
    with session_scope() as s:
        one, two = s.scalars(select(Assignment).order_by(Assignment.ordinal)).all()
        two.status = "confirmed"
        one.tasks[1].text, one.tasks[1].corrected = "Trồng 10 ha rừng", True
        before = {"one": one.id, "two": two.id, "tasks": [t.id for t in one.tasks + two.tasks],
                  "corrected": one.tasks[1].id}

    def stored():
        with session_scope() as s:
            rows = s.scalars(select(Assignment).where(Assignment.document_id == doc_id)
                             .order_by(Assignment.ordinal)).all()
            return ([(a.id, a.unit, a.status) for a in rows],
                    [[(t.id, t.text) for t in a.tasks] for a in rows],
                    s.scalar(select(func.count()).select_from(Task)))

    # The same extraction again: every row is its own old row, nothing added.
    with session_scope() as s:
        merge_extraction(s, s.get(Document, doc_id), _extraction(first))
    rows, tasks, n_tasks = stored()
    assert rows == [(before["one"], "UBND xã Tân Mỹ", "pending"), (before["two"], "UBND xã Yên Lập", "confirmed")]
    assert [t for a in tasks for t, _ in a] == before["tasks"] and n_tasks == 4
    assert tasks[0][1] == (before["corrected"], "Trồng 10 ha rừng")

    # Spans before order: the first An is gone from the new reading, the second is read
    # where it was; it keeps its own row, and the first (a task corrected) is kept aside.
    import dataclasses

    both = _extraction(first)
    with session_scope() as s:
        merge_extraction(s, s.get(Document, doc_id), dataclasses.replace(both, assignments=both.assignments[1:]))
    rows, tasks, n_tasks = stored()
    assert sorted(rows) == [(before["one"], "UBND xã Tân Mỹ", "pending"),
                            (before["two"], "UBND xã Yên Lập", "confirmed")] and n_tasks == 4
    with session_scope() as s:
        one, two = s.get(Assignment, before["one"]), s.get(Assignment, before["two"])
        assert any("re-read" in w for w in one.warnings) and not any("re-read" in w for w in two.warnings)
        assert [t.id for t in one.tasks] == before["tasks"][:2]
        assert [t.id for t in two.tasks] == before["tasks"][2:]
