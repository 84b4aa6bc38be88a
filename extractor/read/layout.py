"""Lay blocks and tables into one page text, so every Block, Table and Cell gets a
Span into ``Page.text`` (the stage after reading points back here for reviewers).

Each block is normalised on its own, then appended; blocks are separated by "\\n",
table cells by "\\t" and table rows by "\\n". Because the page text is built from the
normalised pieces, ``page.text[span.start:span.end] == piece.text`` holds by construction.

    >>> b = PageBuilder(1)
    >>> _ = b.add_block("paragraph", "Ủy ban   nhân dân")
    >>> b.page().text
    'Ủy ban nhân dân'
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TypedDict, Unpack

from ..normalize import fix_ocr_words, fixes_from_counts, normalize_counts
from ..records import Block, BlockKind, Cell, Fix, Page, Span, Table

__all__ = ["PageBuilder", "RawCell", "GridCell", "Grid", "grid_from_cells", "LIST_LABEL_RE", "split_label",
           "group_lines", "join_lines"]

# A resolved grid position: (text, rowspan, colspan, merged_from), where merged_from is the
# (row, col) of the merged cell whose text this position repeats, None for the owner.
GridCell = tuple[str, int, int, tuple[int, int] | None]
Grid = list[list[GridCell]]


class PageInfo(TypedDict, total=False):
    """What a reader knows of a page besides its text (the optional fields of :class:`Page`)."""

    ocr: bool
    confidence: float | None
    quality: float | None
    needs_review: bool
    width: int | None
    height: int | None
    word_confidences: tuple[tuple[int, int, float], ...]

# A list label written in the text: "1.", "1)", "a)", "-", "+", "•", "II.", "Điều 3."
LIST_LABEL_RE = re.compile(
    r"^(?:(?:\d{1,3}(?:\.\d{1,3})*[.)])|(?:[a-zđ][.)])|(?:[IVXLC]{1,6}[.)])|[-–+•*●○▪■□◦\ue000-\uf8ff])(?=\s)"
)


def _is_caps_heading(text: str) -> bool:
    """A short line in capitals ("QUYẾT ĐỊNH", "PHỤ LỤC", "HUYỆN ỦY CHIÊM HÓA") is a heading."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and len(text.split()) <= 14 and all(ch.isupper() for ch in letters)


def split_label(text: str) -> str | None:
    """The list label at the start of ``text`` or None: ``split_label("2. Thực hiện")`` -> "2."."""
    m = LIST_LABEL_RE.match(text)
    return m.group(0) if m else None


