"""Extractor for places: every place named in a document, typed, labelled, placed in its hierarchy.

Writes, in the document's graph, for each place found: its class (stikg:District …),
``rdfs:label``, ``stikg:partOf`` its parent (and the same for each ancestor, so the
hierarchy is complete in every graph), and one ``stikg:mentions`` span per occurrence.
"""

from __future__ import annotations

import pyoxigraph as ox

from stikg.graph.iris import entity_iri
from stikg.graph.vocab import STIKG
from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document
from stikg.loaders.places import PlaceInfo, aliases_of, find_places, guess_region, resolve_place
from stikg.loaders.rdf import GraphBuilder, iri

__all__ = ["document_region", "extract", "place_iri", "write_place"]


def place_iri(canonical: str) -> ox.NamedNode:
    return iri(entity_iri("place", canonical))


def document_region(doc: Document, ctx: ExtractionContext) -> str | None:
    """The governed region: what metadata found, else the district the opening lines name most."""
    return ctx.region or guess_region(doc.text)


def write_place(out: GraphBuilder, info: PlaceInfo) -> ox.NamedNode:
    """Type, label and ``partOf`` chain of a place; returns its IRI."""
    node = place_iri(info.canonical)
    if not out.once(("place", info)):
        return node
    seen: set[str] = set()
    while info.canonical not in seen:
        seen.add(info.canonical)
        current = place_iri(info.canonical)
        out.add_type(current, getattr(STIKG, info.kind))
        out.label(current, info.canonical, alt=aliases_of(info.canonical))
        if not info.parent or info.parent == info.canonical:
            break
        out.add(current, STIKG.partOf, place_iri(info.parent))
        info = resolve_place(info.parent) or _unknown(info.parent)
    return node


def _unknown(name: str) -> PlaceInfo:
    """A parent the gazetteer does not know (a region metadata found): its class from its suffix."""
    if name.endswith(("镇", "街道")):
        return PlaceInfo(name, "Town", None)
    return PlaceInfo(name, "District" if name.endswith(("区", "县", "市")) else "Region", None)


def extract(doc: Document, ctx: ExtractionContext, out: GraphBuilder) -> None:
    region = document_region(doc, ctx)
    nodes: dict[PlaceInfo, ox.NamedNode] = {}  # places already written: most are named many times
    for match in find_places(doc.text, region=region):
        node = nodes.get(match.info)
        if node is None:
            node = nodes[match.info] = write_place(out, match.info)
        out.mention(node, match.start, match.end)
