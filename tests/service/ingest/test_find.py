"""Finding files below DIR: folders, zip files, zips inside zips, broken archives,
and the summary CSV (service/ingest/, no database needed)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from service.ingest import (
    SUMMARY_COLUMNS,
    IngestResult,
    Row,
    find_files,
    path_hints,
    read_found,
    read_summary,
    write_summary,
)


def _zip(entries: dict[str, bytes], *, utf8_names: bool = True) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)
            zf.writestr(info, data)
    return buf.getvalue()


def _encrypt_flag(data: bytes, member: str) -> bytes:
    """Mark one member as password-protected (bit 0 of its flags) in both headers.
    zipfile cannot write encrypted zips; this is how such an entry looks to a reader."""
    raw = bytearray(data)
    name = member.encode()
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = raw.find(sig)
        while pos != -1:
            name_at = pos + (30 if sig == b"PK\x03\x04" else 46)
            nlen = int.from_bytes(raw[pos + (26 if sig == b"PK\x03\x04" else 28):][:2], "little")
            if bytes(raw[name_at:name_at + nlen]) == name:
                raw[pos + flag_at] |= 0x1
            pos = raw.find(sig, pos + 4)
    return bytes(raw)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "luu-tru"
    (root / "2019" / "Chiêm Hóa").mkdir(parents=True)
    (root / "2019" / "Chiêm Hóa" / "qd-12.txt").write_text("Quyết định số 12", encoding="utf-8")
    (root / "2019" / "Thumbs.db").write_bytes(b"junk")
    (root / "2019" / ".DS_Store").write_bytes(b"junk")
    inner = _zip({"Kim Bình/bc.txt": "Báo cáo".encode()})
    (root / "2021.zip").write_bytes(_zip({
        "Hòa Phú/a.txt": "Kế hoạch".encode(),
        "__MACOSX/Hòa Phú/._a.txt": b"resource fork",
        "2021-inner.zip": inner,
        "hong.zip": b"this is not a zip",
        "mat-khau.txt": b"secret",
    }))
    data = (root / "2021.zip").read_bytes()
    (root / "2021.zip").write_bytes(_encrypt_flag(data, "mat-khau.txt"))
    (root / "hong.zip").write_bytes(b"PK\x03\x04 truncated")
    return root


def test_walks_folders_and_nested_zips_in_order(archive):
    found = list(find_files(archive))
    paths = [f.path for f in found]
    assert paths == [
        "2019/Chiêm Hóa/qd-12.txt",
        "2021.zip/2021-inner.zip/Kim Bình/bc.txt",
        "2021.zip/Hòa Phú/a.txt",
        "2021.zip/hong.zip",
        "2021.zip/mat-khau.txt",
        "hong.zip",
    ]
    ok = {f.path: f for f in found if not f.error_code}
    assert read_found(ok["2021.zip/2021-inner.zip/Kim Bình/bc.txt"]) == "Báo cáo".encode()
    assert read_found(ok["2021.zip/Hòa Phú/a.txt"]) == "Kế hoạch".encode()
    assert read_found(ok["2019/Chiêm Hóa/qd-12.txt"]) == "Quyết định số 12".encode()


def test_bad_and_encrypted_archives_are_rows_with_reasons(archive):
    errors = {f.path: (f.error_code, f.error) for f in find_files(archive) if f.error_code}
    assert set(errors) == {"2021.zip/hong.zip", "2021.zip/mat-khau.txt", "hong.zip"}
    assert errors["hong.zip"][0] == "unreadable" and "hong.zip" in errors["hong.zip"][1]
    assert errors["2021.zip/hong.zip"][0] == "unreadable"
    code, message = errors["2021.zip/mat-khau.txt"]
    assert code == "encrypted" and "password" in message


def test_oversized_member_is_refused_before_reading(tmp_path):
    (tmp_path / "big.zip").write_bytes(_zip({"a.txt": b"x" * 5000, "b.txt": b"small"}))
    found = {f.path: f for f in find_files(tmp_path, max_bytes=1000)}
    assert found["big.zip/a.txt"].error_code == "too_large"
    assert found["big.zip/b.txt"].error_code is None


def test_zip_names_written_without_the_utf8_flag_are_repaired(tmp_path):
    # Windows tools write UTF-8 bytes without the flag; zipfile then decodes cp437.
    real = "Hòa Phú.txt".encode()
    placeholder = b"X" * len(real)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo(placeholder.decode()), b"x")
    (tmp_path / "w.zip").write_bytes(buf.getvalue().replace(placeholder, real))
    assert [f.path for f in find_files(tmp_path)] == ["w.zip/Hòa Phú.txt"]


def test_a_single_file_or_zip_can_be_given(archive):
    assert [f.path for f in find_files(archive / "2019" / "Chiêm Hóa" / "qd-12.txt")] == ["qd-12.txt"]
    assert len(list(find_files(archive / "2021.zip"))) == 4


def test_hints_come_from_folders_and_zip_names(archive):
    found = {f.path: f for f in find_files(archive)}
    hints = path_hints(archive, found["2019/Chiêm Hóa/qd-12.txt"])
    assert hints == {"year": 2019, "unit": "Chiêm Hóa", "path": "2019/Chiêm Hóa/qd-12.txt"}
    hints = path_hints(archive, found["2021.zip/Hòa Phú/a.txt"])
    assert hints["year"] == 2021 and hints["unit"] == "Hòa Phú"


def test_summary_csv_round_trip(tmp_path):
    rows = [Row("2019/a.pdf", "ab" * 32, "done", 2, 1, 3, 9, "", document_id=1),
            Row("hong.zip", "", "failed", error="unreadable: hong.zip: not a readable zip file",
                error_code="unreadable"),
            Row("2019/b.pdf", "cd" * 32, "skipped", 1, 0, 0, 0, "")]
    out = tmp_path / "s" / "SUMMARY.csv"
    write_summary(rows, out)
    back = read_summary(out)
    assert list(back[0]) == list(SUMMARY_COLUMNS)
    assert [r["status"] for r in back] == ["done", "failed", "skipped"]
    assert back[0]["tasks"] == "9" and back[1]["error"].startswith("unreadable:")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to show Vietnamese
    result = IngestResult(rows=rows, seconds=2.0)
    assert result.failures_by_reason == {"unreadable": 1}
    # processed: documents done or failed in this run; a broken zip is a row, not a document
    assert result.totals["pages"] == 3 and result.totals["processed"] == 1
    assert "unreadable" in result.report()
