"""Gould–Fernandez brokerage roles of each node, by district (or any grouping).

A broker ``b`` sits in an open triad ``a -> b -> c`` (``a != c``, no tie ``a -> c``).
With ``g(x)`` the group of ``x`` the five roles are:

=================  ==============================  =========================================
role               groups                          meaning
=================  ==============================  =========================================
coordinator        g(a) = g(b) = g(c)              brokers inside its own district
itinerant          g(a) = g(c) != g(b)             an outsider linking two of another district
representative     g(a) = g(b) != g(c)             speaks for its district to another
gatekeeper         g(a) != g(b) = g(c)             controls access into its district
liaison            g(a), g(b), g(c) all different  links two districts, belonging to neither
=================  ==============================  =========================================

Undirected convention: an undirected tie is read as a reciprocated pair of directed
ties (as UCINET does for symmetric data), so every open pair ``{a, c}`` around ``b``
is counted twice, once as ``a -> b -> c`` and once as ``c -> b -> a``. Coordinator,
itinerant and liaison counts are therefore twice the number of unordered open pairs,
and representative equals gatekeeper. Nodes whose group is unknown (None) are
neither brokers nor ends of a triad.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx
import numpy as np

from stikg.graph.network.igraph_bridge import to_igraph

__all__ = ["ROLES", "brokerage", "main_role"]

ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")


def _role(ga: object, gb: object, gc: object) -> str:
    if ga == gb == gc:
        return "coordinator"
    if ga == gc:
        return "itinerant"
    if ga == gb:
        return "representative"
    if gb == gc:
        return "gatekeeper"
    return "liaison"


def _directed(graph: nx.DiGraph, groups: Mapping) -> dict[object, dict[str, int]]:
    result = {}
    for b in graph:
        counts = dict.fromkeys(ROLES, 0)
        gb = groups.get(b)
        if gb is not None:
            for a in graph.predecessors(b):
                for c in graph.successors(b):
                    if a in (b, c) or graph.has_edge(a, c) or groups.get(a) is None or groups.get(c) is None:
                        continue
                    counts[_role(groups[a], gb, groups[c])] += 1
        result[b] = counts
    return result


def _codes(graph: nx.Graph, groups: Mapping) -> tuple[list, np.ndarray, np.ndarray]:
    """igraph copy's node list, integer group code per vertex (-1 unknown), and its edges as an array."""
    copy, nodes = to_igraph(graph)
    index: dict[object, int] = {}
    code = np.array([-1 if groups.get(n) is None else index.setdefault(groups[n], len(index)) for n in nodes])
    edges = np.array(copy.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    edges = edges[edges[:, 0] != edges[:, 1]]
    return nodes, code, edges


def _undirected(graph: nx.Graph, groups: Mapping) -> dict[object, dict[str, int]]:
    """Count ordered neighbour pairs by group per broker, then remove the closed ones (triangles).

    Vectorised with numpy over the igraph copy, so a million ties take seconds.
    """
    nodes, code, edges = _codes(graph, groups)
    n, k = len(nodes), int(code.max(initial=-1)) + 1
    counts = {role: np.zeros(n, dtype=np.int64) for role in ROLES}
    both = np.concatenate([edges, edges[:, ::-1]])  # (broker, neighbour) in both directions
    both = both[(code[both[:, 0]] >= 0) & (code[both[:, 1]] >= 0)]
    keys = both[:, 0] * max(k, 1) + code[both[:, 1]]  # (broker, neighbour's group), sparse
    unique, size = np.unique(keys, return_counts=True)
    broker, group = unique // max(k, 1), unique % max(k, 1)
    mine = group == code[broker]
    own = np.bincount(broker[mine], size[mine], minlength=n).astype(np.int64) * (code >= 0)
    known = np.bincount(broker, size, minlength=n).astype(np.int64) * (code >= 0)
    other = known - own
    square_other = np.bincount(broker[~mine], size[~mine] ** 2, minlength=n).astype(np.int64) * (code >= 0)
    counts["coordinator"] += own * (own - 1)
    counts["itinerant"] += square_other - other
    counts["representative"] += own * other
    counts["gatekeeper"] += own * other
    counts["liaison"] += other * other - square_other
    _remove_closed(graph, code, counts)
    return {node: {role: int(counts[role][i]) for role in ROLES} for i, node in enumerate(nodes)}


def _remove_closed(graph: nx.Graph, code: np.ndarray, counts: dict[str, np.ndarray]) -> None:
    """Each triangle closes one pair around each of its three corners (two ordered triads)."""
    copy, _ = to_igraph(graph)
    triangles = np.array(copy.list_triangles(), dtype=np.int64).reshape(-1, 3)
    for b, a, c in ((0, 1, 2), (1, 0, 2), (2, 0, 1)):
        broker, left, right = triangles[:, b], triangles[:, a], triangles[:, c]
        gb, ga, gc = code[broker], code[left], code[right]
        ok = (gb >= 0) & (ga >= 0) & (gc >= 0)
        same_b_a, same_b_c, same_a_c = ga == gb, gc == gb, ga == gc
        cases = {
            "coordinator": ok & same_b_a & same_b_c,
            "itinerant": ok & same_a_c & ~same_b_a,
            "liaison": ok & ~same_a_c & ~same_b_a & ~same_b_c,
        }
        for role, mask in cases.items():
            np.subtract.at(counts[role], broker[mask], 2)
        mixed = ok & (same_b_a ^ same_b_c)  # one end in the broker's group: one representative, one gatekeeper
        np.subtract.at(counts["representative"], broker[mixed], 1)
        np.subtract.at(counts["gatekeeper"], broker[mixed], 1)


def brokerage(graph: nx.Graph, groups: Mapping | str = "district") -> dict[object, dict[str, int]]:
    """Counts of the five roles for every node; ``groups`` maps node -> group or names a node attribute.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("a1", "b1"), ("b1", "c1")])
    >>> brokerage(g, {"a1": "A", "b1": "B", "c1": "C"})["b1"]["liaison"]
    2
    """
    if isinstance(groups, str):
        groups = dict(graph.nodes(data=groups))
    if graph.is_directed():
        return _directed(graph, groups)
    return _undirected(graph, groups)


def main_role(counts: Mapping[str, int]) -> str | None:
    """The role a node plays most (ties in the order of ``ROLES``), None if it brokers nothing.

    Examples
    --------
    >>> main_role({"coordinator": 0, "itinerant": 2, "gatekeeper": 1, "representative": 1, "liaison": 2})
    'itinerant'
    """
    best = max(counts.values(), default=0)
    if best <= 0:
        return None
    return next(role for role in ROLES if counts.get(role, 0) == best)
