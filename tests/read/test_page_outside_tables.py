"""What Tesseract reads of a page once its tables are cut out (issue 12, throughput).

The cells are read apart; the rest of the page (a heading, a signature) goes to
Tesseract alone. Two things made that part slow and wrong: with the dark table gone,
Tesseract's threshold fell to the faint bleed-through of the other side and read it as
lines of garbage (several times the page's own cost), and a blank page still costs its
whole area. So paper stays paper as judged on the whole page, and only the part that
holds anything is read, its words put back where they were.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/ is not installed

from extractor.read.grid import find_tables
from extractor.read.ocr import tesseract_available
from extractor.read.ocr.page import _ink_extent


def test_ink_extent_is_the_part_that_holds_anything():
    page = np.full((2000, 1400), 255, np.uint8)
    page[300:340, 200:900] = 0  # a heading
    page[1500, 50] = 0  # a speck of toner: no reason to read the page's width
    x0, y0, x1, y1 = _ink_extent(page, 200)
    assert (x0, y0) == (200 - 20, 300 - 20) and (x1, y1) == (900 + 20, 340 + 20)
    assert _ink_extent(np.full((2000, 1400), 255, np.uint8), 200) == (0, 0, 64, 64)


def _ruled_page() -> np.ndarray:
    """A page with a dark ruled table and, outside it, dark heading ink and faint ink
    (bleed-through of the other side)."""
    page = np.full((2200, 1600), 245, np.uint8)
    page[150:190, 300:1300] = 20  # the heading
    page[2000:2040, 200:1400] = 205  # faint: the other side showing through
    for y in range(400, 1801, 200):
        page[y:y + 3, 150:1450] = 30
    for x in (150, 400, 900, 1450):
        page[400:1803, x:x + 3] = 30
    for y in range(460, 1800, 200):
        page[y:y + 25, 450:800] = 25  # text in the cells
    return page


def test_paper_stays_paper_once_the_tables_are_gone():
    from extractor.read.cells import stack_cells

    gray = _ruled_page()
    tables = find_tables(gray)
    assert tables
    page, strip, cuts = stack_cells(gray, tables, dpi=200)
    assert strip is not None and cuts
    assert (page[2000:2040, 200:1400] == 255).all()  # the faint ink is paper
    assert (page[150:190, 300:1300] == 20).all()  # the heading's ink is kept as it was
    assert (page[400:1800, 150:1450] == 255).all()  # the table painted out


@pytest.mark.slow
@pytest.mark.skipif(not tesseract_available("vie"), reason="tesseract-ocr-vie is not installed")
def test_a_continued_appendix_page_reads_its_heading_not_the_other_side(tmp_path):
    """Page 2 of an office scan, the back of page 1's table showing through: the heading
    and the note under it come before the table, in place, and no line of garbage is read
    from the bleed-through."""
    from bench.scans import degrade, render_decision
    from extractor.read import read

    pages = render_decision(seed=1, people=7)
    path = tmp_path / "appendix-2.png"
    degrade(pages[2], "office", seed=12, back=pages[1]).save(path, dpi=(200, 200))
    doc = read(path)
    (page,) = doc.pages
    outside = [b for b in doc.blocks if b.kind != "table"]
    assert sum(len(b.text.split()) for b in outside) < 15, [b.text for b in outside]
    path = tmp_path / "appendix-1.png"
    degrade(pages[1], "office", seed=11, back=pages[0]).save(path, dpi=(200, 200))
    doc = read(path)
    text = doc.pages[0].text
    heading = text.find("DANH SÁCH GIAO VIỆC")
    assert 0 <= heading < text.find("Kèm theo") < doc.tables[0].span.start
