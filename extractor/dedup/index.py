"""Finding all duplicate pairs: candidate blocks, then the exact score.

The candidates (:mod:`~extractor.dedup.blocking`) lose no pair the scorer would put at
or above the threshold (the proof is there; tests check the result against
:func:`brute_force_pairs`). Candidates are then scored exactly
(:func:`~extractor.dedup.scoring.score_at_least`: the score, skipping its costly part
when a conflict or the raw ratio already puts it below T) and made into pairs
(:mod:`~extractor.dedup.pairs`), in forked workers at a province's scale
(:mod:`~extractor.dedup.parallel`). Groups for a reviewer: :mod:`~extractor.dedup.cluster`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from operator import attrgetter

from . import parallel
from .blocking import (
    candidate_pairs,
    choose_probe,
    name_pieces,
    plain_names,
    prefix_length,
    shared_pieces_needed,
    tagged,
    token_codes,
)
from .cluster import cluster
from .keys import Key, match_key
from .pairs import _pair_rows, make_pair, pair_kind
from .parallel import _gc_paused, match_keys
from .records import Pair, TaskRef
from .scoring import CONFLICT_CAP, explain, score

__all__ = ["find_pairs", "brute_force_pairs", "cluster", "make_pair", "pair_kind", "match_keys",
           "candidate_pairs", "choose_probe", "name_pieces", "plain_names", "prefix_length",
           "shared_pieces_needed", "tagged", "token_codes"]


def _check(tasks: list[TaskRef], threshold: float) -> None:
    if not 0.0 <= threshold <= 100.0:
        raise ValueError(f"threshold must be between 0 and 100, got {threshold}")
    ids = [t.id for t in tasks]
    if len(set(ids)) != len(ids):
        dup = next(i for i, c in Counter(ids).items() if c > 1)
        raise ValueError(f"task id {dup!r} occurs more than once; ids must be unique")


def find_pairs(tasks: Iterable[TaskRef], threshold: float = 85.0, *, workers: int = 1,
               keys: Sequence[Key] | None = None) -> list[Pair]:
    """Every pair of tasks whose :func:`score` is >= threshold, best first.

    Finds exactly the pairs :func:`brute_force_pairs` finds, without comparing all pairs.
    ``workers``: from 50,000 tasks on, processes that share the groups of numbers while
    their memory fits :data:`FORK_MEMORY_BUDGET` (and make the keys, from 3 workers on;
    see :func:`match_keys`); threads for rapidfuzz otherwise. ``keys`` may pass
    precomputed keys.

    >>> [p.a + p.b for p in find_pairs([TaskRef("1", "Xây dựng NTM xã Tân Mỹ"),
    ...                                  TaskRef("2", "xây dựng nông thôn mới xã Tân Mỹ")])]
    ['12']
    """
    tasks = list(tasks)
    _check(tasks, threshold)
    with _gc_paused(len(tasks) >= parallel.BIG):
        keys = list(keys) if keys is not None else match_keys([t.text for t in tasks], workers)
        # Tasks written word for word alike are one text: candidates and scores are found
        # among distinct texts, then spread to the tasks (issue 16: template-heavy registers
        # repeat a text dozens of times, and each pair of them was explained anew).
        first: dict[str, int] = {}
        copies: dict[int, list[int]] = {}
        for i, t in enumerate(tasks):
            r = first.setdefault(t.text, i)
            if r != i:
                copies.setdefault(r, [r]).append(i)
        if copies:
            reps = list(first.values())
            r_tasks = [tasks[i] for i in reps]
            r_keys = [keys[i] for i in reps]
        else:
            r_tasks, r_keys = tasks, keys
        del first
        codes = token_codes(r_keys)
        if (workers > 1 and len(r_tasks) >= parallel.BIG and threshold > CONFLICT_CAP
                and parallel._fork_fits(workers)):
            pairs = parallel._forked_pairs(r_tasks, r_keys, codes, threshold, workers)
        else:
            pairs = [Pair(*row) for row in _pair_rows(r_tasks, r_keys, codes, threshold, None, workers)]
        del codes
        if copies:
            pairs = _spread(pairs, tasks, keys, copies, threshold)
    _sort_pairs(pairs)
    return pairs


def _sort_pairs(pairs: list[Pair]) -> None:
    """Best first, then by ids: the order of (-score, a, b). Ids are ordered as one string
    "a NUL b" (the order of (a, b) when no id holds a NUL), the score by a stable sort:
    list.sort compares strings in C, tuples of strings far slower (1.36M pairs at 1M
    templated tasks: 15 s by (a, b) tuples, 3 s so)."""
    if "\0" in "".join(map(attrgetter("a"), pairs)) or "\0" in "".join(map(attrgetter("b"), pairs)):
        pairs.sort(key=attrgetter("a", "b"))
    else:
        pairs.sort(key=_joined_ids)
    pairs.sort(key=attrgetter("score"), reverse=True)


def _joined_ids(p: Pair) -> str:
    return p.a + "\0" + p.b


def _spread(pairs: list[Pair], tasks: Sequence[TaskRef], keys: Sequence[Key], copies: dict[int, list[int]],
            threshold: float) -> list[Pair]:
    """Pairs of distinct texts -> pairs of tasks: each pair to every copy of its two texts,
    and the copies of one text paired among themselves. The same pairs, scores and reasons
    as comparing the tasks one by one (a reason read the other way round is made anew)."""
    where = {t.id: i for i, t in enumerate(tasks)}
    out: list[Pair] = []
    for p in pairs:
        u, v = where[p.a], where[p.b]
        gu, gv = copies.get(u), copies.get(v)
        if gu is None and gv is None:
            out.append(p)
            continue
        back = None
        for i in gu or (u,):
            ti = tasks[i]
            for j in gv or (v,):
                tj = tasks[j]
                if ti.id < tj.id:
                    out.append(Pair(ti.id, tj.id, p.score, pair_kind(ti, tj), p.reason))
                else:
                    if back is None:
                        back = explain(keys[v], keys[u])
                    out.append(Pair(tj.id, ti.id, p.score, pair_kind(tj, ti), back))
    for r, group in copies.items():
        k = keys[r]
        value = score(k, k)
        if value < threshold:
            continue
        reason = explain(k, k)
        members = sorted(group, key=lambda i: tasks[i].id)
        for x, i in enumerate(members):
            ti = tasks[i]
            for j in members[x + 1:]:
                tj = tasks[j]
                out.append(Pair(ti.id, tj.id, value, pair_kind(ti, tj), reason))
    return out


def brute_force_pairs(tasks: Iterable[TaskRef], threshold: float = 85.0) -> list[Pair]:
    """All pairs scored one by one: slow, obviously right; the reference for find_pairs.

    >>> len(brute_force_pairs([TaskRef("1", "Kết nạp 5 đảng viên"), TaskRef("2", "Kết nạp 12 đảng viên")]))
    0
    """
    tasks = list(tasks)
    _check(tasks, threshold)
    keys = [match_key(t.text) for t in tasks]
    pairs = []
    for i in range(len(tasks)):
        for j in range(i + 1, len(tasks)):
            value = score(keys[i], keys[j])
            if value >= threshold:
                pairs.append(make_pair(tasks[i], tasks[j], keys[i], keys[j], value))
    _sort_pairs(pairs)
    return pairs
