"""Helpers: run this part's extractors on a document and query what they wrote."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document
from stikg.loaders.extract import industries, places, talent
from stikg.loaders.pipeline import builtin_corpus
from stikg.loaders.rdf import GraphBuilder
from stikg.loaders.readers import read_document
from stikg.loaders.segment import segment

PREFIXES = (
    "PREFIX stikg: <https://w3id.org/stikg/ontology#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)


class Extracted:
    """The triples the place, industry and talent extractors wrote for one document."""

    def __init__(self, doc: Document, region: str | None = None) -> None:
        ctx = ExtractionContext()
        ctx.start_document(doc)
        ctx.region = region
        self.doc = doc
        self.out = GraphBuilder(doc)
        for extract in (places.extract, industries.extract, talent.extract):
            extract(doc, ctx, self.out)
        self.store = ox.Store()
        self.store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in self.out.triples)

    def select(self, query: str) -> list[tuple[str, ...]]:
        return [tuple(term.value if term else None for term in row) for row in self.store.query(PREFIXES + query)]

    def focus(self) -> dict[str, set[str]]:
        """Region label -> labels of the industries it prioritises."""
        rows = self.select(
            "SELECT ?r ?i WHERE { ?f a stikg:IndustryFocus ; stikg:region/rdfs:label ?r ; stikg:industry/rdfs:label ?i "
            "FILTER(LANG(?r) = 'zh' && LANG(?i) = 'zh') }"
        )
        result: dict[str, set[str]] = {}
        for region, industry in rows:
            result.setdefault(region, set()).add(industry)
        return result

    def programs(self) -> dict[str, str | None]:
        """Programme label -> level term name (or None)."""
        rows = self.select(
            "SELECT ?l ?level WHERE { ?p a stikg:TalentProgram ; rdfs:label ?l FILTER(LANG(?l) = 'zh') "
            "OPTIONAL { ?p stikg:level ?level } }"
        )
        return {label: level.rsplit("#", 1)[-1] if level else None for label, level in rows}


def corpus_document(prefix: str) -> Document:
    path = next(p for p in sorted(Path(builtin_corpus()).iterdir()) if p.name.startswith(prefix))
    return read_document(path)


def text_document(text: str, name: str = "test.txt") -> Document:
    return segment(Document(source=name, text=text))


@pytest.fixture(scope="module")
def wujiang() -> Extracted:
    """The built-in 吴江区 action plan (002), region as metadata would set it."""
    return Extracted(corpus_document("002_"), region="吴江区")
