"""OCR scanned pages and images with Tesseract 5 (``vie``): in this process (tesserocr,
``engine.py``), else the command line.

Pages are read in parallel, one reading thread a core (the library releases the GIL;
the command runs as one process a thread, each with ``OMP_THREAD_LIMIT=1``: Tesseract's
OpenMP threads fight each other otherwise, measured 6-7x slower on two cores). Per page:
skew measured and corrected (OpenCV), ruled tables found and their lines removed, each
table cell cut out into a strip read on its own (its words with each character's
alternatives, for the name repair), the rest of the page read for its words (boxes and
confidences), the words grouped into paragraphs and cells. With the command, a process
reads a batch of pages (a list file) when a document has more pages than there are
processes: Tesseract then loads its model once per batch instead of once per page
(measured 0.08 CPU-s of 1.3 a page); the library keeps its model loaded. When a page
reads badly, its orientation is checked (OSD, or trying 90/180/270) and it is read
again. Each page gets its mean word confidence and its Vietnamese-syllable share; pages
under ``config.ocr_quality_threshold`` are flagged ``needs_review``.

    >>> doc = read_image_bytes(open("scan.png", "rb").read(), "scan.png")   # doctest: +SKIP
    >>> doc.pages[0].ocr, doc.pages[0].needs_review                         # doctest: +SKIP
    (True, False)

The package's parts: ``tesseract`` (Tesseract itself), ``page`` (one page prepared, read,
put in order, laid out), ``schedule`` (pages side by side) and ``sources`` (PDF pages and
image frames). Callers import from here; tests reach the private parts in their modules.
"""
from __future__ import annotations

from ..engine import Word
from .page import OcrResult, lay_out
from .schedule import BATCH_PAGES, ocr_image
from .sources import OCR_MAX_PIXELS, image_dpi, ocr_pdf_pages, read_image_bytes
from .tesseract import (
    TESSERACT_TIMEOUT,
    process_count,
    tesseract_available,
    tesseract_command_available,
    tesseract_env,
)

__all__ = ["tesseract_available", "tesseract_command_available", "ocr_image", "ocr_pdf_pages", "read_image_bytes",
           "lay_out", "OcrResult", "tesseract_env", "process_count", "image_dpi", "Word", "BATCH_PAGES",
           "OCR_MAX_PIXELS", "TESSERACT_TIMEOUT"]
