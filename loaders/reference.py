"""Reference data (external identifiers, the place hierarchy, the DCAT record) in its own named graph.

Everything here goes to ``{base}graph/reference``, replaced as a whole on every build:

* each row of the link table (``data/reference/links.csv``): the entity typed and
  labelled (zh, ``zh-Latn-pinyin``, en), ``owl:sameAs`` its Wikidata and ROR IRIs,
  ``skos:notation "320507"^^stikg:DivisionCode`` for a division code;
* provenance of each link as a reified statement (``rdf:Statement`` + ``prov:Entity``,
  see :mod:`stikg.loaders.reference_rows`) whose ``dcterms:source`` is the evidence text;
* the part-of hierarchy of every place it names or the place gazetteer knows
  (``stikg:partOf``), and ``stikg:locatedIn`` for organisations of the table;
* the DCAT description of the dataset (:mod:`stikg.loaders.catalog`).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from stikg.config import base_iri
from stikg.loaders.catalog import catalog_quads
from stikg.loaders.links_table import LinkTable, read_links
from stikg.loaders.reference_rows import PlaceIndex, ReferenceWriter

__all__ = ["load_reference", "load_reference_table", "reference_graph_iri", "reference_quads"]


def reference_graph_iri() -> str:
    """The named graph holding the reference data."""
    return f"{base_iri()}graph/reference"


def reference_quads(table: LinkTable) -> list[ox.Quad]:
    """Every quad of the reference graph for the rows of ``table`` (its bad rows already left out)."""
    graph = ox.NamedNode(reference_graph_iri())
    places = PlaceIndex(table)
    writer = ReferenceWriter(places)
    for row in table.rows:
        writer.add_row(row)
    writer.add_hierarchy()
    triples = writer.triples() + catalog_quads()
    return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in dict.fromkeys(triples)]


def load_reference_table(store: object, table: LinkTable) -> int:
    """Replace the reference graph by the data of ``table``; return the quads written."""
    quads = reference_quads(table)
    return store.replace_graph(reference_graph_iri(), quads, exclusive=True)  # type: ignore[attr-defined]


def load_reference(store: object, path: Path | None = None) -> int:
    """Load the link table (the packaged one by default) into the reference graph.

    Rows with a malformed identifier are skipped; ``read_links(path).problems`` names them
    with their line numbers (``stikg build`` prints them on stderr as warnings).
    """
    return load_reference_table(store, read_links(path))
