"""Jobs end (issue 13): a document whose worker is lost again and again fails with a
reason instead of being queued forever; a job past its deadline is failed and let go;
work folders of stopped workers are removed."""
from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import update

from ..documents import decision_lines, make_scan_pdf


def _lose(doc_id: int, stale_seconds: int) -> bool:
    """What a worker killed mid-job leaves (its row processing, the heartbeat gone stale),
    then the sweeper's requeue."""
    from service.jobs import requeue
    from service.storage.db import session_scope
    from service.storage.models import Document, utcnow

    with session_scope() as s:
        s.execute(update(Document).where(Document.id == doc_id)
                  .values(status="processing", job_id="killed", heartbeat_at=utcnow() - timedelta(hours=1),
                          attempts=Document.attempts + 1))
    with session_scope() as s:
        return requeue(s, doc_id, lost_only=True, stale_seconds=stale_seconds)


def test_a_document_that_keeps_killing_its_worker_fails_with_a_reason(service):
    from service.jobs import requeue
    from service.processing import process_document, store_upload
    from service.storage.db import session_scope
    from service.storage.models import Document

    with session_scope() as s:
        doc, _ = store_upload(s, "\n".join(decision_lines()).encode(), "qd.txt")
        doc_id = doc.id
    for _ in range(service.max_attempts):
        assert _lose(doc_id, service.stale_seconds)
    process_document(doc_id)
    with session_scope() as s:
        d = s.get(Document, doc_id)
        assert (d.status, d.error_code, d.losses) == ("failed", "crashed", service.max_attempts)
        assert "stopped 3 times" in d.error_message and "re-run" in d.error_message
    # a user's re-run starts the count over, and the document is read
    with session_scope() as s:
        assert requeue(s, doc_id, stale_seconds=service.stale_seconds)
    process_document(doc_id)
    with session_scope() as s:
        d = s.get(Document, doc_id)
        assert (d.status, d.losses) == ("done", 0)


def test_a_job_past_its_deadline_is_failed_and_its_late_result_dropped(service, monkeypatch):
    from service.processing import process_document, store_upload
    from service.settings import get_settings
    from service.storage.db import session_scope
    from service.storage.models import Document

    monkeypatch.setenv("GIAOVIEC_JOB_SECONDS", "1")
    monkeypatch.setenv("GIAOVIEC_STALE_SECONDS", "4")  # a beat a second
    get_settings.cache_clear()
    import service.processing as processing

    real_extract = processing._extract

    def slow_extract(*args, **kwargs):
        # the real extraction, made to outlast the deadline whatever the machine's speed
        # (three scanned pages took 1.2 s on an idle CI machine)
        time.sleep(2.5)
        return real_extract(*args, **kwargs)

    monkeypatch.setattr(processing, "_extract", slow_extract)
    with session_scope() as s:
        doc, _ = store_upload(s, make_scan_pdf(decision_lines(), pages=3), "scan.pdf")
        doc_id = doc.id
    t = time.monotonic()
    process_document(doc_id)
    assert time.monotonic() - t > 1.5, "the document was read faster than the deadline; make it slower"
    with session_scope() as s:
        d = s.get(Document, doc_id)
        assert (d.status, d.error_code) == ("failed", "timeout"), (d.status, d.error_code, d.error_message)
        assert "longer than 1 s" in d.error_message and d.runs == 0 and not d.assignments


def test_work_folders_of_stopped_workers_are_removed(service, tmp_path, monkeypatch):
    import tempfile

    from service.jobs import clean_temp

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    old = tmp_path / "giaoviec-ocr-dead"
    old.mkdir()
    (old / "page-0001.png").write_bytes(b"x" * 1000)
    new = tmp_path / "giaoviec-ocr-live"
    new.mkdir()
    other = tmp_path / "someone-else"
    other.mkdir()
    past = time.time() - 3 * 3600
    os.utime(old, (past, past))
    os.utime(other, (past, past))
    upload = Path(service.data_dir) / "tmp" / "upload-dead"
    upload.mkdir(parents=True)
    os.utime(upload, (past, past))
    assert clean_temp(max_age=3600) == 2
    assert not old.exists() and not upload.exists() and new.exists() and other.exists()
