"""Assignments from appendix tables (phụ lục): Họ và tên | Chức vụ | Nội dung | Thời gian.

The header row is found by fuzzy column names (tables are typed by clerks: "Họ tên",
"HỌ VÀ TÊN", "Chức danh", "Nội dung việc đột phá", "Thời gian hoàn thành" ...). A name
cell merged over several task rows is repeated by the reader with ``merged_from`` set,
so consecutive rows with the same name are one cadre's tasks.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..recognize.names import HONORIFIC
from ..recognize.periods import find_periods, parse_period
from ..recognize.text import fold, trim_span
from ..recognize.titles import HEAD
from ..records import Assignment, Cell, Document, Field, Period, Span, Table, Task
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
    """
    roles: dict[str, tuple[float, int]] = {}
    for i, c in enumerate(cells):
        t = re.sub(r"[^\w\s]", " ", fold(c.text))
        t = " ".join(t.split())
        if not t or len(t) > 60:
            continue
        # a cell may name two roles ("Họ tên, chức vụ"): every role that scores high
        for role, vs in COLUMNS.items():
            score = max(max(fuzz.ratio(t, v), fuzz.partial_ratio(v, t) if len(v) >= 6 else 0) for v in vs)
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
    return dict(sorted(out.items(), key=lambda kv: kv[1])) if "name" in out and "task" in out else {}


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


def _split_cell(cell: Cell) -> list[tuple[int, int]]:
    """Task cell -> task offsets (within cell text): one per line or ';' item, numbering trimmed."""
    text = cell.text
    parts: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\n|;(?=\s)|;$", text):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(text)))
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
        for ri, row in enumerate(table.rows[:4]):
            cols = classify_header(row)
            if cols:
                header_at = ri
                break
        width = len(table.rows[0]) if table.rows else 0
        # a table continued on the next page, with or without its header repeated, goes on
        # with the columns and the person of the page before (a name cell spanning the break)
        continues = last is not None and width == last.width and table.page in (last.page, last.page + 1)
        if header_at is None:
            if not continues or last is None:
                continue
            header_at, cols = -1, last.cols
        elif continues and last is not None and cols != last.cols:
            continues = False
        caption = (_caption_period(doc, table) if header_at >= 0 else None) or \
            (last.caption if continues and last is not None else None)
        current = last.current if continues and last is not None else None
        for row in table.rows[header_at + 1:]:
            if max(cols.values()) >= len(row):
                continue
            name_cell = row[cols["name"]]
            ns, ne = _clean_name(name_cell.text)
            if cols.get("position") == cols["name"]:
                ns, ne = _name_part(name_cell.text, ns, ne)
            name = name_cell.text[ns:ne]
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


def _group_to_assignment(g: _Group, cols: dict[str, int], caption: Period | None,
                         province: PlaceContext | str | None, unit_for: UnitFor) -> Assignment | None:
    cell = g.cell
    page = cell.span.page
    cadre = Field(g.name, Span(page, cell.span.start + g.ns, cell.span.start + g.ne), 0.95, "table:name")
    first = g.rows[0]
    position = unit = None
    if "position" in cols:
        pc = first[cols["position"]]
        s, e = trim_span(pc.text, 0, len(pc.text), " \t\n,;:.")
        if cols["position"] == cols["name"]:
            s, e = _position_part(pc.text, g.ne)
        if e > s:
            position = Field(pc.text[s:e], Span(page, pc.span.start + s, pc.span.start + e), 0.9, "table:position")
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
    for row in g.rows:
        tc = row[cols["task"]]
        key = (tc.span.start, tc.span.end)
        if key in seen or tc.merged_from is not None and tasks:
            continue
        seen.add(key)
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
    if not tasks:
        return None
    period = caption  # else the document's period (the pipeline's fallback)
    assert cadre.span is not None  # made with one above
    span_start = cadre.span.start
    span_end = max([t.span.end for t in tasks if t.span is not None and t.span.page == page] or [cadre.span.end])
    return Assignment(cadre=cadre, tasks=tuple(tasks), position=position, unit=unit, period=period,
                      span=Span(page, span_start, span_end), confidence=0.85)
