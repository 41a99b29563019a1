"""Helpers for the organisation tests: documents from text, extraction with a context."""

from __future__ import annotations

import pytest

from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document
from stikg.loaders.extract import collaborations, institutions
from stikg.loaders.rdf import GraphBuilder
from stikg.loaders.segment import segment


def extract_orgs(text: str, region: str | None, source: str = "synthetic.txt"):
    """Run the institutions and collaborations extractors on ``text``; return (doc, ctx, builder)."""
    doc = segment(Document(source=source, text=text))
    ctx = ExtractionContext()
    ctx.start_document(doc)
    ctx.region = region
    out = GraphBuilder(doc)
    institutions.extract(doc, ctx, out)
    collaborations.extract(doc, ctx, out)
    return doc, ctx, out


@pytest.fixture()
def extract():
    return extract_orgs
