"""Tables without ruling lines: columns apart by white space (issue 12).

Some offices type the appendix as a table with its borders hidden. Tesseract then
reads it across the columns, as it read ruled tables before. Here such a table is
found from the white space alone, on a deskewed page, and given as a
:class:`~extractor.read.grid.GridTable` like a ruled one, so its cells are read one by
one (``cells.py``):

- the text lines of the page are found from the row profile of its ink; a run of
  lines is a table when the ink of all of them leaves two or more white gutters
  (at least ~4 mm wide) from top to bottom: three columns or more. Prose lines run
  across the page and end the run; a letterhead or a signature block has two columns;
- within each column, lines closer than a line's height belong to one cell, so a
  column's cells are its groups of lines; the rows are the cells of the column with
  the most of them (a cadre's task column), split halfway between them;
- a cell of another column spans the rows nearest to it (the name written once,
  centred, over a cadre's task rows).

    >>> import numpy as np
    >>> page = np.full((1100, 850), 255, np.uint8)
    >>> def text(y, x0, x1):   # a line of "text": strokes 2 px wide every 5 px
    ...     for x in range(x0, x1, 5): page[y:y + 20, x:x + 2] = 0
    >>> for y in (100, 160, 220, 280, 340, 400):
    ...     for x in (60, 260, 460): text(y, x, x + 150)
    >>> [(t.nrows, t.ncols) for t in find_borderless(page)]
    [(6, 3)]
    >>> text(460, 60, 610)   # a line of prose under it ends the table
    >>> [(t.nrows, t.ncols, t.y1 < 470) for t in find_borderless(page)]
    [(6, 3, True)]
    >>> find_borderless(np.full((900, 700), 255, np.uint8))
    []
"""
from __future__ import annotations

import numpy as np

from .grid import GridTable, _ink, _shrink, page_dpi

__all__ = ["find_borderless"]


