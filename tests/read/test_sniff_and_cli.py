"""Kind by content, and `giaoviec read`: JSON per file, error objects, exit status."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from extractor.read import sniff

ROOT = Path(__file__).resolve().parents[2]


def giaoviec(*args: str) -> subprocess.CompletedProcess:
    exe = ROOT / ".venv" / "bin" / "giaoviec"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "service"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, "OMP_THREAD_LIMIT": "1"})


def test_sniff_by_content(made):
    assert sniff(made["decision.pdf"].read_bytes()) == "pdf"
    assert sniff(made["decision.docx"].read_bytes()) == "docx"
    assert sniff(made["decision.png"].read_bytes()) == "png"
    assert sniff(b"") == "empty" and sniff(b" \n\t") == "empty"
    assert sniff(b"\xff\xd8\xff\xe0\x00\x10JFIF") == "jpeg"
    assert sniff(b"II*\x00\x08\x00\x00\x00") == "tiff"
    assert sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100) == "doc"
    assert sniff("Quyết định số 30".encode("utf-16")) == "txt"
    assert sniff("Quyết định số 30".encode("utf-16-le")) == "txt"
    assert sniff("<html><body><p>Quyết định</p></body></html>".encode()) == "html"
    assert sniff(b"PK\x03\x04" + b"\x00" * 40) == "zip"
    assert sniff(bytes(range(256)) * 4) == "binary"


def test_cli_one_file_is_one_json_object(made):
    proc = giaoviec("read", str(made["decision.docx"]))
    assert proc.returncode == 0, proc.stderr
    obj = json.loads(proc.stdout)
    assert obj["format"] == "docx" and obj["ocr"] is False
    assert obj["tables"][0]["rows"][0][1]["text"] == "Họ và tên"
    assert obj["pages"][0]["text"].startswith("QUYẾT ĐỊNH")


def test_cli_bad_files_give_error_lines_and_exit_1(made, tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    random_docx = tmp_path / "random.docx"
    random_docx.write_bytes(os.urandom(4096))
    random_pdf = tmp_path / "random.pdf"
    random_pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(4096))
    missing = tmp_path / "missing.txt"
    proc = giaoviec("read", str(empty), str(random_docx), str(made["decision.docx"]), str(random_pdf), str(missing))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [line["source"] for line in lines] == [str(empty), str(random_docx), str(made["decision.docx"]),
                                                  str(random_pdf), str(missing)]
    codes = [line.get("error", {}).get("code") for line in lines]
    assert codes == ["empty", "unreadable", None, "unreadable", "unreadable"]
    for line in lines:
        if "error" in line:
            assert Path(line["source"]).name in line["error"]["message"]


def test_cli_folder_and_usage_error(made, tmp_path):
    (tmp_path / "a.txt").write_text("Ủy ban nhân dân xã Hòa Phú", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>Đảng ủy xã</p>", encoding="utf-8")
    (tmp_path / "ignored.xyz").write_text("x")
    proc = giaoviec("read", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [Path(x["source"]).name for x in lines] == ["a.txt", "b.html"]
    usage = giaoviec("read")
    assert usage.returncode == 2 and usage.stdout == ""
