"""Scans and images through Tesseract: text, tables in scans, orientation, skew, quality."""
from __future__ import annotations

import io
import shutil
from dataclasses import replace

import pypdf
import pytest

from extractor.config import DEFAULT_CONFIG
from extractor.errors import TooLarge, UnreadableFile
from extractor.read import read, read_bytes
from extractor.read.ocr import tesseract_available

from read_helpers import HEADER, PEOPLE, check_spans, text_image, words_in_order

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not tesseract_available("vie"), reason="tesseract-ocr-vie is not installed"),
]

LINES = ["Giao cho đồng chí Nguyễn Thị Lan, Chủ tịch", "Ủy ban nhân dân xã Hòa Phú, thực hiện",
         "việc đột phá năm 2024: hoàn thành đường", "giao thông nông thôn thôn Bản Khóa."]


def test_scanned_pdf_with_appendix_table(made):
    """A degraded (rotated 1.5°, noisy, blurred) scan of a decision whose appendix table
    has name cells merged over several task rows: rows and cells come back."""
    doc = read(made["scan.pdf"])
    assert doc.format == "pdf" and doc.ocr
    page = doc.pages[0]
    assert page.ocr and page.confidence > 70 and page.quality > 0.85 and not page.needs_review
    assert any(f.kind == "deskew" for f in doc.fixes)
    assert words_in_order(page.text, "Điều 1. Giao việc đột phá cho các đồng chí có tên tại Phụ lục kèm theo.") > 0.85
    (table,) = doc.tables
    assert words_in_order(" ".join(table.header), " ".join(HEADER)) > 0.8
    body = table.rows[1:]
    assert len(body) == sum(len(t) for _, _, t in PEOPLE)
    r = 0
    for name, _, tasks in PEOPLE:
        for k, task in enumerate(tasks):
            row = body[r]
            assert len(row) == len(HEADER)
            assert words_in_order(row[1].text, name.replace("Thuỷ", "Thủy")) >= 2 / 3
            assert words_in_order(row[3].text, task.replace("Khoá", "Khóa").replace("hoá", "hóa")) >= 0.75
            # the merged name cell repeats, pointing at the row where it starts
            assert row[1].merged_from == (None if k == 0 else (r + 1 - k, 1))
            r += 1
    check_spans(doc)


def test_clean_image_words_and_confidence(tmp_path):
    path = tmp_path / "note.png"
    text_image(LINES, path).save(path)
    calls = []
    doc = read(path, progress=lambda d, t: calls.append((d, t)))
    assert doc.format == "image" and doc.pages[0].ocr and calls[-1] == (1, 1)
    assert words_in_order(doc.pages[0].text, " ".join(LINES)) > 0.95
    assert doc.pages[0].width == 1600
    check_spans(doc)


def test_page_on_its_side_is_turned(tmp_path):
    path = tmp_path / "side.png"
    text_image(LINES, path).rotate(90, expand=True).save(path)
    doc = read(path)
    assert words_in_order(doc.pages[0].text, " ".join(LINES)) > 0.9
    assert any(f.kind == "orientation" for f in doc.fixes)


def test_multipage_tiff_and_jpeg(tmp_path):
    first = text_image(LINES[:2], tmp_path / "a.png")
    second = text_image(LINES[2:], tmp_path / "b.png")
    tiff = tmp_path / "two.tif"
    first.save(tiff, save_all=True, append_images=[second], compression="tiff_lzw")
    doc = read(tiff)
    assert [p.number for p in doc.pages] == [1, 2]
    assert words_in_order(doc.pages[0].text, " ".join(LINES[:2])) > 0.9
    assert words_in_order(doc.pages[1].text, " ".join(LINES[2:])) > 0.9
    jpeg = tmp_path / "photo.jpg"
    first.convert("RGB").save(jpeg, quality=85)
    assert words_in_order(read(jpeg).pages[0].text, " ".join(LINES[:2])) > 0.9


def test_poor_page_is_flagged(tmp_path):
    """Confidently read non-Vietnamese: the page is flagged for review, not silently passed."""
    path = tmp_path / "junk.png"
    text_image(["Xkcd qwrtz vbnm plkj", "Zzyx grwl fhqp dvtk"], path).save(path)
    doc = read(path)
    page = doc.pages[0]
    assert page.quality < DEFAULT_CONFIG.ocr_quality_threshold and page.needs_review
    assert any("review" in w for w in doc.warnings)


def test_mixed_pdf_only_scanned_page_is_ocrd(made):
    writer = pypdf.PdfWriter()
    writer.add_page(pypdf.PdfReader(made["decision.pdf"]).pages[0])
    writer.add_page(pypdf.PdfReader(made["scan.pdf"]).pages[0])
    buf = io.BytesIO()
    writer.write(buf)
    doc = read_bytes(buf.getvalue(), "mixed.pdf")
    assert [p.ocr for p in doc.pages] == [False, True]
    assert len(doc.tables) == 2 and [t.page for t in doc.tables] == [1, 2]
    assert [b.table for b in doc.blocks if b.kind == "table"] == [0, 1]
    check_spans(doc)


def test_image_over_pixel_limit(made):
    data = made["decision.png"].read_bytes()
    with pytest.raises(TooLarge) as err:
        read_bytes(data, "huge.png", config=replace(DEFAULT_CONFIG, max_image_pixels=1_000_000))
    assert err.value.code == "too_large" and "huge.png" in str(err.value) and "Mpx" in str(err.value)


def test_truncated_image(made):
    data = made["decision.png"].read_bytes()
    with pytest.raises(UnreadableFile) as err:
        read_bytes(data[: len(data) // 4], "cut.png")
    assert err.value.code == "unreadable" and "cut.png" in str(err.value)


def test_pdf_that_is_really_an_image(made, tmp_path):
    path = tmp_path / "scan.pdf"
    shutil.copy(made["decision.png"], path)
    doc = read(path)
    assert doc.format == "image" and doc.pages[0].ocr and len(doc.tables) == 1


def test_scanned_pdf_page_with_rotate_flag(made, tmp_path):
    """A scanner that stored the image sideways and set /Rotate on the page: the page is
    read as it is shown, upright, without needing to guess the orientation."""
    from PIL import Image

    sideways = tmp_path / "sideways.png"
    text_image(LINES, sideways).rotate(90, expand=True).save(sideways)
    pdf = tmp_path / "rotated.pdf"
    Image.open(sideways).save(pdf, resolution=300)
    writer = pypdf.PdfWriter(clone_from=pdf)
    writer.pages[0].rotate(90)
    writer.write(pdf)
    doc = read(pdf)
    assert words_in_order(doc.pages[0].text, " ".join(LINES)) > 0.9
    assert not any(f.kind == "orientation" for f in doc.fixes)
