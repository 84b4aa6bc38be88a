"""A persisted, incremental duplicate index: match one new document's tasks against an
archive of a million without rebuilding.

The index keeps, per stored task, its normalised text and features, and three inverted
lists (numbers are part of every list key, since pairs above the threshold share them):

* ``probe``: tasks with names, under their probe (the rarest two-syllable piece of a name,
  fixed when stored; syllables here are without tone marks, as names are compared). A new task looks up each of its own syllable pairs here: any stored
  task whose names all appear in the new one is found.
* ``plain_bigrams``: tasks without names, under every syllable and syllable pair. A new task with
  names looks up its probe here: any stored nameless task containing its names is found.
* ``plain_prefix``: tasks without names, under their prefix syllables (prefix filtering
  with a global order fixed for ever: a syllable keeps the rank it got when first seen;
  unseen syllables rank as rarer than all seen ones, which keeps every stored prefix
  valid). Nameless against nameless is found here.
* ``named_prefix``: tasks with names, under their prefix syllables for a raw ratio of the
  threshold plus :data:`~extractor.dedup.scoring.MISSING_PENALTY` (a name on one side
  where the other names none costs that much, issue 16). A new task without names looks
  here; one with names looks in ``plain_prefix`` for the same.

Stored candidates are compared in rapidfuzz on the stored syllables (without marks) coded one character
each (``codes``), after the length bound (ratio >= t needs min/max >= t/(2-t)); adding
1,000 tasks to a million costs about half a CPU second.

Pairs among the new tasks come from :func:`~extractor.dedup.index.find_pairs`. The file is
one pickle (stdlib), written atomically by :meth:`DedupIndex.save`.
"""
from __future__ import annotations

import os
import pickle
from array import array
import tempfile
from collections import Counter, defaultdict
from itertools import accumulate
from operator import itemgetter
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from .index import (_sort_pairs, choose_probe, find_pairs, make_pair, match_keys, name_pieces, pair_kind,
                    plain_names, prefix_length, tagged)
from .keys import Key, match_key, plain_word
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


