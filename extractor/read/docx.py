"""Read DOCX (python-docx) and legacy .doc (converted by LibreOffice headless).

Paragraphs and tables come in document order; automatic list numbering (numPr on the
paragraph or its style) is rebuilt as Block.label ("1.", "a)", "-"); headers and footers
are not part of the body and are skipped; vertically merged table cells (vMerge) and
horizontal ones (gridSpan) are resolved.

    >>> doc = read_docx_bytes(open("qd.docx", "rb").read(), "qd.docx")   # doctest: +SKIP
"""
from __future__ import annotations

import hashlib
import io
import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast, overload

from ..errors import EmptyFile, EncryptedFile, MissingDependency, UnreadableFile
from ..records import Document, Format
from .layout import PageBuilder, RawCell, grid_from_cells, page_fixes

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.text.parfmt import CT_PPr
    from docx.text.paragraph import Paragraph

__all__ = ["read_docx_bytes", "read_doc_bytes"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class _XmlElement(Protocol):
    """The part of an lxml element this reader uses (lxml ships no type stubs). ``tag`` is
    a string for elements and a function for comments and processing instructions."""

    @property
    def tag(self) -> object: ...

    @property
    def text(self) -> str | None: ...

    @overload
    def get(self, key: str) -> str | None: ...

    @overload
    def get(self, key: str, default: str) -> str: ...

    def find(self, path: str) -> _XmlElement | None: ...

    def findall(self, path: str) -> list[_XmlElement]: ...

    def iter(self, tag: str) -> Iterator[_XmlElement]: ...

    def getparent(self) -> _XmlElement | None: ...

    def __iter__(self) -> Iterator[_XmlElement]: ...


def _roman(n: int) -> str:
    """``n`` in lower-case Roman numerals: ``_roman(14)`` -> "xiv"."""
    vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letter(n: int) -> str:
    """``n`` as a list letter: 1 -> "a", 27 -> "aa"."""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(97 + r) + out
    return out


def _format_number(n: int, fmt: str) -> str:
    """``n`` in a numbering.xml number format (decimal, lowerLetter, upperRoman...)."""
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)  # decimal and anything we do not know


