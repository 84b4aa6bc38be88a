"""Build corpora/dedup/pairs.jsonl: the labelled pairs for measuring the duplicate score.

    .venv/bin/python corpora/dedup/build_pairs.py          # writes pairs.jsonl beside this file
    .venv/bin/python corpora/dedup/build_pairs.py --check  # exit 1 if pairs.jsonl is stale

The hand-written pairs come first (tricky.jsonl, then hard_names.jsonl: issue 16's
names), then generated pairs from the seeded generator in extractor/dedup/synth.py:
POSITIVES tasks rewritten as clerks rewrite them (label 1) and NEGATIVES same-phrasing
tasks about another commune, project, product or number (label 0, the hard negatives),
then pairs from the templated generator bench/synth_templated.py (real commune names;
negatives with the name's syllables in the other order or without a mark). Same seed,
same file.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from bench.synth_templated import labelled  # noqa: E402
from extractor.dedup.synth import labelled_pairs  # noqa: E402

SEED = 2026
POSITIVES = 600
NEGATIVES = 600
TEMPLATED_POSITIVES = 300
TEMPLATED_NEGATIVES = 400


def build() -> list[dict]:
    rows = []
    for name in ("tricky.jsonl", "hard_names.jsonl"):
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row["source"] = "hand"
                rows.append(row)
    for row in labelled_pairs(POSITIVES, NEGATIVES, seed=SEED):
        row["source"] = "generated"
        rows.append(row)
    for row in labelled(TEMPLATED_POSITIVES, TEMPLATED_NEGATIVES, seed=SEED):
        row["source"] = "templated"
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
