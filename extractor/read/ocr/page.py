"""One page through OCR: prepared (flattened, deskewed, tables found and cut into a strip),
its words put back in reading order (paragraphs, table cells), turned when it reads
badly, and laid into a Page."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias

from ...config import ExtractorConfig
from ...errors import UnreadableFile
from ...normalize import vietnamese_quality
from ...records import Cell, Fix, Page
from ..engine import Choice, Reread, Word
from ..layout import Grid, GridCell, Line, PageBuilder, group_lines, join_lines
from .tesseract import _osd_rotation, _run_tesseract, _run_tesseract_batch, _tesseract_dpi

if TYPE_CHECKING:
    import numpy as np

    from ..boxes import WordBox
    from ..cells import Cut
    from ..grid import GridTable

# What a page holds, in reading order: a paragraph's text or a table's resolved grid.
OcrItem: TypeAlias = tuple[Literal["para"], str] | tuple[Literal["table"], Grid]
# A box in pixels: (x0, y0, x1, y1) as found on the prepared page, (x, y, w, h) in results.
Box: TypeAlias = tuple[int, int, int, int]
# A word read in a table cell: (text, x, y, w, h, confidence, each character's choices,
# what a second reading of its line read there: engine.Word.rereads).
CellWord: TypeAlias = tuple[str, int, int, int, int, float, tuple[tuple[Choice, ...], ...], tuple[Reread, ...]]
# A table item's cells: (row, col) -> (cell box (x, y, w, h), its words in reading order).
TableCells: TypeAlias = dict[tuple[int, int], tuple[Box, list[CellWord]]]


@dataclass
class OcrResult:
    """What OCR found on one page, in reading order, before it is laid into a Page."""

    items: list[OcrItem]
    confidence: float | None
    width: int
    height: int
    fixes: list[Fix] = field(default_factory=list)
    plain_text: str = ""
    # per table item, in order, in the page image's own pixels (see boxes.py)
    cells: list[TableCells] = field(default_factory=list)
    # per paragraph item, in order: its words as read, [(text, conf)], for Page.word_confidences
    para_words: list[list[tuple[str, float]]] = field(default_factory=list)


def _mean_conf(words: list[Word]) -> float | None:
    """Tesseract's mean confidence (0-100) in the words it gave one."""
    confs = [w.conf for w in words if w.conf >= 0]
    return sum(confs) / len(confs) if confs else None


def _score(words: list[Word]) -> float:
    """How well a page read: Vietnamese syllables, confidence, and enough words."""
    text = " ".join(w.text for w in words)
    return vietnamese_quality(text) * (_mean_conf(words) or 0.0) * min(1.0, len(words) / 20 + 0.05)


def _cell_lines(words: list[Word]) -> list[list[Word]]:
    """Words of one cell in reading order: grouped into lines by their vertical centre,
    each line left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.cy):
        if lines and abs(w.cy - sum(x.cy for x in lines[-1]) / len(lines[-1])) < 0.6 * max(w.height, 1):
            lines[-1].append(w)
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w.left)
    return lines


def _cell_text(words: list[Word]) -> str:
    """A cell's words as text, a line of the cell a line."""
    return "\n".join(" ".join(w.text for w in line) for line in _cell_lines(words))


# A table item's cells as found: (row, col) -> (rectangle (x0, y0, x1, y1), words).
_FoundCells: TypeAlias = dict[tuple[int, int], tuple[Box, list[Word]]]


