"""Build one document's RDF: the document node, text spans, labels and facts.

Every extractor writes through a :class:`GraphBuilder`, which makes provenance
uniform: a fact node gets ``prov:wasDerivedFrom`` a ``stikg:TextSpan`` that records
the document, the character offsets and the exact quote; an entity named in the
text gets a span with ``stikg:mentions``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox

from stikg.graph.iris import document_iri, fact_iri, graph_iri, pinyin_label
from stikg.graph.vocab import PROV, RDF, RDFS, SKOS, STIKG, XSD
from stikg.loaders.document import Document

__all__ = ["GraphBuilder", "iri", "lit"]

_NamedNode = ox.NamedNode  # bound once: the builder's methods run for every triple
_TERM_TYPES = frozenset({ox.NamedNode, ox.BlankNode, ox.Literal})
_NODES: dict[str, ox.NamedNode] = {}  # IRIs that recur (vocabulary, entities), by their string


def _named(value: str) -> ox.NamedNode:
    node = _NODES.get(value)
    if node is None:
        if len(_NODES) >= 262144:
            _NODES.clear()
        node = _NODES[value] = ox.NamedNode(value)
    return node


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


@lru_cache(maxsize=65536)
def _chinese(name: str) -> ox.Literal:
    """A ``@zh`` label: entities recur in every document that names them."""
    return ox.Literal(name, language="zh")


@lru_cache(maxsize=65536)
def _pinyin(name: str) -> ox.Literal:
    return ox.Literal(pinyin_label(name), language="zh-Latn-pinyin")


# terms the builder writes for every span, fact and label, made once
_INTEGER = iri(XSD.integer)
_TYPE, _LABEL, _PREF, _ALT = iri(RDF.type), iri(RDFS.label), iri(SKOS.prefLabel), iri(SKOS.altLabel)
_TEXT_SPAN, _IN_DOCUMENT, _MENTIONS = iri(STIKG.TextSpan), iri(STIKG.inDocument), iri(STIKG.mentions)
_START, _END, _QUOTE = iri(STIKG.startOffset), iri(STIKG.endOffset), iri(STIKG.quote)
_DERIVED = iri(PROV.wasDerivedFrom)


_START_NT, _END_NT, _QUOTE_NT = f"<{_START.value}>", f"<{_END.value}>", f"<{_QUOTE.value}>"
_INTEGER_NT = f"^^<{_INTEGER.value}>"
_NT_SPECIAL = re.compile(r'[\\"\n\r]')
_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _span_literals(spans: dict[tuple[int, int], ox.NamedNode], text: str, graph: ox.NamedNode) -> list[ox.Quad]:
    """The offsets and quote of every span, as quads parsed from N-Quads text.

    A ``Quad`` with a literal object costs ~1.5 µs to make from Python (pyo3 tries the
    IRI and blank node types first and builds an error for each), against ~0.2 µs for
    an IRI; parsing the same quads from text in Rust costs about 1 µs less each, and a
    span has three literals. The quote is escaped as N-Quads requires.
    """
    tail = f" <{graph.value}> .\n"
    lines = []
    for (start, end), node in spans.items():
        subject = f"<{node.value}> "
        quote = text[start:end]
        if _NT_SPECIAL.search(quote):
            quote = quote.translate(_NT_ESCAPES)
        lines.append(
            f'{subject}{_START_NT} "{start}"{_INTEGER_NT}{tail}'
            f'{subject}{_END_NT} "{end}"{_INTEGER_NT}{tail}'
            f'{subject}{_QUOTE_NT} "{quote}"{tail}'
        )
    # lenient: the IRIs were checked when their NamedNodes were made; skipping the check halves the parse
    return list(ox.parse("".join(lines), format=ox.RdfFormat.N_QUADS, lenient=True))


class GraphBuilder:
    """Collects the triples of one document's named graph, without duplicates."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.document = iri(document_iri(doc.source))
        self.graph = graph_iri(doc.source)
        self._triples: dict[tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, object], None] = {}
        self._spans: dict[tuple[int, int], ox.NamedNode] = {}
        self._done: set[object] = set()
        self._counters: dict[tuple[str, int, int], int] = {}

    # --- raw triples ------------------------------------------------------------
    def add(self, subject: ox.NamedNode | ox.BlankNode, predicate: object, obj: object) -> None:
        p = predicate if type(predicate) is _NamedNode else _named(str(predicate))
        o = obj if type(obj) in _TERM_TYPES else _named(str(obj))
        self._triples[(subject, p, o)] = None

    def add_type(self, subject: ox.NamedNode, cls: object) -> None:
        self._triples[(subject, _TYPE, cls if type(cls) is _NamedNode else _named(str(cls)))] = None

    @property
    def triples(self) -> list[ox.Triple]:
        return [q.triple for q in self.quads()]

    def quads(self) -> list[ox.Quad]:
        """Every quad of the document's graph, spans' own triples included."""
        g, quad, document = iri(self.graph), ox.Quad, self.document
        out = [quad(s, p, o, g) for s, p, o in self._triples]
        for node in self._spans.values():
            out += (quad(node, _TYPE, _TEXT_SPAN, g), quad(node, _IN_DOCUMENT, document, g))
        if self._spans:
            out += _span_literals(self._spans, self.doc.text, g)
        return out

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
        chinese, triples = _chinese(zh), self._triples
        triples[(entity, _LABEL, chinese)] = None
        triples[(entity, _LABEL, _pinyin(zh))] = None
        triples[(entity, _PREF, chinese)] = None
        if en:
            english = ox.Literal(en, language="en")
            triples[(entity, _LABEL, english)] = None
            triples[(entity, _PREF, english)] = None
        for name in alt:
            if name and name != zh:
                triples[(entity, _ALT, _chinese(name))] = None

    # --- provenance ---------------------------------------------------------------
    def span(self, start: int, end: int) -> ox.NamedNode:
        """The ``stikg:TextSpan`` for ``text[start:end]`` (created once per offsets).

        Only the builder mints span IRIs, so a span's own five triples (type, document,
        offsets, quote) are written when the triples are read, not tracked one by one.
        """
        node = self._spans.get((start, end))
        if node is None:
            if not 0 <= start < end <= len(self.doc.text):
                raise ValueError(f"span {start}-{end} outside {self.doc.source} (length {len(self.doc.text)})")
            node = self._spans[(start, end)] = _NamedNode(fact_iri("span", self.doc.source, start, end))
        return node

    def mention(self, entity: ox.NamedNode, start: int, end: int) -> ox.NamedNode:
        """Record that ``text[start:end]`` names ``entity``."""
        span = self.span(start, end)
        self._triples[(span, _MENTIONS, entity)] = None
        return span

    def fact(self, kind: str, cls: object, start: int, end: int) -> ox.NamedNode:
        """A new fact node of class ``cls`` derived from the sentence ``text[start:end]``."""
        key = (kind, start, end)
        n = self._counters.get(key, 0)
        self._counters[key] = n + 1
        node = _NamedNode(fact_iri(kind, self.doc.source, start, end, n))
        triples = self._triples
        triples[(node, _TYPE, cls if type(cls) is _NamedNode else _named(str(cls)))] = None
        triples[(node, _DERIVED, self.span(start, end))] = None
        triples[(node, _IN_DOCUMENT, self.document)] = None
        return node
