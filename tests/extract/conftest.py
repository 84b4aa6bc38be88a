"""Helpers for the end-to-end extraction tests. The corpora's fixtures (``corpus_dev``,
``corpus_train``) and ``run_cli`` are in tests/conftest.py."""
from __future__ import annotations

from pathlib import Path

_PREDICTIONS: dict[Path, dict[str, dict]] = {}


def predictions(gold_dir: Path) -> dict[str, dict]:
    """Contract objects for every document that has gold in ``gold_dir``, extracted once per
    session (several tests score the same predictions); callers get their own copy."""
    import copy

    from extractor.pipeline import extract
    from service.cli.eval import documents_for

    if gold_dir not in _PREDICTIONS:
        _PREDICTIONS[gold_dir] = {p.name.split(".")[0]: extract(str(p)).to_dict() for p in documents_for(gold_dir)}
    return copy.deepcopy(_PREDICTIONS[gold_dir])

