"""A run takes its settings as an argument and hands them to its pool's workers: the
database, the stored originals and each worker's share of OCR come from the ``Settings``
given to ``ingest``, not from the environment (which points elsewhere here)."""
from __future__ import annotations

from service.ingest import ingest

from .conftest import db_rows, write_documents


def test_a_run_and_its_workers_use_the_settings_given_not_the_environment(tmp_path, monkeypatch):
    from service.settings import Settings, get_settings
    from service.storage import db

    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv("GIAOVIEC_DATABASE_URL", f"sqlite:///{elsewhere}.db")
    monkeypatch.setenv("GIAOVIEC_DATA_DIR", str(elsewhere))
    monkeypatch.delenv("GIAOVIEC_BROKER_URL", raising=False)
    get_settings.cache_clear()
    docs = write_documents(tmp_path / "in" / "2019", 2)
    settings = Settings(database_url=f"sqlite:///{tmp_path}/run.db", data_dir=tmp_path / "data")
    try:
        result = ingest(tmp_path / "in", workers=1, progress=False, settings=settings)
    finally:
        db.dispose()
        get_settings.cache_clear()
    assert result.counts["done"] == len(docs), result.report()
    env = {"GIAOVIEC_DATABASE_URL": settings.database_url}
    # Processed by the pool's worker (pages and tasks stored), in the database the settings name.
    assert db_rows(env, "SELECT count(*) FROM documents WHERE status = 'done' AND pages > 0") == [(len(docs),)]
    assert db_rows(env, "SELECT count(*) FROM tasks")[0][0] == result.totals["tasks"] > 0
    assert len([p for p in (tmp_path / "data" / "files").rglob("*") if p.is_file()]) == len(docs)
    assert not (tmp_path / "elsewhere.db").exists()
    assert not (elsewhere / "files").exists()
