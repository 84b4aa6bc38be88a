"""Floors on real and written documents; a change that lowers them fails here.

The scores themselves come from ``giaoviec eval``; the floors sit a little under them, room
for the corpora still being written, not for regressions.
"""
from __future__ import annotations

from extractor.evaluate import load_golds, score

from .conftest import predictions


def test_shared_dev_floor(shared_dev):
    """Issue 11's target for the validation set (the rules once scored 1.0 here because they
    were written while reading it; the trained pipeline is not tuned to it)."""
    s = score(load_golds(shared_dev), predictions(shared_dev))
    assert s["unread"] == 0
    assert s["record_f1"] >= 0.85, s
    assert s["cadre_f1"] >= 0.9, s
    assert s["role_accuracy"] >= 0.9, s
    assert s["period_accuracy"] >= 0.9, s


def test_corpus_dev_floor(corpus_dev):
    s = score(load_golds(corpus_dev), predictions(corpus_dev))
    assert s["record_f1"] >= 0.95, s
    assert s["cadre_f1"] >= 0.95, s
    assert s["role_accuracy"] >= 0.9, s
    assert s["period_accuracy"] >= 0.9, s


def test_corpus_train_floor(corpus_train):
    """The training split is read by the model, not the rules; it shows how rules generalise."""
    s = score(load_golds(corpus_train), predictions(corpus_train))
    assert s["record_f1"] >= 0.85, s
    assert s["cadre_precision"] >= 0.95, s
