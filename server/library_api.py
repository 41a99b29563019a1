"""Run a library query by name: ``GET/POST /api/queries/<name>?param=value&format=csv``.

The query's declared parameters (``#+ param:`` header lines) are bound with the
store's ``substitutions=`` (never spliced into the text, so a value cannot change
the query's meaning); any other parameter is a 400 that names the declared ones.
An empty value leaves the parameter unbound (the query then covers every value).
``/api/queries/<name>.csv`` is the CSV download; ``?bom=1`` or ``format=csv-excel``
adds the UTF-8 byte-order mark that Excel and WPS need to read Chinese.
"""

from __future__ import annotations

from flask import Blueprint, Response, request
from werkzeug.datastructures import MultiDict

from stikg.errors import NotFoundError, UsageError
from stikg.server.app import state
from stikg.server.pages import query_library
from stikg.server.params import FORM, form_params, url_params
from stikg.server.sparql import query_response, single

__all__ = ["RESERVED", "bp", "library_bindings"]

bp = Blueprint("library_api", __name__)
RESERVED = ("format", "bom")  # protocol parameters, never bound as query variables


def _entry(name: str) -> dict:
    for entry in query_library():
        if entry["name"] == name:
            return entry
    raise NotFoundError(f"no library query named {name!r}; GET /api/queries lists them")


def library_bindings(entry: dict, params: MultiDict) -> dict[str, str]:
    """The request's values for the query's declared parameters; unknown names are a 400."""
    declared = entry["params"]
    bindings: dict[str, str] = {}
    for key in params:
        if key in RESERVED:
            continue
        if key not in declared:
            takes = ", ".join(declared) if declared else "no parameters"
            raise UsageError(
                f"unknown parameter {key!r} for query {entry['name']!r}; it takes: {takes} "
                f"(plus {', '.join(RESERVED)})"
            )
        value = single(params, key)
        if value:
            bindings[key] = value
    return bindings


@bp.route("/api/queries/<name>", methods=["GET", "POST"])
def run_library_query(name: str) -> Response:
    params = url_params(request, state().settings.max_request_bytes)
    if request.method == "POST":
        if request.mimetype != FORM:
            raise UsageError(f"POST the parameters as {FORM} (name=value&…), or use GET")
        params.update(form_params(request))
    download = None
    if name.endswith((".csv", ".tsv")):
        name, suffix = name[:-4], name[-3:]
        if single(params, "format") not in (None, suffix, "csv-excel" if suffix == "csv" else suffix):
            raise UsageError(f"/api/queries/{name}.{suffix} answers {suffix}; drop the format parameter")
        if single(params, "format") is None:
            params["format"] = suffix
        download = name
    entry = _entry(name)
    bindings = library_bindings(entry, params)
    if (single(params, "format") or "").lower() in ("csv-excel", "excel"):
        download = name
    return query_response(entry["query"], params, substitutions=bindings, download=download)
