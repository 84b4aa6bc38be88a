"""Show where predictions and gold disagree, document by document.

    .venv/bin/giaoviec extract corpora/extract/dev > /tmp/pred.jsonl
    .venv/bin/python corpora/tools/diff_pred.py corpora/extract/dev /tmp/pred.jsonl

For each document with a difference it prints the cadres only in gold (missed),
only in the prediction (extra), and for shared cadres the tasks that did not
pair up under the reference scorer's rule (fuzz.ratio >= 80 after the same
normalisation). Useful both for the extractor and for re-checking the gold.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "shared" / "tools"))
try:  # the reference key() when ../shared is present, else a copy of its rule
    from score import key  # type: ignore
except ImportError:  # pragma: no cover
    import re
    import unicodedata

    TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

    def key(text):
        if not text:
            return ""
        out = []
        for w in re.split(r"[\W_]+", unicodedata.normalize("NFC", text.casefold())):
            if w:
                d = unicodedata.normalize("NFD", w)
                out.append(unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
                           + "".join(c for c in d if c in TONES))
        return " ".join(out)


def tasks(a: dict) -> list[str]:
    return [t["text"] if isinstance(t, dict) else t for t in a.get("tasks") or []]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    gold_dir, pred_path = Path(argv[0]), Path(argv[1])
    preds = {}
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            preds[Path(obj.get("source", "")).name.split(".")[0]] = obj
    for gf in sorted(gold_dir.glob("*.gold.json")):
        name = gf.name.split(".")[0]
        gold = {key(a["cadre"]): a for a in json.loads(gf.read_text(encoding="utf-8"))["assignments"]}
        pred = {key(a["cadre"]): a for a in (preds.get(name) or {}).get("assignments") or []}
        lines = []
        for k in gold.keys() - pred.keys():
            lines.append(f"  missed  {gold[k]['cadre']}: {tasks(gold[k])}")
        for k in pred.keys() - gold.keys():
            lines.append(f"  extra   {pred[k]['cadre']}: {tasks(pred[k])}")
        for k in gold.keys() & pred.keys():
            gt, pt = tasks(gold[k]), tasks(pred[k])
            left = list(pt)
            for t in gt:
                best = max(left, key=lambda p: fuzz.ratio(key(t), key(p)), default=None)
                if best is not None and fuzz.ratio(key(t), key(best)) >= 80:
                    left.remove(best)
                else:
                    lines.append(f"  task-   {gold[k]['cadre']}: {t!r}")
            for p in left:
                lines.append(f"  task+   {gold[k]['cadre']}: {p!r}")
        if lines:
            print(name)
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
