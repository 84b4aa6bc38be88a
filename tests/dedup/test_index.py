"""find_pairs (candidate blocks + exact score) against brute force over all pairs."""
from __future__ import annotations

import pytest

from extractor.dedup import Pair, TaskRef, brute_force_pairs, cluster, find_pairs, match_key
from extractor.dedup.index import candidate_pairs, prefix_length
from extractor.dedup.synth import generate_tasks


def _as_set(pairs):
    return {(p.a, p.b, p.score, p.kind, p.reason) for p in pairs}


@pytest.mark.slow
def test_find_pairs_equals_brute_force_on_two_thousand_generated_tasks():
    # Template-heavy: 56 phrasings, 25 % planted rewrites, many same-phrasing hard negatives.
    tasks, _ = generate_tasks(2000, seed=11, dup_rate=0.25)
    fast = find_pairs(tasks)
    slow = brute_force_pairs(tasks)
    assert len(slow) > 200  # the test means something only if there are pairs to find
    assert _as_set(fast) == _as_set(slow)


@pytest.mark.parametrize("threshold", [40.0, 60.0, 72.5, 95.0, 100.0])
def test_find_pairs_equals_brute_force_at_other_thresholds(threshold):
    # 40 is below the conflict cap: the features cannot block, everything is one block.
    tasks, _ = generate_tasks(300, seed=int(threshold), dup_rate=0.3)
    assert _as_set(find_pairs(tasks, threshold)) == _as_set(brute_force_pairs(tasks, threshold))


def test_find_pairs_with_prefix_filtering_of_nameless_tasks(monkeypatch):
    # Force prefix filtering (normally only for over 1,500 nameless tasks with one set of numbers).
    import extractor.dedup.blocking as blocking

    monkeypatch.setattr(blocking, "LEAF", 8)  # nameless sets over 8 use prefix filtering
    tasks, _ = generate_tasks(300, seed=5, dup_rate=0.3)
    lower = [TaskRef(t.id + "l", t.text.lower()) for t in tasks[:150]]  # no names: one big block
    allt = tasks + lower
    assert _as_set(find_pairs(allt)) == _as_set(brute_force_pairs(allt))


def test_candidates_are_a_superset_of_pairs_above_the_raw_bound():
    tasks, _ = generate_tasks(400, seed=9, dup_rate=0.3)
    keys = [match_key(t.text) for t in tasks]
    codes = set(candidate_pairs(keys, 85.0).tolist())
    n = len(keys)
    for p in brute_force_pairs(tasks):
        i, j = int(p.a[1:]), int(p.b[1:])
        assert min(i, j) * n + max(i, j) in codes


def test_prefix_length_matches_the_overlap_bound():
    # ratio >= t needs an overlap of t*n/(2-t); the prefix is the rest plus one.
    assert prefix_length(15, 0.8495) == 15 - 12 + 1
    assert prefix_length(1, 0.85) == 1
    assert prefix_length(0, 0.85) == 0


def test_pairs_have_ordered_ids_kind_and_reason():
    tasks = [
        TaskRef("b", "Chỉ đạo UBND xã Tân Mỹ kết nạp 5 đảng viên", cadre="Lê Văn An", year=2022),
        TaskRef("a", "chỉ đạo Ủy ban nhân dân xã Tân Mỹ kết nạp 5 đảng viên", cadre="Lê Văn An", year=2023),
        TaskRef("c", "Chỉ đạo UBND xã Tân Mỹ kết nạp 5 đảng viên", cadre="Ma Thị Hoa", unit="UBND xã Tân Mỹ"),
        TaskRef("d", "Chỉ đạo UBND xã Tân Mỹ kết nạp 5 đảng viên", cadre="Hà Văn Nam",
                unit="Ủy ban nhân dân xã Tân Mỹ"),
    ]
    pairs = {(p.a, p.b): p for p in find_pairs(tasks)}
    assert set(pairs) == {("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d")}
    assert pairs[("a", "b")].kind == "same_cadre_other_year"
    assert pairs[("c", "d")].kind == "same_unit"
    assert pairs[("a", "c")].kind == "other_unit"
    assert "UBND" in pairs[("a", "b")].reason


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError, match="'x' occurs more than once"):
        find_pairs([TaskRef("x", "a b"), TaskRef("x", "a b")])


def test_cluster_joins_strongest_first_and_stops_chains():
    chain = [Pair(f"t{i}", f"t{i + 1}", 90.0 + (i % 3), "other_unit", "") for i in range(30)]
    groups = cluster(chain, max_size=5)
    assert all(len(g) <= 5 for g in groups)
    assert sum(len(g) for g in groups) >= 25  # most tasks still land in a group
    assert cluster(chain, max_size=100) == [sorted(f"t{i}" for i in range(31))]


