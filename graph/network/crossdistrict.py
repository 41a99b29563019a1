"""Ties across district lines: shares, Krackhardt E-I index, bridges, articulation points.

Bridges and cut vertices come from igraph (linear time in C) on the cached copy.

Only ties whose two ends have a known district (node attribute ``district``, see the
rule in :mod:`.view`) count; ``cross_district_summary`` reports how many were left out.
Krackhardt & Stern (1988): for a group, ``EI = (E - I) / (E + I)`` with ``E`` the ties
from its members to other groups and ``I`` the ties among its members (each once);
``-1`` = all ties inside, ``+1`` = all ties outside.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import networkx as nx
import numpy as np

from stikg.graph.network.igraph_bridge import to_igraph

__all__ = [
    "articulation_points",
    "bridges",
    "cross_district_share",
    "cross_district_summary",
    "ei_index",
    "overall_ei_index",
]


def _groups(graph: nx.Graph, groups: Mapping | str) -> Mapping:
    return dict(graph.nodes(data=groups)) if isinstance(groups, str) else groups


def _tie_counts(graph: nx.Graph, groups: Mapping, weight: str | None) -> tuple[Counter, Counter, int]:
    """Internal and external tie weight per group, and the number of ties left out (numpy over the igraph copy)."""
    copy, nodes = to_igraph(graph, weight or "weight")
    if copy.ecount() == 0:
        return Counter(), Counter(), 0
    index: dict[object, int] = {}
    code = np.array([-1 if groups.get(n) is None else index.setdefault(groups[n], len(index)) for n in nodes])
    names = list(index)
    edges = np.array(copy.get_edgelist(), dtype=np.int64)
    values = np.ones(len(edges)) if weight is None else np.array(copy.es["weight"], dtype=float)
    gu, gv = code[edges[:, 0]], code[edges[:, 1]]
    counted = (gu >= 0) & (gv >= 0) & (edges[:, 0] != edges[:, 1])
    inside, across = counted & (gu == gv), counted & (gu != gv)
    size = len(names)
    internal_sum = np.bincount(gu[inside], values[inside], minlength=size)
    external_sum = np.bincount(gu[across], values[across], minlength=size) + np.bincount(
        gv[across], values[across], minlength=size
    )
    number = (lambda x: int(x)) if weight is None else float
    internal = Counter({names[i]: number(v) for i, v in enumerate(internal_sum) if v})
    external = Counter({names[i]: number(v) for i, v in enumerate(external_sum) if v})
    return internal, external, int((~counted).sum())


def _ei(internal: Counter, external: Counter) -> dict:
    groups = sorted(set(internal) | set(external), key=str)
    return {g: (external[g] - internal[g]) / (external[g] + internal[g]) for g in groups}


def _overall(internal: Counter, external: Counter) -> float:
    i = sum(internal.values())
    e = sum(external.values()) / 2  # each cross tie was added to both its groups
    return (e - i) / (e + i) if e + i else 0.0


def _share(internal: Counter, external: Counter) -> dict:
    groups = sorted(set(internal) | set(external), key=str)
    return {g: external[g] / (external[g] + internal[g]) for g in groups}


def ei_index(graph: nx.Graph, groups: Mapping | str = "district", *, weight: str | None = None) -> dict:
    """Krackhardt E-I index per group (keyed by district IRI).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("a1", "a2"), ("a2", "b1")])
    >>> ei_index(g, {"a1": "A", "a2": "A", "b1": "B"})
    {'A': 0.0, 'B': 1.0}
    """
    internal, external, _ = _tie_counts(graph, _groups(graph, groups), weight)
    return _ei(internal, external)


def overall_ei_index(graph: nx.Graph, groups: Mapping | str = "district", *, weight: str | None = None) -> float:
    """E-I index of the whole network: (ties across groups - ties within) / all counted ties.

    Examples
    --------
    >>> import networkx as nx
    >>> overall_ei_index(nx.Graph([("a1", "a2"), ("a2", "b1")]), {"a1": "A", "a2": "A", "b1": "B"})
    0.0
    """
    internal, external, _ = _tie_counts(graph, _groups(graph, groups), weight)
    return _overall(internal, external)


def cross_district_share(graph: nx.Graph, groups: Mapping | str = "district", *, weight: str | None = None) -> dict:
    """Per district, the share of its members' ties that reach another district.

    Examples
    --------
    >>> import networkx as nx
    >>> cross_district_share(nx.Graph([("a1", "a2"), ("a2", "b1")]), {"a1": "A", "a2": "A", "b1": "B"})
    {'A': 0.5, 'B': 1.0}
    """
    internal, external, _ = _tie_counts(graph, _groups(graph, groups), weight)
    return _share(internal, external)


def bridges(graph: nx.Graph) -> dict:
    """Number of bridges (ties whose removal disconnects the network) at each node.

    Examples
    --------
    >>> import networkx as nx
    >>> bridges(nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]))
    {'a': 0, 'b': 0, 'c': 1, 'd': 1}
    """
    counts = dict.fromkeys(graph, 0)
    if graph.is_directed() or graph.number_of_edges() == 0:
        return counts
    copy, nodes = to_igraph(graph)
    for edge in copy.es[copy.bridges()]:
        counts[nodes[edge.source]] += 1
        counts[nodes[edge.target]] += 1
    return counts


def articulation_points(graph: nx.Graph) -> dict:
    """True for nodes whose removal splits their component (cut vertices).

    Examples
    --------
    >>> import networkx as nx
    >>> articulation_points(nx.path_graph(["a", "b", "c"]))
    {'a': False, 'b': True, 'c': False}
    """
    if graph.number_of_edges() == 0:
        return dict.fromkeys(graph, False)
    copy, nodes = to_igraph(graph)
    cut = {nodes[i] for i in copy.articulation_points()}
    return {node: node in cut for node in graph}


def cross_district_summary(graph: nx.Graph, groups: Mapping | str = "district") -> dict:
    """Everything above in one dict (for the CLI, the API and the write-back).

    Examples
    --------
    >>> import networkx as nx
    >>> s = cross_district_summary(nx.Graph([("a1", "a2"), ("a2", "b1")]), {"a1": "A", "a2": "A", "b1": "B"})
    >>> s["overall_ei"], s["ties_counted"], s["ties_left_out"]
    (0.0, 2, 0)
    """
    internal, external, skipped = _tie_counts(graph, _groups(graph, groups), None)
    return {
        "overall_ei": _overall(internal, external),
        "ei": _ei(internal, external),
        "share": _share(internal, external),
        "internal": dict(internal),
        "external": dict(external),
        "ties_counted": sum(internal.values()) + sum(external.values()) // 2,
        "ties_left_out": skipped,
    }
