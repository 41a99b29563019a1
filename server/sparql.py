"""SPARQL 1.1 Protocol at /sparql: GET, form POST and direct POST of queries.

Without a query, GET /sparql answers the Service Description. The default graph is
the union of all named graphs unless the query has FROM/FROM NAMED or the request
has default-graph-uri/named-graph-uri (which then override the query's dataset, as
the protocol says).
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadGateway, UnsupportedMediaType

from stikg.errors import StikgError, StoreError, UsageError
from stikg.graph.sparql_scan import Scan, check_services, scan
from stikg.server.answer import Answer, serialize_capped
from stikg.server.app import state
from stikg.server.conneg import GRAPH, RESULTS, negotiate_header
from stikg.server.deadline import run_with_deadline
from stikg.server.params import FORM, body_text, form_params, url_params

__all__ = ["BOM", "bp", "excel_format", "query_response", "single"]

bp = Blueprint("sparql", __name__)
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
BOM = "\ufeff".encode()


def single(params: MultiDict, name: str) -> str | None:
    values = params.getlist(name)
    if len(values) > 1:
        raise UsageError(f"parameter {name!r} given {len(values)} times; send it once")
    return values[0] if values else None


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    params = url_params(request, state().settings.max_request_bytes)
    if request.method == "GET":
        if "update" in params:
            raise UsageError("SPARQL updates are POSTed to /update (form field update= or application/sparql-update)")
        text = single(params, "query")
        if text is None:
            from stikg.server.describe import service_description

            return service_description()
        return query_response(text, params)
    if request.mimetype == FORM:
        form = form_params(request)
        if "update" in form:
            from stikg.server.update import update_response

            return update_response(single(form, "update") or "", params)
        params.update(form)
        text = single(form, "query")
    elif request.mimetype == QUERY_TYPE:
        text = body_text(request, "the query")
    elif request.mimetype == UPDATE_TYPE:
        from stikg.server.update import update_response

        return update_response(body_text(request, "the update"), params)
    else:
        raise UnsupportedMediaType(
            f"cannot read a POST body of type {request.mimetype or '(none)'!r}; send "
            f"Content-Type {QUERY_TYPE} (the query as the body) or {FORM} (query=…)"
        )
    if not text:
        raise UsageError(f"no query: send query=… as {FORM}, or the query itself as {QUERY_TYPE}")
    return query_response(text, params)


def _graph_iris(params: MultiDict, name: str) -> list[str]:
    iris = params.getlist(name)
    for iri in iris:
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise UsageError(f"{name} {iri!r} is not an absolute IRI") from None
    return iris


def query_response(
    text: str, params: MultiDict, *, substitutions: dict[str, object] | None = None, download: str | None = None
) -> Response:
    """Run ``text`` with the protocol's dataset and format parameters; answer or raise.

    ``substitutions`` bind variables (pyoxigraph ``substitutions=``, never spliced into
    the text); ``download`` names the file of an attachment (``format=csv-excel``).
    """
    st = state()
    found = scan(text)
    check_services(found, st.settings.service_allowlist)
    defaults = _graph_iris(params, "default-graph-uri")
    named = _graph_iris(params, "named-graph-uri")
    format_param, bom = excel_format(single(params, "format"), single(params, "bom"))
    accept = request.headers.get("Accept")
    bound = tuple(sorted((k, str(v)) for k, v in (substitutions or {}).items()))
    key = (text, tuple(defaults), tuple(named), accept, format_param, bound)
    cacheable = st.cache.max_bytes > 0 and not (found.volatile or found.services)
    generation = st.store.generation() if cacheable else None
    answer = st.cache.get(key, generation) if cacheable else None
    if answer is None:
        protocol_dataset = bool(defaults or named)

        def work() -> Answer:
            with st.store.reading() as store:
                result = store.query(
                    text,
                    substitutions=substitutions,
                    default_graph=defaults if protocol_dataset else None,
                    named_graphs=named if protocol_dataset else None,
                    union_default=not (protocol_dataset or found.has_dataset_clause),
                )
                family = RESULTS if isinstance(result, ox.QuerySolutions | ox.QueryBoolean) else GRAPH
                fmt = negotiate_header(accept, family, format_param)
                return _evaluate(result, fmt, st.settings.max_rows, found)

        answer = run_with_deadline(work, st.settings.query_timeout)
        if cacheable:
            st.cache.put(key, generation, answer)
    return _respond(answer, st.settings.max_rows, bom=bom, download=download)


def _evaluate(result: object, fmt: object, max_rows: int, found: Scan) -> Answer:
    try:
        return serialize_capped(result, fmt, max_rows)  # type: ignore[arg-type]
    except StikgError:
        raise
    except (OSError, RuntimeError, ValueError) as error:  # raised while pyoxigraph evaluates lazily
        if found.services:
            raise BadGateway(f"a federated SERVICE call failed: {error}") from None
        raise StoreError(f"query evaluation failed: {error}") from None


def excel_format(format_param: str | None, bom_param: str | None) -> tuple[str | None, bool]:
    """``format=csv-excel`` is CSV with a UTF-8 byte-order mark, so Excel and WPS read Chinese
    right; ``bom=1`` adds the mark to CSV/TSV. Plain text/csv stays without one (RFC 4180)."""
    bom = (bom_param or "").strip().lower()
    if bom not in ("", "0", "1", "true", "false"):
        raise UsageError(f"bom must be 1 or 0, got {bom_param!r}")
    wanted = bom in ("1", "true")
    if format_param and format_param.strip().lower() in ("csv-excel", "excel"):
        return "csv", True
    return format_param, wanted


def _respond(answer: Answer, max_rows: int, *, bom: bool = False, download: str | None = None) -> Response:
    body = answer.body
    if bom:
        if answer.format.name not in ("csv", "tsv"):
            raise UsageError(f"bom=1 applies to csv and tsv answers, not {answer.format.name}; add format=csv")
        body = BOM + body
    response = Response(body, content_type=answer.format.content_type)
    response.vary.add("Accept")
    if download and answer.format.name in ("csv", "tsv"):
        response.headers["Content-Disposition"] = f'attachment; filename="{download}.{answer.format.name}"'
    if answer.truncated:
        response.headers["X-SPARQL-MaxRows"] = str(max_rows)
        response.headers["Warning"] = (
            f'199 stikg "result cut at {max_rows} rows (STIKG_MAX_ROWS); page with LIMIT/OFFSET"'
        )
    return response
