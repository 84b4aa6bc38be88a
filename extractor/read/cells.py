"""Read the cells of a ruled table one by one, in a single Tesseract pass per page.

Tesseract's layout analysis reads a table across its columns: on a scanned appendix
(phụ lục) the words of the name, position and task cells of a row came back
interleaved, and ruling lines as letters (issue 12). Here each cell's inside — inset
from its rules, trimmed to its ink — is cut out and the cuts are stacked, one under
the other with white space between, into one strip read as a uniform block
(``--psm 6``: the automatic layout of ``--psm 3`` dropped lone short cells such as
"1" and "Năm 2025"), while the page, its tables painted white, is read as before. A
cell's lines stay together and no rule is left to misread. Each word is then moved back to
where it was on the page, so the grid assigns it to its cell (and its box is the
page's, for highlighting).

    >>> import numpy as np
    >>> from extractor.read.grid import GridTable
    >>> page = np.full((300, 400), 255, np.uint8); page[100:110, 60:90] = 0
    >>> t = GridTable(50, 50, 350, 250, [50, 150, 250], [50, 200, 350])
    >>> page2, strip, cuts = stack_cells(page, [t], dpi=200)
    >>> [(c.row, c.col) for c in cuts], int(page2[105, 70]), strip.shape[0] > 10
    ([(0, 0)], 255, True)
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Cut", "stack_cells", "words_to_page"]


@dataclass(frozen=True)
class Cut:
    """A cell's inside as cut from the page (``x``, ``y``, ``w``, ``h``) and where it was
    put in the stacked image (``sx``, ``sy``)."""

    table: int
    row: int
    col: int
    x: int
    y: int
    w: int
    h: int
    sx: int
    sy: int


def _ink_box(crop: np.ndarray) -> tuple[int, int, int, int] | None:
    """The box (x0, y0, x1, y1) of the ink in a cell's inside, or None when blank: a
    local threshold against the paper, and at least a few pixels in a row and a
    column (noise and JPEG specks are single pixels)."""
    import cv2

    if crop.size == 0:
        return None
    paper = float(np.percentile(crop, 90))
    ink = (crop < paper - 60).astype(np.uint8)
    ink = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    ys, xs = np.nonzero(ink)
    if len(xs) < 6:
        return None
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def stack_cells(gray: np.ndarray, tables, *, dpi: float) -> tuple[np.ndarray, np.ndarray | None, list[Cut]]:
    """The page with its tables painted white; the strip of every non-blank cell's
    inside, stacked (None when every cell is blank); and where each cell went."""
    inset = max(2, int(round(dpi * 0.02)))  # past the rule (and its blur)
    pad = max(4, int(round(dpi * 0.04)))  # white around each cut
    gap = max(12, int(round(dpi * 0.15)))  # between cuts: a line's height and more
    h, w = gray.shape
    page = gray.copy()
    cuts: list[Cut] = []
    pieces: list[np.ndarray] = []
    for k, t in enumerate(tables):
        seen = set()
        for r in range(t.nrows):
            for c in range(t.ncols):
                owner = t.owner.get((r, c), (r, c))
                if owner in seen:
                    continue
                seen.add(owner)
                # the merged cell's extent: every grid cell it owns
                cells = [rc for rc, o in t.owner.items() if o == owner] or [owner]
                r0, r1 = min(a for a, _ in cells), max(a for a, _ in cells)
                c0, c1 = min(b for _, b in cells), max(b for _, b in cells)
                x0, x1 = t.cols[c0] + inset, t.cols[c1 + 1] - inset
                y0, y1 = t.rows[r0] + inset, t.rows[r1 + 1] - inset
                if x1 - x0 < 4 or y1 - y0 < 4:
                    continue
                box = _ink_box(gray[y0:y1, x0:x1])
                if box is None:
                    continue
                bx0, by0, bx1, by1 = box
                crop = gray[y0 + by0:y0 + by1, x0 + bx0:x0 + bx1]
                cuts.append(Cut(k, owner[0], owner[1], x0 + bx0, y0 + by0, bx1 - bx0, by1 - by0, 0, 0))
                pieces.append(crop)
        page[max(0, t.y0 - inset):t.y1 + inset + 1, max(0, t.x0 - inset):t.x1 + inset + 1] = 255
    if not cuts:
        return page, None, []
    width = max(p.shape[1] for p in pieces) + 2 * pad
    height = sum(p.shape[0] + gap for p in pieces) + gap
    out = np.full((height, width), 255, np.uint8)
    y = gap
    placed = []
    for cut, piece in zip(cuts, pieces):
        ph, pw = piece.shape
        out[y:y + ph, pad:pad + pw] = piece
        placed.append(Cut(cut.table, cut.row, cut.col, cut.x, cut.y, cut.w, cut.h, pad, y))
        y += ph + gap
    return page, out, placed


def words_to_page(words, cuts: list[Cut]):
    """Words of the strip moved back onto the page: a word read in a cut gets the page
    position it was cut from; a word that falls in no cut (a speck between) is dropped."""
    tops = [c.sy for c in cuts]
    out = []
    for wd in words:
        cy = wd.top + wd.height / 2
        i = int(np.searchsorted(tops, cy, side="right")) - 1
        if i < 0:
            continue
        c = cuts[i]
        if cy > c.sy + c.h + 2:
            continue
        wd.left = wd.left - c.sx + c.x
        wd.top = wd.top - c.sy + c.y
        # keep the word inside its cell, so the grid finds it there
        wd.left = min(max(wd.left, c.x), c.x + c.w - 1)
        wd.top = min(max(wd.top, c.y), c.y + c.h - 1)
        wd.width = min(wd.width, c.x + c.w - wd.left)
        wd.height = min(wd.height, c.y + c.h - wd.top)
        out.append(wd)
    return out


def number_rows(grid: list[list[tuple]]) -> list[tuple[int, str, str]]:
    """Fill the STT (số thứ tự) column of a read table from its sequence, in place.

    Tesseract reads a lone digit in a cell badly ("3" as "°)", "5" as "S", measured on
    the bench's clean pages), but the column under an "STT"/"TT" header counts the
    table's entries 1, 2, 3 ... in grid order. A cell that does not read as a number
    gets the number its place gives — only when every cell that does read as one agrees
    with the same count (a continued table may start at 6). Returns (row, read, filled)
    for each cell changed, for the page's fixes. ``grid`` rows hold (text, rowspan,
    colspan, merged_from) as ``_build_items`` makes them.

    >>> g = [[("STT", 1, 1, None)], [("1", 1, 1, None)], [("°)", 2, 1, None)], [("°)", 1, 1, (2, 0))], [("3", 1, 1, None)]]
    >>> number_rows(g), [r[0][0] for r in g]
    ([(2, '°)', '2')], ['STT', '1', '2', '2', '3'])
    """
    import re

    head = re.sub(r"[^a-z]", "", grid[0][0][0].lower()) if grid and grid[0] else ""
    if not (head.startswith("stt") or head in ("tt", "sott")):  # "STT", "TT", "Số TT"; read "STTL"
        return []
    # the first row of each entry; not a sub-heading across the columns ("I. Khối Đảng")
    owners = [r for r in range(1, len(grid)) if grid[r] and grid[r][0][3] is None and grid[r][0][0].strip()
              and grid[r][0][2] == 1]
    offsets = {int(grid[r][0][0].strip().rstrip(".")) - k for k, r in enumerate(owners)
               if re.fullmatch(r"\d{1,3}\.?", grid[r][0][0].strip())}
    if len(offsets) != 1 or len(owners) < 2:
        return []
    offset = offsets.pop()
    changed = []
    for k, r in enumerate(owners):
        text = grid[r][0][0]
        if re.fullmatch(r"\d{1,3}\.?", text.strip()):
            continue
        number = str(k + offset)
        changed.append((r, text, number))
        for row in grid[r:]:
            if row and (row is grid[r] or row[0][3] == (r, 0)):
                row[0] = (number,) + tuple(row[0][1:])
    return changed
