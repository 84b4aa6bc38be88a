"""Precision and recall on the labelled pairs of corpora/dedup, against the plain
token_set_ratio baseline the issue measured at ~25 % precision on template-heavy tasks."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from extractor.dedup import match_key, score

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT / "corpora" / "dedup" / "pairs.jsonl"
THRESHOLD = 85.0


def _rows():
    return [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _precision_recall(rows, predict):
    tp = fp = fn = 0
    for row in rows:
        said = predict(row)
        tp += said and row["label"] == 1
        fp += said and row["label"] == 0
        fn += (not said) and row["label"] == 1
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def _ours(row):
    return score(match_key(row["a"]), match_key(row["b"])) >= THRESHOLD


def _baseline(row):
    return fuzz.token_set_ratio(row["a"].lower(), row["b"].lower()) >= THRESHOLD


def test_corpus_has_a_thousand_pairs_with_hard_negatives():
    rows = _rows()
    assert len(rows) >= 1000
    negatives = [r for r in rows if r["label"] == 0]
    assert len(negatives) >= 400
    # Hard: most negatives look alike to a plain fuzzy ratio.
    hard = sum(1 for r in negatives if _baseline(r))
    assert hard / len(negatives) >= 0.7


def test_corpus_is_what_the_seeded_builder_writes():
    done = subprocess.run([sys.executable, str(PAIRS.parent / "build_pairs.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_precision_and_recall_at_the_default_threshold():
    # Measured 2026-11-25: all 1,240 pairs P=1.000 R=0.971 -> after years left out and
    # names without tone marks P=1.000 R=0.997. Issue 16 (names after head words, order
    # and marks count, 730 more pairs): 1,970 pairs P=1.000 R=0.980; since then the
    # generator's OCR slip no longer drops a name syllable's marks where the bare syllable
    # is another name ("Hưng" / "Hung": another place), and a task typed without marks
    # has its abbreviations written out without them: P=1.000 R=0.996. Floors: the
    # issue's targets.
    precision, recall = _precision_recall(_rows(), _ours)
    assert precision >= 0.98
    assert recall >= 0.97


def test_templated_pairs_with_real_communes():
    rows = [r for r in _rows() if r["source"] == "templated"]
    assert len(rows) >= 600
    precision, recall = _precision_recall(rows, _ours)
    assert precision >= 0.99 and recall >= 0.97


def test_hand_written_tricky_pairs():
    rows = [r for r in _rows() if r["source"] == "hand"]
    precision, recall = _precision_recall(rows, _ours)
    assert precision == 1.0
    assert recall >= 0.85  # known misses: "02" / "hai" (a number as a word), swapped verbs


def test_far_better_than_token_set_ratio_on_the_same_pairs():
    rows = _rows()
    ours_p, ours_r = _precision_recall(rows, _ours)
    base_p, base_r = _precision_recall(rows, _baseline)
    assert base_p <= 0.6  # the baseline flags the hard negatives
    assert ours_p - base_p >= 0.35
    assert ours_r >= base_r - 0.03


@pytest.mark.parametrize("why", ["other_xa", "other_n", "other_sp", "other_duan", "other_thon", "other_xa_order",
                                 "other_xa_marks", "other_htx", "other_truong", "name order",
                                 "marks make another name"])
def test_no_false_positive_by_kind_of_difference(why):
    rows = [r for r in _rows() if r["label"] == 0 and r["why"].startswith(why)]
    assert rows
    assert not [r for r in rows if _ours(r)]
