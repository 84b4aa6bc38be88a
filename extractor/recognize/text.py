"""Character-level helpers shared by the recognisers.

Recognisers match on a *folded* copy of the page text that has exactly the same
length as the original (lower case, new-style tone placement), so every match
offset is also an offset into ``Page.text`` and spans need no re-mapping.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Vietnamese letters, built from Unicode properties rather than typed by hand, so
# that no precomposed vowel with a tone mark is forgotten.
_LETTERS = [chr(c) for c in range(0x41, 0x1F00) if chr(c).isalpha()]
UPPER = "".join(c for c in _LETTERS if c.isupper())
LOWER = "".join(c for c in _LETTERS if c.islower())

# Old-style tone placement on open syllables ("hoà", "thuỷ") is rewritten to the new
# style ("hòa", "thủy") only at the end of a syllable: "hoàn" is already correct.
# Both spellings are two precomposed characters, so lengths are kept.
_OLD_TO_NEW = {}
for _base, _marked in (("a", "àáảãạ"), ("e", "èéẻẽẹ"), ("y", "ỳýỷỹỵ")):
    _pairs = {"a": "o", "e": "o", "y": "u"}
    _lead = _pairs[_base]
    _lead_marked = {"o": "òóỏõọ", "u": "ùúủũụ"}[_lead]
    for _i, _m in enumerate(_marked):
        _OLD_TO_NEW[_lead + _m] = _lead_marked[_i] + _base
_OLD_RE = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TO_NEW) + r")(?![" + LOWER + r"])")


@lru_cache(maxsize=512)
def fold(text: str) -> str:
    """Lower-case ``text`` and move old-style tone marks, keeping its length.

    >>> fold("Uỷ ban Hoà Phú")
    'ủy ban hòa phú'
    """
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer: one by one
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    out = _OLD_RE.sub(lambda m: _OLD_TO_NEW[m.group(1)], low)
    assert len(out) == len(text)
    return out


def strip_accents(text: str) -> str:
    """'Đắk Lắk' -> 'dak lak' (for gazetteer keys only, never for output)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return text.lower()


def trim_span(text: str, start: int, end: int, chars: str = " \t\n,;:.-–—") -> tuple[int, int]:
    """Shrink [start, end) past surrounding whitespace and punctuation in ``chars``."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def collapse(text: str) -> str:
    """Collapse runs of whitespace to one space (for comparisons, not for output)."""
    return re.sub(r"\s+", " ", text).strip()
