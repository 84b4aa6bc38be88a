"""The one zip walker: uploads (``POST /api/documents``) and ``giaoviec ingest`` both list
and take out archive members here, under the same caps.

A zip is a promise about sizes that its bytes need not keep: 1.5 MB of zip held ten
distinct 150 MB members (the upload route read each into memory, on the event loop:
3.75 GB of RSS, /healthz down for 4 minutes; issue 13). So, for every archive:

- at most ``max_members`` files in all (nested archives included) and ``max_total_bytes``
  unpacked in all, counted from the headers first and then from the bytes actually
  written (a header may lie);
- no member over ``max_member_bytes`` and none larger than 1 MB that unpacks more than
  ``max_ratio`` times its packed size (documents pack 2-20 times; zeros 1000 times);
- archives inside archives at most ``max_depth`` deep;
- members are streamed to files, never held whole in memory; nested archives too.

Zip-based documents (``.docx``, ``.xlsx``, ``.odt``...) are documents, not archives.

    >>> limits = ZipLimits()
    >>> with tempfile.TemporaryDirectory() as work:
    ...     for entry in walk(Path("2019.zip"), "2019.zip", limits, Path(work)):
    ...         print(entry.path, entry.size, entry.error_code)
    2019.zip/Chiêm Hóa/qd.pdf 48211 None
"""
from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from service.settings import Settings

MB = 1 << 20
# Files that are never documents: OS and archiver droppings.
JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini", ".gitkeep"}
JUNK_DIRS = {"__macosx", ".git", ".svn", "@eadir"}
# Zip containers that are one document: OOXML, OpenDocument, EPUB.
DOCUMENT_SUFFIXES = {".docx", ".docm", ".dotx", ".xlsx", ".xlsm", ".pptx", ".odt", ".ott", ".ods", ".odp",
                     ".odg", ".epub"}
# Below this a member may pack as tightly as it likes: a short text of spaces is no bomb.
RATIO_FLOOR = MB
_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError,
           RuntimeError)


@dataclass(frozen=True)
class ZipLimits:
    """Caps for one archive given by a user (nested archives count in their parent's)."""

    max_members: int = 10_000
    max_total_bytes: int = 4 << 30
    max_member_bytes: int = 200 * MB
    max_ratio: int = 100
    max_depth: int = 4

    @classmethod
    def from_settings(cls, s: Settings) -> ZipLimits:
        """The limits the service is configured with (``zip_max_*``, ``max_upload_bytes``)."""
        return cls(max_members=s.zip_max_members, max_total_bytes=s.zip_max_total_bytes,
                   max_member_bytes=s.max_upload_bytes, max_ratio=s.zip_max_ratio, max_depth=s.zip_max_depth)


@dataclass(frozen=True)
class Entry:
    """A file inside an archive: ``path`` as the user sees it ("2019.zip/Hòa Phú/qd.pdf"),
    ``members`` the chain of member names from the archive on disk down to it. ``error_code``
    (``too_large``, ``encrypted``, ``unreadable``, ``unsupported``) when it is not taken out;
    ``error`` then says why and what to do."""

    path: str
    members: tuple[str, ...]
    size: int | None = None
    error_code: str | None = None
    error: str | None = None
    file: Path | None = None  # where it was taken out to (``walk(..., take=True)``)

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name


class ZipRefused(Exception):
    """A member could not be taken out within the caps (or at all)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def is_junk(name: str) -> bool:
    low = name.lower()
    return low in JUNK_NAMES or low.startswith("~$") or low.startswith(".")


def member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its author saw it. Zips made by Windows tools without the
    UTF-8 flag store names in the OEM code page; Vietnamese ones are usually UTF-8
    bytes that zipfile decoded as cp437."""
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            name = name.encode("cp437").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name


def is_archive(path: Path, name: str) -> bool:
    """Whether the file at ``path`` (uploaded as ``name``) is an archive to expand: a zip
    that is not a zip-based document (OOXML has ``[Content_Types].xml``, OpenDocument and
    EPUB a ``mimetype`` member; their usual names say so too)."""
    if Path(name).suffix.lower() in DOCUMENT_SUFFIXES:
        return False
    try:
        with open(path, "rb") as fh:
            if fh.read(4) != b"PK\x03\x04" and not name.lower().endswith(".zip"):
                return False
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except _ERRORS:
        return False
    return not ({"[Content_Types].xml", "mimetype", "META-INF/manifest.xml"} & names)


class _Budget:
    """What one top-level archive has used of its caps so far."""

    def __init__(self, limits: ZipLimits):
        self.limits = limits
        self.members = 0
        self.declared = 0


def walk(archive: Path, shown: str, limits: ZipLimits, workdir: Path, *, take: bool = False) -> Iterator[Entry]:
    """Every file in ``archive`` (on disk; shown to the user as ``shown``), descending into
    archives inside it, in name order. A member over a cap or unreadable is an ``Entry``
    with an error; past the member or total cap the walk stops with one such entry.
    Nested archives are taken out into ``workdir`` (the caller removes it), and with
    ``take`` every file too (``Entry.file``; the caller moves or removes it)."""
    try:
        zf = zipfile.ZipFile(archive)
    except _ERRORS as err:
        yield Entry(shown, (), None, "unreadable",
                    f"{shown}: not a readable zip file ({err}); unpack it with another tool or copy it again")
        return
    with zf:
        try:
            yield from _walk(zf, shown, (), limits, workdir, 1, _Budget(limits), take)
        except _Stop:  # a cap on the whole archive was reached; its entry was the last
            return


