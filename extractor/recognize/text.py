"""Character-level helpers shared by the recognisers.

Recognisers match on a *folded* copy of the page text that has exactly the same
length as the original (lower case, the old tone placement "hòa": :func:`fold`, which is
:func:`extractor.text.fold_case`), so every match offset is also an offset into
``Page.text`` and spans need no re-mapping. :func:`strip_accents` ('Đắk Lắk' -> 'dak lak')
is for gazetteer keys only, never for output.
"""
from __future__ import annotations

import re

from ..text import fold_case, strip_accents

__all__ = ["UPPER", "LOWER", "fold", "strip_accents", "trim_span", "collapse"]

# Vietnamese letters, built from Unicode properties rather than typed by hand, so
# that no precomposed vowel with a tone mark is forgotten.
_LETTERS = [chr(c) for c in range(0x41, 0x1F00) if chr(c).isalpha()]
UPPER = "".join(c for c in _LETTERS if c.isupper())
LOWER = "".join(c for c in _LETTERS if c.islower())

# Case and accent folding are extractor.text's (one rule, one place); recognisers keep
# calling them by these names.
fold = fold_case


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
