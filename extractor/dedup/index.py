"""Finding all duplicate pairs: candidate blocks, then the exact score.

Why the candidate step loses nothing (the contract: every pair the scorer puts at or
above the threshold when comparing all pairs is found). For a threshold T above
:data:`~extractor.dedup.scoring.CONFLICT_CAP`, a pair scoring >= T has

1. equal non-year numbers, so only tasks with the same numbers are compared;
2. every proper name of each side inside the other's words. So if task A has names, B
   contains every two-syllable piece of them; A is compared only with the tasks (with
   those numbers) that contain its rarest piece, or its two rarest when it has two or
   more. (Names are compared without tone marks, so pieces are too.) Tasks with no names
   are compared among themselves;
3. a raw ratio (``fuzz.ratio`` over syllables) of at least T - 0.05 (the score is rounded
   to one decimal and never exceeds the raw ratio). Among nameless tasks the raw ratio
   bounds the shared syllables: ratio = 2*LCS/(n+m) >= t implies that the two syllable
   multisets share at least t*n/(2-t) items, so (prefix filtering, Chaudhuri et al.
   2006) each task's rarest n - ceil(t*n/(2-t)) + 1 syllables share one. Many nameless
   tasks are joined by that rule; few are compared all against all. Every raw ratio is
   computed in rapidfuzz's C++ ``cdist`` / ``cpdist``.

At T <= CONFLICT_CAP the features cannot rule anything out and all tasks are joined by
prefix filtering alone (correct, slower). Candidates are then scored exactly with
:func:`score`.
"""
from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import combinations

import numpy as np
from rapidfuzz import fuzz, process

from .normalize import Key, match_key, normalize_text, plain_tokens
from .records import Pair, PairKind, TaskRef
from .scoring import CONFLICT_CAP, explain, score

__all__ = ["find_pairs", "brute_force_pairs", "cluster", "make_pair", "pair_kind", "match_keys",
           "candidate_pairs", "choose_probe", "prefix_length"]

_intern = sys.intern
LEAF = 1500  # nameless sets up to this size are compared all against all in C++


def prefix_length(n: int, t: float) -> int:
    """How many of a task's rarest syllables must be indexed for ratio >= t (0-1).

    >>> prefix_length(15, 0.8495)
    4
    """
    if n == 0:
        return 0
    alpha = max(1, math.ceil(n * t / (2.0 - t) - 1e-9))
    return max(1, n - alpha + 1)


def tagged(tokens: Sequence[str]) -> list[str]:
    """Syllables with repeats numbered ("xã", "xã\\x001"), so sets count multiplicity."""
    seen: dict[str, int] = {}
    out = []
    for tok in tokens:
        c = seen.get(tok, 0)
        seen[tok] = c + 1
        out.append(tok if c == 0 else f"{tok}\x00{c}")
    return out


