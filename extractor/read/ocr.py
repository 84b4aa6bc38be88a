"""OCR scanned pages and images with the Tesseract 5 command line (``vie``, 300 dpi).

Pages are read in parallel, as many Tesseract processes at once as there are cores,
each with ``OMP_THREAD_LIMIT=1`` (Tesseract's OpenMP threads fight each other otherwise:
measured 6-7x slower on two cores). Per page: skew measured and corrected (OpenCV), ruled
tables found and their lines removed, words read from Tesseract's TSV (boxes and
confidences), words inside a table assigned to its cells, the rest grouped into
paragraphs. A process reads a batch of pages (a list file) when a document has more
pages than there are processes: Tesseract then loads its model once per batch instead
of once per page (measured 0.08 CPU-s of 1.3 a page). When a page
reads badly, its orientation is checked (``--psm 0`` OSD, or trying 90/180/270) and it is
read again. Each page gets its mean word confidence and its Vietnamese-syllable share;
pages under ``config.ocr_quality_threshold`` are flagged ``needs_review``.

    >>> doc = read_image_bytes(open("scan.png", "rb").read(), "scan.png")   # doctest: +SKIP
    >>> doc.pages[0].ocr, doc.pages[0].needs_review                         # doctest: +SKIP
    (True, False)
"""
from __future__ import annotations

import csv
import functools
import hashlib
import io
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..config import DEFAULT_CONFIG, ExtractorConfig
from ..errors import EmptyFile, MissingDependency, TooLarge, UnreadableFile
from ..normalize import vietnamese_quality
from ..records import Document, Fix, Page
from . import engine
from .engine import Word
from .layout import Line, PageBuilder, join_lines, group_lines, page_fixes

__all__ = ["tesseract_available", "ocr_image", "ocr_pdf_pages", "read_image_bytes", "lay_out",
           "OcrResult", "tesseract_env", "process_count", "image_dpi"]

TESSERACT_TIMEOUT = 1800  # seconds per page: a stuck process must not hang a batch (generous: shared machines)


def tesseract_available(language: str = "vie") -> bool:
    """True when Tesseract can read ``language``: in this process (tesserocr) or as the
    tesseract command."""
    return engine.inprocess_available(language) or tesseract_command_available(language)


@functools.lru_cache(maxsize=8)
def tesseract_command_available(language: str = "vie") -> bool:
    """True when the tesseract command is installed with ``language`` data."""
    binary = shutil.which("tesseract")
    if not binary:
        return False
    try:
        out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    langs = set((out.stdout + out.stderr).split())
    return all(part in langs for part in language.split("+"))


def tesseract_env() -> dict[str, str]:
    """Environment for a Tesseract child: one OpenMP thread (we parallelise by page)."""
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def process_count(config: ExtractorConfig, pages: int) -> int:
    """How many Tesseract processes to run at once."""
    n = config.ocr_processes or os.cpu_count() or 1
    return max(1, min(n, pages))


@dataclass
class OcrResult:
    """What OCR found on one page, in reading order, before it is laid into a Page."""

    items: list[tuple[str, object]]  # ("para", text) or ("table", grid rows)
    confidence: float | None
    width: int
    height: int
    fixes: list[Fix] = field(default_factory=list)
    plain_text: str = ""
    # per table item, in order: (row, col) -> (cell box (x, y, w, h), [(text, x, y, w, h, conf, choices)])
    # in the page image's own pixels (see boxes.py)
    cells: list[dict] = field(default_factory=list)
    # per paragraph item, in order: its words as read, [(text, conf)], for Page.word_confidences
    para_words: list[list[tuple[str, float]]] = field(default_factory=list)


def _run_tesseract(image: Path, config: ExtractorConfig, psm: int = 3, name: str = "",
                   dpi: int | None = None) -> list[Word]:
    """Words with boxes from ``tesseract IMAGE stdout tsv``.

    ``dpi``: the page's resolution when known (a PDF page we rendered, a scan whose size
    on the page says it, an image file that records a plausible one). None lets
    Tesseract estimate it from the text height, as the plain command does for a file
    without one; forcing 300 on such images cost 7 % more time for no better text.
    """
    return _run_tesseract_batch([image], config, psm=psm, name=name, dpi=dpi)[0]


