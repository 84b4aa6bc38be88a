"""Shared fixtures. Real documents are read from ../shared (never copied); tests
that need them skip cleanly when it is absent. The project's own corpora are in
corpora/extract (train, dev)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOVIEC_SHARED", ROOT.parent / "shared"))
CORPORA = ROOT / "corpora"


@pytest.fixture(scope="session")
def shared_dev() -> Path:
    path = SHARED / "corpus" / "dev"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: real documents are only in ../shared")
    return path


@pytest.fixture(scope="session")
def shared_train() -> Path:
    path = SHARED / "corpus" / "train"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: real documents are only in ../shared")
    return path


@pytest.fixture(scope="session")
def reference_scorer() -> Path:
    path = SHARED / "tools" / "score.py"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def _gold_folder(split: str) -> Path:
    path = CORPORA / "extract" / split
    if not any(path.glob("*.gold.json")):
        pytest.skip(f"corpora/extract/{split} has no gold files yet")
    return path


@pytest.fixture(scope="session")
def corpus_dev() -> Path:
    return _gold_folder("dev")


@pytest.fixture(scope="session")
def corpus_train() -> Path:
    return _gold_folder("train")


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run ``giaoviec`` as users do (a new process), capturing stdout and stderr."""
    return subprocess.run([sys.executable, "-m", "service", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600)
