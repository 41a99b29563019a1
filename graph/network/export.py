"""Exports for other tools: GEXF 1.3 (Gephi), GraphML (Cytoscape, igraph), VOSviewer JSON, CSV.

networkx writes GEXF 1.2 (and its "1.3" mode declares a wrong XSI namespace and the
``long`` time format 1.3 dropped), so GEXF 1.3 is written here with lxml: typed
attribute declarations, and a time spell per node and edge from the years of the
documents it comes from (``timeformat="integer"``), so Gephi's timeline works.
List attributes are joined with ``|``; missing values are left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Mapping
from typing import Any

import networkx as nx
from lxml import etree

from stikg.errors import UsageError

__all__ = ["EXPORT_FORMATS", "export", "to_gexf", "to_graphml", "to_node_edge_csv", "to_vosviewer"]

EXPORT_FORMATS = ("gexf", "graphml", "vosviewer", "csv")
GEXF_NS = "http://gexf.net/1.3"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_SKIP = {"start", "end", "bipartite"}


def _flat(value: Any) -> Any:
    """A value GEXF/GraphML/CSV can hold: lists and sets joined by ``|``."""
    if isinstance(value, list | tuple | set | frozenset):
        return "|".join(map(str, value))
    return value


def _xml_type(values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "long"
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "double"
    return "string"


def _attribute_table(items: list[Mapping[str, Any]], skip: set[str]) -> dict[str, str]:
    keys = sorted({k for data in items for k in data if k not in skip and not k.startswith("_")})
    return {k: _xml_type([_flat(d.get(k)) for d in items]) for k in keys}


def _text(value: Any, kind: str) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    return str(_flat(value))


def _declare(graph_el: etree._Element, cls: str, table: dict[str, str]) -> None:
    attributes = etree.SubElement(graph_el, f"{{{GEXF_NS}}}attributes", {"class": cls, "mode": "static"})
    for key, kind in table.items():
        etree.SubElement(attributes, f"{{{GEXF_NS}}}attribute", {"id": key, "title": key, "type": kind})


def _fill(element: etree._Element, data: Mapping[str, Any], table: dict[str, str]) -> None:
    values = [(k, data.get(k)) for k in table if data.get(k) is not None and _flat(data.get(k)) != ""]
    if values:
        holder = etree.SubElement(element, f"{{{GEXF_NS}}}attvalues")
        for key, value in values:
            etree.SubElement(holder, f"{{{GEXF_NS}}}attvalue", {"for": key, "value": _text(value, table[key])})
    if data.get("start") is not None:
        spells = etree.SubElement(element, f"{{{GEXF_NS}}}spells")
        spell = etree.SubElement(spells, f"{{{GEXF_NS}}}spell", {"start": str(data["start"])})
        spell.set("end", str(data.get("end") or data["start"]))


def to_gexf(graph: nx.Graph) -> bytes:
    """GEXF 1.3 with typed attributes and yearly time spells.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph(); g.add_edge("a", "b", weight=2, start=2021, end=2025)
    >>> b'version="1.3"' in to_gexf(g)
    True
    """
    root = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap={None: GEXF_NS, "xsi": XSI_NS}, version="1.3")
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{GEXF_NS} {GEXF_NS}/gexf.xsd")
    meta = etree.SubElement(root, f"{{{GEXF_NS}}}meta", lastmodifieddate=dt.date.today().isoformat())
    etree.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "stikg"
    etree.SubElement(meta, f"{{{GEXF_NS}}}description").text = f"stikg {graph.graph.get('name', 'network')} network"
    graph_el = etree.SubElement(
        root, f"{{{GEXF_NS}}}graph",
        defaultedgetype="directed" if graph.is_directed() else "undirected",
        mode="dynamic", timeformat="integer", timerepresentation="interval",
    )
    node_table = _attribute_table([d for _, d in graph.nodes(data=True)], _SKIP | {"label"})
    edge_table = _attribute_table([d for _, _, d in graph.edges(data=True)], _SKIP | {"weight"})
    _declare(graph_el, "node", node_table)
    _declare(graph_el, "edge", edge_table)
    nodes = etree.SubElement(graph_el, f"{{{GEXF_NS}}}nodes")
    for node, data in graph.nodes(data=True):
        element = etree.SubElement(nodes, f"{{{GEXF_NS}}}node", id=str(node), label=str(data.get("label", node)))
        _fill(element, data, node_table)
    edges = etree.SubElement(graph_el, f"{{{GEXF_NS}}}edges")
    for i, (u, v, data) in enumerate(graph.edges(data=True)):
        element = etree.SubElement(edges, f"{{{GEXF_NS}}}edge", id=str(i), source=str(u), target=str(v))
        element.set("weight", repr(float(data.get("weight", 1) or 1)))
        _fill(element, data, edge_table)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _plain(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes are scalars (GraphML holds no lists or None)."""
    copy = graph.__class__()
    copy.graph.update({k: v for k, v in graph.graph.items() if isinstance(v, str | int | float)})
    for node, data in graph.nodes(data=True):
        copy.add_node(node, **{k: _flat(v) for k, v in data.items() if v is not None and not k.startswith("_")})
    for u, v, data in graph.edges(data=True):
        copy.add_edge(u, v, **{k: _flat(x) for k, x in data.items() if x is not None})
    return copy