def _run_tesseract_batch(images: list[Path], config: ExtractorConfig, psm: int = 3, name: str = "",
                         dpi: int | None = None, workdir: Path | None = None,
                         choices: bool = False) -> list[list[Word]]:
    """Words of each image, from one Tesseract process.

    Several images go in as a list file (one path a line), which Tesseract reads as the
    pages of one document: the model is loaded once for all of them. The TSV's
    ``page_num`` column (1-based, in list order) says which image a word is on.
    With tesserocr (engine.py) the images are read in this process instead, and may be
    arrays as well as files; ``choices`` then keeps each character's alternatives (the
    command gives none)."""
    if engine.inprocess_available(config.ocr_language):
        try:
            return engine.recognize(images, language=config.ocr_language, psm=psm, dpi=dpi, choices=choices)
        except RuntimeError as err:  # tesserocr's error for an image Leptonica cannot take
            raise UnreadableFile(name, f"Tesseract could not read a page image ({err}); check the scan") from err
    if len(images) == 1:
        target = str(images[0])
    else:
        listing = (workdir or images[0].parent) / f"{images[0].stem}-batch.txt"
        listing.write_text("".join(f"{Path(i).resolve()}\n" for i in images), encoding="utf-8")
        target = str(listing)
    cmd = ["tesseract", target, "stdout", "-l", config.ocr_language, "--psm", str(psm)]
    if dpi:
        cmd += ["--dpi", str(dpi)]
    cmd.append("tsv")
    timeout = TESSERACT_TIMEOUT * len(images)
    try:
        proc = subprocess.run(cmd, capture_output=True, env=tesseract_env(), timeout=timeout)
    except subprocess.TimeoutExpired as err:
        raise UnreadableFile(name, f"OCR of {len(images)} page(s) took more than {timeout}s; "
                                   "check the scan (very large or noisy?)") from err
    except OSError as err:
        raise MissingDependency(name, "the tesseract command could not be run; install tesseract-ocr "
                                      f"and tesseract-ocr-{config.ocr_language} (see README)") from err
    if proc.returncode != 0:
        raise UnreadableFile(name, "Tesseract could not read a page image "
                                   f"({proc.stderr.decode('utf-8', 'replace').strip()[:200]}); check the scan")
    pages: list[list[Word]] = [[] for _ in images]
    reader = csv.reader(io.StringIO(proc.stdout.decode("utf-8", "replace")), delimiter="\t",
                        quoting=csv.QUOTE_NONE)
    next(reader, None)  # the header line
    for row in reader:
        if len(row) < 12 or row[0] != "5":
            continue
        text = row[11].strip()
        if not text:
            continue
        try:
            page = int(row[1]) - 1
            word = Word(text, int(row[6]), int(row[7]), int(row[8]), int(row[9]), float(row[10]),
                        int(row[2]), int(row[3]), int(row[4]))
        except ValueError:
            continue
        if 0 <= page < len(pages):
            pages[page].append(word)
    return pages


