"""Year and unit hints from the folders an archive files a document under
("2019/Chiêm Hóa/QD-12.pdf").

    >>> hints_from_path("luu-tru/2019/Chiêm Hóa/qd-12.pdf")
    {'year': 2019, 'unit': 'Chiêm Hóa'}
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePath
from typing import TypedDict

from extractor.text import name_key
from extractor.units.resolve import find_mentions, resolve_unit

# Folder names archivists use that happen to spell a place without accents
# ("Van ban" = văn bản, not huyện Văn Bàn).
_FOLDER_WORDS = {name_key(w) for w in (
    "văn bản", "tài liệu", "báo cáo", "quyết định", "kế hoạch", "tổng hợp", "scan", "lưu trữ",
    "hồ sơ", "công văn", "thông báo", "nghị quyết", "đăng ký", "phụ lục", "khác", "mới", "cũ",
    "giao việc", "việc đột phá", "đột phá", "docs", "documents", "files", "pdf", "word", "ảnh")}
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?!\d)")


class PathHints(TypedDict, total=False):
    """What an archive's folders say about its documents."""

    year: int
    unit: str  # a unit as written in the folder name ("Chiêm Hóa")
    province: str


def hints_from_path(path: str | PurePath) -> PathHints:
    """Year and unit from the folder names of an archive path (not the file name).

    Archivists file documents as "2019/Chiêm Hóa/QD-12.pdf" or "Năm 2019/Huyện Chiêm
    Hóa/…"; the innermost folder that is a year gives ``year``, the innermost one
    that is a known unit gives ``unit`` as written (and ``province`` when a folder
    names one). Zip files count as folders ("2019.zip/…").

    >>> hints_from_path("luu-tru/2019/Chiêm Hóa/qd-12.pdf")
    {'year': 2019, 'unit': 'Chiêm Hóa'}
    """
    parts = tuple([p for p in re.split(r"[\\/]+", str(path)) if p][:-1])
    year, unit, province = _folder_hints(parts)
    hints = PathHints()
    if year is not None:
        hints["year"] = year
    if unit is not None:
        hints["unit"] = unit
    if province is not None:
        hints["province"] = province
    return hints


@lru_cache(maxsize=4096)
def _folder_hints(parts: tuple[str, ...]) -> tuple[int | None, str | None, str | None]:
    """(year, unit, province) of one chain of folders: an archive holds many files a
    folder, and resolving its names against the registry cost 3.5 ms a file (measured
    in ingest)."""
    year: int | None = None
    unit: str | None = None
    province: str | None = None
    for part in reversed(parts):
        name = re.sub(r"\.zip$", "", part, flags=re.IGNORECASE).replace("_", " ").strip()
        years = _YEAR.findall(name)
        if years and year is None:
            year = int(years[0])
        label = re.sub(r"(?i)\bnăm\b", " ", _YEAR.sub(" ", name)).strip(" -.")
        if not re.search(r"[^\W\d_]{2,}", label):
            continue  # only a year ("2019", "Năm 2019") or a number
        if name_key(label) in _FOLDER_WORDS:
            continue
        ref = resolve_unit(label, year=year)
        # A folder name must be a unit's whole name ("Chiêm Hóa", "Xã Hòa Phú"); a
        # one-word name must also be unique. "Van ban" or "Tong hop" (common folder
        # words above) must not become communes. A name found in several provinces
        # ("Hòa Phú") is still a good hint: the document's own text settles it.
        if ref is None or (not find_mentions(label) and ref.text != label):
            continue
        if ref.key is None and len(label.split()) < 2:
            continue
        if ref.level == "province":
            province = province or label
        else:
            unit = unit or label
    return year, unit, province
