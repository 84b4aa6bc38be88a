"""Highlights on a scan's page image (issue 14, the page's side): when a page carries OCR
word boxes (``words``, optional in /api/documents/{id}/pages), each field's words are
drawn over the image in the field's colour where they lie; without them the image is shown
alone, as before.

The reader gives boxes for OCR'd table cells (extractor/read/boxes.py, being wired into
the stored pages by processing). Here a real scan is uploaded and OCR'd, and its stored
page is given the boxes of the first cadre's words, as the reader will, so what is tested
is the page drawing them."""
from __future__ import annotations

import json
import sqlite3
import time

import httpx

from .conftest import shot, sign_in
from .documents import make_scan_pdf


def _wait_done(server, doc_id: int, timeout: float = 300) -> None:
    h = {"Authorization": f"Bearer {server.tokens['reviewer']}"}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        d = httpx.get(f"{server.url}/api/documents/{doc_id}", headers=h, timeout=30).json()
        if d["status"] in ("done", "failed"):
            assert d["status"] == "done", d
            return
        time.sleep(0.5)
    raise AssertionError(f"document {doc_id} was not processed within {timeout} s")


def test_field_boxes_are_drawn_on_the_page_image(server, page, tmp_path):
    h = {"Authorization": f"Bearer {server.tokens['reviewer']}"}
    pdf = make_scan_pdf(tmp_path / "ke-hoach-hop.pdf")
    r = httpx.post(server.url + "/api/documents", headers=h, timeout=120,
                   files=[("file", (pdf.name, pdf.read_bytes(), "application/pdf"))])
    doc_id = r.json()["documents"][0]["id"]
    _wait_done(server, doc_id)
    first = httpx.get(f"{server.url}/api/documents/{doc_id}/assignments", headers=h, timeout=30).json()[0]
    span = first["fields"]["cadre"]["span"]
    # Two words of the cadre's name at known places on a 2480 x 3508 image (A4 at 300 dpi).
    mid = (span["start"] + span["end"]) // 2
    words = [{"start": span["start"], "end": mid, "x": 620, "y": 877, "w": 248, "h": 70},
             {"start": mid + 1, "end": span["end"], "x": 900, "y": 877, "w": 310, "h": 70}]

    with sqlite3.connect(server.workdir / "giaoviec.db") as db:
        db.execute("UPDATE pages SET words = ?, width = 2480, height = 3508 WHERE document_id = ? AND number = ?",
                   (json.dumps(words), doc_id, span["page"]))

    sign_in(page, server, "reviewer")
    page.goto(f"{server.url}/van-ban/{doc_id}")
    page.locator("article.assignment").first.wait_for()
    page.wait_for_function("() => { const i = document.querySelector('.page-figure img.page-img'); "
                           "return i && i.complete && i.naturalWidth > 500; }")
    boxes = page.locator(".page-figure .box.f-cadre")
    assert boxes.count() == 2
    img = page.locator(".page-figure img.page-img").bounding_box()
    first_box = boxes.first.bounding_box()
    # where the reader said, in the image as shown: 25 % across, 25 % down, 10 % wide
    assert abs(first_box["x"] - img["x"] - 0.25 * img["width"]) < 2
    assert abs(first_box["y"] - img["y"] - 0.25 * img["height"]) < 2
    assert abs(first_box["width"] - 0.10 * img["width"]) < 2
    assert first["cadre"] in boxes.first.get_attribute("title")
    shot(page, "06b-xem-xet-ban-quet-o-chu")
