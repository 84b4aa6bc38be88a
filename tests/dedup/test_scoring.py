"""The duplicate score: what is the same task, what is not, and why (in Vietnamese)."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.dedup import CONFLICT_CAP, conflicts, explain, match_key, raw_score, score
from extractor.dedup.synth import TEMPLATES, change_slot, draw_slots, render, vary

SAME = [
    ("Chỉ đạo UBND xã Tân Mỹ kết nạp 5 đảng viên", "chỉ đạo Ủy ban nhân dân xã Tân Mỹ kết nạp 05 đảng viên."),
    ("Xây dựng HTX thuỷ sản Hoà Bình", "XÂY DỰNG HỢP TÁC XÃ THỦY SẢN HÒA BÌNH"),
    ("Xây dựng xã Yên Thuận đạt chuẩn NTM năm 2022",
     "Tiếp tục xây dựng xã Yên Thuận đạt chuẩn nông thôn mới năm 2023"),
    ("Hoàn thành GPMB dự án đường Kim Bình - Vinh Quang",
     "hoàn thành giải phóng mặt bằng dự án đường Kim Bình-Vinh Quang"),
    # An OCR slip: "Lac" cannot be written without a tone (it ends in c), so it is "Lạc".
    ("Hoàn thành di dời 12 hộ dân vùng sạt lở thôn Lạc Ba", "Hoàn thành di dời 12 hộ dân vùng sạt lở thôn Lac Ba"),
    ("Củng cố HTX Nông nghiệp và dịch vụ Lạc Hội", "củng cố Hợp tác xã NN&DV Lạc Hội."),
    ("Xây dựng xã Vinh Hội đạt chuẩn NTM", "xây dựng xã vinh hội đạt chuẩn nông thôn mới"),
    # A word less beside a slip ("chuẩn mới" / "chuan") is no word instead of another.
    ("Giảm tỷ lệ hộ nghèo xã Tri Quới xuống dưới 9% theo chuẩn mới",
     "Giảm tỷ lệ hộ nghèo xã Tri Quới xuống dưới 9% theo chuan"),
]
DIFFERENT = [
    ("Kết nạp 5 đảng viên mới", "Kết nạp 12 đảng viên mới"),
    ("Giải phóng mặt bằng dự án Đường Tân Mỹ", "GPMB dự án Đường Kim Bình"),
    ("Trồng mới 50 ha cây keo tại xã Tân Mỹ", "Trồng mới 50 ha cây quế tại xã Tân Mỹ"),
    ("xây dựng xã tân mỹ đạt chuẩn nông thôn mới", "xây dựng xã tân phú đạt chuẩn nông thôn mới"),
    ("Xây dựng xã Tân Mỹ đạt chuẩn nông thôn mới", "xây dựng xã tân phú đạt chuẩn nông thôn mới"),
    # Issue 16: names with syllables the old name finder cut ("Hội", "Trường"), order, marks.
    ("cải cách hành chính tại UBND xã Thịnh Trường", "cải cách hành chính tại UBND xã Trường Thịnh"),
    ("HTX Nông nghiệp và dịch vụ Lạc Hội gắn với sản phẩm chè",
     "HTX Nông nghiệp và dịch vụ Hội Khánh gắn với sản phẩm chè"),
    ("xây dựng xã Hội Sinh đạt chuẩn nông thôn mới", "xây dựng xã Vinh Hội đạt chuẩn nông thôn mới"),
    ("quy hoạch sử dụng đất xã Đà Hội", "quy hoạch sử dụng đất xã Hội Quang"),
    # "Vinh" is a name too
    ("Xây dựng xã Vĩnh Hội đạt chuẩn nông thôn mới", "Xây dựng xã Vinh Hội đạt chuẩn nông thôn mới"),
    ("xây dựng xã thịnh trường đạt chuẩn nông thôn mới", "XÂY DỰNG XÃ TRƯỜNG THỊNH ĐẠT CHUẨN NÔNG THÔN MỚI"),
    ("Xây dựng trường Tiểu học Nưa đạt chuẩn quốc gia", "Xây dựng trường Tiểu học Nông đạt chuẩn quốc gia"),
]


@pytest.mark.parametrize("a, b", SAME)
def test_the_same_task_rewritten_scores_high(a, b):
    assert score(match_key(a), match_key(b)) >= 85


@pytest.mark.parametrize("a, b", DIFFERENT)
def test_a_shared_phrasing_about_another_thing_scores_low(a, b):
    assert score(match_key(a), match_key(b)) < 85


def test_score_is_symmetric_and_identity_is_100():
    a, b = match_key(SAME[0][0]), match_key(DIFFERENT[2][1])
    assert score(a, b) == score(b, a)
    assert score(a, a) == 100.0


def test_empty_text_is_no_duplicate():
    assert score(match_key(""), match_key("")) == 0.0
    assert score(match_key("..."), match_key("kết nạp")) == 0.0


def _pairs(seed: int, n: int):
    rng = random.Random(seed)
    from bench import synth_templated as tpl

    for _ in range(n):
        if rng.random() < 0.5:  # the templated generator: real communes, names in either order
            row = tpl.labelled(1, 0, seed=rng.randrange(10**9)) if rng.random() < 0.5 else \
                tpl.labelled(0, 1, seed=rng.randrange(10**9))
            yield match_key(row[0]["a"]), match_key(row[0]["b"])
            continue
        t = TEMPLATES[rng.randrange(len(TEMPLATES))]
        values = draw_slots(t, rng)
        a = render(t, values)
        if rng.random() < 0.5:
            b = vary(a, rng)[0]
        else:
            b = render(t, change_slot(t, values, rng)[0])
            if rng.random() < 0.5:
                b = vary(b, rng)[0]
        yield match_key(a), match_key(b)


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 10**9))
def test_score_never_exceeds_the_raw_ratio_and_conflicts_cap_it(seed):
    # The facts the lossless candidate search rests on (extractor/dedup/blocking.py).
    from extractor.dedup.scoring import MISSING_PENALTY, _missing_names

    for a, b in _pairs(seed, 3):
        s = score(a, b)
        raw = raw_score(a, b)
        assert 0.0 <= s <= round(raw, 1)
        if conflicts(a, b):
            assert s <= CONFLICT_CAP
        elif s > CONFLICT_CAP:
            assert a.numbers == b.numbers
            if a.names and b.names:  # both name places: each in the other
                assert not _missing_names(a, b) and not _missing_names(b, a)
            if _missing_names(a, b) or _missing_names(b, a):
                assert s <= round(raw - MISSING_PENALTY, 1) + 0.05


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_score_bounds_on_any_text(x, y):
    a, b = match_key(x), match_key(y)
    s = score(a, b)
    assert 0.0 <= s <= 100.0 and s <= round(raw_score(a, b), 1) + 1e-9


def test_explain_names_what_differs_and_what_agrees():
    why = explain(match_key("UBND xã Tân Mỹ kết nạp 5 đảng viên"),
                  match_key("Ủy ban nhân dân xã Tân Mỹ kết nạp 5 đảng viên"))
    assert why == "khác: 'UBND' / 'Ủy ban nhân dân'; giống: số 5, tên Tân Mỹ"


def test_explain_says_why_it_is_not_a_duplicate():
    why = explain(match_key("Kết nạp 5 đảng viên mới tại xã Tân Mỹ"),
                  match_key("Kết nạp 12 đảng viên mới tại xã Tân Mỹ"))
    assert "khác số: '5' / '12'" in why and "tên Tân Mỹ" in why
    why = explain(match_key("GPMB dự án đường Tân Mỹ"), match_key("GPMB dự án đường Kim Bình"))
    assert "khác tên đường: 'Tân Mỹ' / 'Kim Bình'" in why


@pytest.mark.parametrize("a, b, said", [
    ("Đẩy mạnh CCHC tại UBND xã Thịnh Trường", "Đẩy mạnh CCHC tại UBND xã Trường Thịnh",
     "khác tên xã: 'Thịnh Trường' / 'Trường Thịnh'"),
    ("Xây dựng xã Vĩnh Hội đạt chuẩn NTM", "xây dựng xã vinh hội đạt chuẩn NTM",
     "khác tên xã: 'Vĩnh Hội' / 'Vinh Hội'"),
    ("Xây dựng nhà văn hóa thôn Nà Cọ xã Kim Bình", "Xây dựng nhà văn hóa thôn Nà Cọ", "chỉ bên A có tên 'Kim Bình'"),
    ("Xây dựng nhà văn hóa thôn Nà Cọ", "xây dựng nhà văn hóa", "chỉ bên A có tên 'Nà Cọ'"),
])
def test_the_reason_says_which_names_differ(a, b, said):
    assert said in explain(match_key(a), match_key(b))


def test_a_name_missing_on_one_side_costs_points_not_the_pair():
    from extractor.dedup.scoring import MISSING_PENALTY, missing_names

    # One side names no place at all: a weaker signal. (Both naming places, every name
    # must stand in the other: test_the_reason_says_which_names_differ.)
    a = match_key("Chỉ đạo xây dựng nhà văn hóa bằng nguồn xã hội hóa, hoàn thành trước quý III "
                  "theo đúng thiết kế được duyệt tại thôn Nà Cọ")
    b = match_key("Chỉ đạo xây dựng nhà văn hóa bằng nguồn xã hội hóa, hoàn thành trước quý III "
                  "theo đúng thiết kế được duyệt")
    assert not conflicts(a, b) and missing_names(a, b) == ["chỉ bên A có tên 'Nà Cọ'"]
    assert score(a, b) == round(raw_score(a, b) - MISSING_PENALTY, 1) > CONFLICT_CAP


def test_explain_shows_tone_placement():
    why = explain(match_key("Xây dựng HTX thuỷ sản"), match_key("Xây dựng HTX thủy sản"))
    assert "'thuỷ' / 'thủy'" in why


def test_score_at_least_is_the_score_when_at_least_the_threshold():
    from extractor.dedup.scoring import score_at_least
    from extractor.dedup.synth import generate_tasks

    tasks, _ = generate_tasks(300, seed=6, dup_rate=0.5)
    keys = [match_key(t.text) for t in tasks] + [match_key(""), match_key("a")]
    for i in range(len(keys)):
        for j in range(i + 1, len(keys), 3):
            value = score(keys[i], keys[j])
            for t in (0.0, 40.0, 50.0, 72.5, 85.0, 92.0, 100.0):
                assert score_at_least(keys[i], keys[j], t) == (value if value >= t else None)


def test_explanations_do_not_depend_on_what_was_explained_before():
    # explain caches each text's written words; the reason must not depend on the cache.
    from extractor.dedup import scoring
    from extractor.dedup.synth import generate_tasks

    tasks, _ = generate_tasks(120, seed=9, dup_rate=0.6)
    keys = [match_key(t.text) for t in tasks]
    pairs = [(i, j) for i in range(0, 120, 5) for j in range(1, 120, 7)]
    warm = [explain(keys[i], keys[j]) for i, j in pairs]
    cold = []
    for i, j in pairs:
        scoring._WRITTEN.clear()
        cold.append(explain(keys[i], keys[j]))
    assert warm == cold


def test_a_task_typed_entirely_without_marks_is_the_same_task():
    # A typist without a Vietnamese keyboard: every word loses its marks, so "Vinh Hoi"
    # is "Vĩnh Hội" written that way (the name rule already reads it so: the other
    # words are unmarked too); only one word unmarked in a marked text is another name.
    assert score(match_key("Xây dựng xã Vĩnh Hội đạt chuẩn nông thôn mới"),
                 match_key("Xay dung xa Vinh Hoi dat chuan nong thon moi")) >= 85


def test_abbreviations_in_a_task_typed_without_marks_are_written_out_without_them():
    # "BTV" in a task typed without marks stands for "ban thuong vu": were it written out
    # with marks, the task would no longer read as typed without them, and every other
    # word would differ from the marked copy in its marks.
    bare = match_key("Tham muu BTV Huyen uy lanh dao cong tac thu ngan sach tai xa Chau My")
    assert bare.text == bare.plain
    assert score(match_key("Tham mưu Ban Thường vụ Huyện ủy lãnh đạo công tác thu ngân sách tại xã Châu Mỹ"),
                 bare) >= 85
    # Abbreviations alone say nothing of marks, and marked tasks keep marked expansions.
    assert match_key("GPMB").text == "giải phóng mặt bằng"
    assert match_key("Họp BTV").text == "họp ban thường vụ"


def test_a_task_typed_without_marks_is_another_task_when_its_place_differs():
    a = match_key("Xây dựng xã Vĩnh Hòa đạt chuẩn nông thôn mới")
    b = match_key("Xay dung xa Vinh Hoi dat chuan nong thon moi")
    assert score(a, b) < CONFLICT_CAP + 1e-9
    assert score(a, match_key("Xay dung xa Vinh Hoa dat chuan nong thon moi 2")) < 85  # another number


def test_the_reason_says_a_side_is_typed_without_marks_instead_of_every_word():
    why = explain(match_key("Kết nạp 12 đảng viên mới tại Chi bộ thôn Nà Mòn"),
                  match_key("ket nap 12 dang vien moi tai chi bo thon Na Mon"))
    assert why == "bên B viết không dấu; giống: số 12"
