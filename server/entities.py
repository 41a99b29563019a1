"""Linked data: every entity IRI ``{base}id/…`` dereferences here, as HTML, Turtle or JSON-LD.

``/id/<rest>`` serves ``{base}id/<rest>`` (``stikg.config.base_iri()``, so the IRIs
resolve once w3id.org redirects to this server); ``/resource?iri=`` serves any other
IRI the graph holds. HTML shows local links for IRIs under the base.
"""

from __future__ import annotations

from urllib.parse import quote

import pyoxigraph as ox
from flask import Blueprint, Response, redirect, render_template, request
from markupsafe import Markup, escape
from werkzeug.exceptions import NotAcceptable

from stikg.config import base_iri
from stikg.errors import NotFoundError, UsageError
from stikg.server.app import state
from stikg.server.conneg import GRAPH
from stikg.server.deadline import run_with_deadline
from stikg.server.entity_data import EntityView, entity_exists, entity_graph, entity_view
from stikg.server.params import url_params

__all__ = ["bp", "local_href"]

bp = Blueprint("entities", __name__)
_OFFERS = ["text/html", *[f.mime for f in GRAPH], *[a for f in GRAPH for a in f.aliases], "application/json"]
_LONG = 400  # characters of a literal shown before it is cut (a document's full text is long)


_CURIES = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://www.w3.org/2002/07/owl#": "owl:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://purl.org/dc/terms/": "dcterms:",
    "http://www.w3.org/ns/org#": "org:",
    "http://purl.org/linked-data/cube#": "qb:",
    "https://w3id.org/stikg/ontology#": "stikg:",
}


def _short(iri: str) -> str:
    for namespace, prefix in _CURIES.items():
        if iri.startswith(namespace):
            return prefix + iri[len(namespace) :]
    return iri


def local_href(iri: str) -> str:
    """Where a link to ``iri`` goes: this server for IRIs under the base, else the IRI itself."""
    base = base_iri()
    if iri.startswith(base + "id/"):
        return "/id/" + quote(iri[len(base) + 3 :], safe="/-._~")
    if iri.startswith(base + "ontology"):
        return "/ontology" + iri[len(base) + len("ontology") :]
    return iri


@bp.app_template_filter("term")
def render_term(term: object, label: str | None = None) -> Markup:
    """An RDF term as HTML: a link for IRIs (with its label), the value and language for literals."""
    if isinstance(term, ox.NamedNode) or (isinstance(term, str) and "://" in term):
        iri = term.value if isinstance(term, ox.NamedNode) else term
        text = f"{label} ({_short(iri)})" if label else _short(iri)
        return Markup('<a href="{}">{}</a>').format(local_href(iri), text)
    if isinstance(term, ox.Literal):
        value = term.value if len(term.value) <= _LONG else term.value[:_LONG] + " …"
        suffix = f"@{term.language}" if term.language else ""
        if not term.language and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            suffix = "^^" + term.datatype.value.rsplit("#", 1)[-1]
        return Markup("{}<span class='lit-tag'>{}</span>").format(value, suffix)
    return escape(str(term))


@bp.get("/id/<path:rest>")
def entity(rest: str) -> Response:
    url_params(request, state().settings.max_request_bytes)  # strict decoding of ?lang=…
    return _entity_response(base_iri() + "id/" + rest)


@bp.get("/resource")
def resource() -> Response:
    params = url_params(request, state().settings.max_request_bytes)
    iri = params.get("iri")
    if not iri:
        raise UsageError("give the IRI to look up: /resource?iri=<absolute IRI>")
    try:
        ox.NamedNode(iri)
    except ValueError:
        raise UsageError(f"iri {iri!r} is not an absolute IRI") from None
    if local_href(iri) != iri and local_href(iri).startswith("/id/"):
        return redirect(local_href(iri), code=303)
    return _entity_response(iri)


def _entity_response(iri: str) -> Response:
    format_param = request.args.get("format")
    fmt = next((f for f in GRAPH if format_param in (f.name, f.mime)), None) if format_param else None
    if format_param and fmt is None and format_param != "html":
        raise UsageError(f"unknown format {format_param!r}; use html or one of {', '.join(f.name for f in GRAPH)}")
    if fmt is None and format_param != "html":
        best = request.accept_mimetypes.best_match(_OFFERS) if request.accept_mimetypes else "text/html"
        if best is None:
            raise NotAcceptable(f"entity pages come as {', '.join(_OFFERS)}; send one of them in Accept")
        best = "application/ld+json" if best == "application/json" else best  # JSON-LD is JSON
        fmt = next((f for f in GRAPH if best == f.mime or best in f.aliases), None)
    st = state()

    def work() -> EntityView | bytes:
        with st.store.reading() as store:
            if not entity_exists(store, iri):
                raise NotFoundError(f"no entity <{iri}> in the graph; search for it with SPARQL at /sparql")
            if fmt is None:
                return entity_view(store, iri)
            triples = entity_graph(store, iri)
        items = [ox.Quad(t.subject, t.predicate, t.object) for t in triples] if fmt.rdf.supports_datasets else triples
        return ox.serialize(items, format=fmt.rdf) or b""  # type: ignore[arg-type]

    try:
        found = run_with_deadline(work, st.settings.query_timeout, "entity lookup")
    except NotFoundError as error:
        return _not_found(iri, error)
    if isinstance(found, bytes):
        response = Response(found, content_type=fmt.content_type)  # type: ignore[union-attr]
    else:
        response = Response(render_template("entity.html", e=found, href=local_href), mimetype="text/html")
    response.vary.add("Accept")
    return response


def _not_found(iri: str, error: NotFoundError) -> Response:
    if request.accept_mimetypes.best_match(["application/json", "text/html"]) == "text/html":
        return Response(render_template("not_found.html", iri=iri), 404, mimetype="text/html")
    raise error
