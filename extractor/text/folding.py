"""Case and accent folding, and the keys built from them.

Every key that says "the same words" is made here, so search, duplicate keys and unit
grouping cannot drift apart (a property test checks they agree, tests/text):

- :func:`fold_case`: lower case and the old tone placement, *the same length* as the
  text, so a match found on it is a match in the text (the recognisers);
- :func:`spelling_key`: lower case, old tone placement, spaces collapsed: two names
  spelt the same (``units.accent_key``; "Vĩnh" and "Vinh" differ);
- :func:`strip_marks`: tone and vowel marks dropped, đ -> d, case kept (the dedup keys'
  unmarked words);
- :func:`fold`: accent-free, lower case, spaces collapsed, punctuation kept;
- :func:`search_key`: accent-free, lower case, every run of non-letters one space (the
  service's search columns: ``search_key("Hòa Phú") == "hoa phu"``);
- :func:`name_key`: accent-free, lower case, only letters and digits (unit names:
  "Chiêm Hoá" = "chiem hoa" = "chiemhoa").

An accent-free key is the same whichever tone placement the text used: dropping the
marks drops where they stood.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .syllables import normalize_tones

__all__ = ["fold_case", "spelling_key", "strip_marks", "fold", "search_key", "name_key", "strip_accents"]

_D = str.maketrans({"đ": "d", "Đ": "D"})
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer: one by one
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


@lru_cache(maxsize=512)
def fold_case(text: str) -> str:
    """Lower-case ``text`` and put tone marks in the old placement, keeping its length.

    >>> fold_case("Uỷ ban Hoà Phú")
    'ủy ban hòa phú'
    """
    if text.isascii():
        return text.lower()
    return normalize_tones(_lower_same_length(text))


def spelling_key(text: str) -> str:
    """Lower-case NFC in the old tone placement, spaces collapsed: two names with the same
    key are spelt the same.

    >>> spelling_key("Hoà  Phú") == spelling_key("hòa phú"), spelling_key("Vĩnh") == spelling_key("Vinh")
    (True, False)
    """
    return " ".join(normalize_tones(unicodedata.normalize("NFC", text.lower())).split())


def strip_marks(text: str) -> str:
    """``text`` without tone or vowel marks, đ written d; case and everything else kept.

    >>> strip_marks("Đường Vĩnh Hội")
    'Duong Vinh Hoi'
    """
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Accent- and case-free, spaces collapsed (punctuation kept).

    >>> fold("  UBND xã Hoà  Phú ")
    'ubnd xa hoa phu'
    """
    return " ".join(strip_marks(text).lower().split())


def strip_accents(text: str) -> str:
    """Accent- and case-free, nothing else changed: 'Đắk Lắk' -> 'dak lak'.

    >>> strip_accents("Đắk  Lắk")
    'dak  lak'
    """
    return strip_marks(text).lower()


def search_key(text: str | None) -> str:
    """Accent- and case-free, every run of non-letters one space: the search key.

    >>> search_key("Ủy ban nhân dân xã Hòa Phú, (Hoà Vang)")
    'uy ban nhan dan xa hoa phu hoa vang'
    """
    if not text:
        return ""
    return _NON_WORD.sub(" ", strip_marks(text).lower()).strip()


def name_key(text: str) -> str:
    """Accent-, case-, tone-placement- and spacing-free key of a name.

    >>> name_key("Chiêm Hoá") == name_key("chiem  hóa") == "chiemhoa"
    True
    """
    return _NON_ALNUM.sub("", strip_marks(text).lower())
