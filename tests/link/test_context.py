"""The unit a position implies (``extractor.link.context.unit_for``, convention 9)."""
from __future__ import annotations

import pytest

from extractor.link.context import PlaceContext, unit_for


@pytest.mark.parametrize("position,province,unit", [
    # a title whose head is in no list still names its body
    ("Bác sĩ Trạm Y tế xã", None, "Trạm Y tế xã"),
    ("Giáo viên Trường Tiểu học Tân Lập", None, "Trường Tiểu học Tân Lập"),
    ("Xã đội trưởng", None, None),
    # the national offices whose body goes without saying
    ("Phó Thủ tướng", None, "Chính phủ"),
    ("Thủ tướng Chính phủ", None, "Chính phủ"),
    ("Phó Chủ tịch QH", None, "Quốc hội"),
    ("Bộ trưởng Quốc phòng", None, "Bộ Quốc phòng"),
    ("Thứ trưởng Bộ Y tế", None, "Bộ Y tế"),
    # a comma inside a body's name does not split the title
    ("Chánh Thanh tra Sở Lao động, Thương binh và Xã hội", None, "Thanh tra Sở Lao động, Thương binh và Xã hội"),
    # the last permanent office, not a role in a body set up for a purpose
    ("Giám đốc Sở Tư pháp, Phó Trưởng ban Ban Chỉ đạo phổ biến pháp luật", None, "Sở Tư pháp"),
    ("Trưởng Ban Tổ chức Huyện ủy", None, "Ban Tổ chức Huyện ủy"),
    # a province's department takes the province the text is about
    ("Giám đốc Sở Công Thương", "Yên Bái", "Sở Công Thương tỉnh Yên Bái"),
    ("Giám đốc Sở Nội vụ", "Đà Nẵng", "Sở Nội vụ TP Đà Nẵng"),
    ("Phó Giám đốc Sở Y tế tỉnh Hòa Bình", "Yên Bái", "Sở Y tế tỉnh Hòa Bình"),
    ("Giám đốc Sở Tài chính", None, "Sở Tài chính"),
])
def test_unit_for(position, province, unit):
    assert unit_for(position, PlaceContext({"tỉnh": province}), {}) == unit


@pytest.mark.parametrize("position,unit", [
    ("Phó Cục trưởng Cục Hồ sơ nghiệp vụ, Bộ Công an", "Cục Hồ sơ nghiệp vụ, Bộ Công an"),
    ("Cục trưởng Cục Bản đồ, Bộ Tổng Tham mưu, Bộ Quốc phòng", "Cục Bản đồ, Bộ Tổng Tham mưu, Bộ Quốc phòng"),
])
def test_the_bodies_an_office_sits_in_follow_its_own(position, unit):
    assert unit_for(position, PlaceContext({}), {}) == unit


def test_a_district_named_by_its_party_committee_is_the_texts_district():
    from extractor.link.context import place_context

    text = "Ban Thường vụ Huyện ủy Na Hang giao việc. Phó Chủ tịch UBND huyện được giao làm đường."
    assert place_context(text, None).at("huyện") == "Na Hang"
    # a heading in capitals carries verbs after the committee, not a place
    assert place_context("ĐOÀN CÔNG TÁC HUYỆN ỦY LÀM VIỆC TẠI XÃ", None).at("huyện") is None


def test_a_table_cell_or_a_list_number_after_a_level_word_is_no_place():
    from extractor.link.context import place_context

    # a letterhead names the district; a table's cells (tab apart) and a numbered list
    # run together after "huyện" must not outvote it
    text = ("UBND HUYỆN KIM SƠN\n1\tĐinh Văn Khoa\tChủ tịch UBND huyện\tChỉ đạo\n"
            "1. Xây chợ trung tâm huyện 2. Số hóa hồ sơ")
    assert place_context(text, None).at("huyện") == "Kim Sơn"
    assert place_context("UBND Quận 3 và phường 2", None).at("huyện") == "3"


def test_the_national_motto_is_no_commune_nor_part_of_the_district():
    from extractor.link.context import place_context

    # the letterhead's two columns read by OCR as one line
    text = "UBND HUYỆN KIM SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/QĐ-UBND Độc lập - Tự do - Hạnh phúc"
    context = place_context(text, None)
    assert (context.at("huyện"), context.at("xã")) == ("Kim Sơn", None)
    party = place_context("ĐẢNG ỦY XÃ PHÚC SƠN ĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-QĐ/ĐU", None)
    assert party.at("xã") == "Phúc Sơn"
    # the right column's place and date on the same line
    dated = place_context("ĐẢNG ỦY XÃ KIM BÌNH Kim Bình, ngày 15 tháng 3 năm 2025", None)
    assert dated.at("xã") == "Kim Bình"
