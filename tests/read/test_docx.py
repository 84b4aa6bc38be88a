"""DOCX (python-docx made) and .doc (LibreOffice made): order, numbering, merges, no header."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from extractor.errors import UnreadableFile
from extractor.read import read

from read_helpers import HEADER, PEOPLE, check_spans, convert, soffice


def test_decision_docx_order_and_appendix_table(made):
    doc = read(made["decision.docx"])
    assert doc.format == "docx" and len(doc.pages) == 1 and not doc.ocr
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["paragraph", "paragraph", "paragraph", "heading", "table", "paragraph"]
    (table,) = doc.tables
    assert list(table.header) == HEADER
    rows = table.rows[1:]
    assert len(rows) == sum(len(t) for _, _, t in PEOPLE)
    r = 0
    for name, _, tasks in PEOPLE:
        for k, task in enumerate(tasks):
            row = rows[r]
            assert row[1].text == name.replace("Thuỷ", "Thủy")
            assert row[3].text == task.replace("Khoá", "Khóa").replace("hoá", "hóa")
            if k == 0:
                assert row[1].merged_from is None and row[1].rowspan == len(tasks)
            else:
                assert row[1].merged_from == (r + 1 - k, 1)
            r += 1
    check_spans(doc)


def test_numbering_headings_and_header_footer_skipped(tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "ĐẦU TRANG KHÔNG ĐỌC"
    d.sections[0].footer.paragraphs[0].text = "CHÂN TRANG KHÔNG ĐỌC"
    d.add_heading("Kế hoạch thực hiện", level=1)
    d.add_paragraph("Giao cho đồng chí Hoàng Đức Minh:")
    for task in ("Giảm nợ đọng xây dựng cơ bản", "Số hóa hồ sơ ngân sách", "Tăng thu ngân sách"):
        d.add_paragraph(task, style="List Number")
    d.add_paragraph("Ý gạch đầu dòng", style="List Bullet")
    d.add_heading("Tổ chức thực hiện", level=2)
    path = tmp_path / "plan.docx"
    d.save(path)
    doc = read(path)
    text = doc.pages[0].text
    assert "KHÔNG ĐỌC" not in text
    got = [(b.kind, b.level, b.label, b.text) for b in doc.blocks]
    assert got == [
        ("heading", 1, None, "Kế hoạch thực hiện"),
        ("paragraph", 0, None, "Giao cho đồng chí Hoàng Đức Minh:"),
        ("list_item", 0, "1.", "1. Giảm nợ đọng xây dựng cơ bản"),
        ("list_item", 0, "2.", "2. Số hóa hồ sơ ngân sách"),
        ("list_item", 0, "3.", "3. Tăng thu ngân sách"),
        ("list_item", 0, "-", "- Ý gạch đầu dòng"),
        ("heading", 2, None, "Tổ chức thực hiện"),
    ]
    check_spans(doc)


def test_horizontal_merge_and_wrapped_cell(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    t.style = "Table Grid"
    top = t.cell(0, 0).merge(t.cell(0, 2))
    top.text = "PHỤ LỤC GIAO VIỆC"
    t.cell(1, 0).text = "1"
    c = t.cell(1, 1)
    c.text = "Đỗ Văn"
    c.add_paragraph("Hiếu")
    t.cell(1, 2).text = "Trồng rừng"
    path = tmp_path / "merge.docx"
    d.save(path)
    (table,) = read(path).tables
    assert [[c.text for c in row] for row in table.rows] == [
        ["PHỤ LỤC GIAO VIỆC"] * 3, ["1", "Đỗ Văn Hiếu", "Trồng rừng"]]
    assert table.rows[0][0].colspan == 3 and table.rows[0][2].merged_from == (0, 0)


def test_truncated_docx_is_unreadable(made, tmp_path):
    data = made["decision.docx"].read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFile) as err:
        read(path)
    assert "cut.docx" in str(err.value) and err.value.code == "unreadable"


@pytest.mark.slow
def test_legacy_doc_via_libreoffice(made, tmp_path):
    (doc_path,) = convert([made["decision.docx"]], "doc", tmp_path)
    doc = read(doc_path)
    assert doc.format == "doc"
    (table,) = doc.tables
    assert list(table.header) == HEADER
    assert table.rows[2][1].text == PEOPLE[0][0] and table.rows[2][1].merged_from == (1, 1)
    check_spans(doc)


def test_runs_inside_insertions_fields_and_text_boxes(tmp_path):
    """Text Word shows but python-docx's Paragraph.text misses: tracked insertions,
    simple fields, smart tags; deleted text is not read."""
    from docx.oxml import parse_xml

    d = docx.Document()
    p = d.add_paragraph("Giao cho đồng chí ")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="a"><w:r><w:t>Nguyễn Thị Lan</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText>Trần Văn Xóa</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:smartTag {w} w:element="place"><w:r><w:t>, xã Hòa Phú</w:t></w:r></w:smartTag>'))
    p._p.append(parse_xml(f'<w:fldSimple {w} w:instr="DATE"><w:r><w:t> năm 2024</w:t></w:r></w:fldSimple>'))
    path = tmp_path / "tracked.docx"
    d.save(path)
    assert read(path).blocks[0].text == "Giao cho đồng chí Nguyễn Thị Lan, xã Hòa Phú năm 2024"


@pytest.mark.slow
def test_rtf_and_odt_via_libreoffice(made, tmp_path):
    for target in ("rtf", "odt"):
        (path,) = convert([made["decision.docx"]], target, tmp_path)
        doc = read(path)
        assert doc.tables and list(doc.tables[0].header) == HEADER, target
        assert doc.tables[0].rows[2][1].merged_from == (1, 1), target


def _processes_of(pid: int, marker: str) -> list[str]:
    """Live processes (zombies are dead) in the session ``pid`` leads or whose command
    line names ``marker``."""
    left = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        state, _ppid, _pgrp, session = stat[stat.rindex(")") + 2:].split()[:4]
        if state != "Z" and (int(session) == pid or marker in cmdline):
            left.append(f"{entry.name} {state} {cmdline[:120]}")
    return left


@pytest.mark.slow
def test_libreoffice_timeout_leaves_nothing_running(monkeypatch):
    """On timeout the whole LibreOffice session is killed: the `soffice` script's
    soffice.bin was left running (issue 13), and its private profile is removed."""
    import subprocess
    import time

    from extractor.read.docx import convert_with_soffice

    soffice()
    started: list[tuple[int, list[str]]] = []
    popen = subprocess.Popen

    class Recorded(popen):
        def __init__(self, args, *a, **kw):
            super().__init__(args, *a, **kw)
            started.append((self.pid, [str(x) for x in args]))

    monkeypatch.setattr(subprocess, "Popen", Recorded)
    # Long enough to keep LibreOffice busy well past the timeout, so soffice.bin is up.
    rtf = b"{\\rtf1\\ansi " + b"Giao cho dong chi Nguyen Van An xay dung nong thon moi.\\par " * 200_000 + b"}"
    with pytest.raises(UnreadableFile, match="took more than 3s"):
        convert_with_soffice(rtf, ".rtf", "docx", "lon.rtf", timeout=3)
    (pid, args), = [s for s in started if "--convert-to" in s[1]]
    workdir = args[args.index("--outdir") + 1]
    assert any(a == f"-env:UserInstallation=file://{workdir}/profile" for a in args)
    # SIGKILL is delivered at once; a moment for a loaded machine, no more: an orphaned
    # soffice.bin exits by itself within a second once its folder is gone.
    deadline = time.monotonic() + 0.2
    while (left := _processes_of(pid, workdir)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert left == []
    assert not Path(workdir).exists()
