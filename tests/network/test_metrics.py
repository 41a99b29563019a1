"""Centralities on the hand-made network (tests/network/handmade.py), worked out by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from stikg.errors import UsageError
from stikg.graph.network import metrics
from tests.network.handmade import handmade


def test_degree_and_weighted_degree() -> None:
    g = handmade()
    assert metrics.degree(g) == {"A1": 2, "A2": 2, "A3": 3, "B1": 3, "B2": 2, "C1": 2, "C2": 2}
    g.edges["A3", "B1"]["weight"] = 5  # A3: 1 + 1 + 5, B1: 5 + 1 + 1
    assert metrics.weighted_degree(g)["A3"] == 7 and metrics.weighted_degree(g)["B1"] == 7


def test_betweenness_by_hand() -> None:
    # Pairs counted once. A1–A3 has two shortest paths (via A2, via C2): A2 and C2 get 1/2 each;
    # A2–C2 likewise gives A1 and A3 1/2 each. Every path from the square {A1,A2,C2} to
    # {B1,B2,C1} runs through A3 (3 x 3 = 9 pairs, + 1/2 above = 9.5) and, to B2 and C1, through
    # B1 (A1, A2, A3, C2 to B2 and C1: 8 pairs). A1's paths to B1, B2, C1 split over A2 and C2:
    # A2 and C2 get 3 x 1/2 + 1/2 = 2 each.
    expected = {"A1": 0.5, "A2": 2.0, "A3": 9.5, "B1": 8.0, "B2": 0.0, "C1": 0.0, "C2": 2.0}
    assert metrics.betweenness(handmade(), normalized=False) == pytest.approx(expected)
    # normalised by (n-1)(n-2)/2 = 15 as networkx does
    normalised = metrics.betweenness(handmade())
    assert normalised["A3"] == pytest.approx(9.5 / 15)
    assert normalised == pytest.approx(nx.betweenness_centrality(handmade()))


def test_sampled_betweenness_with_all_sources_is_exact() -> None:
    g = handmade()
    assert metrics.betweenness(g, k=7) == pytest.approx(metrics.betweenness(g))
    estimate = metrics.betweenness(g, k=4, seed=1)
    assert set(estimate) == set(g) and all(v >= 0 for v in estimate.values())


def test_clustering_by_hand() -> None:
    # B1's neighbours A3, B2, C1: one tie among three pairs (B2–C1) -> 1/3; B2 and C1: their two
    # neighbours are tied -> 1; the square has no triangle -> 0.
    expected = {"A1": 0.0, "A2": 0.0, "A3": 0.0, "B1": 1 / 3, "B2": 1.0, "C1": 1.0, "C2": 0.0}
    assert metrics.clustering(handmade()) == pytest.approx(expected)


def test_pagerank_and_eigenvector_respect_symmetry() -> None:
    g = handmade()
    pr, ev = metrics.pagerank(g), metrics.eigenvector(g)
    assert sum(pr.values()) == pytest.approx(1.0)
    # A2 and C2 are interchangeable (both tie A1 and A3), as are B2 and C1.
    assert pr["A2"] == pytest.approx(pr["C2"]) and pr["B2"] == pytest.approx(pr["C1"])
    assert ev["A2"] == pytest.approx(ev["C2"]) and max(ev.values()) == pytest.approx(1.0)
    assert max(pr, key=pr.get) in {"A3", "B1"}


def test_components() -> None:
    g = handmade()
    g.add_edge("X1", "X2")
    comp = metrics.component(g)
    assert {comp[n] for n in handmade()} == {0} and comp["X1"] == comp["X2"] == 1


def test_unknown_metric_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown metric 'closeness'"):
        metrics.compute_metric(handmade(), "closeness")


def test_empty_graph_gives_empty_dicts() -> None:
    for name in metrics.METRICS:
        assert metrics.compute_metric(nx.Graph(), name) == {}
