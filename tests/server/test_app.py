"""Fine-grained behaviour through Flask's test client (same app, no network)."""

from __future__ import annotations

import pytest

from stikg.errors import UsageError
from stikg.server import create_app
from tests.server.conftest import ENTITY, SAMPLE_GRAPH, TOKEN

ASK = f"ASK {{ <{ENTITY}> ?p ?o }}"


@pytest.mark.parametrize(
    ("raw", "needle"),
    [("query=%ZZ", "percent-encoding"), ("query=%FF%FE", "not UTF-8"), ("query=a&query=b", "once")],
)
def test_bad_query_strings_are_400(client, raw, needle):
    answer = client.get("/sparql?" + raw)
    assert answer.status_code == 400 and needle in answer.json["description"]


def test_non_utf8_body_is_400(client):
    answer = client.post("/sparql", data=b"SELECT * WHERE { ?s ?p \xff }", content_type="application/sparql-query")
    assert answer.status_code == 400 and "UTF-8" in answer.json["description"]


@pytest.mark.parametrize(("fmt", "mime"), [("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
                                           ("xml", "application/sparql-results+xml"),
                                           ("text/csv", "text/csv")])
def test_format_parameter_overrides_accept(client, fmt, mime):
    answer = client.get("/sparql", query_string={"query": ASK if "csv" not in fmt else "SELECT * { ?s ?p ?o } LIMIT 1",
                                                 "format": fmt}, headers={"Accept": "application/json"})
    assert answer.status_code == 200 and answer.content_type.startswith(mime)


def test_graph_format_for_select_is_400(client):
    answer = client.get("/sparql", query_string={"query": ASK, "format": "turtle"})
    assert answer.status_code == 400 and "json" in answer.json["description"]


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "rdfxml", "jsonld", "nquads", "trig"])
def test_construct_in_every_rdf_format(client, fmt):
    answer = client.get("/sparql", query_string={"query": f"DESCRIBE <{ENTITY}>", "format": fmt})
    assert answer.status_code == 200 and "ceshi-shiyanshi" in answer.get_data(as_text=True)


def test_service_description_and_void(client):
    sd = client.get("/sparql", headers={"Accept": "text/turtle"})
    text = sd.get_data(as_text=True)
    assert sd.status_code == 200 and "sd:UnionDefaultGraph" in text and "sd:SPARQL11Query" in text
    assert client.get("/sparql", headers={"Accept": "text/html"}).status_code == 302
    void = client.get("/.well-known/void", headers={"Accept": "application/n-triples"})
    assert void.status_code == 200 and SAMPLE_GRAPH in void.get_data(as_text=True)


def test_named_graph_uri_restricts_graph_clause(client):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    answer = client.get("/sparql", query_string={"query": query, "named-graph-uri": SAMPLE_GRAPH})
    assert [b["g"]["value"] for b in answer.json["results"]["bindings"]] == [SAMPLE_GRAPH]


def test_wrong_method_is_405_with_allow(client):
    answer = client.delete("/sparql")
    assert answer.status_code == 405 and "POST" in answer.json["description"]
    assert client.get("/update").status_code == 405


def test_writing_disabled_without_token(store_copy):
    app = create_app({"STORE": str(store_copy), "UPDATE_TOKEN": None})
    answer = app.test_client().post("/update", data={"update": "CLEAR ALL"}, headers={"Authorization": "Bearer x"})
    assert answer.status_code == 403 and "STIKG_UPDATE_TOKEN" in answer.json["description"]


def test_cached_answer_is_dropped_after_a_write(client):
    query = {"query": "ASK { <https://example.org/new> ?p ?o }"}
    assert client.get("/sparql", query_string=query).json["boolean"] is False
    insert = "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/new> <https://example.org/p> 1 } }"
    done = client.post("/update", data=insert, content_type="application/sparql-update",
                       headers={"Authorization": f"Bearer {TOKEN}"})
    assert done.status_code == 204
    assert client.get("/sparql", query_string=query).json["boolean"] is True


def test_gsp_put_with_bad_turtle_is_400(client):
    answer = client.put("/store?graph=https://example.org/g", data=b"<a> <b> .", content_type="text/turtle",
                        headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 400 and "parse" in answer.json["description"]


def test_settings_from_environment(monkeypatch, store_copy):
    monkeypatch.setenv("STIKG_MAX_ROWS", "7")
    monkeypatch.setenv("STIKG_UPDATE_TOKEN", "1234")
    monkeypatch.setenv("STIKG_SERVICE_ALLOWLIST", "https://a.example/sparql https://b.example/sparql")
    settings = create_app({"STORE": str(store_copy)}).extensions["stikg"].settings
    assert settings.max_rows == 7 and settings.update_token == "1234"
    assert settings.service_allowlist == ["https://a.example/sparql", "https://b.example/sparql"]
    monkeypatch.setenv("STIKG_QUERY_TIMEOUT", '"soon"')
    with pytest.raises(UsageError, match="STIKG_QUERY_TIMEOUT"):
        create_app({"STORE": str(store_copy)})


def test_allowlisted_service_passes_the_gate(store_copy):
    app = create_app({"STORE": str(store_copy), "SERVICE_ALLOWLIST": "http://127.0.0.1:9/sparql"})
    query = "PREFIX x: <http://127.0.0.1:9/> SELECT * WHERE { SERVICE x:sparql { ?s ?p ?o } }"
    answer = app.test_client().get("/sparql", query_string={"query": query})
    assert answer.status_code == 502  # allowed, tried, and the (closed) port refused: not a 400
    assert "SERVICE" in answer.json["description"]


def test_api_queries_lists_the_library(client):
    answer = client.get("/api/queries")
    assert answer.status_code == 200
    for entry in answer.json:
        assert entry["name"] and entry["title"] and entry["query"]
