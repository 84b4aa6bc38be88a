"""Periods (thời gian thực hiện): the years an assignment covers.

"Năm 2022" -> 2022..2022; "giai đoạn 2021 - 2025", "nhiệm kỳ 2016-2021" -> 2021..2025;
"quý III/2023", "trước ngày 30/6/2023", "đến hết năm 2025" -> that year;
"từ ngày 17/4 đến ngày 03/6/2015" -> 2015..2015. A date alone ("ngày 30/3/2020") is
when a paper was signed, not a period, unless a deadline word announces it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text import fold

Y = r"((?:19|20)\d\d)"
DASH = r"\s*(?:-|–|—|đến|tới)\s*(?:năm\s*)?"
_DM = r"\d{1,2}\s*[/.-]\s*\d{1,2}"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range_dates", re.compile(rf"từ ngày\s*{_DM}(?:\s*[/.-]\s*{Y})?\s*(?:đến|tới)\s*(?:hết\s*)?"
                               rf"ngày\s*{_DM}\s*[/.-]\s*{Y}")),
    # "từ ngày 8/11/2025 (đến khi có chỉ đạo mới)": an open-ended duty gives its start year
    # (GUIDELINES, convention 7)
    ("from", re.compile(rf"từ ngày\s*{_DM}\s*[/.-]\s*{Y}(?![\d/])")),
    # "Ngày 29/11/2011, đồng chí X làm Tổ trưởng …": a news item dating the work it reports
    # at the head of its sentence (a dated work day gives its year, convention 7); a date
    # followed by the signing of a paper is when the paper was signed
    ("day", re.compile(rf"(?:(?<=^)|(?<=\n)|(?<=[.!?] ))ngày\s*{_DM}\s*[/.-]\s*{Y}"
                       rf"(?=\s*,?\s*(?!.{{0,80}}(?:ký|ban hành|công bố|trao))"
                       rf"[^\n]{{0,200}}?(?:đồng chí|đ/c|ông|bà|do)\s)")),
    ("stage", re.compile(rf"(?:giai đoạn|nhiệm kỳ|thời kỳ|từ năm|trong các năm|các năm)\s*(?:từ\s*)?"
                         rf"(?:năm\s*)?{Y}{DASH}{Y}")),
    # a stage or term whose dash OCR lost ("nhiệm kỳ 2015 2020"); not a list of years
    ("stage", re.compile(rf"(?:giai đoạn|nhiệm kỳ|thời kỳ)\s*(?:năm\s*)?{Y}\s+{Y}(?![\d/])(?!\s*,?\s*(?:19|20)\d\d)")),
    ("range", re.compile(rf"(?<![\d/.]){Y}\s*(?:-|–|—)\s*{Y}(?![\d/])")),
    ("deadline", re.compile(rf"(?:trước|đến|chậm nhất|hạn|hoàn thành trong|hoàn thành|xong trong|trong)\s*"
                            rf"(?:hết\s*)?(?:ngày\s*)?(?:{_DM}|tháng\s*\d{{1,2}})\s*[/.-]\s*{Y}")),
    ("deadline_long", re.compile(rf"(?:trước|đến|chậm nhất|hạn|trong)\s*(?:hết\s*)?"
                                 rf"ngày\s*\d{{1,2}}\s*tháng\s*\d{{1,2}}\s*năm\s*{Y}")),
    ("quarter", re.compile(rf"(?:quý|qúy)\s*(?:[ivx]+|\d)\s*(?:/|năm|-)\s*{Y}")),
    ("month", re.compile(rf"(?<!ngày \d)(?<!ngày \d\d)(?<!\d\d )(?<!\d )(?:\d+\s*)?tháng\s*(?:\d{{1,2}}|đầu|cuối)?"
                         rf"\s*(?:/|-)\s*{Y}|(?:\d+\s+)?tháng\s+(?:đầu|cuối)\s+năm\s*{Y}")),
    # "ngày 04 tháng 9 năm 2025" is a signing date, not a period: no "tháng N" before
    # "đến hết năm 2027": until then, from the document's own year (the caller knows it)
    ("until", re.compile(rf"(?:đến hết|đến cuối|đến)\s+năm\s*{Y}(?![\d/])")),
    ("year", re.compile(rf"(?<!tháng \d )(?<!tháng \d\d )(?:hết |trong |của |cả )?năm\s*{Y}(?![\d/])")),
]


@dataclass(frozen=True)
class PeriodMatch:
    """A period found in a text: where it stands, its first and last year, which rule."""

    start: int  # offsets into the text
    end: int
    first: int  # years
    last: int
    kind: str


_BORN = re.compile(r"(?<![\w])(?<!phát )sinh(?:\s+(?:năm|ngày))?\s*$")


def find_periods(text: str, folded: str | None = None) -> list[PeriodMatch]:
    """All period expressions, longest first where they overlap, in text order (cached).

    >>> [(p.first, p.last) for p in find_periods("Năm 2021, giai đoạn 2021 - 2025")]
    [(2021, 2021), (2021, 2025)]
    """
    return list(_find_periods(text))


@lru_cache(maxsize=512)
def _find_periods(text: str) -> tuple[PeriodMatch, ...]:
    """All period expressions, longest first where they overlap, in text order.

    >>> [(p.first, p.last) for p in find_periods("Năm 2021, giai đoạn 2021 - 2025")]
    [(2021, 2021), (2021, 2025)]
    """
    folded = fold(text)
    taken: list[tuple[int, int]] = []
    out: list[PeriodMatch] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(folded):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            years = [int(g) for g in m.groups() if g]
            if not years or _BORN.search(folded, max(0, m.start() - 16), m.start()):
                continue  # "sinh năm 1967": a birth, not the years of an assignment
            first, last = years[0], years[-1]
            if first > last or last - first > 30:
                continue
            taken.append((m.start(), m.end()))
            out.append(PeriodMatch(m.start(), m.end(), first, last, kind))
    return tuple(sorted(out, key=lambda p: p.start))


def parse_period(text: str) -> PeriodMatch | None:
    """The first period in a short text such as a table cell ("Quý II/2023", "2022").

    >>> parse_period("Quý II/2023").first
    2023
    """
    found = find_periods(text)
    if found:
        return found[0]
    m = re.search(rf"(?<!\d){Y}(?!\d)", text)
    if m:
        y = int(m.group(1))
        return PeriodMatch(m.start(), m.end(), y, y, "bare_year")
    return None


# "Ngày 12/12/2023, UBND Thành phố ban hành Quyết định … về việc phân công công tác …": the
# date a decision dividing the work was issued is when that division starts
_DECIDED = re.compile(rf"(?<![\w/])ngày\s*{_DM}\s*[/.-]\s*{Y}(?![\d/])(?=[^.\n]{{0,80}}?(?:ký|ban hành)\s+"
                      rf"(?:các\s+)?quyết định[^.\n]{{0,160}}?(?:phân công|giao nhiệm vụ|giao việc))")


def decision_starts(text: str) -> list[PeriodMatch]:
    """Dates on which a decision assigning the work was issued, as starts (kind "from") that
    narrow a term written in the text (GUIDELINES, convention 7); not periods themselves.

    >>> t = "Ngày 12/12/2023 UBND tỉnh đã ban hành Quyết định về việc phân công công tác nhiệm kỳ 2021-2026."
    >>> [(p.first, p.kind) for p in decision_starts(t)]
    [(2023, 'from')]
    >>> decision_starts("Ngày 12/12/2023 UBND tỉnh họp bàn về kinh tế.")
    []
    """
    folded = fold(text)
    return [PeriodMatch(m.start(), m.end(), int(m.group(1)), int(m.group(1)), "from")
            for m in _DECIDED.finditer(folded)]
