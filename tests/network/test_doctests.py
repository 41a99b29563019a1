"""The Examples sections of the network modules run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["analysis", "brokerage", "build", "communities", "crossdistrict", "export", "figure", "igraph_bridge", "metrics"]


@pytest.mark.parametrize("name", MODULES)
def test_examples(name: str) -> None:
    module = importlib.import_module(f"stikg.graph.network.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
