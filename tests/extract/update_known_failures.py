"""Recompute the known failures and the score floors of the golden tests over real documents.

    .venv/bin/python -m tests.extract.update_known_failures           # rewrite both files
    .venv/bin/python -m tests.extract.update_known_failures --check   # exit 1 when they are stale

Run it after a change to the pipeline or the model: it extracts every document of
``../shared/corpus/train`` and ``../shared/corpus/dev`` (about 10 s), writes the documents
that do not pass (see :func:`passes`) to ``known_failures_real.txt`` with what went wrong,
and each split's scores to ``real_floor.json``. ``test_golden_real.py`` reads both: a listed
document is ``xfail(strict=True)`` (a fix must be noticed and the list rewritten), and each
split must score at least its floor. Review the diff before committing it: a document that
leaves the list is a fix, one that enters it a regression.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tests.conftest import SHARED

HERE = Path(__file__).resolve().parent
KNOWN_FAILURES = HERE / "known_failures_real.txt"
FLOOR = HERE / "real_floor.json"
SPLITS = {"train": SHARED / "corpus" / "train", "dev": SHARED / "corpus" / "dev"}
FLOOR_KEYS = ("record_f1", "record_precision", "record_recall", "cadre_f1", "role_accuracy", "period_accuracy")


def passes(gold: list[dict], pred: list[dict]) -> tuple[bool, str]:
    """A real document passes when its records are exactly the gold's in the scorer's terms:
    the same cadres, every gold (cadre, task) pair found and no other pair, role and period
    right wherever gold gives them; a document whose gold is empty passes when nothing is
    predicted. Returns (passed, what went wrong)."""
    from extractor.evaluate import describe_tally, document_tally, is_exact

    if not gold:
        names = ", ".join(a.get("cadre") or "?" for a in pred)
        return (not pred, f"negative: predicted {len(pred)} assignment(s): {names}" if pred else "")
    t = document_tally(gold, pred)
    return is_exact(t), describe_tally(t)


def read_known_failures(path: Path = KNOWN_FAILURES) -> dict[str, str]:
    """``split/stem`` -> reason, from the list file (``#`` starts a comment)."""
    out = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                case, _, reason = line.partition("\t")
                out[case.strip()] = reason.strip()
    return out


def read_floor(path: Path = FLOOR) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def compute() -> tuple[dict[str, str], dict]:
    """(known failures, floors) for the pipeline as it is now."""
    from extractor.evaluate import documents_for, load_golds, score
    from extractor.pipeline import extract

    failures, floors = {}, {}
    for split, folder in SPLITS.items():
        if not folder.is_dir():
            continue
        golds = load_golds(folder)
        preds = {p.name.split(".")[0]: extract(str(p)).to_dict() for p in documents_for(folder)}
        for stem in sorted(golds):
            ok, why = passes(golds[stem], (preds.get(stem) or {}).get("assignments") or [])
            if not ok:
                failures[f"{split}/{stem}"] = why
        result = score(golds, preds)
        floors[split] = {k: result[k] for k in ("docs", *FLOOR_KEYS)}
    return failures, floors


def render(failures: dict[str, str]) -> str:
    head = ("# Real documents (../shared/corpus) that do not pass test_golden_real.py yet: "
            "split/stem<TAB>what went wrong.\n"
            "# Written by `python -m tests.extract.update_known_failures`; do not edit by hand.\n")
    return head + "".join(f"{case}\t{why}\n" for case, why in sorted(failures.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.extract.update_known_failures",
                                     description=__doc__.split("\n")[1])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when the files are stale")
    args = parser.parse_args(argv)
    if not any(p.is_dir() for p in SPLITS.values()):
        print(f"{SHARED / 'corpus'} is absent: nothing to measure", file=sys.stderr)
        return 2
    failures, floors = compute()
    old = read_known_failures()
    fixed, broken = sorted(set(old) - set(failures)), sorted(set(failures) - set(old))
    for split, f in floors.items():
        print(f"{split}: {json.dumps(f)}  (recorded: {json.dumps(read_floor().get(split))})")
    print(f"{len(failures)} known failures ({len(old)} before); now passing: {', '.join(fixed) or '-'}; "
          f"newly failing: {', '.join(broken) or '-'}")
    if args.check:
        return 0 if (fixed, broken) == ([], []) and floors == read_floor() else 1
    KNOWN_FAILURES.write_text(render(failures), encoding="utf-8")
    FLOOR.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {KNOWN_FAILURES.relative_to(HERE.parents[1])} and {FLOOR.relative_to(HERE.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
