"""A second reading of a name the repair is unsure of: the readings vote, the lexicon weighs.

A name read once leaves some doubt no text rule settles: "Huyến" is a real given name,
and so is "Huyền", which OCR often reads as it. When the repair is unsure (a part not
known in its place, a word read with low confidence, characters the model also read
otherwise: :func:`extractor.repair.unsure`), the reader can read the name's own image
again under other conditions (``extractor/read/ocr/reread.py``: the line alone, upscaled,
binarised otherwise). Each reading is evidence about each syllable; :func:`vote` weighs
the name parts known in that place by

    prior in that place x for each reading, how likely it is to have read what it read
    from that part: 1 for the part itself, the model's own strength for a part its
    alternatives spell (:mod:`.choices`), else how often OCR makes that slip
    (:mod:`.channel`, the word's confidence weighing it)

with a second reading's evidence counted at :data:`VOTE_WEIGHT` of the first's. The best
part replaces the first repair's only at :data:`VOTE_CONFIDENCE` or more, and only when
at least :data:`VOTE_READS` of the readings read it.

    >>> first = ("Huyến", 91.8, None)
    >>> again = [("Huyền", 93.8, None), ("Huyền", 95.7, None)]
    >>> vote(first, again, "given", "huyến")[0]
    'huyền'
    >>> vote(first, [("Huyến", 92.0, None)], "given", "huyến")[0]
    'huyến'
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TypeAlias

from ..text import is_vietnamese_syllable
from .channel import channel
from .choices import Symbols, readings

__all__ = ["Reading", "Observation", "vote", "aligned", "VOTE_WEIGHT", "VOTE_CONFIDENCE", "VOTE_READS",
           "VOTE_READS_KNOWN"]

# A reading of a whole name: (text, confidence of each word or None, each word's
# characters' alternatives or None), as ``repair_name`` takes its first reading.
Reading: TypeAlias = tuple[str, Sequence[float | None] | None, Sequence[Symbols | None] | None]
# One syllable as one reading saw it: (text, confidence, alternatives of its characters).
Observation: TypeAlias = tuple[str, float | None, Symbols | None]

# How much a second reading's evidence counts against the first's (its log-likelihoods
# scaled). The same pixels read again slip alike, yet each second reading is of the
# line alone (``--psm 7``) and cleaned first, and counts for more than the page's read:
# fitted, with the two thresholds below, on the fit halves of
# corpora/ocr_names/names_choices*.jsonl (weights 0.5-1.5, shares 0.6-0.9: with the
# readings' share below, none changed a correct name there; 1.5 and 0.8 restored most).
VOTE_WEIGHT = 1.5
# The share of the probability the voted part must have to replace the first repair's.
VOTE_CONFIDENCE = 0.8
# ... and the share of the readings, the first among them, that must have read it (as
# their text, or as the model's first choice for each character: :func:`_reads`; not
# among weaker alternatives only): the lexicon's prior alone never
# names the part (without this, a part read by none, "Định" for "Đỉnh" read three times
# over a true "Đinh", changed correct names on the fit halves).
VOTE_READS = 0.5
# A name part known in its place and read as itself the first time ("Ánh", "Huyền") is
# changed only when more than half the readings read the other part: at a tie, the
# prior of the commoner part ("Anh") decided, and changed two correct names on the
# held-out halves (seen there, so the fresh names_choices_seed6.jsonl checks this).
VOTE_READS_KNOWN = 0.51


def aligned(first_words: int, rereads: Sequence[Reading], first: Reading) -> list[list[Observation]]:
    """Per word of the name (``first_words`` of them), what each second reading saw
    there. A reading with another number of words is left out (its words would not
    line up), and so is one identical to the first (text and confidences): the same
    read again is no new evidence."""
    out: list[list[Observation]] = [[] for _ in range(first_words)]
    for text, confs, alts in rereads:
        words = text.split()
        if len(words) != first_words or (text == first[0] and _same(confs, first[1])):
            continue
        for i, w in enumerate(words):
            conf = confs[i] if confs is not None and len(confs) == first_words else None
            sym = alts[i] if alts is not None and len(alts) == first_words else None
            out[i].append((w, conf, sym or None))
    return out


def _same(a: Sequence[float | None] | None, b: Sequence[float | None] | None) -> bool:
    return list(a or []) == list(b or [])


def _log_read(obs: Observation, part: str) -> float:
    """log of how likely a reading was to see ``obs`` from the name part ``part``,
    against seeing the part itself (0 for the part itself)."""
    from . import _key

    word, conf, symbols = obs
    key = _key(word)
    if key == part:
        return 0.0
    spelled = {_key(k): r for k, r in reversed(readings(word, symbols))}  # strongest kept
    if part in spelled:
        return math.log(min(1.0, spelled[part]))
    ch = channel()
    return ch.logp(key, part) - ch.logp(key, key) + ch.confidence_ratio(conf)


def vote(first: Observation, others: Sequence[Observation], slot: str,
         current: str) -> tuple[str, float, int]:
    """(best name part, its probability, readings that read it) for one syllable, among
    the first repair's choice ``current`` and the parts known in ``slot`` that any
    reading read or spelled by its alternatives (lower-case keys)."""
    from . import _key, _known, _outweighed_middle, _own_prior

    def known(k: str) -> bool:
        return _known(k, slot) and not _outweighed_middle(k, slot)

    candidates = {current}
    for word, _, symbols in (first, *others):
        candidates.update(k for k in [_key(word), *(_key(s) for s, _ in readings(word, symbols))] if known(k))
    scores: dict[str, float] = {}
    for k in candidates:
        prior = _own_prior(k, slot, is_vietnamese_syllable(k))
        if prior <= 0:
            continue
        scores[k] = math.log(prior) + _log_read(first, k) + VOTE_WEIGHT * sum(_log_read(o, k) for o in others)
    if not scores:
        return current, 0.0, 0
    top = max(scores.values())
    best = max(scores, key=lambda k: scores[k])
    p = 1.0 / sum(math.exp(v - top) for v in scores.values())
    return best, p, sum(_reads(o, best) for o in (first, *others))


def _reads(obs: Observation, part: str) -> bool:
    """Whether a reading read ``part``: as its text, or as the model's own first choice
    for each character. Tesseract's search over the whole word may write a character
    its network gave less weight than an alternative ("ế" written, "ề" stronger); the
    stronger spelling is what the pixels said. Counting such readings restored four more
    held-out names of corpora/ocr_names/names_choices*.jsonl (and four on the fit halves)
    and changed no correct name."""
    from . import _key

    word, _, symbols = obs
    if _key(word) == part:
        return True
    return any(_key(k) == part and r > 1.0 for k, r in readings(word, symbols))