def _build_items(words: list[Word], tables: Sequence[GridTable]) -> tuple[list[OcrItem], str, list[_FoundCells],
                                                                       list[list[tuple[str, float]]]]:
    """Reading-order items: paragraphs from the words outside tables, tables from the rest;
    for each table item, its cells' rectangles (x0, y0, x1, y1) and words in reading
    order, by (row, col) of the item's grid (a merged cell under each position it covers);
    for each paragraph item, its words as read with their confidences."""
    outside: list[Word] = []
    per_table: list[dict[tuple[int, int], list[Word]]] = [dict() for _ in tables]
    for w in words:
        if w.text in ("|", "||", "_", "—") and w.conf < 60:
            continue  # a remnant of a ruling line
        for k, t in enumerate(tables):
            where = t.locate(w.cx, w.cy)
            if where is not None:
                per_table[k].setdefault(where, []).append(w)
                break
        else:
            outside.append(w)
    # lines from Tesseract's (block, paragraph, line) ids; a new paragraph is a hard break
    groups: dict[tuple[int, int, int], list[Word]] = {}
    for w in outside:
        groups.setdefault((w.block, w.par, w.line), []).append(w)
    lines: list[Line] = []
    line_words: dict[int, list[Word]] = {}
    prev_par: tuple[int, int] | None = None
    for key in sorted(groups, key=lambda k: (min(w.top for w in groups[k]), k)):
        ws = sorted(groups[key], key=lambda w: w.left)
        par = key[:2]
        lines.append(Line(" ".join(w.text for w in ws), min(w.left for w in ws), min(w.top for w in ws),
                          max(w.top + w.height for w in ws), max(w.left + w.width for w in ws),
                          hard_break=par != prev_par))
        line_words[id(lines[-1])] = ws
        prev_par = par
    para_words: list[list[tuple[str, float]]] = []

    def paragraphs(run: list[Line]) -> list[str]:
        out: list[str] = []
        for group in group_lines(run):
            out.append(join_lines(group))
            para_words.append([(w.text, w.conf) for ln in group for w in line_words[id(ln)]])
        return out

    items: list[OcrItem] = []
    run: list[Line] = []
    table_tops = sorted(((t.y0, k) for k, t in enumerate(tables)))
    ti = 0
    plain: list[str] = []
    cells: list[_FoundCells] = []
    ended: list[Line | None] = [*lines, None]  # None: the end of the page, after its last table
    for ln in ended:
        while ti < len(table_tops) and (ln is None or table_tops[ti][0] < ln.top):
            for para in paragraphs(run):
                items.append(("para", para))
            run = []
            k = table_tops[ti][1]
            t = tables[k]
            spans = t.spans()
            grid: Grid = []
            spots: list[list[tuple[Box, list[Word]]]] = []  # each grid position's rectangle and words
            for r in range(t.nrows):
                row: list[GridCell] = []
                found: list[tuple[Box, list[Word]]] = []
                for c in range(t.ncols):
                    orow, ocol = t.owner.get((r, c), (r, c))
                    rs, cs = spans.get((orow, ocol), (1, 1))
                    cell_lines = _cell_lines(per_table[k].get((orow, ocol), []))
                    text = "\n".join(" ".join(w.text for w in line) for line in cell_lines)
                    if (orow, ocol) == (r, c):
                        row.append((text, rs, cs, None))
                    else:
                        row.append((text, 1, 1, (orow, ocol)))
                    found.append(((t.cols[ocol], t.rows[orow], t.cols[ocol + cs], t.rows[orow + rs]),
                                  [w for line in cell_lines for w in line]))
                grid.append(row)
                spots.append(found)
            # rows where every cell is empty are drawing artefacts (double rules)
            kept = [i for i, row in enumerate(grid) if any(c[0].strip() for c in row)]
            grid = [grid[i] for i in kept]
            if grid:
                items.append(("table", grid))
                cells.append({(r, c): cell for r, i in enumerate(kept) for c, cell in enumerate(spots[i])})
                plain.extend(c[0] for row in grid for c in row if c[3] is None)
            ti += 1
        if ln is None:
            break
        run.append(ln)
        plain.append(ln.text)
    for para in paragraphs(run):
        items.append(("para", para))
    return items, "\n".join(plain), cells, para_words


