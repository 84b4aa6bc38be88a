"""Counts announced in the text: "được giao 7 nội dung", "bảy việc đột phá", "02 nhiệm vụ"."""
from __future__ import annotations

import re

_UNITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6,
          "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_DIGIT_WORD = r"(?:mười|mươi|một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|bẩy|tám|chín)"
NUMBER_WORD = _DIGIT_WORD + r"(?:\s" + _DIGIT_WORD + r"){0,2}"
THINGS = r"(?:nội dung|việc|nhiệm vụ|công việc|đầu việc|chỉ tiêu|khâu|vấn đề|mô hình|công trình|phần việc)"
COUNT = re.compile(rf"(?<![\w/])(\d{{1,3}}|{NUMBER_WORD})\s+{THINGS}(?![\w])")


def number_value(word: str) -> int | None:
    """'7' -> 7, 'bảy' -> 7, 'mười hai' -> 12, 'hai mươi mốt' -> None (rare; not guessed).

    >>> number_value("mười hai"), number_value("02")
    (12, 2)
    """
    if word.isdigit():
        return int(word)
    parts = word.split()
    if parts == ["mười"]:
        return 10
    if parts[0] == "mười" and len(parts) == 2 and parts[1] in _UNITS:
        return 10 + _UNITS[parts[1]]
    if len(parts) == 1 and parts[0] in _UNITS:
        return _UNITS[parts[0]]
    if len(parts) >= 2 and parts[1] == "mươi" and parts[0] in _UNITS:
        return 10 * _UNITS[parts[0]] + (_UNITS.get(parts[2], 0) if len(parts) == 3 else 0)
    return None


def find_count(folded: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The first "N nội dung/việc/nhiệm vụ" in folded[start:end] as (value, start, end)."""
    m = COUNT.search(folded, start, end)
    if not m:
        return None
    value = number_value(m.group(1))
    # "năm" is also "year": "năm 2022 nội dung" is not a count; require a plain number word
    if value is None or value == 0 or value > 200:
        return None
    return value, m.start(), m.end()


STAT = re.compile(r"giao\s+(?:trên\s+|hơn\s+|gần\s+)?(\d[\d.]*)\s+(?:việc|nội dung|nhiệm vụ)[^.;]*?"
                  r"cho\s+(?:trên\s+|hơn\s+|gần\s+)?(\d[\d.]*)\s+(?:cán bộ|đồng chí|cá nhân|người|tập thể|chức danh)")
STAT2 = re.compile(r"(\d[\d.]*)\s+(?:cán bộ|đồng chí|cá nhân)[^.;]{0,80}?được giao\s+(?:trên\s+|hơn\s+)?"
                   r"(\d[\d.]*)\s+(?:việc|nội dung|nhiệm vụ)")
