"""Phone photos through the whole extraction, against the same decisions as text (issue 12 part 3).

    python -m bench photo [--docs 3] [--seed 0] [--extract] [--severity phone phone_angle]

Decisions of ``bench/scans.py`` (a text page and the appendix table) are made into:
``text``, a Word file of the same lines and table (merged cells merged), the baseline;
``clean``, the pages rendered at 300 dpi; ``office``, an office scanner's pages (200 dpi
grey, skew, noise, faint rules, a stamp); ``phone_raw``, the ``phone`` photos read with the
flattening turned off; ``phone``, the same photos as the reader reads them
(``extractor/read/photo.py``: corners, perspective, light); ``phone_angle``, the page
turned on a wooden desk and photographed at a steep angle with a hand's shadow.

``--extract`` runs ``extract()`` on each and scores the appendix records with the
contract's scorer (``extractor.evaluate``, as ``../shared/tools/score.py``): record F1 of
(cadre, task) pairs, cadre F1, and each photo's record F1 gap to ``text`` (issue 12's
target: within 0.10). Then, page by page, the share of the page's words OCR finds in order
with and without the flattening, and for the same page unphotographed (the best this
measure gives), and the time flattening took.
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import numpy as np

PHOTOS = ("phone", "phone_angle")


def words_in_order(text: str, expected: str) -> float:
    a, b = expected.split(), text.split()
    m = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return sum(x.size for x in m.get_matching_blocks()) / len(a) if a else 1.0


def _expected(page: Any) -> str:
    """The page's words: its lines, then each table cell once (merged cells by their owner)."""
    words = list(page.text)
    for t in page.tables:
        words.extend(t.cells[rc] for rc in sorted(t.boxes))
    return " ".join(words)


def _rows(pages: list[Any]) -> list[dict[int, str]]:
    """The appendix's body rows over all its pages (a repeated header left out), as
    {column: text} with a merged cell's text in each row it covers."""
    out = []
    for p in pages:
        for t in p.tables:
            for r in range(1 if t.header else 0, t.nrows):
                out.append({c: t.cells.get((r, c), "") for c in range(t.ncols)})
    return out


def gold_assignments(pages: list[Any]) -> list[dict[str, Any]]:
    """The contract's assignments of a rendered decision: one per person of the appendix,
    with the tasks of their rows (the truth the pages were drawn from)."""
    people: dict[str, dict[str, Any]] = {}
    for row in _rows(pages):
        name, task = row.get(1, ""), row.get(3, "")
        if name and task:
            a = people.setdefault(name, {"cadre": name, "position": row.get(2) or None, "unit": None,
                                         "period": None, "tasks": []})
            a["tasks"].append({"text": task})
    return list(people.values())


def save_docx(pages: list[Any], path: Path) -> Path:
    """The decision as a Word file: the lines outside tables as paragraphs, the appendix
    as one table, its merged name, position and number cells merged as in the drawing."""
    from docx import Document as Docx

    from .scans import HEADER

    d = Docx()
    for p in pages:
        for line in p.text:
            d.add_paragraph(line)
    rows = _rows(pages)
    if not rows:
        d.save(str(path))
        return path
    table = d.add_table(rows=len(rows) + 1, cols=len(HEADER))
    table.style = "Table Grid"
    for c, head in enumerate(HEADER):
        table.cell(0, c).text = head
    r = 0
    while r < len(rows):
        span = 1
        while r + span < len(rows) and rows[r + span][1] == rows[r][1]:
            span += 1  # one person's rows: number, name and position are one cell over them
        for c in range(len(HEADER)):
            if c in (0, 1, 2):
                table.cell(r + 1, c).text = rows[r][c]
                if span > 1:
                    table.cell(r + 1, c).merge(table.cell(r + span, c))
            else:
                for k in range(span):
                    table.cell(r + 1 + k, c).text = rows[r + k][c]
        r += span
    d.save(str(path))
    return path


@contextmanager
def flattening_off() -> Iterator[None]:
    """Photos read as they are: the reader's flattening leaves every image unchanged."""
    from extractor.read import photo

    flatten = photo.flatten_photo
    photo.flatten_photo = lambda gray, fixes=None, transform=None: gray
    try:
        yield
    finally:
        photo.flatten_photo = flatten


