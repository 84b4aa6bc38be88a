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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .engine import Word
    from .grid import GridTable
    from .layout import Grid, GridCell

__all__ = ["Cut", "stack_cells", "words_to_page", "words_by_cut"]


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


def _ink_box(crop: np.ndarray, dpi: float = 200.0,
             black: float = 0.0) -> tuple[tuple[int, int, int, int], np.ndarray] | None:
    """The box (x0, y0, x1, y1) of the text in a cell's inside, and the inside with
    what is not text painted white; None when blank. Ink is a local threshold against
    the paper, with single-pixel specks (noise, JPEG) opened away. A blob taller than a
    line of text and a larger blob running into the cell's edge are no letters: the arc
    of a stamp over the table's border, the end of a rule. Left in, an arc made the STT
    cut 8 times as tall as its digit and it read as ")" instead of "4". ``black``: the
    grey of the page's text."""
    import cv2

    if crop.size == 0:
        return None
    from .grid import levels

    paper = levels(crop, 90)[0]  # np.percentile's mask from a histogram, a third of its time
    dark_enough = (crop < paper - 60).astype(np.uint8)
    ink = cv2.morphologyEx(dark_enough, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    h, w = crop.shape
    tall, big = dpi * 0.3, dpi * 0.2  # a line of 11-13 pt text is ~0.2 in, its letters less
    drop = []
    for k in range(1, n):
        x, y, bw, bh, _ = stats[k]
        edge = x == 0 or y == 0 or x + bw >= w or y + bh >= h
        if bh > tall or edge and max(bw, bh) > big:
            drop.append(k)
    if drop:
        gone = np.isin(labels, drop)
        # but a letter touching the arc is part of its blob: its strokes are kept where
        # they are much darker than a red stamp's grey (a "1" touching the ring was lost
        # with it)
        # (a stamp's grey measured 110-130 against text cores of 20-50 and paper 255:
        # darker than most of the blob and than a third of the way from the page's
        # black to paper; specks of noise in the ring that pass are smaller than a
        # stroke; the stroke's blurred edge is taken back with it)
        mid = float(np.median(crop[gone]))
        level = min(black + 0.35 * (paper - black), mid - 0.4 * (mid - black))
        dark = cv2.morphologyEx((gone & (crop < level)).astype(np.uint8), cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
        m, parts, pstats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
        stroke = (dpi / 200) ** 2 * 20
        keep = [k for k in range(1, m) if pstats[k][4] >= stroke and pstats[k][3] <= tall]
        if keep:
            back = cv2.dilate(np.isin(parts, keep).astype(np.uint8), np.ones((3, 3), np.uint8))
            gone &= back == 0
        ink[gone] = 0
        crop = crop.copy()
        crop[gone] = int(paper)
    ys, xs = np.nonzero(ink)
    if len(xs) < 6:
        return None
    return (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1), crop


def stack_cells(gray: np.ndarray, tables: Sequence[GridTable], *,
                dpi: float) -> tuple[np.ndarray, np.ndarray | None, list[Cut]]:
    """The page with its tables painted white; the strip of every non-blank cell's
    inside, stacked (None when every cell is blank); and where each cell went."""
    from .grid import levels

    inset = max(2, int(round(dpi * 0.02)))  # past the rule (and its blur)
    pad = max(4, int(round(dpi * 0.04)))  # white around each cut
    gap = max(12, int(round(dpi * 0.15)))  # between cuts: a line's height and more
    h, w = gray.shape
    black = levels(gray[::2, ::2], 0.3)[0]  # the text's ink, darker than a stamp's
    page = gray.copy()
    cuts: list[Cut] = []
    pieces: list[np.ndarray] = []
    for k, t in enumerate(tables):
        seen: set[tuple[int, int]] = set()
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
                found = _ink_box(gray[y0:y1, x0:x1], dpi, black)
                if found is None:
                    continue
                (bx0, by0, bx1, by1), inside = found
                crop = inside[by0:by1, bx0:bx1]
                cuts.append(Cut(k, owner[0], owner[1], x0 + bx0, y0 + by0, bx1 - bx0, by1 - by0, 0, 0))
                pieces.append(crop)
        page[max(0, t.y0 - inset):t.y1 + inset + 1, max(0, t.x0 - inset):t.x1 + inset + 1] = 255
    if tables:
        # What Tesseract would call paper on the whole page stays paper once the tables are
        # gone: else its threshold falls to the faint rest (bleed-through of the other side)
        # and it reads that as pages of garbage, several times slower than the page itself.
        import cv2

        paper, _ = cv2.threshold(gray[::2, ::2], 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        page[page > paper] = 255
    if not cuts:
        return page, None, []
    width = max(p.shape[1] for p in pieces) + 2 * pad
    height = sum(p.shape[0] + gap for p in pieces) + gap
    out = np.full((height, width), 255, np.uint8)
    y = gap
    placed: list[Cut] = []
    for cut, piece in zip(cuts, pieces, strict=True):  # appended together above
        ph, pw = piece.shape
        out[y:y + ph, pad:pad + pw] = piece
        placed.append(Cut(cut.table, cut.row, cut.col, cut.x, cut.y, cut.w, cut.h, pad, y))
        y += ph + gap
    return page, out, placed


def words_by_cut(words: Sequence[Word], cuts: list[Cut]) -> list[list[Word]]:
    """Words of the strip, in the strip's pixels, grouped by the cut (cell) they were
    read in, as :func:`words_to_page` places them; a word in no cut is left out."""
    tops = [c.sy for c in cuts]
    out: list[list[Word]] = [[] for _ in cuts]
    for wd in words:
        cy = wd.top + wd.height / 2
        i = int(np.searchsorted(tops, cy, side="right")) - 1
        if i >= 0 and cy <= cuts[i].sy + cuts[i].h + 2:
            out[i].append(wd)
    return [ws for ws in out if ws]


def words_to_page(words: Sequence[Word], cuts: list[Cut]) -> list[Word]:
    """Words of the strip moved back onto the page: a word read in a cut gets the page
    position it was cut from; a word that falls in no cut (a speck between) is dropped."""
    tops = [c.sy for c in cuts]
    out: list[Word] = []
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


_NUMBER = r"\d{1,3}\.?"


def is_number_header(text: str) -> bool:
    """The header of an STT (số thứ tự) column: "STT", "TT", "Số TT"; also as read with a
    trailing letter ("STTL")."""
    import re

    head = re.sub(r"[^a-z]", "", text.lower())
    return head.startswith("stt") or head in ("tt", "sott")


def entry_rows(grid: Grid, first: int) -> list[int]:
    """The first row of each entry from ``first`` on: its own first cell, not a
    sub-heading across the columns ("I. Khối Đảng"), with something in it or a name of
    its own beside it (a digit under a stamp may read as nothing; a blank row of a
    cadre's further tasks, drawn unmerged, has neither)."""
    def own(cell: GridCell) -> bool:
        return cell[3] is None and cell[2] == 1

    return [r for r in range(first, len(grid)) if grid[r] and own(grid[r][0]) and (
        grid[r][0][0].strip() or len(grid[r]) > 1 and own(grid[r][1]) and grid[r][1][0].strip())]


def number_rows(grid: Grid, start: int | None = None) -> list[tuple[int, str, str]]:
    """Fill the STT (số thứ tự) column of a read table from its sequence, in place.

    Tesseract reads a lone digit in a cell badly ("3" as "°)" or "8", "5" as "S",
    measured on the bench's pages), but the column under an "STT"/"TT" header counts the
    table's entries 1, 2, 3 ... in grid order. The count's start is the one most cells
    that read as a number agree on (a continued table may start at 6); a cell that does
    not read as a number, or reads as one no other cell agrees with (a lone misread),
    gets the number its place gives. Nothing changes when two or more cells agree on
    another start (numbering that restarts per section is no misread), or, when some
    cells disagree, unless the start has two cells for it and more than those against
    it. ``start``: the number the
    first entry must have when no cell says (a table continued from the page before,
    its header repeated or not). Returns (row, read, filled) for each cell changed, for
    the page's fixes. ``grid`` rows hold (text, rowspan, colspan, merged_from) as
    ``_build_items`` makes them.

    >>> g = [[("STT", 1, 1, None)], [("1", 1, 1, None)], [("°)", 2, 1, None)], [("°)", 1, 1, (2, 0))],
    ...      [("8", 1, 1, None)], [("4", 1, 1, None)]]
    >>> number_rows(g), [r[0][0] for r in g]
    ([(2, '°)', '2'), (4, '8', '3')], ['STT', '1', '2', '2', '3', '4'])
    >>> number_rows([[("}", 1, 1, None)]], start=7)
    [(0, '}', '7')]
    """
    import re
    from collections import Counter

    if not grid or not grid[0]:
        return []
    header = is_number_header(grid[0][0][0])
    if not header and start is None:
        return []
    owners = entry_rows(grid, 1 if header else 0)
    votes = Counter(int(grid[r][0][0].strip().rstrip(".")) - k for k, r in enumerate(owners)
                    if re.fullmatch(_NUMBER, grid[r][0][0].strip()))
    if votes:
        offset, agree = votes.most_common(1)[0]
        against = sum(votes.values()) - agree
        if any(n >= 2 for o, n in votes.items() if o != offset) or against and (agree < 2 or agree <= against):
            return []
        if len(owners) < 2 and start is None:
            return []
    elif start is not None:
        offset = start
    else:
        return []
    changed: list[tuple[int, str, str]] = []
    for k, r in enumerate(owners):
        text = grid[r][0][0]
        number = str(k + offset)
        if text.strip().rstrip(".") == number:
            continue
        changed.append((r, text, number))
        for row in grid[r:]:
            if row and (row is grid[r] or row[0][3] == (r, 0)):
                _, rowspan, colspan, merged_from = row[0]
                row[0] = (number, rowspan, colspan, merged_from)
    return changed
