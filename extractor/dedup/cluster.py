"""Groups of duplicates for a reviewer: pairs joined strongest first, never past a size
a reviewer can read (plain connected components chain through templates)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .records import Pair

__all__ = ["cluster"]


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
