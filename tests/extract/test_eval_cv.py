"""Cross-validation (``giaoviec eval --folds``), training on several corpora, and the scorer's
agreement with ``../shared/tools/score.py`` where assignments share a name."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from extractor.evaluate import batch_of, mean_scores, score, split_folds

from .conftest import golds, predictions, run_cli

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


def _reference(scorer, gold_dir, preds: dict, tmp_path) -> dict:
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds.values()), encoding="utf-8")
    out = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(pred_file), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_same_scores_as_reference_on_shared_train(reference_scorer, tmp_path):
    from .update_known_failures import SPLITS

    train = SPLITS["train"]
    if not train.is_dir():
        pytest.skip(f"{train} is absent: real documents are only in ../shared")
    preds = predictions(train)
    assert score(golds(train), preds) == _reference(reference_scorer, train, preds, tmp_path)


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


def _gold_folder(src, dst, n):
    dst.mkdir()
    for g in sorted(src.glob("*.gold.json"))[:n]:
        stem = g.name[: -len(".gold.json")]
        for f in src.glob(stem + ".*"):
            shutil.copy(f, dst / f.name)
    return dst


@pytest.mark.slow
def test_eval_folds_trains_per_fold_and_prints_each_fold_and_the_mean(corpus_train, corpus_dev, tmp_path):
    gold_dir = _gold_folder(corpus_train, tmp_path / "gold", 6)
    extra = _gold_folder(corpus_dev, tmp_path / "extra", 2)
    proc = run_cli("eval", str(gold_dir), "--folds", "2", "--seed", "0", "--corpus", str(extra), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert [f["fold"] for f in out["folds"]] == [1, 2]
    assert sorted(sum((f["documents"] for f in out["folds"]), [])) == sorted(golds(gold_dir))
    assert out["mean"]["docs"] == out["pooled"]["docs"] == 6
    for k in ("record_f1", "cadre_f1", "role_accuracy", "period_accuracy"):
        assert out["mean"][k] == round(sum(f[k] for f in out["folds"]) / 2, 3)
    text = run_cli("eval", str(gold_dir), "--folds", "2")
    assert text.returncode == 0 and "mean" in text.stdout and "1/2" in text.stdout and "2/2" in text.stdout


def test_eval_folds_usage_errors(corpus_dev, tmp_path):
    assert run_cli("eval", str(corpus_dev), "--folds", "1").returncode == 2
    assert run_cli("eval", str(corpus_dev), "--corpus", str(corpus_dev)).returncode == 2
    proc = run_cli("eval", str(corpus_dev), "--folds", "2", "--corpus", str(tmp_path))
    assert proc.returncode == 2 and "gold" in proc.stderr


def test_train_adapter_stages_chosen_documents_from_several_corpora(corpus_train, corpus_dev, tmp_path):
    from service.cli.train import _stage

    names = _stage([corpus_train, corpus_dev], tmp_path / "train", only=None,
                   exclude={sorted(golds(corpus_train))[0]})
    assert sorted(golds(corpus_train))[0] not in names
    assert len(names) == len(golds(corpus_train)) - 1 + len(golds(corpus_dev))
    assert len(list((tmp_path / "train").glob("*.gold.json"))) == len(names)