def plain_names(names: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Names without tone marks, as the score compares them."""
    return [_plain_name(name) for name in names]


@lru_cache(maxsize=500_000)
def _plain_name(name: tuple[str, ...]) -> tuple[str, ...]:
    return plain_tokens(name)


def choose_probe(names: Iterable[tuple[str, ...]], counts: Counter) -> tuple[str, str]:
    """The rarest two-syllable piece of a task's names (ties by text, so it is stable)."""
    best = None
    for name in names:
        for bg in zip(name, name[1:]):
            k = (counts.get(bg, 0), bg)
            if best is None or k < best:
                best = k
    assert best is not None, "names have two syllables or more"
    return best[1]


def _emit(a: np.ndarray, b: np.ndarray, out: list[np.ndarray], n_total: int) -> None:
    keep = a != b
    a, b = a[keep], b[keep]
    if len(a):
        out.append(np.minimum(a, b) * n_total + np.maximum(a, b))


def _cross(queries: list[int], choices: list[int], toks: Sequence[tuple[str, ...]], cut: float,
           out: list[np.ndarray], n_total: int, workers: int, upper: bool = False) -> None:
    """Compare each query with each choice in rapidfuzz's C++ cdist; keep raw >= cut.

    ``upper``: queries and choices are the same list; only pairs i < j are kept.
    """
    if not queries or not choices:
        return
    q_arr = np.asarray(queries, dtype=np.int64)
    c_arr = np.asarray(choices, dtype=np.int64)
    c_seqs = [toks[i] for i in choices]
    step = max(1, 4_000_000 // len(choices))  # at most 4M cells (16 MB) at a time
    for start in range(0, len(queries), step):
        q_seqs = [toks[i] for i in queries[start:start + step]]
        m = process.cdist(q_seqs, c_seqs, scorer=fuzz.ratio, score_cutoff=cut,
                          dtype=np.float32, workers=workers)
        rows, cols = np.nonzero(m >= cut)
        if upper:
            keep = cols > rows + start
            rows, cols = rows[keep], cols[keep]
        _emit(q_arr[rows + start], c_arr[cols], out, n_total)


def _self_join(members: list[int], toks: Sequence[tuple[str, ...]], cut: float,
               out: list[np.ndarray], n_total: int, workers: int) -> None:
    """All pairs among ``members`` with raw ratio >= cut.

    Small sets: all against all in C++. Big ones: prefix filtering (All-Pairs, Bayardo
    et al. 2007): tasks are indexed under their rarest syllables (rarity counted inside
    this set) and each task is compared only with earlier tasks sharing one of them.
    """
    if len(members) < 2:
        return
    if len(members) <= LEAF:
        _cross(members, members, toks, cut, out, n_total, workers, upper=True)
        return
    t = cut / 100.0
    tags = {i: tagged(toks[i]) for i in members}
    df: Counter = Counter()
    for tg in tags.values():
        df.update(tg)
    get = df.__getitem__
    index: dict[str, list[int]] = defaultdict(list)
    for i in members:
        tg = tags[i]
        tg.sort(key=lambda x: (get(x), x))
        cands: set[int] = set()
        for tok in tg[:prefix_length(len(tg), t)]:
            hit = index.get(tok)
            if hit:
                cands.update(hit)
            index[tok].append(i)
        if cands:
            _cross([i], sorted(cands), toks, cut, out, n_total, 1)


def candidate_pairs(keys: Sequence[Key], threshold: float, workers: int = 1) -> np.ndarray:
    """Index pairs (i < j, coded i*len(keys)+j, sorted, unique) that may score >= threshold.

    A superset of the pairs scoring >= threshold (see the module docstring).
    """
    n = len(keys)
    cut = max(0.0, threshold - 0.05) - 1e-3
    toks = [k.tokens for k in keys]
    out: list[np.ndarray] = []
    live = [i for i, k in enumerate(keys) if k.tokens]
    if threshold <= CONFLICT_CAP:
        _self_join(live, toks, cut, out, n, workers)
    else:
        groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in live:
            groups[keys[i].numbers].append(i)
        for idxs in groups.values():
            if len(idxs) > 1:
                _group_candidates(keys, idxs, toks, cut, out, n, workers)
    if not out:
        return np.zeros(0, dtype=np.int64)
    return np.unique(np.concatenate(out))


def _group_candidates(keys: Sequence[Key], idxs: list[int], toks, cut: float,
                      out: list[np.ndarray], n: int, workers: int) -> None:
    """Candidates among tasks with the same numbers: by name pieces, then the nameless ones."""
    named = [i for i in idxs if keys[i].names]
    if named:
        # Names are matched without tone marks (scoring._missing_names), so are pieces.
        pnames = {i: plain_names(keys[i].names) for i in named}
        pieces = {bg for i in named for name in pnames[i] for bg in zip(name, name[1:])}
        # Which name pieces each task contains anywhere (not only in a name: "bảo tiến" is
        # also in "đảm bảo tiến độ"), and in how many tasks each piece is.
        hits: dict[int, list] = {}
        df: Counter = Counter()
        for i in idxs:
            pt = keys[i].plain.split()
            h = pieces.intersection(zip(pt, pt[1:]))
            if h:
                hits[i] = sorted(h)
                df.update(h)
        # A task with names must be compared with the tasks holding all its name pieces;
        # its key is its rarest piece, or its two rarest when it has two or more.
        holders: dict[tuple, list[int]] = defaultdict(list)
        rank = {bg: (c, bg) for bg, c in df.items()}.__getitem__
        for i in named:
            own = sorted({bg for name in pnames[i] for bg in zip(name, name[1:])}, key=rank)
            holders[tuple(sorted(own[:2]))].append(i)
        members: dict[tuple, list[int]] = defaultdict(list)
        for i, h in hits.items():
            for bg in h:
                if (bg,) in holders:
                    members[(bg,)].append(i)
            if len(h) > 1:
                for pair in combinations(h, 2):  # h is sorted, as are the keys
                    if pair in holders:
                        members[pair].append(i)
        small_a: list[int] = []
        small_b: list[int] = []
        for key, hs in holders.items():
            ms = members[key]
            if len(hs) * len(ms) <= 256:  # few: compared pairwise below, in one batch
                for h in hs:
                    for m in ms:
                        if m != h:
                            small_a.append(h)
                            small_b.append(m)
            else:
                _cross(hs, ms, toks, cut, out, n, workers)
        _paired(small_a, small_b, toks, cut, out, n, workers)
    _self_join([i for i in idxs if not keys[i].names], toks, cut, out, n, workers)


def _paired(a: list[int], b: list[int], toks, cut: float, out: list[np.ndarray], n: int,
            workers: int) -> None:
    """Raw ratio of each (a[k], b[k]) in rapidfuzz's C++ cpdist; keep pairs >= cut."""
    step = 500_000
    for start in range(0, len(a), step):
        qa = a[start:start + step]
        qb = b[start:start + step]
        r = process.cpdist([toks[i] for i in qa], [toks[j] for j in qb], scorer=fuzz.ratio,
                           score_cutoff=cut, dtype=np.float32, workers=workers)
        keep = np.nonzero(r >= cut)[0]
        _emit(np.asarray(qa, dtype=np.int64)[keep], np.asarray(qb, dtype=np.int64)[keep], out, n)


@lru_cache(maxsize=200_000)
def _norm_name(value: str | None) -> str | None:
    return normalize_text(value) or None if value else None


@lru_cache(maxsize=200_000)
def _norm_unit(value: str | None) -> str | None:
    return match_key(value).text or None if value else None  # "UBND xã X" = "Ủy ban nhân dân xã X"


def match_keys(texts: Sequence[str], workers: int = 1) -> list[Key]:
    """:func:`match_key` of many texts; with ``workers`` > 1 and many texts, in processes.

    >>> [k.text for k in match_keys(["Xây dựng NTM", "GPMB"])]
    ['xây dựng nông thôn mới', 'giải phóng mặt bằng']
    """
    if workers <= 1 or len(texts) < 50_000:
        return [match_key(t) for t in texts]
    import multiprocessing

    chunk = 20_000
    parts = [list(texts[i:i + chunk]) for i in range(0, len(texts), chunk)]
    out: list[Key] = []
    pos = 0
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        # Workers send back plain tuples of strings (pickling Key objects costs more than
        # making them); syllables are interned here so a million keys share them.
        for rows in pool.imap(_key_rows, parts):
            for text, numbers, years, names in rows:
                original = texts[pos]
                pos += 1
                out.append(Key(text, tuple(map(_intern, text.split())), numbers, years, names,
                               original))
    return out


def _key_rows(texts: list[str]) -> list[tuple]:
    rows = []
    for t in texts:
        k = match_key(t)
        rows.append((k.text, k.numbers, k.years, k.names))
    return rows


def pair_kind(a: TaskRef, b: TaskRef) -> PairKind:
    """``same_cadre_other_year`` / ``same_unit`` / ``other_unit`` from the two tasks' metadata."""
    ca, cb = _norm_name(a.cadre), _norm_name(b.cadre)
    if ca and ca == cb and a.year is not None and b.year is not None and a.year != b.year:
        return "same_cadre_other_year"
    ua, ub = _norm_unit(a.unit), _norm_unit(b.unit)
    if ua and ua == ub:
        return "same_unit"
    if ca and ca == cb:  # one cadre, same (or unknown) year: within one person's register
        return "same_unit"
    return "other_unit"


def make_pair(ta: TaskRef, tb: TaskRef, ka: Key, kb: Key, value: float) -> Pair:
    """A :class:`Pair` with ``a`` < ``b``, its kind and its reason."""
    if tb.id < ta.id:
        ta, tb, ka, kb = tb, ta, kb, ka
    return Pair(ta.id, tb.id, value, pair_kind(ta, tb), explain(ka, kb))


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
    ``workers``: processes for the keys (from 50,000 tasks on) and threads for rapidfuzz;
    ``keys`` may pass precomputed keys.

    >>> [p.a + p.b for p in find_pairs([TaskRef("1", "Xây dựng NTM xã Tân Mỹ"),
    ...                                  TaskRef("2", "xây dựng nông thôn mới xã Tân Mỹ")])]
    ['12']
    """
    tasks = list(tasks)
    _check(tasks, threshold)
    keys = list(keys) if keys is not None else match_keys([t.text for t in tasks], workers)
    n = len(tasks)
    pairs = []
    for code in candidate_pairs(keys, threshold, workers).tolist():
        i, j = divmod(code, n)
        value = score(keys[i], keys[j])
        if value >= threshold:
            pairs.append(make_pair(tasks[i], tasks[j], keys[i], keys[j], value))
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    return pairs


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
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    return pairs


def cluster(pairs: Iterable[Pair], max_size: int = 20) -> list[list[str]]:
    """Group paired tasks; strongest pairs first, never growing a group past ``max_size``.

    Plain connected components chain: A~B, B~C, ... until a template swallows hundreds of
    tasks. Joining best-first with a size cap keeps groups to what a reviewer can read;
    a pair left out still shows as a pair. Groups come sorted, largest first.

    >>> cluster([Pair("a", "b", 95, "other_unit", ""), Pair("b", "c", 90, "other_unit", "")])
    [['a', 'b', 'c']]
    """
    parent: dict[str, str] = {}
    size: dict[str, int] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in sorted(pairs, key=lambda p: (-p.score, p.a, p.b)):
        for x in (p.a, p.b):
            if x not in parent:
                parent[x] = x
                size[x] = 1
        ra, rb = find(p.a), find(p.b)
        if ra == rb or size[ra] + size[rb] > max_size:
            continue
        if size[ra] < size[rb]:
            ra, rb = rb, ra
        parent[rb] = ra
        size[ra] += size[rb]
    groups: dict[str, list[str]] = defaultdict(list)
    for x in parent:
        groups[find(x)].append(x)
    out = [sorted(g) for g in groups.values() if len(g) > 1]
    out.sort(key=lambda g: (-len(g), g))
    return out
