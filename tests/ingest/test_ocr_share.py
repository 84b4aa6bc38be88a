"""Each ingest worker OCRs with one Tesseract: ``--workers N`` uses about N cores."""
from __future__ import annotations

import os


def test_each_worker_gets_one_core_for_ocr(monkeypatch):
    from service.ingest import _ocr_share
    from service.settings import get_settings

    monkeypatch.delenv("GIAOVIEC_OCR_PROCESSES", raising=False)
    get_settings.cache_clear()
    cores = os.cpu_count() or 1
    assert _ocr_share(1) == 1  # one worker asked for: one core, not all of them
    assert _ocr_share(cores) == 1
    assert _ocr_share(cores * 4) == 1  # never zero
    monkeypatch.setenv("GIAOVIEC_OCR_PROCESSES", "3")
    get_settings.cache_clear()
    try:
        assert _ocr_share(2) == 3  # the operator's word wins
        from service.processing import extractor_config

        assert extractor_config().ocr_processes == 3
    finally:
        monkeypatch.delenv("GIAOVIEC_OCR_PROCESSES")
        get_settings.cache_clear()
