"""PDF: text layer read in order with tables; bad PDFs give coded errors."""
from __future__ import annotations

import io
from dataclasses import replace

import docx
import pypdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from extractor.config import DEFAULT_CONFIG
from extractor.errors import EncryptedFile, TooLarge, UnreadableFile
from extractor.read import read, read_bytes

from read_helpers import HEADER, PEOPLE, check_spans, convert


def test_text_pdf_with_appendix_table(made):
    calls = []
    doc = read(made["decision.pdf"], progress=lambda done, total: calls.append((done, total)))
    assert doc.format == "pdf" and not doc.ocr
    assert calls[-1] == (len(doc.pages), len(doc.pages))
    page = doc.pages[0]
    assert page.quality is not None and page.quality > 0.9
    assert page.text.startswith("QUYẾT ĐỊNH về việc giao việc đột phá năm 2024")
    assert "Điều 1. Giao việc đột phá cho các đồng chí có tên tại Phụ lục kèm theo." in page.text
    (table,) = doc.tables
    assert list(table.header) == HEADER
    names = [row[1].text for row in table.rows[1:]]
    expected = [name.replace("Thuỷ", "Thủy") for name, _, tasks in PEOPLE for _ in tasks]
    assert names == expected
    # the name cell merged over a person's task rows is repeated with merged_from
    assert table.rows[2][1].merged_from == (1, 1) and table.rows[3][1].merged_from == (1, 1)
    assert table.rows[1][1].rowspan == 3
    tasks = [row[3].text for row in table.rows[1:]]
    assert tasks[0] == "Hoàn thành đường giao thông nông thôn thôn Bản Khóa"  # a wrapped cell, joined
    kinds = [b.kind for b in doc.blocks]
    assert kinds.index("table") > kinds.index("paragraph")
    assert doc.blocks[-1].text == "Nơi nhận: như Điều 3."
    check_spans(doc)


def two_column_header_docx(path):
    """The header of an official document: issuer left, national motto right (a borderless table)."""
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.autofit = False
    # as in real documents: centred, the motto and the title bold, the place and date italic
    for (r, c), text, style in (((0, 0), "HUYỆN ỦY CHIÊM HÓA", "b"), ((0, 1), "ĐẢNG CỘNG SẢN VIỆT NAM", "b"),
                                ((1, 0), "Số 30-QĐ/TU", ""), ((1, 1), "Chiêm Hóa, ngày 01 tháng 3 năm 2022", "i")):
        cell = t.cell(r, c)
        cell.width = Cm(6.5 if c == 0 else 9.5)
        para = cell.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(text)
        run.bold, run.italic = "b" in style, "i" in style
    title = d.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("QUYẾT ĐỊNH").bold = True
    d.add_paragraph("về việc giao việc đột phá năm 2022").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.save(path)
    return path


def test_two_column_header_is_read_column_by_column(tmp_path):
    (pdf,) = convert([two_column_header_docx(tmp_path / "header.docx")], "pdf", tmp_path)
    text = read(pdf).pages[0].text
    lines = text.split("\n")
    # each column's lines stay together: never "HUYỆN ỦY CHIÊM HÓA ĐẢNG CỘNG SẢN VIỆT NAM"
    assert "HUYỆN ỦY CHIÊM HÓA" in lines and "Số 30-QĐ/TU" in lines
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in lines and "Chiêm Hóa, ngày 01 tháng 3 năm 2022" in lines
    assert lines.index("HUYỆN ỦY CHIÊM HÓA") < lines.index("Số 30-QĐ/TU")
    assert lines.index("ĐẢNG CỘNG SẢN VIỆT NAM") < lines.index("Chiêm Hóa, ngày 01 tháng 3 năm 2022")
    assert lines.index("QUYẾT ĐỊNH") > lines.index("Chiêm Hóa, ngày 01 tháng 3 năm 2022")
    assert lines[-1] == "về việc giao việc đột phá năm 2022"


def encrypt(data: bytes, password: str) -> bytes:
    reader = pypdf.PdfReader(io.BytesIO(data))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password="chủ-sở-hữu")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_encrypted_pdf(made):
    data = encrypt(made["decision.pdf"].read_bytes(), "mật-khẩu")
    with pytest.raises(EncryptedFile) as err:
        read_bytes(data, "secret.pdf")
    assert err.value.code == "encrypted" and "secret.pdf" in str(err.value) and "password" in str(err.value)


