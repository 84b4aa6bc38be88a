"""Phone photos through OCR, with and without the page flattening (issue 12 part 3).

    python -m bench photo [--docs 3] [--seed 0]

Pages of ``bench/scans.py`` decisions (the text page and the appendix table) are
degraded at severity ``phone`` (a colour photo on a desk: perspective, uneven light,
JPEG) and read by ``ocr_image`` twice: as photographed (flattening turned off) and as
the reader does it (``extractor/read/photo.py``: corners, perspective, light). Prints,
per page and overall, the share of the page's words found in order (and for the same
page unphotographed, the best this measure gives), and the time flattening took.
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
import time

import numpy as np


def words_in_order(text: str, expected: str) -> float:
    a, b = expected.split(), text.split()
    m = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return sum(x.size for x in m.get_matching_blocks()) / len(a) if a else 1.0


def _expected(page) -> str:
    """The page's words: its lines, then each table cell once (merged cells by their owner)."""
    words = list(page.text)
    for t in page.tables:
        words.extend(t.cells[rc] for rc in sorted(t.boxes))
    return " ".join(words)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    from extractor.read.ocr import ocr_image
    from extractor.read.photo import flatten_photo

    from .scans import degrade, render_decision

    photo_mod = sys.modules["extractor.read.photo"]
    rows = []
    for d in range(args.docs):
        for k, page in enumerate(render_decision(seed=args.seed + d, people=3)):
            gray = np.asarray(degrade(page, "phone", seed=args.seed + d * 10 + k).convert("L"))
            expected = _expected(page)
            find = photo_mod.find_page
            photo_mod.find_page = lambda g: None
            try:
                before = words_in_order(ocr_image(gray).plain_text, expected)
            finally:
                photo_mod.find_page = find
            t0 = time.perf_counter()
            fixes: list = []
            flatten_photo(gray, fixes)
            ms = (time.perf_counter() - t0) * 1000
            after = words_in_order(ocr_image(gray).plain_text, expected)
            # the same page unphotographed: what the words-in-order measure gives at best
            # (a table page's plain text does not follow the cells' order, so under 1)
            clean = words_in_order(ocr_image(np.asarray(page.image.convert("L"))).plain_text, expected)
            rows.append({"doc": d, "page": k + 1, "found": bool(fixes), "before": round(before, 3),
                         "after": round(after, 3), "clean": round(clean, 3), "flatten_ms": round(ms)})
            print(json.dumps(rows[-1]), flush=True)
    summary = {"pages": len(rows), "found": sum(r["found"] for r in rows),
               "words_in_order_before": round(float(np.mean([r["before"] for r in rows])), 3),
               "words_in_order_after": round(float(np.mean([r["after"] for r in rows])), 3),
               "words_in_order_clean": round(float(np.mean([r["clean"] for r in rows])), 3),
               "flatten_ms_median": float(np.median([r["flatten_ms"] for r in rows]))}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
