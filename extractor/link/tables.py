"""Assignments from appendix tables (phụ lục): Họ và tên | Chức vụ | Nội dung | Thời gian.

The header row is found by fuzzy column names (tables are typed by clerks: "Họ tên",
"HỌ VÀ TÊN", "Chức danh", "Nội dung việc đột phá", "Thời gian hoàn thành" ...). A name
cell merged over several task rows is repeated by the reader with ``merged_from`` set,
so consecutive rows with the same name are one cadre's tasks.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from ..recognize.names import FAMILY_TOO, HONORIFIC, NOT_NAME_START, find_names
from ..recognize.periods import find_periods, parse_period
from ..recognize.text import fold, trim_span
from ..recognize.titles import HEAD
from ..records import Assignment, Cell, Document, Field, Period, Span, Table, Task
from ..text import is_vietnamese_syllable
from .context import Hints, PlaceContext
from .prose import LIST_START

# the unit a position implies where the text is (extractor.link.context.unit_for)
UnitFor = Callable[[str | None, PlaceContext | str | None, Hints], str | None]


@dataclass
class _Group:
    """One person's rows: the name cell, the name inside it, and the rows of their tasks."""

    name: str
    cell: Cell
    ns: int
    ne: int
    cols: dict[str, int]
    caption: Period | None
    rows: list[tuple[Cell, ...]] = field(default_factory=list)
    # rows the page break cut in two: (index of the row it cut in ``rows``, the rest of it)
    cuts: dict[int, tuple[Cell, ...]] = field(default_factory=dict)


@dataclass
class _Last:
    """The table before, to carry a table over a page break."""

    width: int
    page: int
    cols: dict[str, int]
    current: _Group | None
    caption: Period | None

COLUMNS = {
    "name": ["họ và tên", "họ tên", "tên cán bộ", "cán bộ", "người thực hiện", "đồng chí", "họ và tên cán bộ"],
    "position": ["chức vụ", "chức danh", "chức vụ đơn vị", "chức vụ, đơn vị", "chức vụ đơn vị công tác"],
    "unit": ["đơn vị", "cơ quan", "đơn vị công tác", "nơi công tác"],
    "task": ["nội dung", "nội dung việc đột phá", "việc đột phá", "nhiệm vụ", "nhiệm vụ được giao",
             "công việc", "nội dung đăng ký", "nội dung công việc", "việc đột phá đổi mới", "tên việc"],
    "period": ["thời gian", "thời gian thực hiện", "thời gian hoàn thành", "thời hạn", "năm", "tiến độ"],
}


def classify_header(cells: tuple[Cell, ...]) -> dict[str, int]:
    """Map column roles to indexes when ``cells`` look like a header row.

    >>> from extractor.records import Cell, Span
    >>> row = tuple(Cell(t, 0, i, Span(1, 0, 0)) for i, t in enumerate(["STT", "Họ và tên", "Chức vụ", "Nội dung"]))
    >>> classify_header(row)
    {'name': 1, 'position': 2, 'task': 3}
    >>> classify_header((Cell("T", 0, 0, Span(1, 0, 0)),) + row[1:])  # "TT" as OCR read it
    {'name': 1, 'position': 2, 'task': 3}
    """
    out = column_roles(cells)
    return out if "name" in out and "task" in out else {}


def column_roles(cells: tuple[Cell, ...]) -> dict[str, int]:
    """Every column role the cells of a row name (:func:`classify_header` without
    asking for both the name and the task)."""
    roles: dict[str, tuple[float, int]] = {}
    for i, c in enumerate(cells):
        t = _header_text(c.text)
        if not t or len(t) > 60:
            continue
        # a cell may name two roles ("Họ tên, chức vụ"): every role that scores high
        for role, vs in COLUMNS.items():
            # a part of a long name ("nội dung" of "nội dung việc đột phá") counts, but not a
            # letter or two: OCR reads "TT" as "T", which is inside every name
            score = max(max(fuzz.ratio(t, v), fuzz.partial_ratio(v, t) if len(v) >= 6 and len(t) >= 5 else 0)
                        for v in vs)
            if score >= 80 and (role not in roles or score > roles[role][0]):
                roles[role] = (score, i)
    # "Chức vụ, đơn vị" fills both: keep it as position
    out = {r: i for r, (_, i) in roles.items()}
    if "unit" in out and out.get("position") == out["unit"]:
        del out["unit"]
    for role in ("position", "unit", "period"):
        # "Nội dung ... đơn vị" and the like: a column is one role unless it is the name's
        if role in out and out[role] == out.get("task"):
            del out[role]
    return dict(sorted(out.items(), key=lambda kv: kv[1]))


