"""Read any document a clerk has into a :class:`~extractor.records.Document`.

One reader per kind, chosen by what the bytes are (:func:`sniff`), not by the file name:
TXT/Markdown and HTML (:mod:`.text`), DOCX and .doc (:mod:`.docx`), PDF with a text layer
(:mod:`.pdf`), scanned PDF pages and images through Tesseract (:mod:`.ocr`). Every failure
is a typed :class:`~extractor.errors.ReadError` naming the file and saying what to do.

    >>> from extractor.read import read
    >>> doc = read("quyet-dinh.pdf")                       # doctest: +SKIP
    >>> doc.pages[0].text[:40], doc.pages[0].ocr           # doctest: +SKIP
    ('HUYỆN ỦY CHIÊM HÓA\\nĐẢNG CỘNG SẢN VIỆT NAM', False)
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..config import DEFAULT_CONFIG, ExtractorConfig
from ..errors import EmptyFile, ReadError, TooLarge, UnreadableFile, UnsupportedFile
from ..records import Document
from .sniff import sniff

__all__ = ["read", "read_bytes", "sniff", "SUPPORTED_SUFFIXES"]

Progress = Callable[[int, int], None]

# Suffixes a directory walk picks up (the content still decides how a file is read).
SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".doc", ".rtf", ".odt", ".pdf",
                      ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp")

_IMAGE_KINDS = {"png", "jpeg", "tiff", "gif", "bmp", "webp"}


def read(path: str | os.PathLike[str], *, config: ExtractorConfig = DEFAULT_CONFIG,
         progress: Progress | None = None) -> Document:
    """Read the file at ``path`` into a normalised :class:`Document`.

    ``progress(done_pages, total_pages)`` is called as pages are read (for "page 3/12").
    Raises :class:`~extractor.errors.ReadError` subclasses (codes empty, unreadable,
    encrypted, unsupported, too_large) with a message naming the file.

        >>> doc = read("tests/data/qd.docx")                  # doctest: +SKIP
        >>> doc.format, len(doc.pages)                        # doctest: +SKIP
        ('docx', 1)
    """
    name = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            raise UnsupportedFile(name, "this is a folder; give a file (giaoviec extract reads folders)")
        size = p.stat().st_size
    except FileNotFoundError as err:
        raise UnreadableFile(name, "no such file; check the path") from err
    except PermissionError as err:
        raise UnreadableFile(name, "permission denied; check that you may read the file") from err
    except OSError as err:
        raise UnreadableFile(name, f"cannot open it ({err.strerror or err})") from err
    if size > config.max_file_bytes:
        raise TooLarge(name, f"the file is {size / 1e6:.1f} MB, more than the limit of "
                             f"{config.max_file_bytes / 1e6:.0f} MB; split it or raise max_file_bytes")
    try:
        data = p.read_bytes()
    except OSError as err:
        raise UnreadableFile(name, f"cannot read it ({err.strerror or err})") from err
    return read_bytes(data, name, config=config, progress=progress)


def read_bytes(data: bytes, name: str, *, config: ExtractorConfig = DEFAULT_CONFIG,
               progress: Progress | None = None) -> Document:
    """Read a file's bytes (an upload); ``name`` is used in messages and as Document.source.

        >>> read_bytes("Ủy ban nhân dân".encode(), "note.txt").pages[0].text
        'Ủy ban nhân dân'
    """
    if len(data) > config.max_file_bytes:
        raise TooLarge(name, f"the file is {len(data) / 1e6:.1f} MB, more than the limit of "
                             f"{config.max_file_bytes / 1e6:.0f} MB; split it or raise max_file_bytes")
    kind = sniff(data)
    suffix = Path(name).suffix.lower()
    try:
        if kind == "empty":
            raise EmptyFile(name, "the file is empty; check that it was copied or scanned completely")
        if kind == "pdf":
            from .pdf import read_pdf_bytes

            return read_pdf_bytes(data, name, config=config, progress=progress)
        if kind == "docx":
            from .docx import read_docx_bytes

            doc = read_docx_bytes(data, name)
        elif kind == "doc":
            from .docx import read_doc_bytes

            doc = read_doc_bytes(data, name)
        elif kind in ("rtf", "odt"):
            # other word-processor files: LibreOffice turns them into DOCX
            from .docx import convert_with_soffice, read_docx_bytes

            doc = read_docx_bytes(convert_with_soffice(data, f".{kind}", "docx", name), name, source_format="doc")
        elif kind in _IMAGE_KINDS:
            from .ocr import read_image_bytes

            return read_image_bytes(data, name, config=config, progress=progress)
        elif kind == "html":
            from .text import read_html_bytes

            doc = read_html_bytes(data, name)
        elif kind == "txt":
            from .text import read_text_bytes

            doc = read_text_bytes(data, name, markdown=suffix in (".md", ".markdown"))
        elif kind == "zip":
            if suffix in (".docx", ".docm", ".dotx"):
                raise UnreadableFile(name, "the DOCX file is damaged (a zip without word/document.xml); "
                                           "open it in Word or LibreOffice and save it again")
            raise UnsupportedFile(name, "this is a zip archive; unpack it, or use giaoviec ingest which reads zips")
        else:
            what = {".pdf": "PDF", ".docx": "DOCX", ".doc": "Word"}.get(suffix)
            if what:
                raise UnreadableFile(name, f"named like a {what} file but its content is not one "
                                           "(damaged, or another kind of file); ask for the file again")
            raise UnsupportedFile(name, "not a document giaoviec reads (TXT, HTML, DOCX, DOC, PDF, PNG, JPEG, TIFF)")
    except ReadError:
        raise
    except MemoryError as err:
        raise TooLarge(name, "the file needs more memory than is available; split it") from err
    except Exception as err:  # a reader bug or a file no library expected: still a coded error
        raise UnreadableFile(name, f"could not be read ({type(err).__name__}: {err}); "
                                   "if the file opens elsewhere, please report it") from err
    if progress:
        progress(len(doc.pages), len(doc.pages))
    return doc
