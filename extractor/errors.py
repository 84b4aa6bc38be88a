"""Typed, coded errors. Each names the file and says what to do.

Codes (stable, part of the contract): ``empty``, ``unreadable``, ``encrypted``,
``unsupported``, ``too_large``. Callers turn them into
``{"error": {"code": ..., "message": ...}}`` and go on with the next file.
"""
from __future__ import annotations

from .records import ErrorInfo


class ReadError(Exception):
    """Base: a file could not be read. ``str(err)`` is the message for the user."""

    code = "unreadable"

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")

    @property
    def info(self) -> ErrorInfo:
        return ErrorInfo(code=self.code, message=str(self))


class EmptyFile(ReadError):
    code = "empty"


class UnreadableFile(ReadError):
    code = "unreadable"


class EncryptedFile(ReadError):
    code = "encrypted"


class UnsupportedFile(ReadError):
    code = "unsupported"


class TooLarge(ReadError):
    code = "too_large"


class MissingDependency(ReadError):
    """A system tool (tesseract, LibreOffice) the file needs is not installed."""

    code = "unsupported"
