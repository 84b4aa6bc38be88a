"""What the OCR model itself also read: each character's alternatives as evidence.

Tesseract's LSTM weighs several readings of every character and keeps the best
(``extractor/read/engine.py``, ``Word.choices``). When it read ``Thủy`` it may have
given ``ù`` 0.31 beside the ``ủ`` 0.94 it chose. A name part read that way is judged
by those readings: the syllables they spell (one character changed, or two), each
with how strongly the model saw it against what it chose (the ratio of the two
characters' confidences), weighed by how common each is in that place of a name.

This is the evidence that separates ``Thùy`` from ``Thủy`` (both real given names,
which the lexicon alone cannot): the pixels, as the model saw them.

    >>> syms = [[("T", .95)], [("h", .94)], [("ủ", .94), ("ù", .31)], [("y", .93)]]
    >>> [(s, round(r, 2)) for s, r in readings("Thủy", syms)]
    [('thùy', 0.33)]
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["readings", "Symbols", "FLOOR", "MAX_READINGS"]

# Per character: (text, confidence 0-1) of each reading the model weighed, best first.
Symbols = Sequence[Sequence[tuple[str, float]]]

FLOOR = 0.05  # an alternative under this confidence is noise (most are exactly 0)
MAX_READINGS = 24  # syllables spelled from the alternatives, at most, per word


def _aligned(word: str, symbols: Symbols) -> bool:
    """One entry per character of the word, as the reader keeps them."""
    return len(symbols) == len(word)


def readings(word: str, symbols: Symbols | None) -> list[tuple[str, float]]:
    """Lower-case syllables the model's alternatives spell for ``word``, best first,
    each with its strength: the product over the changed characters of (confidence of
    the alternative / confidence of the character read). At most two characters
    changed; the read itself is not listed. Empty when the alternatives do not line up
    with the word's characters (then they are no evidence)."""
    word = unicodedata.normalize("NFC", word)
    if not symbols or not _aligned(word, symbols):
        return []
    alts: list[list[tuple[str, float]]] = []
    for ch, syms in zip(word, symbols, strict=True):
        chosen = max((p for t, p in syms if t == ch), default=0.0)
        if chosen <= 0:
            chosen = max((p for _, p in syms), default=0.0)
        base = max(chosen, FLOOR)
        alts.append([(t, p / base) for t, p in syms if t != ch and p >= FLOOR and t.isalpha()])
    found: dict[str, float] = {}
    letters = list(word)
    changed = [i for i, a in enumerate(alts) if a]
    for n, i in enumerate(changed):
        for t, r in alts[i]:
            one = letters[:i] + [t] + letters[i + 1:]
            key = "".join(one).lower()
            found[key] = max(found.get(key, 0.0), r)
            for j in changed[n + 1:]:
                for t2, r2 in alts[j]:
                    two = one[:j] + [t2] + one[j + 1:]
                    key2 = "".join(two).lower()
                    found[key2] = max(found.get(key2, 0.0), r * r2)
    own = word.lower()
    ranked = sorted(((k, r) for k, r in found.items() if k != own), key=lambda kr: -kr[1])
    return ranked[:MAX_READINGS]
