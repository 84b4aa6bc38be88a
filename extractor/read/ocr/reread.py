"""A second reading of a few words: their box cut from the page image, read again.

The name repair (``extractor/repair``) is sometimes unsure of a name: a part not known
in its place, a word read with low confidence, alternatives that spell another name.
The page read once gives one reading; the same pixels read again under other
conditions (specks taken off, denoised, binarised otherwise; as one text line) give
others, whose slips differ. :func:`reread` reads a box of a page image under
:data:`CONDITIONS` and returns each reading's words with their confidences and each
character's alternatives; the repair lets the lexicon and the confidences vote among
them (:mod:`extractor.repair.second`). Only names the repair is unsure of are read
again: one call per condition on a strip of one line, about 18 ms each.

The box must be one line of text on the image as the reader read it (deskewed, table
rules taken off): a box drawn on a skewed source page, or round a name wrapped over two
lines of a cell, reads rules and half-lines. So the reader itself, while it reads a
table's cell strip (``ocr/schedule.py``), reads again the lines of the cells that hold a
name the repair will be unsure of (:func:`unsure_names`), one line at a time, from that
cleaned strip (:func:`read_lines_again`), and stores on each word what each condition
read there (``Word.rereads``, then ``WordBox.rereads``); the repair takes them from the
document (``extractor.repair.name_rereads``) and never sees an image.

    >>> import numpy as np
    >>> page = np.full((60, 200), 255, np.uint8)
    >>> [name for name, _ in conditions(crop(page, (20, 20, 100, 20)))]
    ['median', 'nlm', 'blur_otsu']
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeAlias

from ..engine import Choice, Reread, Word, inprocess_available, recognize

if TYPE_CHECKING:
    import numpy as np

__all__ = ["CONDITIONS", "Box", "crop", "conditions", "reread", "box_reader", "read_lines_again", "unsure_names"]

Box: TypeAlias = tuple[int, int, int, int]  # x, y, w, h in page-image pixels

# The conditions of the second reading, each one Tesseract call (``--psm 7``: one text
# line, no page segmentation to go wrong) on the line as cut: a 3x3 median (JPEG and
# scanner specks), non-local means denoising (grain) and a light Gaussian blur then
# Otsu's threshold on the crop alone (a threshold for these few words, not the page's).
# Chosen among nine on the fit half of the first 60 pages of
# corpora/ocr_names/names_choices.jsonl (also the crop as is, upscaled x2 and x3, Otsu
# with and without upscaling): per word read wrong the first time and put right, the
# fewest read right the first time and put wrong (median 14 right for 13 wrong, non-local
# means 15 for 16, blur + Otsu 23 for 40; x2 Lanczos 14 for 31, Otsu alone 17 for 44).
CONDITIONS = ("median", "nlm", "blur_otsu")
PAD = 0.5  # of the box's height, added round it: the marks above and below the letters


def crop(page: np.ndarray, box: Box, pad: float = PAD) -> np.ndarray:
    """The box cut from a grey page image with ``pad`` x its height of margin each side
    (clipped to the page)."""
    x, y, w, h = box
    m = int(round(h * pad))
    top, left = max(0, y - m), max(0, x - m)
    return page[top:min(page.shape[0], y + h + m), left:min(page.shape[1], x + w + m)]


def _otsu(img: np.ndarray) -> np.ndarray:
    import cv2

    blurred = cv2.GaussianBlur(img, (0, 0), 1.0)
    _, out = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return out


def _median(img: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.medianBlur(img, 3)


def _denoised(img: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.fastNlMeansDenoising(img, None, 15, 7, 21)


def conditions(img: np.ndarray) -> list[tuple[str, np.ndarray]]:
    """The crop under each of :data:`CONDITIONS`: (name, image)."""
    return [("median", _median(img)), ("nlm", _denoised(img)), ("blur_otsu", _otsu(img))]


def reread(page: np.ndarray, box: Box, *, language: str = "vie", dpi: int = 300) -> list[list[Word]]:
    """The words in ``box`` of a grey page image read again under each condition
    (:data:`CONDITIONS`, in that order), each with its confidence and each character's
    alternatives; [] when Tesseract cannot be run in process."""
    if not inprocess_available(language) or box[2] <= 0 or box[3] <= 0:
        return []
    import numpy as np

    img = np.ascontiguousarray(crop(page, box), dtype=np.uint8)
    out: list[list[Word]] = []
    for _, image in conditions(img):
        out += recognize([np.ascontiguousarray(image)], language=language, psm=7, dpi=dpi, choices=True)
    return out


def box_reader(page: np.ndarray, boxes: Sequence[Box], *, language: str = "vie",
               dpi: int = 300) -> Callable[[], list[list[Word]]]:
    """A callable reading again the line that holds ``boxes`` (the words of one name) on
    ``page``: what the repair is handed, so it asks for the second reading only when it
    is unsure, and never learns about images."""
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[0] + b[2] for b in boxes)
    y1 = max(b[1] + b[3] for b in boxes)
    return lambda: reread(page, (x0, y0, x1 - x0, y1 - y0), language=language, dpi=dpi)


def _lines(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped by Tesseract's (block, paragraph, line), in the order first met."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        lines.setdefault((w.block, w.par, w.line), []).append(w)
    return list(lines.values())


def _line_crop(image: np.ndarray, line: Sequence[Word], others: Sequence[Sequence[Word]],
               pad: float = PAD) -> tuple[np.ndarray, int]:
    """The line cut from ``image`` with ``pad`` x its height of margin, but never past
    half-way to a line above or below it (a name wrapped over two lines of a cell is
    read a line at a time): (crop, its left edge on ``image``)."""
    x0, y0 = min(w.left for w in line), min(w.top for w in line)
    x1, y1 = max(w.left + w.width for w in line), max(w.top + w.height for w in line)
    m = int(round((y1 - y0) * pad))
    top, bottom = y0 - m, y1 + m
    for other in others:
        if other is line or max(w.left + w.width for w in other) <= x0 or min(w.left for w in other) >= x1:
            continue
        o0, o1 = min(w.top for w in other), max(w.top + w.height for w in other)
        if o1 <= y0:
            top = max(top, (o1 + y0) // 2)
        elif o0 >= y1:
            bottom = min(bottom, (y1 + o0 + 1) // 2)
    left = max(0, x0 - m)
    return image[max(0, top):min(image.shape[0], bottom), left:min(image.shape[1], x1 + m)], left


def _placed(line: Sequence[Word], again: Sequence[Word], left: int) -> list[Reread]:
    """What a reading of the line (its words ``again``, in the crop's pixels, the crop's
    left edge at ``left``) read where each word of the first reading is: each word of
    ``again`` goes to the word of ``line`` its centre falls in (else the nearest)."""
    out: list[list[tuple[str, float, tuple[tuple[Choice, ...], ...]]]] = [[] for _ in line]
    for w in again:
        cx = w.cx + left
        k = min(range(len(line)), key=lambda i: max(line[i].left - cx, cx - line[i].left - line[i].width, 0.0))
        out[k].append((w.text, w.conf, w.choices))
    return [tuple(ws) for ws in out]


def read_lines_again(image: np.ndarray, cells: Sequence[Sequence[Word]],
                     wanted: Callable[[list[Word]], Iterable[int]], *, language: str = "vie",
                     dpi: int | None = None) -> int:
    """Read again, under each of :data:`CONDITIONS`, the lines of ``cells`` (the words
    of each cell, read on ``image``, the cleaned image the reader read: deskewed, rules
    taken off) that hold a word ``wanted`` picks (given a cell's words, the indices of
    those worth it; a name wrapped over two lines of its cell has both read again);
    every word of such a line is given what each condition read where it is
    (``Word.rereads``, in the order of :data:`CONDITIONS`). One Tesseract call for all
    of them; the number of lines read again (0 when Tesseract cannot be run in process).

    >>> import numpy as np
    >>> read_lines_again(np.full((40, 200), 255, np.uint8), [], lambda words: range(len(words)))
    0
    """
    import numpy as np

    lines = [line for cell in cells for line in _lines(cell)]
    picked = {id(cell[k]) for cell in cells for k in wanted(list(cell))}
    chosen = [line for line in lines if any(id(w) in picked for w in line)]
    if not chosen or not inprocess_available(language):
        return 0
    crops = [_line_crop(image, line, lines) for line in chosen]
    kept = [k for k, (c, _) in enumerate(crops) if c.shape[0] >= 4 and c.shape[1] >= 4]
    chosen, crops = [chosen[k] for k in kept], [crops[k] for k in kept]
    images = [np.ascontiguousarray(img) for c, _ in crops
              for _, img in conditions(np.ascontiguousarray(c, dtype=np.uint8))]
    try:
        read = recognize(images, language=language, psm=7, dpi=dpi, choices=True)
    except RuntimeError:  # an image Leptonica cannot take: the first reading stands alone
        return 0
    n = len(CONDITIONS)
    for k, (line, (_, left)) in enumerate(zip(chosen, crops, strict=True)):
        per_condition = [_placed(line, read[k * n + c], left) for c in range(n)]
        for i, w in enumerate(line):
            w.rereads = tuple(p[i] for p in per_condition)
    return len(chosen)


def unsure_names(words: Sequence[Word]) -> list[int]:
    """The words of a cell as read that may be a name the name repair will be
    unsure of (``extractor.repair.names_in_doubt``): what :func:`read_lines_again` reads
    again when the reader is told to (``ExtractorConfig.ocr_reread_names``)."""
    from ...repair import names_in_doubt

    runs = names_in_doubt([w.text for w in words], [w.conf for w in words],
                          [tuple(tuple((c.text, c.prob) for c in sym) for sym in w.choices) or None for w in words])
    return [k for run in runs for k in run]
