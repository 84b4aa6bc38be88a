"""Tesseract in process (tesserocr) and the command line it falls back to: the same
words either way, the fallback taken when tesserocr is missing, OSD, API reuse."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from extractor.config import DEFAULT_CONFIG
from extractor.read import engine, read
from extractor.read.ocr import tesseract_command_available
from extractor.read.ocr.tesseract import _run_tesseract

from read_helpers import check_spans, text_image, words_in_order

LINES = ["Giao cho đồng chí Trần Văn Dũng, Phó Chủ tịch", "Ủy ban nhân dân xã Hòa Phú, thực hiện",
         "việc đột phá năm 2024: hoàn thành đường", "giao thông nông thôn thôn Bản Khóa."]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not engine.inprocess_available("vie"), reason="tesserocr or tesseract-ocr-vie missing"),
]


@pytest.fixture
def page(tmp_path):
    return np.asarray(text_image(LINES, tmp_path / "p.png").convert("L"))


@pytest.fixture
def no_tesserocr(monkeypatch):
    """tesserocr not importable: the reader must use the tesseract command."""
    monkeypatch.setattr(engine, "_tesserocr", lambda: None)
    assert not engine.inprocess_available("vie")


def test_words_have_boxes_confidences_and_line_numbers(page):
    words = engine.recognize([page], language="vie", psm=3)[0]
    assert words_in_order(" ".join(w.text for w in words), " ".join(LINES)) > 0.95
    h, w = page.shape
    assert all(0 <= x.left and x.left + x.width <= w and 0 <= x.top and x.top + x.height <= h for x in words)
    assert all(0 <= x.conf <= 100 for x in words)
    # line numbers start again in each paragraph; four lines of text give four (par, line) pairs
    assert len({(x.block, x.par, x.line) for x in words}) == len(LINES)
    first = [x for x in words if x.text == "Giao"][0]
    assert first.top < [x for x in words if x.text == "giao"][0].top


@pytest.mark.skipif(not tesseract_command_available("vie"), reason="the tesseract command is not installed")
def test_in_process_reads_what_the_command_reads(page, tmp_path, no_tesserocr, monkeypatch):
    """The engine behind the reader changed: the text it gives did not (this page)."""
    path = tmp_path / "p.pgm"
    import cv2

    cv2.imwrite(str(path), page)
    by_command = _run_tesseract(path, DEFAULT_CONFIG)
    monkeypatch.undo()
    in_process = engine.recognize([page], language="vie", psm=3)[0]
    assert [w.text for w in in_process] == [w.text for w in by_command]
    for a, b in zip(in_process, by_command, strict=True):
        assert abs(a.left - b.left) <= 2 and abs(a.top - b.top) <= 2
        assert (a.block, a.par, a.line) == (b.block, b.par, b.line)


@pytest.mark.skipif(not tesseract_command_available("vie"), reason="the tesseract command is not installed")
def test_without_tesserocr_the_command_reads_the_scan(tmp_path, no_tesserocr):
    im = text_image(LINES, tmp_path / "scan.png")
    im.save(tmp_path / "scan.png", dpi=(300, 300))
    doc = read(tmp_path / "scan.png", config=replace(DEFAULT_CONFIG, ocr_processes=1))
    assert words_in_order(doc.pages[0].text, " ".join(LINES)) > 0.9
    check_spans(doc)


def test_orientation_found_in_process(page):
    """OSD says how far to turn clockwise: a page turned a quarter counter-clockwise
    needs 90."""
    tall = np.vstack([page] * 3)
    assert engine.osd_rotation(np.ascontiguousarray(np.rot90(tall))) == 90
    assert engine.osd_rotation(tall) == 0


def test_api_objects_are_reused_not_reloaded(page):
    """One model load per reading thread, kept for the next document (and bounded)."""
    engine.recognize([page], language="vie", psm=6)
    idle = list(engine._IDLE["vie"])
    engine.recognize([page], language="vie", psm=6)
    assert engine._IDLE["vie"] and all(any(a is b for b in idle) for a in engine._IDLE["vie"])
    assert len(engine._IDLE["vie"]) <= engine.MAX_APIS


def test_a_blank_image_gives_no_words():
    assert engine.recognize([np.full((200, 300), 255, np.uint8)], language="vie", psm=6) == [[]]


def test_choices_line_up_with_each_words_characters(page):
    """Asked for, a word with any doubtful character carries one entry per character
    (what repair reads), each best first, the character read among the readings; a
    word read without doubt carries none (the Document stays small)."""
    import unicodedata

    import cv2

    # small, blurred and noisy type, so that the model has doubts to tell
    small = cv2.resize(page, None, fx=0.45, fy=0.45, interpolation=cv2.INTER_AREA)
    noisy = np.clip(cv2.GaussianBlur(small, (3, 3), 0.9).astype(float) +
                    np.random.default_rng(1).normal(0, 18, small.shape), 0, 255).astype(np.uint8)
    words = engine.recognize([noisy], language="vie", psm=6, choices=True)[0]
    doubtful = [w for w in words if w.choices]
    assert doubtful, [w.text for w in words]
    for w in doubtful:
        text = unicodedata.normalize("NFC", w.text)
        assert len(w.choices) == len(text) and any(len(sym) > 1 for sym in w.choices)
        for syms in w.choices:
            assert [c.prob for c in syms] == sorted((c.prob for c in syms), reverse=True)
            assert all(0 <= c.prob <= 1 for c in syms) and all(c.prob >= engine.MIN_CHOICE for c in syms[1:])
    chars = [(ch, syms) for w in doubtful
             for ch, syms in zip(unicodedata.normalize("NFC", w.text), w.choices, strict=True)]
    assert sum(any(c.text == ch for c in syms) for ch, syms in chars) >= 0.9 * len(chars)
    plain = engine.recognize([noisy], language="vie", psm=6)[0]
    assert [w.text for w in plain] == [w.text for w in words] and all(not w.choices for w in plain)
