"""``giaoviec ingest DIR [--workers N] [--summary SUMMARY.csv]``: batch-digitise an archive.

Stores and processes every document below DIR (zip files included) into the database
of ``GIAOVIEC_DATABASE_URL``; on Celery workers when ``GIAOVIEC_BROKER_URL`` is set.
Run it again after an interruption: finished files are skipped, unfinished ones done.
"""
from __future__ import annotations

import argparse
import sys


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "ingest",
        help="store and process every document below DIR (zip files too); resumable",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("dir", metavar="DIR", help="folder (or a .zip) holding the documents")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="local worker processes, each about one core (default: one per core); ignored with Celery")
    p.add_argument("--summary", metavar="SUMMARY.csv", default=None,
                   help="write one row per file: path,sha256,status,pages,ocr_pages,assignments,tasks,error")
    p.add_argument("--progress", dest="progress", action="store_true", default=None,
                   help="show the progress bar even when stderr is not a terminal")
    p.add_argument("--quiet", dest="progress", action="store_false", help="no progress bar")
    p.add_argument("--json", action="store_true",
                   help="print the totals as one JSON object instead of the report (for scripts)")
    p.set_defaults(func=run)


def run(args) -> int:
    from pathlib import Path

    from service.ingest import ingest

    if args.workers is not None and args.workers < 1:
        print("giaoviec ingest: --workers must be 1 or more", file=sys.stderr)
        return 2
    if not Path(args.dir).exists():
        print(f"giaoviec ingest: {args.dir}: no such file or folder; give the folder that holds the documents",
              file=sys.stderr)
        return 2
    result = ingest(args.dir, workers=args.workers, summary=args.summary, progress=args.progress)
    if args.json:
        import json

        print(json.dumps(result.totals, ensure_ascii=False))
    else:
        print(result.report())
        if args.summary:
            print(f"summary: {args.summary}")
    if result.interrupted:
        return 130
    return 1 if result.totals["failed"] else 0
