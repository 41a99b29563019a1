"""Networks built from the knowledge graph (through SPARQL, never loader internals).

Five networks, all ``nx.Graph`` keyed by entity IRI:

``collaboration``
    institutions (and places) tied by ``stikg:Collaboration`` statements; ``weight`` =
    number of statements, edge attributes ``kinds``, ``documents``, ``statements``, ``quotes``.
``two-mode``
    the governed region of each document (the document itself when it has none) and
    the institutions the document mentions; ``weight`` = number of mentions.
``region-region``
    projection of the two-mode network on regions: ``shared`` = institutions both
    regions mention (listed in ``institutions``), ``collaborations`` = explicit
    statements tying an institution or place of one region to one of the other;
    ``weight`` = ``shared + collaborations``.
``institution-comention``
    projection on institutions: ``weight`` = number of regions mentioning both.
``region-industry``
    places and the industries they focus on (``stikg:IndustryFocus``).

Every node has ``label``, ``kind`` (place|institution|industry|document), ``type``
(class local name), ``district`` (IRI or None; rule in :mod:`.view`), ``district_label``,
``industries`` (the focus industries of the node's place or district) and ``start``/``end``
years from the documents it comes from (for GEXF time spells).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

import networkx as nx

from stikg.errors import NotFoundError
from stikg.graph.network.view import KnowledgeView, read_view

__all__ = [
    "NETWORKS",
    "build_network",
    "collaboration_network",
    "institution_comention_network",
    "region_industry_network",
    "region_region_network",
    "two_mode_network",
]

NETWORKS = ("collaboration", "region-region", "institution-comention", "region-industry", "two-mode")


def _focus_by_place(view: KnowledgeView) -> dict[str, set[str]]:
    table: dict[str, set[str]] = defaultdict(set)
    for entry in view.focus.values():
        table[entry["place"]].add(entry["industry"])
    return table


def _add_node(graph: nx.Graph, view: KnowledgeView, iri: str, **extra: Any) -> None:
    if iri in graph:
        graph.nodes[iri].update(extra)
        return
    focus = graph.graph.setdefault("_focus", _focus_by_place(view))
    district = view.district(iri)
    documents = [*view.entity_docs.get(iri, {}), *(d for d, info in view.documents.items() if info.region == iri)]
    start, end = view.years(documents + ([iri] if iri in view.documents else []))
    graph.add_node(
        iri,
        label=view.label(iri),
        kind=view.kind(iri),
        type=view.type_name(iri),
        district=district,
        district_label=view.label(district) if district else "",
        industries=sorted(focus.get(iri, set()) | focus.get(district or "", set())),
        start=start,
        end=end,
        **extra,
    )


def _finish(graph: nx.Graph, view: KnowledgeView, name: str) -> nx.Graph:
    """Turn edge sets into sorted lists, add edge years, drop scratch data."""
    graph.graph.pop("_focus", None)
    graph.graph["name"] = name
    for _u, _v, data in graph.edges(data=True):
        for key, value in list(data.items()):
            if isinstance(value, set):
                data[key] = sorted(value)
            elif isinstance(value, dict):  # quotes ordered by their offset
                data[key] = sorted(value, key=lambda q, d=value: (d[q], q))
        data["start"], data["end"] = view.years(data.get("documents", []))
    return graph


def collaboration_network(view: KnowledgeView) -> nx.Graph:
    """The institution collaboration network (places that take part are nodes, typed place)."""
    graph = nx.Graph()
    for statement, entry in view.collaborations.items():
        for x, y in entry["pairs"]:
            if x == y:
                continue
            _add_node(graph, view, x)
            _add_node(graph, view, y)
            if not graph.has_edge(x, y):
                graph.add_edge(x, y, weight=0, kinds=set(), documents=set(), statements=set(), quotes={})
            data = graph.edges[x, y]
            if statement not in data["statements"]:
                data["weight"] += 1
                data["statements"].add(statement)
            data["kinds"] |= {k.rsplit("#", 1)[-1] for k in entry["kinds"]}
            data["documents"] |= entry["documents"]
            data["quotes"].update(entry["quotes"])
    return _finish(graph, view, "collaboration")


def _region_of_document(view: KnowledgeView, doc: str) -> str:
    info = view.documents.get(doc)
    return info.region if info and info.region else doc


def two_mode_network(view: KnowledgeView) -> nx.Graph:
    """Regions (or plans without one) and the institutions their documents mention."""
    graph = nx.Graph()
    for entity, doc, n in view.mentions:
        if view.kind(entity) != "institution":
            continue
        region = _region_of_document(view, doc)
        _add_node(graph, view, region, bipartite=0)
        _add_node(graph, view, entity, bipartite=1)
        if not graph.has_edge(region, entity):
            graph.add_edge(region, entity, weight=0, documents=set())
        graph.edges[region, entity]["weight"] += n
        graph.edges[region, entity]["documents"].add(doc)
    return _finish(graph, view, "two-mode")


def _participant_region(view: KnowledgeView, node: str) -> str | None:
    district = view.district(node)
    if district:
        return district
    return node if view.kind(node) == "place" else None


def region_region_network(view: KnowledgeView) -> nx.Graph:
    """Regions tied by institutions they share and by explicit collaborations."""
    two_mode = two_mode_network(view)
    graph = nx.Graph()
    regions = [n for n, b in two_mode.nodes(data="bipartite") if b == 0]
    for region in regions:
        _add_node(graph, view, region)

    def tie(a: str, b: str) -> dict:
        if not graph.has_edge(a, b):
            graph.add_edge(a, b, shared=0, collaborations=0, institutions=set(), statements=set(), documents=set())
        return graph.edges[a, b]

    for institution in (n for n, b in two_mode.nodes(data="bipartite") if b == 1):
        for a, b in combinations(sorted(two_mode[institution]), 2):
            data = tie(a, b)
            data["shared"] += 1
            data["institutions"].add(institution)
            data["documents"] |= set(two_mode.edges[a, institution]["documents"])
            data["documents"] |= set(two_mode.edges[b, institution]["documents"])
    for statement, entry in view.collaborations.items():
        involved = {_participant_region(view, node) for pair in entry["pairs"] for node in pair} - {None}
        for a, b in combinations(sorted(involved), 2):
            _add_node(graph, view, a)
            _add_node(graph, view, b)
            data = tie(a, b)
            data["collaborations"] += 1
            data["statements"].add(statement)
            data["documents"] |= entry["documents"]
    for _a, _b, data in graph.edges(data=True):
        data["weight"] = data["shared"] + data["collaborations"]
        data["institution_labels"] = [view.label(i) for i in sorted(data["institutions"])]
    return _finish(graph, view, "region-region")


def institution_comention_network(view: KnowledgeView) -> nx.Graph:
    """Institutions tied when the same region's documents mention both."""
    two_mode = two_mode_network(view)
    graph = nx.Graph()
    for node, data in two_mode.nodes(data=True):
        if data["bipartite"] == 1:
            _add_node(graph, view, node)
    for region in (n for n, b in two_mode.nodes(data="bipartite") if b == 0):
        for a, b in combinations(sorted(two_mode[region]), 2):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, weight=0, regions=set(), documents=set())
            data = graph.edges[a, b]
            data["weight"] += 1
            data["regions"].add(region)
            data["documents"] |= set(two_mode.edges[region, a]["documents"]) & set(
                two_mode.edges[region, b]["documents"]
            )
    return _finish(graph, view, "institution-comention")