# A header row a scan left one column's name unreadable (a stamp, a fold, noise over
# "Nội dung"): the columns it does name, two at least, place the rest by what the rows
# below hold: the tasks are the column of the longest texts, the names the column whose
# cells are people's names.
_MIN_TASK_CHARS = 15


def _readable(text: str) -> bool:
    """``text`` holds a word: a Vietnamese syllable of two letters or more."""
    return any(len(w) >= 2 and is_vietnamese_syllable(w) for w in re.findall(r"[^\W\d_]+", text))


def infer_header(rows: tuple[tuple[Cell, ...], ...], at: int) -> dict[str, int]:
    """The columns of ``rows[at]`` as a header with the name's or the task's column
    unnamed (unread), placed by the rows after it; {} when that row names fewer than two
    columns or the rows below do not tell.

    >>> from extractor.records import Cell, Span
    >>> def row(*ts): return tuple(Cell(t, 0, i, Span(1, 0, 0)) for i, t in enumerate(ts))
    >>> rows = (row("STT", "Họ và tên", "Chức vụ", "", "Thời gian"),
    ...         row("1", "Lê Văn An", "Chủ tịch UBND xã", "Xây dựng chợ trung tâm xã", "Năm 2024"))
    >>> infer_header(rows, 0)
    {'name': 1, 'position': 2, 'task': 3, 'period': 4}
    """
    roles = column_roles(rows[at])
    if len(roles) < 2 or ("name" in roles) == ("task" in roles):
        return {}
    body = [r for r in rows[at + 1:] if len(r) == len(rows[at])]
    # only a column whose name is unreadable: one that names something else ("Thành tích"
    # of a list of awards, "Ghi chú") is not the tasks' nor the names'
    free = [c for c in range(len(rows[at])) if c not in roles.values() and not _readable(rows[at][c].text)]
    if not body or not free:
        return {}

    def mean_chars(c: int) -> float:
        return sum(len(r[c].text.strip()) for r in body) / len(body)

    def names(c: int) -> float:
        return sum(bool(find_names("Ông " + r[c].text.strip())) for r in body) / len(body)

    if "task" not in roles:
        best = max(free, key=mean_chars)
        if mean_chars(best) < _MIN_TASK_CHARS:
            return {}
        roles["task"] = best
    else:
        best = max(free, key=names)
        if names(best) < 0.5:
            return {}
        roles["name"] = best
    return dict(sorted(roles.items(), key=lambda kv: kv[1]))


def _second_header(top: tuple[Cell, ...], below: tuple[Cell, ...], cols: dict[str, int]) -> dict[str, int]:
    """The columns of a header written over two rows ("Việc đột phá" over "Nội dung" and
    "Thời gian hoàn thành", "Họ và tên" merged down both), when ``below`` is its second
    row: the top's cells merged down read again (or empty) in the name's column, and
    at least one other cell a column's name of its own. ``cols``: the top's columns
    (:func:`classify_header`). {} when ``below`` is no header.

    >>> from extractor.records import Cell, Span
    >>> def row(*ts): return tuple(Cell(t, 0, i, Span(1, 0, 0)) for i, t in enumerate(ts))
    >>> top = row("STT", "Họ và tên", "Việc đột phá", "Việc đột phá")
    >>> cols = classify_header(top)
    >>> _second_header(top, row("STT", "Họ và tên", "Nội dung", "Thời gian hoàn thành"), cols)
    {'name': 1, 'task': 2, 'period': 3}
    >>> _second_header(top, row("1", "Lê Văn A", "Xây chợ", "2024"), cols)
    {}
    """
    if not cols or len(below) != len(top):
        return {}
    name = fold(below[cols["name"]].text.strip())
    if name and name != fold(top[cols["name"]].text.strip()):
        return {}
    own = [b for t, b in zip(top, below, strict=True) if b.text.strip() and fold(b.text) != fold(t.text)]
    if not any(_is_column_name(cell.text) for cell in own):
        return {}
    merged = tuple(b if b.text.strip() and fold(b.text) != fold(t.text) else t
                   for t, b in zip(top, below, strict=True))
    return classify_header(merged) or {}


