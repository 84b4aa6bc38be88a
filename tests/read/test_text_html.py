"""TXT, Markdown and HTML: encodings detected and recorded, blocks, tables, spans."""
from __future__ import annotations

import pytest

from extractor.errors import EmptyFile
from extractor.normalize import encode_legacy
from extractor.read import read, read_bytes

from read_helpers import SENTENCE, check_spans, cp1258

LINES = ["QUYẾT ĐỊNH về việc giao việc đột phá", SENTENCE, "1. Hoàn thành đường giao thông thôn Bản Khoá;",
         "2. Trồng mới 20 ha rừng sản xuất."]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "windows-1258", "tcvn3", "vni"])
def test_txt_encodings(tmp_path, encoding):
    text = "\n".join(LINES)
    if encoding in ("tcvn3", "vni"):
        data = encode_legacy(text, encoding)
    elif encoding == "windows-1258":
        data = cp1258(text)
    else:
        data = text.encode(encoding)
    path = tmp_path / "qd.txt"
    path.write_bytes(data)
    doc = read(path)
    assert doc.format == "txt"
    assert doc.encoding == {"utf-16": "utf-16"}.get(encoding, encoding)
    page = doc.pages[0].text
    expected_sentence = SENTENCE.replace("Ủy", "ủy") if encoding == "tcvn3" else SENTENCE
    assert expected_sentence in page
    assert "Bản Khóa" in page  # new-style "Khoá" normalised to "Khóa"
    if encoding in ("tcvn3", "vni", "windows-1258"):
        assert any(f.kind == "legacy_encoding" for f in doc.fixes)
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph", "list_item", "list_item"]
    assert [b.label for b in doc.blocks][2:] == ["1.", "2."]
    check_spans(doc)


def test_txt_hard_wrapped_paragraphs_are_rejoined():
    data = ("Giao cho đồng chí Nguyễn Thị Lan, Chủ tịch\nUBND xã Hòa Phú, thực hiện\n\n"
            "1. Hoàn thành đường giao\nthông nông thôn;\n2. Trồng rừng.\n\nNơi nhận:\n- Như trên.").encode()
    doc = read_bytes(data, "wrapped.txt")
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "Giao cho đồng chí Nguyễn Thị Lan, Chủ tịch UBND xã Hòa Phú, thực hiện"
    assert texts[1] == "1. Hoàn thành đường giao thông nông thôn;"
    assert texts[2] == "2. Trồng rừng."
    check_spans(doc)


def test_original_kept_when_normalised():
    doc = read_bytes("Xã  Hoà Phú".encode(), "x.txt")
    assert doc.pages[0].text == "Xã Hòa Phú"
    assert doc.pages[0].original == "Xã  Hoà Phú"
    same = read_bytes("Xã Hòa Phú".encode(), "y.txt")
    assert same.pages[0].original is None


def test_markdown_headings():
    doc = read_bytes("# Kế hoạch\n\nNội dung thực hiện.\n\n## Phụ lục\n".encode(), "plan.md")
    assert doc.format == "md"
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "Kế hoạch"), ("paragraph", 0, "Nội dung thực hiện."), ("heading", 2, "Phụ lục")]


HTML = """<!doctype html><html><head><meta charset="utf-8"><title>Tiêu đề trang</title>
<style>p {{ color: red }}</style><script>var x = "không phải văn bản";</script></head>
<body><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức khác</a></nav>
<aside><p>Tin liên quan: đồng chí Trần Văn Khác phát biểu</p></aside>
<h1>Quyết định giao việc</h1><p>Giao cho đồng chí <b>Nguyễn Thị Lan</b>,&nbsp;Chủ tịch UBND xã Hoà Phú:</p>
<ol><li>Hoàn thành đường giao thông;</li><li>Trồng rừng.</li></ol><ul><li>ý phụ</li></ul>
<table border=1><tr><th>STT</th><th>Họ và tên</th><th>Nội dung</th></tr>
<tr><td rowspan="2">1</td><td rowspan="2">Lê Văn Thủy</td><td>Kết nạp 5 đảng viên</td></tr>
<tr><td>Sửa chữa trụ sở<br>xã</td></tr>
<tr><td colspan="2">Tổng</td><td>2 việc</td></tr></table>
<p>Nơi nhận</p></body></html>"""


