"""Accent-insensitive keys for search: ``fold("Hòa Phú") == "hoa phu"``.

The key is :func:`extractor.text.search_key` (tone and vowel marks dropped, đ -> d,
lower case, runs of spaces and punctuation one space), the same accent folding as the
duplicate and unit keys; the stored search columns hold it.
"""
from __future__ import annotations

from extractor.text import search_key as fold

__all__ = ["fold"]
