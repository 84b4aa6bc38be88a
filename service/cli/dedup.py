"""``giaoviec dedup TASKS.jsonl [--threshold 85] [--out PAIRS.jsonl]``: suggest duplicate tasks.

TASKS.jsonl holds one task a line, ``{"id": "t1", "text": "…", "cadre": "…", "unit": "…",
"year": 2022}`` (``id`` and ``text`` required); "-" reads stdin. Every pair scoring at or
above the threshold is written as one JSON line (CONTRACT.md, "Duplicates"), best first.
With ``--index FILE`` the tasks are also matched against, and then added to, a persisted
index of earlier tasks (the archive), and only the new pairs are written.
"""
from __future__ import annotations

import argparse
import sys


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "dedup", help="tìm các việc trùng lặp (near-duplicate tasks) trong TASKS.jsonl",
        description="Suggest pairs of tasks that are the same task written again.")
    p.add_argument("tasks", metavar="TASKS.jsonl", help='one {"id", "text", ...} per line; "-" for stdin')
    p.add_argument("--threshold", type=float, default=85.0,
                   help="minimum duplicate score, 0-100 (default 85)")
    p.add_argument("--out", metavar="PAIRS.jsonl", help="write pairs here instead of stdout")
    p.add_argument("--index", metavar="FILE",
                   help="also match against this persisted index, then add the tasks to it")
    p.add_argument("--workers", type=int, default=1, help="threads for the comparisons (default 1)")
    p.set_defaults(func=run)


def _read_tasks(path: str):
    import json

    from extractor.dedup import TaskRef

    fh = sys.stdin if path == "-" else open(path, encoding="utf-8-sig")
    tasks = []
    try:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                if not isinstance(data, dict) or "id" not in data or "text" not in data:
                    raise ValueError('needs an object with "id" and "text"')
                tasks.append(TaskRef.from_dict(data))
            except (ValueError, TypeError) as err:
                raise SystemExit(f"giaoviec dedup: {path}, line {n}: {err}; each line must be "
                                 '{"id": "…", "text": "…"} (cadre, unit, year optional)') from err
    finally:
        if fh is not sys.stdin:
            fh.close()
    return tasks


def run(args: argparse.Namespace) -> int:
    import json

    from extractor.dedup import DedupIndex, find_pairs

    if not 0 <= args.threshold <= 100:
        print(f"giaoviec dedup: --threshold must be between 0 and 100, got {args.threshold:g}",
              file=sys.stderr)
        return 2
    try:
        tasks = _read_tasks(args.tasks)
    except FileNotFoundError:
        print(f"giaoviec dedup: {args.tasks}: no such file; give a TASKS.jsonl path or - for stdin",
              file=sys.stderr)
        return 2
    except SystemExit as err:
        print(err, file=sys.stderr)
        return 1
    try:
        if args.index:
            index = DedupIndex.open(args.index, threshold=args.threshold)
            pairs = index.add(tasks, workers=args.workers)
            index.save()
        else:
            pairs = find_pairs(tasks, args.threshold, workers=args.workers)
    except ValueError as err:
        print(f"giaoviec dedup: {err}", file=sys.stderr)
        return 1
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        for p in pairs:
            out.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if args.out:
            out.close()
    print(f"giaoviec dedup: {len(tasks)} tasks, {len(pairs)} pairs at >= {args.threshold:g}",
          file=sys.stderr)
    return 0
