"""The unit registry across the 2025 reform (extractor/units/).

Checked against vietnamadminunits' own converter (the slow, obviously right path)
and on the cases clerks write: old districts, new communes, accents, abbreviations.
"""
from __future__ import annotations

import random

import pytest

from extractor.units import accent_key, find_mentions, hints_from_path, name_key, registry, resolve_unit, unit_keys

CHIEM_HOA = "legacy:08.073"  # huyện Chiêm Hóa, tỉnh Tuyên Quang: codes from the national registry


def test_old_district_lists_the_new_communes_that_replaced_it():
    ref = resolve_unit("Phòng Nông nghiệp và phát triển nông thôn huyện Chiêm Hóa", year=2021)
    assert ref.level == "district" and ref.era == "legacy"
    assert (ref.district_name, ref.province_name) == ("Huyện Chiêm Hóa", "Tỉnh Tuyên Quang")
    assert ref.legacy_code == "08.073"
    assert ref.key == CHIEM_HOA
    assert ref.current_province == "Tỉnh Tuyên Quang"
    # Chiêm Hóa's communes went into these (among others) on 1 July 2025.
    assert {"Xã Chiêm Hóa", "Xã Kim Bình", "Xã Yên Nguyên", "Xã Trung Hà"} <= set(ref.current_communes)
    source = "Phòng Nông nghiệp và phát triển nông thôn huyện Chiêm Hóa"
    assert "huyện Chiêm Hóa" == ref.text and ref.text == source[ref.start:ref.end]


@pytest.mark.parametrize("text", ["UBND xã Chiêm Hóa", "Đảng ủy xã Kim Bình", "Chủ tịch UBND xã Yên Nguyên"])
def test_new_communes_group_with_the_old_district(text):
    ref = resolve_unit(text, year=2026)
    assert ref.era == "current" and ref.level == "commune"
    assert ref.key == CHIEM_HOA, ref
    assert ref.legacy_name == "Huyện Chiêm Hóa, Tỉnh Tuyên Quang"
    assert ref.current_communes == (ref.commune_name,)


def test_old_commune_knows_its_new_commune_and_shares_the_key():
    old = resolve_unit("UBND xã Hòa Phú, huyện Chiêm Hóa", year=2021)
    assert old.commune_name == "Xã Hòa Phú" and old.district_name == "Huyện Chiêm Hóa"
    assert old.key == CHIEM_HOA
    assert old.current_communes == ("Xã Yên Nguyên",)
    new = resolve_unit("xã Yên Nguyên", year=2026)
    # A filter by the new commune finds the old commune's records and vice versa.
    assert set(old.keys) & set(new.keys) >= {"current:08", CHIEM_HOA}
    assert any(k.startswith("current:08.") and k in new.keys for k in old.keys)


@pytest.mark.parametrize("text", [
    "huyện Chiêm Hóa", "huyện Chiêm Hoá", "Huyện ủy Chiêm Hóa", "HUYỆN ỦY CHIÊM HÓA", "UBND huyện CHIÊM HOÁ",
    "H. Chiêm Hóa", "huyen Chiem Hoa", "Chiêm Hóa", "chiem hoa",
])
def test_accent_case_and_abbreviation_variants_resolve_alike(text):
    ref = resolve_unit(text, year=2021)
    assert ref is not None and ref.key == CHIEM_HOA and ref.district_name == "Huyện Chiêm Hóa"


@pytest.mark.parametrize("text, province", [
    ("UBND tỉnh Tuyên Quang", "Tỉnh Tuyên Quang"),
    ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("Thành phố Hà Nội", "Thành phố Hà Nội"),
])
def test_provinces(text, province):
    ref = resolve_unit(text, year=2022)
    assert ref.level == "province" and ref.province_name == province


def test_merged_province_points_to_its_new_province():
    ref = resolve_unit("Sở Tài chính tỉnh Hà Giang", year=2022)
    assert ref.province_name == "Tỉnh Hà Giang" and ref.current_province == "Tỉnh Tuyên Quang"
    assert "current:08" in ref.keys and ref.key == "legacy:02"


def test_provincial_city_is_a_district_not_a_province():
    ref = resolve_unit("Phường Phú Sơn, Thành phố Thanh Hóa, Tỉnh Thanh Hóa", year=2020)
    assert ref.level == "commune" and ref.district_name == "Thành phố Thanh Hóa"
    assert ref.current_communes  # went into a new ward of Thanh Hóa


