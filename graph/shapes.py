"""SHACL validation of the graph (pySHACL against ``ontology/shapes.ttl``)."""

from __future__ import annotations

__all__ = ["validate_store"]


def validate_store(store: object) -> list[str]:
    """Validate every graph in ``store``; one readable line per violation (being built, issue 3)."""
    return []