def _osd_rotation(image) -> int | None:
    """Degrees to turn the image clockwise to make it upright, per Tesseract OSD (``Rotate:``)."""
    if engine.inprocess_available("osd"):
        return engine.osd_rotation(image)
    try:
        proc = subprocess.run(["tesseract", str(image), "stdout", "--psm", "0"], capture_output=True,
                              env=tesseract_env(), timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("Rotate:"):
            try:
                return int(line.split(":")[1])
            except ValueError:
                return None
    return None


def _mean_conf(words: list[Word]) -> float | None:
    confs = [w.conf for w in words if w.conf >= 0]
    return sum(confs) / len(confs) if confs else None


def _score(words: list[Word]) -> float:
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
    return "\n".join(" ".join(w.text for w in line) for line in _cell_lines(words))


def _build_items(words: list[Word], tables) -> tuple[list[tuple[str, object]], str, list[dict],
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
    prev_par = None
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
        out = []
        for group in group_lines(run):
            out.append(join_lines(group))
            para_words.append([(w.text, w.conf) for ln in group for w in line_words[id(ln)]])
        return out

    items: list[tuple[float, str, object]] = []
    run: list[Line] = []
    table_tops = sorted(((t.y0, k) for k, t in enumerate(tables)))
    ti = 0
    plain: list[str] = []
    cells: list[dict] = []
    for ln in lines + [None]:
        while ti < len(table_tops) and (ln is None or table_tops[ti][0] < ln.top):
            for para in paragraphs(run):
                items.append((0, "para", para))
            run = []
            k = table_tops[ti][1]
            t = tables[k]
            spans = t.spans()
            grid = []
            where = []
            for r in range(t.nrows):
                row = []
                found = []
                for c in range(t.ncols):
                    orow, ocol = t.owner.get((r, c), (r, c))
                    rs, cs = spans.get((orow, ocol), (1, 1))
                    lines = _cell_lines(per_table[k].get((orow, ocol), []))
                    text = "\n".join(" ".join(w.text for w in line) for line in lines)
                    if (orow, ocol) == (r, c):
                        row.append((text, rs, cs, None))
                    else:
                        row.append((text, 1, 1, (orow, ocol)))
                    found.append(((t.cols[ocol], t.rows[orow], t.cols[ocol + cs], t.rows[orow + rs]),
                                  [w for line in lines for w in line]))
                grid.append(row)
                where.append(found)
            # rows where every cell is empty are drawing artefacts (double rules)
            kept = [i for i, row in enumerate(grid) if any(c[0].strip() for c in row)]
            grid = [grid[i] for i in kept]
            if grid:
                items.append((0, "table", grid))
                cells.append({(r, c): cell for r, i in enumerate(kept) for c, cell in enumerate(where[i])})
                plain.extend(c[0] for row in grid for c in row if c[3] is None)
            ti += 1
        if ln is None:
            break
        run.append(ln)
        plain.append(ln.text)
    for para in paragraphs(run):
        items.append((0, "para", para))
    return [(kind, obj) for _, kind, obj in items], "\n".join(plain), cells, para_words


@dataclass
class _Prepared:
    """A page made ready for Tesseract: the image file it reads, and what the OCR result
    needs from the preparation (tables found, fixes made, size)."""

    index: int
    # the image Tesseract reads (deskewed, table rules removed): a file, or the array
    # itself when Tesseract runs in this process
    path: Path | Any
    upright: Path | Any  # the deskewed page with its rules: what a turn for orientation starts from
    dpi: int | None  # what Tesseract is told (see _tesseract_dpi)
    tables: list
    fixes: list[Fix]
    width: int
    height: int
    scratch: list[Path]  # files of ours to delete once the page is read
    cuts: list = field(default_factory=list)  # where each table cell went in ``strip`` (cells.py)
    strip: Path | Any | None = None  # the table cells, stacked: read apart with --psm 6
    to_source: object = None  # 3x3 matrix: this page's pixels -> the image's as given (boxes.py)
    origin: tuple[int, int] = (0, 0)  # where ``path``'s image lies in the page: (x, y) of its corner


def _prepare(image, *, index: int, dpi: int | None, workdir: Path, stem: str, name: str,
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

    from .borderless import find_borderless
    from .cells import stack_cells
    from .grid import estimate_skew, find_tables, page_dpi, rotate
    from .photo import flatten_photo

    # Pages are already read in parallel, one per core; OpenCV's own threads would only
    # compete with the Tesseract processes.
    cv2.setNumThreads(1)
    given: Path | None = None
    if isinstance(image, np.ndarray):
        gray = image
    else:
        given = Path(image)
        gray = cv2.imread(str(given), cv2.IMREAD_GRAYSCALE)
        if gray is None:
            raise UnreadableFile(name, "a page image could not be decoded; check the scan")
    fixes: list[Fix] = []
    flat: list = []
    gray = flatten_photo(gray, fixes, flat)  # a phone photo of a page: corners, perspective, light (issue 12)
    to_source = np.linalg.inv(flat[0]) if flat else np.eye(3)
    angle = estimate_skew(gray)
    if abs(angle) >= 0.2:
        to_source = to_source @ np.linalg.inv(_turn_matrix(gray.shape, angle))
        gray = rotate(gray, angle)
        fixes.append(Fix("deskew", f"rotated {angle:+.1f}° to level the text lines"))
    # ruled tables; else tables whose columns are apart by white space only
    tables = find_tables(gray) or find_borderless(gray)
    scratch: list[Path] = []
    if in_memory:
        upright = gray
        if given is not None and delete_input:
            given.unlink(missing_ok=True)
    elif not fixes and given is not None and given.suffix.lower() in (".pgm", ".pnm"):
        upright = given
        if delete_input:
            scratch.append(given)
    else:
        upright = workdir / f"{stem}-ocr.pgm"
        cv2.imwrite(str(upright), gray)
        scratch.append(upright)
        if given is not None and delete_input:
            given.unlink(missing_ok=True)
    target = upright
    cuts: list = []
    strip_path: Path | None = None
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
            target = workdir / f"{stem}-ocr-page.pgm"
            cv2.imwrite(str(target), page[y0:y1, x0:x1])
            scratch.append(target)
            if strip is not None:
                strip_path = workdir / f"{stem}-ocr-cells.pgm"
                cv2.imwrite(str(strip_path), strip)
                scratch.append(strip_path)
    h, w = gray.shape
    return _Prepared(index, target, upright, _tesseract_dpi(dpi), tables, fixes, w, h, scratch, cuts, strip_path,
                     to_source, origin)


def _ink_extent(page, dpi: float) -> tuple[int, int, int, int]:
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


def _turn_matrix(shape: tuple[int, ...], angle: float):
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


def _to_source(m, box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    """The box (x0, y0, x1, y1) taken through ``m``, as (x, y, w, h) of what it covers."""
    import numpy as np

    x0, y0, x1, y1 = box
    pts = m @ np.array([[x0, x1, x1, x0], [y0, y0, y1, y1], [1, 1, 1, 1]], float)
    xs, ys = pts[0] / pts[2], pts[1] / pts[2]
    left, top = int(np.floor(xs.min())), int(np.floor(ys.min()))
    return left, top, int(np.ceil(xs.max())) - left, int(np.ceil(ys.max())) - top


def _tesseract_dpi(dpi: int | None) -> int | None:
    """The resolution to tell Tesseract: none at 250 dpi and over, where it estimates one
    from the text height. Told the true 300, it ran 8 % more instructions on a deskewed
    bench page (callgrind: 12.46 G against 11.56 G; it estimated 429) for the same text
    (character error rate 0.09 % both ways on the bench's degraded pages). A low
    resolution (a 200-dpi scan) is still passed: there the estimate is not measured."""
    return dpi if dpi and dpi < 250 else None


def _finish(prep: _Prepared, words: list[Word], *, config: ExtractorConfig, name: str,
            workdir: Path, cell_words=()) -> OcrResult:
    """An OCR result from a prepared page's words; a page that reads badly is tried on
    its side and upside down first (OSD, else each turn) and the best reading kept."""
    import numpy as np

    from .cells import words_to_page

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

        from .grid import rotate

        rotation = _osd_rotation(prep.upright)
        # OSD's "Rotate: N" is clockwise; our rotate() turns counter-clockwise.
        candidates = [(-rotation) % 360] if rotation else [90, 180, 270]
        base = prep.upright if isinstance(prep.upright, np.ndarray) else \
            cv2.imread(str(prep.upright), cv2.IMREAD_GRAYSCALE)
        best = (_score(words), words, None, 0)
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
        _, words, turned, deg = best
        if deg:
            # the turn starts from the deskewed page: its deskew stands, and the turned
            # page's own (if any) comes on top
            fixes = [Fix("orientation", f"page turned {(360 - deg) % 360}° clockwise to read it upright")] + \
                fixes + turned.fixes
            tables, width, height = turned.tables, turned.width, turned.height
            base_shape = (prep.height, prep.width)
            to_source = prep.to_source @ np.linalg.inv(_turn_matrix(base_shape, deg)) @ turned.to_source
    items, plain, found, para_words = _build_items(words, tables)
    if np.allclose(to_source, np.eye(3)):  # a flat scan, level: the boxes as they are
        def back(box):
            return int(box[0]), int(box[1]), int(box[2] - box[0]), int(box[3] - box[1])
    else:
        def back(box):
            return _to_source(to_source, box)
    cells = [{rc: (back(rect), [(w.text, *back((w.left, w.top, w.left + w.width, w.top + w.height)), w.conf,
                                 w.choices) for w in ws])
              for rc, (rect, ws) in table.items()} for table in found]
    from .cells import number_rows

    for kind, grid in items:
        if kind == "table":
            # lone STT digits misread: filled from the column's sequence, and said so
            fixes += [Fix("table_number", f"STT cell of row {row} read as {read!r}, numbered {number} from the "
                                          "rows around it") for row, read, number in number_rows(grid)]
    return OcrResult(items=items, confidence=_mean_conf(words), width=width, height=height, fixes=fixes,
                     plain_text=plain, cells=cells, para_words=para_words)


def ocr_image(image, *, config: ExtractorConfig = DEFAULT_CONFIG, name: str = "",
              workdir: Path | None = None, dpi: int | None = None, stem: str = "page") -> OcrResult:
    """OCR one page: deskew, tables, orientation; see the module docstring.

    ``image``: a page image file, or the page already decoded as a 2-D uint8 (grayscale)
    array. ``dpi`` as in :func:`_run_tesseract`. Scratch files go to ``workdir`` (a
    temporary directory when not given) and are removed.
    """
    own = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="giaoviec-ocr-")) if own else workdir
    try:
        return _ocr_pages(iter([lambda: (image, dpi)]), 1, config=config, name=name, workdir=workdir,
                          stems=lambda i: stem)[0]
    finally:
        if own:
            shutil.rmtree(workdir, ignore_errors=True)


def lay_out(result: OcrResult, builder: PageBuilder, config: ExtractorConfig) -> Page:
    """Lay an OCR result into ``builder`` and return the finished, scored Page, with
    Tesseract's confidence in each word placed in the page text (``word_confidences``)."""
    from .boxes import OcrCell, locate_words, place_words

    tables = 0
    paras = 0
    confidences: list[tuple[int, int, float]] = []
    for kind, obj in result.items:
        if kind == "para":
            words = result.para_words[paras] if paras < len(result.para_words) else []
            paras += 1
            block = builder.add_block("paragraph", obj)
            if block is not None and words:
                base = block.span.start
                confidences += [(base + at[0], base + at[1], conf) for at, (_, conf) in
                                zip(locate_words(block.text, [w for w, _ in words]), words, strict=True) if at]
            continue
        table = builder.add_table(obj, tables)
        if table is None:
            continue
        # the cells again, with their boxes and words on the page image (boxes.py)
        found = result.cells[tables] if tables < len(result.cells) else {}
        placed: dict[tuple[int, int], tuple] = {}
        rows = []
        for r, row in enumerate(table.rows):
            out = []
            for c, cell in enumerate(row):
                box, words = found.get((r, c), (None, []))
                key = cell.merged_from or (r, c)
                if key[0] >= len(table.rows) or key[1] >= len(table.rows[key[0]]):
                    key = (r, c)
                if key not in placed:
                    owner = table.rows[key[0]][key[1]]
                    placed[key] = place_words(owner.text, words, builder.number)
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


BATCH_PAGES = 8  # pages one Tesseract process reads at most: progress and balance vs. model loads


def _ocr_pages(pages, count: int, *, config: ExtractorConfig, name: str, workdir: Path,
               progress=None, stems=None, delete_inputs: bool = False) -> list[OcrResult]:
    """OCR ``count`` pages, in order; ``pages`` yields, lazily and in page order, one
    callable per page that returns ``(image, dpi or None)`` (an array or a file).

    ``process_count`` threads each either prepare the next page (call its callable,
    deskew, find tables: Python and OpenCV) or run one Tesseract process on a batch of
    prepared pages. A batch takes half a process's share of the pages still unread (at
    most ``BATCH_PAGES``), so a 5-page scan on 2 cores still reads its pages one by one,
    side by side, while a 40-page one loads the model 14 times, not 40.
    At most ``BATCH_PAGES`` pages a process are prepared ahead (files in ``workdir``:
    a 500-page TIFF must not be decoded whole). The ``pages`` iterator is advanced
    under a lock (a TIFF's frames are decoded one at a time); the callables run in
    parallel. ``progress(done, count)`` is called from the calling thread.
    ``delete_inputs``: page files the callables return are ours to delete once read.
    """
    procs = process_count(config, count)
    in_memory = engine.inprocess_available(config.ocr_language)
    # pages prepared ahead wait as files for the command (batched: one model load), as
    # arrays in memory for the library (no batching to gain: two a process will do)
    lookahead = procs * (2 if in_memory else BATCH_PAGES)
    stems = stems or (lambda i: f"page-{i + 1:04d}")
    cond = threading.Condition()
    source = enumerate(pages)
    ready: list[_Prepared] = []  # prepared, not yet given to Tesseract; in page order
    results: dict[int, OcrResult] = {}
    st = {"exhausted": False, "prepping": 0, "claimed": 0, "done": 0, "error": None, "running": procs}

    def next_job():
        """Under ``cond``: ("prep", i, make) or ("ocr", batch), or None when nothing is left."""
        while True:
            if st["error"] is not None:
                return None
            unclaimed = count - st["claimed"]
            # One process: nothing to balance, batch all it may. Several: a batch takes
            # half a process's share of what is left, so the last 2 pages a process
            # still go one by one to whichever is free (a page costs 0.7-2.8 s; on a
            # 5-page scan, one process left with 2 pages while the other idled cost more
            # wall time than the model loads saved). Simulated over random page costs
            # on 2 processes, against pages one by one: the same wall time up to 5
            # pages, 1 % less at 12, 3 % less at 40 (a quarter share: 0, 0, 2 %).
            share = unclaimed if procs == 1 else unclaimed // (2 * procs)
            want = min(BATCH_PAGES, max(1, share))
            can_prep = not st["exhausted"] and len(ready) + st["prepping"] < lookahead
            if ready and (len(ready) >= want or not can_prep):
                batch = [p for p in ready[:want] if p.dpi == ready[0].dpi]  # one --dpi a process
                for p in batch:
                    ready.remove(p)
                st["claimed"] += len(batch)
                return ("ocr", batch)
            if can_prep:
                try:
                    i, make = next(source)
                except StopIteration:
                    st["exhausted"] = True
                    continue
                st["prepping"] += 1
                return ("prep", i, make)
            if st["exhausted"] and not st["prepping"] and not ready:
                return None
            cond.wait()

    def worker() -> None:
        try:
            while True:
                with cond:
                    job = next_job()
                if job is None:
                    return
                if job[0] == "prep":
                    _, i, make = job
                    image, dpi = make()
                    prep = _prepare(image, index=i, dpi=dpi, workdir=workdir, stem=stems(i), name=name,
                                    delete_input=delete_inputs, in_memory=in_memory)
                    with cond:
                        st["prepping"] -= 1
                        ready.append(prep)
                        ready.sort(key=lambda p: p.index)
                        cond.notify_all()
                    continue
                batch = job[1]
                try:
                    words = _run_tesseract_batch([p.path for p in batch], config, name=name, dpi=batch[0].dpi,
                                                 workdir=workdir)
                    celled = [p for p in batch if p.strip is not None]
                    # names are in the cells: their characters' alternatives go to the repair
                    cells = dict(zip((p.index for p in celled), _run_tesseract_batch(
                        [p.strip for p in celled], config, psm=6, name=name, dpi=batch[0].dpi,
                        workdir=workdir, choices=True))) if celled else {}
                    out = {p.index: _finish(p, w, config=config, name=name, workdir=workdir,
                                            cell_words=cells.get(p.index, ()))
                           for p, w in zip(batch, words)}
                finally:
                    for p in batch:
                        for f in p.scratch:
                            f.unlink(missing_ok=True)
                with cond:
                    results.update(out)
                    st["done"] += len(out)
                    cond.notify_all()
        except BaseException as err:  # reported by the calling thread, which raises it
            with cond:
                if st["error"] is None:
                    st["error"] = err
                cond.notify_all()
        finally:
            with cond:
                st["running"] -= 1
                cond.notify_all()

    threads = [threading.Thread(target=worker, name=f"ocr-{k}", daemon=True) for k in range(procs)]
    for t in threads:
        t.start()
    reported = 0
    while True:
        with cond:
            while st["done"] == reported and st["running"]:
                cond.wait()
            done, running = st["done"], st["running"]
        if progress and done > reported:
            progress(done, count)
        reported = done
        if not running:
            break
    for t in threads:
        t.join()
    if st["error"] is not None:
        raise st["error"]
    ordered = [results[i] for i in sorted(results)]
    _number_continued(ordered)
    return ordered


def _number_continued(results: list[OcrResult]) -> None:
    """Number the STT cells of an appendix table continued from the page before, in
    place, where no cell of it reads as a number: a continuation often holds one or two
    cadres, and a lone digit misread ("7" as "}") had nothing on its page to be counted
    from. A continuation is the first thing on its page (at most a page number above
    it) after a table that was the last thing on the page before, with as many columns
    and numbered entries; its first column, header or not, holds only short cells."""
    from difflib import SequenceMatcher

    from .cells import entry_rows, is_number_header, number_rows

    def short(items) -> bool:
        return sum(len(str(obj)) for kind, obj in items if kind == "para") < 30

    for prev, cur in zip(results, results[1:]):
        before = [k for k, (kind, _) in enumerate(prev.items) if kind == "table"]
        after = [k for k, (kind, _) in enumerate(cur.items) if kind == "table"]
        if not before or not after or not short(prev.items[before[-1] + 1:]) or not short(cur.items[:after[0]]):
            continue
        last, grid = prev.items[before[-1]][1], cur.items[after[0]][1]
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


# What OCR reads of one image page, at most (A2 at 300 dpi is 35 Mpx): the page's arrays
# cost ~18 bytes a pixel in this process, so a 64 Mpx photo took the server past 1 GB.
OCR_MAX_PIXELS = 24_000_000


def _shrink_for_ocr(gray):
    """A grayscale page over OCR_MAX_PIXELS, shrunk to fit (its text stays readable)."""
    w, h = gray.size
    if w * h <= OCR_MAX_PIXELS:
        return gray
    f = (OCR_MAX_PIXELS / (w * h)) ** 0.5
    return gray.resize((max(1, int(w * f)), max(1, int(h * f))), resample=2)  # bilinear


def _shrunk_dpi(size: tuple[int, int], shape: tuple[int, ...], dpi: int | None) -> int | None:
    return round(dpi * shape[1] / size[0]) if dpi and shape[1] != size[0] else dpi


def image_dpi(info: dict) -> int | None:
    """The resolution an image file records, when it is plausible for a scan (150-1200).

    Phone photos and screenshots record 72 or 96, which is no page resolution: then
    None, and Tesseract estimates it from the text height, as the plain command would.

    >>> image_dpi({"dpi": (300, 300)}), image_dpi({"dpi": (72, 72)}), image_dpi({})
    (300, None, None)
    """
    value = info.get("dpi")
    try:
        dpi = round(float(value[0] if isinstance(value, (tuple, list)) else value))
    except (TypeError, ValueError, IndexError):
        return None
    return dpi if 150 <= dpi <= 1200 else None


_PYPDF_LOCK = threading.Lock()


def _page_scan_image(reader, number: int, max_pixels: int):
    """The scan itself when a PDF page is one full-page image (what scanners write):
    ``(grayscale array, dpi)`` taken at its own resolution, with no rendering. None when
    the page is anything else or the image is under 200 dpi (then it is rendered at the
    OCR resolution)."""
    try:
        with _PYPDF_LOCK:  # one pypdf reader is shared by the page threads; it seeks a stream
            page = reader.pages[number - 1]
            images = list(page.images)
            image = images[0].image if len(images) == 1 else None
            rotation = int(page.get("/Rotate", 0) or 0) % 360
        width_in = float(page.mediabox.width) / 72
        if image is None or width_in <= 0:
            return None
        w, h = image.size
        if w * h > max_pixels:
            return None
        dpi = round(max(w, h) / (max(float(page.mediabox.width), float(page.mediabox.height)) / 72))
        if dpi < 200 or dpi > 1200:
            return None
        # the image must fill the page (a logo on a blank page is no scan)
        if abs(w / h - float(page.mediabox.width) / float(page.mediabox.height)) > 0.05 and \
                abs(h / w - float(page.mediabox.width) / float(page.mediabox.height)) > 0.05:
            return None
        image = image.convert("L")
        if rotation:  # the page is shown turned clockwise by /Rotate
            image = image.rotate(-rotation, expand=True)
        import numpy as np

        return np.asarray(image), dpi
    except Exception:  # any oddity in the embedded image: fall back to rendering the page
        return None


def _render_pdf_page(pdf_path: Path, number: int, dpi: int, out_dir: Path, max_pixels: int,
                     size_pt: tuple[float, float] | None, name: str) -> tuple[Path, int]:
    """Render one PDF page to a grayscale image with pdftoppm (pypdfium2 if absent);
    returns the file and the resolution it was rendered at."""
    if size_pt:
        w_in, h_in = size_pt[0] / 72, size_pt[1] / 72
        while dpi > 1 and w_in * h_in * dpi * dpi > max_pixels:
            dpi = max(1, int(dpi * 0.8))  # a huge page (A0 map, a 16000 pt page) is read at a lower resolution
    stem = out_dir / f"page-{number:04d}"
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(number), "-l", str(number),
                        "-singlefile", str(pdf_path), str(stem)], capture_output=True, timeout=300)
        out = stem.with_suffix(".pgm")
        if out.exists():
            return out, dpi
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        image = pdf[number - 1].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    out = stem.with_suffix(".png")
    image.save(out)
    return out, dpi


