"""Write analysis results into the named graph ``{base}graph/analytics`` so SPARQL can read them.

One ``stikg:AnalysisRun`` per network (``prov:startedAtTime``, ``prov:endedAtTime``,
``stikg:parameters`` as JSON, ``rdfs:comment`` the network summary as JSON) and one
``stikg:NodeMetric`` per node and metric::

    ?m a stikg:NodeMetric ; stikg:node ?entity ; stikg:metric "betweenness" ;
       stikg:metricValue 0.25 ; prov:wasGeneratedBy ?run .

The community of a node is the NodeMetric with ``stikg:metric "community"``, which also
carries ``stikg:community``; its main brokerage role is the one with ``stikg:metric
"brokerage"``, carrying ``stikg:brokerageRole`` ("liaison", ...) and the role's count.
The graph is replaced as a whole, so a rerun never leaves stale values.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from stikg.config import base_iri
from stikg.graph.network.analysis import Analysis
from stikg.graph.vocab import PROV, RDF, RDFS, STIKG, XSD

__all__ = ["NUMERIC_METRICS", "analytics_graph_iri", "analytics_triples", "write_analytics"]

NUMERIC_METRICS = (
    "degree", "weighted-degree", "betweenness", "pagerank", "eigenvector", "clustering", "component", "bridges",
)


def analytics_graph_iri() -> str:
    return f"{base_iri()}graph/analytics"


def _n(term: object) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def _typed(value: Any) -> ox.Literal:
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_n(XSD.boolean))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_n(XSD.integer))
    return ox.Literal(repr(float(value)), datatype=_n(XSD.double))


def _metric_node(run: str, node: str, metric: str) -> ox.NamedNode:
    digest = hashlib.sha1(node.encode("utf-8")).hexdigest()[:12]
    return ox.NamedNode(f"{run}/{digest}/{metric}")


def _run_triples(run: ox.NamedNode, analysis: Analysis, started: dt.datetime) -> list[ox.Triple]:
    stamp = lambda t: ox.Literal(t.isoformat(timespec="seconds"), datatype=_n(XSD.dateTime))  # noqa: E731
    return [
        ox.Triple(run, _n(RDF.type), _n(STIKG.AnalysisRun)),
        ox.Triple(run, _n(RDF.type), _n(PROV.Activity)),
        ox.Triple(run, _n(RDFS.label), ox.Literal(f"{analysis.network} network analysis", language="en")),
        ox.Triple(run, _n(PROV.startedAtTime), stamp(started)),
        ox.Triple(run, _n(PROV.endedAtTime), stamp(dt.datetime.now(dt.UTC))),
        ox.Triple(run, _n(STIKG.parameters), ox.Literal(json.dumps(analysis.parameters, sort_keys=True))),
        ox.Triple(run, _n(RDFS.comment), ox.Literal(json.dumps(analysis.summary, sort_keys=True, default=str))),
    ]


def analytics_triples(analysis: Analysis, started: dt.datetime) -> list[ox.Triple]:
    """The triples of one network's run and its node metrics."""
    run = ox.NamedNode(f"{base_iri()}id/analysis/{analysis.network}")
    triples = _run_triples(run, analysis, started)
    for node, values in analysis.nodes.items():
        entries: list[tuple[str, Any, list[tuple[object, ox.Literal]]]] = [
            (metric, values[metric], []) for metric in NUMERIC_METRICS if values.get(metric) is not None
        ]
        if values.get("community") is not None:
            entries.append(("community", values["community"], [(STIKG.community, _typed(values["community"]))]))
        role = values.get("brokerage_role")
        if role:
            entries.append(("brokerage", values[f"brokerage_{role}"], [(STIKG.brokerageRole, ox.Literal(role))]))
        for metric, value, extra in entries:
            m = _metric_node(run.value, node, metric)
            triples += [
                ox.Triple(m, _n(RDF.type), _n(STIKG.NodeMetric)),
                ox.Triple(m, _n(STIKG.node), ox.NamedNode(node)),
                ox.Triple(m, _n(STIKG.metric), ox.Literal(metric)),
                ox.Triple(m, _n(STIKG.metricValue), _typed(value)),
                ox.Triple(m, _n(PROV.wasGeneratedBy), run),
            ]
            triples += [ox.Triple(m, _n(p), o) for p, o in extra]
    return triples


def write_analytics(store: Any, analyses: Iterable[Analysis], started: dt.datetime | None = None) -> int:
    """Replace ``{base}graph/analytics`` with the results of ``analyses``; return the triples written."""
    started = started or dt.datetime.now(dt.UTC)
    triples: list[ox.Triple] = []
    for analysis in analyses:
        triples += analytics_triples(analysis, started)
    return store.replace_graph(analytics_graph_iri(), triples)
