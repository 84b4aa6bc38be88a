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


def _found(rows: list[list[str]]) -> dict[str, list[str]]:
    page, table = _page(1, rows)
    doc = Document("phu-luc.pdf", "", "pdf", (page,), tables=(table,))
    return {a.cadre.text: [t.text for t in a.tasks] for a in link_tables(doc)}


def test_group_headings_across_the_table_are_nobodys_and_end_the_person_before():
    rows = [HEADER,
            ["I", "LÃNH ĐẠO UBND HUYỆN", "LÃNH ĐẠO UBND HUYỆN", "LÃNH ĐẠO UBND HUYỆN", "LÃNH ĐẠO UBND HUYỆN"],
            ["1", "Đinh Văn Khoa", "Chủ tịch UBND huyện", "Xây dựng chợ trung tâm huyện", "Năm 2024"],
            ["II", "Khối Đảng", "", "", ""],
            ["", "", "", "Một việc của không ai", ""],
            ["2", "Phạm Thị Hạnh", "Trưởng Ban Tuyên giáo", "Phát triển 3 sản phẩm OCOP", "Năm 2024"]]
    assert _found(rows) == {"Đinh Văn Khoa": ["Xây dựng chợ trung tâm huyện"],
                            "Phạm Thị Hạnh": ["Phát triển 3 sản phẩm OCOP"]}


def test_a_header_cell_ocr_read_as_one_letter_names_no_column():
    # "STT" read "T": a letter is inside every column's name, it must not take them all
    rows = [["T"] + HEADER[1:], ["1", "Đinh Văn Khoa", "Chủ tịch UBND huyện", "Xây dựng chợ", "Năm 2024"]]
    assert _found(rows) == {"Đinh Văn Khoa": ["Xây dựng chợ"]}


def test_a_numbered_list_run_together_in_one_cell_is_one_task_an_item():
    rows = [HEADER, ["1", "Đinh Văn Khoa", "Chủ tịch UBND huyện",
                     "1. Xây dựng chợ trung tâm huyện 2. Số hóa 100% hồ sơ cấp huyện", "Năm 2024"]]
    assert _found(rows) == {"Đinh Văn Khoa": ["Xây dựng chợ trung tâm huyện", "Số hóa 100% hồ sơ cấp huyện"]}


def test_a_header_over_two_rows_is_not_a_person():
    rows = [["STT", "Họ và tên", "Chức vụ", "Việc đột phá, đổi mới", "Việc đột phá, đổi mới"],
            ["STT", "Họ và tên", "Chức vụ", "Nội dung", "Thời gian hoàn thành"],
            ["1", "Đinh Văn Khoa", "Chủ tịch UBND huyện", "Xây dựng chợ", "Quý IV/2024"]]
    assert _found(rows) == {"Đinh Văn Khoa": ["Xây dựng chợ"]}


def test_a_semicolon_ocr_read_alone_in_a_scanned_cell_splits_nothing():
    from extractor.link.tables import _split_cell
    from extractor.read.boxes import OcrCell, WordBox

    def cell(text: str) -> OcrCell:
        return OcrCell(text, 1, 3, Span(1, 0, len(text)), words=(WordBox(text, 1, 0, 0, 10, 10, 90.0),))

    text = "Cấp giấy chứng nhận lần ; đầu cho 200 hộ"
    assert [text[s:e] for s, e in _split_cell(cell(text))] == [text]
    typed = "Xây chợ; số hóa hồ sơ"
    assert [typed[s:e] for s, e in _split_cell(cell(typed))] == ["Xây chợ", "số hóa hồ sơ"]


def test_a_name_cell_that_goes_on_with_the_title_gives_the_name_alone():
    rows = [HEADER, ["1", "Đinh Văn Khoa Chủ tịch UBND huyện", "Chủ tịch UBND huyện", "Xây dựng chợ", "Năm 2024"]]
    assert _found(rows) == {"Đinh Văn Khoa": ["Xây dựng chợ"]}


