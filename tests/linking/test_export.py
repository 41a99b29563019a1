"""``stikg export``: N-Quads, Turtle and schema.org JSON-LD dumps, read back by real parsers."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from stikg.graph.iris import entity_iri
from tests.conftest import run_cli

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _schema(name: str) -> ox.NamedNode:
    return ox.NamedNode(f"https://schema.org/{name}")


@pytest.fixture(scope="module")
def exports(built_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("export")
    files = {}
    for fmt, name in (("nquads", "all.nq"), ("turtle", "all.ttl"), ("jsonld", "view.jsonld")):
        target = folder / name
        result = run_cli("export", "--format", fmt, str(target), "--store", str(built_store_path))
        assert result.returncode == 0, result.stderr
        files[fmt] = target
    return files


def test_nquads_holds_every_quad(exports, built_store):
    quads = list(ox.parse(path=str(exports["nquads"]), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == len(built_store)
    assert {q.graph_name.value for q in quads} == set(built_store.named_graphs())


def test_turtle_holds_every_triple(exports, built_store):
    triples = {q.triple for q in ox.parse(path=str(exports["turtle"]), format=ox.RdfFormat.TURTLE)}
    distinct = {q.triple for q in built_store.quads()}
    assert triples == distinct


def test_jsonld_is_schema_org(exports):
    document = json.loads(exports["jsonld"].read_text(encoding="utf-8"))
    assert document["@context"]["@vocab"] == "https://schema.org/"
    graph = {q.triple for q in ox.parse(path=str(exports["jsonld"]), format=ox.RdfFormat.JSON_LD)}
    soochow = ox.NamedNode(entity_iri("org", "苏州大学"))
    suzhou = ox.NamedNode(entity_iri("place", "苏州市"))
    expected = [
        (soochow, RDF_TYPE, _schema("Organization")),
        (soochow, _schema("sameAs"), ox.NamedNode("http://www.wikidata.org/entity/Q1639978")),
        (soochow, _schema("sameAs"), ox.NamedNode("https://ror.org/05t8y2r12")),
        (soochow, _schema("location"), suzhou),
        (suzhou, RDF_TYPE, _schema("Place")),
        (suzhou, _schema("containedInPlace"), ox.NamedNode(entity_iri("place", "江苏省"))),
        (suzhou, _schema("name"), ox.Literal("苏州市", language="zh")),
        (suzhou, _schema("name"), ox.Literal("Suzhou", language="en")),
    ]
    for triple in expected:
        assert ox.Triple(*triple) in graph, triple


def test_export_to_stdout_and_bad_format(built_store_path: Path, tmp_path: Path):
    result = run_cli("export", "-", "--format", "jsonld", "--store", str(built_store_path))
    assert result.returncode == 0 and json.loads(result.stdout)["@graph"]
    unknown = run_cli("export", str(tmp_path / "out.xyz"), "--store", str(built_store_path))
    assert unknown.returncode == 2
    assert "--format nquads|turtle|jsonld" in unknown.stderr
    assert not (tmp_path / "out.xyz").exists()
