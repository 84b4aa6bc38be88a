"""Build corpora/dedup/pairs.jsonl: the labelled pairs for measuring the duplicate score.

    .venv/bin/python corpora/dedup/build_pairs.py          # writes pairs.jsonl beside this file
    .venv/bin/python corpora/dedup/build_pairs.py --check  # exit 1 if pairs.jsonl is stale

The hand-written tricky pairs (tricky.jsonl) come first, then generated pairs from the
seeded generator in extractor/dedup/synth.py: POSITIVES tasks rewritten as clerks rewrite
them (label 1) and NEGATIVES same-phrasing tasks about another commune, project,
product or number (label 0, the hard negatives). Same seed, same file.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from extractor.dedup.synth import labelled_pairs  # noqa: E402

SEED = 2026
POSITIVES = 600
NEGATIVES = 600


def build() -> list[dict]:
    rows = []
    for line in (HERE / "tricky.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            row["source"] = "hand"
            rows.append(row)
    for row in labelled_pairs(POSITIVES, NEGATIVES, seed=SEED):
        row["source"] = "generated"
        rows.append(row)
    for i, row in enumerate(rows):
        row["id"] = f"p{i:04d}"
    return rows


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in build())
    target = HERE / "pairs.jsonl"
    if "--check" in argv:
        same = target.exists() and target.read_text(encoding="utf-8") == text
        print("pairs.jsonl is up to date" if same else "pairs.jsonl is stale: run build_pairs.py")
        return 0 if same else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({text.count(chr(10))} pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
