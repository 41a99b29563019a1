"""SHACL validation of the graph (pySHACL against ``ontology/shapes.ttl``).

The union of every graph except the ontology graph is copied into one rdflib
graph, the ontology's ``rdfs:subClassOf`` axioms are added to it, and pySHACL
validates it with ``inference="none"``: SHACL's ``sh:targetClass`` and ``sh:class``
follow ``rdfs:subClassOf`` in the data graph, so the ``stikg:PolicyDocument`` shape
reaches a ``stikg:Plan`` without a reasoner. (pySHACL's own ``ont_graph=`` does the
same mixing, but its blank-node cloning took minutes on a 2,000-triple graph with
pySHACL 0.40; adding the axioms directly takes milliseconds.) Two rules are checked
in Python after SHACL, in one pass each: a span's quote equals its document's text
at its offsets, and a document's period does not start after it ends.
Each violation becomes one line a person can act on::

    <focus label or IRI> | <path> | <message> [<shape> <constraint>]
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from stikg.config import base_iri
from stikg.graph.vocab import DCTERMS, PREFIXES, RDF, RDFS, SH, SKOS, STIKG, XSD

__all__ = [
    "data_graph",
    "ontology_graph",
    "period_inversions",
    "quote_mismatches",
    "shapes_graph",
    "validate_graph",
    "validate_store",
]

_XSD_STRING = str(XSD.string)
_LABELS = (RDFS.label, SKOS.prefLabel, DCTERMS.title)
_SPAN_PARTS = (STIKG.inDocument, STIKG.startOffset, STIKG.endOffset, STIKG.quote)


@lru_cache(maxsize=1)
def _turtle(name: str) -> bytes:
    return (importlib.resources.files("stikg.ontology") / name).read_bytes()


def ontology_graph() -> Graph:
    """A fresh rdflib graph of ``ontology/stikg.ttl``."""
    return Graph().parse(data=_turtle("stikg.ttl"), format="turtle")


@lru_cache(maxsize=1)
def _subclass_axioms() -> tuple[tuple[Node, Node, Node], ...]:
    """The ontology's named-class ``rdfs:subClassOf`` triples: all SHACL needs from it."""
    ontology = ontology_graph()
    return tuple(
        (s, RDFS.subClassOf, o)
        for s, o in ontology.subject_objects(RDFS.subClassOf)
        if isinstance(s, URIRef) and isinstance(o, URIRef)
    )


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes (parsed once; pySHACL does not modify them)."""
    return Graph().parse(data=_turtle("shapes.ttl"), format="turtle")


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))


def data_graph(quads: Iterable[ox.Quad], *, exclude: Iterable[str] = ()) -> Graph:
    """One rdflib graph of ``quads`` with graph names dropped, leaving out the graphs in ``exclude``."""
    skip = {ox.NamedNode(g) for g in exclude}
    graph = Graph()
    add = graph.add
    for quad in quads:
        if quad.graph_name not in skip:
            add((_term(quad.subject), _term(quad.predicate), _term(quad.object)))  # type: ignore[arg-type]
    return graph


def validate_store(store: object) -> list[str]:
    """Validate every graph in ``store`` except the ontology; one readable line per violation."""
    graph = data_graph(store.quads(), exclude=[f"{base_iri()}graph/ontology"])  # type: ignore[attr-defined]
    return validate_graph(graph, inplace=True)


def validate_graph(graph: Graph, *, inplace: bool = False) -> list[str]:
    """Validate ``graph`` against the shapes; one line per violation, sorted.

    With ``inplace`` the subclass axioms are added to ``graph`` itself instead of a
    copy (saves copying the data; use it when the graph is yours to throw away).
    """
    work = graph if inplace else _copy(graph)
    for triple in _subclass_axioms():
        work.add(triple)
    shapes = shapes_graph()
    _conforms, report, _text = validate(
        work, shacl_graph=shapes, inference="none", inplace=True, allow_infos=True, allow_warnings=True
    )
    assert isinstance(report, Graph)
    lines = [_format_result(report, result, work, shapes) for result in _violations(report)]
    return sorted(lines + quote_mismatches(work) + period_inversions(work))


def period_inversions(graph: Graph) -> list[str]:
    """Documents whose ``stikg:periodStart`` is after their ``stikg:periodEnd``.

    Checked here because rdflib cannot order ``xsd:gYear`` (so ``sh:lessThanOrEquals``
    fails) and pySHACL re-parses a SPARQL constraint for every document.
    """
    lines = []
    for doc, start in graph.subject_objects(STIKG.periodStart):
        end = graph.value(doc, STIKG.periodEnd)
        first, last = (_year(v) for v in (start, end))
        if first is not None and last is not None and first > last:
            lines.append(
                f"{_describe(doc, graph)} | stikg:periodStart | stikg:periodStart must not be after "
                f"stikg:periodEnd / 规划期起始年不得晚于结束年 (value: {_show_value(start)}, end: {_show_value(end)}) "  # type: ignore[arg-type]
                "[shapes:PolicyDocumentShape PeriodOrder]"
            )
    return lines


def _year(value: Node | None) -> int | None:
    text = str(value) if isinstance(value, Literal) else ""
    return int(text[:4]) if text[:4].isdigit() else None


def quote_mismatches(graph: Graph) -> list[str]:
    """Spans whose ``stikg:quote`` is not ``text[startOffset:endOffset]`` of their document.

    The one rule of the data model SHACL cannot state without a SPARQL constraint
    per span (which pySHACL parses anew for each focus node: minutes on a corpus),
    so it is checked here, in one pass, and reported in the same format.
    """
    texts: dict[Node, str] = {}
    lines = []
    for span in graph.subjects(RDF.type, STIKG.TextSpan):
        doc, start, end, quote = (graph.value(span, p) for p in _SPAN_PARTS)
        if doc is None or not all(isinstance(v, Literal) for v in (start, end, quote)):
            continue  # missing or malformed parts are the shapes' business
        if doc not in texts:
            texts[doc] = str(graph.value(doc, STIKG.text) or "")
        text, first, stop = texts[doc], start.toPython(), end.toPython()  # type: ignore[union-attr]
        if not (isinstance(first, int) and isinstance(stop, int)) or not text:
            continue
        if text[first:stop] != str(quote) or stop > len(text):
            lines.append(
                f"{_describe(span, graph)} | stikg:quote | The quote of a text span must equal its document's "
                f"stikg:text[startOffset:endOffset] / 引文须与原文偏移量处的文字一致 "
                f"(value: {_show_value(quote)}, text there: {_show_value(Literal(text[first:stop]))}) "  # type: ignore[arg-type]
                "[shapes:TextSpanShape QuoteMatchesText]"
            )
    return lines


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def _violations(report: Graph) -> list[Node]:
    return [r for r in report.subjects(RDF.type, SH.ValidationResult) if report.value(r, SH.resultSeverity) == SH.Violation]


def _format_result(report: Graph, result: Node, data: Graph, shapes: Graph) -> str:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    component = report.value(result, SH.sourceConstraintComponent)
    value = report.value(result, SH.value)
    message = _message(report, result)
    if value is not None and value != focus and not isinstance(value, BNode):
        message += f" (value: {_show_value(value)})"
    where = f"{_shape_name(report.value(result, SH.sourceShape), shapes)} {_component_name(component)}"
    return f"{_describe(focus, data)} | {_compact(path) if isinstance(path, URIRef) else path or '-'} | {message} [{where}]"


def _message(report: Graph, result: Node) -> str:
    messages = {m.language: str(m) for m in report.objects(result, SH.resultMessage) if isinstance(m, Literal)}
    parts = [messages[lang] for lang in ("en", "zh") if lang in messages]
    return " / ".join(parts) or next(iter(messages.values()), "constraint violated")


def _compact(iri: Node | None) -> str:
    if iri is None:
        return "-"
    text = str(iri)
    best = max(((p, ns) for p, ns in PREFIXES.items() if text.startswith(ns)), key=lambda x: len(x[1]), default=None)
    if best and "/" not in text[len(best[1]) :]:
        return f"{best[0]}:{text[len(best[1]):]}"
    if text.startswith("https://w3id.org/stikg/shapes#"):
        return "shapes:" + text.split("#", 1)[1]
    return f"<{text}>"


def _show_value(value: Node) -> str:
    if isinstance(value, Literal):
        text = str(value)
        text = text if len(text) <= 40 else text[:37] + "..."
        return f'"{text}"' + (f"^^{_compact(value.datatype)}" if value.datatype else "")
    return _compact(value)


def _label(node: Node, data: Graph) -> str | None:
    labels = [o for p in _LABELS for o in data.objects(node, p) if isinstance(o, Literal)]
    for wanted in ("zh", "en", None):
        for label in labels:
            if label.language == wanted:
                return str(label)
    return str(labels[0]) if labels else None


def _describe(node: Node | None, data: Graph) -> str:
    """A focus node as a person reads it: its label and IRI, or where a blank node hangs."""
    if isinstance(node, BNode):
        for subject, predicate in data.subject_predicates(node):
            if not isinstance(subject, BNode):
                return f"{_describe(subject, data)} → {_compact(predicate)}"
        return f"_:{node}"
    if node is None:
        return "-"
    label = _label(node, data) if isinstance(node, URIRef) else None
    return f"{label} <{node}>" if label else f"<{node}>"


def _shape_name(shape: Node | None, shapes: Graph) -> str:
    """The named node shape a (blank) property shape belongs to."""
    if isinstance(shape, BNode):
        parent = shapes.value(None, SH.property, shape)
        if parent is not None:
            return _compact(parent)
    return _compact(shape)


def _component_name(component: Node | None) -> str:
    text = str(component or "")
    return text.rsplit("#", 1)[-1].removesuffix("ConstraintComponent") or "-"