@dataclass
class RawCell:
    """A cell as a reader found it, before merges are resolved (grid position, spans)."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


def grid_from_cells(cells: list[RawCell]) -> Grid:
    """Resolve merged cells into a full grid.

    Returns rows of ``(text, rowspan, colspan, merged_from)``; a position covered by a
    merged cell repeats its text with ``merged_from`` = the (row, col) of the owner.

        >>> g = grid_from_cells([RawCell("A", 0, 0, rowspan=2), RawCell("x", 0, 1), RawCell("y", 1, 1)])
        >>> [[c[0] for c in r] for r in g], g[1][0][3]
        ([['A', 'x'], ['A', 'y']], (0, 0))
    """
    if not cells:
        return []
    nrows = max(c.row + c.rowspan for c in cells)
    ncols = max(c.col + c.colspan for c in cells)
    grid: list[list[GridCell | None]] = [[None] * ncols for _ in range(nrows)]
    for c in sorted(cells, key=lambda c: (c.row, c.col)):
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                if grid[r][k] is not None:
                    continue
                owner = (r, k) == (c.row, c.col)
                grid[r][k] = (c.text, c.rowspan if owner else 1, c.colspan if owner else 1,
                              None if owner else (c.row, c.col))
    return [[cell if cell is not None else ("", 1, 1, None) for cell in row] for row in grid]


def _one_line(s: str, counts: dict[str, int], ocr: bool = False) -> str:
    """Normalise a block or cell to one line, counting the fixes made by kind; text OCR
    read also has the words it misreads again and again read back (``fix_ocr_words``)."""
    text, made = normalize_counts(s)
    if ocr:
        text, made["ocr_word"] = fix_ocr_words(text)
    for kind, n in made.items():
        if kind != "whitespace" and n:
            counts[kind] = counts.get(kind, 0) + n
    return " ".join(text.split())


@dataclass
class PageBuilder:
    """Accumulates the normalised text of one page with the spans of what is in it."""

    number: int
    parts: list[str] = field(default_factory=list)
    raw_parts: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    length: int = 0
    fix_counts: dict[str, int] = field(default_factory=dict)  # normalisation fixes by kind
    ocr: bool = False  # the text was read by OCR (its misread words are read back)

    def _append(self, text: str, raw: str) -> int:
        if self.parts:
            self.parts.append("\n")
            self.raw_parts.append("\n")
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.raw_parts.append(raw)
        self.length += len(text)
        return start

    def add_block(self, kind: BlockKind, raw_text: str, *, label: str | None = None, level: int = 0,
                  detect_label: bool = True) -> Block | None:
        """Append a heading/paragraph/list item. ``label`` (DOCX automatic numbering, not in
        the text) is written before the text; otherwise a label written in the text is found."""
        text = _one_line(raw_text, self.fix_counts, self.ocr)
        if not text and not label:
            return None
        raw = raw_text
        if label:
            label = _one_line(label, self.fix_counts, self.ocr)
            text = f"{label} {text}".strip()
            raw = f"{label} {raw_text}"
        elif detect_label:
            label = split_label(text)
        if label and kind == "paragraph":
            kind = "list_item"
        elif kind == "paragraph" and detect_label and _is_caps_heading(text):
            kind, level = "heading", 1
        start = self._append(text, raw)
        block = Block(kind=kind, text=text, span=Span(self.number, start, start + len(text)),
                      level=level, label=label)
        self.blocks.append(block)
        return block

    def add_table(self, rows: Grid, table_index: int) -> Table | None:
        """Append a resolved grid (see :func:`grid_from_cells`): cells joined by tab, rows by newline."""
        rows = [r for r in rows if r]
        if not rows:
            return None
        if self.parts:
            self.parts.append("\n")
            self.raw_parts.append("\n")
            self.length += 1
        table_start = self.length
        out_rows: list[tuple[Cell, ...]] = []
        raw_rows: list[str] = []
        for r, row in enumerate(rows):
            cells: list[Cell] = []
            raw_cells: list[str] = []
            for k, (raw_text, rowspan, colspan, merged_from) in enumerate(row):
                if k:
                    self.parts.append("\t")
                    self.length += 1
                text = _one_line(raw_text, self.fix_counts, self.ocr)
                start = self.length
                self.parts.append(text)
                self.length += len(text)
                raw_cells.append(raw_text.replace("\t", " ").replace("\n", " "))
                cells.append(Cell(text=text, row=r, col=k, span=Span(self.number, start, start + len(text)),
                                  rowspan=rowspan, colspan=colspan, merged_from=merged_from))
            if r < len(rows) - 1:
                self.parts.append("\n")
                self.length += 1
            out_rows.append(tuple(cells))
            raw_rows.append("\t".join(raw_cells))
        self.raw_parts.append("\n".join(raw_rows))
        span = Span(self.number, table_start, self.length)
        table = Table(page=self.number, rows=tuple(out_rows), span=span)
        self.tables.append(table)
        self.blocks.append(Block(kind="table", text="".join(self.parts)[table_start:self.length],
                                 span=span, table=table_index))
        return table

    @property
    def text(self) -> str:
        """The page text built so far."""
        return "".join(self.parts)

    def page(self, **kwargs: Unpack[PageInfo]) -> Page:
        """The finished :class:`Page`; ``original`` is kept only when normalising changed it."""
        text = self.text
        raw = "".join(self.raw_parts)
        original = raw if raw != text else None
        return Page(number=self.number, text=text, original=original, **kwargs)


def page_fixes(builders: Sequence[PageBuilder], extra: Sequence[Fix] = ()) -> tuple[Fix, ...]:
    """The document's fixes: ``extra`` (encoding, orientation...) then normalisation fixes
    summed over its pages, each kind once."""
    counts: dict[str, int] = {}
    for b in builders:
        for kind, n in b.fix_counts.items():
            counts[kind] = counts.get(kind, 0) + n
    seen = list({(f.kind, f.detail): f for f in extra}.values())
    return tuple(seen + fixes_from_counts(counts))


@dataclass
class Line:
    """A line of text with its box (PDF points or image pixels), for paragraph grouping."""

    text: str
    x0: float
    top: float
    bottom: float
    x1: float = 0.0
    hard_break: bool = False  # the source says a new paragraph starts here (OCR paragraph)
    style: str = ""  # "b", "i", "bi" from the font name: a change of style ends a paragraph


def lines_to_paragraphs(lines: list[Line]) -> list[str]:
    """Join wrapped lines into paragraphs.

    A new paragraph starts at a list label ("1.", "-", "a)"), after a vertical gap clearly
    larger than the usual line spacing, at an indented first line after a line that ended
    a sentence, or where the source marks one. A line-end hyphen is kept with a newline so
    that normalisation can de-hyphenate.

        >>> lines_to_paragraphs([Line("Giao cho đồng chí", 50, 0, 10), Line("Nguyễn Văn A.", 50, 12, 22),
        ...                      Line("1. Thực hiện", 50, 24, 34)])
        ['Giao cho đồng chí Nguyễn Văn A.', '1. Thực hiện']
    """
    return [join_lines(group) for group in group_lines(lines)]


def join_lines(group: list[Line]) -> str:
    """A paragraph's lines, each after the separator that joins it to the one before: a
    line-end hyphen keeps its newline, for normalisation to de-hyphenate."""
    out = [group[0].text.strip()]
    for ln in group[1:]:
        out.append(("\n" if out[-1].endswith("-") else " ") + ln.text.strip())
    return "".join(out)


_ENDS = re.compile(r"[.:;!?]\s*$")
# a line that is a capitalised label of a few words and its colon alone ("Nội dung đăng ký:")
# heads what follows. Not a line that goes on after its colon: "… xã Hòa" / "Phú: hoàn thành
# …" is a sentence wrapped after a place name.
_LABEL = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,6}:\s*$")


def _label(line: str) -> bool:
    """The line is a capitalised label and its colon, nothing after."""
    return line[:1].isupper() and _LABEL.match(line) is not None


def _goes_on(before: str, line: str) -> bool:
    """A line that begins in lower case after one that ended no clause: the same sentence
    (a line of a Vietnamese document starts with a capital, a number or a mark)."""
    return line[:1].islower() and not _ENDS.search(before)


def _full(line: Line, left: float, right: float) -> bool:
    """The line runs to the text's right margin (within 15 % of the width): a paragraph
    that goes on wraps there, a heading or a caption stops short."""
    return right > left and line.x1 >= right - 0.15 * (right - left)


def group_lines(lines: list[Line]) -> list[list[Line]]:
    """The lines of each paragraph, in order (see :func:`lines_to_paragraphs`); lines with
    no text are left out. An OCR reader keeps its words per line and so per paragraph.

        >>> [len(g) for g in group_lines([Line("Giao cho", 50, 0, 10), Line("A.", 50, 12, 22),
        ...                               Line("1. B", 50, 24, 34)])]
        [2, 1]
    """
    lines = [ln for ln in lines if ln.text.strip()]
    if not lines:
        return []
    gaps = sorted(b.top - a.bottom for a, b in pairwise(lines) if b.top >= a.bottom - 2)
    heights = sorted(ln.bottom - ln.top for ln in lines)
    height = heights[len(heights) // 2] or 1.0
    usual_gap = gaps[len(gaps) // 2] if gaps else 0.0
    left = sorted(ln.x0 for ln in lines)[len(lines) // 10]  # the text's left margin
    rights = sorted(ln.x1 for ln in lines)
    right = rights[min(len(rights) - 1, (len(rights) * 9) // 10)]  # and its right margin
    paragraphs: list[list[Line]] = []
    prev: Line | None = None
    for ln in lines:
        text = ln.text.strip()
        new = prev is None or split_label(text) is not None
        if prev is not None and not new:
            gap = ln.top - prev.bottom
            if gap > usual_gap + 0.6 * height or gap < -height:  # a blank line, or a new column
                new = True
            elif ln.style != prev.style:
                new = True  # bold title, italic date, regular text: each its own paragraph
            elif _label(text):
                new = True  # "Nội dung đăng ký:": a field of its own
            elif _goes_on(prev.text, text) or (_full(prev, left, right) and not _ENDS.search(prev.text)):
                # a sentence going on in lower case, or after a line that ran to the margin
                # without ending a clause, is wrapped, whatever the OCR engine's paragraphs
                # or a box made taller by a speck say ("… do đồng chí Lâm" / "Thị Phương
                # Thanh, …" / "đã làm việc …" came out three paragraphs)
                new = False
            elif ln.hard_break:
                new = True  # the source says a new paragraph starts here
            elif ln.x0 > left + 1.2 * height and _ENDS.search(prev.text):
                new = True
            elif abs((ln.bottom - ln.top) - (prev.bottom - prev.top)) > 0.2 * height:
                new = True  # another font size: a heading and its text
            elif prev.x1 and right > left and prev.x1 < right - 0.2 * (right - left):
                new = True  # the line before stopped well short of the margin: it ended a paragraph
        if new:
            paragraphs.append([ln])
        else:
            paragraphs[-1].append(ln)
        prev = ln
    return paragraphs
