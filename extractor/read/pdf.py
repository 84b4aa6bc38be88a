"""Read PDF: the text layer with pdfplumber, page by page; pages with no text layer or a
garbage one (a scan, a broken font) go to OCR, the others do not.

Reading order: words are grouped into lines; a line with a wide gap is split into column
segments, and a run of such lines (the two-column header of an official document:
issuer on the left, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on the right) is read left column
first. Tables found by ``find_tables`` are laid in at their position; a cell's wrapped
lines are joined, and a cell merged over several rows is repeated with ``merged_from``.
"""
from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from ..config import ExtractorConfig
from ..errors import EmptyFile, EncryptedFile, MissingDependency, TooLarge, UnreadableFile
from ..normalize import decode_legacy, vietnamese_quality
from ..records import Block, Document, Fix, Page, Table
from .layout import Grid, GridCell, Line, PageBuilder, lines_to_paragraphs, page_fixes, split_label

if TYPE_CHECKING:
    import pdfplumber.page
    import pdfplumber.table

    from . import Progress

__all__ = ["read_pdf_bytes", "open_pdf_checked"]

log = logging.getLogger(__name__)

# A word or character as pdfplumber gives it: a dict of its box ("x0", "x1", "top",
# "bottom"), "text", "fontname", and for words "chars" (pdfplumber types it so too).
PdfObject: TypeAlias = dict[str, Any]


def open_pdf_checked(data: bytes, name: str, config: ExtractorConfig) -> int:
    """Check a PDF can be opened (not encrypted, not damaged, not too long): its page count."""
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = bool(reader.decrypt(""))  # PasswordType.NOT_DECRYPTED is 0
            except Exception:  # unsupported encryption algorithm
                ok = False
            if not ok:
                raise EncryptedFile(name, "the PDF is password-protected; ask the sender for an unprotected copy "
                                          "or remove the password, then read it again")
        count = len(reader.pages)
    except (EncryptedFile, TooLarge):
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            RecursionError, AssertionError, Exception) as err:
        raise UnreadableFile(name, f"the PDF is damaged or truncated ({type(err).__name__}: {err}); "
                                   "ask for the file again or print it to a new PDF") from err
    if count == 0:
        raise EmptyFile(name, "the PDF has no pages; check that it is the right file")
    if count > config.max_pages:
        raise TooLarge(name, f"the PDF has {count} pages, more than the limit of {config.max_pages}; "
                             "split it, or raise max_pages")
    return count


