"""Shared fixtures. Real documents are read from ../shared (never copied); tests
that need them skip cleanly when it is absent."""
from __future__ import annotations

import os
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
def reference_scorer() -> Path:
    path = SHARED / "tools" / "score.py"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path
