"""A persisted, incremental duplicate index: match one new document's tasks against an
archive of a million without rebuilding.

The index keeps, per stored task, its normalised text and features, and three inverted
lists (numbers are part of every list key, since pairs above the threshold share them):

* ``probe``: tasks with names, under their probe (the rarest two-syllable piece of a name,
  fixed when stored; syllables here are without tone marks, as names are compared). A new
  task looks up each of its own syllable pairs here: any stored task whose names all
  appear in the new one is found.
* ``plain_bigrams``: tasks without names, under every syllable and syllable pair. A new
  task with names looks up its probe here: any stored nameless task containing its names
  is found.
* ``plain_prefix``: tasks without names, under their prefix syllables (prefix filtering
  with a global order fixed for ever: a syllable keeps the rank it got when first seen;
  unseen syllables rank as rarer than all seen ones, which keeps every stored prefix
  valid). Nameless against nameless is found here.
* ``named_prefix``: tasks with names, under their prefix syllables for a raw ratio of the
  threshold plus :data:`~extractor.dedup.scoring.MISSING_PENALTY` (a name on one side
  where the other names none costs that much, issue 16). A new task without names looks
  here; one with names looks in ``plain_prefix`` for the same.

Stored candidates are compared in rapidfuzz on the stored syllables (without marks) coded
one character each (``codes``), after the length bound (ratio >= t needs min/max >= t/(2-t)); adding
1,000 tasks to a million costs about half a CPU second.

Pairs among the new tasks come from :func:`~extractor.dedup.index.find_pairs`. The file is
one pickle (stdlib), written atomically by :meth:`DedupIndex.save`.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import accumulate
from operator import itemgetter
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from .blocking import choose_probe, name_pieces, plain_names, prefix_length, tagged
from .index import _sort_pairs, find_pairs
from .keys import Key
from .pairs import make_pair, pair_kind
from .parallel import _gc_paused, match_keys
from .records import Pair, TaskRef
from .scoring import CONFLICT_CAP, MISSING_PENALTY, score_at_least

__all__ = ["DedupIndex"]

_FORMAT = "giaoviec-dedup-index/5"
# /1 and /2 hold names read before issue 16 (no head words, cut at "Hội", "Trường"), /3
# codes and prefixes of marked syllables (now unmarked, as the score may compare them),
# /4 abbreviations of a task typed without marks written out with marks: opened, their
# tasks are read again into a /5 index.
_OLD_FORMATS = ("giaoviec-dedup-index/1", "giaoviec-dedup-index/2", "giaoviec-dedup-index/3",
                "giaoviec-dedup-index/4")
# Syllables are coded as characters (rapidfuzz compares strings far faster than lists of
# Python strings; the ratio is the same). Past the last character all further syllables
# share one (ratios can only rise: more candidates, never fewer); a syllable not stored
# gets one no stored text has.
_MAX_CODE = 0x10FFFF - 0x800 - 2
_OVERFLOW = chr(0x10FFFE)
_UNSEEN = chr(0x10FFFF)

# Keys of the inverted lists: the task's numbers (pairs above the threshold share them)
# with a name piece or syllable pair (probe, plain_bigrams), or with a prefix syllable
# (plain_prefix, named_prefix).
_PieceKey = tuple[tuple[str, ...], tuple[str, ...]]
_TagKey = tuple[tuple[str, ...], str]


class DedupIndex:
    """Stored tasks and the lists to find their duplicates; see the module docstring.

    >>> idx = DedupIndex.open("/tmp/archive.dedup")          # new or existing file
    >>> pairs = idx.add([TaskRef("d7-1", "Xây dựng NTM xã Tân Mỹ", year=2023)])
    >>> idx.save()
    """

    def __init__(self, path: str | os.PathLike[str], threshold: float = 85.0) -> None:
        if threshold <= CONFLICT_CAP:
            raise ValueError(f"DedupIndex needs a threshold above {CONFLICT_CAP:g} (numbers and names "
                             f"must be able to rule pairs out); got {threshold:g}. Use find_pairs.")
        self.path = Path(path)
        self.threshold = float(threshold)
        self.ids: list[str] = []
        self.pos: dict[str, int] = {}
        self.texts: list[str] = []
        self.originals: list[str] = []
        self.numbers: list[tuple[str, ...]] = []
        self.years: list[tuple[str, ...]] = []
        self.names: list[tuple[tuple[str, ...], ...]] = []
        self.meta: list[tuple[str | None, str | None, int | None]] = []
        self.name_counts: Counter[tuple[str, ...]] = Counter()
        self.rank: dict[str, int] = {}
        self.next_rank = -1
        self.vocab: dict[str, int] = {}
        self.codes: list[str] = []
        self.lengths = array("H")  # syllables per stored task (capped), for the length bound
        self.probe: dict[_PieceKey, list[int]] = defaultdict(list)
        self.plain_bigrams: dict[_PieceKey, list[int]] = defaultdict(list)
        self.plain_prefix: dict[_TagKey, list[int]] = defaultdict(list)
        self.named_prefix: dict[_TagKey, list[int]] = defaultdict(list)
        self.name_heads: list[tuple[str, ...]] = []

    # --- files -----------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], threshold: float = 85.0) -> DedupIndex:
        """Load the index at ``path``, or start an empty one that :meth:`save` will write there."""
        path = Path(path)
        if not path.exists():
            return cls(path, threshold)
        with open(path, "rb") as fh:
            state = pickle.load(fh)
        if not isinstance(state, dict) or state.get("format") not in (_FORMAT, *_OLD_FORMATS):
            raise ValueError(f"{path}: not a giaoviec duplicate index (or an older format); "
                             "delete it and add the tasks again")
        if state["threshold"] != float(threshold):
            raise ValueError(f"{path}: built for threshold {state['threshold']:g}, asked for "
                             f"{threshold:g}; open it with threshold={state['threshold']:g} or rebuild it")
        idx = cls(path, threshold)
        data = state["data"]
        if state["format"] != _FORMAT:
            old = [TaskRef(x, text, *meta)
                   for x, text, meta in zip(data["ids"], data["originals"], data["meta"], strict=True)]
            idx.add(old, find=False)
            return idx
        for name, value in data.items():
            if name != "codes":  # saved as one string and the lengths (see save)
                setattr(idx, name, value)
        idx.pos = {x: i for i, x in enumerate(idx.ids)}
        joined, lengths = data["codes"]
        ends = list(accumulate(lengths))
        idx.codes = [joined[a:b] for a, b in zip([0, *ends], ends, strict=False)]  # the last end starts none
        idx.lengths = array("H", [min(len(c), 0xFFFF) for c in idx.codes])
        return idx

    def save(self) -> None:
        """Write the index to its path atomically (a temporary file, then rename)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {name: getattr(self, name) for name in (
            "ids", "texts", "originals", "numbers", "years", "names", "name_heads", "meta", "name_counts",
            "rank", "next_rank", "probe", "plain_bigrams", "plain_prefix", "named_prefix", "vocab")}
        # Codes as one string and their lengths: a million small strings cost more to
        # pickle (and in pickle's memo while saving) than their characters.
        data["codes"] = ("".join(self.codes), array("L", map(len, self.codes)))
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump({"format": _FORMAT, "threshold": self.threshold, "data": data}, fh,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, task_id: str) -> bool:
        return task_id in self.pos

    # --- stored tasks ----------------------------------------------------------------
    def key(self, i: int) -> Key:
        """The :class:`Key` of stored task ``i`` (its number in the order of storing)."""
        text = self.texts[i]
        return Key(text, tuple(text.split()), self.numbers[i], self.years[i], self.names[i],
                   self.originals[i], self.name_heads[i])

    def task(self, i: int) -> TaskRef:
        """The :class:`TaskRef` of stored task ``i``."""
        cadre, unit, year = self.meta[i]
        return TaskRef(self.ids[i], self.originals[i], cadre, unit, year)

    # --- adding ----------------------------------------------------------------------
    def add(self, tasks: Iterable[TaskRef], *, workers: int = 1, keys: list[Key] | None = None,
            find: bool = True) -> list[Pair]:
        """Store new tasks; return their pairs (with stored tasks and with each other).

        Tasks whose id is already stored are skipped, so adding a document twice is harmless.
        ``keys`` may pass the tasks' precomputed keys; ``find=False`` only stores (loading an
        archive whose pairs were already found with :func:`find_pairs`).
        """
        seen: set[str] = set()
        new = []
        given = []
        tasks = list(tasks)
        for pos, t in enumerate(tasks):
            if t.id not in self.pos and t.id not in seen:
                seen.add(t.id)
                new.append(t)
                given.append(pos)
        if not new:
            return []
        # The cyclic collector paused: a full collection walks every stored object (a
        # million tasks' lists and strings), and adding a thousand tasks makes enough
        # objects to start several (issue 16: add timings jumped by tenths of seconds).
        with _gc_paused(True):
            return self._add(new, keys if keys is None else [keys[pos] for pos in given], workers, find)

    def _add(self, new: list[TaskRef], keys: list[Key] | None, workers: int, find: bool) -> list[Pair]:
        if keys is None:
            keys = match_keys([t.text for t in new], workers)
        pairs = find_pairs(new, self.threshold, workers=workers, keys=keys) if find else []
        if self.ids and find:
            pairs.extend(self._match_stored(new, keys))
        if not self.rank:
            # First fill: rank syllables by how rare they are in it (prefix filtering is
            # fastest when the rarest syllables are indexed; a name's syllables are common
            # among names, so tasks with names count too).
            df: Counter[str] = Counter()
            for k in keys:
                if not k.names or self._weak:  # with names too when they have prefixes
                    df.update(tagged(k.plain.split()))
            self.rank = {tok: r for r, (tok, _) in enumerate(sorted(df.items(), key=lambda kv: (kv[1], kv[0])))}
        for t, k in zip(new, keys, strict=True):
            self._store(t, k)
        _sort_pairs(pairs)
        return pairs

    def _prefix(self, tokens: Sequence[str], assign: bool, extra: float = 0.0) -> list[str]:
        tags = tagged(tokens)
        if assign:
            for tag in tags:
                if tag not in self.rank:
                    self.rank[tag] = self.next_rank
                    self.next_rank -= 1
            tags.sort(key=self.rank.__getitem__)
        else:
            # Unseen syllables rank rarer than all seen ones (as they will when stored).
            unseen = sorted(tag for tag in tags if tag not in self.rank)
            seen_tags = sorted((tag for tag in tags if tag in self.rank), key=self.rank.__getitem__)
            tags = unseen + seen_tags
        return tags[:prefix_length(len(tags), (self.threshold + extra - 0.05) / 100.0)]

    @property
    def _weak(self) -> bool:
        """Whether a name missing on one side can still leave a pair at the threshold."""
        return self.threshold + MISSING_PENALTY - 0.05 <= 100.0

    def _code(self, tokens: Iterable[str], assign: bool) -> str:
        """The syllables as one character each (see _MAX_CODE)."""
        vocab = self.vocab
        out = []
        for tok in tokens:
            c = vocab.get(tok)
            if c is None:
                if not assign:
                    out.append(_UNSEEN)
                    continue
                c = vocab[tok] = len(vocab)
            out.append(chr(c + 0x800) if 0xD800 <= c <= _MAX_CODE else chr(c) if c < 0xD800 else _OVERFLOW)
        return "".join(out)

    def _candidates(self, key: Key) -> tuple[set[int], set[int]]:
        """Stored tasks that may pair with ``key``: (found, weak), ``weak`` those that can
        only through a name missing on one side (their raw ratio must reach the threshold
        plus :data:`MISSING_PENALTY`)."""
        ns = key.numbers
        found: set[int] = set()
        probe = self.probe
        # Syllables without marks throughout, as in find_pairs (index.token_codes).
        pt = key.plain.split()
        # No name test here: a ratio in C++ costs less than checking the stored task's
        # names in Python, and the score checks names anyway.
        for bg in set(zip(pt, pt[1:], strict=False)):
            hit = probe.get((ns, bg))
            if hit:
                found.update(hit)
        for tok in set(pt):  # one-syllable names are their own piece
            hit = probe.get((ns, (tok,)))
            if hit:
                found.update(hit)
        toks = tuple(pt)
        if key.names:
            hit = self.plain_bigrams.get((ns, choose_probe(plain_names(key.names), self.name_counts)))
            if hit:
                found.update(hit)
        else:
            for tag in self._prefix(toks, assign=False):
                hit = self.plain_prefix.get((ns, tag))
                if hit:
                    found.update(hit)
        weak: set[int] = set()
        if self._weak:
            # (with names against stored without: plain_prefix; without against with: named_prefix)
            lists = self.plain_prefix if key.names else self.named_prefix
            for tag in self._prefix(toks, assign=False, extra=MISSING_PENALTY):
                hit = lists.get((ns, tag))
                if hit:
                    weak.update(hit)
            weak -= found
        return found, weak

    def _match_stored(self, tasks: list[TaskRef], keys: list[Key]) -> list[Pair]:
        """The pairs of new tasks with stored ones. Candidates of all the tasks are gathered
        first and their raw ratios computed in one call to rapidfuzz's C++ ``cpdist`` (a
        call per task cost more than the ratios: 1,000 tasks into a million, 2,000 calls)."""
        qa: list[int] = []
        qb: list[int] = []
        qw: list[bool] = []
        for r, k in enumerate(keys):
            if not k.tokens:
                continue
            found, weak = self._candidates(k)
            qa.extend([r] * (len(found) + len(weak)))
            qb.extend(found)
            qb.extend(weak)
            qw.extend([False] * len(found))
            qw.extend([True] * len(weak))
        if not qa:
            return []
        a = np.asarray(qa, dtype=np.int64)
        b = np.asarray(qb, dtype=np.int64)
        cut = np.where(np.asarray(qw, dtype=bool), MISSING_PENALTY, 0.0) + (self.threshold - 0.05 - 1e-3)
        # ratio >= t needs 2*min(n, m)/(n + m) >= t: the LCS is at most the shorter (a
        # length capped at 65535 only lets more through).
        m = np.frombuffer(self.lengths, dtype=np.uint16)[b].astype(np.float64)
        n = np.fromiter((len(k.tokens) for k in keys), dtype=np.float64, count=len(keys))[a]
        keep = 200.0 * np.minimum(m, n) >= (cut - 1e-6) * (m + n)
        a, b, cut = a[keep], b[keep], cut[keep]
        if not len(a):
            return []
        stored = itemgetter(*b.tolist())(self.codes) if len(b) > 1 else (self.codes[int(b[0])],)
        raws = np.empty(len(a), dtype=np.float32)
        # One cdist per new task: rapidfuzz prepares the query once for all its candidates
        # (cpdist over the pairs prepares it for each: 630k pairs cost twice as much).
        starts = np.flatnonzero(np.r_[True, a[1:] != a[:-1]]).tolist() + [len(a)]
        low = float(cut.min())
        for s0, s1 in zip(starts, starts[1:], strict=False):
            query = self._code(keys[int(a[s0])].plain.split(), assign=False)
            raws[s0:s1] = process.cdist([query], stored[s0:s1], scorer=fuzz.ratio, score_cutoff=low,
                                        dtype=np.float32)[0]
        keep = raws >= cut
        out = []
        # Archives repeat texts word for word: one reason per pair of texts and order (the
        # reason depends on nothing else), not per stored copy.
        reasons: dict[tuple[str, str, bool], str] = {}
        for r, i in zip(a[keep].tolist(), b[keep].tolist(), strict=True):
            key, other = keys[r], self.key(i)
            value = score_at_least(key, other, self.threshold)
            if value is None:
                continue
            task, stored_task = tasks[r], self.task(i)
            forward = task.id < stored_task.id
            got = reasons.get((key.original, other.original, forward))
            if got is None:
                pair = make_pair(task, stored_task, key, other, value)
                reasons[(key.original, other.original, forward)] = pair.reason
            else:
                x, y = (task, stored_task) if forward else (stored_task, task)
                pair = Pair(x.id, y.id, value, pair_kind(x, y), got)
            out.append(pair)
        return out

    def _store(self, task: TaskRef, key: Key) -> None:
        i = len(self.ids)
        self.ids.append(task.id)
        self.pos[task.id] = i
        self.texts.append(key.text)
        pt = key.plain.split()
        self.codes.append(self._code(pt, assign=True))
        self.lengths.append(min(len(key.tokens), 0xFFFF))
        self.originals.append(task.text)
        self.numbers.append(key.numbers)
        self.years.append(key.years)
        self.names.append(key.names)
        self.name_heads.append(key.name_heads)
        self.meta.append((task.cadre, task.unit, task.year))
        if not key.tokens:
            return
        ns = key.numbers
        if key.names:
            names = plain_names(key.names)
            for name in names:
                self.name_counts.update(name_pieces(name))
            self.probe[(ns, choose_probe(names, self.name_counts))].append(i)
            if self._weak:
                for tag in self._prefix(pt, assign=True, extra=MISSING_PENALTY):
                    self.named_prefix[(ns, tag)].append(i)
        else:
            for bg in set(zip(pt, pt[1:], strict=False)) | {(tok,) for tok in pt}:  # pieces of names, both sizes
                self.plain_bigrams[(ns, bg)].append(i)
            for tag in self._prefix(pt, assign=True):
                self.plain_prefix[(ns, tag)].append(i)
