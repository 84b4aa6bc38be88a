"""Work shared between processes at a province's scale: keys made in forked children,
pairs found in forked workers that take whole groups of numbers while memory allows
(:data:`FORK_MEMORY_BUDGET`), and the cyclic garbage collector paused meanwhile.

Speed (issue 4; 1M generated tasks, 2 cores): the bookkeeping of the candidate search
is numpy over all groups at once (:mod:`~extractor.dedup.blocking`), the keys are made
word by word from a cache (:func:`~extractor.dedup.keys.match_key`), and with
``workers`` > 1 forked processes share the groups of numbers (:func:`_forked_pairs`).
"""
from __future__ import annotations

import gc
import os
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .blocking import Ints, candidate_pairs
from .keys import Key, match_key, rebuilt_key
from .pairs import PairRow, _pair_rows, _score_rows
from .records import Pair, TaskRef

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

__all__ = ["match_keys", "BIG", "FORK_MEMORY_BUDGET"]


BIG = 50_000  # from this many tasks on: cyclic GC paused, work shared between processes


# A forked worker copies nearly every page it reads from (reading an object writes its
# reference count; a worker's tasks are spread over all pages), so each costs about this
# process's memory again. Workers share find_pairs only while that stays under this
# budget (issue 4: 4 GB at a million tasks, where one process holds about 2.5 GB).
FORK_MEMORY_BUDGET = 4 * 2**30


def _fork_fits(workers: int) -> bool:
    try:
        with open("/proc/self/statm") as fh:
            resident = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return False
    return resident * workers <= FORK_MEMORY_BUDGET


@contextmanager
def _gc_paused(pause: bool) -> Iterator[None]:
    """Pause the cyclic garbage collector while a million acyclic keys and pairs are made:
    each full collection walks every object made so far (keys, tasks), over and over."""
    was = gc.isenabled()
    if pause:
        gc.disable()
    try:
        yield
    finally:
        if pause and was:
            gc.enable()


def match_keys(texts: Sequence[str], workers: int = 1) -> list[Key]:
    """:func:`match_key` of many texts; with ``workers`` > 2 and many texts, in processes.

    Forked children each make a share and send it back once, as one string of tab- and
    line-separated fields (pickling Key objects costs more than making them); this
    process makes a smaller share meanwhile, then rebuilds theirs
    (:func:`~extractor.dedup.keys.rebuilt_key`: the fields split, the syllables interned).
    Rebuilding still costs 40 % of making a key (100k templated texts: 1.15 against 2.85
    CPU-s), so two processes lose to one: 1M templated texts took 19.6 s (29 CPU-s) in
    two and 17.5 s in one on a quiet machine (load 1.5, 2 cores). Hence processes from 3
    workers on.

    >>> [k.text for k in match_keys(["Xây dựng NTM", "GPMB"])]
    ['xây dựng nông thôn mới', 'giải phóng mặt bằng']
    """
    if len(texts) >= BIG:
        # Registers repeat texts word for word (one task shape, one commune, many cadres
        # and years): each distinct text is read once and its key shared.
        first: dict[str, int] = {}
        for t in texts:
            first.setdefault(t, len(first))
        if len(first) < len(texts):
            distinct = match_keys(list(first), workers)
            return [distinct[first[t]] for t in texts]
    if workers <= 2 or len(texts) < BIG:
        with _gc_paused(len(texts) >= BIG):
            return [match_key(t) for t in texts]
    import multiprocessing

    n = len(texts)
    own = n // (workers + 1)  # this process also rebuilds the others' keys
    bounds = [0, own] + [own + (n - own) * k // (workers - 1) for k in range(1, workers)]
    ctx = multiprocessing.get_context("fork")
    children = []
    with _gc_paused(True):
        for lo, hi in zip(bounds[1:-1], bounds[2:], strict=True):
            mine, theirs = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_key_child, args=(theirs, texts, lo, hi), daemon=True)
            proc.start()
            theirs.close()
            children.append((proc, mine, lo, hi))
        out = [match_key(t) for t in texts[:own]]
        for proc, conn, lo, hi in children:
            try:
                payload = conn.recv_bytes().decode("utf-8")
            except (EOFError, OSError):  # the child died: make its share here
                payload = None
            proc.join()
            if payload is None:
                out.extend(match_key(t) for t in texts[lo:hi])
                continue
            lines = payload.split("\n") if hi > lo else []  # a line per text
            out.extend(_unpack_key(original, line) for original, line in zip(texts[lo:hi], lines, strict=True))
    return out


