"""Phone photos through OCR, with and without the page flattening (issue 12 part 3).

    python -m bench photo [--docs 3] [--seed 0] [--extract]

Pages of ``bench/scans.py`` decisions (the text page and the appendix table) are
degraded at severity ``phone`` (a colour photo on a desk: perspective, uneven light,
JPEG) and read by ``ocr_image`` twice: as photographed (flattening turned off) and as
the reader does it (``extractor/read/photo.py``: corners, perspective, light). Prints,
per page and overall, the share of the page's words found in order (and for the same
page unphotographed, the best this measure gives), and the time flattening took.
``--extract`` first scores the appendix records ((cadre, task) pairs, as the contract's
record F1) of the documents as rendered, as photographed, and photographed and flattened.
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


def _pairs(pages) -> set[tuple[str, str]]:
    """(cadre, task) of the appendix tables' truth."""
    out = set()
    for p in pages:
        for t in p.tables:
            for r in range(1 if t.header else 0, t.nrows):
                name, task = t.cells.get((r, 1)), t.cells.get((r, 3))
                if name and task:
                    out.add((name, task))
    return out


def _record_f1(gold: set, pred: set) -> tuple[float, float, float]:
    from rapidfuzz import fuzz

    from extractor.normalize import fold

    left = set(gold)
    hit = 0
    for name, task in pred:
        for g in sorted(left):
            if fold(g[0]) == fold(name) and fuzz.ratio(fold(g[1]), fold(task)) >= 80:
                left.discard(g)
                hit += 1
                break
    p = hit / len(pred) if pred else 0.0
    r = hit / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def extract_f1(docs: int, seed: int) -> dict:
    """Record F1 of the appendix (cadre, task) pairs: pages as rendered, as an office scanner
    gives them (200 dpi grey, skew, noise, faint rules, a stamp), as photographed (flattening
    off), as photographed and flattened."""
    import tempfile
    from pathlib import Path

    from extractor.pipeline import extract
    from extractor.read.photo import find_page  # noqa: F401  (puts the module in sys.modules)

    from .scans import degrade, render_decision, save_pdf

    photo_mod = sys.modules["extractor.read.photo"]
    gold, preds = set(), {"clean": set(), "office": set(), "photo_raw": set(), "photo_flat": set()}
    with tempfile.TemporaryDirectory() as tmp:
        for d in range(docs):
            pages = render_decision(seed=seed + d, people=4)
            gold |= {(f"{d}:{n}", t) for n, t in _pairs(pages)}
            clean = save_pdf([p.image for p in pages], Path(tmp) / f"clean-{d}.pdf", dpi=300)
            office = save_pdf([degrade(p, "office", seed=seed + d * 10 + k).convert("L") for k, p in enumerate(pages)],
                              Path(tmp) / f"office-{d}.pdf", dpi=200)
            shots = [degrade(p, "phone", seed=seed + d * 10 + k).convert("L") for k, p in enumerate(pages)]
            # two files of the same photos: nothing read once may be reused for the other
            raw = save_pdf(shots, Path(tmp) / f"phone-raw-{d}.pdf", dpi=150)
            flat = save_pdf(shots, Path(tmp) / f"phone-flat-{d}.pdf", dpi=150)
            for kind, path in (("clean", clean), ("office", office), ("photo_raw", raw), ("photo_flat", flat)):
                find = photo_mod.find_page
                if kind == "photo_raw":
                    photo_mod.find_page = lambda g: None
                try:
                    x = extract(str(path))
                finally:
                    photo_mod.find_page = find
                preds[kind] |= {(f"{d}:{a.cadre.text}", t.text) for a in x.assignments for t in a.tasks}
    out = {}
    for kind, pred in preds.items():
        p, r, f = _record_f1(gold, pred)
        out[kind] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
    return {"pairs": len(gold), **out}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--extract", action="store_true",
                    help="also extract the appendix records and score them (slow)")
    args = ap.parse_args(argv)
    if args.extract:
        print(json.dumps({"record_f1": extract_f1(args.docs, args.seed)}, ensure_ascii=False), flush=True)
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
