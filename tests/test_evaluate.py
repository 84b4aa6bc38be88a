"""``extractor.evaluate``: the same scores as the reference scorer (``../shared/tools/score.py``) on
the same predictions, and the folds of cross-validation."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from extractor.evaluate import batch_of, key, load_golds, mean_scores, score, split_folds
from tests.extract.conftest import predictions


def _reference(scorer, gold_dir, preds: dict, tmp_path) -> dict:
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in preds.values()) + "\n",
                         encoding="utf-8")
    out = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(pred_file), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_same_scores_as_reference_on_shared_dev(shared_dev, reference_scorer, tmp_path):
    preds = predictions(shared_dev)
    assert score(load_golds(shared_dev), preds) == _reference(reference_scorer, shared_dev, preds, tmp_path)


def test_same_scores_as_reference_on_corpus_dev(corpus_dev, reference_scorer, tmp_path):
    preds = predictions(corpus_dev)
    assert score(load_golds(corpus_dev), preds) == _reference(reference_scorer, corpus_dev, preds, tmp_path)


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
    ours = score(load_golds(corpus_dev), preds)
    assert ours == _reference(reference_scorer, corpus_dev, preds, tmp_path)
    assert ours["record_f1"] < 1.0


def test_same_scores_as_reference_on_shared_train(shared_train, reference_scorer, tmp_path):
    preds = predictions(shared_train)
    assert score(load_golds(shared_train), preds) == _reference(reference_scorer, shared_train, preds, tmp_path)


def test_same_scores_as_reference_when_one_person_has_a_record_per_period(reference_scorer, tmp_path):
    """Ties between two records of one name go to the one with the same period and tasks."""
    gold = [{"cadre": "Lê Văn A", "position": "Chủ tịch UBND xã", "unit": "UBND xã X",
             "period": {"start": 2023, "end": 2023}, "tasks": [{"text": "làm đường liên thôn"}]},
            {"cadre": "Lê Văn A", "position": "Chủ tịch UBND xã", "unit": "UBND xã X",
             "period": {"start": 2021, "end": 2025}, "tasks": [{"text": "xây dựng nông thôn mới nâng cao"}]}]
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "x1.gold.json").write_text(json.dumps({"assignments": gold}), encoding="utf-8")
    pred = {"x1": {"source": "x1.txt", "assignments": list(reversed(gold))}}
    ours = score({"x1": gold}, pred)
    assert ours == _reference(reference_scorer, tmp_path / "g", pred, tmp_path)
    assert ours["record_f1"] == 1.0 and ours["period_accuracy"] == 1.0


@pytest.mark.parametrize("a,b", [("Uỷ ban", "ủy  ban"), ("Hoà Phú.", "hòa-phú"), ("THUỶ", "thủy")])
def test_key_equates_tone_placement_case_and_punctuation(a, b):
    assert key(a) == key(b)


STEMS = [f"ta{i:03}" for i in range(1, 23)] + [f"tb{i:03}" for i in range(1, 9)] + [f"te{i:03}" for i in range(1, 6)]


def test_folds_partition_the_documents_the_same_way_for_the_same_seed():
    folds = split_folds(STEMS, 5, seed=0)
    assert sorted(sum(folds, [])) == sorted(STEMS)
    assert folds == split_folds(list(reversed(STEMS)), 5, seed=0)  # input order does not matter
    assert folds != split_folds(STEMS, 5, seed=1)
    assert max(map(len, folds)) - min(map(len, folds)) <= 1
    for batch in ("ta", "tb", "te"):  # every batch is shared out
        counts = [sum(batch_of(s) == batch for s in f) for f in folds]
        assert max(counts) - min(counts) <= 1, (batch, counts)


def test_folds_refuse_too_few_documents():
    with pytest.raises(ValueError):
        split_folds(["a1", "a2"], 3)


def test_mean_of_folds():
    a = dict.fromkeys(("record_precision", "record_recall", "record_f1", "cadre_precision", "cadre_recall",
                       "cadre_f1", "role_accuracy", "period_accuracy"), 1.0) | {"docs": 3, "unread": 0}
    b = {k: (0.5 if isinstance(v, float) else v) for k, v in a.items()}
    m = mean_scores([a, b])
    assert m["record_f1"] == 0.75 and m["docs"] == 6