def region_industry_network(view: KnowledgeView) -> nx.Graph:
    """Places and the industries they prioritise."""
    graph = nx.Graph()
    for statement, entry in view.focus.items():
        place, industry = entry["place"], entry["industry"]
        _add_node(graph, view, place, bipartite=0)
        _add_node(graph, view, industry, bipartite=1)
        if not graph.has_edge(place, industry):
            graph.add_edge(place, industry, weight=0, statements=set(), documents=set(), quotes={})
        data = graph.edges[place, industry]
        data["weight"] += 1
        data["statements"].add(statement)
        data["documents"] |= entry["documents"]
        data["quotes"].update(dict.fromkeys(entry["quotes"], 0))
    return _finish(graph, view, "region-industry")


_BUILDERS = {
    "collaboration": collaboration_network,
    "two-mode": two_mode_network,
    "region-region": region_region_network,
    "institution-comention": institution_comention_network,
    "region-industry": region_industry_network,
}


def build_network(source: Any, name: str = "collaboration") -> nx.Graph:
    """Build network ``name`` from a store (or an already read :class:`KnowledgeView`).

    Examples
    --------
    >>> from stikg.graph.store import LocalStore
    >>> with LocalStore(None) as store:
    ...     build_network(store, "collaboration").number_of_nodes()
    0
    """
    if name not in _BUILDERS:
        raise NotFoundError(f"unknown network {name!r}; choose one of {', '.join(NETWORKS)}")
    view = source if isinstance(source, KnowledgeView) else read_view(source)
    return _BUILDERS[name](view)