def extract_f1(docs: int, seed: int, severities: tuple[str, ...] = PHOTOS) -> dict[str, Any]:
    """Contract scores of the appendix records, per kind of file (see the module docstring),
    and each photo kind's record F1 gap to the text."""
    from extractor.evaluate import document_tally, new_tally, summarize
    from extractor.pipeline import extract

    from .scans import degrade, render_decision, save_pdf

    kinds = ["text", "clean", "office", "phone_raw", *severities]
    tallies = {k: new_tally() for k in kinds}
    per_doc: dict[str, list[float]] = {k: [] for k in kinds}
    pairs = 0
    with tempfile.TemporaryDirectory() as tmp:
        for d in range(docs):
            pages = render_decision(seed=seed + d, people=4)
            gold = gold_assignments(pages)
            pairs += sum(len(a["tasks"]) for a in gold)

            def shots(severity: str, d: int = d, pages: list[Any] = pages) -> list[Any]:
                return [degrade(p, severity, seed=seed + d * 10 + k).convert("L") for k, p in enumerate(pages)]

            # every kind its own file: nothing read once may be reused for another
            files: dict[str, tuple[Path, Callable[[], Any]]] = {
                "text": (save_docx(pages, Path(tmp) / f"text-{d}.docx"), nullcontext),
                "clean": (save_pdf([p.image for p in pages], Path(tmp) / f"clean-{d}.pdf", dpi=300),
                          nullcontext),
                "office": (save_pdf(shots("office"), Path(tmp) / f"office-{d}.pdf", dpi=200), nullcontext),
            }
            phone = shots("phone")
            files["phone_raw"] = (save_pdf(phone, Path(tmp) / f"phone-raw-{d}.pdf", dpi=150), flattening_off)
            if "phone" in severities:
                files["phone"] = (save_pdf(phone, Path(tmp) / f"phone-{d}.pdf", dpi=150), nullcontext)
            for sev in severities:
                if sev != "phone":
                    files[sev] = (save_pdf(shots(sev), Path(tmp) / f"{sev}-{d}.pdf", dpi=150), nullcontext)
            for kind, (path, context) in files.items():
                with context():
                    x = extract(str(path))
                pred = x.to_dict().get("assignments") or []
                t = document_tally(gold, pred)
                t["docs"] = 1
                per_doc[kind].append(summarize(t)["record_f1"])
                for key, n in t.items():
                    tallies[kind][key] += n
    out: dict[str, Any] = {"docs": docs, "seed": seed, "pairs": pairs}
    for kind in kinds:
        s = summarize(tallies[kind])
        out[kind] = {k: s[k] for k in ("record_precision", "record_recall", "record_f1", "cadre_f1")}
        out[kind]["per_doc"] = per_doc[kind]
    out["gap_to_text"] = {k: round(out["text"]["record_f1"] - out[k]["record_f1"], 3)
                          for k in ("phone_raw", *severities)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--severity", nargs="+", choices=PHOTOS, default=list(PHOTOS))
    ap.add_argument("--extract", action="store_true",
                    help="also extract the appendix records and score them (slow)")
    ap.add_argument("--no-words", action="store_true", help="only the records (with --extract)")
    args = ap.parse_args(argv)
    severities = tuple(args.severity)
    if args.extract:
        f1 = extract_f1(args.docs, args.seed, severities)
        print(json.dumps({"record_f1": f1}, ensure_ascii=False), flush=True)
        print(json.dumps({"text_record_f1": f1["text"]["record_f1"],
                          **{f"{k}_record_f1": f1[k]["record_f1"] for k in ("phone_raw", *severities)},
                          **{f"{k}_gap": g for k, g in f1["gap_to_text"].items()}}), flush=True)
        if args.no_words:
            return 0
    from extractor.read.ocr import ocr_image
    from extractor.read.photo import flatten_photo

    from .scans import degrade, render_decision

    rows = []
    for sev in severities:
        for d in range(args.docs):
            for k, page in enumerate(render_decision(seed=args.seed + d, people=3)):
                gray = np.asarray(degrade(page, sev, seed=args.seed + d * 10 + k).convert("L"))
                expected = _expected(page)
                with flattening_off():
                    before = words_in_order(ocr_image(gray).plain_text, expected)
                t0 = time.perf_counter()
                fixes: list[Any] = []
                flatten_photo(gray, fixes)
                ms = (time.perf_counter() - t0) * 1000
                after = words_in_order(ocr_image(gray).plain_text, expected)
                # the same page unphotographed: what the words-in-order measure gives at best
                # (a table page's plain text does not follow the cells' order, so under 1)
                clean = words_in_order(ocr_image(np.asarray(page.image.convert("L"))).plain_text, expected)
                rows.append({"severity": sev, "doc": d, "page": k + 1, "found": bool(fixes),
                             "before": round(before, 3), "after": round(after, 3), "clean": round(clean, 3),
                             "flatten_ms": round(ms)})
                print(json.dumps(rows[-1]), flush=True)
    for sev in severities:
        mine = [r for r in rows if r["severity"] == sev]
        print(json.dumps({"severity": sev, "pages": len(mine), "found": sum(r["found"] for r in mine),
                          "words_in_order_before": round(float(np.mean([r["before"] for r in mine])), 3),
                          "words_in_order_after": round(float(np.mean([r["after"] for r in mine])), 3),
                          "words_in_order_clean": round(float(np.mean([r["clean"] for r in mine])), 3),
                          "flatten_ms_median": float(np.median([r["flatten_ms"] for r in mine]))}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