def _unpack_key(original: str, line: str) -> Key:
    text, numbers, years, names, heads, plain = line.split("\t")
    return rebuilt_key(text, tuple(numbers.split()), tuple(years.split()),
                       tuple(tuple(x.split()) for x in names.split("|")) if names else (), original,
                       tuple(heads.split("|")) if names else (), plain)


def _key_child(conn: Connection, texts: Sequence[str], lo: int, hi: int) -> None:
    # Fields hold no tab, newline or "|": key texts are syllables and numbers joined by
    # spaces, head words too ("" for a name without one).
    rows = []
    for t in texts[lo:hi]:
        k = match_key(t)
        rows.append("\t".join((k.text, " ".join(k.numbers), " ".join(k.years),
                               "|".join(map(" ".join, k.names)), "|".join(k.name_heads), k.plain)))
    conn.send_bytes("\n".join(rows).encode("utf-8"))
    conn.close()


def _forked_pairs(tasks: Sequence[TaskRef], keys: Sequence[Key], codes: Sequence[str],
                  threshold: float, workers: int) -> list[Pair]:
    """Pairs found in ``workers`` processes. Pairs never cross groups of numbers (above the
    conflict cap), so each process takes whole groups; this one takes the biggest group
    (one template-heavy group can be half the tasks and most of the work), finds its
    candidates and scores them in chunks, handing a chunk to each child that is done with
    its own groups and asks. Forked children read the keys where they are (copy on
    write) and send back only their pairs."""
    import multiprocessing

    groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key.tokens:
            groups[key.numbers].append(i)
    ordered = sorted(groups.values(), key=len, reverse=True)
    shares: list[list[int]] = [ordered[0] if ordered else []] + [[] for _ in range(workers - 1)]
    for idxs in ordered[1:]:  # the rest, biggest first, to the lightest child
        min(shares[1:], key=len).extend(idxs)
    ctx = multiprocessing.get_context("fork")
    children = []
    for share in shares[1:]:
        mine, theirs = ctx.Pipe()
        proc = ctx.Process(target=_pair_child, args=(theirs, tasks, keys, codes, threshold, sorted(share)),
                           daemon=True)
        proc.start()
        theirs.close()
        children.append((proc, mine, share))
    cands = candidate_pairs(keys, threshold, 1, only=shares[0], codes=codes)
    # Scored in chunks; a child done with its own groups asks for the next chunk.
    chunks = [cands[k:k + 5000] for k in range(0, len(cands), 5000)]
    taken: dict[int, list[Ints]] = {k: [] for k in range(len(children))}
    rows: list[PairRow] = []
    # what each child sent back: its rows, its failure, or None (it died)
    done: dict[int, list[PairRow] | BaseException | None] = {}
    nxt = 0

    def serve(k: int, conn: Connection, block: bool) -> None:
        """Answer child k: a chunk (or None: no more) when it asks; its rows when it ends."""
        nonlocal nxt
        while block or conn.poll():
            try:
                msg = conn.recv()
            except (EOFError, OSError):  # the child died (killed, out of memory)
                done[k] = None
                return
            if isinstance(msg, str):  # "more"
                part = chunks[nxt] if nxt < len(chunks) else None
                if part is not None:
                    nxt += 1
                    taken[k].append(part)
                conn.send(part)
                continue
            done[k] = msg
            return

    while nxt < len(chunks):
        for k, (_proc, conn, _share) in enumerate(children):
            if k not in done:
                serve(k, conn, block=False)
        if nxt < len(chunks):
            nxt += 1
            rows += _score_rows(tasks, keys, chunks[nxt - 1], threshold)
    for k, (proc, conn, share) in enumerate(children):
        if k not in done:
            serve(k, conn, block=True)
        proc.join()
        got = done.get(k)
        if isinstance(got, BaseException):
            raise got
        if got is None:  # do the dead child's work here
            got = _pair_rows(tasks, keys, codes, threshold, sorted(share), 1)
            for part in taken[k]:
                got += _score_rows(tasks, keys, part, threshold)
        rows.extend(got)
    return [Pair(*row) for row in rows]


def _pair_child(conn: Connection, tasks: Sequence[TaskRef], keys: Sequence[Key], codes: Sequence[str],
                threshold: float, share: list[int]) -> None:
    reply: list[PairRow] | RuntimeError
    try:
        rows = _pair_rows(tasks, keys, codes, threshold, share, 1)
        while True:
            conn.send("more")
            part = conn.recv()
            if part is None:
                break
            rows += _score_rows(tasks, keys, part, threshold)
        reply = rows
    except BaseException as err:  # sent to the parent, raised there
        reply = RuntimeError(f"finding pairs in a worker process failed: {err!r}")
    conn.send(reply)
    conn.close()
