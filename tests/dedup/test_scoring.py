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
    ("Xây dựng xã Yên Thuận đạt chuẩn NTM năm 2022", "Tiếp tục xây dựng xã Yên Thuận đạt chuẩn nông thôn mới năm 2023"),
    ("Hoàn thành GPMB dự án đường Kim Bình - Vinh Quang", "hoàn thành giải phóng mặt bằng dự án đường Kim Bình-Vinh Quang"),
    ("Xây dựng cầu treo thôn Vĩnh Tân đi thôn Khai Hải", "Xây dựng cầu treo thôn Vinh Tân đi thôn Khai Hải"),  # OCR slip
]
DIFFERENT = [
    ("Kết nạp 5 đảng viên mới", "Kết nạp 12 đảng viên mới"),
    ("Giải phóng mặt bằng dự án Đường Tân Mỹ", "GPMB dự án Đường Kim Bình"),
    ("Trồng mới 50 ha cây keo tại xã Tân Mỹ", "Trồng mới 50 ha cây quế tại xã Tân Mỹ"),
    ("xây dựng xã tân mỹ đạt chuẩn nông thôn mới", "xây dựng xã tân phú đạt chuẩn nông thôn mới"),
    ("Xây dựng xã Tân Mỹ đạt chuẩn nông thôn mới", "xây dựng xã tân phú đạt chuẩn nông thôn mới"),
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
    for _ in range(n):
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
    # The two facts the lossless candidate search rests on (extractor/dedup/index.py).
    for a, b in _pairs(seed, 3):
        s = score(a, b)
        assert 0.0 <= s <= round(raw_score(a, b), 1)
        if conflicts(a, b):
            assert s <= CONFLICT_CAP


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
    why = explain(match_key("Kết nạp 5 đảng viên mới tại xã Tân Mỹ"), match_key("Kết nạp 12 đảng viên mới tại xã Tân Mỹ"))
    assert "khác số: '5' / '12'" in why and "tên Tân Mỹ" in why
    why = explain(match_key("GPMB dự án đường Tân Mỹ"), match_key("GPMB dự án đường Kim Bình"))
    assert "chỉ bên A có tên 'Tân Mỹ'" in why and "chỉ bên B có tên 'Kim Bình'" in why


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
