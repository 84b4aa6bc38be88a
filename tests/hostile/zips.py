"""Zip bombs for the tests, written fast: a deflate stream of N MB of zeros is one
compressed MB repeated N times (each piece ends on a full flush, so pieces stand alone),
so a 1 GB member costs a CRC pass, not a compression pass."""
from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

MB = 1 << 20
_ZEROS = bytes(MB)


def _piece() -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(_ZEROS) + c.flush(zlib.Z_FULL_FLUSH)


_PIECE = _piece()
_END = b"\x03\x00"  # an empty final block


def _member(prefix: bytes, n_mb: int) -> tuple[bytes, int, int]:
    """(raw deflate data, crc32, size) of ``prefix`` + n_mb MB of zeros."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(prefix) + c.flush(zlib.Z_FULL_FLUSH) if prefix else b""
    crc = zlib.crc32(prefix)
    for _ in range(n_mb):
        crc = zlib.crc32(_ZEROS, crc)
    return head + _PIECE * n_mb + _END, crc & 0xFFFFFFFF, len(prefix) + n_mb * MB


def bomb(path: Path, members: list[tuple[str, int]], *, distinct: bool = True,
         lie_size: int | None = None) -> Path:
    """A zip of ``members`` (name, MB of zeros); ``distinct`` gives each its own first bytes
    (so content-addressed storage cannot fold them into one); ``lie_size`` writes that
    uncompressed size into the headers instead of the true one."""
    out = bytearray()
    central = bytearray()
    for k, (name, n_mb) in enumerate(members):
        data, crc, size = _member(f"member {k}\n".encode() if distinct else b"", n_mb)
        shown = size if lie_size is None else lie_size
        fname = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), shown, len(fname), 0)
        out += fname + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), shown,
                               len(fname), 0, 0, 0, 0, 0, offset)
        central += fname
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), cd_offset, 0)
    path.write_bytes(bytes(out))
    return path


def nest(path: Path, inner: Path, depth: int, copies: int = 1) -> Path:
    """``inner`` wrapped in ``depth`` more zip files, each holding ``copies`` of the level below."""
    current = inner
    for level in range(depth):
        nxt = path.with_name(f"{path.stem}-{level}.zip") if level < depth - 1 else path
        with zipfile.ZipFile(nxt, "w", zipfile.ZIP_STORED) as zf:
            for c in range(copies):
                zf.write(current, f"level{level}-{c}.zip")
        current = nxt
    return path
