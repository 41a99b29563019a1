"""Reference data (places, external identifiers) loaded into its own named graph."""

from __future__ import annotations

__all__ = ["load_reference"]


def load_reference(store: object) -> int:
    """Load the reference data; returns quads written (filled in by the linking work, issue 7)."""
    return 0
