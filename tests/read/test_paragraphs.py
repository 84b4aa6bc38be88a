"""Lines into paragraphs (extractor/read/layout.py ``group_lines``), as a scan gives them.

Tesseract's own paragraphs and the height of a line's box are poor evidence on a scan: a
stacked tone mark or a speck makes one line's box taller than the rest, and the engine
starts paragraphs mid-sentence. A sentence that goes on in lower case, or after a line
that ran to the right margin without ending a clause, is one paragraph; a short caption
or a heading above a paragraph stays apart (it was joined to the next sentence when every
break of a scanned page was read as a space).
"""
from __future__ import annotations

from extractor.read.layout import Line, group_lines


def _texts(lines: list[Line]) -> list[list[str]]:
    return [[ln.text for ln in g] for g in group_lines(lines)]


def _page(*rows: tuple[str, float, bool, float]) -> list[Line]:
    """Lines at 50 px pitch, 40 px tall unless said: (text, right end, engine's new paragraph, height)."""
    return [Line(text, 250, 200 + 50 * i, 200 + 50 * i + h, x1, hard_break=hb) for i, (text, x1, hb, h) in
            enumerate(rows)]


def test_a_name_wrapped_at_the_margin_stays_in_its_sentence():
    lines = _page(("Chiều nay, đoàn công tác do đồng chí Lê", 1440, True, 40),
                  # a stacked tone mark makes the box taller; the engine starts no paragraph
                  ("Thị Mỹ Hạnh, Bí thư Huyện ủy, làm trưởng đoàn đã làm việc", 1430, False, 62),
                  ("với xã về tình hình sản xuất vụ đông.", 800, True, 40),
                  ("Cùng dự có đồng chí Hà Văn Sơn, Phó Chủ tịch UBND huyện, cùng", 1420, True, 40),
                  ("lãnh đạo các phòng, ban chuyên môn của huyện.", 900, False, 40))
    assert _texts(lines) == [
        ["Chiều nay, đoàn công tác do đồng chí Lê", "Thị Mỹ Hạnh, Bí thư Huyện ủy, làm trưởng đoàn đã làm việc",
         "với xã về tình hình sản xuất vụ đông."],
        ["Cùng dự có đồng chí Hà Văn Sơn, Phó Chủ tịch UBND huyện, cùng",
         "lãnh đạo các phòng, ban chuyên môn của huyện."]]


def test_a_caption_above_a_paragraph_stays_apart():
    lines = _page(("Chủ tịch UBND huyện Yên Sơn Nguyễn Văn Hòa", 700, False, 40),
                  ("Theo quyết định này, Chủ tịch UBND huyện Nguyễn Văn Hòa trực tiếp chỉ đạo", 1440, False, 40),
                  ("công tác cán bộ và cải cách hành chính của huyện.", 900, False, 40),
                  ("Phó Chủ tịch UBND huyện Lê Thị Mai phụ trách văn hóa, xã hội và y tế", 1440, False, 40),
                  ("Các phòng chuyên môn giúp việc theo lĩnh vực được phân công.", 1200, True, 40))
    groups = _texts(lines)
    assert groups[0] == ["Chủ tịch UBND huyện Yên Sơn Nguyễn Văn Hòa"]
    assert groups[1][0].startswith("Theo quyết định") and len(groups[1]) == 2
    # a full line that ends no clause goes on, whatever the engine said of the next
    assert groups[2] == ["Phó Chủ tịch UBND huyện Lê Thị Mai phụ trách văn hóa, xã hội và y tế",
                         "Các phòng chuyên môn giúp việc theo lĩnh vực được phân công."]


def test_a_list_item_or_a_blank_line_still_starts_a_paragraph():
    lines = _page(("Giao cho đồng chí Nguyễn Văn An các việc sau đây của năm", 1440, False, 40),
                  ("a) hoàn thành đường giao thông thôn Bản Khóa;", 1000, False, 40))
    assert len(group_lines(lines)) == 2
    far = [Line("Đồng chí Nguyễn Văn An được giao hoàn thành đường giao thông", 250, 200, 240, 1440),
           Line("thôn Bản Khóa, dài 2 km, trong năm 2025.", 250, 250, 290, 900),
           Line("Đồng chí Lê Thị Mai được giao kết nạp mới 5 đảng viên trong", 250, 300, 340, 1440),
           Line("các chi bộ thôn, bản của xã Kim Bình.", 250, 350, 390, 900),
           Line("Đồng chí Hà Văn Sơn được giao trồng mới 20 ha rừng sản xuất và", 250, 400, 440, 1440),
           # after a blank line: another part of the page, though the line before ran on
           Line("Nơi nhận: Như Điều 3; Lưu VT.", 250, 560, 600, 700)]
    assert [len(g) for g in group_lines(far)] == [2, 2, 1, 1]