def _runs(on: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of the runs of True in a 1-D array."""
    d = np.diff(np.concatenate([[0], on.astype(np.int8), [0]]))
    # padded with False at both ends, every run that starts also ends
    return list(zip(np.flatnonzero(d == 1).tolist(), np.flatnonzero(d == -1).tolist(), strict=True))


def _close(runs: list[tuple[int, int]], gap: float) -> list[tuple[int, int]]:
    """Runs closer than ``gap`` joined."""
    out: list[tuple[int, int]] = []
    for a, b in runs:
        if out and a - out[-1][1] < gap:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _gutters(prof: np.ndarray, x0: int, x1: int, width: float) -> list[tuple[int, int]]:
    """White runs of the column profile between x0 and x1 at least ``width`` wide."""
    inner = prof[x0:x1] == 0
    return [(x0 + a, x0 + b) for a, b in _runs(inner) if b - a >= width]


def find_borderless(gray: np.ndarray, *, min_cols: int = 3, min_rows: int = 3,
                    min_lines: int = 6) -> list[GridTable]:
    """Tables without rules on a deskewed grayscale page, top to bottom; see the module
    docstring. Meant for pages where :func:`~extractor.read.grid.find_tables` found none."""
    import cv2

    # looked for at ~100 dpi (a third of the time at 200 dpi), the grid scaled back
    factor = max(1, int(page_dpi(gray) // 100))
    small = _shrink(gray, factor)
    dpi = page_dpi(small)
    ink = _ink(small, dpi, 30)  # text only: faint specks and bleed-through stay paper
    if dpi >= 150:
        ink = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    on = ink > 0
    rows = on.sum(axis=1) >= 2
    # text lines: runs of inked rows, accents joined to their letters
    lines = [(a, b) for a, b in _close(_runs(rows), dpi * 0.025) if b - a >= dpi * 0.05]
    if len(lines) < min_lines:
        return []
    cols_of = [on[a:b].any(axis=0) for a, b in lines]
    gutter = dpi * 0.15
    tables: list[GridTable] = []
    i = 0
    while i < len(lines):
        # the longest run of lines from i whose ink leaves min_cols - 1 gutters
        prof = np.asarray(cols_of[i], dtype=np.int32)
        j = i + 1
        best = None
        while j <= len(lines):
            xs = np.flatnonzero(prof)
            if xs.size == 0:
                break
            gut = _gutters(prof, int(xs[0]), int(xs[-1]) + 1, gutter)
            if len(gut) < min_cols - 1:
                break
            best = (j, gut, int(xs[0]), int(xs[-1]) + 1)
            if j == len(lines):
                break
            prof = prof + cols_of[j]
            j += 1
        if best is None or best[0] - i < min_lines:
            i += 1
            continue
        end, gut, left, right = best
        table = _grid(on, lines[i:end], gut, left, right, dpi, min_rows)
        if table is not None:
            tables.append(_scaled(table, factor, gray.shape))
        i = end
    return tables


def _scaled(t: GridTable, factor: int, shape: tuple[int, ...]) -> GridTable:
    """``t`` found on the reduced page, on the page itself."""
    ys = [min(shape[0] - 1, y * factor) for y in t.rows]
    xs = [min(shape[1] - 1, x * factor) for x in t.cols]
    return GridTable(xs[0], ys[0], xs[-1], ys[-1], ys, xs, dict(t.owner))


def _grid(on: np.ndarray, lines: list[tuple[int, int]], gut: list[tuple[int, int]], left: int, right: int,
          dpi: float, min_rows: int) -> GridTable | None:
    """The grid of a table found between ``lines[0]`` and ``lines[-1]`` with column
    gutters ``gut``: rows from the column with the most cells, merges by nearness."""
    top, bottom = lines[0][0], lines[-1][1]
    xs = [left] + [(a + b) // 2 for a, b in gut] + [right]
    ncols = len(xs) - 1
    per_col = []
    for c in range(ncols):
        band = on[top:bottom, xs[c]:xs[c + 1]].sum(axis=1) > 0
        per_col.append([(top + a, top + b) for a, b in _close(_runs(band), dpi * 0.025) if b - a >= dpi * 0.03])
    # Lines of one cell are closer than the cells of a column: the white between a
    # cell's lines (a line's height less its letters) is under ~0.1 in, between rows
    # the cells' padding is added. The split is the first clear jump between the gaps
    # measured, from the smallest; else 0.85 of a line's height.
    heights = [b - a for col in per_col for a, b in col]
    if not heights:
        return None
    split = 0.85 * float(np.median(heights))
    gaps = sorted(col[k + 1][0] - col[k][1] for col in per_col for k in range(len(col) - 1))
    for k in range(len(gaps) - 1):  # (the gaps between a cadre's name cells, over
        # several task rows, are wider still: a later jump, not the split)
        if gaps[k + 1] >= 1.5 * max(gaps[k], 1) and gaps[k + 1] - gaps[k] >= dpi * 0.04:
            split = (gaps[k] + gaps[k + 1]) / 2
            break
    cells = [_close(col, split) for col in per_col]  # per column: (top, bottom) of each cell
    finest = max(range(ncols), key=lambda c: len(cells[c]))
    blocks = cells[finest]
    if len(blocks) < min_rows:
        return None
    pad = max(2, int(dpi * 0.03))
    every = [ln for col in per_col for ln in col]

    def between(a: int, b: int) -> int:
        # the row between two of the finest column's cells that cuts the fewest lines
        # of the other columns, nearest the middle (a header of four lines beside one
        # of one line was cut after its third)
        return min(range(a, b + 1), key=lambda y: (sum(l0 <= y < l1 for l0, l1 in every), abs(2 * y - a - b)))

    ys = [max(0, top - pad)] + [between(blocks[k][1], blocks[k + 1][0]) for k in range(len(blocks) - 1)] + \
        [min(on.shape[0] - 1, bottom + pad)]
    xs = [max(0, left - pad)] + xs[1:-1] + [min(on.shape[1] - 1, right + pad)]
    table = GridTable(xs[0], ys[0], xs[-1], ys[-1], ys, xs)
    nrows = len(ys) - 1
    centres = [(ys[r] + ys[r + 1]) / 2 for r in range(nrows)]
    for c in range(ncols):
        own = cells[c]
        if not own:
            continue
        # each row goes to the nearest cell of this column; a cell's rows are its span
        mid = [(a + b) / 2 for a, b in own]
        near = [min(range(len(own)), key=lambda k: (max(own[k][0] - y, y - own[k][1], 0), abs(mid[k] - y)))
                for y in centres]
        for r in range(1, nrows):
            if near[r] == near[r - 1]:
                table.owner[(r, c)] = table.owner.get((r - 1, c), (r - 1, c))
    # every grid cell names its owner, itself when not merged (as find_tables gives)
    table.owner = {(r, c): table.owner.get((r, c), (r, c)) for r in range(nrows) for c in range(ncols)}
    return table
