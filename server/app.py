"""The Flask application factory: settings, the shared store, blueprints, CORS, request logs.

No module-level app or store: ``create_app`` builds one per call, and the store
handle is opened lazily in each worker process (``SharedStore``), so gunicorn can
create the app before forking.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from flask import Flask, Response, current_app, g, jsonify, request
from flask_cors import CORS

from stikg.server.cache import AnswerCache
from stikg.server.errors import register_error_handlers
from stikg.server.settings import DEFAULTS, Settings
from stikg.server.storage import SharedStore

__all__ = ["ServerState", "create_app", "state"]

access_log = logging.getLogger("stikg.server.access")
READ_PATHS = r"^/(sparql|api/.*|id/.*|resource|ontology|\.well-known/void|health)$"


@dataclass
class ServerState:
    settings: Settings
    store: SharedStore
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
    store = SharedStore(settings.store, wait_seconds=settings.query_timeout + 5)
    cache = AnswerCache(settings.cache_bytes, settings.cache_entry_bytes)
    app.extensions["stikg"] = ServerState(settings, store, cache)
    register_error_handlers(app)
    CORS(app, resources={READ_PATHS: {"origins": settings.cors_origins}}, expose_headers=["X-SPARQL-MaxRows"])
    _register_blueprints(app)
    _register_request_log(app)

    @app.get("/health")
    def health() -> Response:
        return jsonify({"status": "ok", "store": settings.store})

    return app


def _register_blueprints(app: Flask) -> None:
    from stikg.server import describe, entities, network_api, pages, publish, reconcile, sparql, update

    for module in (sparql, update, describe, pages, entities, reconcile, publish, network_api):
        app.register_blueprint(module.bp)


def _register_request_log(app: Flask) -> None:
    @app.before_request
    def _start() -> None:
        g.stikg_started = time.perf_counter()

    @app.after_request
    def _log(response: Response) -> Response:
        started = g.get("stikg_started")
        millis = (time.perf_counter() - started) * 1000 if started else 0.0
        access_log.info("%s %s %s %.1fms", request.method, request.path, response.status_code, millis)
        return response
