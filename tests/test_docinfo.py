"""The header of a document (extractor/docinfo.py): kind, số/ký hiệu, date, trích yếu, issuer."""
from __future__ import annotations

from extractor.docinfo import read_docinfo
from extractor.records import Document, Page


def test_docinfo_header():
    text = ("ĐẢNG BỘ TỈNH TUYÊN QUANG\tĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY CHIÊM HÓA\n*\nSố 125-QĐ/HU\t"
            "Chiêm Hóa, ngày 01 tháng 3 năm 2022\nQUYẾT ĐỊNH\nVề việc giao việc đột phá, đổi mới năm 2022\n")
    info = read_docinfo(Document("q.txt", "", "txt", (Page(1, text),)))
    assert (info.kind, info.number, info.date) == ("decision", "125-QĐ/HU", "2022-03-01")
    assert info.title == "Về việc giao việc đột phá, đổi mới năm 2022"
    assert info.issuer and "ĐẢNG BỘ" in info.issuer


def test_docinfo_news_item():
    info = read_docinfo(Document("n.txt", "", "txt", (Page(1, "Huyện A giao việc đột phá\n\nNội dung bài."),)))
    assert info.kind == "news" and info.title == "Huyện A giao việc đột phá"