def _header_text(text: str) -> str:
    """A header cell's text as column names are compared: folded, marks made spaces."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())


def _is_column_name(text: str) -> bool:
    """``text`` reads as one of :data:`COLUMNS`' names."""
    t = _header_text(text)
    return bool(t) and any(fuzz.ratio(t, v) >= 80 for vs in COLUMNS.values() for v in vs)


def _clean_name(text: str) -> tuple[int, int]:
    """Offsets of the name inside a name cell ("Đồng chí Nguyễn Văn A" -> "Nguyễn Văn A")."""
    s, e = trim_span(text, 0, len(text), " \t\n,;:.")
    m = HONORIFIC.match(text, s)
    if m:
        s = m.end()
    # a second line in the cell is usually the position
    nl = text.find("\n", s)
    if 0 <= nl < e:
        e = nl
    return trim_span(text, s, e, " \t\n,;:.")


def _name_part(text: str, s: int, e: int) -> tuple[int, int]:
    """"Lý Tà Sài Chủ tịch Hội Nông dân huyện" -> the name only (before the first title)."""
    m = HEAD.search(fold(text), s, e)
    if m and len(text[s:m.start()].split()) >= 2:
        return trim_span(text, s, m.start(), " \t\n,;:.-–")
    return s, e


def _position_part(text: str, name_end: int) -> tuple[int, int]:
    return trim_span(text, name_end, len(text), " \t\n,;:.-–")


# "1. …", "2) …": a number opening an item of a list written on one line
_NUMBER = re.compile(r"(?:^|(?<=\s))(\d{1,2})[.)]\s")


