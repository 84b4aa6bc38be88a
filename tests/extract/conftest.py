"""Fixtures for the extraction tests: the project's own corpora and helpers to run the CLI."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "extract"


@pytest.fixture(scope="session")
def corpus_dev() -> Path:
    path = CORPUS / "dev"
    if not any(path.glob("*.gold.json")):
        pytest.skip("corpora/extract/dev has no gold files yet")
    return path


@pytest.fixture(scope="session")
def corpus_train() -> Path:
    path = CORPUS / "train"
    if not any(path.glob("*.gold.json")):
        pytest.skip("corpora/extract/train has no gold files yet")
    return path


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run ``giaoviec`` as users do (a new process), capturing stdout and stderr."""
    return subprocess.run([sys.executable, "-m", "service", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


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


def golds(gold_dir: Path) -> dict[str, list]:
    return {g.name.split(".")[0]: json.loads(g.read_text(encoding="utf-8"))["assignments"]
            for g in sorted(gold_dir.glob("*.gold.json"))}
