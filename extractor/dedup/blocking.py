"""Candidate pairs: the pairs of tasks that may score at or above the threshold, found
without comparing all pairs (the blocking step of :func:`~extractor.dedup.index.find_pairs`).

Why the candidate step loses nothing (the contract: every pair the scorer puts at or
above the threshold when comparing all pairs is found). For a threshold T above
:data:`~extractor.dedup.scoring.CONFLICT_CAP`, a pair scoring >= T has

1. equal non-year numbers, so only tasks with the same numbers are compared;
2. every proper name of each side inside the other's words, when both have names. So
   if task A has names, B contains every piece of them (two-syllable runs, or the
   syllable of a one-syllable name); A is compared only with the tasks (with those
   numbers) that contain its rarest piece, or its two rarest when it has two or more;
   when B has names too, A must hold B's two rarest in turn (:func:`_both_ways`).
   (Pieces are taken without tone marks: a name found in the other side is found so
   too.) Tasks with no names are compared among themselves, and a pair of them whose
   first place differs (another commune after the same head word) is a conflict for the
   scorer, dropped before it is scored (:func:`_slots_agree`). A task with names and one
   without whose words lack a name score at most the raw ratio minus
   :data:`~extractor.dedup.scoring.MISSING_PENALTY` (issue 16): they are paired by
   :func:`_weak_candidates` when the raw ratio may reach T plus that and the name
   missing can be missing without a conflict (:func:`_weak_filter`: the side without
   names has too few syllables after the name's head word to hold another name);
3. a raw ratio (``fuzz.ratio`` over syllables) of at least T - 0.05 (the score is rounded
   to one decimal and never exceeds the raw ratio). Candidates bound the ratio over the
   syllables without marks (:func:`token_codes`), which is never below the one over
   marked syllables and is the one the score takes when a side is written entirely
   without marks (issue 16: a typist without a Vietnamese keyboard). Among nameless tasks the raw ratio
   bounds the shared syllables: ratio = 2*LCS/(n+m) >= t implies that the two syllable
   multisets share at least t*n/(2-t) items, so (prefix filtering, Chaudhuri et al.
   2006) each task's rarest n - ceil(t*n/(2-t)) + 1 syllables share one. Many nameless
   tasks are joined by that rule; few are compared all against all. Every raw ratio is
   computed in rapidfuzz's C++ ``cdist`` / ``cpdist``, on the syllables coded one
   character each (:func:`token_codes`: the same ratio, compared bit-parallel), and
   listed pairs first pass the length bound (the LCS is at most the shorter side, so
   ratio >= t needs 2*min(n, m)/(n + m) >= t).

At T <= CONFLICT_CAP the features cannot rule anything out and all tasks are joined by
prefix filtering alone (correct, slower). Candidates are then scored exactly
(:func:`~extractor.dedup.scoring.score_at_least`: the score, skipping its costly part
when a conflict or the raw ratio already puts it below T).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from .keys import (
    Key,
    head_slots,
    match_key,  # noqa: F401 (the docstrings' examples use it)
    plain_tokens,
)
from .scoring import CONFLICT_CAP, MISSING_PENALTY, _slots

__all__ = ["candidate_pairs", "token_codes", "prefix_length", "shared_pieces_needed", "tagged", "plain_names",
           "name_pieces", "choose_probe", "LEAF"]

# Index arrays (task numbers, pair codes i * n + j) and masks over them.
Ints = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]

_UNI = 0xFFFFFFFF  # second half of a one-syllable name's piece (no syllable has this id)


LEAF = 1500  # nameless sets up to this size are compared all against all in C++


def _unique(a: Ints) -> Ints:
    """The sorted distinct values of an integer array, by one sort. (``np.unique`` hashes
    since numpy 2.3: 25M int64 took 79 s here against 2.6 s for a sort.)

    >>> _unique(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    s = np.sort(a)
    if len(s) < 2:
        return s
    keep = np.empty(len(s), dtype=bool)
    keep[0] = True
    np.not_equal(s[1:], s[:-1], out=keep[1:])
    return s[keep]


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


def name_pieces(name: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name's pieces: its two-syllable runs, or the syllable of a one-syllable name.

    >>> name_pieces(("tan", "my")), name_pieces(("nua",))
    ([('tan', 'my')], [('nua',)])
    """
    return list(zip(name, name[1:], strict=False)) if len(name) > 1 else [tuple(name)]


def choose_probe(names: Iterable[tuple[str, ...]], counts: Counter[tuple[str, ...]]) -> tuple[str, ...]:
    """The rarest piece of a task's names (ties by text, so it is stable)."""
    best = None
    for name in names:
        for bg in name_pieces(name):
            k = (counts.get(bg, 0), bg)
            if best is None or k < best:
                best = k
    assert best is not None, "a task with names has a piece"
    return best[1]


def _emit(a: Ints, b: Ints, out: list[Ints], n_total: int) -> None:
    keep = a != b
    a, b = a[keep], b[keep]
    if len(a):
        out.append(np.minimum(a, b) * n_total + np.maximum(a, b))


class _Vocab(dict[str, int]):
    """Token -> small int, numbered as tokens come (``__missing__`` assigns the next)."""

    def __missing__(self, token: str) -> int:
        value = self[token] = len(self)
        return value


def token_codes(keys: Sequence[Key]) -> list[str]:
    """Each key's syllables without marks as a string of one character per distinct one.

    ``fuzz.ratio`` of two such strings is ``fuzz.ratio`` of the two syllable sequences
    (the same Indel distance over the same alphabet), and rapidfuzz compares strings
    bit-parallel, far faster than sequences of Python strings. Without marks, because
    the score compares a side written entirely without them on its unmarked syllables;
    a ratio over unmarked syllables is never below the one over marked syllables (two
    sequences mapped alike keep every common subsequence), so candidates lose nothing.

    >>> token_codes([match_key("xã Tân Mỹ"), match_key("xã Tân Phú")]) == ['\\x00\\x01\\x02', '\\x00\\x01\\x03']
    True
    """
    get = _Chars().__getitem__
    return ["".join(map(get, k.plain.split())) for k in keys]


class _Chars(dict[str, str]):
    """Syllable -> its character, numbered as syllables come, skipping the surrogates.
    Past the last character, further syllables share one: ratios can only rise (more
    candidates, never fewer; the score is computed on the keys)."""

    def __missing__(self, token: str) -> str:
        c = len(self)
        value = self[token] = chr(c) if c < 0xD800 else chr(c + 0x800) if c <= 0x10FFFF - 0x800 else chr(0x10FFFF)
        return value


def _cross(queries: list[int], choices: list[int], codes: Sequence[str], cut: float,
           out: list[Ints], n_total: int, workers: int, upper: bool = False) -> None:
    """Compare each query with each choice in rapidfuzz's C++ cdist; keep raw >= cut.

    ``upper``: queries and choices are the same list; only pairs i < j are kept.
    """
    if not queries or not choices:
        return
    q_arr = np.asarray(queries, dtype=np.int64)
    c_arr = np.asarray(choices, dtype=np.int64)
    c_seqs = [codes[i] for i in choices]
    step = max(1, 4_000_000 // len(choices))  # at most 4M cells (16 MB) at a time
    for start in range(0, len(queries), step):
        q_seqs = [codes[i] for i in queries[start:start + step]]
        m = process.cdist(q_seqs, c_seqs, scorer=fuzz.ratio, score_cutoff=cut,
                          dtype=np.float32, workers=workers)
        rows, cols = np.nonzero(m >= cut)
        if upper:
            keep = cols > rows + start
            rows, cols = rows[keep], cols[keep]
        _emit(q_arr[rows + start], c_arr[cols], out, n_total)


def _self_join(members: list[int], keys: Sequence[Key], codes: Sequence[str],
               cut: float, out: list[Ints], n_total: int, workers: int) -> None:
    """All pairs among ``members`` with raw ratio >= cut.

    Small sets: all against all in C++. Big ones: prefix filtering (All-Pairs, Bayardo
    et al. 2007): tasks are indexed under their rarest syllables (rarity counted inside
    this set) and each task is compared only with earlier tasks sharing one of them.
    """
    if len(members) < 2:
        return
    if len(members) <= LEAF:
        _cross(members, members, codes, cut, out, n_total, workers, upper=True)
        return
    t = cut / 100.0
    tags = {i: tagged(keys[i].plain.split()) for i in members}  # the syllables codes are made of
    df: Counter[str] = Counter()
    for tg in tags.values():
        df.update(tg)
    get = df.__getitem__
    index: dict[str, list[int]] = defaultdict(list)
    qa: list[int] = []
    qb: list[int] = []
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
            qa.extend([i] * len(cands))
            qb.extend(cands)
        if len(qa) > 2_000_000:  # compared in batches, in C++
            _paired(qa, qb, codes, cut, out, n_total, workers)
            qa, qb = [], []
    _paired(qa, qb, codes, cut, out, n_total, workers)


def candidate_pairs(keys: Sequence[Key], threshold: float, workers: int = 1, *,
                    only: Sequence[int] | None = None, codes: Sequence[str] | None = None) -> Ints:
    """Index pairs (i < j, coded i*len(keys)+j, sorted, unique) that may score >= threshold.

    A superset of the pairs scoring >= threshold (see the module docstring). ``only``:
    just among these tasks (whole groups of numbers, above the conflict cap, lose
    nothing); ``codes``: :func:`token_codes` of ``keys``, when already made.
    """
    n = len(keys)
    cut = max(0.0, threshold - 0.05) - 1e-3
    if codes is None:
        codes = token_codes(keys)
    out: list[Ints] = []
    live = [i for i in (range(n) if only is None else only) if keys[i].tokens]
    if threshold <= CONFLICT_CAP:
        _self_join(live, keys, codes, cut, out, n, workers)
    else:
        groups: dict[tuple[str, ...], int] = {}
        gid = np.full(n, -1, dtype=np.int64)
        nameless: dict[int, list[int]] = defaultdict(list)
        for i in live:
            k = keys[i]
            g = groups.setdefault(k.numbers, len(groups))
            gid[i] = g
            if not k.names:
                nameless[g].append(i)
        _named_candidates(keys, live, gid, codes, cut, out, workers)
        among: list[Ints] = []
        for idxs in nameless.values():
            _self_join(idxs, keys, codes, cut, among, n, workers)
        if among:
            out.append(_slots_agree(keys, np.concatenate(among), n))
        del among
        # A task with names against one without, whose words lack a name: at most the
        # raw ratio minus MISSING_PENALTY, so only pairs with raw >= T + that can count.
        weak_cut = max(0.0, threshold + MISSING_PENALTY - 0.05) - 1e-3
        if weak_cut <= 100.0 and nameless:
            _weak_candidates(keys, live, gid, codes, weak_cut, out, workers)
    if not out:
        return np.zeros(0, dtype=np.int64)
    return _unique(np.concatenate(out))


def _named_candidates(keys: Sequence[Key], live: list[int], gid: Ints, codes: Sequence[str],
                      cut: float, out: list[Ints], workers: int) -> None:
    """Candidates of every task with names: the tasks with the same numbers that contain
    its rarest name piece (two-syllable piece, without tone marks), and its second rarest
    when it has two or more. Vectorised over all groups of numbers at once."""
    n = len(keys)
    vocab = _Vocab()
    vocab["\x01"]  # 0: between tasks (never a syllable: not a word character)
    get = vocab.__getitem__
    # Each named task's own pieces, as (task, bigram) with bigram = id1 << 32 | id2.
    own_t: list[int] = []
    own_b: list[int] = []
    of_name: dict[tuple[str, ...], tuple[int, ...]] = {}  # a name's pieces (names recur)

    def pieces_of(name: tuple[str, ...]) -> tuple[int, ...]:
        ids = list(map(get, _plain_name(name)))
        found: tuple[int, ...]
        if len(ids) == 1:  # a one-syllable name ("xã Nưa"): the syllable is its piece
            found = of_name[name] = (ids[0] << 32 | _UNI,)
        else:
            found = of_name[name] = tuple(dict.fromkeys(a << 32 | b for a, b in zip(ids, ids[1:], strict=False)))
        return found

    for i in live:
        names = keys[i].names
        if not names:
            continue
        if len(names) == 1:
            bgs = of_name.get(names[0]) or pieces_of(names[0])
        else:
            bgs = tuple({bg: None for name in names for bg in (of_name.get(name) or pieces_of(name))})
        own_t.extend([i] * len(bgs))
        own_b.extend(bgs)
    if not own_t:
        return
    own_task = np.asarray(own_t, dtype=np.int64)
    own_bg = np.asarray(own_b, dtype=np.int64)
    del own_t, own_b
    pieces = _unique(own_bg)
    n_pieces = len(pieces)
    # A piece key is (group of numbers, piece), numbered densely among the keys some task owns.
    own_key = gid[own_task] * n_pieces + np.searchsorted(pieces, own_bg)
    ukey = _unique(own_key)
    n_keys = len(ukey)
    own_key = np.searchsorted(ukey, own_key)
    uni = (pieces & 0xFFFFFFFF) == _UNI
    in_name = np.zeros(len(vocab), dtype=bool)  # syllables that occur in some two-syllable piece
    in_name[pieces[~uni] >> 32] = True
    in_name[pieces[~uni] & 0xFFFFFFFF] = True
    in_uni = np.zeros(len(vocab), dtype=bool)  # syllables that are a one-syllable name
    in_uni[pieces[uni] >> 32] = True
    # Which name pieces each task contains anywhere (not only in a name: "bảo tiến" is
    # also in "đảm bảo tiến độ"): (piece key, task) with key = group * n_pieces + piece.
    hits: list[Ints] = []
    block = 50_000
    for start in range(0, len(live), block):
        part = live[start:start + block]
        ids = np.fromiter(map(get, " \x01 ".join([keys[i].plain for i in part]).split()),
                          dtype=np.int64)
        grow = len(vocab) - len(in_name)
        if grow > 0:
            in_name = np.concatenate([in_name, np.zeros(grow, dtype=bool)])
            in_uni = np.concatenate([in_uni, np.zeros(grow, dtype=bool)])
        task = np.asarray(part, dtype=np.int64)[np.cumsum(ids == 0)]
        ok = in_name[ids[:-1]] & in_name[ids[1:]]
        where = np.nonzero(ok)[0]
        bg = ids[where] << 32 | ids[where + 1]
        if in_uni.any():
            one = np.nonzero(in_uni[ids])[0]
            where = np.concatenate([where, one])
            bg = np.concatenate([bg, ids[one] << 32 | _UNI])
        pos = np.minimum(np.searchsorted(pieces, bg), n_pieces - 1)
        found = pieces[pos] == bg
        t = task[where[found]]
        key = gid[t] * n_pieces + pos[found]
        at = np.minimum(np.searchsorted(ukey, key), n_keys - 1)
        owned = ukey[at] == key
        hits.append(at[owned] * n + t[owned])
    hit = _unique(np.concatenate(hits))
    del hits
    hit_task = hit % n
    count = np.bincount(hit // n, minlength=n_keys)
    first = np.cumsum(count) - count
    # The two rarest own pieces of each named task (ties by piece: any choice is lossless).
    # (A piece no task contains has no partner; never the case: a task contains its names.)
    df = count[own_key]
    order = np.lexsort((own_key, df, own_task))
    o_task, o_key, o_df = own_task[order], own_key[order], df[order]
    head = np.ones(len(o_task), dtype=bool)
    head[1:] = o_task[1:] != o_task[:-1]
    h_idx = np.nonzero(head)[0]
    holder = o_task[h_idx]
    k1 = o_key[h_idx]
    n1 = o_df[h_idx]
    nxt = h_idx + 1
    has2 = np.zeros(len(h_idx), dtype=bool)
    inner = nxt < len(o_task)
    has2[inner] = ~head[nxt[inner]]
    k2 = np.where(has2, o_key[np.minimum(nxt, len(o_task) - 1)], -1)
    # Both sides named: the member's names must stand in the holder too (else the names
    # conflict), so the holder holds the member's own two rarest pieces (-1: none).
    own1 = np.full(n, -1, dtype=np.int64)
    own2 = np.full(n, -1, dtype=np.int64)
    own1[holder] = k1
    own2[holder] = k2
    # Only the tasks at hand are touched: in a forked worker, reading an object writes its
    # reference count, and the page holding it is copied.
    lengths = np.zeros(n, dtype=np.int64)
    lengths[live] = [len(codes[i]) for i in live]
    # Holders sharing a rarest piece against the tasks holding it: big blocks all against
    # all in C++ cdist (cheap per cell), the many small ones as listed pairs in one cpdist.
    order = np.argsort(k1, kind="stable")
    holder, k1, k2, n1 = holder[order], k1[order], k2[order], n1[order]
    starts = np.nonzero(np.r_[True, k1[1:] != k1[:-1]])[0]
    n_holders = np.diff(np.r_[starts, len(k1)])
    cells = n_holders * n1[starts]
    big = cells > 4096
    small_rows = np.repeat(~big, n_holders)
    for s0, nh in zip(starts[big].tolist(), n_holders[big].tolist(), strict=True):
        key = int(k1[s0])
        members = hit_task[first[key]:first[key] + count[key]]
        _block(holder[s0:s0 + nh], k2[s0:s0 + nh], members, codes, cut, hit, out, n, workers, own1, own2)
    holder, k1, k2, n1 = holder[small_rows], k1[small_rows], k2[small_rows], n1[small_rows]
    k1_first = first[k1]
    # Expand holder x (tasks holding its rarest piece), in chunks of ~2M pairs.
    ends = np.cumsum(n1)
    lo = 0
    while lo < len(holder):
        base = ends[lo - 1] if lo else 0
        hi = int(np.searchsorted(ends, base + 2_000_000, side="right"))
        hi = max(hi, lo + 1)
        c = n1[lo:hi]
        total = int(c.sum())
        if total:
            rep = np.repeat(np.arange(lo, hi), c)
            offs = np.arange(total) - np.repeat(np.cumsum(c) - c, c)
            a = holder[rep]
            b = hit_task[k1_first[rep] + offs]
            # ratio >= t needs 2*min(la, lb)/(la + lb) >= t (the LCS is at most the shorter);
            # checked first: it reads small arrays, the piece tests search a large one.
            la, lb = lengths[a], lengths[b]
            keep = (a != b) & (200.0 * np.minimum(la, lb) >= (cut - 1e-6) * (la + lb))
            rep, a, b = rep[keep], a[keep], b[keep]
            keep = _has_second(k2[rep], b, hit, n) & _both_ways(a, b, own1, own2, hit, n)
            a, b = a[keep], b[keep]
            _paired(a.tolist(), b.tolist(), codes, cut, out, n, workers)
        lo = hi


def shared_pieces_needed(n: int, t: float) -> int:
    """How many syllable pairs a task of ``n`` syllables must share with any task it has
    a ratio >= t (0-1) with, both padded with a start and an end mark (0: no bound).

    The LCS has L >= t(n+m)/2 syllables; it breaks at most (n - L) + (m - L) times, so
    the padded sequences share at least (L + 1) - (n - L) - (m - L) pairs, least over
    the lengths m the length bound allows.

    >>> shared_pieces_needed(12, 0.8995)
    9
    """
    if n == 0:
        return 0
    lo = max(1, math.ceil(n * t / (2.0 - t) - 1e-9))
    hi = math.floor(n * (2.0 - t) / t + 1e-9)
    return max(0, min((3 * math.ceil(t * (n + m) / 2.0 - 1e-9) - n - m + 1 for m in range(lo, hi + 1)),
                      default=0))


def _weak_candidates(keys: Sequence[Key], live: list[int], gid: Ints, codes: Sequence[str],
                     cut: float, out: list[Ints], workers: int) -> None:
    """Pairs of a task with names and one without, with the same numbers, whose raw ratio
    may reach ``cut``. Tasks without names are few (no usable capitals); each is indexed
    under every pair of consecutive syllables (padded with a start and an end mark). A
    task with names that must share s pairs (:func:`shared_pieces_needed`) with a partner
    looks up n + 1 - s + 1 of its own pairs, those fewest tasks without names hold: one
    of them is shared. Most hold none of a named place's pairs ("xã thịnh trường"), so
    most tasks with names look up nothing. Vectorised over all groups of numbers."""
    n = len(keys)
    t = cut / 100.0
    alive = np.asarray(live, dtype=np.int64)
    has = np.fromiter((bool(keys[i].names) for i in live), dtype=bool, count=len(live))
    n_groups = int(gid.max()) + 2
    g_named = np.zeros(n_groups, dtype=bool)
    g_nameless = np.zeros(n_groups, dtype=bool)
    g_named[gid[alive[has]]] = True
    g_nameless[gid[alive[~has]]] = True
    both = g_named & g_nameless
    inside = both[gid[alive]]
    nm, nl = alive[inside & has], alive[inside & ~has]
    if not len(nm) or not len(nl):
        return

    lengths = np.fromiter(map(len, codes), dtype=np.int64, count=len(codes))

    def syllables(tasks: Ints) -> Ints:
        return np.frombuffer("".join([codes[i] for i in tasks.tolist()]).encode("utf-32-le"),
                            dtype=np.uint32).astype(np.int64) + 1

    def bigrams(tasks: Ints, ids: Ints) -> tuple[Ints, Ints, Ints]:
        lens = lengths[tasks]
        total = int(lens.sum()) + 2 * len(tasks)
        seq = np.zeros(total, dtype=np.int64)  # 0 starts a task, END ends it
        ends = np.cumsum(lens + 2)
        seq[ends - 1] = END
        body = np.ones(total, dtype=bool)
        body[ends - 1] = False
        body[ends - lens - 2] = False
        seq[body] = ids
        owner = np.repeat(np.arange(len(tasks)), lens + 2)
        ok = owner[:-1] == owner[1:]
        first, second = seq[:-1][ok], seq[1:][ok]
        return (gid[tasks][owner[:-1][ok]] * W + first) * W + second, owner[:-1][ok], lens

    nl_ids = syllables(nl)
    END = 0x110001  # above every code (characters, + 1)
    W = END + 1
    if n_groups * W * W >= 2**62:  # keys would overflow: compare each group's kinds all against all
        for g in np.nonzero(both)[0].tolist():
            _cross(nm[gid[nm] == g].tolist(), nl[gid[nl] == g].tolist(), codes, cut, out, n, workers)
        return
    b_key, b_own, _ = bigrams(nl, nl_ids)
    order = np.lexsort((b_own, b_key))
    b_key, b_own = b_key[order], b_own[order]
    dedup = np.r_[True, (b_key[1:] != b_key[:-1]) | (b_own[1:] != b_own[:-1])]
    b_key, b_own = b_key[dedup], b_own[dedup]
    first_at = np.flatnonzero(np.r_[True, b_key[1:] != b_key[:-1]])  # b_key is sorted
    ukey = b_key[first_at]
    df = np.diff(np.r_[first_at, len(b_key)])
    need = np.zeros(int(lengths[nm].max()) + 1, dtype=np.int64)
    for k in range(len(need)):
        need[k] = shared_pieces_needed(k, t)
    a_lens_all = lengths[nm]
    # No bound (short tasks at a low threshold): all against all within the group.
    loose = need[a_lens_all] <= 0
    if loose.any():
        for g in _unique(gid[nm[loose]]).tolist():
            _cross(nm[loose & (gid[nm] == g)].tolist(), nl[gid[nl] == g].tolist(), codes, cut, out, n,
                   workers)
        nm = nm[~loose]
        if not len(nm):
            return
    may = _weak_filter(keys, nm, nl)
    step = 200_000
    for s0 in range(0, len(nm), step):
        part = nm[s0:s0 + step]
        a_key, a_own, a_lens = bigrams(part, syllables(part))
        pos = np.minimum(np.searchsorted(ukey, a_key), len(ukey) - 1)
        hit = ukey[pos] == a_key
        a_df = np.where(hit, df[pos], 0)
        p_len = a_lens + 1 - need[a_lens] + 1  # pairs to look up, of a_lens + 1
        zero = np.bincount(a_own, weights=(a_df == 0), minlength=len(part))
        busy = zero < p_len  # else p_len pairs no nameless task holds: nothing to find
        sel = busy[a_own] & hit
        if not sel.any():
            continue
        a_own, a_df, pos = a_own[sel], a_df[sel], pos[sel]
        # Each busy task's p_len - zero rarest held pairs (its pairs no one holds come first).
        order = np.lexsort((a_df, a_own))
        a_own, a_df, pos = a_own[order], a_df[order], pos[order]
        starts = np.r_[0, np.nonzero(a_own[1:] != a_own[:-1])[0] + 1]
        rank = np.arange(len(a_own)) - np.repeat(starts, np.diff(np.r_[starts, len(a_own)]))
        take = rank < (p_len - zero.astype(np.int64))[a_own]
        a_own, a_df, pos = a_own[take], a_df[take], pos[take]
        rep = np.repeat(np.arange(len(a_own)), a_df)
        offs = np.arange(len(rep)) - np.repeat(np.cumsum(a_df) - a_df, a_df)
        a_loc = s0 + a_own[rep]
        b_loc = b_own[first_at[pos[rep]] + offs]
        keep = may(a_loc, b_loc)
        a = part[a_own[rep][keep]]
        b = nl[b_loc[keep]]
        code = _unique(np.minimum(a, b) * n + np.maximum(a, b))
        a, b = code // n, code % n
        la, lb = lengths[a], lengths[b]
        ok = 200.0 * np.minimum(la, lb) >= (cut - 1e-6) * (la + lb)
        _paired(a[ok].tolist(), b[ok].tolist(), codes, cut, out, n, workers)


def _weak_filter(keys: Sequence[Key], nm: Ints, nl: Ints) -> Callable[[Ints, Ints], Mask]:
    """Which (task with names, task without) pairs may carry a name missing without a
    conflict; a function of positions into ``nm`` and ``nl`` (arrays) -> bool array.

    A name of A after head word h that B lacks puts the pair at the conflict cap unless
    every place B has h stands where the name cannot follow it in full: after the head
    there are fewer than the name's syllables left (``_other_in_slot`` in the scorer;
    a full window equal to the name would have found it). So B's *room* after its first
    h (syllables from the first slot to its end; 0 without h) must be below the name's
    length for some name of A; a name with no head word is always possible. Templated
    registers repeat the head words, so most pairs are ruled out here, before their
    ratio is computed (issue 16: 6M pairs compared at 1M tasks, 25k kept)."""
    heads: dict[str, int] = {}
    # (heads, name lengths) -> row: tasks share few of them
    sigs: dict[tuple[tuple[str, ...], tuple[int, ...]], int] = {}
    rows: list[list[tuple[int, int]] | None] = []
    sig_of = np.empty(len(nm), dtype=np.int64)
    for r, i in enumerate(nm.tolist()):
        k = keys[i]
        sig = (k.name_heads, tuple(map(len, k.names)))
        s = sigs.get(sig)
        if s is None:
            s = sigs[sig] = len(rows)
            hs, lengths = sig
            if len(hs) < len(lengths) or not all(hs):
                rows.append(None)  # a name without a head word: always possible
            else:
                # (name_heads is never longer than names: one head per name)
                rows.append([(heads.setdefault(h, len(heads)), m) for h, m in zip(hs, lengths, strict=False)])
        sig_of[r] = s
    width = max([len(x) for x in rows if x] or [1])
    free_sig = np.array([x is None for x in rows] or [False], dtype=bool)
    hid_sig = np.full((max(1, len(rows)), width), len(heads), dtype=np.int64)  # len(heads): never room
    need_sig = np.zeros((max(1, len(rows)), width), dtype=np.int64)
    for r, mine in enumerate(rows):
        for c, (h, length) in enumerate(mine or ()):
            hid_sig[r, c] = h
            need_sig[r, c] = length
    room = np.zeros((len(nl), len(heads) + 1), dtype=np.int64)
    room[:, len(heads)] = 1 << 40
    first: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for head, col in heads.items():
        first[head.split()[0]].append((head, col))
    for r, i in enumerate(nl.tolist()):
        k = keys[i]
        for tok in first.keys() & set(k.tokens):
            for head, col in first[tok]:
                j = min(_slots(head, k), default=None)
                if j is not None:
                    room[r, col] = max(0, len(k.tokens) - j)

    def may(a: Ints, b: Ints) -> Mask:
        s = sig_of[a]
        ok: Mask = free_sig[s]
        for c in range(width):
            ok |= room[b, hid_sig[s, c]] < need_sig[s, c]
        return ok

    return may


def _slots_agree(keys: Sequence[Key], codes: Ints, n: int) -> Ints:
    """The pairs of tasks without names (codes i*n+j, i < j) whose first place does not
    differ: the scorer (``_unnamed_slots_differ``) puts two texts without usable capitals
    at the conflict cap when a head word of the first ("xã", "thôn") is followed in the
    second, at the same rank, by two other words. Here only the first head word of i with
    two words after it is checked, and only words that differ without tone marks too
    (so they are not the same words): a sure conflict, ruled out before it is scored.
    Lower-case copies of one template otherwise meet all their communes (issue 16: 390k
    of 820k candidates at 1M templated tasks)."""
    if not len(codes):
        return codes
    a_all, b_all = codes // n, codes % n
    tasks = _unique(np.concatenate([a_all, b_all]))
    words: dict[tuple[str, ...], int] = {}
    cols: dict[tuple[tuple[str, ...], int], int] = {}
    first = np.full(n, -1, dtype=np.int64)  # column (head, rank) of i's first place
    first_w = np.full(n, -1, dtype=np.int64)  # its two words, without tone marks
    for i in tasks.tolist():
        k = keys[i]
        if k.text == k.plain:
            continue  # written without marks: the scorer compares no places
        toks = k.tokens
        for head, rank, j in head_slots(toks):
            if j + 2 <= len(toks):
                first[i] = cols.setdefault((head, rank), len(cols))
                first_w[i] = words.setdefault(plain_tokens(toks[j:j + 2]), len(words))
                break
    if not cols:
        return codes
    pos = {i: r for r, i in enumerate(tasks.tolist())}
    there = np.full((len(tasks), len(cols)), -1, dtype=np.int64)  # j's words at each (head, rank)
    for i in tasks.tolist():
        k = keys[i]
        if k.text == k.plain:
            continue
        toks = k.tokens
        for (head, rank), c in cols.items():
            if head[0] not in toks:
                continue
            slot = next((j for r, j in enumerate(_slots(" ".join(head), k)) if r == rank), None)
            if slot is not None and slot + 2 <= len(toks):
                there[pos[i], c] = words.setdefault(plain_tokens(toks[slot:slot + 2]), len(words))
    row = np.searchsorted(tasks, b_all)
    col = first[a_all]
    w = np.where(col >= 0, there[row, np.maximum(col, 0)], -1)
    differ = (col >= 0) & (w >= 0) & (w != first_w[a_all])
    kept: Ints = codes[~differ]
    return kept


def _has_second(k2: Ints, b: Ints, hit: Ints, n: int) -> Mask:
    """Whether task b holds piece k2 (always true where there is no second piece, k2 < 0)."""
    code = k2 * n + b
    pos = np.minimum(np.searchsorted(hit, code), len(hit) - 1)
    held: Mask = (k2 < 0) | (hit[pos] == code)
    return held


def _block(holders: Ints, k2: Ints, members: Ints, codes: Sequence[str],
           cut: float, hit: Ints, out: list[Ints], n: int, workers: int,
           own1: Ints, own2: Ints) -> None:
    """Holders of one rarest piece against every task holding it, in cdist; keep raw >= cut
    where the member also holds the holder's second piece (and the holder the member's)."""
    c_seqs = [codes[i] for i in members.tolist()]
    step = max(1, 4_000_000 // len(members))
    for start in range(0, len(holders), step):
        q = holders[start:start + step]
        m = process.cdist([codes[i] for i in q.tolist()], c_seqs, scorer=fuzz.ratio,
                          score_cutoff=cut, dtype=np.float32, workers=workers)
        rows, cols = np.nonzero(m >= cut)
        a, b = q[rows], members[cols]
        keep = _has_second(k2[start:start + step][rows], b, hit, n) & _both_ways(a, b, own1, own2, hit, n)
        _emit(a[keep], b[keep], out, n)


def _both_ways(a: Ints, b: Ints, own1: Ints, own2: Ints, hit: Ints,
               n: int) -> Mask:
    """Whether holder a holds member b's two rarest pieces (true where b has no names)."""
    return _has_second(own1[b], a, hit, n) & _has_second(own2[b], a, hit, n)


def _paired(a: list[int], b: list[int], codes: Sequence[str], cut: float, out: list[Ints],
            n: int, workers: int) -> None:
    """Raw ratio of each (a[k], b[k]) in rapidfuzz's C++ cpdist; keep pairs >= cut."""
    step = 1_000_000
    for start in range(0, len(a), step):
        qa = a[start:start + step]
        qb = b[start:start + step]
        r = process.cpdist([codes[i] for i in qa], [codes[j] for j in qb], scorer=fuzz.ratio,
                           score_cutoff=cut, dtype=np.float32, workers=workers)
        keep = np.nonzero(r >= cut)[0]
        _emit(np.asarray(qa, dtype=np.int64)[keep], np.asarray(qb, dtype=np.int64)[keep], out, n)
