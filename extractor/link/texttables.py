"""Tables typed as text: rows on lines, cells split by tabs (TXT, Markdown exports).

Readers of DOCX/HTML give :class:`~extractor.records.Table` records; plain text gives
none, so runs of lines with two or more tabs are laid out here as Tables with the
same cell spans, and the table linker reads both alike. A row whose name cell is
empty continues the cadre above it (a merged cell, typed flat).
"""
from __future__ import annotations

from ..records import Cell, Page, Span, Table
from .tables import classify_header


def find_text_tables(page: Page) -> list[Table]:
    """Tables in a page's text: consecutive lines with >= 2 tabs starting at a header row.

    >>> from extractor.records import Page
    >>> t = "PHỤ LỤC\\nSTT\\tHọ và tên\\tChức vụ\\tNội dung\\n1\\tLê Văn A\\tBí thư\\tViệc một"
    >>> [c.text for c in find_text_tables(Page(1, t))[0].rows[1]]
    ['1', 'Lê Văn A', 'Bí thư', 'Việc một']
    """
    text = page.text
    rows: list[list[Cell]] = []
    tables: list[Table] = []
    pos = 0

    def flush() -> None:
        if len(rows) >= 2 and classify_header(tuple(rows[0])):
            width = max(len(r) for r in rows)
            fixed = []
            for r in rows:
                pad = [Cell("", r[0].row, k, Span(page.number, r[-1].span.end, r[-1].span.end))
                       for k in range(len(r), width)]
                fixed.append(tuple(r + pad))
            tables.append(Table(page=page.number, rows=tuple(fixed),
                                span=Span(page.number, rows[0][0].span.start, rows[-1][-1].span.end)))
        rows.clear()

    for line in text.split("\n"):
        if line.count("\t") >= 2:
            cells, at = [], pos
            for k, part in enumerate(line.split("\t")):
                cells.append(Cell(part.strip(), len(rows), k,
                                  Span(page.number, at + (len(part) - len(part.lstrip())),
                                       at + len(part.rstrip()))))
                at += len(part) + 1
            if not rows and not classify_header(tuple(cells)):
                pass  # not a header: header layouts ("HUYỆN X\t\tCỘNG HÒA ...") are skipped
            else:
                rows.append(cells)
        else:
            flush()
        pos += len(line) + 1
    flush()
    return tables


_PIPE_SEP = None


def find_pipe_tables(page: Page) -> list[Table]:
    """Markdown pipe tables (``| Họ và tên | Chức vụ | ... |`` then ``|---|---|``), whether
    each row keeps its line or a reader ran the rows together into one paragraph.

    >>> from extractor.records import Page
    >>> t = "| Họ và tên | Chức vụ | Nhiệm vụ | |---|---|---| | Lê Văn A | Bí thư | Việc một | | | | Việc hai |"
    >>> [[c.text for c in r] for r in find_pipe_tables(Page(1, t))[0].rows][1:]
    [['Lê Văn A', 'Bí thư', 'Việc một'], ['', '', 'Việc hai']]
    """
    import re

    global _PIPE_SEP
    if _PIPE_SEP is None:
        _PIPE_SEP = re.compile(r"\|(?:\s*:?-{3,}:?\s*\|)+")
    text = page.text
    tables = []
    for sep in _PIPE_SEP.finditer(text):
        ncols = sep.group(0).count("|") - 1
        # header: the ncols cells right before the separator
        line_start = text.rfind("\n", 0, sep.start()) + 1
        bars = [m.start() for m in re.finditer(r"\|", text[line_start:sep.start()])]
        if len(bars) < ncols + 1:
            continue
        bars = [line_start + b for b in bars[-(ncols + 1):]]
        header = [_cell(text, page, bars[k] + 1, bars[k + 1], 0, k) for k in range(ncols)]
        if not classify_header(tuple(header)):
            continue
        rows = [tuple(header)]
        pos = sep.end()
        end_line = text.find("\n", pos)
        limit = len(text)
        while True:
            m = re.compile(r"\s*\|").match(text, pos, limit)
            if not m:
                break
            cells, at = [], m.end() - 1
            for k in range(ncols):
                nxt = text.find("|", at + 1, limit)
                if nxt < 0 or "\n" in text[at + 1:nxt] and "\n" in text[at + 1:nxt].strip("\n"):
                    break
                cells.append(_cell(text, page, at + 1, nxt, len(rows), k))
                at = nxt
            if len(cells) < ncols:
                break
            rows.append(tuple(cells))
            pos = at + 1
            if end_line >= 0 and "\n" in text[m.start():pos] and text[pos:pos + 1] == "\n":
                end_line = text.find("\n", pos + 1)
        if len(rows) >= 2:
            tables.append(Table(page=page.number, rows=tuple(rows),
                                span=Span(page.number, bars[0], pos)))
    return tables


def _cell(text: str, page: Page, s: int, e: int, row: int, col: int) -> Cell:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Cell(text[s:e], row, col, Span(page.number, s, e))
