"""Finding the files of a batch: every file below DIR, on disk or inside (nested) zip
files, through the same zip walker and limits as uploads (:mod:`service.zipwalk`).

    >>> [f.path for f in find_files("archive")]
    ['2019/Chiêm Hóa/qd-12.pdf', '2020.zip/Hòa Phú/bao-cao.docx']
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from service import zipwalk


@dataclass(frozen=True, slots=True)
class FoundFile:
    """One file found below DIR, on disk or inside (nested) zip files.

    ``path`` is what the summary shows: relative to DIR, zip members after their
    archive ("2019.zip/Chiêm Hóa/qd.pdf"). ``members`` is the chain of member names
    from the archive on disk (``origin``) down to the file. ``error`` is set when the
    file cannot even be taken out (a corrupt or encrypted zip): it is still a row.
    """

    path: str
    origin: Path
    members: tuple[str, ...] = ()
    size: int | None = None
    error_code: str | None = None
    error: str | None = None

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name


def find_files(root: str | Path, *, max_bytes: int = 200 * 1024 * 1024,
               limits: zipwalk.ZipLimits | None = None) -> Iterator[FoundFile]:
    """Every file below ``root`` (sorted, so runs are reproducible), descending into
    .zip files and zips inside them under the zip walker's ``limits`` (the service's
    defaults unless given), no file inside larger than ``max_bytes``. Unreadable
    archives yield one row with an error.

    >>> [f.path for f in find_files("archive")]
    ['2019/Chiêm Hóa/qd-12.pdf', '2020.zip/Hòa Phú/bao-cao.docx']
    """
    root = Path(root)
    caps = replace(limits or zipwalk.ZipLimits(), max_member_bytes=max_bytes)
    if root.is_file():
        yield from _found_on_disk(root, root.name, caps)
        return
    on_disk: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d.lower() not in zipwalk.JUNK_DIRS and not d.startswith(".")]
        for fname in filenames:
            if not zipwalk.is_junk(fname):
                path = Path(dirpath) / fname
                on_disk.append((path.relative_to(root).as_posix(), path))
    for rel, path in sorted(on_disk):
        yield from _found_on_disk(path, rel, caps)


def _found_on_disk(path: Path, rel: str, limits: zipwalk.ZipLimits) -> Iterator[FoundFile]:
    try:
        size = path.stat().st_size
    except OSError as err:
        yield FoundFile(rel, path, error_code="unreadable",
                        error=f"{rel}: cannot be opened ({err.strerror}); check its permissions")
        return
    if path.suffix.lower() != ".zip":
        yield FoundFile(rel, path, size=size)
        return
    # The walker uploads use too (caps on members, bytes, ratio, depth); nested archives
    # are taken out to a temp folder while their members are listed.
    with tempfile.TemporaryDirectory(prefix="giaoviec-ingest-zip-") as work:
        for e in zipwalk.walk(path, rel, limits, Path(work)):
            yield FoundFile(e.path, path, e.members, e.size, e.error_code, e.error)


def read_found(found: FoundFile, limits: zipwalk.ZipLimits | None = None) -> bytes:
    """The bytes of a found file (taken out of its zip files when inside some, streamed
    through a temp file under the zip walker's ``limits``, the service's defaults unless given).

    >>> data = read_found(next(find_files("archive")))
    """
    if not found.members:
        return found.origin.read_bytes()
    return zipwalk.read(found.origin, found.members, limits or zipwalk.ZipLimits())


def path_hints(root: Path, found: FoundFile) -> dict[str, Any]:
    """Year/unit hints from the folders (DIR's own name included: ``ingest archive/2019``)."""
    from extractor.units import hints_from_path

    hints = hints_from_path(f"{root.resolve().name}/{found.path}" if root.is_dir() else found.path)
    return {**hints, "path": found.path}
