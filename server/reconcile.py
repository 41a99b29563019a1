"""Reconciliation Service API 0.2 (the protocol OpenRefine speaks) at ``/reconcile``.

* ``GET /reconcile`` — the service manifest (JSONP with ``callback``);
* ``GET|POST /reconcile`` with ``queries={"q0": {"query": …, "type": …, "limit": …, "properties": […]}}``
  — a batch of queries, each answered with scored candidates (0–100, ``match`` for a
  certain match); ``query=`` answers one query (API 0.1 clients);
* ``/reconcile/preview?id=`` — an HTML card for OpenRefine's preview pane;
* ``/reconcile/suggest/{entity,type,property}?prefix=`` — auto-completion.

Entity ids are the IRI path below ``{base}id/`` (``org/suzhou-daxue-1a2b3c``); the view
template points at the server's own entity page (``/id/{{id}}``).
"""

from __future__ import annotations

import json
import re
from html import escape

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from stikg.config import base_iri
from stikg.errors import NotFoundError, UsageError
from stikg.graph.vocab import STIKG
from stikg.server.app import state
from stikg.server.reconcile_index import TYPES, ReconcileIndex
from stikg.server.reconcile_protocol import (
    PROPERTIES,
    ReconQuery,
    parse_batch,
    reconcile_batch,
    reconcile_one,
    type_id,
    type_json,
)

__all__ = ["bp", "current_index"]

bp = Blueprint("reconcile", __name__)
_CALLBACK = re.compile(r"^[A-Za-z_$][\w$.]{0,63}$")
_EXTENSION_KEY = "stikg.reconcile-index"


def current_index() -> ReconcileIndex:
    """The index for the store as it is now (rebuilt after every write to the store)."""
    shared = state().store
    generation = shared.generation()
    cached = current_app.extensions.get(_EXTENSION_KEY)
    if cached is None or cached[0] != generation:
        with shared.reading() as store:
            cached = (generation, ReconcileIndex.from_store(store))
        current_app.extensions[_EXTENSION_KEY] = cached
    return cached[1]


def _root() -> str:
    return request.url_root.rstrip("/")


def manifest() -> dict:
    root = _root()
    suggest = {
        kind: {"service_url": root, "service_path": url_for(f"reconcile.suggest_{kind}")}
        for kind in ("entity", "type", "property")
    }
    return {
        "versions": ["0.2"],
        "name": "stikg: Suzhou S&T innovation policy knowledge graph (organisations and places)",
        "identifierSpace": f"{base_iri()}id/",
        "schemaSpace": str(STIKG._NS),
        "serviceVersion": _version(),
        "view": {"url": f"{root}/id/{{{{id}}}}"},
        "preview": {"url": f"{root}{url_for('reconcile.preview')}?id={{{{id}}}}", "width": 420, "height": 160},
        "defaultTypes": [type_json("Organization"), type_json("Place")],
        "suggest": suggest,
    }


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("stikg")
    except PackageNotFoundError:
        return "0"


def _jsonp(payload: dict) -> Response:
    callback = request.args.get("callback")
    if callback is None:
        return jsonify(payload)
    if not _CALLBACK.match(callback):
        raise UsageError(f"callback {callback!r} is not a JavaScript identifier (letters, digits, _ $ .)")
    body = f"/**/{callback}({json.dumps(payload, ensure_ascii=False)});"
    return Response(body, mimetype="application/javascript")


@bp.route("/reconcile", methods=["GET", "POST"])
def service() -> Response:
    values = request.values
    if "queries" in values:
        queries = parse_batch(values["queries"])
        return _jsonp(reconcile_batch(current_index(), queries))
    if "query" in values:
        return _jsonp({"result": reconcile_one(current_index(), _single(values["query"]))})
    if request.method == "POST" and request.get_data():
        raise UsageError("POST a form field 'queries' holding the JSON batch (queries={\"q0\": {\"query\": …}})")
    return _jsonp(manifest())


def _single(text: str) -> ReconQuery:
    """``query=`` is either plain text or one JSON query object (API 0.1)."""
    stripped = text.strip()
    if not stripped.startswith("{"):
        return parse_batch(json.dumps({"q0": {"query": stripped}}))[0]
    try:
        body = json.loads(stripped)
    except json.JSONDecodeError as error:
        raise UsageError(f"'query' is not valid JSON: {error.msg} at column {error.colno}") from None
    return parse_batch(json.dumps({"q0": body}))[0]


@bp.route("/reconcile/preview")
def preview() -> Response:
    entity_id = request.args.get("id", "").strip()
    if not entity_id:
        raise UsageError("give the entity id: /reconcile/preview?id=org/…")
    index = current_index()
    entity = index.get(entity_id)
    if entity is None:
        raise NotFoundError(f"no organisation or place with id {entity_id!r}")
    rows = [
        f"<b>{escape(entity.name)}</b>",
        escape(entity.names.get("en", "")),
        f"<i>{escape(entity.names.get('zh-latn-pinyin', ''))}</i>",
        escape(", ".join(type_json(t)["name"] for t in sorted(entity.types))),
    ]
    places = [index.entities[i].name for i in sorted(entity.links.get("locatedIn", set()) | entity.links.get("partOf", set()))
              if i in index.entities]
    if places:
        rows.append("在 / in: " + escape("、".join(places)))
    body = "<br>".join(r for r in rows if r)
    link = f"{_root()}/id/{escape(entity.id)}"
    html = (f'<html><head><meta charset="utf-8"></head><body style="margin:4px;font:13px sans-serif">'
            f'{body}<br><a href="{link}" target="_blank">{escape(entity.iri)}</a></body></html>')
    return Response(html, mimetype="text/html")


def _prefix() -> str:
    prefix = request.args.get("prefix", "").strip()
    if not prefix:
        raise UsageError("give the start of a name: ?prefix=苏州")
    return prefix


@bp.route("/reconcile/suggest/entity")
def suggest_entity() -> Response:
    prefix = _prefix()
    index = current_index()
    wanted = request.args.get("type")
    found = index.suggest(prefix, limit=50)
    if wanted:
        wanted_id = type_id(wanted, "type")
        found = [e for e in found if wanted_id in e.type_ids()]
    result = [
        {"id": e.id, "name": e.name, "description": e.names.get("en", ""),
         "notable": [type_json(t) for t in sorted(e.types)]}
        for e in found[:10]
    ]
    return _jsonp({"result": result})


@bp.route("/reconcile/suggest/type")
def suggest_type() -> Response:
    needle = _prefix().lower()
    result = [type_json(t) for t, (en, zh, _) in TYPES.items() if needle in f"{t} {en} {zh}".lower()]
    return _jsonp({"result": result})


@bp.route("/reconcile/suggest/property")
def suggest_property() -> Response:
    needle = _prefix().lower()
    result = [
        {"id": pid, "name": f"{zh} / {en}", "description": about}
        for pid, (en, zh, about) in PROPERTIES.items()
        if needle in f"{pid} {en} {zh}".lower()
    ]
    return _jsonp({"result": result})
