"""The examples in the reading modules' docstrings are run, so they cannot go stale."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["extractor.normalize", "extractor.read", "extractor.read.sniff", "extractor.read.layout",
           "extractor.read.text", "extractor.read.grid", "extractor.read.cells", "extractor.read.ocr",
           "extractor.read.ocr.sources", "extractor.read.engine",
           "extractor.read.boxes", "extractor.read.borderless"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
