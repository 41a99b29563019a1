"""Louvain with a fixed seed, modularity and partition comparison, checked by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from stikg.graph.network import communities
from tests.network.handmade import handmade


def test_modularity_of_district_partition_by_hand() -> None:
    # m = 8, 2m = 16. A: 2 inside ties, degree sum 2+2+3 = 7; B: 1 inside, 3+2 = 5; C: 0, 2+2 = 4.
    # Q = (2/8 - (7/16)^2) + (1/8 - (5/16)^2) + (0 - (4/16)^2) = 3/128
    g = handmade()
    districts = dict(g.nodes(data="district"))
    assert communities.modularity(g, districts) == pytest.approx(3 / 128)
    assert communities.modularity(g, districts) == pytest.approx(nx.community.modularity(g, [{"A1", "A2", "A3"}, {"B1", "B2"}, {"C1", "C2"}]))


def test_nmi_and_ari_by_hand() -> None:
    same = {1: "x", 2: "x", 3: "y", 4: "y"}
    crossed = {1: 0, 2: 1, 3: 0, 4: 1}
    assert communities.normalized_mutual_information(same, {1: 5, 2: 5, 3: 6, 4: 6}) == 1.0
    assert communities.normalized_mutual_information(same, crossed) == 0.0
    # contingency all ones: index 0; sum_a = sum_b = 2; expected = 2*2/6 = 2/3; max = 2
    assert communities.adjusted_rand_index(same, crossed) == pytest.approx((0 - 2 / 3) / (2 - 2 / 3))


def _two_cliques() -> nx.Graph:
    g = nx.disjoint_union(nx.complete_graph(6), nx.complete_graph(6))
    g.add_edge(0, 6)
    return g


def test_louvain_is_repeatable_and_finds_cliques() -> None:
    first, second = communities.louvain(_two_cliques(), seed=7), communities.louvain(_two_cliques(), seed=7)
    assert first == second
    assert len(set(first.values())) == 2 and first[1] == first[5] != first[7]


def test_igraph_louvain_for_large_graphs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(communities, "NETWORKX_LOUVAIN_LIMIT", 3)
    parts = communities.louvain(_two_cliques(), seed=7)
    assert parts == communities.louvain(_two_cliques(), seed=7)
    assert len(set(parts.values())) == 2 and parts[1] == parts[5] != parts[7]


def test_compare_with_districts() -> None:
    g = _two_cliques()
    nx.set_node_attributes(g, {n: "d1" if n < 6 else "d2" for n in g}, "district")
    result = communities.compare_with_districts(g, communities.louvain(g))
    assert result["nmi"] == 1.0 and result["ari"] == 1.0
    assert result["modularity"] == pytest.approx(result["district_modularity"])