def test_a_header_with_the_tasks_column_name_unread_finds_it_by_the_rows():
    # a scan left "Nội dung" unreadable (a stamp, noise): the column of long texts is the tasks'
    rows = [["STT", "Họ và tên", "Chức vụ", "", "Thời gian hoàn thành"],
            ["1", "Đinh Văn Khoa", "Chủ tịch UBND huyện", "Xây dựng chợ trung tâm huyện", "Năm 2024"],
            ["2", "Phạm Thị Hạnh", "Phó Chủ tịch UBND huyện", "Phát triển 3 sản phẩm OCOP", "Năm 2024"]]
    assert _found(rows) == {"Đinh Văn Khoa": ["Xây dựng chợ trung tâm huyện"],
                            "Phạm Thị Hạnh": ["Phát triển 3 sản phẩm OCOP"]}
    names_unread = [["STT", "", "Chức vụ", "Nội dung", "Thời gian"]] + rows[1:]
    assert set(_found(names_unread)) == {"Đinh Văn Khoa", "Phạm Thị Hạnh"}
    members = [["STT", "Họ và tên", "Chức vụ", "Ghi chú"], ["1", "Đinh Văn Khoa", "Chủ tịch UBND huyện", ""]]
    assert _found(members) == {}  # a list of people with no long texts beside them gives no tasks


def test_a_column_that_names_something_else_is_not_taken_for_the_tasks():
    # a list of awards: "Thành tích" is read, and it is no task
    rows = [["TT", "Họ và tên", "Chức vụ", "Thành tích"],
            ["1", "Lương Anh Thành", "Chủ tịch HĐND xã", "Hoàn thành vượt tiến độ các việc được giao"]]
    assert _found(rows) == {}


@pytest.mark.parametrize("repeat_header", [False, True])
def test_a_row_the_page_break_cut_in_two_is_one_row(repeat_header):
    # Word lets a row break across pages: the rest of its name, title and task is the first
    # row of the next page, with no number and no period
    p1, t1 = _page(1, [HEADER, ["1", "Nguyễn Văn", "Chủ tịch", "Vận động nhân dân hiến", "Năm 2024"]])
    rows2 = ([HEADER] if repeat_header else []) + [
        ["", "An", "UBND xã Kim Bình", "đất làm đường thôn 3", ""],
        ["2", "Lê Thị Bình", "Bí thư Đoàn xã", "Kết nạp 20 đoàn viên mới", "Năm 2024"]]
    p2, t2 = _page(2, rows2)
    doc = Document("phu-luc.pdf", "", "pdf", (p1, p2), tables=(t1, t2))
    found = link_tables(doc)
    assert {a.cadre.text: [t.text for t in a.tasks] for a in found} == {
        "Nguyễn Văn An": ["Vận động nhân dân hiến đất làm đường thôn 3"],
        "Lê Thị Bình": ["Kết nạp 20 đoàn viên mới"]}
    an = found[0]
    assert an.position is not None and an.position.text == "Chủ tịch UBND xã Kim Bình"
    task = an.tasks[0].span
    assert task is not None and task.page == 1 and task.continued is not None and task.continued.page == 2
    assert p2.text[task.continued.start:task.continued.end] == "đất làm đường thôn 3"


def test_a_header_read_again_is_nobody():
    # the header split over two grid rows, or repeated, and read by OCR as "Hạ và tên"
    found = _found([HEADER, ["SII", "Hạ và tên", "Chức vụ", "Nội dung việc đột phá", "Thời gian"],
                    ["1", "Nguyễn Văn An", "Chủ tịch UBND xã", "Xây dựng chợ", "Năm 2023"]])
    assert found == {"Nguyễn Văn An": ["Xây dựng chợ"]}


