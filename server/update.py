"""SPARQL 1.1 Update at /update and the Graph Store HTTP Protocol at /store.

Reading is public; every write needs ``Authorization: Bearer <STIKG_UPDATE_TOKEN>``
(compared in constant time) and is refused outright when no token is configured.
Writes go through ``SharedStore.writing``: alone on the store, then every worker
re-opens its read-only handle and drops its answer cache.
"""

from __future__ import annotations

import hmac

import pyoxigraph as ox
from flask import Blueprint, Response, request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import Forbidden, UnsupportedMediaType

from stikg.errors import AuthError, NotFoundError, UsageError
from stikg.graph.sparql_scan import check_services, scan
from stikg.graph.store import parse_syntax_error
from stikg.server.app import state
from stikg.server.conneg import GRAPH, negotiate, rdf_format_for_upload
from stikg.server.deadline import run_with_deadline
from stikg.server.params import FORM, body_text, form_params, url_params

__all__ = ["bp", "require_writer", "update_response"]

bp = Blueprint("update", __name__)
UPDATE_TYPE = "application/sparql-update"


def require_writer() -> None:
    """401/403 unless the request carries the operator's update token."""
    token = state().settings.update_token
    if token is None:
        raise Forbidden("writing is disabled on this server: the operator has not set STIKG_UPDATE_TOKEN")
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise AuthError("writing needs the header 'Authorization: Bearer <STIKG_UPDATE_TOKEN>'")
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise AuthError("the bearer token is not the server's update token")


@bp.post("/update")
def update() -> Response:
    params = url_params(request, state().settings.max_request_bytes)
    require_writer()
    if request.mimetype == FORM:
        form = form_params(request)
        text = form.get("update")
        if len(form.getlist("update")) != 1:
            raise UsageError("send exactly one update=… form field")
        params.update(form)
    elif request.mimetype == UPDATE_TYPE:
        text = body_text(request, "the update")
    else:
        raise UnsupportedMediaType(
            f"cannot read an update of type {request.mimetype or '(none)'!r}; send Content-Type "
            f"{UPDATE_TYPE} (the update as the body) or {FORM} (update=…)"
        )
    return update_response(text or "", params)


def update_response(text: str, params: MultiDict) -> Response:
    """Run a SPARQL Update for an authorised client; 204 on success."""
    require_writer()
    if any(name in params for name in ("using-graph-uri", "using-named-graph-uri")):
        raise UsageError("using-graph-uri/using-named-graph-uri are not supported; put USING in the update")
    if not text.strip():
        raise UsageError("empty update: send SPARQL 1.1 Update text")
    check_services(scan(text), state().settings.service_allowlist)
    st = state()

    def work() -> None:
        with st.store.writing() as store:
            store.update(text)

    run_with_deadline(work, st.settings.query_timeout, "update")
    return Response(status=204)


# --- Graph Store HTTP Protocol --------------------------------------------------------
def _target(params: MultiDict) -> str | None:
    """The named graph IRI of ``?graph=``, or None for ``?default``."""
    graphs = params.getlist("graph")
    if "default" in params and graphs:
        raise UsageError("give either ?graph=IRI or ?default, not both")
    if "default" in params:
        return None
    if len(graphs) != 1:
        raise UsageError("name the graph: /store?graph=<absolute IRI> (or /store?default for the union)")
    try:
        ox.NamedNode(graphs[0])
    except ValueError:
        raise UsageError(f"graph {graphs[0]!r} is not an absolute IRI") from None
    return graphs[0]


@bp.route("/store", methods=["GET", "HEAD", "PUT", "POST", "DELETE"])
def graph_store() -> Response:
    params = url_params(request, state().settings.max_request_bytes)
    graph = _target(params)
    if request.method in ("GET", "HEAD"):
        return _read_graph(graph, params.get("format"))
    require_writer()
    if graph is None:
        raise UsageError(
            "the default graph is the union of all named graphs and cannot be written; "
            "write to a named graph with ?graph=IRI"
        )
    if request.method == "DELETE":
        return _write(graph, None, replace=True)
    fmt = rdf_format_for_upload(request.content_type)
    body = request.get_data(cache=True)
    try:
        triples = [q.triple for q in ox.parse(body, format=fmt, base_iri=graph)]
    except SyntaxError as error:
        raise UsageError(f"the {fmt.name} body does not parse: {parse_syntax_error(error).message}") from None
    return _write(graph, triples, replace=request.method == "PUT")


def _read_graph(graph: str | None, format_param: str | None) -> Response:
    st = state()
    fmt = negotiate(request.accept_mimetypes, GRAPH, format_param)

    def work() -> bytes:
        with st.store.reading() as store:
            if graph is not None and not store.has_graph(graph):
                raise NotFoundError(f"no graph <{graph}> in the store; GET /store?default for everything")
            triples = list(dict.fromkeys(q.triple for q in store.quads(graph)))
        items = [ox.Quad(t.subject, t.predicate, t.object) for t in triples] if fmt.rdf.supports_datasets else triples
        return ox.serialize(items, format=fmt.rdf) or b""

    body = run_with_deadline(work, st.settings.query_timeout, "graph read")
    return Response(body, content_type=fmt.content_type)


def _write(graph: str, triples: list[ox.Triple] | None, *, replace: bool) -> Response:
    st = state()

    def work() -> int:
        with st.store.writing() as store:
            existed = store.has_graph(graph)
            if triples is None:
                if not existed:
                    raise NotFoundError(f"no graph <{graph}> to delete")
                store.remove_graph(graph)
                return 204
            kept = [] if replace or not existed else [q.triple for q in store.quads(graph)]
            store.replace_graph(graph, kept + triples)
            return 204 if existed else 201

    status = run_with_deadline(work, st.settings.query_timeout, "graph write")
    return Response(status=status)
