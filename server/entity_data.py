"""What an entity page shows, gathered with a few SPARQL queries (the IRI is bound, never spliced).

Labels by language, types, every property (outgoing and incoming), the text spans
that mention the entity with their quotes and documents, and the facts about it that
were derived from text spans (``prov:wasDerivedFrom``), each with its source quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from stikg.graph.store import LocalStore

__all__ = ["EntityView", "entity_exists", "entity_graph", "entity_view"]

_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX stikg: <https://w3id.org/stikg/ontology#>
"""
_EXISTS = "ASK { { ?e ?p ?o } UNION { ?s ?p ?e } }"
_OUT = _PREFIXES + """SELECT ?e ?p ?o (SAMPLE(?l) AS ?label) WHERE {
  ?e ?p ?o OPTIONAL { ?o rdfs:label|skos:prefLabel ?l FILTER(lang(?l) IN ("zh", "en", "")) }
} GROUP BY ?e ?p ?o ORDER BY ?p ?o LIMIT 2000"""
_IN = _PREFIXES + """SELECT ?e ?s ?p (SAMPLE(?l) AS ?label) WHERE {
  ?s ?p ?e FILTER(?p != stikg:mentions)
  OPTIONAL { ?s rdfs:label|skos:prefLabel ?l FILTER(lang(?l) IN ("zh", "en", "")) }
} GROUP BY ?e ?s ?p ORDER BY ?p ?s LIMIT 500"""
_SOURCES = _PREFIXES + """SELECT ?e ?kind ?fact ?quote ?doc (SAMPLE(?t) AS ?title) (MIN(?st) AS ?start) WHERE {
  { ?span stikg:mentions ?e BIND("mention" AS ?kind) }
  UNION { ?e prov:wasDerivedFrom ?span BIND("self" AS ?kind) BIND(?e AS ?fact) }
  UNION { ?fact ?p ?e . ?fact prov:wasDerivedFrom ?span FILTER(?p != stikg:mentions) BIND("fact" AS ?kind) }
  ?span stikg:quote ?quote ; stikg:inDocument ?doc .
  OPTIONAL { ?span stikg:startOffset ?st }
  OPTIONAL { ?doc dcterms:title ?t }
} GROUP BY ?e ?kind ?fact ?quote ?doc ORDER BY ?doc ?start LIMIT 1000"""
_CONSTRUCT = "CONSTRUCT { ?e ?p ?o . ?s ?q ?e } WHERE { { ?e ?p ?o } UNION { ?s ?q ?e } }"
_LABELS = {
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel",
}
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass
class EntityView:
    iri: str
    labels: dict[str, list[str]] = field(default_factory=dict)  # language tag ("" none) -> labels
    types: list[str] = field(default_factory=list)
    properties: list[dict] = field(default_factory=list)  # {p, o (term), label}
    incoming: list[dict] = field(default_factory=list)  # {s, p, label}
    sources: list[dict] = field(default_factory=list)  # {kind, fact, quote, doc, title}

    @property
    def title(self) -> str:
        for lang in ("zh", "en", ""):
            if self.labels.get(lang):
                return self.labels[lang][0]
        return self.iri.rstrip("/").rsplit("/", 1)[-1]


def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def entity_exists(store: LocalStore, iri: str) -> bool:
    return store.ask(_EXISTS, substitutions={"e": _node(iri)})


def _text(term: object) -> str | None:
    return None if term is None else term.value  # type: ignore[attr-defined]


def entity_view(store: LocalStore, iri: str) -> EntityView:
    """Everything the HTML page of ``iri`` shows."""
    view = EntityView(iri)
    subs = {"e": _node(iri)}
    for row in store.select(_OUT, substitutions=subs):
        p, o = row["p"].value, row["o"]
        if p in _LABELS and isinstance(o, ox.Literal):
            view.labels.setdefault(o.language or "", []).append(o.value)
        if p == _TYPE:
            view.types.append(o.value)
        view.properties.append({"p": p, "o": o, "label": _text(row.get("label"))})
    for row in store.select(_IN, substitutions=subs):
        view.incoming.append({"s": row["s"], "p": row["p"].value, "label": _text(row.get("label"))})
    for row in store.select(_SOURCES, substitutions=subs):
        view.sources.append({
            "kind": row["kind"].value,
            "fact": _text(row.get("fact")),
            "quote": row["quote"].value,
            "doc": row["doc"].value,
            "title": _text(row.get("title")),
        })
    return view


def entity_graph(store: LocalStore, iri: str) -> list[ox.Triple]:
    """The triples about ``iri`` (as subject or object) for Turtle/JSON-LD answers."""
    return list(store.query(_CONSTRUCT, substitutions={"e": _node(iri)}))  # type: ignore[call-overload]