class _Numbering:
    """Rebuilds list labels from numbering.xml: counters per (numId, level)."""

    def __init__(self, document: DocxDocument) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            part = document.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            return
        root = part.element
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.findall(f"{W}abstractNum"):
            aid = an.get(f"{W}abstractNumId")
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in an.findall(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl", "0"))
                fmt = lvl.find(f"{W}numFmt")
                txt = lvl.find(f"{W}lvlText")
                start = lvl.find(f"{W}start")
                lv[ilvl] = (fmt.get(f"{W}val") if fmt is not None else "decimal",
                            txt.get(f"{W}val") if txt is not None else "%1.",
                            int(start.get(f"{W}val", "")) if start is not None else 1)
            abstract[aid] = lv
        for num in root.findall(f"{W}num"):
            nid = num.get(f"{W}numId")
            ref = num.find(f"{W}abstractNumId")
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(f"{W}val"), {}).items():
                self.levels[(nid, ilvl)] = spec
            for ov in num.findall(f"{W}lvlOverride"):
                so = ov.find(f"{W}startOverride")
                ilvl = int(ov.get(f"{W}ilvl", "0"))
                if so is not None and (nid, ilvl) in self.levels:
                    fmt, txt, _ = self.levels[(nid, ilvl)]
                    self.levels[(nid, ilvl)] = (fmt, txt, int(so.get(f"{W}val", "")))

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label of the next item of list ``num_id`` at level ``ilvl`` ("2.", "b)", "-"),
        counting it; None where the list shows no number."""
        spec = self.levels.get((num_id, ilvl))
        if spec is None or num_id == "0":
            return None
        counters = self.counters.setdefault(num_id, [0] * 9)
        fmt, text, start = spec
        if counters[ilvl] == 0:
            counters[ilvl] = start
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):  # a new item restarts its sub-lists
            counters[deeper] = 0
        if fmt == "bullet":
            # Symbol-font bullets are private-use characters: write a plain dash
            symbol = any(0xE000 <= ord(ch) <= 0xF8FF for ch in text)
            return "-" if not text or symbol or text in ("o", "§", "·") else text
        if fmt == "none":
            return None
        out = text
        for lv in range(9, 0, -1):
            token = f"%{lv}"
            if token in out:
                spec_lv = self.levels.get((num_id, lv - 1), ("decimal", "", 1))
                value = counters[lv - 1] or spec_lv[2]
                out = out.replace(token, _format_number(value, spec_lv[0] if lv - 1 != ilvl else fmt))
        return out.strip() or None


class _DecimalNumber(Protocol):
    """A w:numId or w:ilvl element (python-docx's CT_DecimalNumber)."""

    val: int


class _NumPr(Protocol):
    """A w:numPr element (python-docx's CT_NumPr): which list, at which level."""

    numId: _DecimalNumber | None
    ilvl: _DecimalNumber | None


def _numbering_properties(ppr: CT_PPr | None) -> _NumPr | None:
    """The w:numPr of paragraph properties, if any. python-docx declares it and its children
    as ZeroOrOne descriptors, which carry no element type: hence the cast."""
    return None if ppr is None else cast("_NumPr | None", ppr.numPr)


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    """The paragraph's list (numId, level), from its own properties or its style chain."""
    num = _numbering_properties(paragraph._p.pPr)
    style = paragraph.style
    while num is None and style is not None:  # numbering can come from the style chain
        num = _numbering_properties(style.element.pPr)
        style = style.base_style
    if num is None or num.numId is None:
        return None
    ilvl = num.ilvl.val if num.ilvl is not None else 0
    return str(num.numId.val), int(ilvl)


def _heading_level(paragraph: Paragraph) -> int:
    """1-9 for a Title or Heading N paragraph style, 0 otherwise."""
    style = paragraph.style
    name = (style.name or "") if style is not None else ""
    lowered = name.lower()
    if lowered == "title":
        return 1
    if lowered.startswith("heading"):
        tail = lowered.replace("heading", "").strip()
        return int(tail) if tail.isdigit() else 1
    return 0


MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP_INSIDE = {f"{W}txbxContent", MC_FALLBACK, f"{W}del", f"{W}moveFrom"}


def paragraph_text(p: _XmlElement) -> str:
    """Text of a w:p as Word shows it: runs inside tracked insertions, fields, smart tags
    and inline content controls included (python-docx's ``Paragraph.text`` skips them);
    deleted text, text boxes (read as their own blocks) and compatibility fallbacks not."""
    out: list[str] = []

    def walk(el: _XmlElement) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP_INSIDE or tag == f"{W}p":
                continue
            if tag == f"{W}t":
                out.append(child.text or "")
            elif tag in (f"{W}tab", f"{W}ptab"):
                out.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                out.append("\n")
            elif tag == f"{W}noBreakHyphen":
                out.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(out)


def text_box_paragraphs(p: _XmlElement) -> list[str]:
    """Paragraph texts inside the text boxes anchored in a w:p (not their fallback copies)."""
    texts: list[str] = []
    for box in p.iter(f"{W}txbxContent"):
        parent = box.getparent()
        inside_fallback = False
        while parent is not None and parent is not p:
            if parent.tag == MC_FALLBACK:
                inside_fallback = True
                break
            parent = parent.getparent()
        if inside_fallback:
            continue
        for inner in box.iter(f"{W}p"):
            texts.append(paragraph_text(inner))
    return texts


def _cell_text(tc: _XmlElement) -> str:
    """A table cell's paragraphs, joined by a space."""
    parts: list[str] = []
    for p in tc.iter(f"{W}p"):
        text = paragraph_text(p)
        if text.strip():
            parts.append(text)
    return " ".join(parts)


def _table_cells(tbl: _XmlElement) -> list[RawCell]:
    """Grid cells of a w:tbl, with gridSpan and vMerge turned into colspan/rowspan."""
    cells: list[RawCell] = []
    open_merges: dict[int, RawCell] = {}  # grid column -> cell that started a vertical merge
    row_index = -1
    for tr in tbl.findall(f"{W}tr"):
        row_index += 1
        col = 0
        grid_before = tr.find(f"{W}trPr/{W}gridBefore")
        if grid_before is not None:
            col += int(grid_before.get(f"{W}val", "0"))
        for tc in tr.findall(f"{W}tc"):
            tcpr = tc.find(f"{W}tcPr")
            span = 1
            vmerge: str | None = None
            if tcpr is not None:
                gs = tcpr.find(f"{W}gridSpan")
                if gs is not None:
                    span = max(1, int(gs.get(f"{W}val", "1")))
                vm = tcpr.find(f"{W}vMerge")
                if vm is not None:
                    vmerge = vm.get(f"{W}val") or "continue"
            if vmerge == "continue" and col in open_merges:
                open_merges[col].rowspan += 1
            else:
                cell = RawCell(_cell_text(tc), row_index, col, 1, span)
                cells.append(cell)
                if vmerge == "restart":
                    open_merges[col] = cell
                else:
                    open_merges.pop(col, None)
            col += span
    return cells


def read_docx_bytes(data: bytes, name: str, *, source_format: Format = "docx") -> Document:
    """Read a DOCX file's bytes into a one-page :class:`Document` (DOCX has no fixed pages)."""
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, Exception) as err:
        raise UnreadableFile(name, f"the DOCX file is damaged or truncated ({type(err).__name__}); "
                                   "open it in Word or LibreOffice and save it again") from err
    numbering = _Numbering(document)
    builder = PageBuilder(1)
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            para = Paragraph(child, document)
            for boxed in text_box_paragraphs(child):
                builder.add_block("paragraph", boxed)
            text = paragraph_text(child)
            level = _heading_level(para)
            num = _num_pr(para)
            label = numbering.label(*num) if num else None
            if level:
                builder.add_block("heading", text, level=level, label=label)
            elif label:
                if text.strip():
                    builder.add_block("list_item", text, label=label, level=num[1] if num else 0)
            else:
                builder.add_block("paragraph", text)
        elif child.tag == qn("w:tbl"):
            cells = _table_cells(child)
            builder.add_table(grid_from_cells(cells), len(builder.tables))
        elif child.tag == qn("w:sdt"):  # content controls (tables of contents, cover pages)
            for p in child.iter(qn("w:p")):
                builder.add_block("paragraph", paragraph_text(p))
    if not builder.blocks:
        raise EmptyFile(name, "the document has no text in its body; check that it is the right file")
    return Document(source=name, sha256=hashlib.sha256(data).hexdigest(), format=source_format,
                    pages=(builder.page(quality=1.0),), blocks=tuple(builder.blocks),
                    tables=tuple(builder.tables), encoding=None,
                    fixes=page_fixes([builder]))