def test_a_header_the_page_break_cut_leaves_the_columns_of_the_page_before():
    # The header alone at the foot of page 1, its second line ("thực hiện" of "Thời gian
    # thực hiện") at the top of page 2: a guess at columns from page 2's rows took the
    # period column for the names and skipped the rows it read as a header.
    header = ["STT", "Họ và tên", "Chức vụ", "Nội dung việc đột phá", "Thời gian"]
    p1, t1 = _page(1, [header])
    p2, t2 = _page(2, [["", "", "", "", "thực hiện"],
                       ["1", "Cao Ngọc Thảo", "Chủ tịch UBND xã Vũ Hội", "Chỉ đạo chuyển đổi số trong thanh toán",
                        "Trước 30/6/2015"],
                       ["2", "Bùi Ngọc Dương", "Trưởng Phòng Văn hóa và Thông tin huyện",
                        "Sáp nhập 2 trường mầm non nhỏ lẻ", "Trước 30/6/2015"],
                       ["", "", "", "Phát triển 9 sản phẩm OCOP đạt 4 sao", "Quý I/2015"]])
    doc = Document("phu-luc.pdf", "", "pdf", (p1, p2), tables=(t1, t2))
    found = {a.cadre.text: [t.text for t in a.tasks] for a in link_tables(doc)}
    assert found == {"Cao Ngọc Thảo": ["Chỉ đạo chuyển đổi số trong thanh toán"],
                     "Bùi Ngọc Dương": ["Sáp nhập 2 trường mầm non nhỏ lẻ", "Phát triển 9 sản phẩm OCOP đạt 4 sao"]}


@pytest.mark.parametrize("first, rest, name, title", [
    ("Đ/c Hoàng Lan Hạnh", "Trưởng Công an huyện Châu Thành", "Hoàng Lan Hạnh", "Trưởng Công an huyện Châu Thành"),
    ("Đ/c Hoàng Lan Hạnh Trưởng Công an", "huyện Châu Thành", "Hoàng Lan Hạnh", "Trưởng Công an huyện Châu Thành"),
    ("Đ/c Hoàng Lan", "Hạnh", "Hoàng Lan Hạnh", None),
])
def test_a_cut_row_of_a_names_and_titles_column_goes_on_with_the_right_one(first, rest, name, title):
    # "Họ tên, chức vụ" in one column: what the page break carried over is the title (all
    # of it, or its end), or the end of the name
    header = ["STT", "Họ tên, chức vụ", "Nội dung việc đột phá", "Thời gian hoàn thành"]
    p1, t1 = _page(1, [header, ["1", first, "Giảm 40% số vụ phạm pháp hình sự so với năm", "Năm 2025"]])
    p2, t2 = _page(2, [["", rest, "trước", ""],
                       ["2", "Đ/c Vũ Thu Tuyết Trưởng Ban Tổ chức Huyện ủy", "Xây dựng phần mềm quản lý đảng viên",
                        "Năm 2024"]])
    doc = Document("phu-luc.pdf", "", "pdf", (p1, p2), tables=(t1, t2))
    a, b = link_tables(doc)
    assert (a.cadre.text, a.position.text if a.position else None) == (name, title)
    assert [t.text for t in a.tasks] == ["Giảm 40% số vụ phạm pháp hình sự so với năm trước"]
    if title and rest == title:
        assert a.position is not None and a.position.span is not None and a.position.span.page == 2
    assert (b.cadre.text, b.position.text if b.position else None) == ("Vũ Thu Tuyết", "Trưởng Ban Tổ chức Huyện ủy")


def test_a_header_of_two_roles_in_one_cell_read_again_is_nobody():
    # "Họ tên, chức vụ" split by a scan's grid into two rows ("STT" in the second), the
    # second read "Hạ tên": a row that names the columns of names and tasks is a header
    found = _found([["", "Họ tên, chức vụ", "Nội dung việc đột phá", "Thời gian hoàn thành"],
                    ["SI1", "Hạ tên, chức vụ", "Nội dung việc đột phá", "Thời gian hoàn thành"],
                    ["1", "Đ/c Hoàng Lan Hạnh", "Giảm 40% số vụ phạm pháp hình sự", "Năm 2025"]])
    assert found == {"Hoàng Lan Hạnh": ["Giảm 40% số vụ phạm pháp hình sự"]}
