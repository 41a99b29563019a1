"""The /network page and the JSON API under /api/network/… (network analysis over HTTP).

``GET /api/network``                          the networks, metrics and export formats
``GET /api/network/<name>``                   nodes and ties (cytoscape.js elements) with metrics;
                                              filters ``district``, ``type``, ``industry`` (repeatable)
``GET /api/network/<name>/metrics``           ``?metric=betweenness&top=20`` ranked nodes
``GET /api/network/<name>/summary``           sizes, communities vs districts, cross-district measures
``GET /api/network/<name>/export.<fmt>``      gexf | graphml | json (VOSviewer) | nodes.csv | edges.csv

Bad names and filters that match nothing are ``stikg.errors`` classes, which the
app's error handler turns into JSON 400/404. Analyses are cached per store
generation, so they are computed once per write of the store.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import networkx as nx
from flask import Blueprint, Response, jsonify, render_template, request

from stikg.errors import NotFoundError, UsageError
from stikg.graph.network.analysis import Analysis, analyse, require_nodes
from stikg.graph.network.build import NETWORKS, build_network
from stikg.graph.network.export import export, to_vosviewer
from stikg.graph.network.metrics import METRICS

__all__ = ["bp"]

bp = Blueprint("network_api", __name__)

_FORMATS = {
    "gexf": ("gexf", "application/gexf+xml"),
    "graphml": ("graphml", "application/graphml+xml"),
    "json": ("json", "application/json"),
    "nodes.csv": ("nodes.csv", "text/csv; charset=utf-8"),
    "edges.csv": ("edges.csv", "text/csv; charset=utf-8"),
}
_RANKABLE = (*METRICS, "community")
_cache: OrderedDict[tuple, tuple[nx.Graph, Analysis]] = OrderedDict()
_cache_lock = threading.Lock()


def _analysed(name: str) -> tuple[nx.Graph, Analysis]:
    """The network ``name`` with its analysis, cached per store generation."""
    from stikg.server.app import state

    if name not in NETWORKS:
        raise NotFoundError(f"unknown network {name!r}; choose one of {', '.join(NETWORKS)}")
    shared = state().store
    key = (str(shared.path), shared.generation(), name)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    with shared.reading() as store:
        graph = build_network(store, name)
    require_nodes(graph, name)
    result = (graph, analyse(graph))
    with _cache_lock:
        _cache[key] = result
        while len(_cache) > 16:
            _cache.popitem(last=False)
    return result


def _node_json(graph: nx.Graph, analysis: Analysis, node: str) -> dict[str, Any]:
    from stikg.server.entities import local_href

    data = graph.nodes[node]
    return {
        "id": node,
        "label": data["label"],
        "kind": data["kind"],
        "type": data["type"],
        "district": data["district"],
        "district_label": data["district_label"],
        "industries": data["industries"],
        "href": local_href(node),
        **{k.replace("-", "_"): v for k, v in analysis.nodes[node].items()},
    }


def _edge_json(u: str, v: str, data: dict, index: int) -> dict[str, Any]:
    keep = ("weight", "kinds", "quotes", "documents", "shared", "collaborations", "institution_labels", "start", "end")
    return {"id": f"e{index}", "source": u, "target": v, **{k: data[k] for k in keep if k in data}}


def _filtered(graph: nx.Graph, name: str) -> list[str]:
    """Nodes passing the ``district``/``type``/``industry`` filters (each repeatable, any value matches)."""
    nodes = list(graph)
    for key, test in (
        ("district", lambda d, vals: d["district"] in vals or d["district_label"] in vals),
        ("type", lambda d, vals: d["type"] in vals or d["kind"] in vals),
        ("industry", lambda d, vals: bool(set(d["industries"]) & vals)),
    ):
        values = {v for v in request.args.getlist(key) if v}
        if values:
            nodes = [n for n in nodes if test(graph.nodes[n], values)]
    if not nodes:
        given = ", ".join(f"{k}={v}" for k, v in request.args.items(multi=True) if k in ("district", "type", "industry"))
        raise NotFoundError(f"no node of network {name!r} matches {given}; loosen the filter")
    return nodes


def _options(graph: nx.Graph) -> dict[str, list]:
    districts = {(d["district"], d["district_label"]) for _, d in graph.nodes(data=True) if d["district"]}
    industries = {i for _, d in graph.nodes(data=True) for i in d["industries"]}
    labels = {i: graph.nodes[i]["label"] if i in graph else i.rsplit("/", 1)[-1] for i in industries}
    return {
        "districts": [{"id": i, "label": lab} for i, lab in sorted(districts, key=lambda x: x[1])],
        "types": sorted({d["type"] for _, d in graph.nodes(data=True)}),
        "industries": [{"id": i, "label": labels[i]} for i in sorted(industries)],
    }


@bp.get("/network")
def page() -> str:
    return render_template("network.html", networks=NETWORKS, metrics=[m for m in METRICS if m != "component"])


@bp.get("/api/network")
def networks() -> Response:
    return jsonify({"networks": list(NETWORKS), "metrics": list(_RANKABLE), "formats": list(_FORMATS)})


@bp.get("/api/network/<name>")
def network(name: str) -> Response:
    graph, analysis = _analysed(name)
    nodes = _filtered(graph, name)
    sub = graph.subgraph(nodes)
    return jsonify({
        "network": name,
        "summary": analysis.summary,
        "options": _options(graph),
        "nodes": [_node_json(graph, analysis, n) for n in nodes],
        "edges": [_edge_json(u, v, d, i) for i, (u, v, d) in enumerate(sub.edges(data=True))],
    })


@bp.get("/api/network/<name>/metrics")
def metrics(name: str) -> Response:
    metric = request.args.get("metric", "degree")
    if metric not in _RANKABLE:
        raise UsageError(f"unknown metric {metric!r}; choose one of {', '.join(_RANKABLE)}")
    try:
        top = int(request.args.get("top", "20"))
    except ValueError:
        raise UsageError(f"top={request.args.get('top')!r} is not a whole number") from None
    graph, analysis = _analysed(name)
    nodes = _filtered(graph, name)
    ranked = sorted(nodes, key=lambda n: (-(analysis.nodes[n][metric] or 0), n))[: max(top, 1)]
    rows = [{"rank": i, "node": n, "label": graph.nodes[n]["label"], "district": graph.nodes[n]["district_label"],
             "value": analysis.nodes[n][metric]} for i, n in enumerate(ranked, start=1)]
    return jsonify({"network": name, "metric": metric, "rows": rows})


@bp.get("/api/network/<name>/summary")
def summary(name: str) -> Response:
    _graph, analysis = _analysed(name)
    return jsonify({"summary": analysis.summary, "cross_district": analysis.cross_district})


@bp.get("/api/network/<name>/export.<path:fmt>")
def export_file(name: str, fmt: str) -> Response:
    if fmt not in _FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(_FORMATS)}")
    graph, analysis = _analysed(name)
    annotated = graph.copy()
    for node, values in analysis.nodes.items():
        annotated.nodes[node].update(values)
    suffix, mime = _FORMATS[fmt]
    if fmt == "json":
        body = to_vosviewer(annotated, cluster_by=request.args.get("cluster", "district"))
    else:
        body = export(annotated, "csv" if fmt.endswith("csv") else fmt)[suffix]
    response = Response(body, mimetype=mime.split(";")[0], content_type=mime)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{suffix}"'
    response.headers.setdefault("Access-Control-Allow-Origin", "*")
    return response
