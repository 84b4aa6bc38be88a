"""Helpers shared by tests/read (a plain module: the test folders are not packages)."""
from __future__ import annotations

import unicodedata

SENTENCE = ("Ban Thường vụ Huyện ủy giao việc đột phá năm 2024 cho đồng chí Nguyễn Thị Lan, "
            "Chủ tịch Ủy ban nhân dân xã Hòa Phú: hoàn thành đường giao thông nông thôn, "
            "trồng mới hai mươi héc ta rừng sản xuất; xây dựng nhà văn hóa thôn Đồng Mạ.")


def cp1258(s: str) -> bytes:
    """Windows-1258 writes tones as combining marks after a precomposed base letter."""
    out = []
    for ch in unicodedata.normalize("NFC", s):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in "\u0300\u0301\u0303\u0309\u0323"))
            tone = "".join(c for c in d if c in "\u0300\u0301\u0303\u0309\u0323")
            out.append(base.encode("cp1258") + tone.encode("cp1258"))
    return b"".join(out)




def check_spans(doc):
    """Every block, table and cell points at its own text in the normalised page."""
    for b in doc.blocks:
        assert doc.pages[b.span.page - 1].text[b.span.start:b.span.end] == b.text
    for t in doc.tables:
        page = doc.pages[t.page - 1].text
        assert page[t.span.start:t.span.end].count("\n") == len(t.rows) - 1
        for row in t.rows:
            for cell in row:
                assert page[cell.span.start:cell.span.end] == cell.text
                assert "\t" not in cell.text and "\n" not in cell.text
