"""Self-descriptions: the SPARQL 1.1 Service Description and the VoID dataset description.

Both are small RDF graphs built per request from the live store and served in the
RDF format the client negotiates (Turtle by default). A browser asking /sparql for
HTML is sent to the web UI instead.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, redirect, request, url_for

from stikg.config import base_iri
from stikg.server.app import state
from stikg.server.conneg import GRAPH, RESULTS, negotiate
from stikg.server.deadline import run_with_deadline

__all__ = ["bp", "service_description"]

bp = Blueprint("describe", __name__)

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCTERMS = "http://purl.org/dc/terms/"
FORMATS = "http://www.w3.org/ns/formats/"
_FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "ntriples": "N-Triples", "rdfxml": "RDF_XML",
    "jsonld": "JSON-LD", "nquads": "N-Quads", "trig": "TriG",
}
_PREFIXES = {"sd": SD, "void": VOID, "dcterms": DCTERMS, "xsd": "http://www.w3.org/2001/XMLSchema#"}


_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_n("http://www.w3.org/2001/XMLSchema#integer"))


def _rdf_response(triples: list[ox.Triple]) -> Response:
    fmt = negotiate(request.accept_mimetypes, GRAPH, request.args.get("format"))
    items = [ox.Quad(t.subject, t.predicate, t.object) for t in triples] if fmt.rdf.supports_datasets else triples
    body = ox.serialize(items, format=fmt.rdf, prefixes=_PREFIXES)  # type: ignore[arg-type]
    response = Response(body or b"", content_type=fmt.content_type)
    response.vary.add("Accept")
    return response


def _graph_sizes() -> tuple[int, dict[str, int]]:
    st = state()

    def work() -> tuple[int, dict[str, int]]:
        with st.store.reading() as store:
            rows = store.select(_SIZES, union_default=False)
            return len(store), {r["g"].value: int(r["n"].value) for r in rows}

    return run_with_deadline(work, st.settings.query_timeout, "dataset description")


def service_description() -> Response:
    """``sd:Service`` for this endpoint: languages, result formats, union default graph."""
    accept = request.accept_mimetypes
    if accept and accept.best_match(["text/turtle", "text/html"]) == "text/html" and not request.args.get("format"):
        return redirect(url_for("pages.index"))  # a person with a browser
    endpoint = _n(request.base_url)
    service = ox.BlankNode("service")
    dataset, default_graph = ox.BlankNode("dataset"), ox.BlankNode("default")
    triples = [
        ox.Triple(service, RDF_TYPE, _n(SD + "Service")),
        ox.Triple(service, _n(SD + "endpoint"), endpoint),
        ox.Triple(service, _n(SD + "supportedLanguage"), _n(SD + "SPARQL11Query")),
        ox.Triple(service, _n(SD + "supportedLanguage"), _n(SD + "SPARQL11Update")),
        ox.Triple(service, _n(SD + "feature"), _n(SD + "UnionDefaultGraph")),
        ox.Triple(service, _n(SD + "defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _n(SD + "Dataset")),
        ox.Triple(dataset, _n(SD + "defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, _n(SD + "Graph")),
        ox.Triple(dataset, _n(VOID + "inDataset"), _n(request.host_url + ".well-known/void")),
    ]
    if state().settings.service_allowlist:
        triples.append(ox.Triple(service, _n(SD + "feature"), _n(SD + "BasicFederatedQuery")))
    for fmt in (*RESULTS, *GRAPH):
        triples.append(ox.Triple(service, _n(SD + "resultFormat"), _n(FORMATS + _FORMAT_IRIS[fmt.name])))
    total, sizes = _graph_sizes()
    triples.append(ox.Triple(default_graph, _n(VOID + "triples"), _int(total)))
    for graph, size in sizes.items():
        node = ox.BlankNode()
        inner = ox.BlankNode()
        triples += [
            ox.Triple(dataset, _n(SD + "namedGraph"), node),
            ox.Triple(node, _n(SD + "name"), _n(graph)),
            ox.Triple(node, _n(SD + "graph"), inner),
            ox.Triple(inner, _n(VOID + "triples"), _int(size)),
        ]
    return _rdf_response(triples)


@bp.get("/.well-known/void")
def void() -> Response:
    """A ``void:Dataset``: SPARQL endpoint, URI space, size, one subset per named graph."""
    dataset = _n(request.host_url + ".well-known/void#dataset")
    total, sizes = _graph_sizes()
    triples = [
        ox.Triple(dataset, RDF_TYPE, _n(VOID + "Dataset")),
        ox.Triple(dataset, _n(DCTERMS + "title"), ox.Literal("stikg 科技创新政策知识图谱", language="zh")),
        ox.Triple(dataset, _n(DCTERMS + "title"), ox.Literal("stikg S&T innovation policy knowledge graph", language="en")),
        ox.Triple(dataset, _n(VOID + "sparqlEndpoint"), _n(request.host_url + "sparql")),
        ox.Triple(dataset, _n(VOID + "uriSpace"), ox.Literal(base_iri() + "id/")),
        ox.Triple(dataset, _n(VOID + "vocabulary"), _n("https://w3id.org/stikg/ontology#")),
        ox.Triple(dataset, _n(VOID + "triples"), _int(total)),
        ox.Triple(dataset, _n(VOID + "feature"), _n(FORMATS + "Turtle")),
    ]
    for graph, size in sizes.items():
        subset = _n(graph)
        triples += [
            ox.Triple(dataset, _n(VOID + "subset"), subset),
            ox.Triple(subset, RDF_TYPE, _n(VOID + "Dataset")),
            ox.Triple(subset, _n(VOID + "triples"), _int(size)),
        ]
    return _rdf_response(triples)
