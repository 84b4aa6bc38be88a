"""Read plain text, Markdown and HTML: decode (UTF-8, UTF-16, Windows-1258, TCVN3, VNI),
then split into blocks. HTML uses the standard library parser: scripts and styles are
dropped, p/h1-h6/li/div give blocks, tables come back as Tables with merged cells resolved.

    >>> doc = read_text_bytes("Quyết định\\n\\n1. Giao việc".encode(), "qd.txt")
    >>> [b.kind for b in doc.blocks]
    ['paragraph', 'list_item']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..errors import EmptyFile
from ..normalize import decode_bytes, decode_legacy
from ..records import BlockKind, Document, Fix
from .layout import PageBuilder, RawCell, grid_from_cells, page_fixes

__all__ = ["read_text_bytes", "read_html_bytes", "decode_document_bytes"]

_LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "windows-1258": "Windows-1258"}


def decode_document_bytes(data: bytes, declared: str | None = None) -> tuple[str, str, list[Fix]]:
    """Decode a text file: ``(text, encoding, fixes)``; a declared charset (HTML meta) is
    tried first, and legacy TCVN3/VNI inside it is still detected."""
    fixes: list[Fix] = []
    if declared:
        codec = {"windows-1258": "cp1258", "x-vni": None}.get(declared.lower(), declared)
        try:
            text = data.decode(codec) if codec else None
        except (LookupError, UnicodeDecodeError):
            text = None
        if text is not None:
            import unicodedata

            text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
            converted, enc = decode_legacy(text)
            if enc:
                fixes.append(Fix("legacy_encoding", f"converted from {_LEGACY_NAMES[enc]} to Unicode"))
                return converted, enc, fixes
            return text, declared.lower(), fixes
    text, enc = decode_bytes(data)
    if enc in ("tcvn3", "vni", "windows-1258"):
        fixes.append(Fix("legacy_encoding", f"converted from {_LEGACY_NAMES[enc]} to Unicode"))
    return text, enc, fixes


# "Chức vụ: Chủ tịch Hội Nông dân xã", "Tôi tên là: …": a form's field on a line of its own
_FIELD_LINE = re.compile(r"[A-ZĐ][^\s:]*(?:\s+[^\s:]+){0,3}\s*:\s*\S")


def _field_line(line: str) -> bool:
    """A short line that is a form's field: "Chức vụ: Trưởng thôn", "Tôi tên là: Lò Văn A"."""
    return len(line.strip()) <= 80 and bool(_FIELD_LINE.match(line.strip()))


def _paragraphs(text: str) -> list[str]:
    """Split plain text into paragraphs: one per line, unless the file is hard-wrapped
    (short lines, blank lines between paragraphs), where lines are rejoined."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    nonblank = [ln for ln in lines if ln.strip()]
    if not nonblank:
        return []
    blank_lines = len(lines) - len(nonblank)
    avg = sum(len(ln) for ln in nonblank) / len(nonblank)
    wrapped = blank_lines >= 2 and avg < 85 and len(nonblank) > 2 * blank_lines
    if not wrapped:
        return [ln for ln in nonblank]
    out: list[str] = []
    current: list[str] = []
    from .layout import split_label

    for ln in lines:
        if not ln.strip():
            if current:
                out.append("\n".join(current))
                current = []
            continue
        if current and (split_label(ln.strip()) or _field_line(ln) or _field_line(current[-1])):
            # a list item, or a form's "Chức vụ: …" field: each a line of its own (a colon at
            # the end of a line is not enough: OCR breaks lines after "gồm:" and "(Ảnh:" too)
            out.append("\n".join(current))
            current = []
        current.append(ln)
    if current:
        out.append("\n".join(current))
    return out


def _tab_segments(text: str) -> list[tuple[str | list[list[str]], bool]]:
    r"""Split plain text into prose and tab-separated tables, in order.

    Clerks paste appendix tables from Word or Excel into .txt files as rows of
    tab-separated cells; two or more consecutive lines with tabs are such a table and
    come back as rows of cells (``(rows, True)``), the rest as text (``(text, False)``).
    Callers tell the two apart by the segment's type.

        >>> [t for _, t in _tab_segments("Quyết định\nHọ và tên\tChức vụ\nAn\tBí thư\nHết")]
        [False, True, False]
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[tuple[str | list[list[str]], bool]] = []
    prose: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and "\t" in lines[j] and lines[j].strip():
            j += 1
        if j - i >= 2:
            if prose:
                out.append(("\n".join(prose), False))
                prose = []
            out.append(([ln.split("\t") for ln in lines[i:j]], True))
            i = j
        else:
            prose.append(lines[i])
            i += 1
    if prose:
        out.append(("\n".join(prose), False))
    return out


