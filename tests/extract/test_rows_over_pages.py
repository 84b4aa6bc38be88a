"""An appendix table whose row the page break cuts in two (Word and LibreOffice let a row
break across pages, and do so by default), read from the PDF and from its scan: the rest of
the row at the top of the next page finishes that row's task, and the header the next page
repeats is nobody. Before, the rest was a task of its own ("nước hợp vệ sinh lên 70%") and
the repeated header a person called "Họ và tên".

The decision is written here; LibreOffice lays it out, pdftoppm rasterises it for the scan.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rapidfuzz import fuzz

from extractor.evaluate import key
from extractor.pipeline import extract_document
from extractor.read import read

from ..read.read_helpers import convert, degrade, images_to_pdf, render

LONG = ("Vận động nhân dân hiến đất, góp công làm đường giao thông nông thôn, hoàn thành bê tông hóa "
        "toàn bộ các tuyến đường trục thôn, liên thôn và đường ra khu sản xuất tập trung của xã, lắp đặt "
        "hệ thống đèn chiếu sáng công cộng bằng năng lượng mặt trời trên các tuyến đường trục chính, trồng "
        "cây xanh hai bên đường và duy trì tổ tự quản đường giao thông ở từng thôn, bản trong toàn xã")
PEOPLE = [("Nguyễn Văn An", "Chủ tịch UBND xã Kim Bình", ["Xây mới nhà văn hóa thôn Bản Khóa", LONG]),
          ("Lê Thị Mai", "Bí thư Đoàn xã Kim Bình", ["Kết nạp 20 đoàn viên mới trong các chi đoàn thôn"])]


def _decision(path: Path, filler: int) -> Path:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(13)
    d.add_paragraph("QUYẾT ĐỊNH Về việc giao việc đột phá, đổi mới năm 2024")
    for k in range(filler):  # the table starts low on the page: its long row breaks over
        d.add_paragraph(f"Căn cứ văn bản số {k + 1} của Ban Thường vụ Huyện ủy về công tác cán bộ năm 2024;")
    d.add_paragraph("DANH SÁCH GIAO VIỆC ĐỘT PHÁ, ĐỔI MỚI NĂM 2024")
    rows = [["STT", "Họ và tên", "Chức vụ", "Nội dung việc đột phá", "Thời gian hoàn thành"]]
    for n, (name, title, tasks) in enumerate(PEOPLE, 1):
        rows += [[str(n), name, title, task, "Năm 2024"] for task in tasks]
    table = d.add_table(rows=len(rows), cols=5)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    header = table.rows[0]._tr.get_or_add_trPr()  # the header repeated on each page, as offices set it
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    d.save(path)
    return path


# lines of filler before the table, and where the page break then cuts Nguyễn Văn An's rows
# (measured with LibreOffice 7.4): inside the long task; through his name ("Nguyễn Văn" /
# "An"), title ("Chủ tịch" / "UBND xã Kim Bình") and long task; through his first task
CUTS = {8: "the long task", 11: "name, title and task", 12: "title and first task"}


@pytest.fixture(scope="module", params=sorted(CUTS), ids=[CUTS[k] for k in sorted(CUTS)])
def pdf(request, tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("rows")
    (out,) = convert([_decision(tmp / "rows.docx", filler=request.param)], "pdf", tmp)
    return out


def test_the_rows_go_over_the_page(pdf):
    doc = read(pdf)
    assert len(doc.pages) == 2 and {t.page for t in doc.tables} == {1, 2}
    # the break cuts a row: the table on page 2 goes on with a row that has no number
    cut = doc.tables[-1].rows[1]
    assert not cut[0].text.strip() and not cut[4].text.strip() and cut[3].text.strip()


@pytest.mark.parametrize("scanned", [False, True], ids=["pdf", "scan"])
def test_a_row_cut_by_the_page_break_is_one_task(pdf, scanned, tmp_path):
    if scanned:
        pages = render(pdf, tmp_path, dpi=200)
        pdf = images_to_pdf([degrade(p, tmp_path / f"s{i}.png", angle=0.6, seed=i) for i, p in enumerate(pages)],
                            tmp_path / "scan.pdf", dpi=200)
    records = extract_document(read(pdf)).assignments
    # compared as the scorer compares (case, tone marks and punctuation aside): OCR may
    # misread a mark in a long task ("hiển" for "hiến")
    got = {key(a.cadre.text): [key(t.text) for t in a.tasks] for a in records}
    an, mai = key("Nguyễn Văn An"), key("Lê Thị Mai")
    assert set(got) == {an, mai}, got
    assert len(got[an]) == 2 and got[an][0] == key("Xây mới nhà văn hóa thôn Bản Khóa"), got[an]
    assert fuzz.ratio(got[an][1], key(LONG)) >= 95, got[an][1]
    assert {key(a.cadre.text): key(a.position.text) for a in records if a.position}[an] == \
        key("Chủ tịch UBND xã Kim Bình")