@dataclass
class _Prepared:
    """A page made ready for Tesseract: the image file it reads, and what the OCR result
    needs from the preparation (tables found, fixes made, size)."""

    index: int
    # the image Tesseract reads (deskewed, table rules removed): a file, or the array
    # itself when Tesseract runs in this process
    path: Path | np.ndarray
    upright: Path | np.ndarray  # the deskewed page with its rules: what a turn for orientation starts from
    dpi: int | None  # what Tesseract is told (see _tesseract_dpi)
    tables: list[GridTable]
    fixes: list[Fix]
    width: int
    height: int
    scratch: list[Path]  # files of ours to delete once the page is read
    cuts: list[Cut] = field(default_factory=list)  # where each table cell went in ``strip`` (cells.py)
    strip: Path | np.ndarray | None = None  # the table cells, stacked: read apart with --psm 6
    # 3x3 matrix: this page's pixels -> the image's as given (boxes.py)
    to_source: np.ndarray = field(default_factory=lambda: _identity())
    origin: tuple[int, int] = (0, 0)  # where ``path``'s image lies in the page: (x, y) of its corner


def _identity() -> np.ndarray:
    """The 3x3 identity: a page's pixels are the image's."""
    import numpy as np

    return np.eye(3)


def _prepare(image: np.ndarray | str | Path, *, index: int, dpi: int | None, workdir: Path, stem: str, name: str,
             delete_input: bool = False, in_memory: bool = False) -> _Prepared:
    """Deskew, find tables, remove their rules; write the image Tesseract will read.

    ``image``: a 2-D uint8 (grayscale) array — what the image and PDF readers pass, so a
    page is decoded once — or an image file. A PGM file we may read as it is (nothing to
    change) is handed to Tesseract directly; everything else becomes a PGM in ``workdir``
    (no compression to pay for, and Leptonica reads it directly). ``delete_input``: the
    file is ours (a page we rendered) and goes once it is no longer needed.
    ``in_memory``: Tesseract runs in this process (engine.py) and takes the arrays
    themselves: nothing is written."""
    import cv2
    import numpy as np

    from ..borderless import find_borderless
    from ..cells import stack_cells
    from ..grid import estimate_skew, find_tables, page_dpi, rotate
    from ..photo import flatten_photo

    # Pages are already read in parallel, one per core; OpenCV's own threads would only
    # compete with the Tesseract processes.
    cv2.setNumThreads(1)
    given: Path | None = None
    gray: np.ndarray
    if isinstance(image, np.ndarray):
        gray = image
    else:
        given = Path(image)
        decoded = cv2.imread(str(given), cv2.IMREAD_GRAYSCALE)
        if decoded is None:
            raise UnreadableFile(name, "a page image could not be decoded; check the scan")
        gray = decoded
    fixes: list[Fix] = []
    flat: list[np.ndarray] = []
    # a phone photo of a page: corners, perspective, light (issue 12); the page is uint8 grey
    # (asarray: no copy), as the photo code takes it
    gray = flatten_photo(np.asarray(gray, dtype=np.uint8), fixes, flat)
    to_source = np.linalg.inv(flat[0]) if flat else np.eye(3)
    angle = estimate_skew(gray)
    if abs(angle) >= 0.2:
        to_source = to_source @ np.linalg.inv(_turn_matrix(gray.shape, angle))
        gray = rotate(gray, angle)
        fixes.append(Fix("deskew", f"rotated {angle:+.1f}° to level the text lines"))
    # ruled tables; else tables whose columns are apart by white space only
    tables = find_tables(gray) or find_borderless(gray)
    scratch: list[Path] = []
    upright: Path | np.ndarray
    if in_memory:
        upright = gray
        if given is not None and delete_input:
            given.unlink(missing_ok=True)
    elif not fixes and given is not None and given.suffix.lower() in (".pgm", ".pnm"):
        upright = given
        if delete_input:
            scratch.append(given)
    else:
        written = workdir / f"{stem}-ocr.pgm"
        cv2.imwrite(str(written), gray)
        scratch.append(written)
        upright = written
        if given is not None and delete_input:
            given.unlink(missing_ok=True)
    target = upright
    cuts: list[Cut] = []
    strip_path: Path | np.ndarray | None = None
    origin = (0, 0)
    if tables:
        # each cell read on its own, cut out into a strip; the page without its tables
        page, strip, cuts = stack_cells(gray, tables, dpi=dpi or page_dpi(gray))
        # what is left (a heading, a signature) read alone: Tesseract's cost grows with the
        # page's area, even blank (0.4 CPU-s for an empty A4 page at 200 dpi)
        x0, y0, x1, y1 = _ink_extent(page, dpi or page_dpi(gray))
        origin = (x0, y0)
        if in_memory:
            target, strip_path = page[y0:y1, x0:x1], strip
        else:
            page_file = workdir / f"{stem}-ocr-page.pgm"
            cv2.imwrite(str(page_file), page[y0:y1, x0:x1])
            scratch.append(page_file)
            target = page_file
            if strip is not None:
                strip_file = workdir / f"{stem}-ocr-cells.pgm"
                cv2.imwrite(str(strip_file), strip)
                scratch.append(strip_file)
                strip_path = strip_file
    h, w = gray.shape
    return _Prepared(index, target, upright, _tesseract_dpi(dpi), tables, fixes, w, h, scratch, cuts, strip_path,
                     to_source, origin)