def read_text_bytes(data: bytes, name: str, *, markdown: bool = False) -> Document:
    """Read a .txt/.md file's bytes into a one-page :class:`Document`."""
    import hashlib

    text, enc, fixes = decode_document_bytes(data)
    builder = PageBuilder(1)
    for segment, _is_table in _tab_segments(text):
        if isinstance(segment, list):
            cells = [RawCell(cell, r, k) for r, row in enumerate(segment) for k, cell in enumerate(row)]
            builder.add_table(grid_from_cells(cells), len(builder.tables))
            continue
        for para in _paragraphs(segment):
            kind: BlockKind = "paragraph"
            level = 0
            stripped = para.strip()
            if markdown:
                m = re.match(r"^(#{1,6})\s+", stripped)
                if m:
                    kind, level = "heading", len(m.group(1))
                    para = stripped[m.end():]
            builder.add_block(kind, para, level=level)
    if not builder.blocks:
        raise EmptyFile(name, "the file holds no text; check that it is the right file")
    page = builder.page(quality=1.0)
    return Document(source=name, sha256=hashlib.sha256(data).hexdigest(),
                    format="md" if markdown else "txt", pages=(page,), blocks=tuple(builder.blocks),
                    tables=tuple(builder.tables), encoding=enc, fixes=page_fixes([builder], fixes))


# --------------------------------------------------------------------------- HTML

_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre",
               "section", "article", "header", "footer", "main", "aside", "nav", "dd", "dt",
               "figcaption", "caption", "center", "address", "form", "fieldset", "ul", "ol",
               "dl", "hr", "body", "html"}
# Not document text: code, page furniture, menus (a news site's nav and side columns
# would mix other articles' names into this one).
_SKIP_TAGS = {"script", "style", "head", "title", "noscript", "template", "svg", "iframe", "object",
              "nav", "aside", "select", "button", "canvas"}


@dataclass
class _HtmlBlock:
    """A block of an HTML page as found: its kind, level, list label and raw text."""

    kind: BlockKind
    level: int
    label: str | None
    text: str


@dataclass
class _HtmlList:
    """An open ul/ol: whether it is numbered and how many items it has had so far."""

    ordered: bool
    count: int = 0


@dataclass
class _HtmlTable:
    """An open table: its cells so far, the current row and cell, how deep a nested table
    goes inside it, and the grid positions already taken by row- and column-spans."""

    cells: list[RawCell] = field(default_factory=list)
    row: int = -1
    cell: RawCell | None = None
    nested: int = 0
    occupied: set[tuple[int, int]] = field(default_factory=set)


def _span_count(value: str | None) -> int:
    """A rowspan/colspan attribute as a count from 1 to 1000; 1 when missing or not a number."""
    try:
        return max(1, min(int(str(value).strip()), 1000))
    except (TypeError, ValueError):
        return 1


