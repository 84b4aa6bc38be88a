"""Normalising text (extractor/normalize.py) where the extraction depends on it; the reader's
normalisation tests are in tests/read/test_normalize.py."""
from __future__ import annotations


def test_a_date_or_a_code_broken_at_its_hyphen_keeps_it():
    from extractor.normalize import normalize_text

    text = normalize_text("từ ngày 8-\n11-2025, Văn phòng HĐND-\nUBND huyện")[0]
    assert "8-11-2025" in text and "HĐND-UBND" in text
