"""Second readings stored by the reader (``WordBox.rereads``) used by the repair in the
real pipeline: a scan through ``read()`` and ``extract_document``, no image at repair time."""
from __future__ import annotations

from dataclasses import replace

import pytest

from extractor.pipeline import extract_document
from extractor.read.boxes import OcrCell
from extractor.records import Document
from extractor.repair import name_rereads


def _without_rereads(doc: Document) -> Document:
    """The same OCR output with the second readings taken off the words."""
    def cell(c):
        return replace(c, words=tuple(replace(w, rereads=()) for w in c.words)) if isinstance(c, OcrCell) else c

    return replace(doc, tables=tuple(replace(t, rows=tuple(tuple(cell(c) for c in row) for row in t.rows))
                                     for t in doc.tables))


def _scan(tmp_path, seed: int, severity: str):
    """A decision of ours (bench/scans.py) scanned at ``severity``, read by ``read()``:
    (document, the names drawn in its appendix)."""
    from bench.scans import degrade, render_decision, save_pdf
    from extractor.read import engine, read

    if not engine.inprocess_available("vie"):
        pytest.skip("Tesseract in process (tesserocr) with Vietnamese data is needed for the second reading")
    d = seed - 500
    pages = render_decision(seed=seed, people=7, repeat_header=d % 2 == 0)
    truth = {t.cells[(r, 1)] for p in pages for t in p.tables for r in range(t.nrows)
             if (r, 1) in t.cells and t.cells[(r, 1)] != "Họ và tên"}
    images = [degrade(p, severity, seed=d * 10 + i, back=pages[i - 1] if i else None) for i, p in enumerate(pages)]
    return read(save_pdf(images, tmp_path / f"{severity}-{seed}.pdf", dpi=200)), truth


def _as_read(doc: Document, a) -> str:
    span = a.cadre.span
    return doc.pages[span.page - 1].text[span.start:span.end]


@pytest.mark.slow
def test_a_damaged_name_of_a_scan_is_restored_by_its_stored_second_reading(tmp_path):
    """Copy-of-a-copy scan: "Phạm Đức Hiền" is read "Hiến”" (a real given name, with a
    speck); the first repair keeps "Hiến", the three second readings of its line, stored
    on its word while the cell strip was read, all see "Hiền" and the vote restores it,
    saying what each reading saw."""
    doc, truth = _scan(tmp_path, 501, "copy")
    assert "Phạm Đức Hiền" in truth
    found = [a for a in extract_document(doc).assignments if "Hiến" in _as_read(doc, a)]
    assert found, "the name is no longer read damaged: pick another scan"
    a = found[0]
    assert name_rereads(doc, a.cadre) is not None
    assert a.cadre.text == "Phạm Đức Hiền"
    why = next(r.reason for r in a.repairs if r.field == "cadre" and "đọc lại ảnh" in r.reason)
    assert "'Hiền', 'Hiền', 'Hiền'" in why
    # the same OCR output without the stored readings: the first repair alone keeps "Hiến"
    bare = [b for b in extract_document(_without_rereads(doc)).assignments if "Hiến" in _as_read(doc, b)]
    assert bare and bare[0].cadre.text != "Phạm Đức Hiền"


@pytest.mark.slow
def test_correct_names_read_again_are_not_changed(tmp_path):
    """Copy-of-a-copy scan: names read right but unsure ("Đỗ Ngọc Yến" here; which name
    depends on the scan's noise) carry second readings and stay as read."""
    doc, truth = _scan(tmp_path, 508, "copy")
    checked = 0
    for a in extract_document(doc).assignments:
        read = _as_read(doc, a)
        if read in truth:
            assert a.cadre.text == read, a.repairs
            checked += name_rereads(doc, a.cadre) is not None
    assert checked >= 1
