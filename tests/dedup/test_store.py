"""DedupIndex: persisted and incremental, finding what brute force finds."""
from __future__ import annotations

import pytest

from extractor.dedup import DedupIndex, TaskRef, brute_force_pairs
from extractor.dedup.synth import generate_tasks


def _as_set(pairs):
    return {(p.a, p.b, p.score, p.kind) for p in pairs}


def test_adding_in_batches_with_saves_finds_what_brute_force_finds(tmp_path):
    tasks, _ = generate_tasks(900, seed=21, dup_rate=0.3)
    # A few lower-case and capital copies: tasks without names meet named ones.
    tasks += [TaskRef(t.id + "l", t.text.lower(), t.cadre, t.unit, t.year) for t in tasks[:60]]
    tasks += [TaskRef(t.id + "u", t.text.upper(), t.cadre, t.unit, t.year) for t in tasks[60:90]]
    path = tmp_path / "archive.dedup"
    found = []
    for start in range(0, len(tasks), 250):
        index = DedupIndex.open(path)
        found += index.add(tasks[start:start + 250])
        index.save()
    assert len(DedupIndex.open(path)) == len(tasks)
    expected = brute_force_pairs(tasks)
    assert len(expected) > 100
    assert _as_set(found) == _as_set(expected)


def test_adding_a_stored_id_again_changes_nothing(tmp_path):
    index = DedupIndex.open(tmp_path / "i.dedup")
    first = index.add([TaskRef("a", "Xây dựng NTM xã Tân Mỹ"), TaskRef("b", "xây dựng nông thôn mới xã Tân Mỹ")])
    assert [(p.a, p.b) for p in first] == [("a", "b")]
    assert index.add([TaskRef("a", "Xây dựng NTM xã Tân Mỹ")]) == []
    assert len(index) == 2


def test_new_task_is_matched_against_the_archive(tmp_path):
    path = tmp_path / "i.dedup"
    index = DedupIndex.open(path)
    index.add([TaskRef("2022-1", "Chỉ đạo kết nạp 5 đảng viên mới tại Đảng bộ xã Tân Mỹ", cadre="Lê An", year=2022),
               TaskRef("2022-2", "Chỉ đạo kết nạp 12 đảng viên mới tại Đảng bộ xã Tân Mỹ", cadre="Lê An", year=2022)])
    index.save()
    again = DedupIndex.open(path)
    pairs = again.add([TaskRef("2023-1", "chỉ đạo kết nạp 05 đảng viên mới tại Đảng bộ xã Tân Mỹ",
                               cadre="Lê An", year=2023)])
    assert [(p.a, p.b, p.kind) for p in pairs] == [("2022-1", "2023-1", "same_cadre_other_year")]


def test_threshold_is_part_of_the_file(tmp_path):
    path = tmp_path / "i.dedup"
    index = DedupIndex.open(path, threshold=90)
    index.add([TaskRef("a", "Xây dựng NTM")])
    index.save()
    with pytest.raises(ValueError, match="built for threshold 90"):
        DedupIndex.open(path)
    with pytest.raises(ValueError, match="above 50"):
        DedupIndex.open(tmp_path / "other.dedup", threshold=40)


def test_a_file_that_is_not_an_index_is_refused(tmp_path):
    import pickle

    path = tmp_path / "x.dedup"
    path.write_bytes(pickle.dumps({"hello": 1}))
    with pytest.raises(ValueError, match="not a giaoviec duplicate index"):
        DedupIndex.open(path)


@pytest.mark.parametrize("old", ["giaoviec-dedup-index/1", "giaoviec-dedup-index/2", "giaoviec-dedup-index/3",
                                 "giaoviec-dedup-index/4"])
def test_an_index_of_a_previous_format_is_read_and_finds_the_same(tmp_path, old):
    import pickle

    tasks, _ = generate_tasks(400, seed=8, dup_rate=0.3)
    path = tmp_path / "old.dedup"
    index = DedupIndex.open(path)
    index.add(tasks[:300])
    index.save()
    state = pickle.loads(path.read_bytes())
    # /1: before syllable codes; /1, /2: before issue 16's names; /3: marked codes;
    # /4: marked expansions of unmarked tasks
    state["format"] = old
    for name in ("vocab", "codes", "name_heads", "named_prefix"):
        del state["data"][name]
    path.write_bytes(pickle.dumps(state))
    found = DedupIndex.open(path).add(tasks[300:])
    expected = [p for p in brute_force_pairs(tasks) if p.a in {t.id for t in tasks[300:]}
                or p.b in {t.id for t in tasks[300:]}]
    assert expected and _as_set(found) == _as_set(expected)


@pytest.mark.parametrize("threshold", [85.0, 70.0])
def test_templated_archive_in_batches_finds_what_brute_force_finds(tmp_path, threshold):
    # Issue 16: real communes, names in either order or without a mark, one-syllable names,
    # lower-case copies (a name missing on one side is only a penalty below 90).
    from bench.synth_templated import generate
    from extractor.text import strip_marks

    tasks, _ = generate(700, seed=31, dup_rate=0.3)
    tasks += [TaskRef(t.id + "l", t.text.lower(), t.cadre, t.unit, t.year) for t in tasks[:70]]
    tasks += [TaskRef(t.id + "u", t.text.upper(), t.cadre, t.unit, t.year) for t in tasks[70:100]]
    # typed entirely without marks: compared on unmarked syllables, stored and looked up so
    tasks += [TaskRef(t.id + "p", strip_marks(t.text), t.cadre, t.unit, t.year) for t in tasks[100:140]]
    path = tmp_path / "archive.dedup"
    found = []
    for start in range(0, len(tasks), 200):
        index = DedupIndex.open(path, threshold)
        found += index.add(tasks[start:start + 200])
        index.save()
    expected = brute_force_pairs(tasks, threshold)
    assert len(expected) > 100
    assert _as_set(found) == _as_set(expected)


def test_reasons_against_stored_copies_are_those_of_brute_force(tmp_path):
    # One reason is worked out per pair of texts and order and reused for stored copies
    # of a text; ids on both sides of the new one's make both orders occur.
    text = "Đẩy mạnh cải cách hành chính tại UBND xã Thịnh Trường"
    stored = [TaskRef(f"s{i}", text, cadre=f"Cán bộ {i % 2}", year=2020 + i) for i in (1, 3, 5, 7)]
    stored += [TaskRef(f"s{i}", "đẩy mạnh CCHC tại Ủy ban nhân dân xã Thịnh Trường.") for i in (2, 6)]
    new = [TaskRef("s4", "Đẩy mạnh CCHC tại UBND xã Thịnh Trường năm 2024", year=2024),
           TaskRef("s0", text, cadre="Cán bộ 1", year=2026)]
    index = DedupIndex.open(tmp_path / "i.dedup")
    index.add(stored)
    found = index.add(new)
    every = {(p.a, p.b): p for p in brute_force_pairs(stored + new)}
    expected = [p for key, p in every.items() if "s4" in key or "s0" in key]
    assert len(expected) >= 10
    assert {(p.a, p.b, p.score, p.kind, p.reason) for p in found} == \
        {(p.a, p.b, p.score, p.kind, p.reason) for p in expected}