def test_html_blocks_lists_and_tables():
    doc = read_bytes(HTML.encode(), "page.html")
    assert doc.format == "html"
    text = doc.pages[0].text
    assert "không phải văn bản" not in text and "color" not in text and "Tiêu đề trang" not in text
    assert "Trang chủ" not in text and "Trần Văn Khác" not in text
    kinds = [(b.kind, b.label) for b in doc.blocks]
    assert kinds == [("heading", None), ("paragraph", None), ("list_item", "1."), ("list_item", "2."),
                     ("list_item", "-"), ("table", None), ("paragraph", None)]
    assert doc.blocks[1].text == "Giao cho đồng chí Nguyễn Thị Lan, Chủ tịch UBND xã Hòa Phú:"
    (table,) = doc.tables
    rows = [[c.text for c in row] for row in table.rows]
    assert rows == [["STT", "Họ và tên", "Nội dung"],
                    ["1", "Lê Văn Thủy", "Kết nạp 5 đảng viên"],
                    ["1", "Lê Văn Thủy", "Sửa chữa trụ sở xã"],
                    ["Tổng", "Tổng", "2 việc"]]
    assert table.rows[2][1].merged_from == (1, 1) and table.rows[1][1].rowspan == 2
    assert table.rows[3][1].merged_from == (3, 0) and table.rows[3][0].colspan == 2
    assert doc.blocks[5].table == 0
    check_spans(doc)


def test_html_declared_legacy_charset():
    body = encode_legacy("<p>" + SENTENCE + "</p>", "vni")
    data = (b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>'
            + body + b"</body></html>")
    doc = read_bytes(data, "old.htm")
    assert doc.encoding == "vni"
    assert doc.pages[0].text == SENTENCE


@pytest.mark.parametrize("data", [b"", b"   \n\n ", b"<html><body><script>x</script></body></html>"])
def test_empty_text_files(data):
    with pytest.raises(EmptyFile) as err:
        read_bytes(data, "blank.txt")
    assert "blank.txt" in str(err.value) and err.value.code == "empty"


def test_tab_separated_rows_in_a_txt_file_are_a_table_with_cell_spans(tmp_path):
    """Appendix tables pasted from Word/Excel into .txt arrive as tab-separated rows."""
    from extractor import read

    path = tmp_path / "phu-luc.txt"
    path.write_text("PHỤ LỤC\nSTT\tHọ và tên\tChức vụ\tNội dung\n"
                    "1\tLò Thị Hoa\tBí thư Đảng ủy xã\tKết nạp 5 đảng viên\n"
                    "\t\t\tXây dựng chi bộ thôn Nà Lừa\nGhi chú: ký tên.\n", encoding="utf-8")
    doc = read(path)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert [c.text for c in table.rows[0]] == ["STT", "Họ và tên", "Chức vụ", "Nội dung"]
    assert [c.text for c in table.rows[2]][3] == "Xây dựng chi bộ thôn Nà Lừa"
    page = doc.pages[0].text
    for row in table.rows:
        for cell in row:
            assert page[cell.span.start:cell.span.end] == cell.text
    assert "PHỤ LỤC" in page and "Ghi chú: ký tên." in page


def test_a_hard_wrapped_file_keeps_a_forms_fields_and_a_lists_announcement_on_their_own_lines():
    from extractor.read.text import _paragraphs

    text = ("Đoạn đầu được ngắt\ndòng giữa câu.\n\nTôi tên là: Lò Văn Pọm\nChức vụ: Trưởng thôn Nà Mò\n"
            "Đăng ký các việc sau:\n- Làm 300 m đường bê tông.\n\nĐoạn cuối\nvẫn nối lại.\n")
    assert _paragraphs(text) == ["Đoạn đầu được ngắt\ndòng giữa câu.", "Tôi tên là: Lò Văn Pọm",
                                 "Chức vụ: Trưởng thôn Nà Mò", "Đăng ký các việc sau:", "- Làm 300 m đường bê tông.",
                                 "Đoạn cuối\nvẫn nối lại."]
