"""Benchmark ``giaoviec ingest`` on a generated archive of mixed documents.

    python -m bench ingest [--docs 60] [--mix docx=40,pdf=35,scan=5,text=20]
                           [--runs local1,local2,celery2,resume] [--corpus DIR] [--repeat N]

Each run is the real command (``python -m service ingest DIR --json``) against a
fresh SQLite database and data directory, so runs are comparable:

- ``local1`` / ``local2``: the local process pool with 1 and 2 workers; the
  speed-up of 2 over 1 is measured in the same invocation (the baseline); with
  ``--repeat N`` they alternate N times, every round is reported and the best of each;
- ``celery2``: two ``giaoviec worker`` processes (concurrency 1 each) on this
  machine, Redis broker, a queue of this run's own;
- ``resume``: 2 local workers, ``kill -9`` when about a third is done, then the
  same command again; counts before and after.

Reported per run: documents/minute (documents processed / wall seconds), the CPU
seconds it used (this machine is shared; documents per CPU-minute says what the
code costs whatever the neighbours do), and the peak resident memory of a worker
process (``ru_maxrss`` of the pool processes; sampled VmHWM for Celery), and what
the rest of the machine did meanwhile (``machine``: load average, cores kept busy
by other processes). ``cpu_per_document_2_vs_1`` compares the CPU of the two local
runs: 1.0 means two workers do no work twice.
The archive is made by ``bench/make_corpus.py`` from corpora/extract and cached
under /tmp/giaoviec-bench/corpus-N-SEED-MIX (or ``--corpus``).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(tempfile.gettempdir()) / "giaoviec-bench"
REDIS_URL = os.environ.get("GIAOVIEC_BENCH_REDIS", "redis://127.0.0.1:6379/0")


def corpus(docs: int, mix: str, seed: int, path: Path | None) -> tuple[Path, dict]:
    from bench.make_corpus import make_corpus, manifest_path, parse_mix

    path = path or CACHE / f"corpus-{docs}-{seed}-{mix.replace(',', '_').replace('=', '')}"
    mpath = manifest_path(path)
    if path.is_dir() and mpath.is_file():
        return path, json.loads(mpath.read_text(encoding="utf-8"))
    return path, make_corpus(path, docs, mix=parse_mix(mix), seed=seed)


def _env(work: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIAOVIEC_")}
    env.update({"GIAOVIEC_DATABASE_URL": f"sqlite:///{work}/giaoviec.db", "GIAOVIEC_DATA_DIR": str(work / "data"),
                "OMP_THREAD_LIMIT": "1", "PYTHONPATH": str(ROOT)})
    env.update(extra)
    return env


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _machine_busy() -> float:
    """CPU seconds the whole machine has been busy (all processes, all cores), from /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return 0.0
    user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


class _Load:
    """What the rest of the machine did during a run: the load average at its start and
    end, and how many cores other processes kept busy on average (machine busy time
    minus the run's own CPU, over the wall time). A run that shares 2 cores with
    neighbours using 1.5 of them cannot show its speed-up; this says how much it shared."""

    def __init__(self):
        self.load0, self.busy0, self.t0 = os.getloadavg(), _machine_busy(), time.monotonic()

    def report(self, own_cpu: float) -> dict:
        wall = time.monotonic() - self.t0
        others = (_machine_busy() - self.busy0 - own_cpu) / wall if wall else 0.0
        return {"loadavg_start": round(self.load0[0], 2), "loadavg_end": round(os.getloadavg()[0], 2),
                "other_processes_cores": round(max(0.0, others), 2)}


def _ingest(env: dict, archive: Path, *args: str, timeout: float = 7200) -> tuple[dict, float, float]:
    cpu0, t0 = _children_cpu(), time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "service", "ingest", str(archive), "--json", *args], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    wall, cpu = time.monotonic() - t0, _children_cpu() - cpu0
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"ingest failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), wall, cpu


def _summarise(name: str, totals: dict, wall: float, cpu: float | None, extra: dict | None = None) -> dict:
    processed = totals["processed"]
    out = {
        "run": name,
        "files": totals["files"], "done": totals["done"], "failed": totals["failed"], "skipped": totals["skipped"],
        "pages": totals["pages"], "ocr_pages": totals["ocr_pages"], "assignments": totals["assignments"],
        "tasks": totals["tasks"], "duplicate_suggestions": totals["duplicate_suggestions"],
        "failures_by_reason": totals["failures_by_reason"],
        "wall_seconds": round(wall, 1),
        "documents_per_minute": round(processed / wall * 60, 1) if wall else None,
        "worker_peak_rss_mb": totals.get("worker_peak_rss_mb"),
        "phases": totals.get("phases"),
    }
    if cpu is not None:
        out["cpu_seconds"] = round(cpu, 1)
        out["documents_per_cpu_minute"] = round(processed / cpu * 60, 1) if cpu else None
    out.update(extra or {})
    return out


