"""The SPARQL protocol over loopback against the real `stikg serve` (gunicorn, 2 workers)."""

from __future__ import annotations

import io

import pandas as pd
import requests
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, SPARQLWrapper

from tests.server.conftest import ENTITY, LIVE_MAX_ROWS, SAMPLE_GRAPH, TOKEN

LABEL_QUERY = f"SELECT ?label WHERE {{ <{ENTITY}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }} ORDER BY ?label"


def _labels(response: requests.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [b["label"]["value"] for b in response.json()["results"]["bindings"]]


def test_get_form_post_and_direct_post_agree(live):
    url = live.url + "/sparql"
    by_get = _labels(requests.get(url, params={"query": LABEL_QUERY}, timeout=10))
    by_form = _labels(requests.post(url, data={"query": LABEL_QUERY}, timeout=10))
    direct = requests.post(
        url, data=LABEL_QUERY.encode(), headers={"Content-Type": "application/sparql-query"}, timeout=10
    )
    assert by_get == by_form == _labels(direct) == ["Test Laboratory", "ceshi shiyanshi", "测试实验室"]


def test_content_negotiation_with_q_values_and_406(live):
    url = live.url + "/sparql"
    answer = requests.get(url, params={"query": LABEL_QUERY}, headers={"Accept": "text/csv;q=0.9, application/sparql-results+xml"}, timeout=10)
    assert answer.headers["Content-Type"].startswith("application/sparql-results+xml")
    answer = requests.get(url, params={"query": LABEL_QUERY}, headers={"Accept": "text/csv, application/sparql-results+xml;q=0.5"}, timeout=10)
    assert answer.headers["Content-Type"].startswith("text/csv")
    graph = requests.get(url, params={"query": f"DESCRIBE <{ENTITY}>"}, timeout=10)
    assert graph.headers["Content-Type"].startswith("text/turtle") and "测试实验室" in graph.text
    refused = requests.get(url, params={"query": LABEL_QUERY}, headers={"Accept": "image/png"}, timeout=10)
    assert refused.status_code == 406
    assert "application/sparql-results+json" in refused.json()["description"]


def test_malformed_query_is_400_with_position(live):
    answer = requests.get(live.url + "/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p \n}"}, timeout=10)
    assert answer.status_code == 400
    body = answer.json()
    assert body["code"] == 400 and body["line"] == 3 and "line 3" in body["description"]


