"""Limits from the config, and machines without LibreOffice or Tesseract."""
from __future__ import annotations

from dataclasses import replace

import pytest

from extractor.config import DEFAULT_CONFIG
from extractor.errors import MissingDependency, TooLarge, UnsupportedFile
from extractor.read import ocr, read, read_bytes


def test_file_over_byte_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Ủy ban nhân dân " * 1000, encoding="utf-8")
    config = replace(DEFAULT_CONFIG, max_file_bytes=10_000)
    with pytest.raises(TooLarge) as err:
        read(path, config=config)
    assert err.value.code == "too_large" and "big.txt" in str(err.value) and "MB" in str(err.value)
    with pytest.raises(TooLarge):
        read_bytes(path.read_bytes(), "big.txt", config=config)


def test_folder_and_unknown_binary(tmp_path):
    with pytest.raises(UnsupportedFile):
        read(tmp_path)
    with pytest.raises(UnsupportedFile) as err:
        read_bytes(bytes(range(256)) * 8, "data.bin")
    assert err.value.code == "unsupported" and "data.bin" in str(err.value)


@pytest.fixture
def no_tools(monkeypatch, tmp_path):
    """A machine where neither LibreOffice nor Tesseract is on PATH, nor tesserocr installed."""
    from extractor.read import engine

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(engine, "_tesserocr", lambda: None)
    ocr.tesseract_command_available.cache_clear()
    yield
    ocr.tesseract_command_available.cache_clear()


def test_doc_without_libreoffice_says_what_to_install(no_tools):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048
    with pytest.raises(MissingDependency) as err:
        read_bytes(data, "old.doc")
    assert err.value.code == "unsupported" and "old.doc" in str(err.value) and "libreoffice" in str(err.value).lower()
    assert "DOC file" in str(err.value)


def test_scan_without_tesseract_says_what_to_install(no_tools, made):
    for name in ("scan.pdf", "decision.png"):
        with pytest.raises(MissingDependency) as err:
            read(made[name])
        assert "tesseract-ocr-vie" in str(err.value)


def test_capitals_line_is_a_heading():
    doc = read_bytes("PHỤ LỤC\nDanh sách cán bộ được giao việc".encode(), "x.txt")
    assert [(b.kind, b.level) for b in doc.blocks] == [("heading", 1), ("paragraph", 0)]
