"""Appendix tables laid out as offices lay them out, typed in Word, printed and scanned
(200 dpi grey, turned, blurred, noisy): the records must come out as from the typed file.

Each layout is one that once gave wrong or no records from a scan: group headings across
the table ("I. LÃNH ĐẠO UBND HUYỆN"), "TT" read by OCR as "T", a header over two rows,
a numbered list typed in one cell; and the letterhead, whose two columns OCR reads as one
line ("UBND HUYỆN KIM SƠN CỘNG HÒA XÃ HỘI …": the district is Kim Sơn, and no commune).
The documents are written here; LibreOffice lays them out, pdftoppm rasterises them, the
whole pipeline reads them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.evaluate import key
from extractor.pipeline import extract_document
from extractor.read import read

from ..read.read_helpers import convert, degrade, images_to_pdf, render

PEOPLE = [("Đinh Văn Khoa", "Chủ tịch UBND huyện",
           ["Chỉ đạo hoàn thành xây dựng chợ trung tâm huyện", "Chỉ đạo số hóa hồ sơ thủ tục hành chính"]),
          ("Phạm Thị Hạnh", "Phó Chủ tịch UBND huyện", ["Phát triển ba sản phẩm OCOP đạt bốn sao"]),
          ("Lưu Quang Tiến", "Trưởng phòng Tài nguyên và Môi trường",
           ["Cấp giấy chứng nhận quyền sử dụng đất lần đầu cho 200 hộ", "Xây dựng cơ sở dữ liệu đất đai"])]


def _decision(path: Path, rows: list[list[str]], merges: list[tuple[int, int, int, int]] = ()) -> Path:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(13)
    # the letterhead: issuer and national motto side by side, as every decision has them
    head = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "UBND HUYỆN KIM SƠN", (0, 1): "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         (1, 0): "Số: 123/QĐ-UBND", (1, 1): "Độc lập - Tự do - Hạnh phúc"}.items():
        head.cell(r, c).text = text
    for line in ("QUYẾT ĐỊNH Về việc giao việc đột phá, đổi mới năm 2024",
                 "Điều 1. Giao việc đột phá, đổi mới năm 2024 cho cán bộ (có danh sách kèm theo).",
                 "DANH SÁCH GIAO VIỆC ĐỘT PHÁ, ĐỔI MỚI NĂM 2024"):
        d.add_paragraph(line)
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for r0, c0, r1, c1 in merges:
        text = table.cell(r0, c0).text
        table.cell(r0, c0).merge(table.cell(r1, c1)).text = text
    d.save(path)
    return path


def _groups() -> tuple[list[list[str]], list]:
    rows = [["TT", "Họ và tên", "Chức vụ", "Nội dung việc đột phá, đổi mới", "Thời gian hoàn thành"],
            ["I", "LÃNH ĐẠO UBND HUYỆN", "", "", ""]]
    merges = [(1, 1, 1, 4)]
    for k, (name, post, tasks) in enumerate(PEOPLE, 1):
        if k == 3:
            rows.append(["II", "CÁC PHÒNG, BAN CHUYÊN MÔN", "", "", ""])
            merges.append((len(rows) - 1, 1, len(rows) - 1, 4))
        first = len(rows)
        rows += [[str(k), name, post, t, "Tháng 12/2024"] for t in tasks]
        if len(tasks) > 1:
            merges += [(first, c, len(rows) - 1, c) for c in range(3)]
    return rows, merges


def _two_row_header() -> tuple[list[list[str]], list]:
    rows = [["STT", "Họ và tên", "Chức vụ", "Việc đột phá, đổi mới", ""],
            ["", "", "", "Nội dung", "Thời gian hoàn thành"]]
    rows += [[str(k), name, post, t, "Quý IV/2024"] for k, (name, post, tasks) in enumerate(PEOPLE, 1) for t in tasks]
    return rows, [(0, 3, 0, 4), (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2)]


def _numbered_cells() -> tuple[list[list[str]], list]:
    rows = [["STT", "Họ và tên", "Chức vụ", "Nội dung việc đột phá", "Thời gian"]]
    rows += [[str(k), name, post, "\n".join(f"{i}. {t}" for i, t in enumerate(tasks, 1)), "Năm 2024"]
             for k, (name, post, tasks) in enumerate(PEOPLE, 1)]
    return rows, []


LAYOUTS = {"groups": _groups, "two_row_header": _two_row_header, "numbered_cells": _numbered_cells}


@pytest.fixture(scope="module")
def scans(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """Per layout: (the typed DOCX, its scan as an image-only PDF)."""
    tmp = tmp_path_factory.mktemp("scanned-tables")
    typed = {name: _decision(tmp / f"{name}.docx", *make()) for name, make in LAYOUTS.items()}
    pdfs = convert(list(typed.values()), "pdf", tmp)
    out = {}
    for seed, (name, pdf) in enumerate(zip(typed, pdfs, strict=True)):
        pages = [degrade(p, tmp / f"scan-{p.name}", angle=0.8, noise=10.0, blur=0.6, seed=seed)
                 for p in render(pdf, tmp, dpi=200)]
        out[name] = (typed[name], images_to_pdf(pages, tmp / f"{name}.scan.pdf", dpi=200))
    return out


def _records(path: Path) -> dict[str, tuple[str | None, int]]:
    x = extract_document(read(path))
    return {key(a.cadre.text): (a.unit.text if a.unit else None, len(a.tasks)) for a in x.assignments if a.cadre}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_scanned_table_gives_the_typed_files_records(scans, layout):
    typed, scanned = scans[layout]
    expected = {key(name): ("UBND huyện Kim Sơn" if "UBND" in post else "phòng Tài nguyên và Môi trường", len(tasks))
                for name, post, tasks in PEOPLE}
    assert _records(typed) == expected
    assert _records(scanned) == expected
