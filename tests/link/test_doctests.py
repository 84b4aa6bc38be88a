"""The examples in the linking and recognising modules' docstrings are run, so they cannot go stale."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["extractor.link.tables", "extractor.link.context", "extractor.link.prose", "extractor.link.combine",
           "extractor.link.forms", "extractor.link.texttables", "extractor.recognize.names",
           "extractor.recognize.places", "extractor.recognize.titles", "extractor.recognize.periods",
           "extractor.recognize.counts", "extractor.pipeline"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