def test_cluster_of_real_pairs():
    tasks, truth = generate_tasks(800, seed=4, dup_rate=0.3)
    groups = cluster(find_pairs(tasks), max_size=10)
    index = {t.id: k for t, k in zip(tasks, truth, strict=True)}
    pure = sum(1 for g in groups if len({index[x] for x in g}) == 1)
    assert groups and pure / len(groups) >= 0.95


def test_ratio_of_token_codes_is_ratio_of_unmarked_tokens_and_bounds_the_raw_score():
    from rapidfuzz import fuzz

    from extractor.dedup import raw_score
    from extractor.dedup.index import token_codes

    tasks, _ = generate_tasks(200, seed=3, dup_rate=0.5)
    keys = [match_key(t.text) for t in tasks]
    codes = token_codes(keys)
    assert all(len(c) == len(k.tokens) for c, k in zip(codes, keys, strict=True))
    for i in range(0, 200, 7):
        for j in range(1, 200, 11):
            ratio = fuzz.ratio(codes[i], codes[j])
            assert ratio == fuzz.ratio(keys[i].plain.split(), keys[j].plain.split())
            # candidates are cut on this ratio: it must never be below the score's
            assert ratio >= raw_score(keys[i], keys[j]) >= fuzz.ratio(keys[i].tokens, keys[j].tokens)


def test_pairs_found_in_worker_processes_equal_brute_force(monkeypatch):
    import extractor.dedup.parallel as parallel

    monkeypatch.setattr(parallel, "BIG", 100)  # share groups of numbers between processes from 100 tasks
    monkeypatch.setattr(parallel, "FORK_MEMORY_BUDGET", 2**40)
    forked = []
    monkeypatch.setattr(parallel, "_forked_pairs", lambda *a, _f=parallel._forked_pairs: forked.append(1) or _f(*a))
    tasks, _ = generate_tasks(700, seed=12, dup_rate=0.3)
    slow = brute_force_pairs(tasks)
    assert _as_set(find_pairs(tasks, workers=2)) == _as_set(slow)
    assert _as_set(find_pairs(tasks, workers=3)) == _as_set(slow)
    assert len(forked) == 2
    monkeypatch.setattr(parallel, "FORK_MEMORY_BUDGET", 0)  # no room for a copy: one process
    assert _as_set(find_pairs(tasks, workers=2)) == _as_set(slow)
    assert len(forked) == 2


def test_keys_made_in_worker_processes_equal_match_key(monkeypatch):
    import extractor.dedup.parallel as parallel

    monkeypatch.setattr(parallel, "BIG", 100)
    tasks, _ = generate_tasks(500, seed=2, dup_rate=0.3)
    texts = [t.text for t in tasks] + [t.text for t in _templated(200, seed=2)]
    for workers in (3, 4):
        keys = parallel.match_keys(texts, workers)
        assert [(k, k.plain) for k in keys] == [(match_key(t), match_key(t).plain) for t in texts]
    # more workers than texts: some children get no text and send back nothing
    monkeypatch.setattr(parallel, "BIG", 2)
    few = texts[:4]
    keys = parallel.match_keys(few, 8)
    assert [(k, k.plain) for k in keys] == [(match_key(t), match_key(t).plain) for t in few]


