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


@pytest.mark.parametrize("processes,count", [(1, 5), (2, 9)])
def test_pages_read_in_batches_stay_on_their_pages(tmp_path, processes, count):
    """More pages than Tesseract processes: a process reads a batch of pages from one
    list file (the model loaded once). Every page's words must still land on that page,
    in order, and a page on its side inside a batch is still turned and read."""
    import importlib

    # the pages' scheduler (extractor/read/ocr/schedule.py) is what calls Tesseract
    ocr = importlib.import_module("extractor.read.ocr.schedule")
    pool = [LINES[:2], LINES[2:], ["Trang thứ ba: kế hoạch năm 2025", "của Ủy ban nhân dân huyện"],
            LINES[1:3], ["Trang cuối: nơi nhận, lưu văn thư", "Chủ tịch Hội đồng nhân dân xã"]]
    texts = [pool[k % len(pool)] + [f"Trang số {k + 1}"] for k in range(count)]
    frames = [text_image(t, tmp_path / f"p{k}.png") for k, t in enumerate(texts)]
    frames[3] = frames[3].rotate(90, expand=True)  # the fourth page was scanned on its side
    tiff = tmp_path / "pages.tif"
    frames[0].save(tiff, save_all=True, append_images=frames[1:], compression="tiff_lzw")
    batches = []
    real = ocr._run_tesseract_batch

    def spy(images, *args, **kwargs):
        batches.append(len(images))
        return real(images, *args, **kwargs)

    calls = []
    ocr._run_tesseract_batch = spy
    try:
        doc = read(tiff, config=replace(DEFAULT_CONFIG, ocr_processes=processes),
                   progress=lambda d, t: calls.append((d, t)))
    finally:
        ocr._run_tesseract_batch = real
    assert [p.number for p in doc.pages] == list(range(1, count + 1))
    for page, text in zip(doc.pages, texts, strict=True):
        assert words_in_order(page.text, " ".join(text)) > 0.9, (page.number, page.text)
    assert any(f.kind == "orientation" for f in doc.fixes)
    assert max(batches) > 1, batches  # some process read several pages
    assert batches[-1] == 1 or processes == 1, batches  # the last pages go one by one
    assert calls[-1] == (count, count) and [d for d, _ in calls] == sorted(d for d, _ in calls)
    check_spans(doc)


def test_a_page_that_fails_in_a_batch_is_reported_by_name(tmp_path, monkeypatch):
    """A failure while preparing one page stops the document with its name, not a hang."""
    import importlib

    ocr = importlib.import_module("extractor.read.ocr.schedule")
    frames = [text_image(LINES[:2], tmp_path / f"p{k}.png") for k in range(4)]
    tiff = tmp_path / "four.tif"
    frames[0].save(tiff, save_all=True, append_images=frames[1:], compression="tiff_lzw")
    real = ocr._prepare

    def failing(image, *, index, **kwargs):
        if index == 2:
            raise UnreadableFile("four.tif", "page 3 could not be prepared")
        return real(image, index=index, **kwargs)

    monkeypatch.setattr(ocr, "_prepare", failing)
    with pytest.raises(UnreadableFile) as err:
        read(tiff, config=replace(DEFAULT_CONFIG, ocr_processes=2))
    assert "four.tif" in str(err.value) and "page 3" in str(err.value)


def test_skew_is_measured_within_a_tenth_of_a_degree(tmp_path):
    """Deskewing is worth its cost only if the angle is right: known turns of a page come
    back within 0.15°, and a level page stays level (no rotation, no fix)."""
    import cv2
    import numpy as np

    from extractor.read.grid import estimate_skew

    page = np.asarray(text_image(LINES * 6, tmp_path / "page.png").convert("L"))
    h, w = page.shape
    assert abs(estimate_skew(page)) < 0.15
    for angle in (-3.7, -1.5, -0.6, 0.8, 2.2, 4.1):
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        turned = cv2.warpAffine(page, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
        assert abs(estimate_skew(turned) + angle) < 0.15, angle
