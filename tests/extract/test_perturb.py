"""The robustness suite's perturbations do what they say, on a sentence written for the test
(the issue's own example), and its measure counts records as documented."""
from __future__ import annotations

import pytest

from extractor.evaluate import key

from .perturb import PERTURBATIONS, Perturbed, compare, new_tone

TEXT = ("Năm 2022, đồng chí Hoàng Thị Lanh, Chủ tịch UBND xã Hòa Phú, được giao việc đột phá "
        "là số hóa 100% sổ hộ tịch của xã.")
GOLD = [{"cadre": "Hoàng Thị Lanh", "position": "Chủ tịch UBND xã", "unit": "UBND xã Hòa Phú",
         "period": {"text": "Năm 2022", "start": 2022, "end": 2022},
         "tasks": [{"text": "số hóa 100% sổ hộ tịch của xã"}]}]

EXPECTED = {
    "capitals": "Năm 2022, đồng chí HOÀNG THỊ LANH, Chủ tịch UBND xã Hòa Phú, được giao",
    "lower_titles": "Năm 2022, đồng chí Hoàng Thị Lanh, chủ tịch UBND xã Hòa Phú, được giao",
    "dc_abbrev": "Năm 2022, đ/c Hoàng Thị Lanh, Chủ tịch UBND xã Hòa Phú, được giao",
    "title_first": "Năm 2022, đồng chí Chủ tịch UBND xã Hòa Phú Hoàng Thị Lanh được giao",
    "ocr_breaks": "Năm 2022, đồng chí Hoàng Thị Lanh, Chủ tịch UBND xã Hòa Phú,\nđược giao",
    "tones": "Năm 2022, đồng chí Hoàng Thị Lanh, Chủ tịch UBND xã Hoà Phú, được giao",
    "ocr_names": "Năm 2022, đồng chí Hoáng Thị Lanh, Chủ tịch UBND xã Hòa Phú, được giao",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_perturbation_rewrites_the_sentence(name):
    assert PERTURBATIONS[name](TEXT, GOLD).text.startswith(EXPECTED[name])


def test_unseen_title_says_how_the_position_changes():
    out = PERTURBATIONS["unseen_title"](TEXT, GOLD)
    [(old, new)] = out.rename.items()
    assert out.position_only and f"Hoàng Thị Lanh, {new} Hòa Phú, được giao" in out.text
    assert "Chủ tịch" not in out.text


def test_a_perturbation_that_changes_nothing_does_not_apply():
    plain = "Ủy ban nhân dân tỉnh họp phiên thường kỳ."
    assert all(p(plain, []) is None for name, p in PERTURBATIONS.items() if name not in ("tones",))


def test_title_first_drops_ong_ba_and_the_closing_comma():
    text = "Tổ 1 do ông Hồ Văn Tám, Trưởng ban Tổ chức Tỉnh ủy, làm tổ trưởng."
    out = PERTURBATIONS["title_first"](text, [{"cadre": "Hồ Văn Tám", "position": "Trưởng ban Tổ chức Tỉnh ủy"}])
    assert out.text == "Tổ 1 do Trưởng ban Tổ chức Tỉnh ủy Hồ Văn Tám làm tổ trưởng."


@pytest.mark.parametrize("old,new", [("hòa", "hoà"), ("Thủy", "Thuỷ"), ("khỏe", "khoẻ"), ("hoàn", "hoàn"),
                                     ("quý", "quý"), ("tỉnh", "tỉnh")])
def test_new_tone_placement(old, new):
    assert new_tone(old) == new


def test_compare_counts_kept_pairs_with_role_and_period():
    orig = [{"cadre": "Lê Văn A", "position": "Chủ tịch UBND xã", "unit": "UBND xã X",
             "period": {"start": 2022, "end": 2022},
             "tasks": [{"text": "làm đường giao thông nông thôn"}, {"text": "xây chợ trung tâm xã"}]}]
    same = [dict(orig[0], cadre="LÊ VĂN A")]
    assert compare(orig, same, Perturbed("")) == (2, 2, 0)
    other_period = [dict(orig[0], period={"start": 2023, "end": 2023})]
    assert compare(orig, other_period, Perturbed("")) == (2, 0, 0)
    one_task_more = [dict(orig[0], tasks=orig[0]["tasks"][:1] + [{"text": "trồng rừng"}])]
    assert compare(orig, one_task_more, Perturbed("")) == (2, 1, 1)
    renamed = [dict(orig[0], position="Trưởng Trạm Khuyến nông xã", unit=None)]
    how = Perturbed("", rename={key("Chủ tịch UBND xã"): "Trưởng Trạm Khuyến nông xã"}, position_only=True)
    assert compare(orig, renamed, how) == (2, 2, 0)


def test_compare_renames_a_title_inside_the_originals_task_too():
    # the perturbation rewrites every place the title is written, tasks included
    orig = [{"cadre": "Lê Văn A", "position": "Phó Chủ tịch UBND xã", "period": None,
             "tasks": [{"text": "giúp Chủ tịch UBND xã theo dõi khối nội chính"}]}]
    rename = {key("Chủ tịch UBND xã"): "Trưởng Trạm Y tế xã", key("Phó Chủ tịch UBND xã"): "Công chức Văn phòng"}
    perturbed = [dict(orig[0], position="Công chức Văn phòng",
                      tasks=[{"text": "giúp Trưởng Trạm Y tế xã theo dõi khối nội chính"}])]
    assert compare(orig, perturbed, Perturbed("", rename=rename, position_only=True)) == (1, 1, 0)


def test_compare_takes_the_written_title_where_the_original_had_a_fragment_of_the_gold_one():
    # the original read "Bí thư" of the gold "Tổng Bí thư"; the rewritten document gives the
    # cadre the title written in place of the gold one: right, so kept
    orig = [{"cadre": "Lê Văn A", "position": "Bí thư", "period": None, "tasks": [{"text": "Trưởng Tiểu ban"}]}]
    how = Perturbed("", rename={key("Tổng Bí thư"): "Trưởng Trạm Y tế xã"}, position_only=True,
                    titles={key("Lê Văn A"): key("Trưởng Trạm Y tế xã")})
    right = [dict(orig[0], position="Trưởng Trạm Y tế xã")]
    assert compare(orig, right, how) == (1, 1, 0)
    wrong = [dict(orig[0], position="Trưởng Ban Tổ chức")]
    assert compare(orig, wrong, how) == (1, 0, 0)
    # the written title only counts when the perturbation says it wrote one for that cadre
    assert compare(orig, right, Perturbed("", rename=how.rename, position_only=True)) == (1, 0, 0)


def test_compare_leaves_tone_marks_out_of_names_only_when_told():
    orig = [{"cadre": "Trần Văn Tuấn", "position": "Chủ tịch UBND xã", "period": None,
             "tasks": [{"text": "xây chợ trung tâm xã"}]}]
    slipped = [dict(orig[0], cadre="Trấn Văn Tuẩn")]
    assert compare(orig, slipped, Perturbed("", untoned_names=True)) == (1, 1, 0)
    assert compare(orig, slipped, Perturbed("")) == (1, 0, 1)
