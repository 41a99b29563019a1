"""The Flask application factory: settings, the shared store, blueprints, CORS, request logs.

No module-level app or store: ``create_app`` builds one per call, and the store
handle is opened lazily in each worker process (``SharedStore``), so gunicorn can
create the app before forking.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass
from typing import Any

from flask import Flask, Response, current_app, jsonify

from stikg.server.cache import AnswerCache
from stikg.server.cors import install_cors
from stikg.server.errors import register_error_handlers
from stikg.server.remote_storage import RemoteSharedStore, is_remote
from stikg.server.settings import DEFAULTS, Settings
from stikg.server.storage import SharedStore

__all__ = ["READ_PATHS", "STORE_PATH", "ServerState", "create_app", "state"]

access_log = logging.getLogger("stikg.server.access")
READ_PATHS = (
    r"^/(sparql|api/.*|id/.*|resource|ontology|\.well-known/void|health|dataset|download/.*"
    r"|reconcile(/.*)?)$"
)
STORE_PATH = r"^/store$"  # the graph store: CORS for GET/HEAD only (writes need a token and a preflight)


@dataclass
class ServerState:
    settings: Settings
    store: SharedStore | RemoteSharedStore
    cache: AnswerCache


def state() -> ServerState:
    """The running app's settings, store and cache."""
    return current_app.extensions["stikg"]


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the service: defaults, then ``STIKG_*`` environment variables, then ``config``."""
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("STIKG")
    if config:
        app.config.from_mapping(config)
    settings = Settings.from_config(app.config)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.config["JSON_AS_ASCII"] = False
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    store: SharedStore | RemoteSharedStore
    if is_remote(settings.store):  # a SPARQL store elsewhere: answers cached for a bounded time
        store = RemoteSharedStore(settings.store, cache_seconds=app.config.get("REMOTE_CACHE_SECONDS"))
    else:
        store = SharedStore(settings.store, wait_seconds=settings.query_timeout + 5)
    cache = AnswerCache(settings.cache_bytes, settings.cache_entry_bytes)
    app.extensions["stikg"] = ServerState(settings, store, cache)
    register_error_handlers(app)
    install_cors(app, settings.cors_origins, READ_PATHS, STORE_PATH)
    _register_blueprints(app)
    _register_request_log(app)

    @app.get("/health")
    def health() -> Response:
        return jsonify({"status": "ok", "store": settings.store})

    return app


def _register_blueprints(app: Flask) -> None:
    from stikg.server import (
        compare,
        describe,
        entities,
        library_api,
        network_api,
        pages,
        publish,
        reconcile,
        sparql,
        update,
    )

    for module in (sparql, update, describe, pages, library_api, compare, entities, reconcile, publish, network_api):
        app.register_blueprint(module.bp)


def _register_request_log(app: Flask) -> None:
    app.wsgi_app = _AccessLog(app.wsgi_app)  # type: ignore[method-assign]


class _AccessLog:
    """One line per request (method, path, status, milliseconds) when ``stikg.server.access``
    logs at INFO (``stikg serve`` sets that up). Written straight to stderr: the logging
    machinery (records, caller lookup, handler locks) cost more than a cached answer."""

    def __init__(self, wsgi_app: Any) -> None:
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict, start_response: Any) -> Any:
        if not access_log.isEnabledFor(logging.INFO):
            return self.wsgi_app(environ, start_response)
        started = time.perf_counter()
        seen: list[str] = []

        def remember(status: str, headers: list, exc_info: Any = None) -> Any:
            seen.append(status)
            return start_response(status, headers, exc_info)

        body = self.wsgi_app(environ, remember)
        millis = (time.perf_counter() - started) * 1000
        status = seen[-1].split(" ", 1)[0] if seen else "-"
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")  # WSGI's latin-1
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        sys.stderr.write(
            f"{stamp} stikg.server.access {environ.get('REQUEST_METHOD')} {path} "
            f"{status} {millis:.1f}ms\n"
        )
        return body
