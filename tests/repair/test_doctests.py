"""The examples in the repair modules' docstrings are run, so they cannot go stale."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["extractor.repair", "extractor.repair.choices", "extractor.repair.document", "extractor.repair.confusion"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
