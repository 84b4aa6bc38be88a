"""Zip bombs, uploaded to a live server and ingested: flat (one 1 GB member), distinct
(10 members of 150 MB, 1.5 MB packed: issue 13's 3.75 GB), nested (10 x 10 x 100 MB).
Each is refused from its headers; the server's memory stays put, /healthz answers within
1 s, nothing lands in DATA_DIR; the other files of an ingest batch are processed."""
from __future__ import annotations

import subprocess
import sys
import time
import zipfile

import httpx
import pytest

from service.ingest import read_summary

from .conftest import ROOT, Prober, record, reset_peak, rss_peak_mb
from .zips import bomb, nest


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    d = tmp_path_factory.mktemp("bombs")
    leaf = bomb(d / "leaf.zip", [("z.txt", 100)], distinct=False)
    return {
        "flat": bomb(d / "flat.zip", [("zeros.txt", 1024)], distinct=False),
        "distinct": bomb(d / "distinct.zip", [(f"m{k}.txt", 150) for k in range(10)]),
        "nested": nest(d / "nested.zip", leaf, depth=2, copies=10),
    }


@pytest.mark.parametrize("kind", ["flat", "distinct", "nested"])
def test_uploaded_bomb_is_refused_and_the_server_stays_up(server, bombs, kind):
    pid = server.proc.pid
    reset_peak(pid)
    before = rss_peak_mb(pid)
    t = time.monotonic()
    with Prober(server.url) as probe:
        r = httpx.post(f"{server.url}/api/documents", headers=server.h(), timeout=60,
                       files=[("file", (f"{kind}.zip", bombs[kind].read_bytes()))])
        time.sleep(0.5)
    peak = rss_peak_mb(pid)
    stored = [p for p in (server.data_dir / "files").rglob("*") if p.is_file()] \
        if (server.data_dir / "files").exists() else []
    record(f"upload {kind} bomb ({bombs[kind].stat().st_size // 1024} KB)", status=r.status_code,
           seconds=round(time.monotonic() - t, 2), rss_before_mb=round(before), rss_peak_mb=round(peak),
           healthz_worst_s=round(probe.worst, 3))
    assert r.status_code == 413, r.text
    assert "zip bomb" in r.json()["detail"]
    assert peak - before < 100 and peak < 1024
    assert not any(p.stat().st_size > 1 << 20 for p in stored), "a bomb's member was written to the store"
    assert not any((server.data_dir / "tmp").iterdir())
    probe.check()


def test_ingest_refuses_bombs_and_processes_the_rest(server, bombs, tmp_path):
    root = tmp_path / "archive"
    (root / "2021").mkdir(parents=True)
    for kind, path in bombs.items():
        (root / f"{kind}.zip").write_bytes(path.read_bytes())
    with zipfile.ZipFile(root / "good.zip", "w") as zf:
        zf.writestr("Hòa Phú/qd.txt", "QUYẾT ĐỊNH về việc giao nhiệm vụ đột phá năm 2021.")
    (root / "2021" / "kh.txt").write_text("KẾ HOẠCH thực hiện nhiệm vụ năm 2021.", encoding="utf-8")
    summary = tmp_path / "summary.csv"
    env = dict(server.env, PYTHONPATH=str(ROOT))
    t = time.monotonic()
    with Prober(server.url) as probe:
        done = subprocess.run([sys.executable, "-m", "service", "ingest", str(root), "--workers", "1", "--quiet",
                               "--summary", str(summary)], env=env, cwd=ROOT, capture_output=True, text=True,
                              timeout=300)
    rows = {r["path"]: r for r in read_summary(summary)}
    record("ingest bombs + 2 documents", seconds=round(time.monotonic() - t, 1), exit=done.returncode,
           rows=len(rows), healthz_worst_s=round(probe.worst, 3))
    assert done.returncode == 1, done.stderr[-2000:]  # some files failed
    assert rows["good.zip/Hòa Phú/qd.txt"]["status"] == "done"
    assert rows["2021/kh.txt"]["status"] == "done"
    bad = {p: r for p, r in rows.items() if p.split("/")[0] in ("flat.zip", "distinct.zip", "nested.zip")}
    assert bad and all(r["status"] == "failed" and "too_large" in r["error"] for r in bad.values())
    probe.check()
