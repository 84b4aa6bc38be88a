"""``giaoviec read FILE...``: print what giaoviec reads in a file, as JSON.

One file: one JSON object (the Document: pages with their normalised text, blocks,
tables with cells, OCR confidence and quality, fixes made). Several files or a folder:
JSON Lines, one object per file, in order. A file that cannot be read gives
``{"source": ..., "error": {"code": ..., "message": ...}}`` and the others go on.
Exit status: 0 every file read, 1 some not, 2 usage error.
"""
from __future__ import annotations

import argparse
import json
import sys


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "read",
        help="print the text, blocks and tables read from each FILE as JSON",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="document(s) or folder(s) to read")
    p.add_argument("--text", action="store_true", help="print only the page text, not JSON")
    p.add_argument("--pretty", action="store_true", help="indent the JSON (one object per file still)")
    p.add_argument("--max-pages", type=int, default=None, metavar="N", help="refuse files with more pages")
    p.add_argument("--processes", type=int, default=None, metavar="N",
                   help="Tesseract processes at once (default: one per core)")
    p.set_defaults(func=run)


def document_json(doc) -> dict:
    """The Document as a JSON-ready dict (records' own shape, plus the ``ocr`` summary)."""
    d = doc.to_dict()
    d["ocr"] = doc.ocr
    return d


def _expand(paths: list[str]) -> list[str]:
    from pathlib import Path

    from extractor.read import SUPPORTED_SUFFIXES

    out: list[str] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            out.extend(str(f) for f in sorted(p.rglob("*"))
                       if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            out.append(given)
    return out


def run(args) -> int:
    from dataclasses import replace

    from extractor.config import DEFAULT_CONFIG
    from extractor.errors import ReadError
    from extractor.read import read

    config = DEFAULT_CONFIG
    if args.max_pages is not None:
        if args.max_pages < 1:
            print("giaoviec read: --max-pages must be 1 or more", file=sys.stderr)
            return 2
        config = replace(config, max_pages=args.max_pages)
    if args.processes is not None:
        if args.processes < 1:
            print("giaoviec read: --processes must be 1 or more", file=sys.stderr)
            return 2
        config = replace(config, ocr_processes=args.processes)
    files = _expand(args.files)
    if not files:
        print("giaoviec read: no document found in the given folder(s)", file=sys.stderr)
        return 1
    show_progress = sys.stderr.isatty()
    failed = 0
    for path in files:
        def progress(done: int, total: int, path=path) -> None:
            if show_progress:
                print(f"\r{path}: đang đọc trang {done}/{total}", end="", file=sys.stderr, flush=True)

        try:
            doc = read(path, config=config, progress=progress)
            obj = document_json(doc)
        except ReadError as err:
            failed += 1
            obj = {"source": path, "error": err.info.to_dict()}
            doc = None
        except Exception as err:  # never a traceback on stdout: still one JSON line per file
            failed += 1
            obj = {"source": path, "error": {"code": "unreadable",
                                             "message": f"{path}: could not be read ({type(err).__name__}: {err})"}}
            doc = None
        if show_progress:
            print("", file=sys.stderr)
        if args.text:
            if doc is None:
                print(f"{path}: {obj['error']['message']}", file=sys.stderr)
            else:
                sys.stdout.write(doc.text + "\n")
        else:
            sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=1 if args.pretty else None) + "\n")
        sys.stdout.flush()
    return 1 if failed else 0
