"""Recognisers: periods, counts, names, titles, docinfo, statistics, hard negatives."""
from __future__ import annotations

import pytest

from extractor.docinfo import read_docinfo
from extractor.pipeline import extract_document
from extractor.records import Document, Page
from extractor.recognize.counts import find_count
from extractor.recognize.names import find_names
from extractor.recognize.periods import find_periods
from extractor.recognize.text import fold
from extractor.recognize.titles import split_unit


@pytest.mark.parametrize("text,first,last", [
    ("Năm 2022", 2022, 2022), ("giai đoạn 2021 - 2025", 2021, 2025), ("nhiệm kỳ 2016 – 2021", 2016, 2021),
    ("quý III/2023", 2023, 2023), ("trước ngày 30/6/2023", 2023, 2023), ("đến hết năm 2025", 2025, 2025),
    ("từ ngày 17/4 đến ngày 03/6/2015", 2015, 2015), ("giai đoạn 2021-2030", 2021, 2030),
    ("Tháng 8/2024", 2024, 2024), ("từ năm 2020 đến năm 2022", 2020, 2022),
])
def test_periods(text, first, last):
    found = find_periods(f"Nội dung thực hiện {text}, bảo đảm tiến độ")
    assert [(p.first, p.last) for p in found] == [(first, last)]


@pytest.mark.parametrize("text", ["ngày 30/3/2020", "Hà Nội, ngày 04 tháng 9 năm 2025", "số 125-QĐ/HU"])
def test_dates_and_numbers_are_not_periods(text):
    assert find_periods(text) == []


@pytest.mark.parametrize("text,value", [("được giao 7 nội dung", 7), ("được giao bảy việc đột phá", 7),
                                        ("giao 02 nhiệm vụ", 2), ("mười hai việc", 12)])
def test_counts(text, value):
    assert find_count(fold(text), 0, len(text))[0] == value


@pytest.mark.parametrize("text,name", [
    ("đồng chí Ma Trọng Long, Chủ tịch", "Ma Trọng Long"),
    ("Phó Chủ tịch UBND tỉnh Trần Văn Tân phụ trách", "Trần Văn Tân"),
    ("ông Y Giang Gry Niê Knơng, Phó Chủ tịch", "Y Giang Gry Niê Knơng"),
    ("Trưởng Ban Tổ chức Huyện ủy Sìn Hồ Đào Văn Lực làm", "Đào Văn Lực"),
    ("đồng chí H'Lim Niê, Chủ tịch", "H'Lim Niê"),
])
def test_names(text, name):
    assert [text[s:e] for s, e, _ in find_names(text)] == [name]


@pytest.mark.parametrize("text", ["UBND xã Hòa Phú", "Ban Thường vụ Huyện ủy Chiêm Hóa", "Phó Chủ tịch HĐND xã"])
def test_bodies_and_places_are_not_names(text):
    assert find_names(text) == []


@pytest.mark.parametrize("position,unit", [
    ("Chủ tịch UBND xã Hòa Phú", "UBND xã Hòa Phú"), ("Giám đốc Sở Tài chính", "Sở Tài chính"),
    ("Trưởng Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy"), ("Phó Chủ tịch Thường trực UBND tỉnh", "UBND tỉnh"),
    ("Bí thư Đảng ủy xã Kiên Đài", "Đảng ủy xã Kiên Đài"),
])
def test_unit_from_position(position, unit):
    assert split_unit(position) == unit


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
    r = _extract("Năm 2021, Ban Thường vụ Huyện ủy giao 198 việc đột phá, đổi mới cho 114 cán bộ.")
    assert r.assignments == ()
    assert [(s.tasks, s.cadres, s.period.start) for s in r.statistics] == [(198, 114, 2021)]


def test_declared_count_mismatch_warns():
    r = _extract("Năm 2022, đồng chí Đỗ Văn Hiếu, Trưởng Phòng Nội vụ huyện được giao 3 việc đột phá là "
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


def test_docinfo_header():
    text = ("ĐẢNG BỘ TỈNH TUYÊN QUANG\tĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY CHIÊM HÓA\n*\nSố 125-QĐ/HU\t"
            "Chiêm Hóa, ngày 01 tháng 3 năm 2022\nQUYẾT ĐỊNH\nVề việc giao việc đột phá, đổi mới năm 2022\n")
    info = read_docinfo(Document("q.txt", "", "txt", (Page(1, text),)))
    assert (info.kind, info.number, info.date) == ("decision", "125-QĐ/HU", "2022-03-01")
    assert info.title == "Về việc giao việc đột phá, đổi mới năm 2022"
    assert info.issuer and "ĐẢNG BỘ" in info.issuer


def test_docinfo_news_item():
    info = read_docinfo(Document("n.txt", "", "txt", (Page(1, "Huyện A giao việc đột phá\n\nNội dung bài."),)))
    assert info.kind == "news" and info.title == "Huyện A giao việc đột phá"


def test_scanned_line_breaks_are_soft():
    text = ("Đoàn 2 do đồng chí Nguyễn\nMinh Tân - Ủy viên Thường vụ Tỉnh ủy làm trưởng\nđoàn làm việc với huyện.\n"
            "- Thời gian: năm 2015.")
    scanned = extract_document(Document("s.pdf", "", "pdf", (Page(1, text, ocr=True),)))
    a = scanned.assignments[0]
    assert " ".join(a.cadre.text.split()) == "Nguyễn Minh Tân"
    assert text[a.cadre.span.start:a.cadre.span.end] == a.cadre.text
    assert " ".join(a.tasks[0].text.split()) == "trưởng đoàn làm việc với huyện"
    # the same text typed but wrapped at a width (lines going on in lower case): read the same
    typed = extract_document(Document("s.txt", "", "txt", (Page(1, text),)))
    assert [(a.cadre.text, [t.text for t in a.tasks]) for a in typed.assignments] == \
        [(a.cadre.text, [t.text for t in a.tasks]) for a in scanned.assignments]
    # typed one paragraph per line (headings, items), nothing is joined
    from extractor.link.component import looks_wrapped

    assert not looks_wrapped("QUYẾT ĐỊNH\nVề việc giao việc đột phá năm 2022\n"
                             "Điều 1. Giao các đồng chí sau:\n- phụ trách xã A;\n- theo dõi xã B.")


def test_a_date_or_a_code_broken_at_its_hyphen_keeps_it():
    from extractor.normalize import normalize_text

    text = normalize_text("từ ngày 8-\n11-2025, Văn phòng HĐND-\nUBND huyện")[0]
    assert "8-11-2025" in text and "HĐND-UBND" in text


def test_a_news_item_dates_the_work_it_reports_a_signing_date_is_not_a_period():
    from extractor.recognize.periods import find_periods

    dated = "Ngày 12/5/2019, đồng chí Lò Văn Pín, Phó Chủ tịch UBND huyện làm Trưởng đoàn kiểm tra."
    assert [(p.kind, p.first, p.last) for p in find_periods(dated)] == [("day", 2019, 2019)]
    signed = "Ngày 12/5/2019, Chủ tịch UBND tỉnh ký quyết định giao ông Lò Văn Pín phụ trách."
    assert find_periods(signed) == []


def test_an_open_ended_duty_dated_in_the_task_gives_its_year():
    text = "Chủ tịch UBND huyện ủy nhiệm ông Lò Văn Pín, Phó Chủ tịch UBND huyện, điều hành công việc từ ngày 8/11/2025."
    a = extract_document(Document("u.txt", "", "txt", (Page(1, text),))).assignments[0]
    assert (a.period.start, a.period.end) == (2025, 2025)
