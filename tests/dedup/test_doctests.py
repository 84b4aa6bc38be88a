"""The examples in the duplicate finder's docstrings are run, so they cannot go stale."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["bench.synth_templated", "extractor.dedup.keys", "extractor.dedup.scoring", "extractor.dedup.index",
           "extractor.dedup.blocking", "extractor.dedup.parallel", "extractor.dedup.cluster", "extractor.dedup.records",
           "extractor.dedup.synth"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
