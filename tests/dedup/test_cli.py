"""giaoviec dedup TASKS.jsonl [--threshold] [--out] as in CONTRACT.md "Duplicates"."""
from __future__ import annotations

import json

from service.cli import main

TASKS = [
    {"id": "t1", "text": "Chỉ đạo UBND xã Tân Mỹ kết nạp 5 đảng viên mới", "cadre": "Lê Văn An", "year": 2022},
    {"id": "t2", "text": "chỉ đạo Ủy ban nhân dân xã Tân Mỹ kết nạp 05 đảng viên mới.", "cadre": "Lê Văn An",
     "year": 2023},
    {"id": "t3", "text": "Chỉ đạo UBND xã Tân Mỹ kết nạp 12 đảng viên mới"},
    {"id": "t4", "text": "Giải phóng mặt bằng dự án đường Tân Mỹ - Hòa Phú", "unit": "UBND xã Tân Mỹ"},
    {"id": "t5", "text": "GPMB dự án đường Kim Bình - Hòa Phú", "unit": "UBND xã Tân Mỹ"},
]


def _write(tmp_path, rows):
    path = tmp_path / "tasks.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_pairs_to_stdout(tmp_path, capsys):
    assert main(["dedup", str(_write(tmp_path, TASKS))]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines == [{"a": "t1", "b": "t2", "score": 100.0, "kind": "same_cadre_other_year",
                      "reason": "khác: 'UBND' / 'Ủy ban nhân dân'; giống: số 5, tên Tân Mỹ"}]


def test_threshold_and_out_file(tmp_path, capsys):
    out = tmp_path / "pairs.jsonl"
    assert main(["dedup", str(_write(tmp_path, TASKS)), "--threshold", "20", "--out", str(out)]) == 0
    assert capsys.readouterr().out == ""
    pairs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {(p["a"], p["b"]) for p in pairs} >= {("t1", "t2"), ("t1", "t3"), ("t4", "t5")}
    assert all(p["a"] < p["b"] and p["score"] >= 20 for p in pairs)
    assert [p["score"] for p in pairs] == sorted((p["score"] for p in pairs), reverse=True)


def test_persisted_index_reports_only_new_pairs(tmp_path, capsys):
    index = tmp_path / "archive.dedup"
    assert main(["dedup", str(_write(tmp_path, TASKS[:1])), "--index", str(index)]) == 0
    capsys.readouterr()
    assert main(["dedup", str(_write(tmp_path, TASKS[1:])), "--index", str(index)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(p["a"], p["b"]) for p in lines] == [("t1", "t2")]


def test_bad_line_names_the_file_and_line(tmp_path, capsys):
    path = tmp_path / "tasks.jsonl"
    path.write_text('{"id": "t1", "text": "a"}\n{"text": "no id"}\n', encoding="utf-8")
    assert main(["dedup", str(path)]) == 1
    err = capsys.readouterr().err
    assert "tasks.jsonl, line 2" in err and '"id"' in err


def test_missing_file_is_a_usage_error(tmp_path, capsys):
    assert main(["dedup", str(tmp_path / "nope.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
