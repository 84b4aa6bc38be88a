"""Storage: migrations, content-addressed originals, same file twice, folding."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import inspect, select

from service.storage.fold import fold


def test_migrations_create_every_table(service):
    from service.storage.db import get_engine, init_db

    names = set(inspect(get_engine()).get_table_names())
    assert {"documents", "pages", "assignments", "tasks", "duplicate_pairs", "review_decisions", "users",
            "api_tokens", "audit_log", "alembic_version"} <= names
    init_db(service.database_url)  # a second run is a no-op, not an error
    with get_engine().connect() as c:
        from sqlalchemy import text

        assert c.execute(text("select version_num from alembic_version")).scalar() is not None


def test_upload_is_stored_before_processing(service):
    from service.processing import original_path, store_upload
    from service.storage.db import session_scope

    data = "Quyết định giao việc".encode()
    with session_scope() as s:
        doc, created = store_upload(s, data, "dir/qd.txt", user=None, hints={"year": 2022})
        doc_id = doc.id
    assert created
    with session_scope() as s:
        from service.storage.models import Document

        doc = s.get(Document, doc_id)
        # Nothing processed it, yet the original is on disk under its sha256.
        assert (doc.status, doc.stage, doc.name, doc.hints) == ("queued", "queued", "qd.txt", {"year": 2022})
        path = original_path(doc)
        assert path.read_bytes() == data
        assert path.parent.name == doc.sha256[:2] and path.name == doc.sha256[2:]
        assert str(path).startswith(str(service.data_dir))


def test_same_bytes_twice_is_one_document(service):
    from service.processing import store_upload
    from service.storage.db import session_scope
    from service.storage.models import Document

    with session_scope() as s:
        a, c1 = store_upload(s, b"abc", "a.txt")
    with session_scope() as s:
        b, c2 = store_upload(s, b"abc", "renamed.txt")
    assert (c1, c2) == (True, False) and a.id == b.id
    with session_scope() as s:
        assert s.scalar(select(Document).where(Document.sha256 == a.sha256)).name == "a.txt"


def test_concurrent_uploads_of_the_same_bytes_make_one_row(service):
    from sqlalchemy import func

    from service.processing import store_upload
    from service.storage.db import session_scope
    from service.storage.models import Document

    if service.database_url.startswith("sqlite"):
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    results, errors = [], []
    barrier = threading.Barrier(6)

    def go(i):
        try:
            barrier.wait()
            with session_scope() as s:
                results.append(store_upload(s, b"same bytes", f"f{i}.txt")[1])
        except Exception as err:  # collected and asserted below
            errors.append(err)

    threads = [threading.Thread(target=go, args=(i,)) for i in range(6)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert not errors
    assert sorted(results) == [False] * 5 + [True]
    with session_scope() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1


@pytest.mark.parametrize("text,key", [
    ("Hòa Phú", "hoa phu"), ("HOÀ PHÚ", "hoa phu"), ("Đỗ Văn Hiếu", "do van hieu"),
    ("Ủy ban nhân dân", "uy ban nhan dan"), ("  a,  b;c ", "a b c"), ("", ""), (None, ""),
])
def test_fold(text, key):
    assert fold(text) == key


def test_fold_is_idempotent_and_tone_placement_free():
    from hypothesis import given
    from hypothesis import strategies as st

    @given(st.text(max_size=40))
    def prop(s):
        assert fold(fold(s)) == fold(s)

    prop()
    assert fold("thuỷ lợi") == fold("thủy lợi")


def test_processes_upgrading_a_new_sqlite_database_together_all_succeed(tmp_path):
    """A Celery worker and `giaoviec ingest` starting at once on a new database both run
    the migrations; on SQLite a lock file serialises them (else "table ... already exists")."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    script = ("import sys\nfrom service.storage.db import init_db\n"
              "init_db(sys.argv[1])\nprint('ok')\n")
    procs = [subprocess.Popen([sys.executable, "-c", script, url], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [err[-400:] for _, err in results]
