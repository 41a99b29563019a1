"""Extractor for indicators (being built; see ARCHITECTURE.md for the data model it writes)."""

from __future__ import annotations

from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document
from stikg.loaders.rdf import GraphBuilder

__all__ = ["extract"]


def extract(doc: Document, ctx: ExtractionContext, out: GraphBuilder) -> None:
    return None
