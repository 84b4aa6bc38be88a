"""Tesseract's word confidences reach the name repair in the real pipeline (issue 12 part 2).

The reader keeps each word's confidence at its place in the page text
(``Page.word_confidences``, prose and table cells alike); ``extract_document`` hands the
Document to the repair, which looks up the words of each cadre's span. A low confidence
is evidence of a slip (see tests/repair/test_evidence.py): here it decides a repair, so
these tests fail when the confidences stop arriving.
"""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from extractor.pipeline import extract_document
from extractor.records import Document, Field, Page, Span
from extractor.repair import name_confidences

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/ is not installed

TEXT = ("Năm 2022, đồng chí Hàn Nính Tuất, Chủ tịch UBND xã Hòa Phú được giao 2 việc là "
        "làm đường thôn 3; xây chợ xã.")


def _scanned(confidence_of_nính: float | None) -> Document:
    """TEXT as an OCR'd page, every word read at 95/100 but "Nính" at the given confidence."""
    confs = []
    at = 0
    for word in TEXT.split():
        start = TEXT.index(word, at)
        at = start + len(word)
        conf = confidence_of_nính if word == "Nính" else 95.0
        if conf is not None:
            confs.append((start, at, conf))
    return Document("scan.pdf", "", "pdf", (Page(1, TEXT, ocr=True, word_confidences=tuple(confs)),))


def test_a_low_confidence_on_the_page_decides_the_repair_in_extract():
    # "Nính" may be a rare real middle name: read confidently it stays, read at 60/100 it is
    # the slip of "Ninh"; only the page's confidences can tell the two apart
    (sure,) = extract_document(_scanned(96.0)).assignments
    assert sure.cadre.text == "Hàn Nính Tuất" and not sure.repairs
    (unsure,) = extract_document(_scanned(60.0)).assignments
    assert unsure.cadre.text == "Hàn Ninh Tuất"
    assert [(r.original, r.repaired) for r in unsure.repairs] == [("Nính", "Ninh")]
    assert "60/100" in unsure.repairs[0].reason
    # the span still points at what was read
    assert TEXT[unsure.cadre.span.start:unsure.cadre.span.end] == "Hàn Nính Tuất"


def test_a_page_without_confidences_is_repaired_as_before():
    (a,) = extract_document(_scanned(None)).assignments
    assert a.cadre.text == "Hàn Nính Tuất" and not a.repairs


def test_name_confidences_follow_the_span_not_the_repaired_text():
    doc = _scanned(60.0)
    start = TEXT.index("Hàn")
    field = Field("Hàn Ninh Tuất", Span(1, start, start + len("Hàn Nính Tuất")))
    assert name_confidences(doc, field) == [95.0, 60.0, 95.0]
    # no span, another page, or a span whose words are not the field's: nothing to say
    assert name_confidences(doc, replace(field, span=None)) is None
    assert name_confidences(doc, replace(field, span=Span(2, start, start + 13))) is None
    assert name_confidences(doc, replace(field, span=Span(1, start, start + 3))) is None


@pytest.mark.slow
def test_a_scanned_decision_gives_a_confidence_for_every_word_of_its_cadres(tmp_path):
    """An office scan of a decision and its appendix table, read by OCR: the words of the
    prose are placed in the page text with their confidences, and so is every word of each
    cadre the pipeline finds in the table."""
    from bench.scans import degrade, render_decision, save_pdf
    from extractor.read import read
    from extractor.read.ocr import tesseract_available

    if not tesseract_available("vie"):
        pytest.skip("tesseract-ocr-vie is not installed")
    pages = render_decision(seed=2, people=4)
    images = [degrade(p, "office", seed=20 + i, back=pages[i - 1] if i else None) for i, p in enumerate(pages)]
    doc = read(save_pdf(images, tmp_path / "decision.pdf", dpi=200))
    prose = doc.pages[0]
    placed = {prose.text[s:e] for s, e, _ in prose.word_confidences}
    words = prose.text.split()
    assert sum(w in placed for w in words) >= 0.9 * len(words)
    assert all(0 <= c <= 100 and prose.text[s:e].strip() == prose.text[s:e]
               for s, e, c in prose.word_confidences)
    found = extract_document(doc).assignments
    assert len(found) >= 3
    for a in found:
        confs = name_confidences(doc, a.cadre)
        assert confs is not None and None not in confs, a.cadre