def _numbered(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``text[s:e]`` cut before each item of a numbered list run together on one line
    ("1. A 2. B": a cell's lines as the reader joins them), when it opens with item 1 and
    the numbers follow on in order; else the one span.

    >>> t = "1. Xây chợ 2. Số hóa 12 hồ sơ 3. Trồng rừng"
    >>> [t[a:b] for a, b in _numbered(t, 0, len(t))]
    ['1. Xây chợ ', '2. Số hóa 12 hồ sơ ', '3. Trồng rừng']
    >>> t = "Xây 2. chợ"
    >>> [t[a:b] for a, b in _numbered(t, 0, len(t))]
    ['Xây 2. chợ']
    """
    starts: list[int] = []
    for m in _NUMBER.finditer(text, s, e):
        if int(m.group(1)) == len(starts) + 1 and (starts or m.start() == s):
            starts.append(m.start())
    if len(starts) < 2:
        return [(s, e)]
    return [(a, b) for a, b in zip(starts, starts[1:] + [e], strict=True)]


def _split_cell(cell: Cell) -> list[tuple[int, int]]:
    """Task cell -> task offsets (within cell text): one per line, ';' item or numbered
    item, numbering trimmed."""
    text = cell.text
    parts: list[tuple[int, int]] = []
    pos = 0
    # a ";" OCR read alone between words ("lần ; đầu", a speck where the cell's line wraps)
    # separates nothing: in a scanned cell only one typed after a word does
    scanned = bool(getattr(cell, "words", ()))
    for m in re.finditer(r"\n|(?<=\S);(?=\s)|(?<=\S);$" if scanned else r"\n|;(?=\s)|;$", text):
        parts.extend(_numbered(text, *trim_span(text, pos, m.start(), " \t")))
        pos = m.end()
    parts.extend(_numbered(text, *trim_span(text, pos, len(text), " \t")))
    folded = fold(text)
    out = []
    for s, e in parts:
        s, e = trim_span(text, s, e, " \t\n,;:.")
        lm = LIST_START.match(folded, s, e)
        if lm and lm.end() < e:
            s = lm.end()
        s, e = trim_span(text, s, e, " \t\n,;:.")
        if e > s:
            out.append((s, e))
    return out


# Words that open a group's heading in the name column ("LÃNH ĐẠO UBND HUYỆN", "Khối Đảng",
# "CÁC PHÒNG, BAN"), never a person's name.
_SECTION_START = {"Khối", "Các", "Lãnh", "Cấp", "Nhóm", "Tổ", "Ban", "Phòng", "Đơn", "Cơ", "Thường"}


def _section_row(row: tuple[Cell, ...], cols: dict[str, int], name: str) -> bool:
    """A row that heads a group of people ("I. LÃNH ĐẠO UBND HUYỆN", its cell merged across
    the row) rather than naming one: its name cell reads as its task cell does (one cell
    spanning both), or opens with a word no name opens with.

    >>> from extractor.records import Cell, Span
    >>> def row(*ts): return tuple(Cell(t, 0, i, Span(1, 0, 0)) for i, t in enumerate(ts))
    >>> cols = {"name": 1, "task": 2}
    >>> _section_row(row("I", "LÃNH ĐẠO UBND HUYỆN", "LÃNH ĐẠO UBND HUYỆN"), cols, "LÃNH ĐẠO UBND HUYỆN")
    True
    >>> _section_row(row("II", "Khối Đảng", ""), cols, "Khối Đảng")
    True
    >>> _section_row(row("1", "Đoàn Văn Hùng", "Xây chợ"), cols, "Đoàn Văn Hùng")
    False
    """
    task = row[cols["task"]].text.strip() if cols["task"] < len(row) else ""
    if name and task and fold(" ".join(task.split())) == fold(" ".join(row[cols["name"]].text.split())):
        return True
    first = name.split()[0].title() if name.split() else ""
    return first in _SECTION_START or bool(name) and name.isupper() and first in NOT_NAME_START - FAMILY_TOO


def _caption_period(doc: Document, table: Table) -> Period | None:
    page = next((p for p in doc.pages if p.number == table.page), None)
    if page is None:
        return None
    start = max(0, table.span.start - 400)
    found = [p for p in find_periods(page.text[start:table.span.start])]
    if not found:
        return None
    p = found[-1]
    return Period(page.text[start + p.start:start + p.end], p.first, p.last,
                  Span(page.number, start + p.start, start + p.end))


def link_tables(doc: Document, *, province: PlaceContext | str | None = None,
                tables: list[Table] | None = None, unit_for: UnitFor | None = None) -> list[Assignment]:
    """Assignments from every table (default ``doc.tables``) whose header names people and tasks."""
    from .context import unit_for as default_unit_for

    _unit_for: UnitFor = unit_for or default_unit_for
    out: list[Assignment] = []
    groups: list[_Group] = []
    last: _Last | None = None
    for table in doc.tables if tables is None else tables:
        header_at: int | None = None
        cols: dict[str, int] = {}
        inferred = False
        for ri, row in enumerate(table.rows[:4]):
            cols = classify_header(row)
            if not cols:
                cols, inferred = infer_header(table.rows, ri), True
            if cols:
                header_at = ri
                break
        if header_at is not None and header_at + 1 < len(table.rows):
            sub = _second_header(table.rows[header_at], table.rows[header_at + 1], cols)
            if sub:
                header_at, cols = header_at + 1, sub
        width = len(table.rows[0]) if table.rows else 0
        # a table continued on the next page, with or without its header repeated, goes on
        # with the columns and the person of the page before (a name cell spanning the break)
        continues = last is not None and width == last.width and table.page in (last.page, last.page + 1)
        if continues and inferred:
            # the page before named the columns; a guess from a few rows of this page (the
            # rest of a header the break cut, "thực hiện" under "Thời gian", and data rows)
            # is not a header of its own, and every row of this page is data
            header_at = None
        if header_at is None:
            if not continues or last is None:
                continue
            header_at, cols = -1, last.cols
        elif continues and last is not None and cols != last.cols:
            continues = False
        caption = (_caption_period(doc, table) if header_at >= 0 else None) or \
            (last.caption if continues and last is not None else None)
        current = last.current if continues and last is not None else None
        first = True
        for row in table.rows[header_at + 1:]:
            if max(cols.values()) >= len(row):
                continue
            name_cell = row[cols["name"]]
            if _is_column_name(name_cell.text) or classify_header(row):
                continue  # the header again: repeated on a new page, or split over two grid rows
            if first and current is not None and current.rows and _cut_row(row, cols, current.name,
                                                                            current.rows[-1]):
                current.cuts[len(current.rows) - 1] = row  # the rest of the row the page break cut
                first = False
                continue
            first = False
            # the name alone, also where its cell goes on with the title the next column
            # repeats ("Nguyễn Văn A Chủ tịch UBND xã": a cell's lines joined)
            ns, ne = _name_part(name_cell.text, *_clean_name(name_cell.text))
            name = name_cell.text[ns:ne]
            if _section_row(row, cols, name):
                current = None  # "II. CÁC PHÒNG, BAN CHUYÊN MÔN": the rows after it are no one's before
                continue
            if not name or not name[:1].isupper() or len(name.split()) < 2:
                if current is None:
                    continue  # a sub-heading row ("I. Khối Đảng")
            elif current is None or fold(name) != fold(current.name):
                current = _Group(name, name_cell, ns, ne, cols, caption)
                groups.append(current)
            current.rows.append(row)
        last = _Last(width, table.page, cols, current, caption)
    for g in groups:
        a = _group_to_assignment(g, g.cols, g.caption, province, _unit_for)
        if a is not None:
            out.append(a)
    return out


def _cut_row(row: tuple[Cell, ...], cols: dict[str, int], name: str, before: tuple[Cell, ...]) -> bool:
    """The first row of a table going on from the page before is the rest of that page's
    last row, which the page break cut in two (Word lets a row break across pages): every
    cell of it empty or going on, none starting a record. Going on: a task or a title in
    lower case ("chế biến thanh long …", "huyện Bảo Thắng"), the last words of a name ("Đạt"
    after "Vũ Đức"); the numbering column and the period empty. Where the table has a period
    column, a cell may go on in capitals ("… hành lang an toàn giao thông" / "Quốc lộ 2",
    "Chủ tịch" / "UBND xã Kim Bình"): a row of its own has its period."""
    texts = {k: c.text.strip() for k, c in enumerate(row)}
    if not any(texts.values()):
        return False
    roles: dict[int, set[str]] = {}
    for r, k in cols.items():
        roles.setdefault(k, set()).add(r)
    for k, text in texts.items():
        if not text:
            continue
        role = roles.get(k, set())
        words = text.split()
        # with a period column (empty in this row: below) a cell may go on in capitals
        # ("Quốc lộ 2", "UBND xã Kim Bình"); without one only in lower case
        goes_on = "period" in cols or text[:1].islower()
        ends_name = len(words) <= 2 and len(name.split()) + len(words) <= 5 and all(w[:1].isupper() for w in words)
        if role & {"task", "position", "unit"} or "name" in role:
            # a column of names and titles ("Họ tên, chức vụ") goes on with either
            if not (role & {"task", "position", "unit"} and goes_on or "name" in role and ends_name):
                return False
        elif role or k >= len(before) or text != before[k].text.strip():
            # a period, a number: a row of its own. The number of the row it cut, filled in
            # by the reader from the rows around it, is not
            return False
    return True


def _rest(text: str, cut: Cell) -> tuple[str, Span]:
    """``text`` with the rest of it from the cut row's ``cut`` cell: the two joined by a
    space, and where the rest is (on the next page)."""
    s, e = trim_span(cut.text, 0, len(cut.text), " \t\n")
    rest = Span(cut.span.page, cut.span.start + s, cut.span.start + e)
    return f"{text} {cut.text[s:e]}", rest


def _group_to_assignment(g: _Group, cols: dict[str, int], caption: Period | None,
                         province: PlaceContext | str | None, unit_for: UnitFor) -> Assignment | None:
    cell = g.cell
    page = cell.span.page
    name_span = Span(page, cell.span.start + g.ns, cell.span.start + g.ne)
    cadre = Field(g.name, name_span, 0.95, "table:name")
    first = g.rows[0]
    cut = g.cuts.get(0)
    shared = cols.get("position") == cols["name"]  # "Họ tên, chức vụ": names and titles in one column
    cut_title: Cell | None = None  # the title of a shared column, all of it on the next page
    if cut is not None and cut[cols["name"]].text.strip():  # "Vũ Đức" / "Đạt": the name goes on
        nc = cut[cols["name"]]
        if shared and (g.cell.text[g.ne:].strip(" \t\n,;:.-–") or HEAD.match(fold(nc.text.strip()))):
            cut_title = nc  # "Đ/c Hoàng Lan Hạnh" / "Trưởng Công an huyện": the title goes on or begins
        else:
            text, rest = _rest(g.name, nc)
            cadre = Field(text, replace(name_span, continued=rest), 0.9, "table:name")
    position = unit = None
    if "position" in cols:
        pc = first[cols["position"]]
        s, e = trim_span(pc.text, 0, len(pc.text), " \t\n,;:.")
        if cols["position"] == cols["name"]:
            s, e = _position_part(pc.text, g.ne)
        if e > s:
            pspan = Span(page, pc.span.start + s, pc.span.start + e)
            position = Field(pc.text[s:e], pspan, 0.9, "table:position")
            goes_on = cut_title or (cut[cols["position"]] if cut is not None and not shared else None)
            if goes_on is not None and goes_on.text.strip():
                text, rest = _rest(position.text, goes_on)
                position = Field(text, replace(pspan, continued=rest), 0.85, "table:position")
        elif cut_title is not None:
            s, e = trim_span(cut_title.text, 0, len(cut_title.text), " \t\n,;:.")
            position = Field(cut_title.text[s:e], Span(cut_title.span.page, cut_title.span.start + s,
                                                       cut_title.span.start + e), 0.85, "table:position")
    if "unit" in cols:
        uc = first[cols["unit"]]
        s, e = trim_span(uc.text, 0, len(uc.text), " \t\n,;:.")
        if e > s:
            unit = Field(uc.text[s:e], Span(page, uc.span.start + s, uc.span.start + e), 0.9, "table:unit")
    if unit is None and position is not None:
        u = unit_for(position.text, province, {})
        if u:
            unit = Field(u, position.span, 0.7, "titles:body+province")
    tasks: list[Task] = []
    seen: set[tuple[int, int]] = set()
    for i, row in enumerate(g.rows):
        tc = row[cols["task"]]
        key = (tc.span.start, tc.span.end)
        if key in seen or tc.merged_from is not None and tasks:
            continue
        seen.add(key)
        rest_of = g.cuts.get(i)
        tperiod = None
        if "period" in cols:
            pc = row[cols["period"]]
            pm = parse_period(pc.text)
            if pm:
                tperiod = Period(pc.text[pm.start:pm.end] if pm.kind != "bare_year" else pc.text.strip(),
                                 pm.first, pm.last, Span(page, pc.span.start + pm.start, pc.span.start + pm.end))
        for s, e in _split_cell(tc):
            tasks.append(Task(tc.text[s:e], Span(tc.span.page, tc.span.start + s, tc.span.start + e),
                              tperiod, 0.9, "table:task"))
        if rest_of is not None and tasks and rest_of[cols["task"]].text.strip():
            # the task the page break cut: the rest of it at the top of the next page
            last = tasks[-1]
            assert last.span is not None  # made with one above
            text, rest = _rest(last.text, rest_of[cols["task"]])
            tasks[-1] = replace(last, text=text, span=replace(last.span, continued=rest))
    if not tasks:
        return None
    period = caption  # else the document's period (the pipeline's fallback)
    assert cadre.span is not None  # made with one above
    span_start = cadre.span.start
    span_end = max([t.span.end for t in tasks if t.span is not None and t.span.page == page] or [cadre.span.end])
    return Assignment(cadre=cadre, tasks=tuple(tasks), position=position, unit=unit, period=period,
                      span=Span(page, span_start, span_end), confidence=0.85)
