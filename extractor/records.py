"""Typed records passed between the stages of the pipeline.

Vocabulary (Vietnamese as clerks say it):
cán bộ = cadre, chức vụ = position, đơn vị = unit, nội dung / việc đột phá = task,
thời gian = period, văn bản = document, phụ lục = appendix (usually a table).

Every record is a frozen dataclass; stages return new records instead of mutating.
JSON appears only at the edges: ``to_dict()`` gives the shape of ``CONTRACT.md``.

Offsets: a :class:`Span` points into ``Page.text`` of the *normalised* page, 1-based
page number, ``[start, end)`` character offsets, so ``page.text[start:end]`` is the
field's text. Table cells are laid into the page text too (cells joined by a tab,
rows by a newline), so fields read from a table have spans like any other.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Format = Literal["txt", "md", "html", "docx", "doc", "pdf", "image"]
BlockKind = Literal["heading", "paragraph", "list_item", "table"]
DocKind = Literal["decision", "report", "plan", "news", "other"]
# A JSON object as ``to_dict()`` gives it (values: str, numbers, None, lists, objects).
JsonObject = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Span:
    """Where a value was read: 1-based page and [start, end) offsets into its text.

    A value that runs over a page break (a sentence that goes on at the top of the next
    page) ends at this page's end and goes on at ``continued`` on the next page; its text
    is the two parts joined with a space.
    """

    page: int
    start: int
    end: int
    continued: Span | None = None

    def to_dict(self) -> JsonObject:
        d: JsonObject = {"page": self.page, "start": self.start, "end": self.end}
        if self.continued is not None:
            d["continued"] = self.continued.to_dict()
        return d


@dataclass(frozen=True, slots=True)
class Fix:
    """One explained change made while reading or normalising (ftfy's fix_and_explain)."""

    kind: str  # e.g. "legacy_encoding", "tone_placement", "nfc", "dehyphenate", "orientation"
    detail: str


@dataclass(frozen=True, slots=True)
class Page:
    """One page: its normalised text and how it was obtained.

    ``original`` keeps what was on the page before normalisation when it differs
    (so nothing read is lost); ``quality`` is the share of tokens that are valid
    Vietnamese syllables (1.0 for text layers), used to flag poor scans.
    """

    number: int
    text: str
    ocr: bool = False
    confidence: float | None = None  # Tesseract mean word confidence, 0-100
    quality: float | None = None  # share of valid Vietnamese syllables, 0-1
    needs_review: bool = False
    original: str | None = None
    width: int | None = None  # image size in pixels for scanned pages
    height: int | None = None
    # OCR'd pages: Tesseract's confidence (0-100) in each word it read and could place in
    # ``text``, as (start, end, confidence), by start; the name repair weighs slips by it
    word_confidences: tuple[tuple[int, int, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of reading order: heading, paragraph, list item, or a table placeholder."""

    kind: BlockKind
    text: str
    span: Span
    level: int = 0  # heading level or list depth
    label: str | None = None  # list numbering as written: "1.", "a)", "-"
    table: int | None = None  # index into Document.tables when kind == "table"


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    row: int
    col: int
    span: Span
    rowspan: int = 1
    colspan: int = 1
    merged_from: tuple[int, int] | None = None  # (row, col) of the cell whose text this repeats


@dataclass(frozen=True, slots=True)
class Table:
    """A table with merged cells resolved: every (row, col) has a Cell.

    A name cell merged over several task rows is repeated in each row with
    ``merged_from`` set, so row-wise consumers need not know about merges.
    """

    page: int
    rows: tuple[tuple[Cell, ...], ...]
    span: Span

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.rows[0]) if self.rows else ()


@dataclass(frozen=True, slots=True)
class Document:
    """What ``read(path)`` returns: the text of a file in reading order."""

    source: str
    sha256: str
    format: Format
    pages: tuple[Page, ...]
    blocks: tuple[Block, ...] = ()
    tables: tuple[Table, ...] = ()
    encoding: str | None = None  # e.g. "utf-8", "windows-1258", "tcvn3", "vni"
    fixes: tuple[Fix, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ocr(self) -> bool:
        return any(p.ocr for p in self.pages)

    @property
    def text(self) -> str:
        return "\n\f\n".join(p.text for p in self.pages)

    def to_dict(self) -> JsonObject:
        return asdict(self)


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True, slots=True)
class Period:
    """thời gian: the years covered. "Năm 2021" -> 2021..2021."""

    text: str
    start: int | None
    end: int | None
    span: Span | None = None

    def to_dict(self) -> JsonObject:
        d: JsonObject = {"text": self.text, "start": self.start, "end": self.end}
        if self.span:
            d["span"] = self.span.to_dict()
        return d


@dataclass(frozen=True, slots=True)
class Field:
    """An extracted text value with provenance."""

    text: str
    span: Span | None = None
    confidence: float = 1.0
    source: str = "rule"  # which rule or model said so


@dataclass(frozen=True, slots=True)
class Repair:
    """One repair of an extracted value after OCR, kept beside the text as read.

    ``field`` is "cadre", "position" or "unit"; ``original`` is what the page says
    (``page.text[span]``), ``repaired`` what the record now holds, ``reason`` why, in
    Vietnamese for the reviewer ("họ 'Trân' không có; gần nhất: 'Trần' (dấu thanh)").
    """

    field: str
    original: str
    repaired: str
    reason: str

    def to_dict(self) -> JsonObject:
        return {"field": self.field, "original": self.original, "repaired": self.repaired,
                "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Task:
    """nội dung: one assigned task, as written, trimmed of numbering and closing ';' '.'."""

    text: str
    span: Span | None = None
    period: Period | None = None
    confidence: float = 1.0
    source: str = "rule"

    def to_dict(self) -> JsonObject:
        d: JsonObject = {"text": self.text}
        d["period"] = self.period.to_dict() if self.period else None
        d["span"] = self.span.to_dict() if self.span else None
        d["confidence"] = round(self.confidence, 3)
        return d


@dataclass(frozen=True, slots=True)
class Assignment:
    """A named person (cán bộ) given at least one task."""

    cadre: Field
    tasks: tuple[Task, ...]
    position: Field | None = None
    unit: Field | None = None
    period: Period | None = None
    declared_count: int | None = None
    span: Span | None = None
    confidence: float = 1.0
    warnings: tuple[str, ...] = ()
    # OCR repairs of cadre/position/unit: the field's span still points at the original
    repairs: tuple[Repair, ...] = ()

    def to_dict(self) -> JsonObject:
        def fspan(f: Field | None) -> JsonObject | None:
            return f.span.to_dict() if f and f.span else None

        def fmeta(f: Field | None, name: str) -> JsonObject | None:
            if f is None:
                return None
            d: JsonObject = {"span": fspan(f), "confidence": round(f.confidence, 3), "source": f.source}
            fixes = [r.to_dict() for r in self.repairs if r.field == name]
            if fixes:  # stored with the fields by the service: the reviewer sees what was read
                d["repairs"] = fixes
            return d

        return {
            "cadre": self.cadre.text,
            "position": self.position.text if self.position else None,
            "unit": self.unit.text if self.unit else None,
            "period": self.period.to_dict() if self.period else None,
            "declared_count": self.declared_count,
            "tasks": [t.to_dict() for t in self.tasks],
            "span": self.span.to_dict() if self.span else None,
            "confidence": round(self.confidence, 3),
            "warnings": list(self.warnings),
            "repairs": [r.to_dict() for r in self.repairs],
            "fields": {
                "cadre": fmeta(self.cadre, "cadre"),
                "position": fmeta(self.position, "position"),
                "unit": fmeta(self.unit, "unit"),
            },
        }


@dataclass(frozen=True, slots=True)
class Statistic:
    """A total such as "giao 198 việc đột phá cho 114 cán bộ" (not an assignment)."""

    text: str
    tasks: int | None = None
    cadres: int | None = None
    period: Period | None = None
    span: Span | None = None

    def to_dict(self) -> JsonObject:
        return {
            "text": self.text,
            "tasks": self.tasks,
            "cadres": self.cadres,
            "period": {"start": self.period.start, "end": self.period.end} if self.period else None,
            "span": self.span.to_dict() if self.span else None,
        }


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """The header block of an official document: kind, số/ký hiệu, issuer, date, trích yếu."""

    kind: DocKind = "other"
    number: str | None = None
    issuer: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    title: str | None = None

    def to_dict(self) -> JsonObject:
        return {"kind": self.kind, "number": self.number, "issuer": self.issuer,
                "date": self.date, "title": self.title}


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    code: str  # empty | unreadable | encrypted | unsupported | too_large
    message: str

    def to_dict(self) -> JsonObject:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True, slots=True)
class Extraction:
    """What ``extract(path)`` returns; ``to_dict()`` is the contract's object."""

    source: str
    sha256: str | None = None
    format: str | None = None
    ocr: bool = False
    pages: int = 0
    document: DocumentInfo = field(default_factory=DocumentInfo)
    assignments: tuple[Assignment, ...] = ()
    statistics: tuple[Statistic, ...] = ()
    warnings: tuple[str, ...] = ()
    error: ErrorInfo | None = None

    def to_dict(self) -> JsonObject:
        d = {
            "source": self.source,
            "sha256": self.sha256,
            "format": self.format,
            "ocr": self.ocr,
            "pages": self.pages,
            "document": self.document.to_dict(),
            "assignments": [a.to_dict() for a in self.assignments],
            "statistics": [s.to_dict() for s in self.statistics],
            "warnings": list(self.warnings),
        }
        if self.error:
            d["error"] = self.error.to_dict()
        return d
