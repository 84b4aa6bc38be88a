"""Near-duplicate tasks (việc trùng lặp): the same task written again by another cadre,
in another year, with abbreviations written out or not, in either tone placement (hòa, hoà).

Public surface (stable; the service builds on it):

- :class:`TaskRef` (id, text, cadre, unit, year) in, :class:`Pair` (a < b, score, kind,
  reason) out.
- :func:`match_key` -> :class:`Key`: NFC, one tone placement, lower case, no punctuation,
  abbreviations written out (:data:`ABBREVIATIONS`), numbers and proper names kept as
  features that must agree.
- :func:`score` (0-100, rapidfuzz ratio over syllables, halved when numbers or names
  disagree) and :func:`explain` (the reason in Vietnamese).
- :func:`find_pairs` (candidate blocks + exact score; finds exactly what
  :func:`brute_force_pairs` finds), :func:`cluster` (groups, capped against chaining).
- :class:`DedupIndex`: a persisted index; ``add(tasks)`` returns the new pairs.

    >>> from extractor.dedup import TaskRef, find_pairs
    >>> pairs = find_pairs([
    ...     TaskRef("t1", "Chỉ đạo UBND xã Tân Mỹ kết nạp 5 đảng viên", cadre="A", year=2022),
    ...     TaskRef("t2", "chỉ đạo Ủy ban nhân dân xã Tân Mỹ kết nạp 5 đảng viên.", cadre="A", year=2023),
    ...     TaskRef("t3", "Chỉ đạo UBND xã Tân Mỹ kết nạp 12 đảng viên", cadre="B", year=2022),
    ... ])
    >>> [(p.a, p.b, p.score, p.kind) for p in pairs]
    [('t1', 't2', 100.0, 'same_cadre_other_year')]
"""
from __future__ import annotations

from .index import brute_force_pairs, cluster, find_pairs
from .keys import ABBREVIATIONS, PHRASE_ABBREVIATIONS, Key, match_key, normalize_text
from .records import Pair, PairKind, TaskRef
from .scoring import CONFLICT_CAP, conflicts, explain, raw_score, score
from .store import DedupIndex

__all__ = [
    "TaskRef", "Pair", "PairKind", "Key", "match_key", "normalize_text", "ABBREVIATIONS",
    "PHRASE_ABBREVIATIONS", "score", "raw_score", "conflicts", "explain", "CONFLICT_CAP",
    "find_pairs", "brute_force_pairs", "cluster", "DedupIndex",
]
