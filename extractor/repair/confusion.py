"""How far a syllable read by OCR is from a known one, counted in OCR confusions.

Tesseract damages Vietnamese syllables in a few typical ways: it drops or swaps the
tone mark (Trần -> Trân, Tùy -> Tuy), drops or adds a vowel modifier (â/a, ă/a, ô/o,
ơ/o, ư/u, ê/e) or the stroke of đ (Dũng -> Đũng), reads one letter shape as another
(l/I/1, c/e, rn -> m). Each of these costs 1; any other letter change costs more, so a
small budget only reaches candidates an OCR slip could have produced.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..text import split_tone

Unit = tuple[str, str]  # (base letter, modifier): ("a", "^") is â

# Letter modifiers (dấu mũ, dấu móc, dấu trăng, gạch đ): base letter -> modifier names.
_MODIFIED = {"â": ("a", "^"), "ă": ("a", "("), "ê": ("e", "^"), "ô": ("o", "^"),
             "ơ": ("o", "+"), "ư": ("u", "+"), "đ": ("d", "-")}
# Letter shapes Tesseract mixes up (after lower-casing: "I" -> "i").
_SHAPES = {frozenset(p) for p in ("li", "l1", "i1", "ce", "oa", "nu", "hb", "rt", "il", "ij", "yv", "gq")}
# Several letters read as one, or one as several.
_GLYPHS = (("rn", "m"), ("ii", "u"), ("cl", "d"), ("li", "h"), ("vv", "w"), ("nn", "m"), ("in", "m"))
SUBST_OTHER = 2.5  # any other letter change: beyond the budget of a confusion
INDEL = 2.0


def units(syllable: str) -> tuple[tuple[Unit, ...], str | None, int]:
    """A syllable as ((base letter, modifier), ...), its tone mark and how many tones it had.

    >>> units("Trần")
    ((('t', ''), ('r', ''), ('a', '^'), ('n', '')), '̀', 1)
    """
    bare, tone, count = split_tone(syllable)
    out = []
    for ch in bare.lower():
        base, mod = _MODIFIED.get(ch, (ch, ""))
        if len(base) == 1 and base not in _MODIFIED:
            decomposed = unicodedata.normalize("NFD", base)
            base = decomposed[0]
        out.append((base, mod))
    return tuple(out), tone, count


def _sub(a: Unit, b: Unit) -> float:
    if a == b:
        return 0.0
    if a[0] == b[0]:
        return 1.0  # modifier only: â/a, ư/u, đ/d
    if frozenset((a[0], b[0])) in _SHAPES:
        return 1.0 + (a[1] != b[1])
    return SUBST_OTHER


def _edit(a: tuple[Unit, ...], b: tuple[Unit, ...]) -> float:
    prev = [j * INDEL for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        cur = [i * INDEL] + [0.0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + INDEL, cur[j - 1] + INDEL, prev[j - 1] + _sub(a[i - 1], b[j - 1]))
        prev = cur
    return prev[-1]


_ABOVE_TONES = {"\u0300", "\u0301", "\u0309", "\u0303"}  # grave, acute, hook, tilde


def _one_mark_above(ru: tuple[Unit, ...], rt: str | None, ku: tuple[Unit, ...], kt: str | None) -> bool:
    """One side has a tone above the vowel where the other has a circumflex or breve."""
    if len(ru) != len(ku):
        return False
    diff = [(a, b) for a, b in zip(ru, ku, strict=True) if a != b]
    if len(diff) != 1:
        return False
    (rb, rm), (kb, km) = diff[0]
    if rb != kb:
        return False
    return (rt in _ABOVE_TONES and kt is None and rm == "" and km in ("^", "(")) or \
           (kt in _ABOVE_TONES and rt is None and km == "" and rm in ("^", "("))


@lru_cache(maxsize=200_000)
def confusion_cost(read: str, known: str) -> float:
    """OCR-confusion distance from what was read to a known syllable (0 = the same).

    >>> confusion_cost("Trân", "Trần"), confusion_cost("Đũng", "Dũng"), confusion_cost("Iê", "Lê")
    (1.0, 1.0, 1.0)
    >>> confusion_cost("Narn", "Nam"), confusion_cost("Hùng", "Dũng") > 2, confusion_cost("Ngõ", "Ngô")
    (1.0, True, 1.0)
    >>> confusion_cost("Chẩấu", "Chẩu")  # a vowel read twice (and so two tone marks)
    2.0
    """
    ru, rt, rc = units(read)
    ku, kt, _ = units(known)
    tone = 0.0 if (rt == kt and rc <= 1) else 1.0
    best = _edit(ru, ku)
    if tone and best == 1 and _one_mark_above(ru, rt, ku, kt):
        return 1.0  # "Ngõ" for "Ngô": one mark above the vowel read as another
    if best > 1:  # several letters read as one glyph, or the reverse
        plain = "".join(b for b, _ in ru)
        for at in range(1, len(ru)):  # a vowel read twice with its marks ("Chẩấu" for "Chẩu")
            if ru[at][0] == ru[at - 1][0] and ru[at][0] in "aeiouy":
                best = min(best, 1.0 + _edit(ru[:at] + ru[at + 1:], ku), 1.0 + _edit(ru[:at - 1] + ru[at:], ku))
        for many, one in _GLYPHS:
            for src, dst in ((many, one), (one, many)):
                at = plain.find(src)
                while at >= 0:
                    alt = ru[:at] + tuple((c, "") for c in dst) + ru[at + len(src):]
                    best = min(best, 1.0 + _edit(alt, ku))
                    at = plain.find(src, at + 1)
    return best + tone
