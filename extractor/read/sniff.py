"""Tell what a file is from its bytes, not its name (paperless-ngx's "can this parser
handle it"): a ``.docx`` that is really a PDF, a ``.pdf`` that is a photo, no extension.

    >>> sniff(b"%PDF-1.7\\n...")
    'pdf'
"""
from __future__ import annotations

import io
import zipfile

__all__ = ["sniff", "KINDS"]

KINDS = ("pdf", "docx", "doc", "odt", "rtf", "zip", "png", "jpeg", "tiff", "gif", "bmp", "webp",
         "html", "txt", "binary", "empty")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _looks_like_text(head: bytes) -> bool:
    if not head:
        return False
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    nul = head.count(b"\x00")
    if nul:
        # UTF-16 without BOM: every other byte is NUL for Latin text
        return nul >= len(head) // 4 and (head[0::2].count(0) > len(head) // 3 or head[1::2].count(0) > len(head) // 3)
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls <= max(1, len(head) // 200)


def sniff(data: bytes) -> str:
    """Kind of a file by content: one of :data:`KINDS`.

    ``docx`` is a zip holding ``word/document.xml``; ``doc`` an OLE2 compound file;
    ``html`` text whose start has an HTML tag; ``txt`` other text; ``binary`` the rest.

        >>> sniff(b"\\x89PNG\\r\\n\\x1a\\n....")
        'png'
        >>> sniff("<!doctype html><p>Chào</p>".encode())
        'html'
    """
    if not data or not data.strip(b" \t\r\n\x00"):
        return "empty"
    head = data[:8192]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"BM") and len(head) > 26:
        return "bmp"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_OLE):
        return "doc"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return "zip"  # a truncated zip: the docx reader will say it is unreadable
        if "word/document.xml" in names:
            return "docx"
        if "content.xml" in names and b"opendocument.text" in head[:200]:
            return "odt"
        return "zip"
    if _looks_like_text(head):
        lowered = head.lstrip(b"\xef\xbb\xbf").lower()
        if b"\x00" in lowered:
            try:
                lowered = head.decode("utf-16").encode("utf-8", "replace").lower()
            except UnicodeDecodeError:
                pass
        stripped = lowered.lstrip()
        if stripped.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in lowered[:2048] \
                or stripped.startswith((b"<!doctype html", b"<html")) \
                or any(tag in lowered[:4096] for tag in (b"<body", b"<p>", b"<p ", b"<div", b"<table", b"<h1")):
            return "html"
        return "txt"
    return "binary"