def test_oversized_body_is_413_and_unknown_media_type_is_415(live):
    url = live.url + "/sparql"
    huge = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (11 * 1024 * 1024)
    answer = requests.post(url, data=huge.encode(), headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert answer.status_code == 413 and "STIKG_MAX_REQUEST_BYTES" in answer.json()["description"]
    answer = requests.post(url, data=LABEL_QUERY.encode(), headers={"Content-Type": "text/plain"}, timeout=10)
    assert answer.status_code == 415 and "application/sparql-query" in answer.json()["description"]


def test_sparqlwrapper_reads_results(live):
    client = SPARQLWrapper(live.url + "/sparql")
    client.setQuery(LABEL_QUERY)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert {r["label"]["value"] for r in rows} == {"Test Laboratory", "ceshi shiyanshi", "测试实验室"}


def test_rdflib_sparqlstore_reads_results(live):
    graph = Graph(store=SPARQLStore(live.url + "/sparql"))
    labels = {str(row[0]) for row in graph.query(LABEL_QUERY)}
    assert labels == {"Test Laboratory", "ceshi shiyanshi", "测试实验室"}
    assert graph.query(f"ASK {{ <{ENTITY}> ?p ?o }}").askAnswer is True


def test_pandas_reads_csv_results(live):
    answer = requests.get(live.url + "/sparql", params={"query": LABEL_QUERY, "format": "csv"}, timeout=10)
    frame = pd.read_csv(io.StringIO(answer.text))
    assert list(frame.columns) == ["label"] and "测试实验室" in set(frame["label"])


def test_union_default_graph_versus_graph_clause(live):
    url = live.url + "/sparql"
    count = "SELECT (COUNT(*) AS ?n) WHERE { %s }"

    def n(query: str, **params: str) -> int:
        answer = requests.get(url, params={"query": query, **params}, timeout=10)
        return int(answer.json()["results"]["bindings"][0]["n"]["value"])

    union = n(count % "?s ?p ?o")
    in_graphs = n(count % "GRAPH ?g { ?s ?p ?o }")
    sample = n(count % f"GRAPH <{SAMPLE_GRAPH}> {{ ?s ?p ?o }}")
    assert union >= sample > 0 and in_graphs >= union
    assert n(count % "?s ?p ?o", **{"default-graph-uri": SAMPLE_GRAPH}) == sample
    assert n(f"SELECT (COUNT(*) AS ?n) FROM <{SAMPLE_GRAPH}> WHERE {{ ?s ?p ?o }}") == sample


def test_row_cap_says_so(live):
    query = "SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?y }"
    answer = requests.get(live.url + "/sparql", params={"query": query}, timeout=30)
    assert answer.status_code == 200
    assert answer.headers["X-SPARQL-MaxRows"] == str(LIVE_MAX_ROWS)
    assert "STIKG_MAX_ROWS" in answer.headers["Warning"]
    assert len(answer.json()["results"]["bindings"]) == LIVE_MAX_ROWS
    small = requests.get(live.url + "/sparql", params={"query": LABEL_QUERY}, timeout=10)
    assert "X-SPARQL-MaxRows" not in small.headers


def test_service_outside_allowlist_is_refused(live):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    answer = requests.get(live.url + "/sparql", params={"query": query}, timeout=10)
    assert answer.status_code == 400
    assert "http://127.0.0.1:9/sparql" in answer.json()["description"]
    assert "STIKG_SERVICE_ALLOWLIST" in answer.json()["description"]
    answer = requests.get(live.url + "/sparql", params={"query": "SELECT * WHERE { SERVICE ?e { ?s ?p ?o } }"}, timeout=10)
    assert answer.status_code == 400


def test_writes_need_the_token(live):
    graph = "https://example.org/live-write-test"
    insert = f"INSERT DATA {{ GRAPH <{graph}> {{ <https://example.org/a> <https://example.org/p> 1 }} }}"
    ask = {"query": f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"}
    refused = requests.post(live.url + "/update", data={"update": insert}, timeout=10)
    assert refused.status_code == 401 and "Bearer" in refused.json()["description"]
    wrong = requests.post(live.url + "/update", data={"update": insert}, headers={"Authorization": "Bearer nope"}, timeout=10)
    assert wrong.status_code == 401
    put = requests.put(live.url + "/store", params={"graph": graph}, data="<a> <b> <c> .",
                       headers={"Content-Type": "text/turtle"}, timeout=10)
    assert put.status_code == 401
    assert requests.get(live.url + "/sparql", params=ask, timeout=10).json()["boolean"] is False

    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert requests.post(live.url + "/update", data={"update": insert}, headers=auth, timeout=30).status_code == 204
    for _ in range(4):  # every worker re-opens its read-only handle and sees the write
        assert requests.get(live.url + "/sparql", params=ask, timeout=10).json()["boolean"] is True
    body = "<https://example.org/s> <https://example.org/p> \"put\" ."
    put = requests.put(live.url + "/store", params={"graph": graph}, data=body.encode(),
                       headers={**auth, "Content-Type": "text/turtle"}, timeout=30)
    assert put.status_code == 204
    got = requests.get(live.url + "/store", params={"graph": graph}, headers={"Accept": "application/n-triples"}, timeout=10)
    assert got.text.strip() == body
    assert requests.delete(live.url + "/store", params={"graph": graph}, headers=auth, timeout=30).status_code == 204
    assert requests.get(live.url + "/store", params={"graph": graph}, timeout=10).status_code == 404
