"""Each ingest worker OCRs with one Tesseract: ``--workers N`` uses about N cores. The
share reaches the workers in the settings their pool gives them, not the environment."""
from __future__ import annotations

import os


def test_each_worker_gets_one_core_for_ocr(monkeypatch):
    from service.jobs import ProcessPool, pool_settings
    from service.processing import extractor_config
    from service.settings import get_settings

    monkeypatch.delenv("GIAOVIEC_OCR_PROCESSES", raising=False)
    get_settings.cache_clear()
    cores = os.cpu_count() or 1
    try:
        for workers in (1, cores, cores * 4):  # one worker asked for: one core, not all of them; never zero
            pool = ProcessPool(workers, get_settings(), report=lambda i: {"status": "done"})
            assert pool.settings.ocr_processes == 1
            assert extractor_config(pool.settings).ocr_processes == 1
        assert "GIAOVIEC_OCR_PROCESSES" not in os.environ
        monkeypatch.setenv("GIAOVIEC_OCR_PROCESSES", "3")
        get_settings.cache_clear()
        assert pool_settings(get_settings()).ocr_processes == 3  # the operator's word wins
        assert extractor_config().ocr_processes == 3
    finally:
        monkeypatch.delenv("GIAOVIEC_OCR_PROCESSES", raising=False)
        get_settings.cache_clear()
