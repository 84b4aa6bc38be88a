"""``giaoviec eval`` as users run it (new processes, real files): scores of a gold folder, and
cross-validation (``--folds``, training on several corpora with ``--corpus``)."""
from __future__ import annotations

import json
import shutil

import pytest

from extractor.evaluate import load_golds
from tests.conftest import run_cli


def test_eval_prints_scores(corpus_dev):
    some = sorted(p for p in corpus_dev.iterdir() if not p.name.endswith(".json"))[:3]
    proc = run_cli("eval", str(corpus_dev), *map(str, some), "--json")
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout)
    assert scores["docs"] == 3 and 0.0 <= scores["record_f1"] <= 1.0


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
    assert sorted(sum((f["documents"] for f in out["folds"]), [])) == sorted(load_golds(gold_dir))
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
