"""Entity pages (linked data), the 404 page, the ontology, the start page."""

from __future__ import annotations

import pytest

from tests.server.conftest import ENTITY

HTML = {"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"}
PATH = ENTITY.replace("https://w3id.org/stikg", "")


def test_entity_page_shows_labels_properties_and_source_quotes(client):
    page = client.get(PATH, headers=HTML)
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and page.content_type.startswith("text/html")
    for expected in ("测试实验室", "ceshi shiyanshi", "Test Laboratory", "测试实验室牵头攻关。", "测试区科技创新规划"):
        assert expected in text
    assert 'href="/id/place/ceshiqu-000002"' in text  # links to other entities stay on this server


def test_entity_as_turtle_and_jsonld(client):
    turtle = client.get(PATH, headers={"Accept": "text/turtle"})
    assert turtle.content_type.startswith("text/turtle") and "测试实验室" in turtle.get_data(as_text=True)
    jsonld = client.get(PATH, headers={"Accept": "application/ld+json"})
    assert jsonld.content_type.startswith("application/ld+json") and ENTITY in jsonld.get_data(as_text=True)


def test_unknown_entity_is_404_naming_the_iri(client):
    page = client.get("/id/org/no-such-thing", headers=HTML)
    assert page.status_code == 404 and "https://w3id.org/stikg/id/org/no-such-thing" in page.get_data(as_text=True)
    api = client.get("/id/org/no-such-thing", headers={"Accept": "application/json"})
    assert api.status_code == 404 and "no-such-thing" in api.json["description"]


def test_resource_redirects_base_iris_and_checks_input(client):
    assert client.get("/resource", query_string={"iri": ENTITY}).status_code == 303
    assert client.get("/resource", query_string={"iri": "not an iri"}).status_code == 400
    assert client.get("/resource").status_code == 400


def test_start_page_in_both_languages(client):
    zh = client.get("/?lang=zh").get_data(as_text=True)
    en = client.get("/?lang=en").get_data(as_text=True)
    assert "示例查询" in zh and "Example queries" in en
    assert "vendor/yasgui/yasgui.min.js" in en and "cdn" not in en.lower()


def test_ontology_by_content_negotiation(client):
    pytest.importorskip("stikg.graph.ontology_docs")
    html = client.get("/ontology", headers=HTML)
    assert html.status_code == 200 and html.content_type.startswith("text/html")
    turtle = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and turtle.content_type.startswith("text/turtle")
    assert "owl:Ontology" in turtle.get_data(as_text=True) or "Ontology" in turtle.get_data(as_text=True)