def to_graphml(graph: nx.Graph) -> bytes:
    """GraphML (typed ``<key>``s) for Cytoscape and igraph.

    Examples
    --------
    >>> import networkx as nx
    >>> b"<graphml" in to_graphml(nx.path_graph(2))
    True
    """
    buffer = io.BytesIO()
    nx.write_graphml(_plain(graph), buffer, encoding="utf-8", named_key_ids=True)
    return buffer.getvalue()


def to_vosviewer(graph: nx.Graph, *, cluster_by: str = "district") -> bytes:
    """VOSviewer JSON: items (id, label, cluster, weights, scores, url), links, clusters.

    Examples
    --------
    >>> import json, networkx as nx
    >>> data = json.loads(to_vosviewer(nx.path_graph(["a", "b"])))
    >>> data["network"]["links"]
    [{'source_id': 1, 'target_id': 2, 'strength': 1.0}]
    """
    ids = {node: i for i, node in enumerate(graph, start=1)}
    cluster_keys = sorted({str(d) for _, d in graph.nodes(data=cluster_by) if d is not None})
    cluster_ids = {key: i for i, key in enumerate(cluster_keys, start=1)}
    labels = {str(d.get(cluster_by)): d.get(f"{cluster_by}_label") or str(d.get(cluster_by)) for _, d in graph.nodes(data=True)}
    items = []
    for node, data in graph.nodes(data=True):
        item: dict[str, Any] = {"id": ids[node], "label": str(data.get("label", node)), "url": str(node)}
        if data.get(cluster_by) is not None:
            item["cluster"] = cluster_ids[str(data[cluster_by])]
        item["weights"] = {"Links": graph.degree(node), "Total link strength": graph.degree(node, weight="weight")}
        scores = {k: v for k, v in data.items() if isinstance(v, int | float) and not isinstance(v, bool)}
        item["scores"] = {k.replace("_", " ").title(): v for k, v in scores.items() if k != "bipartite"}
        item["description"] = f"{data.get('type', '')} · {data.get('district_label', '')}"
        items.append(item)
    links = [
        {"source_id": ids[u], "target_id": ids[v], "strength": float(w or 1)}
        for u, v, w in graph.edges(data="weight", default=1)
    ]
    clusters = [{"cluster": i, "label": labels.get(key, key)} for key, i in cluster_ids.items()]
    payload = {"network": {"items": items, "links": links, "clusters": clusters}}
    return json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else _flat(row.get(k)) for k in columns})
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def to_node_edge_csv(graph: nx.Graph) -> dict[str, bytes]:
    """``{"nodes": ..., "edges": ...}``: UTF-8 CSV with a BOM (so Excel reads Chinese).

    Examples
    --------
    >>> import networkx as nx
    >>> to_node_edge_csv(nx.path_graph(["a", "b"]))["edges"].decode("utf-8-sig").splitlines()[1]
    'a,b,1'
    """
    node_keys = sorted({k for _, d in graph.nodes(data=True) for k in d if not k.startswith("_")})
    edge_keys = sorted({k for _, _, d in graph.edges(data=True) for k in d} - {"weight"})
    nodes = [{"id": n, **d} for n, d in graph.nodes(data=True)]
    edges = [{"source": u, "target": v, "weight": d.get("weight", 1), **d} for u, v, d in graph.edges(data=True)]
    return {
        "nodes": _csv(nodes, ["id", *node_keys]),
        "edges": _csv(edges, ["source", "target", "weight", *edge_keys]),
    }


def export(graph: nx.Graph, fmt: str) -> dict[str, bytes]:
    """File contents for ``fmt``, keyed by file suffix (``csv`` gives ``nodes.csv`` and ``edges.csv``)."""
    if fmt == "gexf":
        return {"gexf": to_gexf(graph)}
    if fmt == "graphml":
        return {"graphml": to_graphml(graph)}
    if fmt in ("vosviewer", "json"):
        return {"json": to_vosviewer(graph)}
    if fmt == "csv":
        return {f"{part}.csv": data for part, data in to_node_edge_csv(graph).items()}
    raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
