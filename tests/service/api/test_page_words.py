"""Word boxes for highlights on a scan's page image (issue 14, service side): the boxes the
reader gives for OCR'd table cells are stored with the page and sent by /api/documents/{id}/pages
at page-text offsets; pages without boxes send ``words: null`` as before."""
from __future__ import annotations

import pytest


def _scanned_document():
    boxes = pytest.importorskip("extractor.read.boxes", reason="the reader does not give word boxes yet")
    from extractor.records import Document, Page, Span, Table

    text = "STT Họ và tên\n1 Trần Văn Dũng"
    name = boxes.OcrCell("Trần Văn Dũng", 1, 1, Span(1, 16, 29), box=(90, 40, 300, 30), words=(
        boxes.WordBox("Trân", 1, 100, 50, 40, 20, 90.0, 0, 4), boxes.WordBox("Văn", 1, 145, 50, 30, 20, 95.0, 5, 8),
        boxes.WordBox("Dũng", 1, 180, 50, 45, 20, 93.0, 9, 13), boxes.WordBox("°)", 1, 230, 50, 9, 20, 20.0)))
    # the same cell repeated down a merged row carries the same words: they are stored once
    again = boxes.OcrCell("Trần Văn Dũng", 2, 1, Span(1, 16, 29), merged_from=(1, 1), box=name.box, words=name.words)
    table = Table(page=1, rows=((name,), (again,)), span=Span(1, 0, len(text)))
    return Document(source="scan.png", sha256="0" * 64, format="image",
                    pages=(Page(1, text, ocr=True, width=1240, height=1754),), tables=(table,))


def test_words_are_placed_on_the_page_text():
    from service.processing import page_words

    doc = _scanned_document()
    words = page_words(doc)[1]
    text = doc.pages[0].text
    assert [text[w["start"]:w["end"]] for w in words] == ["Trần", "Văn", "Dũng"]  # '°)' had no place
    assert words[0] == {"start": 16, "end": 20, "x": 100, "y": 50, "w": 40, "h": 20}


def test_pages_send_words_for_images_and_null_without(api):
    from extractor.records import Document as Read
    from extractor.records import Page
    from service.processing import _store_pages, store_upload
    from service.storage.db import session_scope

    with session_scope() as s:
        scan, _ = store_upload(s, b"\x89PNG not really an image", "scan.png")
        scan.format = "image"
        _store_pages(s, scan, _scanned_document())
        text_doc, _ = store_upload(s, "Năm 2022, văn bản".encode(), "qd.txt")
        text_doc.format = "pdf"  # a text PDF: an image to show, no boxes from OCR
        _store_pages(s, text_doc, Read(source="qd.pdf", sha256="1" * 64, format="pdf", pages=(Page(1, "Năm 2022"),)))
        ids = scan.id, text_doc.id
    (page,) = api.get(f"/api/documents/{ids[0]}/pages").json()
    assert (page["width"], page["height"]) == (1240, 1754)
    assert [page["text"][w["start"]:w["end"]] for w in page["words"]] == ["Trần", "Văn", "Dũng"]
    (plain,) = api.get(f"/api/documents/{ids[1]}/pages").json()
    assert plain["words"] is None and plain["image"]


def test_a_real_office_scan_gets_boxes_for_its_cadres_names(api, tmp_path):
    """End to end: a decision rendered and degraded like an office scan (bench/scans.py) is
    uploaded, read by Tesseract, extracted and stored; the page answer carries word boxes
    that cover each cadre's name in the appendix table, in the scan's own pixels."""
    import sys
    from pathlib import Path

    from extractor.read.ocr import tesseract_available

    if not tesseract_available():
        pytest.skip("tesseract with Vietnamese data is not installed (make setup installs it)")
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # bench/ is not installed
    from bench.scans import degrade, render_decision, save_pdf

    pages = render_decision(seed=3, people=2, dpi=200)
    pdf = save_pdf([degrade(p, "office", seed=3) for p in pages], tmp_path / "scan.pdf")
    (doc,) = api.upload([("quyet-dinh-scan.pdf", pdf.read_bytes())])
    (done,) = api.wait([doc["id"]], timeout=600)
    assert done["status"] == "done", done
    people = api.get(f"/api/assignments?document_id={doc['id']}").json()["items"]
    assert people, "the appendix table gave no cadre"
    answer = {p["number"]: p for p in api.get(f"/api/documents/{doc['id']}/pages").json()}
    for person in people:
        span = person["fields"]["cadre"]["span"]
        page = answer[span["page"]]
        inside = [w for w in page["words"] or () if span["start"] <= w["start"] and w["end"] <= span["end"]]
        assert inside, (person["cadre"], page["words"])
        assert " ".join(page["text"][w["start"]:w["end"]] for w in inside) == person["cadre"]
        assert all(0 <= w["x"] < page["width"] and 0 <= w["y"] < page["height"] for w in inside)
