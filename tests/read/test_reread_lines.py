"""The second reading of names in a table's cell strip (extractor/read/ocr/reread.py):
lines cut from the cleaned strip one at a time, what each condition read put on the words."""
from __future__ import annotations

import numpy as np
import pytest

from extractor.read.cells import Cut, words_by_cut
from extractor.read.engine import Word
from extractor.read.ocr.reread import CONDITIONS, _line_crop, _placed, read_lines_again, unsure_names


def _w(text: str, left: int, top: int, width: int = 40, height: int = 20, line: int = 1, conf: float = 95.0) -> Word:
    return Word(text, left, top, width, height, conf, 1, 1, line)


def test_each_word_of_a_second_reading_goes_to_the_word_it_lies_on():
    line = [_w("Trân", 100, 10), _w("Văn", 150, 10), _w("Hùng", 200, 10)]
    # read in a crop whose left edge is at x=80: "Trần" at 25-60 there is 105-140 on the image
    again = [_w("Trần", 25, 5), _w("Văn", 72, 5), _w("Hù", 120, 5, 15), _w("ng", 138, 5, 15)]
    placed = _placed(line, again, 80)
    assert [[t for t, _, _ in p] for p in placed] == [["Trần"], ["Văn"], ["Hù", "ng"]]
    # a reading that saw nothing where a word is leaves it empty
    assert [[t for t, _, _ in p] for p in _placed(line, again[:1], 80)] == [["Trần"], [], []]


def test_a_line_is_cut_without_the_line_above_or_below_it():
    image = np.full((200, 300), 255, np.uint8)
    first = [_w("Nguyễn", 10, 50, 60, 20), _w("Văn", 80, 50, 40, 20)]
    second = [_w("Hùng", 10, 80, 50, 20, line=2)]
    crop, left = _line_crop(image, first, [first, second])
    # pad half the height (10 px) above; below, no further than half-way to the next line (75)
    assert left == 0 and crop.shape[0] == 75 - 40
    crop, _ = _line_crop(image, second, [first, second])
    assert crop.shape[0] == 110 - 75


def test_words_of_the_strip_are_grouped_by_the_cell_they_were_read_in():
    cuts = [Cut(0, 1, 1, 0, 0, 100, 30, 4, 10), Cut(0, 1, 2, 0, 0, 100, 30, 4, 60)]
    words = [_w("Lê", 4, 12, 20, 20), _w("Hà", 30, 12, 20, 20), _w("Phó", 4, 62, 20, 20), _w("~", 4, 45, 5, 5)]
    assert [[w.text for w in cell] for cell in words_by_cut(words, cuts)] == [["Lê", "Hà"], ["Phó"]]


def test_only_names_the_repair_will_be_unsure_of_are_picked():
    assert unsure_names([_w("Trần", 0, 0), _w("Văn", 50, 0), _w("Hùng", 100, 0)]) == []
    assert unsure_names([_w("Trần", 0, 0), _w("Văn", 50, 0), _w("Hùng", 100, 0, conf=55.0)]) == [0, 1, 2]
    assert unsure_names([_w("Phó", 0, 0), _w("Giám", 50, 0), _w("đốc", 100, 0, conf=40.0)]) == []


def test_lines_picked_are_read_again_under_each_condition_and_no_other(tmp_path):
    """Two cells drawn as a strip: the one the picker points at gets a reading per
    condition on each of its words; the other is not read again."""
    from PIL import Image, ImageDraw, ImageFont

    from extractor.read.engine import inprocess_available, recognize

    if not inprocess_available("vie"):
        pytest.skip("Tesseract in process (tesserocr) with Vietnamese data is needed")
    try:
        font = ImageFont.truetype("DejaVuSerif.ttf", 40)
    except OSError:
        pytest.skip("DejaVu Serif is not installed")
    img = Image.new("L", (700, 260), 255)
    draw = ImageDraw.Draw(img)
    draw.text((20, 30), "Nguyễn Văn Hùng", font=font, fill=0)
    draw.text((20, 160), "Phó Chủ tịch", font=font, fill=0)
    strip = np.asarray(img)
    words = recognize([strip], language="vie", psm=6, dpi=300, choices=True)[0]
    cells = [[w for w in words if w.top < 120], [w for w in words if w.top >= 120]]
    assert [w.text for w in cells[0]] == ["Nguyễn", "Văn", "Hùng"]
    assert read_lines_again(strip, cells, lambda ws: range(len(ws)) if ws[0].text == "Nguyễn" else [],
                            dpi=300) == 1
    assert all(len(w.rereads) == len(CONDITIONS) for w in cells[0])
    assert [[" ".join(t for t, _, _ in r) for r in w.rereads] for w in cells[0]] == \
        [[w.text] * len(CONDITIONS) for w in cells[0]]
    assert all(not w.rereads for w in cells[1])
