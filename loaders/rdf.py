"""Build one document's RDF: the document node, text spans, labels and facts.

Every extractor writes through a :class:`GraphBuilder`, which makes provenance
uniform: a fact node gets ``prov:wasDerivedFrom`` a ``stikg:TextSpan`` that records
the document, the character offsets and the exact quote; an entity named in the
text gets a span with ``stikg:mentions``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox

from stikg.graph.iris import document_iri, fact_iri, graph_iri, pinyin_label
from stikg.graph.vocab import PROV, RDF, RDFS, SKOS, STIKG, XSD
from stikg.loaders.document import Document

__all__ = ["GraphBuilder", "iri", "lit"]

_TERM_TYPES = (ox.NamedNode, ox.BlankNode, ox.Literal)



@lru_cache(maxsize=262144)
def _named(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def iri(value: str) -> ox.NamedNode:
    """A NamedNode, cached: the same few thousand IRIs recur across a document's triples."""
    return _named(str(value))


def lit(value: object, *, lang: str | None = None, datatype: str | None = None) -> ox.Literal:
    """A literal; ``datatype`` is an IRI string such as ``str(XSD.decimal)``."""
    if lang:
        return ox.Literal(str(value), language=lang)
    if datatype:
        return ox.Literal(str(value), datatype=_named(str(datatype)))
    return ox.Literal(str(value))


class GraphBuilder:
    """Collects the triples of one document's named graph, without duplicates."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.document = iri(document_iri(doc.source))
        self.graph = graph_iri(doc.source)
        self._triples: dict[tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, object], None] = {}
        self._spans: set[tuple[int, int]] = set()
        self._done: set[object] = set()
        self._counters: dict[str, int] = {}

    # --- raw triples ------------------------------------------------------------
    def add(self, subject: ox.NamedNode | ox.BlankNode, predicate: object, obj: object) -> None:
        p = predicate if type(predicate) is ox.NamedNode else _named(str(predicate))
        o = obj if type(obj) in _TERM_TYPES else _named(str(obj))
        self._triples[(subject, p, o)] = None

    def add_type(self, subject: ox.NamedNode, cls: object) -> None:
        self.add(subject, RDF.type, iri(str(cls)))

    @property
    def triples(self) -> list[ox.Triple]:
        return [ox.Triple(s, p, o) for s, p, o in self._triples]

    def quads(self) -> Iterable[ox.Quad]:
        g = iri(self.graph)
        return (ox.Quad(s, p, o, g) for s, p, o in self._triples)

    def once(self, key: object) -> bool:
        """True the first time ``key`` is seen in this document: lets extractors skip rewriting an entity."""
        if key in self._done:
            return False
        self._done.add(key)
        return True

    # --- labels -----------------------------------------------------------------
    def label(self, entity: ox.NamedNode, zh: str, *, en: str | None = None, alt: Iterable[str] = ()) -> None:
        """Chinese label, its pinyin (``zh-Latn-pinyin``), an English label only from reference data."""
        alt = tuple(alt)
        if not self.once(("label", entity, zh, en, alt)):
            return
        self.add(entity, RDFS.label, lit(zh, lang="zh"))
        self.add(entity, RDFS.label, lit(pinyin_label(zh), lang="zh-Latn-pinyin"))
        self.add(entity, SKOS.prefLabel, lit(zh, lang="zh"))
        if en:
            self.add(entity, RDFS.label, lit(en, lang="en"))
            self.add(entity, SKOS.prefLabel, lit(en, lang="en"))
        for name in alt:
            if name and name != zh:
                self.add(entity, SKOS.altLabel, lit(name, lang="zh"))

    # --- provenance ---------------------------------------------------------------
    def span(self, start: int, end: int) -> ox.NamedNode:
        """The ``stikg:TextSpan`` for ``text[start:end]`` (created once per offsets)."""
        if not 0 <= start < end <= len(self.doc.text):
            raise ValueError(f"span {start}-{end} outside {self.doc.source} (length {len(self.doc.text)})")
        node = iri(fact_iri("span", self.doc.source, start, end))
        if (start, end) not in self._spans:
            self._spans.add((start, end))
            self.add_type(node, STIKG.TextSpan)
            self.add(node, STIKG.inDocument, self.document)
            self.add(node, STIKG.startOffset, lit(start, datatype=str(XSD.integer)))
            self.add(node, STIKG.endOffset, lit(end, datatype=str(XSD.integer)))
            self.add(node, STIKG.quote, lit(self.doc.text[start:end]))
        return node

    def mention(self, entity: ox.NamedNode, start: int, end: int) -> ox.NamedNode:
        """Record that ``text[start:end]`` names ``entity``."""
        span = self.span(start, end)
        self.add(span, STIKG.mentions, entity)
        return span

    def fact(self, kind: str, cls: object, start: int, end: int) -> ox.NamedNode:
        """A new fact node of class ``cls`` derived from the sentence ``text[start:end]``."""
        key = f"{kind}/{start}-{end}"
        n = self._counters.get(key, 0)
        self._counters[key] = n + 1
        node = iri(fact_iri(kind, self.doc.source, start, end, n))
        self.add_type(node, cls)
        self.add(node, PROV.wasDerivedFrom, self.span(start, end))
        self.add(node, STIKG.inDocument, self.document)
        return node
