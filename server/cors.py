"""CORS for the read endpoints, at no cost for requests without an ``Origin`` header.

Browsers on other sites may read /sparql, /api/*, /id/*, the VoID and DCAT descriptions,
the downloads, the reconciliation service and GET/HEAD of /store; writes (/update, and
PUT/POST/DELETE of /store) never get CORS headers, so a page elsewhere cannot send
them with a token (the preflight fails). Written here instead of flask-cors because that
extension evaluates its options on every request, about a tenth of a cheap query's time.
"""

from __future__ import annotations

import re

from flask import Flask, Response, request

__all__ = ["EXPOSE", "install_cors"]

EXPOSE = "X-SPARQL-MaxRows, Warning, Content-Disposition"
_READ_METHODS = ("GET", "HEAD", "POST", "OPTIONS")
_STORE_METHODS = ("GET", "HEAD", "OPTIONS")


def _allowed(origin: str, origins: list[str] | str) -> str | None:
    if origins == "*" or "*" in origins:
        return "*"
    return origin if origin in origins else None


def install_cors(app: Flask, origins: list[str] | str, read_paths: str, store_path: str) -> None:
    """Add the CORS headers to answers of ``read_paths`` (and of ``store_path`` for GET/HEAD)."""
    read = re.compile(read_paths)
    store = re.compile(store_path)

    @app.after_request
    def _cors(response: Response) -> Response:
        origin = request.headers.get("Origin")
        if not origin:
            return response
        path = request.path
        methods = _READ_METHODS if read.match(path) else _STORE_METHODS if store.match(path) else None
        allowed = _allowed(origin, origins) if methods else None
        if allowed is None or (request.method not in methods):
            return response
        headers = response.headers
        headers["Access-Control-Allow-Origin"] = allowed
        headers["Access-Control-Expose-Headers"] = EXPOSE
        if allowed != "*":
            response.vary.add("Origin")
        if request.method == "OPTIONS":
            wanted = request.headers.get("Access-Control-Request-Method", "").upper()
            if wanted in methods:
                headers["Access-Control-Allow-Methods"] = ", ".join(methods)
                asked = request.headers.get("Access-Control-Request-Headers")
                if asked:
                    headers["Access-Control-Allow-Headers"] = asked
                headers["Access-Control-Max-Age"] = "86400"
        return response
