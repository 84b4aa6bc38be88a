"""Appendix tables that run over a page break: the person of the last rows before the
break keeps the task rows after it, whether or not the header is repeated (issue 12)."""
from __future__ import annotations

import pytest

from extractor.link.tables import link_tables
from extractor.records import Cell, Document, Page, Span, Table

HEADER = ["STT", "Họ và tên", "Chức vụ", "Nội dung việc đột phá", "Thời gian hoàn thành"]


def _page(number: int, rows: list[list[str]]) -> tuple[Page, Table]:
    """A page whose text is the rows, one line each, and its table with true spans."""
    lines, cells, pos = [], [], 0
    for r, row in enumerate(rows):
        out_row = []
        parts = []
        for c, text in enumerate(row):
            out_row.append(Cell(text, r, c, Span(number, pos, pos + len(text))))
            parts.append(text)
            pos += len(text) + 1
        lines.append(" ".join(parts))
        cells.append(tuple(out_row))
    text = "\n".join(lines)
    return Page(number, text), Table(number, tuple(cells), Span(number, 0, len(text)))


@pytest.mark.parametrize("repeat_header", [False, True])
def test_a_name_cell_spanning_the_page_break_keeps_its_tasks(repeat_header):
    p1, t1 = _page(1, [HEADER,
                       ["1", "Nguyễn Văn An", "Chủ tịch UBND xã", "Xây dựng chợ trung tâm xã", "Quý II/2023"],
                       ["2", "Lê Thị Bình", "Phó Chủ tịch UBND xã", "Kết nạp 12 đảng viên mới", "Năm 2023"]])
    rows2 = ([HEADER] if repeat_header else []) + [
        ["", "", "", "Vận động hiến 2000 m2 đất làm đường thôn 3", "Quý III/2023"],
        ["3", "Trần Văn Cường", "Công chức Tư pháp - Hộ tịch", "Số hóa 100% sổ hộ tịch", "Năm 2023"]]
    p2, t2 = _page(2, rows2)
    doc = Document("phu-luc.pdf", "", "pdf", (p1, p2), tables=(t1, t2))
    found = {a.cadre.text: [t.text for t in a.tasks] for a in link_tables(doc)}
    assert found == {
        "Nguyễn Văn An": ["Xây dựng chợ trung tâm xã"],
        "Lê Thị Bình": ["Kết nạp 12 đảng viên mới", "Vận động hiến 2000 m2 đất làm đường thôn 3"],
        "Trần Văn Cường": ["Số hóa 100% sổ hộ tịch"],
    }


def test_a_table_far_from_the_last_one_is_not_its_continuation():
    p1, t1 = _page(1, [HEADER, ["1", "Nguyễn Văn An", "Chủ tịch UBND xã", "Xây dựng chợ", "Năm 2023"]])
    _, t3 = _page(3, [["", "", "", "Một việc không rõ của ai", "Năm 2023"]])
    p2 = Page(2, "Trang giữa.")
    doc = Document("a.pdf", "", "pdf", (p1, p2, Page(3, "x")), tables=(t1, t3))
    assert [(a.cadre.text, len(a.tasks)) for a in link_tables(doc)] == [("Nguyễn Văn An", 1)]