@dataclass
class _Segment:
    """A run of words on one line, apart from the next run by a wide gap (a column)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    style: str = ""


def _style(fontname: str) -> str:
    """"b", "i", "bi" or "" from a PDF font name ("ABCDEF+TimesNewRoman,BoldItalic")."""
    name = (fontname or "").lower()
    return ("b" if "bold" in name or "black" in name or "heavy" in name else "") + \
           ("i" if "italic" in name or "oblique" in name else "")


def _segment_style(words: list[PdfObject]) -> str:
    """The style most of the words' characters have. By the characters' fonts: words are
    not split by font (a fallback font for the Vietnamese letters would cut "QUYẾT" into
    pieces)."""
    counts: dict[str, int] = {}
    for w in words:
        for ch in w.get("chars", ()):
            st = _style(ch.get("fontname", ""))
            counts[st] = counts.get(st, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else ""


def _segments(words: list[PdfObject], gap: float) -> list[list[_Segment]]:
    """Group words into lines (by top), and each line into segments split at wide gaps."""
    words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    lines: list[list[PdfObject]] = []
    for w in words:
        if lines:
            last = lines[-1]
            ref = last[0]
            # same line when the vertical overlap is large (tolerates sub/superscripts)
            overlap = min(ref["bottom"], w["bottom"]) - max(ref["top"], w["top"])
            if overlap > 0.5 * min(ref["bottom"] - ref["top"], w["bottom"] - w["top"]):
                last.append(w)
                continue
        lines.append([w])
    out: list[list[_Segment]] = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        segs: list[list[PdfObject]] = [[line[0]]]
        for w in line[1:]:
            label_only = len(segs[-1]) == 1 and split_label(segs[-1][0]["text"] + " ") is not None
            # "1." and its text apart at a tab stop are one line, not two columns
            if w["x0"] - segs[-1][-1]["x1"] > gap and not label_only:
                segs.append([w])
            else:
                segs[-1].append(w)
        out.append([_Segment(" ".join(w["text"] for w in s), s[0]["x0"], s[-1]["x1"],
                             min(w["top"] for w in s), max(w["bottom"] for w in s), _segment_style(s))
                    for s in segs])
    return out


def _reading_order(seg_lines: list[list[_Segment]]) -> list[Line]:
    """Lines in reading order: runs of multi-segment lines are read column by column."""
    result: list[Line] = []
    i = 0
    while i < len(seg_lines):
        if len(seg_lines[i]) == 1:
            s = seg_lines[i][0]
            result.append(Line(s.text, s.x0, s.top, s.bottom, s.x1, style=s.style))
            i += 1
            continue
        j = i
        while j < len(seg_lines) and len(seg_lines[j]) > 1:
            j += 1
        region = seg_lines[i:j]
        # split the region where the second column starts
        split = sorted(line[1].x0 for line in region)[0]
        # a wrapped last line of one column ("... năm" / "2022") still belongs to the region
        while j < len(seg_lines) and len(seg_lines[j]) == 1 and seg_lines[j][0].x0 >= split - 2 \
                and seg_lines[j][0].top - region[-1][0].bottom < 2 * (region[-1][0].bottom - region[-1][0].top):
            region.append(seg_lines[j])
            j += 1
        left = [s for line in region for s in line if s.x0 < split]
        right = [s for line in region for s in line if s.x0 >= split]
        for group in (left, right):
            for k, s in enumerate(sorted(group, key=lambda s: (s.top, s.x0))):
                result.append(Line(s.text, s.x0, s.top, s.bottom, s.x1, hard_break=(k == 0), style=s.style))
        if j < len(seg_lines):  # what follows the columns starts afresh
            s = seg_lines[j][0]
            if len(seg_lines[j]) == 1:
                result.append(Line(s.text, s.x0, s.top, s.bottom, s.x1, hard_break=True, style=s.style))
                j += 1
        i = j
    return result


def _table_grid(table: pdfplumber.table.Table) -> Grid:
    """pdfplumber table -> resolved grid. ``extract()`` gives None where a merged cell
    covers a position; the cell boxes tell which cell covers it (rows and columns whose
    start lies inside the box), so vertical and horizontal merges are told apart."""
    data = table.extract()
    rows = table.rows
    if not data:
        return []
    ncols = max(len(r) for r in data)
    col_x: list[float | None] = [None] * ncols
    for group in rows:
        for c, box in enumerate(group.cells[:ncols]):
            left = col_x[c]
            if box is not None and (left is None or box[0] < left):
                col_x[c] = box[0]
    row_top = [group.bbox[1] for group in rows]
    grid: list[list[GridCell | None]] = [[None] * ncols for _ in data]
    for r, row in enumerate(data):
        boxes = rows[r].cells if r < len(rows) else []
        for c, text in enumerate(row):
            if text is None or grid[r][c] is not None:
                continue
            box = boxes[c] if c < len(boxes) else None
            colspan = rowspan = 1
            if box is not None:
                x0, top, x1, bottom = box
                while c + colspan < len(row) and row[c + colspan] is None:
                    left = col_x[c + colspan]
                    if left is None or left >= x1 - 1:
                        break
                    colspan += 1
                while r + rowspan < len(data) and r + rowspan < len(row_top) and row_top[r + rowspan] < bottom - 1:
                    rowspan += 1
            for rr in range(r, r + rowspan):
                for cc in range(c, c + colspan):
                    if grid[rr][cc] is None:
                        owner = (rr, cc) == (r, c)
                        grid[rr][cc] = (text, rowspan if owner else 1, colspan if owner else 1,
                                        None if owner else (r, c))
    return [[c if c is not None else ("", 1, 1, None) for c in grid_row] for grid_row in grid]


def _text_page(page: pdfplumber.page.Page, builder: PageBuilder, table_offset: int) -> tuple[str, int]:
    """Lay one text-layer page into ``builder``; returns (plain text, tables added)."""
    try:
        tables = page.find_tables()
    except Exception:  # pdfplumber's table finder can fail on odd drawings; text still reads
        tables = []
    bboxes = [t.bbox for t in tables]

    def outside(obj: PdfObject) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in bboxes)

    text_page = page.filter(outside) if bboxes else page
    words = text_page.extract_words(x_tolerance=1.5, y_tolerance=3, keep_blank_chars=False,
                                      return_chars=True)
    size = sorted((w["bottom"] - w["top"]) for w in words)[len(words) // 2] if words else 10.0
    lines = _reading_order(_segments(words, gap=max(2.5 * size, 18.0)))
    # Interleave tables: each goes before the first line (in reading order) below its top.
    pending = sorted(tables, key=lambda t: t.bbox[1])
    items: list[Line | pdfplumber.table.Table] = []
    for ln in lines:
        while pending and pending[0].bbox[1] <= ln.top:
            items.append(pending.pop(0))
        items.append(ln)
    items += pending
    run: list[Line] = []
    added = 0

    def flush() -> None:
        for para in lines_to_paragraphs(run):
            builder.add_block("paragraph", para)
        run.clear()

    plain: list[str] = []
    for obj in items:
        if isinstance(obj, Line):
            run.append(obj)
            plain.append(obj.text)
        else:
            flush()
            grid = _table_grid(obj)
            if builder.add_table(grid, table_offset + added) is not None:
                added += 1
                plain.extend(c[0] or "" for row in grid for c in row)
    flush()
    return "\n".join(plain), added


def _letters(text: str) -> int:
    """How many letters ``text`` has."""
    return sum(1 for ch in text if ch.isalpha())


def read_pdf_bytes(data: bytes, name: str, *, config: ExtractorConfig,
                   progress: Progress | None = None) -> Document:
    """Read a PDF: text layer where there is a usable one, OCR for the other pages."""
    import pdfplumber

    total = open_pdf_checked(data, name, config)
    pages: dict[int, Page] = {}
    blocks: dict[int, list[Block]] = {}
    tables: dict[int, list[Table]] = {}
    fixes: list[Fix] = []
    warnings: list[str] = []
    builders: list[PageBuilder] = []
    to_ocr: list[int] = []
    done = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index, page in enumerate(pdf.pages):
                number = index + 1
                builder = PageBuilder(number)
                try:
                    plain, _ = _text_page(page, builder, 0)
                except Exception as err:  # one bad page must not lose the others
                    log.warning("%s: page %d text layer unreadable: %s", name, number, err)
                    plain = ""
                    builder = PageBuilder(number)
                letters = _letters(plain)
                quality = vietnamese_quality(plain) if letters else 0.0
                if letters < config.min_text_chars_per_page:
                    to_ocr.append(number)
                    continue
                if quality < 0.5:
                    # A text layer in a legacy font (TCVN3/VNI) reads as garbage until converted.
                    converted, enc = decode_legacy(plain)
                    if enc:
                        builder = PageBuilder(number)
                        _text_page_converted(page, builder, enc)
                        fixes.append(Fix("legacy_encoding",
                                         f"page {number}: text layer converted from {enc.upper()} to Unicode"))
                        quality = vietnamese_quality(builder.text)
                    else:
                        to_ocr.append(number)
                        continue
                pages[number] = builder.page(quality=1.0)  # a text layer (records.Page: 1.0)
                blocks[number] = builder.blocks
                tables[number] = builder.tables
                builders.append(builder)
                done += 1
                if progress:
                    progress(done, total)
    except (EncryptedFile, TooLarge, EmptyFile):
        raise
    except Exception as err:
        raise UnreadableFile(name, f"the PDF could not be read ({type(err).__name__}: {err}); "
                                   "ask for the file again or print it to a new PDF") from err
    if to_ocr:
        from . import ocr

        if not ocr.tesseract_available(config.ocr_language):
            if not pages:
                raise MissingDependency(name, "the PDF has no text layer (a scan) and OCR is not installed; install "
                                              f"tesseract-ocr and tesseract-ocr-{config.ocr_language} (see README)")
            warnings.append(f"pages {', '.join(map(str, to_ocr))} have no text layer and OCR is not installed; "
                            "they are left empty")
            for number in to_ocr:
                pages[number] = Page(number=number, text="", needs_review=True, quality=0.0)
        else:
            def ocr_progress(k: int, _n: int) -> None:
                if progress:
                    progress(done + k, total)

            results = ocr.ocr_pdf_pages(data, to_ocr, name=name, config=config, progress=ocr_progress)
            for number, result in zip(to_ocr, results, strict=True):  # one result a page asked for
                builder = PageBuilder(number)
                pages[number] = ocr.lay_out(result, builder, config)
                blocks[number] = builder.blocks
                tables[number] = builder.tables
                fixes.extend(result.fixes)
                builders.append(builder)
    # Number tables across the document and point table blocks at the global index.
    all_blocks: list[Block] = []
    all_tables: list[Table] = []
    for number in sorted(pages):
        local_to_global: dict[int, int] = {}
        for k, table in enumerate(tables.get(number, [])):
            local_to_global[k] = len(all_tables)
            all_tables.append(table)
        for b in blocks.get(number, []):
            if b.kind == "table" and b.table is not None:
                from dataclasses import replace

                b = replace(b, table=local_to_global.get(b.table, b.table))
            all_blocks.append(b)
    ordered = tuple(pages[n] for n in sorted(pages))
    if not any(p.text for p in ordered):
        raise EmptyFile(name, "no text was found on any page (blank pages?); check the scan")
    warnings += [f"page {p.number}: poor OCR (Vietnamese quality {p.quality:.2f}); please review"
                 for p in ordered if p.ocr and p.needs_review]
    return Document(source=name, sha256=hashlib.sha256(data).hexdigest(), format="pdf", pages=ordered,
                    blocks=tuple(all_blocks), tables=tuple(all_tables), encoding=None,
                    fixes=page_fixes(builders, fixes), warnings=tuple(warnings))


def _text_page_converted(page: pdfplumber.page.Page, builder: PageBuilder, enc: str) -> None:
    """Lay out a page whose font speaks TCVN3/VNI: convert every word before layout."""
    from ..normalize import _decode_tcvn3, _decode_vni

    convert = _decode_tcvn3 if enc == "tcvn3" else _decode_vni
    words = page.extract_words(x_tolerance=1.5, y_tolerance=3, return_chars=True)
    for w in words:
        w["text"] = convert(w["text"])
    size = sorted((w["bottom"] - w["top"]) for w in words)[len(words) // 2] if words else 10.0
    for para in lines_to_paragraphs(_reading_order(_segments(words, gap=max(2.5 * size, 18.0)))):
        builder.add_block("paragraph", para)
