"""The one zip walker (service/zipwalk.py): caps on members, bytes, ratio and depth,
lying headers, zip-based documents left whole; uploads and ingest use it alike."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from service import zipwalk
from service.zipwalk import ZipLimits
from tests.hostile.zips import bomb, nest

MB = 1 << 20


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _walk(path: Path, tmp: Path, limits: ZipLimits | None = None, **kw) -> list[zipwalk.Entry]:
    work = tmp / "work"
    work.mkdir(exist_ok=True)
    return list(zipwalk.walk(path, path.name, limits or ZipLimits(), work, **kw))


def test_ordinary_archive_lists_and_takes_out_every_file(tmp_path):
    inner = _zip(tmp_path / "inner.zip", {"b.txt": b"hai"})
    path = _zip(tmp_path / "a.zip", {"2019/a.txt": "một".encode(), "__MACOSX/._a.txt": b"x", ".DS_Store": b"x",
                                     "x/inner.zip": inner.read_bytes()})
    entries = _walk(path, tmp_path, take=True)
    assert [(e.path, e.error_code) for e in entries] == [("a.zip/2019/a.txt", None),
                                                         ("a.zip/x/inner.zip/b.txt", None)]
    assert [e.file.read_bytes() for e in entries] == ["một".encode(), b"hai"]
    assert zipwalk.read(path, entries[1].members, ZipLimits()) == b"hai"


def test_flat_bomb_is_refused_by_its_ratio_before_unpacking(tmp_path):
    path = bomb(tmp_path / "flat.zip", [("zeros.txt", 1024)], distinct=False)
    assert path.stat().st_size < 2 * MB
    entries = _walk(path, tmp_path, take=True)
    assert [e.error_code for e in entries] == ["too_large"]
    assert "zip bomb" in entries[0].error and not list((tmp_path / "work").iterdir())


def test_distinct_members_stop_at_the_total(tmp_path):
    path = bomb(tmp_path / "distinct.zip", [(f"m{k}.txt", 150) for k in range(10)])
    limits = ZipLimits(max_total_bytes=400 * MB, max_ratio=10_000, max_member_bytes=200 * MB)
    entries = _walk(path, tmp_path, limits)
    assert [e.error_code for e in entries] == [None, None, "too_large"]
    assert "unpacks to more than 400 MB" in entries[-1].error


def test_too_many_members_stop_the_walk(tmp_path):
    path = _zip(tmp_path / "many.zip", {f"{k}.txt": b"x" for k in range(30)})
    entries = _walk(path, tmp_path, ZipLimits(max_members=10))
    assert len(entries) == 11 and entries[-1].error_code == "too_large" and "more than 10 files" in entries[-1].error


def test_nesting_deeper_than_the_cap_is_refused(tmp_path):
    leaf = _zip(tmp_path / "leaf.zip", {"qd.txt": b"quyet dinh"})
    deep = nest(tmp_path / "deep.zip", leaf, depth=5)
    entries = _walk(deep, tmp_path, ZipLimits(max_depth=4))
    assert [e.error_code for e in entries] == ["unsupported"] and "nested more than 4" in entries[0].error
    shallow = nest(tmp_path / "shallow.zip", leaf, depth=2)
    assert [e.error_code for e in _walk(shallow, tmp_path)] == [None]


def test_nested_wide_bomb_stops_at_the_ratio_of_its_leaves(tmp_path):
    leaf = bomb(tmp_path / "leaf.zip", [("z.txt", 100)], distinct=False)
    wide = nest(tmp_path / "wide.zip", leaf, depth=2, copies=10)  # 100 leaves of 100 MB: 10 GB
    entries = _walk(wide, tmp_path, take=True)
    assert entries and all(e.error_code == "too_large" for e in entries) and all(e.file is None for e in entries)


def test_a_header_that_lies_about_the_size_is_caught_while_copying(tmp_path):
    # 50 MB of zeros declared as 1000 bytes: the copy stops at what the header says
    # (zipfile and copy_capped both count), nothing is left behind.
    path = bomb(tmp_path / "liar.zip", [("small.txt", 50)], lie_size=1000)
    entries = _walk(path, tmp_path, take=True)
    assert [e.error_code for e in entries] == ["unreadable"] and "unpack it with another tool" in entries[0].error
    assert not list((tmp_path / "work").iterdir())
    with pytest.raises(zipwalk.ZipRefused):
        zipwalk.read(path, ("small.txt",), ZipLimits())


def test_encrypted_member_is_named(tmp_path):
    path = _zip(tmp_path / "enc.zip", {"a.txt": b"x"})
    raw = bytearray(path.read_bytes())
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):  # set the encrypted flag in both headers
        i = raw.find(sig)
        flag_at = i + (6 if sig == b"PK\x03\x04" else 8)
        raw[flag_at] |= 1
    path.write_bytes(bytes(raw))
    assert [e.error_code for e in _walk(path, tmp_path)] == ["encrypted"]


@pytest.mark.parametrize("name,members", [
    ("qd.docx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}),
    ("bang.xlsx", {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}),
    ("qd.odt", {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<c/>"}),
    ("qd-renamed.zip", {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<c/>"}),
    ("noext", {"META-INF/manifest.xml": b"<m/>", "content.xml": b"<c/>"}),
])
def test_zip_based_documents_are_not_archives(tmp_path, name, members):
    assert not zipwalk.is_archive(_zip(tmp_path / name, members), name)


def test_archives_are_found_by_name_or_bytes(tmp_path):
    assert zipwalk.is_archive(_zip(tmp_path / "upload", {"a.txt": b"x"}), "upload")
    assert zipwalk.is_archive(_zip(tmp_path / "a.zip", {"a.txt": b"x"}), "a.zip")
    (tmp_path / "b.txt").write_text("PK but text")
    assert not zipwalk.is_archive(tmp_path / "b.txt", "b.txt")


def test_upload_expands_a_zip_but_not_an_odt(api):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
        zf.writestr("styles.xml", "<office:document-styles/>")
    docs = api.upload([("qd.odt", buf.getvalue())])
    assert [d["name"] for d in docs] == ["qd.odt"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("2019/a.txt", "Quyết định một")
        zf.writestr("2019/b.txt", "Quyết định hai")
    assert sorted(d["name"] for d in api.upload([("lo.zip", buf.getvalue())])) == ["a.txt", "b.txt"]


def test_upload_refuses_a_bomb_and_stores_nothing(api, tmp_path, service):
    path = bomb(tmp_path / "b.zip", [(f"m{k}.txt", 150) for k in range(10)])
    r = api.post("/api/documents", role="clerk", files=[("file", ("b.zip", path.read_bytes()))])
    assert r.status_code == 413 and "zip bomb" in r.json()["detail"]
    assert api.get("/api/documents").json()["total"] == 0
    files = Path(service.data_dir) / "files"
    assert not files.exists() or not any(p.is_file() for p in files.rglob("*"))
    assert not any((Path(service.data_dir) / "tmp").iterdir())


def test_ingest_finds_through_the_same_walker(tmp_path):
    from service.ingest import find_files, read_found

    root = tmp_path / "archive"
    root.mkdir()
    bomb(root / "bomb.zip", [("zeros.txt", 300)], distinct=False)
    _zip(root / "ok.zip", {"Hòa Phú/qd.txt": b"quyet dinh"})
    found = {f.path: f for f in find_files(root)}
    assert found["bomb.zip/zeros.txt"].error_code == "too_large"
    assert read_found(found["ok.zip/Hòa Phú/qd.txt"]) == b"quyet dinh"

