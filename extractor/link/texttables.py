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

    def flush():
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