def _templated(n, seed, dup_rate=0.3):
    """Issue 16's archive shape: real communes, a few dozen shapes; a few copies in lower
    case and capitals, so that tasks without names meet tasks with names, and a few typed
    entirely without marks, which the score compares on unmarked syllables."""
    from bench.synth_templated import generate
    from extractor.text import strip_marks

    tasks, _ = generate(n, seed=seed, dup_rate=dup_rate)
    tasks += [TaskRef(t.id + "l", t.text.lower(), t.cadre, t.unit, t.year) for t in tasks[:n // 10]]
    tasks += [TaskRef(t.id + "u", t.text.upper(), t.cadre, t.unit, t.year) for t in tasks[n // 10:n // 7]]
    tasks += [TaskRef(t.id + "p", strip_marks(t.text), t.cadre, t.unit, t.year) for t in tasks[n // 7:n // 5]]
    return tasks


@pytest.mark.slow
def test_find_pairs_equals_brute_force_on_two_thousand_templated_tasks():
    tasks = _templated(2000, seed=16)
    slow = brute_force_pairs(tasks)
    assert len(slow) > 300
    assert _as_set(find_pairs(tasks)) == _as_set(slow)


@pytest.mark.parametrize("threshold", [60.0, 72.5, 88.0, 95.0])
def test_find_pairs_equals_brute_force_on_templated_tasks_at_other_thresholds(threshold):
    # Below 90 a name missing on one side can leave a pair above the threshold: the
    # candidates of tasks with names against tasks without are searched for it.
    tasks = _templated(400, seed=int(threshold) + 1)
    assert _as_set(find_pairs(tasks, threshold)) == _as_set(brute_force_pairs(tasks, threshold))


def test_copies_of_one_text_are_paired_as_if_compared_one_by_one():
    base = "Đẩy mạnh cải cách hành chính tại UBND xã Thịnh Trường"
    tasks = [TaskRef(f"c{i}", base, cadre=f"Cán bộ {i % 2}", year=2021 + i) for i in range(4)]
    tasks += [TaskRef("z", "đẩy mạnh CCHC tại Ủy ban nhân dân xã Thịnh Trường."),
              TaskRef("a", "Đẩy mạnh cải cách hành chính tại UBND xã Trường Thịnh")]
    assert _as_set(find_pairs(tasks)) == _as_set(brute_force_pairs(tasks))
    assert len(find_pairs(tasks)) == 10  # 6 among the copies, 4 with the rewrite; none with "a"


def test_shared_pieces_bound_holds_for_every_length():
    from rapidfuzz import fuzz

    from extractor.dedup.index import shared_pieces_needed

    # Worst case by construction: one sequence and a copy with the last k syllables changed.
    for n in range(1, 25):
        for m in range(1, 25):
            a = [f"w{i}" for i in range(n)]
            for cut in range(0, min(n, m) + 1):
                b = a[:cut] + [f"x{i}" for i in range(m - cut)]
                if fuzz.ratio(a, b) >= 89.95:
                    pa = set(zip(["^", *a], [*a, "$"], strict=True))
                    pb = set(zip(["^", *b], [*b, "$"], strict=True))
                    assert len(pa & pb) >= shared_pieces_needed(n, 0.8995)


def test_weak_filter_keeps_every_pair_the_scorer_lets_through_with_a_missing_name():
    # The filter rules out (named, nameless) pairs before their ratio; it must keep every
    # pair whose name is missing without a conflict (the scorer's own verdict), whatever
    # the ratio. Nameless sides: lower-case copies with a word, the head word or the name
    # dropped or cut off at the end, so every way a slot can end up is met.
    import random

    import numpy as np

    from extractor.dedup.blocking import _weak_filter
    from extractor.dedup.scoring import _features_off

    rng = random.Random(7)
    named = [k for k in (match_key(t.text) for t in _templated(300, seed=3, dup_rate=0.0)) if k.names]
    named += [match_key("Làm đường Tân Mỹ đi Kim Bình"), match_key("Xây dựng HTX Nông nghiệp và dịch vụ Lạc Hội")]
    nameless = []
    for k in named:
        words = list(k.tokens)
        for _ in range(3):
            w = list(words)
            cut = rng.randrange(len(w))
            w = w[:cut] + w[cut + 1:] if rng.random() < 0.7 else w[:cut]
            nameless.append(match_key(" ".join(w)))
    keys = named + nameless
    nm = np.arange(len(named))
    nl = np.arange(len(named), len(keys))
    may = _weak_filter(keys, nm, nl)
    a, b = np.meshgrid(np.arange(len(nm)), np.arange(len(nl)), indexing="ij")
    a, b = a.ravel(), b.ravel()
    kept = may(a, b)
    weak = [(x, y) for x, y in zip(a.tolist(), b.tolist(), strict=True)
            if _features_off(keys[nm[x]], keys[nl[y]]) == (False, 1) or _features_off(keys[nm[x]], keys[nl[y]])[1] > 1]
    assert len(weak) > 20  # the test means something only with such pairs
    lost = [(keys[nm[x]].text, keys[nl[y]].text) for x, y in weak if not kept[x * len(nl) + y]]
    assert not lost
    assert kept.mean() < 0.9  # and it rules pairs out


def test_nameless_pairs_ruled_out_are_conflicts_for_the_scorer():
    # _slots_agree drops pairs of texts without names before they are scored; each one
    # dropped must be one the scorer puts at the conflict cap (another place after the
    # same head word), and it must drop some (lower-case copies of one shape).
    import numpy as np

    from extractor.dedup.blocking import _slots_agree
    from extractor.dedup.scoring import _unnamed_slots_differ

    keys = [match_key(t.text.lower()) for t in _templated(250, seed=4, dup_rate=0.2)]
    keys += [match_key(t.text.upper()) for t in _templated(60, seed=5, dup_rate=0.2)]
    keys += [match_key("xay dung xa tan my dat chuan nong thon moi")]  # no marks: never a conflict
    n = len(keys)
    i, j = np.triu_indices(n, 1)
    codes = i.astype(np.int64) * n + j
    kept = set(_slots_agree(keys, codes, n).tolist())
    dropped = [c for c in codes.tolist() if c not in kept]
    assert len(dropped) > 1000
    assert all(_unnamed_slots_differ(keys[c // n], keys[c % n]) is not None for c in dropped)
