"""The hand-made network the metric tests use, with the numbers worked out by hand.

Groups (districts) A, B, C; eight ties::

    A1 — A2 — A3 — B1 — B2
    |          |    \\   /
    C2 ————————+     C1        (A1–C2, C2–A3, B1–C1, B2–C1)

A1, A2, A3, C2 form a square (A1–A2–A3–C2–A1); A3–B1 is the only tie between the
square and the triangle B1–B2–C1.
"""

from __future__ import annotations

import networkx as nx

TIES = [("A1", "A2"), ("A2", "A3"), ("A3", "B1"), ("B1", "B2"), ("B1", "C1"), ("B2", "C1"), ("A1", "C2"), ("C2", "A3")]


def handmade() -> nx.Graph:
    graph = nx.Graph(name="handmade")
    graph.add_edges_from(TIES, weight=1)
    nx.set_node_attributes(graph, {n: n[0] for n in graph}, "district")
    return graph
