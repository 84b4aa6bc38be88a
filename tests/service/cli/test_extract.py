"""``giaoviec extract`` as users run it (new processes, real files)."""
from __future__ import annotations

import json

from tests.conftest import run_cli

TEXT = ("Năm 2021, đồng chí Ma Trọng Long, Chủ tịch UBND xã Hòa Phú được giao 3 việc đột phá là "
        "xây dựng kế hoạch đạt nông thôn mới nâng cao; chỉ đạo khắc phục công trình nước sạch; "
        "xây dựng HTX Nông nghiệp Tân Phú.\n")


def test_extract_one_file_prints_one_object(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    proc = run_cli("extract", str(f))
    assert proc.returncode == 0, proc.stderr
    obj = json.loads(proc.stdout)  # exactly one JSON document on stdout
    assert obj["source"] == str(f) and obj["format"] == "txt" and obj["pages"] == 1
    a = obj["assignments"][0]
    assert a["cadre"] == "Ma Trọng Long" and a["declared_count"] == 3 and len(a["tasks"]) == 3
    assert a["period"] == {"text": "Năm 2021", "start": 2021, "end": 2021,
                           "span": {"page": 1, "start": 0, "end": 8}}
    assert set(obj) >= {"sha256", "ocr", "document", "statistics", "warnings"}


def test_extract_many_and_bad_files_gives_json_lines_and_status_1(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(TEXT, encoding="utf-8")
    empty = tmp_path / "b.txt"
    empty.write_bytes(b"")
    proc = run_cli("extract", str(good), str(empty), str(tmp_path / "missing.txt"))
    assert proc.returncode == 1
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [x["source"] for x in lines] == [str(good), str(empty), str(tmp_path / "missing.txt")]
    assert "error" not in lines[0]
    assert lines[1]["error"]["code"] == "empty" and lines[1]["assignments"] == []
    assert lines[2]["error"]["code"] == "unreadable"
    assert "missing.txt" in proc.stderr


def test_extract_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "y.txt").write_text("Không có ai được giao việc.", encoding="utf-8")
    proc = run_cli("extract", str(tmp_path))
    assert proc.returncode == 0
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [len(x["assignments"]) for x in lines] == [1, 0]


def test_extract_usage_error():
    proc = run_cli("extract")
    assert proc.returncode == 2 and proc.stdout == ""

