"""Communities (Louvain, fixed seed) and how they compare with the districts.

Up to ``NETWORKX_LOUVAIN_LIMIT`` nodes we run ``networkx.community.louvain_communities``
with a fixed seed; above it, igraph's ``community_multilevel`` (the same Louvain
method, much faster) with Python's RNG seeded, so both repeat run after run.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Hashable, Mapping

import igraph as ig
import networkx as nx

from stikg.graph.network.igraph_bridge import to_igraph

__all__ = [
    "NETWORKX_LOUVAIN_LIMIT",
    "adjusted_rand_index",
    "compare_with_districts",
    "louvain",
    "modularity",
    "normalized_mutual_information",
]

NETWORKX_LOUVAIN_LIMIT = 2000


def _numbered(groups: list[list]) -> dict:
    """Community ids: 0 for the largest, ties by the smallest member's string."""
    groups = sorted(groups, key=lambda g: (-len(g), min(map(str, g))))
    return {node: index for index, members in enumerate(groups) for node in members}


def louvain(graph: nx.Graph, *, seed: int = 42, weight: str = "weight", resolution: float = 1.0) -> dict:
    """Louvain community of each node (0 = the largest community).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.disjoint_union(nx.complete_graph(4), nx.complete_graph(4))
    >>> g.add_edge(0, 4)
    >>> parts = louvain(g)
    >>> len(set(parts.values())), parts[1] == parts[2], parts[1] == parts[5]
    (2, True, False)
    """
    if graph.number_of_nodes() == 0:
        return {}
    if graph.number_of_nodes() <= NETWORKX_LOUVAIN_LIMIT:
        groups = nx.community.louvain_communities(graph, weight=weight, resolution=resolution, seed=seed)
        return _numbered([list(g) for g in groups])
    copy, nodes = to_igraph(graph, weight)
    state = random.getstate()
    random.seed(seed)
    ig.set_random_number_generator(random)
    try:
        clusters = copy.community_multilevel(weights="weight", resolution=resolution)
    finally:
        random.setstate(state)
    return _numbered([[nodes[i] for i in members] for members in clusters])


def modularity(graph: nx.Graph, partition: Mapping, *, weight: str = "weight") -> float:
    """Newman modularity of ``partition`` (node -> group); nodes missing from it form one group each.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([(0, 1), (2, 3)])
    >>> modularity(g, {0: "a", 1: "a", 2: "b", 3: "b"})
    0.5
    """
    copy, nodes = to_igraph(graph, weight)
    if copy.ecount() == 0:
        return 0.0
    labels: dict[Hashable, int] = {}
    membership = []
    for node in nodes:
        group = partition.get(node)
        key = ("group", group) if group is not None else ("alone", node)
        membership.append(labels.setdefault(key, len(labels)))
    return float(copy.modularity(membership, weights="weight"))


def _contingency(a: Mapping, b: Mapping) -> tuple[Counter, Counter, Counter, int]:
    common = [n for n in a if n in b and a[n] is not None and b[n] is not None]
    pairs = Counter((a[n], b[n]) for n in common)
    return pairs, Counter(a[n] for n in common), Counter(b[n] for n in common), len(common)


def normalized_mutual_information(a: Mapping, b: Mapping) -> float:
    """NMI (arithmetic-mean normalisation, as scikit-learn's default) over nodes labelled in both.

    Examples
    --------
    >>> normalized_mutual_information({1: "x", 2: "x", 3: "y", 4: "y"}, {1: 0, 2: 0, 3: 1, 4: 1})
    1.0
    >>> normalized_mutual_information({1: "x", 2: "x", 3: "y", 4: "y"}, {1: 0, 2: 1, 3: 0, 4: 1})
    0.0
    """
    pairs, left, right, n = _contingency(a, b)
    if n == 0:
        return 0.0
    mi = sum(c / n * math.log(c * n / (left[x] * right[y])) for (x, y), c in pairs.items())
    h_left = -sum(c / n * math.log(c / n) for c in left.values())
    h_right = -sum(c / n * math.log(c / n) for c in right.values())
    if h_left == 0 and h_right == 0:
        return 1.0
    return round(float(max(0.0, mi / ((h_left + h_right) / 2))), 12)


def adjusted_rand_index(a: Mapping, b: Mapping) -> float:
    """Adjusted Rand index (Hubert & Arabie 1985) over nodes labelled in both.

    Examples
    --------
    >>> adjusted_rand_index({1: "x", 2: "x", 3: "y", 4: "y"}, {1: 0, 2: 1, 3: 0, 4: 1})
    -0.5
    """
    pairs, left, right, n = _contingency(a, b)
    if n < 2:
        return 1.0
    index = sum(math.comb(c, 2) for c in pairs.values())
    sum_left = sum(math.comb(c, 2) for c in left.values())
    sum_right = sum(math.comb(c, 2) for c in right.values())
    expected = sum_left * sum_right / math.comb(n, 2)
    maximum = (sum_left + sum_right) / 2
    if maximum == expected:
        return 1.0
    return round(float((index - expected) / (maximum - expected)), 12)


def compare_with_districts(graph: nx.Graph, communities: Mapping, *, attr: str = "district") -> dict[str, float]:
    """Modularity of the Louvain and the district partitions, and NMI/ARI between them.

    NMI and ARI use only nodes whose district is known.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([(0, 1), (2, 3)])
    >>> nx.set_node_attributes(g, {0: "d1", 1: "d1", 2: "d2", 3: "d2"}, "district")
    >>> compare_with_districts(g, {0: 0, 1: 0, 2: 1, 3: 1})["nmi"]
    1.0
    """
    districts = {n: d for n, d in graph.nodes(data=attr) if d}
    return {
        "communities": len(set(communities.values())),
        "modularity": modularity(graph, communities),
        "district_modularity": modularity(graph, districts),
        "nmi": normalized_mutual_information(districts, communities),
        "ari": adjusted_rand_index(districts, communities),
    }
