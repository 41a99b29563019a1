"""Federated SERVICE queries between two local servers, and publishing (/dataset, /download)."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from stikg.graph.iris import entity_iri
from stikg.graph.library import library_queries
from stikg.graph.store import LocalStore
from tests.linking.conftest import free_port, running_server

WIKIDATA = "https://query.wikidata.org/sparql"
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
# A stand-in for Wikidata: P442 codes as in links.csv, made-up populations (test data only).
FAKE_WIKIDATA = [
    ("Q986151", "320507", 900_000),   # 相城区
    ("Q42773", "320583", 2_000_000),  # 昆山市
    ("Q42622", "320500", 12_000_000),  # 苏州市 itself: not part of itself
    ("Q662101", "310114", 1_800_000),  # 嘉定区, Shanghai: outside the 3205 prefix
]


def _fake_wikidata(path: Path) -> None:
    quads = []
    for qid, code, population in FAKE_WIKIDATA:
        item = ox.NamedNode(WD + qid)
        quads.append(ox.Quad(item, ox.NamedNode(WDT + "P442"), ox.Literal(code)))
        quads.append(ox.Quad(item, ox.NamedNode(WDT + "P1082"), ox.Literal(
            str(population), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))))
    with LocalStore(path) as store:
        store.replace_graph("http://example.org/wikidata-standin", quads)


@pytest.fixture(scope="module")
def federation(built_store_path: Path, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("federation")
    _fake_wikidata(folder / "wikidata")
    remote_port, local_port = free_port(), free_port()
    remote = f"http://127.0.0.1:{remote_port}/sparql"
    with (
        running_server(folder / "wikidata", remote_port, folder / "remote.log") as _,
        running_server(built_store_path, local_port, folder / "local.log",
                       env={"STIKG_SERVICE_ALLOWLIST": remote}) as local,
    ):
        yield local, remote


def _library(name: str) -> str:
    return next(q.text for q in library_queries() if q.name == name)


def _run(url: str, query: str) -> requests.Response:
    return requests.post(f"{url}/sparql", data={"query": query}, timeout=60,
                         headers={"Accept": "application/sparql-results+json"})


def test_federated_population(federation):
    local, remote = federation
    query = _library("federated-place-population")
    assert WIKIDATA in query
    response = _run(local, query.replace(WIKIDATA, remote))
    assert response.status_code == 200, response.text
    rows = response.json()["results"]["bindings"]
    got = {(r["place"]["value"], r["wikidata"]["value"], int(float(r["population"]["value"]))) for r in rows}
    assert got == {
        (entity_iri("place", "昆山市"), WD + "Q42773", 2_000_000),
        (entity_iri("place", "相城区"), WD + "Q986151", 900_000),
    }
    assert [r["name"]["value"] for r in rows] == ["昆山市", "相城区"]  # ORDER BY DESC(?population)


def test_federated_division_codes_agree(federation):
    local, remote = federation
    response = _run(local, _library("federated-division-codes").replace(WIKIDATA, remote))
    assert response.status_code == 200, response.text
    rows = response.json()["results"]["bindings"]
    assert {r["code"]["value"] for r in rows} == {"320507", "320583", "320500"}
    assert all(r["agrees"]["value"] == "true" for r in rows)


def test_service_not_on_the_allowlist_is_refused(federation):
    local, _ = federation
    response = _run(local, _library("federated-division-codes"))  # the real Wikidata endpoint: not allowed
    assert response.status_code == 400
    assert "STIKG_SERVICE_ALLOWLIST" in response.json()["description"]


def test_dataset_by_content_negotiation(server_url):
    turtle = requests.get(f"{server_url}/dataset", timeout=10)
    assert turtle.status_code == 200 and turtle.headers["Content-Type"].startswith("text/turtle")
    triples = [q.triple for q in ox.parse(turtle.content, format=ox.RdfFormat.TURTLE)]
    downloads = {t.object.value for t in triples if t.predicate.value == "http://www.w3.org/ns/dcat#downloadURL"}
    assert downloads == {f"{server_url}/download/stikg.{ext}" for ext in ("nq", "ttl", "jsonld")}
    licences = {t.object.value for t in triples if t.predicate.value == "http://purl.org/dc/terms/license"}
    assert "https://creativecommons.org/licenses/by/4.0/" in licences
    jsonld = requests.get(f"{server_url}/dataset", headers={"Accept": "application/ld+json"}, timeout=10)
    assert jsonld.headers["Content-Type"].startswith("application/ld+json")
    assert {q.triple for q in ox.parse(jsonld.content, format=ox.RdfFormat.JSON_LD)} == set(triples)


@pytest.mark.parametrize(("name", "fmt"), [("stikg.nq", ox.RdfFormat.N_QUADS), ("stikg.ttl", ox.RdfFormat.TURTLE),
                                           ("stikg.jsonld", ox.RdfFormat.JSON_LD)])
def test_download_is_streamed_as_attachment(server_url, name, fmt):
    with requests.get(f"{server_url}/download/{name}", stream=True, timeout=60) as response:
        assert response.status_code == 200
        assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'
        assert "Content-Length" not in response.headers  # streamed in chunks
        body = b"".join(response.iter_content(65536))
    parsed = list(ox.parse(body, format=fmt))
    assert parsed
    if name == "stikg.jsonld":
        assert json.loads(body)["@context"]["@vocab"] == "https://schema.org/"


def test_unknown_download_is_404(server_url):
    response = requests.get(f"{server_url}/download/secrets.txt", timeout=10)
    assert response.status_code == 404 and "stikg.nq" in response.json()["description"]
