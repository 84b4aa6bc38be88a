"""Word boxes of scanned table cells (issue 12): each cell read by OCR keeps its words
with their boxes on the page image, so the review page can highlight a field where it
was read. Pages are drawn by ``bench/scans.py``, so every cell's rectangle is known: a
word's box must lie inside its cell's, on the clean page and on an office scan (turned,
at 200 dpi), whose boxes must be taken back through the deskew."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/ is not installed

from bench.scans import degrade, render_decision, save_pdf
from extractor.read import read
from extractor.read.boxes import OcrCell, span_boxes
from extractor.read.ocr import tesseract_available
from extractor.records import Span

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not tesseract_available("vie"), reason="tesseract-ocr-vie is not installed")]


@pytest.fixture(scope="module")
def appendix():
    """Page 2 of a decision: the appendix table of three cadres, name cells merged."""
    return render_decision(seed=1, people=3)[1]


def _inside(box, rect, slack: float) -> bool:
    """(x, y, w, h) within the rectangle (x0, y0, x1, y1), give or take ``slack`` px."""
    x, y, w, h = box
    x0, y0, x1, y1 = rect
    return x >= x0 - slack and y >= y0 - slack and x + w <= x1 + slack and y + h <= y1 + slack


def _name_cells(doc, truth):
    """(row, cell read, the cell's drawn rectangle) of every name cell that owns its text."""
    (table,) = doc.tables
    return [(r, table.rows[r][1], truth.boxes[(r, 1)]) for r in range(1, truth.nrows)
            if (r, 1) in truth.boxes]


def test_clean_page_words_inside_their_cells(tmp_path, appendix):
    """A 300-dpi page read as it was drawn: each name cell's rectangle is the drawn one
    (within the rule's width) and each of its words lies inside it; the words give the
    cell's text in order, each at the characters it became."""
    path = tmp_path / "appendix.png"
    appendix.image.save(path, dpi=(300, 300))
    doc = read(path)
    truth = appendix.tables[0]
    cells = _name_cells(doc, truth)
    assert len(cells) == 3
    for _row, cell, rect in cells:
        assert isinstance(cell, OcrCell), type(cell)
        x, y, w, h = cell.box
        assert np.allclose((x, y, x + w, y + h), rect, atol=4), (cell.box, rect)
        assert cell.words and all(_inside((wd.x, wd.y, wd.w, wd.h), rect, 1) for wd in cell.words)
        assert [cell.text[wd.start:wd.end] for wd in cell.words] == cell.text.split()
        assert all(wd.page == 1 and wd.conf > 0 for wd in cell.words)


def test_office_scan_word_box_taken_back_through_deskew(tmp_path, appendix):
    """An office scan (turned 2.1°, 200 dpi, through an image-only PDF): each name cell's
    rectangle is the drawn one turned and scaled as the scanner did — in the scan's own
    pixels, not the deskewed page's (15-25 px apart there) — and the box of the cadre's
    given name, found from the span of the cell's last word as the service has it, lies
    inside it."""
    import cv2

    image = degrade(appendix, "office", seed=0)
    doc = read(save_pdf([image], tmp_path / "appendix.pdf", dpi=200))
    assert any(f.kind == "deskew" for f in doc.fixes)
    truth = appendix.tables[0]
    clean_w, clean_h = appendix.image.size
    turn = cv2.getRotationMatrix2D((clean_w / 2, clean_h / 2), image.info["skew"], 1.0)
    scale = image.size[0] / clean_w

    def scanned(rect):
        x0, y0, x1, y1 = rect
        pts = turn @ np.array([[x0, x1, x1, x0], [y0, y0, y1, y1], [1, 1, 1, 1]], float) * scale
        return pts[0].min(), pts[1].min(), pts[0].max(), pts[1].max()

    for r, cell, rect in _name_cells(doc, truth):
        x, y, w, h = cell.box
        assert np.allclose((x, y, x + w, y + h), scanned(rect), atol=5), (cell.box, scanned(rect))
        given = truth.cells[(r, 1)].split()[-1]
        assert cell.text.endswith(given), (cell.text, given)
        start = cell.span.start + len(cell.text) - len(given)
        (word,) = span_boxes(doc, Span(cell.span.page, start, cell.span.end))
        assert word.text == given
        assert _inside((word.x, word.y, word.w, word.h), scanned(rect), 2), (word, scanned(rect))
        # the box is the word's, not the cell's: a line of its two or more
        x0, y0, x1, y1 = scanned(rect)
        assert word.h < 0.5 * (y1 - y0) and word.w < 0.6 * (x1 - x0)


def test_merged_cell_repeats_its_words(tmp_path, appendix):
    """A name cell merged over a cadre's task rows is repeated in each row; a field found
    in a repetition is highlighted at the one place the name was read."""
    path = tmp_path / "appendix.png"
    appendix.image.save(path, dpi=(300, 300))
    doc = read(path)
    (table,) = doc.tables
    truth = appendix.tables[0]
    (r, c), (rowspan, _) = next(((rc, sp) for rc, sp in truth.spans.items() if rc[1] == 1))
    assert rowspan > 1
    owner, copy = table.rows[r][1], table.rows[r + 1][1]
    assert copy.merged_from == (r, 1) and copy.words == owner.words and copy.box == owner.box
    assert span_boxes(doc, copy.span) == list(owner.words)


def test_phone_photo_word_box_on_the_photo(tmp_path, appendix):
    """A phone photo of the appendix is flattened before it is read; the boxes are taken
    back through the flattening onto the photo itself: the given name of each cadre, cut
    out of the photo at its box, reads as that name again."""
    import subprocess

    photo = degrade(appendix, "phone", seed=3)
    path = tmp_path / "photo.jpg"
    photo.save(path)
    doc = read(path)
    assert any(f.kind == "perspective" for f in doc.fixes)
    truth = appendix.tables[0]
    (table,) = doc.tables
    checked = 0
    for r in range(1, truth.nrows):
        cell = table.rows[r][1]
        if cell.merged_from or not cell.words:
            continue
        word = cell.words[-1]
        assert word.text == truth.cells[(r, 1)].split()[-1]
        m = 3
        cut = photo.crop((word.x - m, word.y - m, word.x + word.w + m, word.y + word.h + m))
        cut = cut.resize((cut.width * 3, cut.height * 3))
        cut.save(tmp_path / "word.png")
        read_again = subprocess.run(["tesseract", str(tmp_path / "word.png"), "stdout", "-l", "vie", "--psm", "8"],
                                    capture_output=True, text=True, check=True).stdout.strip()
        assert read_again == word.text, (word, read_again)
        checked += 1
    assert checked == 3
