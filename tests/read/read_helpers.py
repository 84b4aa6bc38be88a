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


def words_in_order(text: str, expected: str) -> float:
    """Share of the expected words found in ``text`` in the same order (OCR is checked by
    its words in order, not by exact equality)."""
    import difflib

    a = expected.split()
    b = text.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return sum(m.size for m in matcher.get_matching_blocks()) / len(a) if a else 1.0


def text_image(lines: list[str], path, *, size: int = 40, width: int = 1600, pad: int = 60):
    """A clean image of ``lines`` (DejaVu Serif), for small fast OCR tests."""
    from pathlib import Path

    from PIL import Image, ImageDraw, ImageFont

    candidates = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
                  Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")]
    font_path = next((p for p in candidates if p.exists()), None)
    if font_path is None:
        import pytest

        pytest.skip("no TrueType font with Vietnamese letters (fonts-dejavu-core)")
    font = ImageFont.truetype(str(font_path), size)
    height = pad * 2 + int(size * 1.6) * len(lines)
    im = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(im)
    for k, line in enumerate(lines):
        draw.text((pad, pad + k * int(size * 1.6)), line, font=font, fill=0)
    return im