def soffice_binary() -> str | None:
    """The LibreOffice command if installed (soffice or libreoffice)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill what is left of LibreOffice's process group and reap its leader."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):  # the group has already gone
        pass
    proc.wait()


def convert_with_soffice(data: bytes, suffix: str, target: str, name: str, timeout: float = 180) -> bytes:
    """Convert a file with LibreOffice headless (``target`` like "docx" or "pdf")."""
    binary = soffice_binary()
    if not binary:
        raise MissingDependency(name, f"this is a {suffix.lstrip('.').upper()} file and LibreOffice is not installed; "
                                      "install libreoffice-writer-nogui (see README) or save it as .docx")
    tmp = tempfile.mkdtemp(prefix="giaoviec-soffice-")
    try:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        # A private profile: a user's running LibreOffice must not block the conversion.
        profile = Path(tmp) / "profile"
        cmd = [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", tmp, str(src)]
        # A session of its own: `soffice` is a shell script that starts oosplash, which
        # starts soffice.bin; killing only the script on timeout left soffice.bin running
        # (issue 13), so the whole process group is killed.
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired as err:
            raise UnreadableFile(name, f"LibreOffice took more than {timeout}s to convert it; "
                                       "open it in Word and save it as .docx") from err
        finally:
            _kill_group(proc)
        out = Path(tmp) / f"input.{target.split(':')[0]}"
        if not out.exists() or out.stat().st_size == 0:
            raise UnreadableFile(name, "LibreOffice could not convert it (damaged or password-protected?); "
                                       "open it in Word and save it as .docx")
        return out.read_bytes()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def read_doc_bytes(data: bytes, name: str) -> Document:
    """Read a legacy Word .doc (OLE2) by converting it to DOCX with LibreOffice."""
    if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data[:200000]:
        raise EncryptedFile(name, "the Word file is password-protected; open it, remove the password and save again")
    converted = convert_with_soffice(data, ".doc", "docx", name)
    return read_docx_bytes(converted, name, source_format="doc")
