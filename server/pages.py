"""The web UI (YASGUI with the query library as examples, grouped by theme), /api/queries and /ontology."""

from __future__ import annotations

import functools

from flask import Blueprint, Response, jsonify, render_template, request

from stikg.graph.library import library_queries
from stikg.server.i18n import current_language, translator

__all__ = ["bp", "query_library", "query_themes", "theme_of"]

bp = Blueprint("pages", __name__)


@bp.app_context_processor
def _language() -> dict:
    lang = current_language()
    return {"lang": lang, "t": translator(lang), "other_lang": "en" if lang == "zh" else "zh"}


def theme_of(name: str) -> str:
    """A query's theme: its file name up to the first '-' (``institutions-by-type`` → institutions)."""
    return name.split("-", 1)[0]


@functools.cache
def query_library() -> tuple[dict, ...]:
    """The ``queries/*.rq`` files with their header fields, for the UI and /api/queries.

    Read once per process: the library is package data and changes only with a release."""
    return tuple(
        {
            "name": q.name,
            "theme": theme_of(q.name),
            "title": q.title,
            "description_zh": q.header.get("description_zh", ""),
            "description_en": q.header.get("description_en", ""),
            "params": q.params,
            "columns": q.header.get("columns", ""),
            "query": q.text,
        }
        for q in library_queries()
    )


def query_themes() -> list[tuple[str, list[dict]]]:
    """The library grouped by theme, themes in name order."""
    groups: dict[str, list[dict]] = {}
    for entry in query_library():
        groups.setdefault(entry["theme"], []).append(entry)
    return sorted(groups.items())


@bp.get("/")
def index() -> str:
    return render_template("index.html", queries=list(query_library()), themes=query_themes())


@bp.get("/api/queries")
def api_queries() -> Response:
    return jsonify(list(query_library()))


@bp.get("/ontology")
def ontology() -> Response:
    """The ontology: HTML documentation for people, Turtle for machines."""
    from stikg.graph import ontology_docs  # another part of the project renders them

    best = request.accept_mimetypes.best_match(["text/html", "text/turtle", "application/x-turtle"])
    if request.args.get("format") in ("turtle", "ttl") or (best and best != "text/html"):
        body = ontology_docs.ontology_turtle()
        response = Response(body, content_type="text/turtle; charset=utf-8")
    else:
        response = Response(ontology_docs.ontology_html(), content_type="text/html; charset=utf-8")
    response.vary.add("Accept")
    return response
