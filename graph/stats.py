"""Store statistics: triples, graphs, entities per class."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["StoreStats", "store_stats"]

_CLASS_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class
"""
_COUNTS = """
SELECT (COUNT(*) AS ?quads) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }
"""


@dataclass
class StoreStats:
    quads: int
    graphs: int
    classes: list[tuple[str, int]]

    def render(self) -> str:
        lines = [f"quads: {self.quads}", f"named graphs: {self.graphs}", "entities per class:"]
        lines += [f"  {n:>8}  {cls}" for cls, n in self.classes]
        return "\n".join(lines)


def store_stats(store: object) -> StoreStats:
    """Count quads (in named graphs), graphs and typed entities in ``store``."""
    counts = store.select(_COUNTS)[0]  # type: ignore[attr-defined]
    classes = [(row["class"].value, int(row["n"].value)) for row in store.select(_CLASS_COUNTS)]  # type: ignore[attr-defined]
    return StoreStats(int(counts["quads"].value), int(counts["graphs"].value), classes)