def _ink_extent(page: np.ndarray, dpi: float) -> tuple[int, int, int, int]:
    """(x0, y0, x1, y1): the part of a page (its tables painted white, paper already
    white) that holds anything, with a margin; rows and columns with a speck or two of
    toner do not count. At least a small white square when nothing is left."""
    import numpy as np

    h, w = page.shape
    ink = page[::2, ::2] < 255
    rows = np.flatnonzero(ink.sum(axis=1) > 2)
    cols = np.flatnonzero(ink.sum(axis=0) > 2)
    if not len(rows) or not len(cols):
        return 0, 0, min(w, 64), min(h, 64)
    margin = int(dpi * 0.1)
    return (max(0, 2 * int(cols[0]) - margin), max(0, 2 * int(rows[0]) - margin),
            min(w, 2 * int(cols[-1]) + 2 + margin), min(h, 2 * int(rows[-1]) + 2 + margin))


def _moved(words: list[Word], origin: tuple[int, int]) -> list[Word]:
    """Words read in a part of the page, put where that part lies on it."""
    words = list(words)
    if origin != (0, 0):
        for wd in words:
            wd.left += origin[0]
            wd.top += origin[1]
    return words


def _turn_matrix(shape: tuple[int, ...], angle: float) -> np.ndarray:
    """The 3x3 matrix taking a pixel of an image of ``shape`` to where ``grid.rotate``
    puts it (90/180/270 exactly, as cv2.rotate does; else about the centre)."""
    import cv2
    import numpy as np

    h, w = shape[:2]
    a = angle % 360
    if a in (90, 180, 270):
        return {90: np.array([[0, 1, 0], [-1, 0, w - 1], [0, 0, 1]], float),
                180: np.array([[-1, 0, w - 1], [0, -1, h - 1], [0, 0, 1]], float),
                270: np.array([[0, -1, h - 1], [1, 0, 0], [0, 0, 1]], float)}[int(a)]
    return np.vstack([cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0), [0, 0, 1]])