def ocr_pdf_pages(data: bytes, numbers: list[int], *, name: str, config: ExtractorConfig = DEFAULT_CONFIG,
                  progress=None) -> list[OcrResult]:
    """OCR the given 1-based pages of a PDF: the scan itself where a page is one
    full-page image, else the page rendered at ``config.ocr_dpi``."""
    import pypdf

    tmp = Path(tempfile.mkdtemp(prefix="giaoviec-ocr-"))
    try:
        pdf_path = tmp / "input.pdf"
        pdf_path.write_bytes(data)
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        sizes = {}
        for n in numbers:
            try:
                box = reader.pages[n - 1].mediabox
                sizes[n] = (float(box.width), float(box.height))
            except Exception:
                sizes[n] = None

        def page(n: int):
            found = _page_scan_image(reader, n, config.max_image_pixels)
            if found:
                return found
            # A huge page (a 16000 pt map) is rendered no larger than OCR reads an image.
            return _render_pdf_page(pdf_path, n, config.ocr_dpi, tmp, min(config.max_image_pixels, OCR_MAX_PIXELS),
                                    sizes[n], name)

        return _ocr_pages((functools.partial(page, n) for n in numbers), len(numbers), config=config,
                          name=name, workdir=tmp, progress=progress, stems=lambda i: f"page-{numbers[i]:04d}",
                          delete_inputs=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def read_image_bytes(data: bytes, name: str, *, config: ExtractorConfig = DEFAULT_CONFIG,
                     progress=None) -> Document:
    """OCR an image file (PNG, JPEG, TIFF with several pages, BMP, GIF, WebP)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if not tesseract_available(config.ocr_language):
        raise MissingDependency(name, f"this is an image and OCR is not installed; install tesseract-ocr "
                                      f"and tesseract-ocr-{config.ocr_language} (see README)")
    # Pillow's own cap (Image.MAX_IMAGE_PIXELS) stays on: it guards every decode in the
    # process, the page-image route's too; ours below gives the message.
    tmp = Path(tempfile.mkdtemp(prefix="giaoviec-img-"))
    try:
        try:
            im = Image.open(io.BytesIO(data))
            frames = getattr(im, "n_frames", 1)
        except Image.DecompressionBombError as err:
            raise TooLarge(name, f"the image is too large to read ({err}); scan at 300 dpi") from err
        except (UnidentifiedImageError, OSError, ValueError) as err:
            raise UnreadableFile(name, f"the image is damaged or truncated ({err}); scan it again") from err
        if frames > config.max_pages:
            raise TooLarge(name, f"the image has {frames} pages, more than the limit of {config.max_pages}; split it")
        for k in range(frames):  # sizes first (no decoding): refuse before any work
            try:
                im.seek(k)
            except (OSError, ValueError, EOFError) as err:
                raise UnreadableFile(name, f"page {k + 1} of the image is damaged ({err}); scan it again") from err
            w, h = im.size
            if w * h > config.max_image_pixels:
                raise TooLarge(name, f"page {k + 1} is {w}x{h} = {w * h / 1e6:.0f} Mpx, more than the limit of "
                                     f"{config.max_image_pixels / 1e6:.0f} Mpx; scan at 300 dpi or raise max_image_pixels")

        import numpy as np

        def frames_as_arrays():
            for k in range(frames):
                try:
                    im.seek(k)
                    # phone photos: rotation in EXIF (transposing copies the page: only when there is one)
                    turned = k == 0 and im.getexif().get(0x0112, 1) not in (0, 1)
                    frame = ImageOps.exif_transpose(im) if turned else im
                    dpi = image_dpi(frame.info)
                    gray = np.asarray(_shrink_for_ocr(frame.convert("L")))
                    dpi = _shrunk_dpi(frame.size, gray.shape, dpi)
                except (OSError, ValueError, SyntaxError, EOFError) as err:
                    raise UnreadableFile(name, f"page {k + 1} of the image is damaged or truncated ({err}); "
                                               "scan it again") from err
                yield lambda gray=gray, dpi=dpi: (gray, dpi)

        results = _ocr_pages(frames_as_arrays(), frames, config=config, name=name, workdir=tmp,
                             progress=progress)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    pages, blocks, tables, fixes, builders = [], [], [], [], []
    for number, result in enumerate(results, start=1):
        builder = PageBuilder(number)
        page = lay_out(result, builder, config)
        from dataclasses import replace

        for b in builder.blocks:
            blocks.append(replace(b, table=b.table + len(tables)) if b.table is not None else b)
        tables.extend(builder.tables)
        pages.append(page)
        fixes.extend(result.fixes)
        builders.append(builder)
    if not any(p.text for p in pages):
        raise EmptyFile(name, "no text was found in the image (blank, or too faint to read); check the scan")
    warnings = tuple(f"page {p.number}: poor OCR (Vietnamese quality {p.quality:.2f}); please review"
                     for p in pages if p.needs_review)
    return Document(source=name, sha256=hashlib.sha256(data).hexdigest(), format="image", pages=tuple(pages),
                    blocks=tuple(blocks), tables=tuple(tables), encoding=None, fixes=page_fixes(builders, fixes),
                    warnings=warnings)
