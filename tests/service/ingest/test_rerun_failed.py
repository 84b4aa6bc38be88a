"""A re-run of ``giaoviec ingest`` reports a file that failed before as failed again."""
from __future__ import annotations

from pathlib import Path


def test_ingest_run_again_still_reports_a_failed_file_as_failed(tmp_path):
    """Issue 13: the second run said `skipped`, "0 failed", exit 0."""
    import subprocess
    import sys

    from service.ingest import read_summary

    root = tmp_path / "archive"
    root.mkdir()
    (root / "empty.txt").write_bytes(b"")
    (root / "qd.txt").write_text("QUYẾT ĐỊNH giao nhiệm vụ năm 2021.", encoding="utf-8")
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("GIAOVIEC_")}
    env.update(GIAOVIEC_DATABASE_URL=f"sqlite:///{tmp_path}/g.db", GIAOVIEC_DATA_DIR=str(tmp_path / "data"),
               PYTHONPATH=str(Path(__file__).resolve().parents[3]))
    for run in (1, 2):
        out = subprocess.run([sys.executable, "-m", "service", "ingest", str(root), "--workers", "1", "--quiet",
                              "--summary", str(tmp_path / f"s{run}.csv")], env=env, capture_output=True, text=True,
                             timeout=300, cwd=Path(__file__).resolve().parents[3])
        rows = {r["path"]: r for r in read_summary(tmp_path / f"s{run}.csv")}
        assert out.returncode == 1, (run, out.stderr[-2000:])
        assert rows["empty.txt"]["status"] == "failed" and rows["empty.txt"]["error"].startswith("empty")
        assert rows["qd.txt"]["status"] == ("done" if run == 1 else "skipped")
