"""The whole analysis of one network in one call (CLI, API, write-back and benchmark share it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from stikg.errors import NotFoundError
from stikg.graph.network import brokerage as brokerage_mod
from stikg.graph.network import communities, crossdistrict, metrics
from stikg.graph.network.igraph_bridge import to_igraph

__all__ = ["Analysis", "analyse", "require_nodes"]


@dataclass
class Analysis:
    """Per-node values (``nodes[iri][metric]``) and network-level results."""

    network: str
    parameters: dict[str, Any]
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    community_comparison: dict[str, float] = field(default_factory=dict)
    cross_district: dict[str, Any] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)


def require_nodes(graph: nx.Graph, name: str) -> None:
    """Raise a clear error for an empty network instead of dividing by zero later."""
    if graph.number_of_nodes() == 0:
        raise NotFoundError(
            f"network {name!r} is empty in this store: it has no "
            + ("collaboration statements" if name == "collaboration" else "matching facts")
            + " (build the store from documents first: `stikg build`)"
        )


def analyse(graph: nx.Graph, *, seed: int = 42, betweenness_samples: int | None = None) -> Analysis:
    """Every metric, the Louvain communities, brokerage roles and cross-district measures.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c")], name="demo")
    >>> nx.set_node_attributes(g, {"a": "X", "b": "X", "c": "Y"}, "district")
    >>> result = analyse(g)
    >>> result.nodes["b"]["degree"], result.nodes["b"]["brokerage_role"]
    (2, 'gatekeeper')
    """
    name = graph.graph.get("name", "network")
    require_nodes(graph, name)
    params = {"network": name, "seed": seed, "betweenness_samples": betweenness_samples, "louvain": "fixed seed"}
    result = Analysis(name, params)
    values: dict[str, dict] = {}
    for metric, function in metrics.METRICS.items():
        values[metric] = (
            function(graph, k=betweenness_samples, seed=seed) if metric == "betweenness" else function(graph)
        )
    values["community"] = communities.louvain(graph, seed=seed)
    values["bridges"] = crossdistrict.bridges(graph)
    values["articulation_point"] = crossdistrict.articulation_points(graph)
    roles = brokerage_mod.brokerage(graph, "district")
    for node in graph:
        entry = {metric: table.get(node) for metric, table in values.items()}
        entry.update({f"brokerage_{role}": count for role, count in roles[node].items()})
        entry["brokerage_role"] = brokerage_mod.main_role(roles[node])
        result.nodes[node] = entry
    result.community_comparison = communities.compare_with_districts(graph, values["community"])
    result.cross_district = crossdistrict.cross_district_summary(graph, "district")
    n, m = graph.number_of_nodes(), to_igraph(graph)[0].ecount()
    result.summary = {
        "network": name,
        "nodes": n,
        "edges": m,
        "components": len(set(values["component"].values())),
        "density": (1 if graph.is_directed() else 2) * m / (n * (n - 1)) if n > 1 else 0.0,
        **result.community_comparison,
        "overall_ei": result.cross_district["overall_ei"],
    }
    return result