def test_pdf_encrypted_with_empty_user_password_is_read(made):
    """Owner-password-only PDFs (printing restrictions) open without a password."""
    data = encrypt(made["decision.pdf"].read_bytes(), "")
    doc = read_bytes(data, "restricted.pdf")
    assert "Phụ lục" in doc.pages[0].text or "PHỤ LỤC" in doc.pages[0].text


def test_truncated_pdf(made):
    data = made["decision.pdf"].read_bytes()
    with pytest.raises(UnreadableFile) as err:
        read_bytes(data[: len(data) // 3], "cut.pdf")
    assert err.value.code == "unreadable" and "cut.pdf" in str(err.value)


def test_page_limit(made):
    writer = pypdf.PdfWriter()
    page = pypdf.PdfReader(made["decision.pdf"]).pages[0]
    for _ in range(4):
        writer.add_page(page)
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(TooLarge) as err:
        read_bytes(buf.getvalue(), "long.pdf", config=replace(DEFAULT_CONFIG, max_pages=3))
    assert err.value.code == "too_large" and "4 pages" in str(err.value)
    assert len(read_bytes(buf.getvalue(), "long.pdf", config=replace(DEFAULT_CONFIG, max_pages=4)).pages) == 4


def test_kind_by_content_not_name(made, tmp_path):
    disguised = tmp_path / "really-a-pdf.docx"
    disguised.write_bytes(made["decision.pdf"].read_bytes())
    assert read(disguised).format == "pdf"
    no_ext = tmp_path / "noextension"
    no_ext.write_bytes(made["decision.docx"].read_bytes())
    assert read(no_ext).format == "docx"


def test_text_layer_in_a_legacy_font_is_converted(tmp_path):
    """Old PDFs typed with ABC (.VnTime) fonts carry TCVN3 codes in their text layer:
    read as is they are garbage; they are converted, not sent to OCR."""
    from extractor.normalize import encode_legacy

    # No plain "ư" here: its TCVN3 code is 0xAD, which LibreOffice drops as a soft hyphen
    # when it makes the test PDF (a real ABC font draws it).
    sentence = ("Giao cho đồng chí Nguyễn Thị Lan, Chủ tịch ủy ban nhân dân xã Hòa Phú: hoàn thành "
                "việc xây dựng nhà văn hóa thôn Đồng Mạ; trồng mới hai chục héc ta rừng sản xuất.")
    assert "ư" not in sentence.replace("ừ", "")
    d = docx.Document()
    for _ in range(3):
        d.add_paragraph(encode_legacy(sentence, "tcvn3").decode("cp1252"))
    (pdf,) = convert([d.save(tmp_path / "abc.docx") or tmp_path / "abc.docx"], "pdf", tmp_path)
    doc = read(pdf)
    assert not doc.ocr
    assert doc.pages[0].text.split("\n")[0] == sentence
    assert any(f.kind == "legacy_encoding" for f in doc.fixes)


def test_pdf_table_horizontal_and_vertical_merges_told_apart(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=4, cols=3)
    t.style = "Table Grid"
    t.cell(0, 0).merge(t.cell(0, 2)).text = "PHỤ LỤC GIAO VIỆC"
    t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "Họ và tên", "Nội dung", "Thời gian"
    t.cell(2, 0).merge(t.cell(3, 0)).text = "Đỗ Văn Hiếu"
    t.cell(2, 1).text, t.cell(3, 1).text = "Trồng rừng", "Làm đường"
    t.cell(2, 2).merge(t.cell(3, 2)).text = "Năm 2022"
    d.save(tmp_path / "m.docx")
    (pdf,) = convert([tmp_path / "m.docx"], "pdf", tmp_path)
    (table,) = read(pdf).tables
    assert [[c.text for c in row] for row in table.rows] == [
        ["PHỤ LỤC GIAO VIỆC"] * 3,
        ["Họ và tên", "Nội dung", "Thời gian"],
        ["Đỗ Văn Hiếu", "Trồng rừng", "Năm 2022"],
        ["Đỗ Văn Hiếu", "Làm đường", "Năm 2022"]]
    assert table.rows[0][0].colspan == 3 and table.rows[0][1].merged_from == (0, 0)
    assert table.rows[2][0].rowspan == 2 and table.rows[3][0].merged_from == (2, 0)
    assert table.rows[3][2].merged_from == (2, 2) and table.rows[3][1].merged_from is None
