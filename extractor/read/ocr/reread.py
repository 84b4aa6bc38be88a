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
lines of a cell, reads rules and half-lines.

    >>> import numpy as np
    >>> page = np.full((60, 200), 255, np.uint8)
    >>> [name for name, _ in conditions(crop(page, (20, 20, 100, 20)))]
    ['median', 'nlm', 'blur_otsu']
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeAlias

from ..engine import Word, inprocess_available, recognize

if TYPE_CHECKING:
    import numpy as np

__all__ = ["CONDITIONS", "Box", "crop", "conditions", "reread", "box_reader"]

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