def run_local(archive: Path, workers: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="giaoviec-bench-") as work:
        load = _Load()
        totals, wall, cpu = _ingest(_env(Path(work)), archive, "--workers", str(workers))
    return _summarise(f"local{workers}", totals, wall, cpu, {"workers": workers, "machine": load.report(cpu)})


class _MemSampler:
    """Peak VmHWM over a process tree (Celery's prefork children come and go)."""

    def __init__(self, roots: list[int]):
        self.roots, self.peak_kb, self._stop = roots, 0, threading.Event()
        self.cpu_ticks: dict[int, int] = {}
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree(self) -> list[int]:
        seen, todo = [], list(self.roots)
        while todo:
            pid = todo.pop()
            seen.append(pid)
            for task in Path(f"/proc/{pid}/task").glob("*"):
                try:
                    todo += [int(c) for c in (task / "children").read_text().split()]
                except OSError:
                    pass
        return seen

    def _run(self):
        while not self._stop.wait(0.5):
            self.sample()

    def sample(self):
        for pid in self._tree():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
                stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            # Only Python processes (the workers), not tesseract: that is reported apart.
            if "python" not in status.split("\n", 1)[0]:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    self.peak_kb = max(self.peak_kb, int(line.split()[1]))
            self.cpu_ticks[pid] = int(stat[11]) + int(stat[12]) + int(stat[13]) + int(stat[14])

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=5)


