"""Golden tests over the real documents of ``../shared/corpus/train`` and ``../shared/corpus/dev``
(read there, never copied; skipped when absent): one test per document, and each split's
scores against a recorded floor.

A document passes when its records are exactly its gold's in the scorer's terms (the same
cadres, every gold (cadre, task) pair and no other, role and period right), or, when its
gold is empty, when nothing is predicted: see ``update_known_failures.passes``. The
documents that do not pass yet are listed in ``known_failures_real.txt`` and kept as
``xfail(strict=True)``; the floors are in ``real_floor.json``. Both are rewritten by

    .venv/bin/python -m tests.extract.update_known_failures

Train documents are what the model learns from: their scores are a regression check, not
a measure (the measure is ``giaoviec eval ../shared/corpus/train --folds 5`` and dev).
"""
from __future__ import annotations

import pytest

from extractor.evaluate import load_golds, score

from .update_known_failures import SPLITS, passes, read_floor, read_known_failures

KNOWN = read_known_failures()
FLOOR = read_floor()


def _cases():
    out = []
    for split, folder in SPLITS.items():
        if not folder.is_dir():
            continue
        for gold in sorted(folder.glob("*.gold.json")):
            case = f"{split}/{gold.name.split('.')[0]}"
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN[case])] if case in KNOWN else []
            out.append(pytest.param(split, gold.name.split(".")[0], id=case, marks=marks))
    return out or [pytest.param(None, None, id="no-shared-corpus",
                                marks=pytest.mark.skip(
                                    reason="../shared/corpus is absent: real documents are only there"))]


@pytest.mark.parametrize("split,stem", _cases())
def test_real_document_matches_gold(split, stem):
    from .conftest import predictions

    folder = SPLITS[split]
    gold = load_golds(folder)[stem]
    result = predictions(folder).get(stem)
    assert result is not None and "error" not in result, result
    ok, why = passes(gold, result["assignments"])
    got = [(a["cadre"], a.get("position"), [t["text"][:50] for t in a["tasks"]]) for a in result["assignments"]]
    assert ok, f"{why}; predicted {got}"


@pytest.mark.parametrize("split", list(SPLITS))
def test_real_scores_keep_their_floor(split):
    from .conftest import predictions

    folder = SPLITS[split]
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: real documents are only in ../shared")
    if split not in FLOOR:
        pytest.fail(f"no floor recorded for {split}: run python -m tests.extract.update_known_failures")
    result = score(load_golds(folder), predictions(folder))
    low = {k: (result[k], v) for k, v in FLOOR[split].items() if k != "docs" and result[k] < v}
    assert not low, f"{split} below its floor (measured, floor): {low}; all: {result}"