def _walk(zf: zipfile.ZipFile, prefix: str, chain: tuple[str, ...], limits: ZipLimits, workdir: Path,
          depth: int, budget: _Budget, take: bool) -> Iterator[Entry]:
    infos = sorted((i for i in zf.infolist() if not i.is_dir()), key=member_name)
    for info in infos:
        shown = member_name(info)
        parts = PurePosixPath(shown.replace("\\", "/")).parts
        if not parts or any(p.lower() in JUNK_DIRS for p in parts[:-1]) or is_junk(parts[-1]):
            continue
        rel = f"{prefix}/{'/'.join(p for p in parts if p not in ('..', '/'))}"
        members = chain + (info.filename,)
        budget.members += 1
        budget.declared += info.file_size
        if budget.members > limits.max_members:
            yield Entry(rel, members, info.file_size, "too_large",
                        f"{prefix}: more than {limits.max_members} files; split the archive")
            raise _Stop
        if budget.declared > limits.max_total_bytes:
            yield Entry(rel, members, info.file_size, "too_large",
                        f"{prefix}: unpacks to more than {limits.max_total_bytes // MB} MB; "
                        "split the archive or unpack it and send the files")
            raise _Stop
        refused = check_member(info, rel, limits)
        if refused:
            yield Entry(rel, members, info.file_size, refused.code, str(refused))
            continue
        if not rel.lower().endswith(".zip"):
            if not take:
                yield Entry(rel, members, info.file_size)
                continue
            out = Path(tempfile.mkstemp(dir=workdir, prefix="member-")[1])
            try:
                with zf.open(info) as src, open(out, "wb") as dst:
                    copy_capped(src, dst, info.file_size, rel)
            except ZipRefused as err:
                out.unlink(missing_ok=True)
                yield Entry(rel, members, info.file_size, err.code, str(err))
                continue
            except _ERRORS as err:
                out.unlink(missing_ok=True)
                yield Entry(rel, members, info.file_size, "unreadable",
                            f"{rel}: cannot be taken out of the zip file ({err}); unpack it with another tool")
                continue
            yield Entry(rel, members, info.file_size, file=out)
            continue
        if depth >= limits.max_depth:
            yield Entry(rel, members, info.file_size, "unsupported",
                        f"{rel}: zip files nested more than {limits.max_depth} deep; unpack it first")
            continue
        inner_path = Path(tempfile.mkstemp(dir=workdir, suffix=".zip")[1])
        try:
            with zf.open(info) as src, open(inner_path, "wb") as dst:
                copy_capped(src, dst, info.file_size, rel)
            inner = zipfile.ZipFile(inner_path)
        except ZipRefused as err:
            yield Entry(rel, members, info.file_size, err.code, str(err))
            continue
        except _ERRORS as err:
            yield Entry(rel, members, info.file_size, "unreadable",
                        f"{rel}: not a readable zip file ({err}); unpack it with another tool or copy it again")
            continue
        with inner:
            yield from _walk(inner, rel, members, limits, workdir, depth + 1, budget, take)
        inner_path.unlink(missing_ok=True)


class _Stop(Exception):
    """Ends a walk from inside nested archives."""


def check_member(info: zipfile.ZipInfo, rel: str, limits: ZipLimits) -> ZipRefused | None:
    """Why this member may not be taken out, from its header (None: it may)."""
    if info.flag_bits & 0x1:
        return ZipRefused("encrypted", f"{rel}: the zip entry is password-protected; "
                                       "unpack it with the password and send the files")
    if info.file_size > RATIO_FLOOR and info.file_size > limits.max_ratio * max(1, info.compress_size):
        return ZipRefused("too_large", f"{rel}: unpacks {info.file_size // max(1, info.compress_size)} times its "
                                       f"packed size (over {limits.max_ratio}); this looks like a zip bomb, "
                                       "not a document; unpack it with another tool if it is one")
    if info.file_size > limits.max_member_bytes:
        return ZipRefused("too_large", f"{rel}: {info.file_size // MB} MB unpacked, over the "
                                       f"{limits.max_member_bytes // MB} MB limit; split the document")
    return None


def copy_capped(src: BinaryIO, dst: BinaryIO, declared: int, rel: str) -> int:
    """Copy a member in 1 MB pieces, refusing it as soon as it passes its declared size."""
    n = 0
    while True:
        piece = src.read(MB)
        if not piece:
            return n
        n += len(piece)
        if n > declared:
            raise ZipRefused("unreadable", f"{rel}: holds more bytes than its zip header says; "
                                           "the archive is damaged or forged; unpack it with another tool")
        dst.write(piece)


def extract(archive: Path, members: tuple[str, ...], dest: Path, limits: ZipLimits) -> Path:
    """Take one member (``members``: its chain through nested archives) out of ``archive``
    into the file ``dest``, streamed, under the caps. Raises ZipRefused."""
    with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".zipwalk-") as work:
        current = archive
        for k, member in enumerate(members):
            try:
                with zipfile.ZipFile(current) as zf:
                    info = zf.getinfo(member)
                    refused = check_member(info, member, limits)
                    if refused:
                        raise refused
                    target = dest if k == len(members) - 1 else Path(work) / f"{k}.zip"
                    with zf.open(info) as src, open(target, "wb") as dst:
                        copy_capped(src, dst, info.file_size, member)
            except ZipRefused:
                raise
            except _ERRORS as err:
                raise ZipRefused("unreadable", f"{member}: cannot be taken out of the zip file ({err}); "
                                               "unpack it with another tool or copy it again") from err
            current = target
    return dest


def read(archive: Path, members: tuple[str, ...], limits: ZipLimits) -> bytes:
    """The bytes of one member (at most ``max_member_bytes``), streamed through a temp file."""
    with tempfile.TemporaryDirectory(prefix="giaoviec-zip-") as work:
        out = extract(archive, members, Path(work) / "member", limits)
        return out.read_bytes()
