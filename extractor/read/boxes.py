"""Where the words of a scanned table's cells are on the page image, for highlighting.

A table cell read by OCR comes back as an :class:`OcrCell`: the :class:`~extractor.records.Cell`
every reader gives (text, row, column, span into the page text), plus the cell's
rectangle and its words, each with its box in the pixels of the page image and the
characters of the cell's text it became. :func:`span_boxes` answers what a review page
asks: which boxes to draw for a field found at ``Span(page, start, end)``.

Coordinates are pixels of the page image OCR was given, before any correction: the
scan itself (an image file, or the one image of a scanned PDF page, at its own
resolution) or the PDF page rendered at ``ExtractorConfig.ocr_dpi``; ``Page.width`` and
``Page.height`` give its size, except for a phone photo, whose boxes are in the photo's
own pixels. Deskew, the flattening of a photo and a turn for orientation are undone.

    >>> from extractor.records import Span
    >>> w = (WordBox("Trần", 2, 100, 50, 40, 20, 96.0, 0, 4), WordBox("Văn", 2, 145, 50, 30, 20, 95.0, 5, 8))
    >>> cell = OcrCell("Trần Văn", 1, 1, Span(2, 10, 18), box=(90, 40, 200, 60), words=w)
    >>> [b.text for b in cell_boxes(cell, 15, 18)], [b.text for b in cell_boxes(cell, 10, 18)]
    (['Văn'], ['Trần', 'Văn'])
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..records import Cell, Document, Span

if TYPE_CHECKING:
    from .engine import Choice, Reread

__all__ = ["WordBox", "OcrCell", "cell_boxes", "span_boxes", "place_words", "locate_words"]


@dataclass(frozen=True, slots=True)
class WordBox:
    """One word as OCR read it: ``text`` (before normalisation), page number, box
    (``x``, ``y``, ``w``, ``h``) in page-image pixels, Tesseract's confidence (0-100),
    and ``start``/``end``, the characters of its cell's (normalised) ``Cell.text`` it
    became; -1 when it could not be placed there (a number filled in from the column's
    sequence replaced what was read). ``choices``: per character of ``text``, the
    readings the OCR model weighed, best first (``engine.Choice``; the name repair's
    evidence), when OCR gave them. ``rereads``: for a word of a name the repair will be
    unsure of, what each condition of a second reading of its line read where it is
    (``engine.Reread``, one per condition of ``ocr.reread.CONDITIONS``)."""

    text: str
    page: int
    x: int
    y: int
    w: int
    h: int
    conf: float
    start: int = -1
    end: int = -1
    choices: tuple[tuple[Choice, ...], ...] = ()
    rereads: tuple[Reread, ...] = ()


@dataclass(frozen=True, slots=True)
class OcrCell(Cell):
    """A table cell read by OCR: a :class:`Cell` with its rectangle ``box`` (x, y, w, h)
    in page-image pixels and its ``words`` in reading order. A merged cell repeated down
    its rows (``merged_from`` set) carries the same box and words as the cell it repeats."""

    box: tuple[int, int, int, int] | None = None
    words: tuple[WordBox, ...] = ()


def place_words(text: str, words: list[tuple[Any, ...]], page: int) -> tuple[WordBox, ...]:
    """The words read in a cell, ``(text, x, y, w, h, conf)`` (and the characters'
    alternatives, when given, seventh; the second readings, eighth) in reading order, placed on the cell's
    normalised ``text`` (see :func:`locate_words`).

    >>> [(b.text, b.start, b.end) for b in place_words("Hòa Phú 2025", [("Hoà", 0, 0, 9, 9, 90.0),
    ...  ("Phú", 0, 0, 9, 9, 90.0), ("°)", 0, 0, 9, 9, 20.0)], 2)]
    [('Hoà', 0, 3), ('Phú', 4, 7), ('°)', -1, -1)]
    """
    at = locate_words(text, [w[0] for w in words])
    return tuple(WordBox(word[0], page, word[1], word[2], word[3], word[4], word[5],
                         *(where or (-1, -1)), choices=word[6] if len(word) > 6 else (),
                         rereads=word[7] if len(word) > 7 else ())
                 for word, where in zip(words, at, strict=True))


def locate_words(text: str, words: list[str]) -> list[tuple[int, int] | None]:
    """Where each word OCR read, in reading order, ended up in ``text`` (normalised from
    them): [(start, end) or None, ...]. Each word is looked for, as read and then
    normalised as the page text is, from where the word before it ended, at the start of
    a word of ``text`` or right after the word before; words that
    could not be placed (joined by de-hyphenation, dropped) may leave as many words of
    ``text`` between two placed ones, so one miss does not lose the rest.

    >>> locate_words("Nguyễn Văn Hòa được giao", ["Nguy-", "ễn", "Văn", "Hoà", "được", "giao"])
    [None, None, (7, 10), (11, 14), (15, 19), (20, 24)]
    """
    from ..normalize import normalize_line

    out: list[tuple[int, int] | None] = []
    at = 0
    missed = 0
    for word in words:
        where = None
        raw = word.strip()
        # as read first (most words come through normalisation unchanged), then normalised
        for form in (raw, None):
            form = form if form is not None else " ".join(normalize_line(word).split())
            if form and (k := text.find(form, at)) >= 0 and len(text[at:k].split()) <= missed and \
                    (k == at or text[k - 1].isspace()):  # not the tail of a word joined from pieces
                where = (k, k + len(form))
                break
        if where is None:
            missed += 1
        else:
            at, missed = where[1], 0
        out.append(where)
    return out


def cell_boxes(cell: Cell, start: int, end: int) -> list[WordBox]:
    """The words of ``cell`` whose characters overlap ``start:end`` (offsets into the
    page text, as a Span's); none for a cell read otherwise than by OCR."""
    words = getattr(cell, "words", ())
    a, b = start - cell.span.start, end - cell.span.start
    return [w for w in words if w.start >= 0 and w.start < b and w.end > a]


def span_boxes(doc: Document, span: Span) -> list[WordBox]:
    """The boxes of the words a field at ``span`` was read from, in reading order: every
    OCR'd table cell on ``span.page`` whose text the span overlaps gives the words it
    covers (a span over a merged cell's repetition gives the cell's words). Empty for
    text outside scanned tables."""
    out: list[WordBox] = []
    seen: set[int] = set()
    for table in doc.tables:
        if table.page != span.page or table.span.end <= span.start or table.span.start >= span.end:
            continue
        for row in table.rows:
            for cell in row:
                if cell.span.end <= span.start or cell.span.start >= span.end:
                    continue
                for w in cell_boxes(cell, span.start, span.end):
                    if id(w) not in seen:
                        seen.add(id(w))
                        out.append(w)
    return out