def run_celery(archive: Path, workers: int = 2) -> dict:
    import redis

    redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    queue = f"bench-ingest-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory(prefix="giaoviec-bench-") as work:
        env = _env(Path(work), GIAOVIEC_BROKER_URL=REDIS_URL, GIAOVIEC_QUEUE=queue)
        # The schema first, so the workers do not race to create it.
        subprocess.run([sys.executable, "-c", "from service.storage.db import init_db; init_db()"], env=env,
                       cwd=ROOT, check=True)
        procs = [subprocess.Popen([sys.executable, "-m", "service", "worker", "--concurrency", "1",
                                   "--loglevel", "WARNING"], env=env, cwd=ROOT, start_new_session=True,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(workers)]
        try:
            with _MemSampler([p.pid for p in procs]) as mem:
                load = _Load()
                totals, wall, cpu_ingest = _ingest(env, archive)
                mem.sample()
            worker_cpu = sum(mem.cpu_ticks.values()) / os.sysconf("SC_CLK_TCK")
            machine = load.report(cpu_ingest + worker_cpu)
        finally:
            for p in procs:
                os.killpg(p.pid, signal.SIGTERM)
            for p in procs:
                try:
                    p.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    os.killpg(p.pid, signal.SIGKILL)
    totals["worker_peak_rss_mb"] = round(mem.peak_kb / 1024, 1)
    return _summarise(f"celery{workers}", totals, wall, cpu_ingest + worker_cpu,
                      {"workers": workers, "queue": queue, "machine": machine,
                       "note": "wall time includes the workers loading their models on the first document"})


def _status_counts(db: Path) -> dict:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return dict(conn.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall())
    finally:
        conn.close()


def _stage_counts(db: Path) -> dict:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return {f"{status}/{stage}": n for status, stage, n in conn.execute(
            "SELECT status, stage, count(*) FROM documents GROUP BY status, stage").fetchall()}
    finally:
        conn.close()


def run_resume(archive: Path, files: int, workers: int = 2, fraction: float = 0.33) -> dict:
    with tempfile.TemporaryDirectory(prefix="giaoviec-bench-") as work:
        work = Path(work)
        env = _env(work)
        db = work / "giaoviec.db"
        t0 = time.monotonic()
        first = subprocess.Popen([sys.executable, "-m", "service", "ingest", str(archive), "--workers", str(workers),
                                  "--json"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        target = max(1, int(files * fraction))
        while first.poll() is None:
            time.sleep(0.5)
            try:
                counts = _status_counts(db)
            except sqlite3.Error:
                continue
            if counts.get("done", 0) + counts.get("failed", 0) >= target:
                os.kill(first.pid, signal.SIGKILL)
                break
        first.wait()
        killed_after = time.monotonic() - t0
        before, before_stages = _status_counts(db), _stage_counts(db)
        totals, wall, cpu = _ingest(env, archive, "--workers", str(workers), "--summary", str(work / "s.csv"))
        after, after_stages = _status_counts(db), _stage_counts(db)
        conn = sqlite3.connect(db)
        runs = dict(conn.execute("SELECT runs, count(*) FROM documents GROUP BY runs").fetchall())
        stored = conn.execute("SELECT count(*), count(DISTINCT sha256) FROM documents").fetchone()
        pairs = conn.execute("SELECT count(*) FROM duplicate_pairs").fetchone()[0]
        conn.close()
    return {
        "run": "resume", "workers": workers, "killed_after_seconds": round(killed_after, 1),
        "before_rerun": before, "after_rerun": after,
        # stage "dedup" on a done document: stored, duplicates not matched yet (the run's pass was cut off)
        "stages_before_rerun": before_stages, "stages_after_rerun": after_stages,
        "rerun": {"done": totals["done"], "failed": totals["failed"], "skipped": totals["skipped"],
                  "wall_seconds": round(wall, 1), "duplicate_suggestions": totals["duplicate_suggestions"]},
        "documents_stored": stored[0], "distinct_sha256": stored[1], "documents_by_runs": runs,
        "duplicate_pairs_stored": pairs,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench ingest", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=60, help="documents in the generated archive (1000 for the report)")
    ap.add_argument("--mix", default="docx=40,pdf=35,scan=5,text=20")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus", type=Path, default=None, help="use (or make) the archive here")
    ap.add_argument("--runs", default="local1,local2,celery2,resume")
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds of the local runs, alternating (best of each reported, and every round)")
    ap.add_argument("--subset", type=int, default=None,
                    help="run on the first N files of the archive only (a 1,000 single-worker run takes long)")
    args = ap.parse_args(argv)

    started = time.time()
    load0 = os.getloadavg()
    archive, manifest = corpus(args.docs, args.mix, args.seed, args.corpus)
    from service.ingest import find_files

    nfiles = sum(1 for _ in find_files(archive))
    out: dict = {"bench": "ingest", "archive": str(archive), "manifest": manifest, "files": nfiles,
                 "cpus": os.cpu_count(), "loadavg_at_start": [round(x, 2) for x in load0], "runs": {}}
    local_archive = archive
    if args.subset:
        local_archive = _subset(archive, args.subset)
        out["local_subset"] = {"path": str(local_archive), "files": sum(1 for _ in find_files(local_archive))}
    names = [r.strip() for r in args.runs.split(",") if r.strip()]
    locals_ = [n for n in names if n.startswith("local")]
    # The local runs alternate, --repeat rounds of them, before the rest: on this shared
    # machine the same run's CPU seconds swung by a fifth between runs (1.86x, then 1.53x
    # for the same code), so each is reported, and the best of each (least disturbed).
    rounds: dict[str, list[dict]] = {n: [] for n in locals_}
    for _ in range(max(1, args.repeat)):
        for name in locals_:
            res = run_local(local_archive, int(name[5:] or 1))
            rounds[name].append(res)
            print(json.dumps({name: res}, ensure_ascii=False), file=sys.stderr)
    for name, results in rounds.items():
        out["runs"][name] = min(results, key=lambda r: r["wall_seconds"])
        if len(results) > 1:
            out["runs"][name]["wall_seconds_each_round"] = [r["wall_seconds"] for r in results]
            out["runs"][name]["cpu_seconds_each_round"] = [r["cpu_seconds"] for r in results]
    if len(rounds.get("local1", [])) > 1 and len(rounds.get("local2", [])) > 1:
        out["speedup_2_vs_1_each_round"] = [round(a["wall_seconds"] / b["wall_seconds"], 2)
                                            for a, b in zip(rounds["local1"], rounds["local2"], strict=False)]
    for name in names:
        if name.startswith("local"):
            continue
        elif name.startswith("celery"):
            try:
                out["runs"][name] = run_celery(local_archive, int(name[6:] or 2))
            except Exception as err:  # no Redis here: say so, measure the rest
                out["runs"][name] = {"run": name, "skipped": f"{type(err).__name__}: {err}"}
        elif name == "resume":
            out["runs"][name] = run_resume(local_archive, out.get("local_subset", {}).get("files", nfiles))
        print(json.dumps({name: out["runs"][name]}, ensure_ascii=False), file=sys.stderr)
    runs = out["runs"]
    if "local1" in runs and "local2" in runs:
        l1, l2 = runs["local1"], runs["local2"]
        out["speedup_2_vs_1"] = round(l2["documents_per_minute"] / l1["documents_per_minute"], 2)
        out["speedup_2_vs_1_target"] = 1.8
        # What the code costs, whatever the neighbours do: 2 workers should cost no more
        # CPU per document than 1 (no work done twice, no spinning on locks).
        out["cpu_per_document_2_vs_1"] = round(l2["cpu_seconds"] / l1["cpu_seconds"], 2)
    peaks = [r.get("worker_peak_rss_mb") for r in runs.values() if r.get("worker_peak_rss_mb")]
    if peaks:
        out["worker_peak_rss_mb_max"] = max(peaks)
        out["worker_peak_rss_target_mb"] = 1536
    out["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    out["seconds"] = round(time.time() - started, 1)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


def _subset(archive: Path, n: int) -> Path:
    """The first n files (on disk, outside zips) of the archive, as links in a new folder."""
    from service.ingest import find_files

    dest = archive.with_name(f"{archive.name}-first{n}")
    if dest.is_dir():
        return dest
    tmp = dest.with_name(dest.name + ".tmp")
    count = 0
    for f in find_files(archive):
        if f.members or f.error_code:
            continue
        target = tmp / f.path
        target.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(f.origin, target)
        count += 1
        if count >= n:
            break
    tmp.rename(dest)
    return dest


if __name__ == "__main__":
    sys.exit(main())
