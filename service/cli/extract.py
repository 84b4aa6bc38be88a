"""``giaoviec extract FILE|DIR ...``: the contract's JSON for each document.

One file -> one JSON object; several files or a folder -> JSON Lines, in order. A
file that cannot be read yields an object with ``error`` and no assignments. Exit
status 0 when every file was read, 1 when some were not (2: usage, from argparse).
Nothing but JSON goes to stdout; progress and problems go to stderr.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "extract", help="trích xuất cán bộ, chức vụ, nhiệm vụ, thời gian (JSON)",
        description="Extract assignments (cadre, position, unit, tasks, period) as CONTRACT.md JSON.")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR", help="files or folders to read")
    p.add_argument("--model", type=Path, default=None, help="trained pipeline folder (default: models/giaoviec-vi)")
    p.add_argument("--year", type=int, default=None, help="fallback year when the text gives none")
    p.add_argument("--unit", default=None, help="fallback unit when the text gives none")
    p.add_argument("--pretty", action="store_true", help="indent the JSON (single file only)")
    p.set_defaults(func=run)


def expand(paths: list[str]) -> list[Path]:
    """Files in the order given; a folder gives every supported file below it, sorted."""
    try:
        from extractor.read import SUPPORTED_SUFFIXES
    except ImportError:
        SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".png", ".jpg", ".tif")
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            out.append(p)
    return out


def run(args: argparse.Namespace) -> int:
    from extractor.config import ExtractorConfig
    from extractor.pipeline import extract

    config = ExtractorConfig(model_dir=args.model) if args.model else ExtractorConfig()
    hints = {k: v for k, v in (("year", args.year), ("unit", args.unit)) if v}
    files = expand(args.paths)
    if not files:
        print("giaoviec extract: no supported files found in " + " ".join(args.paths), file=sys.stderr)
        return 1
    single = len(files) == 1 and not Path(args.paths[0]).is_dir()
    status = 0
    for f in files:
        result = extract(str(f), config=config, hints=hints)
        if result.error:
            status = 1
            print(f"giaoviec extract: {result.error.message}", file=sys.stderr)
        obj = result.to_dict()
        if single and args.pretty:
            print(json.dumps(obj, ensure_ascii=False, indent=2))
        else:
            print(json.dumps(obj, ensure_ascii=False))
        sys.stdout.flush()
    return status
