"""Accent-insensitive keys for search: ``fold("Hòa Phú") == "hoa phu"``.

Vietnamese tone and vowel marks are stripped (NFD, drop combining marks), đ -> d,
lower case, runs of spaces and punctuation collapsed to one space.
"""
from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"[\W_]+", re.UNICODE)


def fold(text: str | None) -> str:
    """Fold text for accent-insensitive matching.

    >>> fold("Ủy ban nhân dân xã Hòa Phú")
    'uy ban nhan dan xa hoa phu'
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _SPACE.sub(" ", text).strip()
