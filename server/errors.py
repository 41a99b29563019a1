"""The one place that maps errors to HTTP: JSON ``{code, name, description}``, or a page.

``stikg.errors`` classes carry their status (``http_status``); Werkzeug's HTTP
exceptions carry theirs. API clients get JSON; a browser asking for a page
(``/``, ``/id/…``, ``/resource``, ``/ontology``) gets the same message as HTML.
Anything else is a bug: logged with its traceback, answered by a generic 500.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from stikg.errors import QuerySyntaxError, StikgError

__all__ = ["error_response", "register_error_handlers"]

log = logging.getLogger("stikg.server")
_PAGE_PREFIXES = ("/id/", "/resource", "/ontology")


def _wants_page() -> bool:
    if not (request.path == "/" or request.path.startswith(_PAGE_PREFIXES)):
        return False
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "text/html"


def error_response(status: int, description: str, **extra: object) -> Response:
    """The error body clients get (JSON, or an HTML page for browsers on page routes)."""
    name = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    if extra.get("name"):
        name = str(extra.pop("name"))
    if _wants_page():
        html = render_template("error.html", code=status, name=name, description=description, **extra)
        response = Response(html, status, mimetype="text/html")
    else:
        response = jsonify({"code": status, "name": name, "description": description, **extra})
        response.status_code = status
    return response


def _stikg_error(error: StikgError) -> Response:
    extra: dict[str, object] = {}
    if isinstance(error, QuerySyntaxError) and error.line:
        extra = {"line": error.line, "column": error.column}
    if error.http_status >= 500:
        log.warning("%s %s: %s", request.method, request.path, error)
    if type(error).__name__ == "QueryTimeoutError":
        extra["name"] = "Query Timeout"
    response = error_response(error.http_status, error.message, **extra)
    if error.http_status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="stikg"'
    return response


def _http_error(error: HTTPException) -> Response:
    description = error.description or error.name
    allowed = error.get_response().headers.get("Allow")
    if error.code == 405 and allowed:
        description = f"{request.method} is not allowed on {request.path}; use one of {allowed}"
    response = error_response(error.code or 500, description)
    for header in ("Allow", "WWW-Authenticate", "Retry-After"):
        value = error.get_response().headers.get(header)
        if value:
            response.headers[header] = value
    return response


def _unexpected(error: Exception) -> Response:  # the one catch-all: a bug, never a client's mistake
    log.exception("internal error on %s %s", request.method, request.path)
    return error_response(500, "internal error; the operator can find the details in the server log")


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(StikgError, _stikg_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
