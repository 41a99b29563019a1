"""Publishing: the DCAT description at ``/dataset`` and streamed dumps at ``/download/<name>``.

``/dataset`` answers Turtle by default, JSON-LD (or any RDF format of
:data:`stikg.server.conneg.GRAPH`) by Accept header or ``?format=``; its URLs are the
server's own. ``/download/stikg.nq|stikg.ttl|stikg.jsonld`` streams the dump chunk by
chunk (:func:`stikg.loaders.export.iter_export`) as an attachment; the read lock on
the store is held until the last chunk is sent, so a download sees one consistent state.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from flask import Blueprint, Response, request

from stikg.errors import NotFoundError
from stikg.graph.vocab import PREFIXES
from stikg.loaders.catalog import DOWNLOADS, catalog_quads
from stikg.loaders.export import iter_export
from stikg.server.app import state
from stikg.server.conneg import GRAPH, negotiate

__all__ = ["bp"]

bp = Blueprint("publish", __name__)


@bp.get("/dataset")
def dataset() -> Response:
    fmt = negotiate(request.accept_mimetypes, GRAPH, request.args.get("format"))
    body = ox.serialize(catalog_quads(request.url_root), format=fmt.rdf, prefixes=PREFIXES)
    response = Response(body, content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    return response


@bp.get("/download/<name>")
def download(name: str) -> Response:
    if name not in DOWNLOADS:
        raise NotFoundError(f"no download {name!r}; available: {', '.join(DOWNLOADS)}")
    fmt, media, _ = DOWNLOADS[name]
    shared = state().store

    def chunks() -> Iterator[bytes]:
        with shared.reading() as store:
            yield from iter_export(store, fmt)

    response = Response(chunks(), mimetype=media)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
