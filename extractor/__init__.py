"""giaoviec's extraction library: read Vietnamese official documents and find
who must do what, by when. Pure: no HTTP, no database, no environment variables.

    >>> from extractor import read, extract
    >>> doc = read("quyet-dinh.pdf")          # Document: pages, blocks, tables
    >>> result = extract("quyet-dinh.pdf")    # Extraction: assignments in the contract shape
    >>> result.to_dict()["assignments"][0]["cadre"]
    'Đỗ Văn Hiếu'
"""
from __future__ import annotations

import os

from .config import DEFAULT_CONFIG, ExtractorConfig
from .errors import EmptyFile, EncryptedFile, MissingDependency, ReadError, TooLarge, UnreadableFile, UnsupportedFile
from .link.context import Hints

# Imported eagerly (it is light: readers load their libraries lazily). The subpackage and the
# function share the name ``read``; binding the function after the subpackage import keeps
# ``extractor.read(path)`` a function whatever is imported later.
from .read import read, read_bytes, sniff
from .records import (
    Assignment,
    Block,
    Cell,
    Document,
    DocumentInfo,
    ErrorInfo,
    Extraction,
    Field,
    Fix,
    Page,
    Period,
    Repair,
    Span,
    Statistic,
    Table,
    Task,
)
from .repair import repair_assignments, repair_name, repair_title
from .units import UnitRef, describe_key, hints_from_path, resolve_unit, unit_keys


def extract(path: str | os.PathLike[str], config: ExtractorConfig = DEFAULT_CONFIG, *,
            hints: Hints | None = None) -> Extraction:
    """Read a file and extract its assignments; errors come back inside the result.
    ``hints`` (``{"year": 2019, "unit": "..."}``, from folder names) stand in when the
    text gives no period or unit.

    >>> extract("/no/such/file.txt").error.code
    'unreadable'
    """
    from .pipeline import extract as _extract

    return _extract(path, config=config, hints=hints)


__all__ = [
    "read", "read_bytes", "sniff", "extract",
    "UnitRef", "resolve_unit", "unit_keys", "describe_key", "hints_from_path", "ExtractorConfig", "DEFAULT_CONFIG",
    "ReadError", "EmptyFile", "UnreadableFile", "EncryptedFile", "UnsupportedFile", "TooLarge",
    "MissingDependency",
    "Assignment", "Block", "Cell", "Document", "DocumentInfo", "ErrorInfo", "Extraction", "Field",
    "Fix", "Page", "Period", "Repair", "Span", "Statistic", "Table", "Task",
    "repair_name", "repair_title", "repair_assignments",
]
