"""The examples in the repair modules' docstrings are run, so they cannot go stale."""
from __future__ import annotations

import doctest
import importlib

import pytest

# extractor.read.ocr.reread is the repair's second reading (tests/read lists the reader's own)
MODULES = ["extractor.repair", "extractor.repair.choices", "extractor.repair.document", "extractor.repair.confusion",
           "extractor.repair.second", "extractor.read.ocr.reread"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