class DedupIndex:
    """Stored tasks and the lists to find their duplicates; see the module docstring.

    >>> idx = DedupIndex.open("/tmp/archive.dedup")          # new or existing file
    >>> pairs = idx.add([TaskRef("d7-1", "Xây dựng NTM xã Tân Mỹ", year=2023)])
    >>> idx.save()
    """

    def __init__(self, path: str | os.PathLike, threshold: float = 85.0) -> None:
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
        self.name_counts: Counter = Counter()
        self.rank: dict[str, int] = {}
        self.next_rank = -1
        self.vocab: dict[str, int] = {}
        self.codes: list[str] = []
        self.lengths = array("H")  # syllables per stored task (capped), for the length bound
        self.probe: dict[tuple, list[int]] = defaultdict(list)
        self.plain_bigrams: dict[tuple, list[int]] = defaultdict(list)
        self.plain_prefix: dict[tuple, list[int]] = defaultdict(list)
        self.named_prefix: dict[tuple, list[int]] = defaultdict(list)
        self.name_heads: list[tuple[str, ...]] = []

    # --- files -----------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike, threshold: float = 85.0) -> "DedupIndex":
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
            old = [TaskRef(x, text, *meta) for x, text, meta in zip(data["ids"], data["originals"], data["meta"])]
            idx.add(old, find=False)
            return idx
        for name, value in data.items():
            setattr(idx, name, value)
        idx.pos = {x: i for i, x in enumerate(idx.ids)}
        joined, lengths = idx.codes
        ends = list(accumulate(lengths))
        idx.codes = [joined[a:b] for a, b in zip([0] + ends, ends)]
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
        text = self.texts[i]
        return Key(text, tuple(text.split()), self.numbers[i], self.years[i], self.names[i],
                   self.originals[i], self.name_heads[i])

    def task(self, i: int) -> TaskRef:
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
        if keys is not None:
            keys = [keys[pos] for pos in given]
        else:
            keys = match_keys([t.text for t in new], workers)
        pairs = find_pairs(new, self.threshold, workers=workers, keys=keys) if find else []
        if self.ids and find:
            self._reasons: dict[tuple[str, str, bool], str] = {}
            for t, k in zip(new, keys):
                pairs.extend(self._match_stored(t, k))
            del self._reasons
        if not self.rank:
            # First fill: rank syllables by how rare they are in it (prefix filtering is
            # fastest when the rarest syllables are indexed; a name's syllables are common
            # among names, so tasks with names count too).
            df: Counter = Counter()
            for k in keys:
                if not k.names or self._weak:  # with names too when they have prefixes
                    df.update(tagged(k.plain.split()))
            self.rank = {tok: r for r, (tok, _) in enumerate(sorted(df.items(), key=lambda kv: (kv[1], kv[0])))}
        for t, k in zip(new, keys):
            self._store(t, k)
        _sort_pairs(pairs)
        return pairs

    def _prefix(self, tokens: tuple[str, ...], assign: bool, extra: float = 0.0) -> list[str]:
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

    def _code(self, tokens, assign: bool) -> str:
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

    def _match_stored(self, task: TaskRef, key: Key) -> list[Pair]:
        if not key.tokens:
            return []
        ns = key.numbers
        found: set[int] = set()
        probe = self.probe
        # Syllables without marks throughout, as in find_pairs (index.token_codes).
        pt = key.plain.split()
        toks = tuple(pt)
        # No name test here: a ratio in C++ (below) costs less than checking the stored
        # task's names in Python, and the score checks names anyway.
        for bg in set(zip(pt, pt[1:])):
            hit = probe.get((ns, bg))
            if hit:
                found.update(hit)
        for tok in set(pt):  # one-syllable names are their own piece
            hit = probe.get((ns, (tok,)))
            if hit:
                found.update(hit)
        if key.names:
            hit = self.plain_bigrams.get((ns, choose_probe(plain_names(key.names), self.name_counts)))
            if hit:
                found.update(hit)
        else:
            for tag in self._prefix(toks, assign=False):
                hit = self.plain_prefix.get((ns, tag))
                if hit:
                    found.update(hit)
        cut = self.threshold - 0.05 - 1e-3
        cands = self._raw_at_least(found, toks, cut)
        if self._weak:
            # A name missing on one side (see the module docstring): only pairs with a raw
            # ratio of the threshold plus the penalty can count.
            weak: set[int] = set()
            # (with names against stored without: plain_prefix; without against with: named_prefix)
            lists = self.plain_prefix if key.names else self.named_prefix
            for tag in self._prefix(toks, assign=False, extra=MISSING_PENALTY):
                hit = lists.get((ns, tag))
                if hit:
                    weak.update(hit)
            weak -= found
            if weak:
                cands = sorted(cands + self._raw_at_least(weak, toks, cut + MISSING_PENALTY))
        out = []
        reasons = self._reasons
        for i in cands:
            other = self.key(i)
            value = score_at_least(key, other, self.threshold)
            if value is not None:
                stored = self.task(i)
                # Archives repeat texts word for word: one reason per pair of texts and
                # order (the reason depends on nothing else), not per stored copy.
                forward = task.id < stored.id
                got = reasons.get((key.original, other.original, forward))
                if got is None:
                    pair = make_pair(task, stored, key, other, value)
                    reasons[(key.original, other.original, forward)] = pair.reason
                else:
                    a, b = (task, stored) if forward else (stored, task)
                    pair = Pair(a.id, b.id, value, pair_kind(a, b), got)
                out.append(pair)
        return out

    def _raw_at_least(self, found: set[int], toks: tuple[str, ...], cut: float) -> list[int]:
        """The stored tasks among ``found`` whose raw ratio with ``toks`` is >= cut, sorted."""
        if not found:
            return []
        # ratio >= t needs 2*min(n, m)/(n + m) >= t: the LCS is at most the shorter.
        cand = np.fromiter(found, dtype=np.int64, count=len(found))
        m = np.frombuffer(self.lengths, dtype=np.uint16)[cand].astype(np.float64)
        n = float(len(toks))
        cand = cand[200.0 * np.minimum(m, n) >= (cut - 1e-6) * (m + n)]
        # (a length capped at 65535 only lets more through)
        cands = sorted(cand.tolist())
        if not cands:
            return []
        got = itemgetter(*cands)(self.codes)
        raws = process.cdist([self._code(toks, assign=False)], got if len(cands) > 1 else (got,),
                             scorer=fuzz.ratio, score_cutoff=cut, dtype=np.float32)[0]
        return [cands[j] for j in np.nonzero(raws >= cut)[0].tolist()]

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
            for bg in set(zip(pt, pt[1:])) | {(tok,) for tok in pt}:  # pieces of names, both sizes
                self.plain_bigrams[(ns, bg)].append(i)
            for tag in self._prefix(pt, assign=True):
                self.plain_prefix[(ns, tag)].append(i)
