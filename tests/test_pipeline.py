"""The ordered stages (extractor/pipeline.py) on whole pages: every extracted field carries a span
with ``page.text[start:end] == field text``; hard negatives, statistics, declared counts, units
and years from context, soft line breaks."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.pipeline import extract, extract_document
from extractor.records import Document, Page

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ma", "Lò", "Triệu"]
MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thu", "Quốc", "Ngọc", "Hữu"]
GIVEN = ["Long", "Hà", "Tuấn", "Lan", "Sơn", "Hiền", "Thắng", "Dũng", "Yến", "Phúc"]
TITLES = ["Chủ tịch UBND xã Tân Lập", "Bí thư Đảng ủy xã Kiên Đài", "Trưởng Phòng Tài chính huyện Yên Sơn",
          "Phó Chủ tịch UBND huyện", "Giám đốc Sở Y tế", "Bí thư Huyện đoàn Na Hang"]
VERBS = ["xây dựng", "chỉ đạo", "vận động", "hoàn thành", "tham mưu", "kết nạp"]
OBJECTS = ["đường giao thông nông thôn thôn 3", "12 đảng viên mới", "chợ trung tâm xã",
           "mô hình trồng cam sành 20 ha", "nhà văn hóa thôn Khuổi Củng", "hồ sơ đất đai tồn đọng"]
FILLER = ["Hội nghị diễn ra sôi nổi.", "Các đại biểu thống nhất cao.", "Thời tiết thuận lợi cho sản xuất.", ""]

names = st.builds(lambda a, b, c: f"{a} {b} {c}", st.sampled_from(SURNAMES), st.sampled_from(MIDDLE),
                  st.sampled_from(GIVEN))
tasks = st.lists(st.builds(lambda v, o: f"{v} {o}", st.sampled_from(VERBS), st.sampled_from(OBJECTS)),
                 min_size=1, max_size=4, unique=True)


@st.composite
def sentences(draw):
    name, title, ts = draw(names), draw(st.sampled_from(TITLES)), draw(tasks)
    year = draw(st.integers(2015, 2030))
    lead = draw(st.sampled_from(FILLER))
    form = draw(st.integers(0, 2))
    if form == 0:
        body = f"Năm {year}, đồng chí {name}, {title} được giao {len(ts)} việc đột phá là {'; '.join(ts)}."
    elif form == 1:
        body = f"Năm {year}, ông {name} - {title} phụ trách {ts[0]}."
        ts = [f"phụ trách {ts[0]}"]
    else:
        items = "\n".join(f"- {t};" for t in ts)
        body = f"Năm {year}, phân công như sau:\n1. Đồng chí {name}, {title}:\n{items}"
    return f"{lead}\n{body}\n{draw(st.sampled_from(FILLER))}", name, ts, year


def _read_at(pages, span) -> str:
    """The text a span points at; one that runs over a page break goes on at ``continued``."""
    text = pages[span.page][span.start:span.end]
    if span.continued is not None:
        c = span.continued
        assert (c.page, c.start) == (span.page + 1, 0) and span.end == len(pages[span.page])
        text += ("" if text[-1:].isspace() else " ") + pages[c.page][c.start:c.end]
    return text


def _check_spans(result, doc):
    pages = {p.number: p.text for p in doc.pages}
    for a in result.assignments:
        for f in (a.cadre, a.position):
            if f is not None and f.span is not None:
                assert _read_at(pages, f.span) == f.text
        for t in a.tasks:
            assert _read_at(pages, t.span) == t.text
            if t.period and t.period.span:
                assert pages[t.period.span.page][t.period.span.start:t.period.span.end] == t.period.text
        if a.period and a.period.span:
            assert pages[a.period.span.page][a.period.span.start:a.period.span.end] == a.period.text
    for s in result.statistics:
        assert pages[s.span.page][s.span.start:s.span.end] == s.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences())
def test_generated_assignment_is_found_with_exact_spans(case):
    text, name, ts, year = case
    doc = Document("gen.txt", "", "txt", (Page(1, text),))
    result = extract_document(doc)
    _check_spans(result, doc)
    assert [a.cadre.text for a in result.assignments] == [name]
    a = result.assignments[0]
    assert [t.text for t in a.tasks] == ts
    assert (a.period.start, a.period.end) == (year, year)


def test_spans_on_every_corpus_document(corpus_dev, corpus_train):
    from extractor.read import read
    from service.cli.eval import documents_for

    checked = 0
    for folder, step in ((corpus_dev, 1), (corpus_train, 3)):  # a third of train keeps the suite short
        for path in documents_for(folder)[::step]:
            doc = read(path)
            result = extract_document(doc)
            _check_spans(result, doc)
            checked += len(result.assignments)
    assert checked > 60


def test_unreadable_file_is_an_error_not_an_exception(tmp_path):
    missing = extract(str(tmp_path / "none.txt"))
    assert missing.error is not None and missing.error.code == "unreadable"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = extract(str(empty))
    assert result.error is not None and result.error.code == "empty"
    assert result.assignments == ()


def test_a_sentence_that_goes_on_over_a_page_break_is_read_whole():
    # a PDF or a scan breaks pages mid-sentence; the second page begins in lower case
    one = ("Tin tức.\nNăm 2023, đồng chí Lò Văn Pín, Chủ tịch UBND xã Tân Lập được giao 3 việc đột phá là "
           "xây dựng xã đạt chuẩn nông")
    two = ("thôn mới nâng cao; kết nạp 5 đảng viên mới; làm 2 km đường bê tông. Đồng chí Pín cho biết sẽ "
           "hoàn thành sớm.\nNăm 2023, đồng chí Hà Thị Mai, Phó Chủ tịch UBND xã được giao xây dựng "
           "chính quyền số.")
    doc = Document("p.pdf", "", "pdf", (Page(1, one), Page(2, two)))
    result = extract_document(doc)
    _check_spans(result, doc)
    found = {a.cadre.text: [t.text for t in a.tasks] for a in result.assignments}
    assert found["Lò Văn Pín"] == ["xây dựng xã đạt chuẩn nông thôn mới nâng cao", "kết nạp 5 đảng viên mới",
                                   "làm 2 km đường bê tông"]
    assert found["Hà Thị Mai"] == ["xây dựng chính quyền số"]
    first = next(a for a in result.assignments if a.cadre.text == "Lò Văn Pín")
    assert first.tasks[0].span.continued is not None and first.tasks[1].span.page == 2


def _extract(text: str):
    return extract_document(Document("t.txt", "", "txt", (Page(1, text),)))


@pytest.mark.parametrize("text", [
    "Đồng chí Lê Văn Bình, Bí thư Huyện ủy cho biết: năm nay huyện giao 50 việc đột phá cho cán bộ.",
    "Đồng chí Trần Thị Lan, Phó Chủ tịch HĐND tỉnh phát biểu chỉ đạo hội nghị.",
    "Kỳ họp đã bầu ông Nguyễn Văn Hùng giữ chức Chủ tịch UBND huyện nhiệm kỳ 2021 - 2026.",
    "Ban Thường vụ tặng hoa chúc mừng đồng chí Phạm Minh Tuấn, Trưởng Ban Tổ chức Huyện ủy.",
    "UBND huyện giao Phòng Tài chính chủ trì xây dựng kế hoạch năm 2023.",
    "Có thể nghiên cứu đề xuất phân công Phó Chủ tịch UBND tỉnh Hoàng Văn Nam làm tổ trưởng.",
    "Theo ông Đỗ Văn Hải, Chủ tịch UBND xã, sẽ tiếp tục theo dõi, đánh giá kết quả.",
])
def test_hard_negatives_yield_nothing(text):
    assert _extract(text).assignments == ()


def test_statistics_are_not_assignments():
    r = _extract("Năm 2021, Ban Thường vụ Thị ủy giao 150 việc đột phá, đổi mới cho 90 cán bộ chủ chốt.")
    assert r.assignments == ()
    assert [(s.tasks, s.cadres, s.period.start) for s in r.statistics] == [(150, 90, 2021)]


def test_declared_count_mismatch_warns():
    r = _extract("Năm 2022, đồng chí Đỗ Văn Hiển, Trưởng Phòng Nội vụ huyện được giao 3 việc đột phá là "
                 "rà soát hồ sơ cán bộ; sắp xếp thôn bản.")
    a = r.assignments[0]
    assert a.declared_count == 3 and len(a.tasks) == 2
    assert a.warnings == ("declared 3 tasks, found 2",)


def test_unit_implied_by_title_and_context_province():
    r = _extract("UBND tỉnh Hà Giang phân công nhiệm vụ. Ông Lê Văn An - Phó Chủ tịch UBND tỉnh phụ trách "
                 "lĩnh vực nông nghiệp.")
    assert r.assignments[0].unit.text == "UBND tỉnh Hà Giang"


def test_hints_give_fallback_year():
    r = extract_document(Document("t.txt", "", "txt", (Page(1, "Đồng chí Lê Văn An, Bí thư Chi bộ thôn 3 "
                                                                 "được giao: kết nạp 2 đảng viên."),)),
                         hints={"year": 2019})
    assert (r.assignments[0].period.start, r.assignments[0].period.end) == (2019, 2019)


def test_scanned_line_breaks_are_soft():
    text = ("Đoàn 2 do đồng chí Nguyễn\nMinh Tân - Ủy viên Thường vụ Tỉnh ủy làm trưởng\nđoàn làm việc với huyện.\n"
            "- Thời gian: năm 2015.")
    scanned = extract_document(Document("s.pdf", "", "pdf", (Page(1, text, ocr=True),)))
    a = scanned.assignments[0]
    # one line in the record, the span on the page as written (its break inside)
    assert a.cadre.text == "Nguyễn Minh Tân"
    assert text[a.cadre.span.start:a.cadre.span.end] == "Nguyễn\nMinh Tân"
    assert a.tasks[0].text == "trưởng đoàn làm việc với huyện"
    # the same text typed but wrapped at a width (lines going on in lower case): read the same
    typed = extract_document(Document("s.txt", "", "txt", (Page(1, text),)))
    assert [(a.cadre.text, [t.text for t in a.tasks]) for a in typed.assignments] == \
        [(a.cadre.text, [t.text for t in a.tasks]) for a in scanned.assignments]
    # typed one paragraph per line (headings, items), nothing is joined
    from extractor.link.component import looks_wrapped

    assert not looks_wrapped("QUYẾT ĐỊNH\nVề việc giao việc đột phá năm 2022\n"
                             "Điều 1. Giao các đồng chí sau:\n- phụ trách xã A;\n- theo dõi xã B.")


def test_an_open_ended_duty_dated_in_the_task_gives_its_year():
    text = ("Chủ tịch UBND huyện ủy nhiệm ông Lò Văn Pín, Phó Chủ tịch UBND huyện, điều hành công việc "
            "từ ngày 8/11/2025.")
    a = extract_document(Document("u.txt", "", "txt", (Page(1, text),))).assignments[0]
    assert (a.period.start, a.period.end) == (2025, 2025)


def test_a_list_of_duties_going_on_over_a_page_break_stays_with_its_person():
    # PDFs and scans are read page by page: the items at the top of page 2 are the last
    # person's of page 1, not no one's
    one = ("QUYẾT ĐỊNH\nĐiều 1. Phân công nhiệm vụ các thành viên UBND tỉnh nhiệm kỳ 2021 - 2026 như sau:\n"
           "1. Đồng chí Hà Thị Hoa, Phó Chủ tịch UBND tỉnh:\n"
           "a) Phụ trách lĩnh vực nông nghiệp, lâm nghiệp và xây dựng nông thôn mới;")
    two = ("b) Theo dõi, chỉ đạo: Sở Nông nghiệp và Phát triển nông thôn;\n"
           "c) Làm Trưởng Ban Chỉ đạo công tác giải phóng mặt bằng các dự án trọng điểm.\n"
           "2. Ông Lê Văn An, Phó Chủ tịch UBND tỉnh:\n"
           "a) Phụ trách lĩnh vực tài nguyên, môi trường và khoáng sản.")
    for ocr in (False, True):
        r = extract_document(Document("d.pdf", "", "pdf", (Page(1, one, ocr=ocr), Page(2, two, ocr=ocr))))
        got = {a.cadre.text: [t.text for t in a.tasks] for a in r.assignments}
        assert len(got["Hà Thị Hoa"]) == 3, got
        assert got["Hà Thị Hoa"][1].startswith("Theo dõi, chỉ đạo")
        assert got["Lê Văn An"] == ["Phụ trách lĩnh vực tài nguyên, môi trường và khoáng sản"]
        hoa = next(a for a in r.assignments if a.cadre.text == "Hà Thị Hoa")
        assert [t.span.page for t in hoa.tasks] == [1, 2, 2]  # each task points to its own page