def test_numbered_wards_and_type_words_inside_names():
    ref = resolve_unit("Phường 1, Quận 3, TP. Hồ Chí Minh", year=2020)
    assert (ref.commune_name, ref.district_name) == ("Phường 1", "Quận 3")
    assert resolve_unit("Xã Tứ Xã, Huyện Lâm Thao, Tỉnh Phú Thọ", year=2020).commune_name == "Xã Tứ Xã"


def test_ambiguous_name_is_not_guessed_and_a_province_hint_settles_it():
    ref = resolve_unit("UBND xã Hòa Phú", year=2021)
    assert ref.candidates > 1 and ref.key is None and ref.keys == ()
    hinted = resolve_unit("UBND xã Hòa Phú", year=2021, province_hint="Tuyên Quang")
    assert hinted.candidates == 1 and hinted.key == CHIEM_HOA


@pytest.mark.parametrize("text", ["Sở Tài chính", "công tác xã hội hóa giáo dục", "Phó Chủ tịch UBND", ""])
def test_no_unit(text):
    assert resolve_unit(text, year=2021) is None
    assert unit_keys(text) == (None, ())


def test_mentions_stop_at_the_next_unit():
    names = [m.name for m in find_mentions("UBND xã Hòa Phú huyện Chiêm Hóa tỉnh Tuyên Quang và xã hội")]
    assert names == ["Hòa Phú", "Chiêm Hóa", "Tuyên Quang"]


def test_keys():
    assert name_key("Chiêm Hoá") == name_key("chiem  hóa") == "chiemhoa"
    assert accent_key("Hoà Phú") == accent_key("hòa  phú") != accent_key("Hòa Phụ")
    assert accent_key("Quý") == "quý"  # "qu" is one consonant: the tone stays on "y"


def test_agrees_with_vietnamadminunits_converter():
    """Our offline tables against the library's converter (called without a street,
    so it never geocodes) on a fixed random sample of old communes."""
    from vietnamadminunits import convert_address

    reg = registry()
    communes = sorted(k for k in reg.communes if k[0] == "legacy")
    sample = random.Random(2025).sample(communes, 300)
    disagree = []
    for era, p, w in sample:
        c = reg.communes[(era, p, w)]
        address = f"{c.name}, {reg.districts[(p, c.district)].name}, {reg.provinces[('legacy', p)].name}"
        new = convert_address(address)
        ref = resolve_unit(address, year=2020)
        if ref is None or new.ward not in ref.current_communes or ref.current_province != new.province:
            disagree.append(address)
    # Names the registry writes in lower case ("Xã Đồng ý") are not found as names.
    assert len(disagree) <= 3, disagree


@pytest.mark.parametrize("path, hints", [
    ("luu-tru/2019/Chiêm Hóa/qd-12.pdf", {"year": 2019, "unit": "Chiêm Hóa"}),
    ("Năm 2019/Huyện Chiêm Hóa/x.pdf", {"year": 2019, "unit": "Huyện Chiêm Hóa"}),
    ("2021.zip/Tuyen Quang/Chiem Hoa/a.docx", {"year": 2021, "unit": "Chiem Hoa", "province": "Tuyen Quang"}),
    ("Van ban/Tong hop/2020/a.pdf", {"year": 2020}),
    ("2019/Chiêm Hóa/2019_QD_12.pdf", {"year": 2019, "unit": "Chiêm Hóa"}),
    ("scan/a.pdf", {}),
    ("a.pdf", {}),
])
def test_hints_from_path(path, hints):
    assert hints_from_path(path) == hints


def test_hints_innermost_year_wins():
    assert hints_from_path("2015-2020/2019/Kim Bình/a.pdf")["year"] == 2019


def test_the_issuer_settles_an_ambiguous_commune_without_entering_the_span():
    text = "Chủ tịch UBND xã Hòa Phú"
    ref = resolve_unit(text, year=2021, within="BAN THƯỜNG VỤ HUYỆN ỦY CHIÊM HÓA")
    assert ref.key == CHIEM_HOA and ref.district_name == "Huyện Chiêm Hóa"
    assert ref.district is None  # not written in this text
    assert text[ref.start:ref.end] == ref.text == "xã Hòa Phú"
    # A context never makes a unit out of a text that names none.
    assert resolve_unit("Sở Tài chính", year=2021, within="tỉnh Tuyên Quang") is None


def test_describe_key_for_filter_menus():
    from extractor.units import describe_key

    ref = resolve_unit("UBND xã Hòa Phú, huyện Chiêm Hóa", year=2021)
    labels = [describe_key(k) for k in ref.keys]
    assert "Huyện Chiêm Hóa, Tỉnh Tuyên Quang (trước 7/2025)" in labels
    assert "Xã Yên Nguyên, Tỉnh Tuyên Quang" in labels
    assert describe_key("legacy:99.999") is None
