"""``extractor.evaluate`` gives exactly what the reference scorer gives, on the same predictions."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from extractor.evaluate import key, score

from .conftest import golds, predictions


def _reference(scorer, gold_dir, preds: dict, tmp_path) -> dict:
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in preds.values()) + "\n",
                         encoding="utf-8")
    out = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(pred_file), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_same_scores_as_reference_on_shared_dev(shared_dev, reference_scorer, tmp_path):
    preds = predictions(shared_dev)
    assert score(golds(shared_dev), preds) == _reference(reference_scorer, shared_dev, preds, tmp_path)


def test_same_scores_as_reference_on_corpus_dev(corpus_dev, reference_scorer, tmp_path):
    preds = predictions(corpus_dev)
    assert score(golds(corpus_dev), preds) == _reference(reference_scorer, corpus_dev, preds, tmp_path)


def test_same_scores_on_damaged_predictions(corpus_dev, reference_scorer, tmp_path):
    """Drop, truncate and rename: the two scorers must still agree (and not score 1.0)."""
    preds = predictions(corpus_dev)
    for i, p in enumerate(preds.values()):
        if i % 3 == 0 and p["assignments"]:
            p["assignments"] = p["assignments"][1:]
        elif i % 3 == 1:
            for a in p["assignments"]:
                a["tasks"] = [{"text": t["text"][: len(t["text"]) // 2]} for t in a["tasks"]]
                a["period"] = None
        else:
            for a in p["assignments"]:
                a["cadre"] = a["cadre"] + " X"
    ours = score(golds(corpus_dev), preds)
    assert ours == _reference(reference_scorer, corpus_dev, preds, tmp_path)
    assert ours["record_f1"] < 1.0


@pytest.mark.parametrize("a,b", [("Uỷ ban", "ủy  ban"), ("Hoà Phú.", "hòa-phú"), ("THUỶ", "thủy")])
def test_key_equates_tone_placement_case_and_punctuation(a, b):
    assert key(a) == key(b)
