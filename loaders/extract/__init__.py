"""Extractors: each turns a Document into facts through a GraphBuilder.

An extractor is ``extract(doc, ctx, out) -> None``; they run in the order of
``EXTRACTORS`` because later ones (collaborations, funding) resolve the entities
that earlier ones (places, institutions) found, through ``ctx``.
"""

from __future__ import annotations

from collections.abc import Callable

from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document
from stikg.loaders.extract import (
    collaborations,
    funding,
    indicators,
    industries,
    institutions,
    metadata,
    places,
    talent,
)
from stikg.loaders.rdf import GraphBuilder

__all__ = ["EXTRACTORS", "Extractor", "run_extractors"]

Extractor = Callable[[Document, ExtractionContext, GraphBuilder], None]

EXTRACTORS: list[Extractor] = [
    metadata.extract,  # first: sets ctx.region (the governed region)
    places.extract,
    institutions.extract,
    industries.extract,
    talent.extract,
    collaborations.extract,  # after institutions: resolves the organisations they found
    indicators.extract,
    funding.extract,
]


def run_extractors(doc: Document, ctx: ExtractionContext) -> GraphBuilder:
    """Run every extractor over ``doc``; return the builder holding its graph."""
    out = GraphBuilder(doc)
    ctx.start_document(doc)
    for extract in EXTRACTORS:
        extract(doc, ctx, out)
    return out
