"""Content-addressed file store: an original lives at DATA_DIR/files/ab/cdef... (its sha256).

The same bytes are stored once, whatever their name; writes are atomic (temp file
then rename) so a crash never leaves half a file under a valid address.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def sha256_of(data: bytes) -> str:
    """>>> sha256_of(b"")[:8]
    'e3b0c442'"""
    return hashlib.sha256(data).hexdigest()


def sha256_of_file(path: Path) -> str:
    """The sha256 of a file, read in 1 MB pieces (an upload is never held whole)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while piece := fh.read(1 << 20):
            h.update(piece)
    return h.hexdigest()


def path_for(files_dir: Path, sha256: str) -> Path:
    """Where the file with this sha256 lives.

    >>> path_for(Path("data/files"), "abcdef")
    PosixPath('data/files/ab/cdef')
    """
    return Path(files_dir) / sha256[:2] / sha256[2:]


def put(files_dir: Path, data: bytes, sha256: str | None = None) -> Path:
    """Store ``data`` (if not already there) and return its path."""
    sha256 = sha256 or sha256_of(data)
    target = path_for(files_dir, sha256)
    if target.is_file() and target.stat().st_size == len(data):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".up-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def put_file(files_dir: Path, src: Path, sha256: str) -> Path:
    """Move the file ``src`` (same file system, already complete) to its address, unless
    the address already holds it; ``src`` is gone afterwards either way."""
    target = path_for(files_dir, sha256)
    size = Path(src).stat().st_size
    if target.is_file() and target.stat().st_size == size:
        Path(src).unlink(missing_ok=True)
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(src, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(src, target)
        fsync_dir(target.parent)
    except BaseException:
        Path(src).unlink(missing_ok=True)
        raise
    return target


def fsync_dir(path: Path) -> None:
    """Make a rename into ``path`` durable: without it a power cut can lose the new name
    though the file's bytes were synced."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
