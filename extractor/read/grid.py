"""Find ruled tables in a page image (OpenCV morphology) and correct skew.

A scanned decision often ends with an appendix table (phụ lục: STT | Họ và tên | Chức vụ |
Nội dung | Thời gian) whose name cell is merged over the rows of that person's tasks.
Tesseract alone reads such a table line by line across columns; here the ruling lines
are found with long thin morphological openings, the grid is built from the line
positions, and a missing separator between two grid cells means they are merged.

    >>> import numpy as np
    >>> img = np.full((400, 600), 255, np.uint8)
    >>> for y in (50, 150, 250, 350): img[y:y+3, 50:550] = 0
    >>> for x in (50, 300, 547): img[50:353, x:x+3] = 0
    >>> [len(t.rows) for t in find_tables(img)], [len(t.cols) for t in find_tables(img)]
    ([4], [3])
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

INK_C = 18
RULE_SHARE = 0.1

__all__ = ["GridTable", "find_tables", "estimate_skew", "rotate", "remove_lines", "page_dpi"]


@dataclass
class GridTable:
    """A ruled table: row boundaries ``rows`` (y) and column boundaries ``cols`` (x), and
    for every grid cell the (row, col) of the merged cell that owns it."""

    x0: int
    y0: int
    x1: int
    y1: int
    rows: list[int]  # y of horizontal rules, top to bottom (len = nrows + 1)
    cols: list[int]  # x of vertical rules, left to right (len = ncols + 1)
    owner: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    @property
    def nrows(self) -> int:
        """Rows of the grid (before merges)."""
        return len(self.rows) - 1

    @property
    def ncols(self) -> int:
        """Columns of the grid (before merges)."""
        return len(self.cols) - 1

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        """The owning (row, col) of the point, or None when outside the grid."""
        if not (self.cols[0] <= x <= self.cols[-1] and self.rows[0] <= y <= self.rows[-1]):
            return None
        r = int(np.searchsorted(self.rows, y, side="right")) - 1
        c = int(np.searchsorted(self.cols, x, side="right")) - 1
        r = min(max(r, 0), self.nrows - 1)
        c = min(max(c, 0), self.ncols - 1)
        return self.owner.get((r, c), (r, c))

    def spans(self) -> dict[tuple[int, int], tuple[int, int]]:
        """(row, col) of each owner -> (rowspan, colspan)."""
        out: dict[tuple[int, int], tuple[int, int]] = {}
        for (r, c), (orow, ocol) in self.owner.items():
            rs, cs = out.get((orow, ocol), (1, 1))
            out[(orow, ocol)] = (max(rs, r - orow + 1), max(cs, c - ocol + 1))
        return out


def _binary(gray: np.ndarray) -> np.ndarray:
    import cv2

    # Otsu on the whole page: scans are mostly white; ink becomes 255.
    _, bw = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return bw


def levels(gray: np.ndarray, *shares: float) -> list[float]:
    """The grey levels under which ``shares`` per cent of the image's pixels lie, as
    ``np.percentile`` gives them for 8-bit images, from the histogram: 2 ms on a
    200-dpi page where sorting took 60 (the machine loaded by OCR).

    >>> levels(np.arange(256, dtype=np.uint8).reshape(16, 16), 50, 90)
    [127.0, 229.0]
    """
    import cv2

    cdf = np.cumsum(cv2.calcHist([np.ascontiguousarray(gray)], [0], None, [256], [0, 256]).ravel())
    n = cdf[-1]
    return [float(np.searchsorted(cdf, q / 100 * (n - 1), side="right")) for q in shares]


def _odd(n: float) -> int:
    n = max(3, int(round(n)))
    return n if n % 2 else n + 1


def page_dpi(gray: np.ndarray) -> float:
    """The resolution a page seems scanned at, from its short side taken as A4's 8.27 in
    (clamped to 100-600): rule thickness and gaps scale with it."""
    return float(min(max(min(gray.shape) / 8.27, 100.0), 600.0))


def _ink(gray: np.ndarray, dpi: float, c: float | None = None) -> np.ndarray:
    """Ink as 255 by a local (mean) threshold. One global Otsu threshold loses the faint
    rules of a grey 200-dpi scan (a 1-px rule blurred to grey 200 on paper at 245, next to
    black text: the issue-12 page had every rule plainly visible and none found)."""
    import cv2

    smooth = cv2.GaussianBlur(gray, (3, 3), 0)  # JPEG and sensor noise
    return cv2.adaptiveThreshold(smooth, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                 _odd(dpi * 0.15), INK_C if c is None else c)


def _line_masks(bw: np.ndarray, dpi: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical rules of a binary page: long after closing small breaks
    (a worn ribbon, a dry drum), and thin (text smeared along a line is as long, but as
    tall as the letters, so it is removed by an opening across it)."""
    import cv2

    h, w = bw.shape
    dpi = dpi or page_dpi(bw)
    rect = cv2.getStructuringElement
    gap = _odd(dpi * 0.045)  # breaks of up to ~1 mm are closed
    thick = _odd(dpi * 0.045)  # rules (even doubled by a copier) are thinner than letters
    long_h, long_v = max(30, w // 30), max(30, h // 60)
    horiz = cv2.morphologyEx(bw, cv2.MORPH_CLOSE, rect(cv2.MORPH_RECT, (gap, 1)))
    horiz = cv2.morphologyEx(horiz, cv2.MORPH_OPEN, rect(cv2.MORPH_RECT, (long_h, 1)))
    horiz = cv2.subtract(horiz, cv2.morphologyEx(horiz, cv2.MORPH_OPEN, rect(cv2.MORPH_RECT, (1, thick))))
    horiz = cv2.morphologyEx(horiz, cv2.MORPH_CLOSE, rect(cv2.MORPH_RECT, (gap, 1)))
    horiz = cv2.morphologyEx(horiz, cv2.MORPH_OPEN, rect(cv2.MORPH_RECT, (long_h, 1)))
    vert = cv2.morphologyEx(bw, cv2.MORPH_CLOSE, rect(cv2.MORPH_RECT, (1, gap)))
    vert = cv2.morphologyEx(vert, cv2.MORPH_OPEN, rect(cv2.MORPH_RECT, (1, long_v)))
    vert = cv2.subtract(vert, cv2.morphologyEx(vert, cv2.MORPH_OPEN, rect(cv2.MORPH_RECT, (thick, 1))))
    vert = cv2.morphologyEx(vert, cv2.MORPH_CLOSE, rect(cv2.MORPH_RECT, (1, gap)))
    vert = cv2.morphologyEx(vert, cv2.MORPH_OPEN, rect(cv2.MORPH_RECT, (1, long_v)))
    return horiz, vert


def _rules(segs: list[tuple[int, int, int]], tol: float, tight: float | None = None,
           short: float = 0.0) -> list[tuple[int, list[tuple[int, int]]]]:
    """Segments grouped into rules: (position, [(start, end)]), top to bottom. The longest
    segment anchors a rule and the others join it within ``tol``; chaining neighbours
    instead let bits of text 10 px apart pull a rule 25 px off its line. A segment
    shorter than ``short`` joins only within ``tight``: a piece of a rule lies on its
    line, while the tops of a line of capitals in a merged cell ("MTTQ", "UBND"), 14 px
    above a row boundary, joined it and split the cell."""
    rules: list[tuple[int, list[tuple[int, int]]]] = []
    for pos, a, b in sorted(segs, key=lambda sg: sg[1] - sg[2]):  # longest first
        near = tol if tight is None or b - a >= short else tight
        for rpos, spans in rules:
            if abs(pos - rpos) <= near:
                spans.append((a, b))
                break
        else:
            rules.append((pos, [(a, b)]))
    return sorted(rules)


def _boxes(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x, y, w, h) of the mask's blobs. Outer contours, not connected
    components: 5 ms against 60 on a 200-dpi page (OpenCV 5, one thread)."""
    import cv2

    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    boxes: list[tuple[int, int, int, int]] = []
    for c in contours:
        x, y, w, h = cv2.boundingRect(c)
        boxes.append((x, y, w, h))
    return boxes


def _merge_boxes(boxes: list[tuple[int, int, int, int]], gap: int) -> list[tuple[int, int, int, int]]:
    """Boxes (x, y, w, h) that overlap or lie within ``gap`` of each other, joined: a rule
    broken wider than the closing bridges must not split its table in two."""
    out = list(boxes)
    merged = True
    while merged:
        merged = False
        for i in range(len(out)):
            for j in range(i + 1, len(out)):
                a, b = out[i], out[j]
                if a[0] - gap <= b[0] + b[2] and b[0] - gap <= a[0] + a[2] and \
                        a[1] - gap <= b[1] + b[3] and b[1] - gap <= a[1] + a[3]:
                    x0, y0 = min(a[0], b[0]), min(a[1], b[1])
                    out[i] = (x0, y0, max(a[0] + a[2], b[0] + b[2]) - x0, max(a[1] + a[3], b[1] + b[3]) - y0)
                    del out[j]
                    merged = True
                    break
            if merged:
                break
    return out


def _darkness(gray: np.ndarray, seg: tuple[int, int, int], horizontal: bool) -> float:
    """Median grey along a segment, taking the darkest pixel across it (±2 px)."""
    pos, a, b = seg
    step = max(1, (b - a) // 64)
    if horizontal:
        strip = gray[max(0, pos - 2):pos + 3, a:b:step]
        return float(np.median(strip.min(axis=0))) if strip.size else 255.0
    strip = gray[a:b:step, max(0, pos - 2):pos + 3]
    return float(np.median(strip.min(axis=1))) if strip.size else 255.0


def _sides(ink: np.ndarray, seg: tuple[int, int, int], horizontal: bool, dpi: float) -> tuple[float, float] | None:
    """The share of ink in the strips along each side of a segment, from ~0.2 mm to ~0.6 mm
    off it (above and below a horizontal one); None at the page's edge."""
    pos, a, b = seg
    near, far = max(2, int(dpi * 0.015)), max(4, int(dpi * 0.045))
    if horizontal:
        above = ink[max(0, pos - far):max(0, pos - near), a:b]
        below = ink[pos + near:pos + far, a:b]
    else:
        above = ink[a:b, max(0, pos - far):max(0, pos - near)]
        below = ink[a:b, pos + near:pos + far]
    if above.size == 0 or below.size == 0:
        return None
    return float(above.mean()) / 255, float(below.mean()) / 255


def _in_text(ink: np.ndarray, seg: tuple[int, int, int], horizontal: bool, dpi: float) -> bool:
    """A piece of a text line rather than a rule: ink on both sides of it (a rule has
    white space above and below; the bars of "MTTQ" in a position cell centred on a
    merged row's inner boundary do not, and split the merged cell)."""
    sides = _sides(ink, seg, horizontal, dpi)
    return sides is not None and min(sides) > 0.12


def _on_text(ink: np.ndarray, seg: tuple[int, int, int], dpi: float) -> bool:
    """A horizontal piece with a text line's letters standing on it or hanging from it:
    dense ink just above or just below (a line's serifs and bottoms closed into a run,
    "… xóm Đồi Tháng 8/2023" across two cells). A rule is close to text only where a
    cell's line sits on it; across a table, some of it runs clear."""
    sides = _sides(ink, seg, True, dpi)
    return sides is not None and max(sides) > 0.25


def _segments(mask: np.ndarray, horizontal: bool, dpi: float) -> list[tuple[int, int, int]]:
    """Straight line segments: (position, start, end) — y, x0, x1 for horizontal rules.
    A piece of a stamp's ring also survives the openings, but curved: its box is wider
    than a rule's (at most ~0.9 mm, plus the drift of a 0.3° residual skew)."""
    out = []
    for x, y, w, h in _boxes(mask):
        major, minor = (w, h) if horizontal else (h, w)
        if minor > dpi * 0.035 + major * 0.006:
            continue
        out.append((y + h // 2, x, x + w) if horizontal else (x + w // 2, y, y + h))
    return out


def _covered(spans: list[tuple[int, int]], a: int, b: int) -> float:
    """Share of [a, b] covered by the (start, end) ``spans`` of one rule."""
    if b <= a:
        return 0.0
    total, end = 0, a
    for s, e in sorted((max(s, a), min(e, b)) for s, e in spans if e > a and s < b):
        s = max(s, end)
        if e > s:
            total += e - s
            end = e
    return total / (b - a)


def _shrink(gray: np.ndarray, factor: int) -> np.ndarray:
    """The image reduced by a whole ``factor`` with area averaging (thin rules and strokes
    survive, unlike sampling). Whole factors of 2 and 3 take OpenCV's fast path (measured
    on a 300-dpi page: 0.4 ms by 2, 3.7 ms by 3, against 14 ms for 1000 px wide), so
    4 is done as 2 twice."""
    import cv2

    while factor > 1:
        step = 2 if factor % 2 == 0 else (3 if factor % 3 == 0 else factor)
        h, w = gray.shape
        if w < step or h < step:
            break
        # The fast path wants sides that divide exactly: a page of 877 rows halved took
        # 4.6 ms instead of 0.3. The last row or two are margin; drop them.
        gray = gray[: h - h % step, : w - w % step]
        gray = cv2.resize(gray, (w // step, h // step), interpolation=cv2.INTER_AREA)
        factor //= step
    return gray


def has_long_rules(gray: np.ndarray) -> bool:
    """Quick look on a reduced image (150-300 dpi): is there any long horizontal rule at
    all? Most pages have none, and the full-resolution search is then skipped."""
    import cv2

    factor = max(1, int(page_dpi(gray) // 150))
    small = _shrink(gray, factor)
    bw = _ink(small, page_dpi(small), 8)
    # a faint rule broken every few centimetres still counts
    bridge = cv2.getStructuringElement(cv2.MORPH_RECT, (_odd(page_dpi(small) * 0.045), 1))
    bw = cv2.morphologyEx(bw, cv2.MORPH_CLOSE, bridge)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(10, small.shape[1] // 6), 1))
    return bool(cv2.morphologyEx(bw, cv2.MORPH_OPEN, kernel).any())


class _Merges:
    """Union-find over grid cells: which cells are one merged cell, owned by the top-left."""

    def __init__(self, cells: Iterable[tuple[int, int]]) -> None:
        self.parent = {cell: cell for cell in cells}

    def find(self, a: tuple[int, int]) -> tuple[int, int]:
        """The owner of ``a``'s merged cell."""
        parent = self.parent
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        """Merge the cells of ``a`` and ``b``; the owner is the smaller (row, col)."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def owners(self) -> dict[tuple[int, int], tuple[int, int]]:
        """Every cell -> its owner."""
        return {cell: self.find(cell) for cell in self.parent}


def _ruled(spans: list[tuple[int, int]], a: int, b: int, touch: int) -> bool | None:
    """Whether the side from ``a`` to ``b`` of a grid cell is ruled, given the pieces of
    rule (``spans``) along its boundary; ``touch`` is how near a piece must come to an end.

    True: most of the side ruled; or a good part of it, a piece of which runs into a rule
    at either end (a rule broken by a stamp or a dry drum). The piece must reach into the
    side itself: the next cell's rule, merely starting where this side ends, said "ruled"
    for a merged position cell whose capitals' tops ("MTTQ") lay along the boundary (a
    cadre's name cell split in two on an office scan). False: nothing or next to nothing
    there. None: a part of it, which a stamp over a rule (the rule hidden under it) and the
    tops of a line of text in a merged cell (no rule at all) both give; the neighbours
    along the same boundary decide (:func:`_decide`).
    """
    share = _covered(spans, a, b)
    if share >= 0.8:
        return True
    reach = max(touch, 0.15 * (b - a))
    if share >= 0.35 and any((s <= a + touch and min(e, b) - a >= reach) or
                             (e >= b - touch and b - max(s, a) >= reach) for s, e in spans):
        return True
    return False if share < 0.12 else None


def _decide(sides: list[bool | None], shares: list[float]) -> list[bool]:
    """The sides along one boundary, each ruled or not. An unsure side takes the nearest
    sure one along its boundary (the cells of a cadre's STT, name and position end on the
    same row); with none sure, a good half ruled is a rule."""
    out: list[bool] = []
    for k, v in enumerate(sides):
        if v is None:
            near = [(abs(j - k), u) for j, u in enumerate(sides) if u is not None]
            v = min(near)[1] if near else shares[k] >= 0.5
        out.append(v)
    return out


def find_tables(gray: np.ndarray, *, min_rows: int = 2, min_cols: int = 2) -> list[GridTable]:
    """Ruled tables on a grayscale page image (deskewed), top to bottom.

    Holds on office scans (measured on ``bench/scans.py``): rules found by a local
    threshold and thin long openings, so faint, broken (gaps up to ~1 mm) and doubled
    rules and stamps over them still give the grid. A column boundary must run along
    half the table's height at least (sub-columns under a merged header do) and a row
    boundary under most of a column, and rules must be straight, so stamp rings and
    letters of stacked lines give none. A boundary missing between two grid cells
    merges them: the name cell over its task rows.
    """
    import cv2

    if not has_long_rules(gray):
        return []
    h, w = gray.shape
    dpi = page_dpi(gray)
    ink_mask = _ink(gray, dpi)
    horiz, vert = _line_masks(ink_mask, dpi)
    tol = max(4, int(dpi * 0.07))  # rules closer than this are one (doubled by a copier)
    reach = _odd(dpi * 0.03)
    both = cv2.dilate(cv2.bitwise_or(horiz, vert), cv2.getStructuringElement(cv2.MORPH_RECT, (reach, reach)))
    # Bleed-through of a table on the back of the sheet is long and thin too, but faint:
    # a rule keeps only when its darkness is a fair share of the text's (faint office
    # rules measured 40 grey levels against 200 for text; bleed-through 7-17).
    smooth = cv2.blur(gray, (3, 3))
    paper, ink = levels(smooth[:: 2, :: 2], 90, 0.3)
    floor = max(8.0, (paper - ink) * RULE_SHARE)
    hall = [sg for sg in _segments(horiz, True, dpi)
            if paper - _darkness(smooth, sg, True) >= floor and not _in_text(ink_mask, sg, True, dpi)]
    vall = [sg for sg in _segments(vert, False, dpi)
            if paper - _darkness(smooth, sg, False) >= floor and not _in_text(ink_mask, sg, False, dpi)]
    tables: list[GridTable] = []
    for x, y, bw_, bh in _merge_boxes(_boxes(both), int(dpi * 0.1)):
        if bw_ < w * 0.25 or bh < max(40, h * 0.02):
            continue
        hseg = [sg for sg in hall if y <= sg[0] < y + bh and x <= (sg[1] + sg[2]) // 2 < x + bw_]
        vseg = [sg for sg in vall if x <= sg[0] < x + bw_ and y <= (sg[1] + sg[2]) // 2 < y + bh]
        if len(hseg) < 2 or len(vseg) < 2:
            continue
        # the table's top and bottom: its long rules (bits of text around are short)
        longest = max(sg[2] - sg[1] for sg in hseg)
        top = min(sg[0] for sg in hseg if sg[2] - sg[1] >= longest / 2)
        bottom = max(sg[0] for sg in hseg if sg[2] - sg[1] >= longest / 2)
        vrules = [(c, sp) for c, sp in _rules(vseg, tol)
                  if _covered(sp, top, bottom) >= 0.5]
        xs = [c for c, _ in vrules]
        if len(xs) < 2:
            continue
        # pieces under ~0.6 in must lie on a rule's line (±~0.6 mm)
        # a "rule" every piece of which has letters on it is the foot of a line of text
        on_text = {(sg[1], sg[2]) for sg in hseg if _on_text(ink_mask, sg, dpi)}
        hrules = [(c, sp) for c, sp in _rules(hseg, tol, max(3, dpi * 0.025), dpi * 0.6)
                  if any(_covered(sp, xs[k], xs[k + 1]) >= 0.8 for k in range(len(xs) - 1))
                  and not all(piece in on_text for piece in sp)]
        ys = [c for c, _ in hrules]
        if len(ys) < 2:
            continue
        table = GridTable(xs[0], ys[0], xs[-1], ys[-1], ys, xs)
        # union of grid cells not separated by a rule
        merges = _Merges((r, c) for r in range(len(ys) - 1) for c in range(len(xs) - 1))
        touch = max(3, tol // 2)
        for r in range(len(ys) - 2):  # the boundary under row r, column by column
            sides = [_ruled(hrules[r + 1][1], xs[c], xs[c + 1], touch) for c in range(len(xs) - 1)]
            shares = [_covered(hrules[r + 1][1], xs[c], xs[c + 1]) for c in range(len(xs) - 1)]
            for c, v in enumerate(_decide(sides, shares)):
                if not v:
                    merges.union((r, c), (r + 1, c))
        for c in range(len(xs) - 2):  # the boundary right of column c, row by row
            sides = [_ruled(vrules[c + 1][1], ys[r], ys[r + 1], touch) for r in range(len(ys) - 1)]
            shares = [_covered(vrules[c + 1][1], ys[r], ys[r + 1]) for r in range(len(ys) - 1)]
            for r, v in enumerate(_decide(sides, shares)):
                if not v:
                    merges.union((r, c), (r, c + 1))
        table.owner = merges.owners()
        # one ruled row of three columns or more: the last row of an appendix carried
        # over to the next page
        if (table.nrows >= min_rows or table.nrows == 1 and table.ncols >= 3) and table.ncols >= min_cols:
            tables.append(table)
    tables.sort(key=lambda t: t.y0)
    return tables


def remove_lines(gray: np.ndarray) -> np.ndarray:
    """The image with long ruling lines painted white (Tesseract misreads them as "|", "_")."""
    import cv2

    dpi = page_dpi(gray)
    horiz, vert = _line_masks(_ink(gray, dpi), dpi)
    mask = cv2.dilate(cv2.bitwise_or(horiz, vert), cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    out = gray.copy()
    out[mask > 0] = 255
    return out


def estimate_skew(gray: np.ndarray, *, limit: float = 5.0) -> float:
    """Skew angle in degrees such that ``rotate(gray, angle)`` levels the text lines.

    Projection profile: text lines give the sharpest row profile when level. The ink
    pixels of a reduced image are projected at each candidate angle (coarse, then fine)
    instead of rotating the image, which keeps it to a few tens of milliseconds.
    """
    import cv2

    h, w = gray.shape
    # about 1000 px wide, by a whole factor (OpenCV's fast path for area averaging)
    small = _shrink(gray, max(1, round(w / 1000)))
    bw = _binary(small)
    ink = cv2.findNonZero(bw)  # 2.7 ms where np.nonzero took 7.5 on a 1240x1754 page
    if ink is None or len(ink) < 200:  # blank page
        return 0.0
    ink = ink.reshape(-1, 2)
    if len(ink) > 40_000:
        # every k-th ink pixel (row-major order spreads them over the whole page); same
        # angles as 80,000 random ones on the bench pages, without a costly permutation
        ink = ink[:: -(-len(ink) // 40_000)]
    xs = ink[:, 0].astype(np.float64) - small.shape[1] / 2
    ys = ink[:, 1].astype(np.float64) - small.shape[0] / 2

    def score(angle: float) -> float:
        a = np.deg2rad(angle)
        # row of each ink pixel after cv2's counter-clockwise rotation by ``angle``
        rows = -np.sin(a) * xs + np.cos(a) * ys
        prof = np.bincount((rows - rows.min()).astype(np.int64))
        return float(np.square(np.diff(prof.astype(np.float64))).sum())

    best = max(np.arange(-limit, limit + 0.01, 0.5), key=score)
    best = max(np.arange(best - 0.5, best + 0.51, 0.1), key=score)
    return float(round(best, 2))


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    """Rotate by ``angle`` degrees about the centre, filling with white; 90/180/270 exactly."""
    import cv2

    a = angle % 360
    if a == 0:
        return gray
    if a in (90, 180, 270):
        code = {90: cv2.ROTATE_90_COUNTERCLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_CLOCKWISE}[int(a)]
        return cv2.rotate(gray, code)
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    # Nearest neighbour: 9 ms a 300-dpi page against 27 for bilinear, and the same OCR
    # (Tesseract's instruction count on the result within 0.02 %, callgrind; the bench's
    # degraded pages read at 0.08 % CER): at 300 dpi a one-pixel step along a stroke is
    # below what Tesseract's binarisation sees.
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=255)