class _HtmlBlocks(HTMLParser):
    """Collects blocks (:class:`_HtmlBlock`) and tables (their cells) in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[_HtmlBlock | list[RawCell]] = []
        self.buf: list[str] = []
        self.skip = 0
        self.kind: tuple[BlockKind, int, str | None] = ("paragraph", 0, None)
        self.lists: list[_HtmlList] = []  # stack
        self.tables: list[_HtmlTable] = []  # stack; nested tables flatten into the outer cell
        self.charset: str | None = None

    # -- helpers
    def _flush(self) -> None:
        text = "".join(self.buf)
        self.buf = []
        if self.tables:
            return
        if text.strip():
            kind, level, label = self.kind
            self.items.append(_HtmlBlock(kind, level, label, text))
        self.kind = ("paragraph", 0, None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a block, list, table, row or cell (HTMLParser's callback)."""
        values = dict(attrs)
        if tag == "meta":
            cs = values.get("charset")
            content = (values.get("content") or "").lower()
            if not cs and "charset=" in content:
                cs = content.split("charset=")[-1].strip()
            if cs and not self.charset:
                self.charset = cs.strip().lower()
            return
        if tag in _SKIP_TAGS:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "br":
            self.buf.append("\n")
            return
        if tag == "table":
            if self.tables:  # nested: its text goes into the outer cell
                self.tables[-1].nested += 1
                return
            self._flush()
            self.tables.append(_HtmlTable())
            return
        if self.tables:
            t = self.tables[-1]
            if t.nested:
                if tag in ("td", "th", "p", "div", "li"):
                    self.buf.append(" ")
                return
            if tag == "tr":
                self._end_cell()
                t.row += 1
            elif tag in ("td", "th"):
                self._end_cell()
                if t.row < 0:
                    t.row = 0
                col = 0
                while (t.row, col) in t.occupied:
                    col += 1
                rowspan, colspan = _span_count(values.get("rowspan")), _span_count(values.get("colspan"))
                for r in range(t.row, t.row + rowspan):
                    for k in range(col, col + colspan):
                        t.occupied.add((r, k))
                t.cell = RawCell("", t.row, col, rowspan, colspan)
                self.buf = []
            elif tag in ("p", "div", "li"):
                self.buf.append(" ")
            return
        if tag in ("ul", "ol"):
            self._flush()
            self.lists.append(_HtmlList(ordered=tag == "ol"))
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag[0] == "h" and tag[1:].isdigit():
                self.kind = ("heading", int(tag[1:]), None)
            elif tag == "li":
                label = "-"
                if self.lists:
                    self.lists[-1].count += 1
                    if self.lists[-1].ordered:
                        label = f"{self.lists[-1].count}."
                self.kind = ("list_item", len(self.lists), label)

    def _end_cell(self) -> None:
        t = self.tables[-1]
        if t.cell is not None:
            t.cell.text = " ".join("".join(self.buf).split())
            t.cells.append(t.cell)
            t.cell = None
            self.buf = []

    def handle_endtag(self, tag: str) -> None:
        """Close a block, list, table or cell (HTMLParser's callback)."""
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if self.tables:
            t = self.tables[-1]
            if tag == "table":
                if t.nested:
                    t.nested -= 1
                    return
                self._end_cell()
                self.tables.pop()
                self.items.append(t.cells)
                self.buf = []
            elif tag in ("td", "th") and not t.nested:
                self._end_cell()
            return
        if tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
            return
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        """Keep text outside scripts, styles and page furniture (HTMLParser's callback)."""
        if not self.skip:
            self.buf.append(data)

    def close(self) -> None:
        """Finish parsing: close tables left open and keep the last block."""
        super().close()
        while self.tables:
            self.handle_endtag("table")
        self._flush()


def _declared_charset(data: bytes) -> str | None:
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", data[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else None


def read_html_bytes(data: bytes, name: str) -> Document:
    """Read an HTML file's bytes into a one-page :class:`Document`."""
    import hashlib

    text, enc, fixes = decode_document_bytes(data, _declared_charset(data))
    parser = _HtmlBlocks()
    try:
        parser.feed(text)
        parser.close()
    except Exception as err:  # html.parser is lenient; anything it still rejects is unreadable
        from ..errors import UnreadableFile

        raise UnreadableFile(name, f"the HTML could not be parsed ({err}); save it again from a browser") from err
    builder = PageBuilder(1)
    for item in parser.items:
        if isinstance(item, _HtmlBlock):
            label = item.label
            if label and not item.text.strip().startswith(label):
                builder.add_block(item.kind, item.text, label=label, level=item.level)
            else:
                builder.add_block(item.kind, item.text, level=item.level)
        else:
            grid = grid_from_cells(item)
            builder.add_table(grid, len(builder.tables))
    if not builder.blocks:
        raise EmptyFile(name, "the HTML page holds no visible text; check that it is the right file")
    return Document(source=name, sha256=hashlib.sha256(data).hexdigest(), format="html",
                    pages=(builder.page(quality=1.0),), blocks=tuple(builder.blocks),
                    tables=tuple(builder.tables), encoding=enc, fixes=page_fixes([builder], fixes))
