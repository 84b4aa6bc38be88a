"""A candidate scored at or above the threshold becomes a :class:`~extractor.dedup.records.Pair`:
its ids in order, its kind (from the tasks' cadre, unit and year) and its reason."""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .blocking import Ints, candidate_pairs
from .keys import Key, match_key, normalize_text
from .records import Pair, PairKind, TaskRef
from .scoring import explain, score_at_least

__all__ = ["pair_kind", "make_pair", "PairRow"]

# A pair as plain values, (a, b, score, kind, reason): what workers send back and
# Pair(*row) is built from.
PairRow = tuple[str, str, float, PairKind, str]


@lru_cache(maxsize=200_000)
def _norm_name(value: str | None) -> str | None:
    return normalize_text(value) or None if value else None


@lru_cache(maxsize=200_000)
def _norm_unit(value: str | None) -> str | None:
    return match_key(value).text or None if value else None  # "UBND xã X" = "Ủy ban nhân dân xã X"


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


def _pair_rows(tasks: Sequence[TaskRef], keys: Sequence[Key], codes: Sequence[str], threshold: float,
               only: Sequence[int] | None, workers: int) -> list[PairRow]:
    """(a, b, score, kind, reason) of every pair scoring >= threshold (among ``only``)."""
    cands = candidate_pairs(keys, threshold, workers, only=only, codes=codes)
    return _score_rows(tasks, keys, cands, threshold)


def _score_rows(tasks: Sequence[TaskRef], keys: Sequence[Key], cands: Ints,
                threshold: float) -> list[PairRow]:
    """The rows of the candidates ``cands`` (codes i * len(tasks) + j) scoring >= threshold."""
    n = len(tasks)
    rows: list[PairRow] = []
    for code in cands.tolist():
        i, j = divmod(code, n)
        value = score_at_least(keys[i], keys[j], threshold)
        if value is not None:
            p = make_pair(tasks[i], tasks[j], keys[i], keys[j], value)
            rows.append((p.a, p.b, p.score, p.kind, p.reason))
    return rows
