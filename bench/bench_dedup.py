"""Benchmark of duplicate finding at a province's scale (issues 4 and 16).

    .venv/bin/python bench/bench_dedup.py --n 1000000             # the headline run
    .venv/bin/python bench/bench_dedup.py --n 20000 --sizes 2000,20000   # small, quick
    .venv/bin/python bench/bench_dedup.py --n 1000000 --generators templated --no-index

Two generators, reported side by side (``--generators own,templated``):

- ``own``: extractor/dedup/synth.py: 56 hand-written phrasings, slots from hand-written
  name lists, 15 % planted rewrites;
- ``templated``: bench/synth_templated.py (issue 16): 38 shapes filled with real commune
  names from the unit registry (with their syllables in the other order or without a
  mark as other places), invented villages, roads, cooperatives, schools, crops and
  numbers, 15 % planted rewrites (abbreviations, the new tone placement "hoà", filler words, a dropped
  word, case, punctuation, an added year).

For each generator and size: N tasks -> keys -> find_pairs, timed;
recall and precision against the generator's truth (same phrasing and slot values, years
aside, = the same task). For the largest size also the persisted index: store the N tasks,
save, open, then add 1,000 new tasks (their pairs against the N and each other), timed.
Peak memory: the process's maximum resident set, its workers' (forked: shared pages
counted in both), and the peak of the sum of their PSS (what the machine holds); for the
index, while building it beside the generated tasks and keys (peak_pss_build_mb) and
while opening it and adding (peak_pss_total_mb, the tasks and keys let go).
CPU seconds include the workers' (figures to read on a shared machine; wall seconds
depend on the others' load, printed at start and end).

Targets (issue 4): 1M tasks <= 120 s (aim 60 s) on 2 cores, recall >= 0.97, precision
>= 0.9, peak memory <= 4 GB, adding 1,000 to the 1M index <= 1 s. Issue 16: 1M templated
tasks <= 60 s, recall >= 0.97, precision >= 0.95, peak <= 4 GB; the own bench no worse.
Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import threading
import time
from collections import Counter
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synth_templated import iter_templated  # noqa: E402
from extractor.dedup import DedupIndex, find_pairs  # noqa: E402
from extractor.dedup.index import match_keys  # noqa: E402
from extractor.dedup.synth import iter_tasks  # noqa: E402

GENERATORS = {"own": iter_tasks, "templated": iter_templated}


def _peak_mb() -> dict:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own, 1), "peak_rss_workers_mb": round(kids, 1),
            "peak_pss_total_mb": round(_SAMPLER.take() / 1024, 1)}


class _PssSampler(threading.Thread):
    """The memory of this process and its forked workers together, sampled every 0.2 s.

    RSS counts pages a forked child shares with its parent twice; PSS (proportional set
    size, /proc/PID/smaps_rollup) splits them, so the sum over processes is what the
    machine holds. ``take()`` returns the peak (kB) since the last call."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self.lock = threading.Lock()

    @staticmethod
    def _pss(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _pids(self) -> list[int]:
        pids = [os.getpid()]
        try:
            for tid in os.listdir("/proc/self/task"):
                with open(f"/proc/self/task/{tid}/children") as fh:
                    pids += [int(x) for x in fh.read().split()]
        except OSError:
            pass
        return pids

    def run(self) -> None:
        while True:
            now = sum(self._pss(pid) for pid in self._pids())
            with self.lock:
                self.peak = max(self.peak, now)
            time.sleep(0.2)

    def take(self) -> int:
        now = sum(self._pss(pid) for pid in self._pids())
        with self.lock:
            out, self.peak = max(self.peak, now), 0
        return out


_SAMPLER = _PssSampler()


def _calibrate() -> float:
    """Seconds for a fixed pure-Python loop, at start and end: on a shared machine the
    figures scale with it (run it on an idle machine to get the factor)."""
    t0 = time.perf_counter()
    sum(i * i for i in range(5_000_000))
    return round(time.perf_counter() - t0, 3)


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished workers: on a shared
    machine wall time depends on the others, CPU time much less."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _truth_pairs(truth: list) -> int:
    return sum(c * (c - 1) // 2 for c in Counter(truth).values())


def _quality(pairs, pos: dict, truth: list, expected: int) -> dict:
    tp = sum(1 for p in pairs if truth[pos[p.a]] == truth[pos[p.b]])
    return {"pairs": len(pairs), "true_pairs": expected, "found_true": tp,
            "recall": round(tp / expected, 4) if expected else None,
            "precision": round(tp / len(pairs), 4) if pairs else None}


def run_size(n: int, seed: int, workers: int, threshold: float,
             skip_pairs: bool = False, iterate=iter_tasks) -> tuple[dict, list, list, list]:
    t0 = time.perf_counter()
    rows = list(iterate(n, seed=seed))
    tasks = [t for t, _ in rows]
    truth = [k for _, k in rows]
    del rows
    gen = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), _cpu()
    keys = match_keys([t.text for t in tasks], workers)
    t_keys, c_keys = time.perf_counter() - t0, _cpu() - c0
    t0, c0 = time.perf_counter(), _cpu()
    pairs = [] if skip_pairs else find_pairs(tasks, threshold, workers=workers, keys=keys)
    t_pairs, c_pairs = time.perf_counter() - t0, _cpu() - c0
    pos = {t.id: i for i, t in enumerate(tasks)}
    out = {"n": n, "generate_s": round(gen, 2), "keys_s": round(t_keys, 2),
           "candidates_and_scores_s": round(t_pairs, 2), "total_s": round(t_keys + t_pairs, 2),
           "keys_cpu_s": round(c_keys, 2), "candidates_and_scores_cpu_s": round(c_pairs, 2),
           "total_cpu_s": round(c_keys + c_pairs, 2), "distinct_texts": len({t.text for t in tasks}),
           **_quality(pairs, pos, truth, _truth_pairs(truth)), **_peak_mb()}
    return out, tasks, truth, keys


def run_index(tasks, truth, keys, n_new: int, seed: int, workers: int, threshold: float,
              iterate=iter_tasks) -> dict:
    n = len(tasks)
    tail = list(islice(iterate(n + n_new, seed=seed), n, None))  # the same first n, then new ones
    extra = [t for t, _ in tail]
    extra_truth = [k for _, k in tail]
    with tempfile.TemporaryDirectory(prefix="bench-dedup-") as tmp:
        path = Path(tmp) / "archive.dedup"
        t0 = time.perf_counter()
        index = DedupIndex(path, threshold)
        index.add(tasks, keys=keys, find=False)
        t_store = time.perf_counter() - t0
        t0 = time.perf_counter()
        index.save()
        t_save = time.perf_counter() - t0
        size = os.path.getsize(path)
        del index
        # Opening and adding is what a service process does: it holds no million tasks
        # and keys of its own; the generator's are let go here (their ids are kept).
        pos = {t.id: i for i, t in enumerate(tasks)}
        keys.clear()
        tasks.clear()
        build_pss = _SAMPLER.take()
        t0 = time.perf_counter()
        index = DedupIndex.open(path, threshold)
        t_open = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), _cpu()
        pairs = index.add(extra)
        t_add, c_add = time.perf_counter() - t0, _cpu() - c0
    every = list(truth) + extra_truth
    counts = Counter(truth)
    new_counts = Counter(extra_truth)
    # True pairs involving a new task: new-new plus new-old.
    expected = sum(c * (c - 1) // 2 + c * counts.get(k, 0) for k, c in new_counts.items())
    pos.update({t.id: n + i for i, t in enumerate(extra)})
    return {"stored": n, "added": n_new, "store_s": round(t_store, 2), "save_s": round(t_save, 2),
            "file_mb": round(size / 2**20, 1), "open_s": round(t_open, 2), "add_s": round(t_add, 3),
            "add_cpu_s": round(c_add, 3), **_quality(pairs, pos, every, expected),
            "peak_pss_build_mb": round(build_pss / 1024, 1), **_peak_mb()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="largest size (default 1,000,000)")
    ap.add_argument("--sizes", default=None,
                    help="comma-separated sizes for the growth table (default 10k,100k,N up to N)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--threshold", type=float, default=85.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--add", type=int, default=1000, help="tasks added to the persisted index")
    ap.add_argument("--no-index", action="store_true", help="skip the persisted-index part")
    ap.add_argument("--generators", default="own,templated",
                    help="comma-separated: own (extractor/dedup/synth.py), templated (bench/synth_templated.py)")
    ap.add_argument("--skip-pairs", action="store_true",
                    help="keys and the persisted index only (no find_pairs over the sizes)")
    args = ap.parse_args(argv)
    if args.sizes:
        sizes = sorted({int(x) for x in args.sizes.split(",")} | {args.n})
    else:
        sizes = sorted({s for s in (10_000, 100_000) if s < args.n} | {args.n})
    _SAMPLER.start()
    result: dict = {"bench": "dedup", "threshold": args.threshold, "workers": args.workers,
                    "cpus": os.cpu_count(), "load_avg_at_start": os.getloadavg()[0],
                    "calibration_s": _calibrate(), "generators": {}}
    for name in args.generators.split(","):
        iterate = GENERATORS[name]
        part: dict = {"sizes": []}
        result["generators"][name] = part
        last = None
        for n in sizes:
            row, tasks, truth, keys = run_size(n, args.seed, args.workers, args.threshold,
                                               args.skip_pairs, iterate)
            row["load_avg"] = os.getloadavg()[0]
            part["sizes"].append(row)
            print(json.dumps({"generator": name, **row}), file=sys.stderr, flush=True)
            last = (tasks, truth, keys) if n == sizes[-1] else None
            del tasks, truth, keys
        first, big = part["sizes"][0], part["sizes"][-1]
        if big["n"] > first["n"]:
            part["growth"] = {"n_ratio": round(big["n"] / first["n"], 1),
                              "time_ratio": round(big["total_s"] / max(first["total_s"], 1e-9), 1)}
        if not args.no_index and last is not None:
            part["index"] = run_index(*last, args.add, args.seed, args.workers, args.threshold, iterate)
            print(json.dumps({"generator": name, "index": part["index"]}), file=sys.stderr, flush=True)
        last = None
    # Side by side: the largest size of each generator.
    fields = ("n", "total_s", "total_cpu_s", "recall", "precision", "pairs", "peak_pss_total_mb")
    result["side_by_side"] = {name: {f: part["sizes"][-1].get(f) for f in fields}
                              | ({"add_s": part["index"]["add_s"]} if "index" in part else {})
                              for name, part in result["generators"].items()}
    result["load_avg_at_end"] = os.getloadavg()[0]
    result["calibration_end_s"] = _calibrate()
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
