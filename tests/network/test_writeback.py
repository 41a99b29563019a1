"""Analysis results in {base}graph/analytics, read back through SPARQL."""

from __future__ import annotations

import json

import pytest

from stikg.graph.network import analyse, build_network
from stikg.graph.network.writeback import analytics_graph_iri, write_analytics
from tests.network.conftest import node

PREFIX = "PREFIX stikg: <https://w3id.org/stikg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "


def test_write_and_query(toy_store) -> None:
    analysis = analyse(build_network(toy_store, "collaboration"))
    written = write_analytics(toy_store, [analysis])
    assert written > 0 and analytics_graph_iri() in toy_store.named_graphs()
    rows = toy_store.select(
        PREFIX + 'SELECT ?node ?v WHERE { GRAPH ?g { ?m a stikg:NodeMetric ; stikg:node ?node ; '
        'stikg:metric "betweenness" ; stikg:metricValue ?v } }'
    )
    values = {r["node"].value: float(r["v"].value) for r in rows}
    assert values == pytest.approx({n: v["betweenness"] for n, v in analysis.nodes.items()})
    role = toy_store.select(PREFIX + "SELECT ?n ?r WHERE { ?m stikg:node ?n ; stikg:brokerageRole ?r }",
                            substitutions={"n": node("A")})
    assert [r["r"].value for r in role] == [analysis.nodes[node("A")]["brokerage_role"]]
    run = toy_store.select(PREFIX + "SELECT ?p ?t WHERE { ?run a stikg:AnalysisRun ; stikg:parameters ?p ; prov:startedAtTime ?t }")
    assert json.loads(run[0]["p"].value)["network"] == "collaboration"
    community = toy_store.select(PREFIX + "SELECT (COUNT(*) AS ?n) WHERE { ?m stikg:community ?c }")
    assert int(community[0]["n"].value) == 6


def test_rewrite_replaces(toy_store) -> None:
    analysis = analyse(build_network(toy_store, "collaboration"))
    first = write_analytics(toy_store, [analysis])
    second = write_analytics(toy_store, [analysis])
    assert first == second == len(list(toy_store.quads(analytics_graph_iri())))