def _to_source(m: np.ndarray, box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    """The box (x0, y0, x1, y1) taken through ``m``, as (x, y, w, h) of what it covers."""
    import numpy as np

    x0, y0, x1, y1 = box
    pts = m @ np.array([[x0, x1, x1, x0], [y0, y0, y1, y1], [1, 1, 1, 1]], float)
    xs, ys = pts[0] / pts[2], pts[1] / pts[2]
    left, top = int(np.floor(xs.min())), int(np.floor(ys.min()))
    return left, top, int(np.ceil(xs.max())) - left, int(np.ceil(ys.max())) - top


def _finish(prep: _Prepared, words: list[Word], *, config: ExtractorConfig, name: str,
            workdir: Path, cell_words: Sequence[Word] = ()) -> OcrResult:
    """An OCR result from a prepared page's words; a page that reads badly is tried on
    its side and upside down first (OSD, else each turn) and the best reading kept."""
    import numpy as np

    from ..cells import words_to_page

    in_cells = words_to_page(cell_words, prep.cuts)
    words = _moved(words, prep.origin) + in_cells
    # A page that is mostly its table is judged by its cells: the rest, once the table
    # is painted white, may be only bleed-through read as low-confidence specks (a
    # continued appendix page was turned 90° for them).
    probe = in_cells if len(in_cells) >= 10 else words
    text = " ".join(w.text for w in probe)
    fixes = list(prep.fixes)
    tables, width, height = prep.tables, prep.width, prep.height
    to_source = prep.to_source
    if vietnamese_quality(text) < 0.6 or (_mean_conf(probe) or 0.0) < 50:
        import cv2

        from ..grid import rotate

        rotation = _osd_rotation(prep.upright)
        # OSD's "Rotate: N" is clockwise; our rotate() turns counter-clockwise.
        candidates = [(-rotation) % 360] if rotation else [90, 180, 270]
        base = prep.upright if isinstance(prep.upright, np.ndarray) else \
            cv2.imread(str(prep.upright), cv2.IMREAD_GRAYSCALE)
        best: tuple[float, list[Word], _Prepared | None, int] = (_score(words), words, None, 0)
        for deg in candidates:
            if not deg or base is None:
                continue
            turned = _prepare(rotate(base, deg), index=prep.index, dpi=prep.dpi, workdir=workdir,
                              stem=f"page-{prep.index:04d}-r{deg}", name=name,
                              in_memory=isinstance(prep.upright, np.ndarray))
            try:
                w2 = _moved(_run_tesseract(turned.path, config, name=name, dpi=prep.dpi), turned.origin)
                if turned.strip is not None:
                    w2 += words_to_page(_run_tesseract_batch([turned.strip], config, psm=6, name=name,
                                                             dpi=prep.dpi, choices=True)[0], turned.cuts)
            finally:
                for f in turned.scratch:
                    f.unlink(missing_ok=True)
            s2 = _score(w2)
            if s2 > best[0]:
                best = (s2, w2, turned, deg)
        _, words, chosen, deg = best
        if deg and chosen is not None:  # a turn read better (its preparation is kept with it)
            # the turn starts from the deskewed page: its deskew stands, and the turned
            # page's own (if any) comes on top
            fixes = [Fix("orientation", f"page turned {(360 - deg) % 360}° clockwise to read it upright")] + \
                fixes + chosen.fixes
            tables, width, height = chosen.tables, chosen.width, chosen.height
            base_shape = (prep.height, prep.width)
            to_source = prep.to_source @ np.linalg.inv(_turn_matrix(base_shape, deg)) @ chosen.to_source
    items, plain, found, para_words = _build_items(words, tables)
    flat_level = bool(np.allclose(to_source, np.eye(3)))  # a flat scan, level: the boxes as they are

    def back(box: tuple[float, float, float, float]) -> Box:
        if flat_level:
            return int(box[0]), int(box[1]), int(box[2] - box[0]), int(box[3] - box[1])
        return _to_source(to_source, box)

    def cell_word(w: Word) -> CellWord:
        x, y, bw, bh = back((w.left, w.top, w.left + w.width, w.top + w.height))
        return w.text, x, y, bw, bh, w.conf, w.choices, w.rereads

    cells = [{rc: (back(rect), [cell_word(w) for w in ws]) for rc, (rect, ws) in table.items()} for table in found]
    from ..cells import number_rows

    for item in items:
        if item[0] == "table":
            # lone STT digits misread: filled from the column's sequence, and said so
            fixes += [Fix("table_number", f"STT cell of row {row} read as {read!r}, numbered {number} from the "
                                          "rows around it") for row, read, number in number_rows(item[1])]
    return OcrResult(items=items, confidence=_mean_conf(words), width=width, height=height, fixes=fixes,
                     plain_text=plain, cells=cells, para_words=para_words)


def lay_out(result: OcrResult, builder: PageBuilder, config: ExtractorConfig) -> Page:
    """Lay an OCR result into ``builder`` and return the finished, scored Page, with
    Tesseract's confidence in each word placed in the page text (``word_confidences``)."""
    from ..boxes import OcrCell, locate_words, place_words

    tables = 0
    paras = 0
    confidences: list[tuple[int, int, float]] = []
    builder.ocr = True
    for item in result.items:
        if item[0] == "para":
            words = result.para_words[paras] if paras < len(result.para_words) else []
            paras += 1
            block = builder.add_block("paragraph", item[1])
            if block is not None and words:
                base = block.span.start
                confidences += [(base + at[0], base + at[1], conf) for at, (_, conf) in
                                zip(locate_words(block.text, [w for w, _ in words]), words, strict=True) if at]
            continue
        table = builder.add_table(item[1], tables)
        if table is None:
            continue
        # the cells again, with their boxes and words on the page image (boxes.py)
        found = result.cells[tables] if tables < len(result.cells) else {}
        placed: dict[tuple[int, int], tuple[WordBox, ...]] = {}
        rows: list[tuple[Cell, ...]] = []
        for r, row in enumerate(table.rows):
            out: list[Cell] = []
            for c, cell in enumerate(row):
                box: Box | None
                box, cell_words = found.get((r, c), (None, []))
                key = cell.merged_from or (r, c)
                if key[0] >= len(table.rows) or key[1] >= len(table.rows[key[0]]):
                    key = (r, c)
                if key not in placed:
                    owner = table.rows[key[0]][key[1]]
                    placed[key] = place_words(owner.text, cell_words, builder.number)
                # a merged cell's repetition is text of the page too: its words are there as well
                confidences += [(cell.span.start + w.start, cell.span.start + w.end, w.conf)
                                for w in placed[key] if w.start >= 0 and cell.span.start + w.end <= cell.span.end]
                out.append(OcrCell(cell.text, cell.row, cell.col, cell.span, cell.rowspan, cell.colspan,
                                   cell.merged_from, box=box, words=placed[key]))
            rows.append(tuple(out))
        builder.tables[-1] = replace(table, rows=tuple(rows))
        tables += 1
    quality = vietnamese_quality(builder.text) if builder.text else 0.0
    return builder.page(ocr=True, confidence=None if result.confidence is None else round(result.confidence, 2),
                        quality=round(quality, 3), needs_review=quality < config.ocr_quality_threshold,
                        width=result.width, height=result.height, word_confidences=tuple(sorted(confidences)))


def _number_continued(results: list[OcrResult]) -> None:
    """Number the STT cells of an appendix table continued from the page before, in
    place, where no cell of it reads as a number: a continuation often holds one or two
    cadres, and a lone digit misread ("7" as "}") had nothing on its page to be counted
    from. A continuation is the first thing on its page (at most a page number above
    it) after a table that was the last thing on the page before, with as many columns
    and numbered entries; its first column, header or not, holds only short cells."""
    from difflib import SequenceMatcher

    from ..cells import entry_rows, is_number_header, number_rows

    def short(items: list[OcrItem]) -> bool:
        return sum(len(item[1]) for item in items if item[0] == "para") < 30

    def tables_of(items: list[OcrItem]) -> list[tuple[int, Grid]]:
        return [(k, item[1]) for k, item in enumerate(items) if item[0] == "table"]

    for prev, cur in pairwise(results):
        before, after = tables_of(prev.items), tables_of(cur.items)
        if not before or not after or not short(prev.items[before[-1][0] + 1:]) or \
                not short(cur.items[:after[0][0]]):
            continue
        last, grid = before[-1][1], after[0][1]
        if not last or not grid or len(last[0]) != len(grid[0]):
            continue
        # the header repeated: its STT cell may be misread ("ST"), the rest reads as before
        again = SequenceMatcher(None, " ".join(c[0] for c in grid[0][1:]).lower(),
                                " ".join(c[0] for c in last[0][1:]).lower()).ratio() > 0.7
        head = 1 if is_number_header(grid[0][0][0]) or again else 0
        numbers = [last[r][0][0].strip().rstrip(".") for r in entry_rows(last, 1)]
        if not numbers or not numbers[-1].isdigit() or \
                any(len(grid[r][0][0].strip()) > 4 for r in entry_rows(grid, head)):
            continue
        cur.fixes += [Fix("table_number", f"STT cell of row {row} read as {read!r}, numbered {number} on from "
                                          "the table of the page before") for row, read, number in
                      number_rows(grid, start=int(numbers[-1]) + 1)]
