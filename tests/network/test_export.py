"""Exports round-trip through networkx and igraph and validate against the schemas.

The XSDs in schemas/ are faithful subsets written for these tests (no download at test
time, no PyPI package ships the GEXF 1.3 or GraphML schemas); see their header comments.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import igraph as ig
import networkx as nx
import pytest
from lxml import etree

from stikg.errors import UsageError
from stikg.graph.network import analyse, build_network
from stikg.graph.network.export import export, to_gexf, to_graphml, to_node_edge_csv, to_vosviewer
from tests.network.conftest import node

SCHEMAS = Path(__file__).parent / "schemas"


@pytest.fixture()
def annotated(toy_store) -> nx.Graph:
    g = build_network(toy_store, "collaboration")
    for n, values in analyse(g).nodes.items():
        g.nodes[n].update(values)
    return g


def _valid(xsd: str, data: bytes) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / xsd)))
    doc = etree.fromstring(data)
    assert schema.validate(doc), schema.error_log


def test_gexf_13_validates_and_round_trips(annotated: nx.Graph, tmp_path: Path) -> None:
    data = to_gexf(annotated)
    _valid("gexf-1.3-subset.xsd", data)
    root = etree.fromstring(data)
    assert root.get("version") == "1.3" and root.nsmap[None] == "http://gexf.net/1.3"
    types = {a.get("id"): a.get("type") for a in root.iter("{http://gexf.net/1.3}attribute")}
    assert types["betweenness"] == "double" and types["degree"] == "long" and types["articulation_point"] == "boolean"
    path = tmp_path / "net.gexf"
    path.write_bytes(data)
    back = nx.read_gexf(path, version="1.3")
    assert set(back) == set(annotated) and back.number_of_edges() == annotated.number_of_edges()
    a, b = node("A"), node("B")
    assert back.nodes[a]["label"] == "相城研究院" and back.nodes[a]["degree"] == annotated.nodes[a]["degree"]
    assert back.nodes[a]["betweenness"] == pytest.approx(annotated.nodes[a]["betweenness"])
    assert back.edges[a, b]["weight"] == 2.0 and back.edges[a, b]["spells"] == [(2021, 2025)]


def test_gexf_schema_is_strict(annotated: nx.Graph) -> None:
    """The subset schema rejects what GEXF 1.3 rejects (here: 1.2's time format 'long')."""
    bad = to_gexf(annotated).replace(b'timeformat="integer"', b'timeformat="long"')
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "gexf-1.3-subset.xsd")))
    assert not schema.validate(etree.fromstring(bad))


def test_graphml_validates_and_round_trips(annotated: nx.Graph, tmp_path: Path) -> None:
    data = to_graphml(annotated)
    _valid("graphml-subset.xsd", data)
    path = tmp_path / "net.graphml"
    path.write_bytes(data)
    back = nx.read_graphml(path)
    assert set(back) == set(annotated) and back.number_of_edges() == 6
    assert back.edges[node("A"), node("B")]["kinds"] == "JointBuild|StrategicCooperation"
    g = ig.Graph.Read_GraphML(str(path))
    assert (g.vcount(), g.ecount()) == (6, 6)
    labels = dict(zip(g.vs["id"], g.vs["label"], strict=True))
    assert labels[node("C")] == "太仓孵化器"
    assert sorted(g.degree()) == sorted(d for _, d in annotated.degree())


def test_vosviewer_json(annotated: nx.Graph) -> None:
    data = json.loads(to_vosviewer(annotated))["network"]
    assert len(data["items"]) == 6 and len(data["links"]) == 6
    ids = {item["url"]: item["id"] for item in data["items"]}
    ab = [link for link in data["links"] if {link["source_id"], link["target_id"]} == {ids[node("A")], ids[node("B")]}]
    assert ab[0]["strength"] == 2.0
    a = next(item for item in data["items"] if item["url"] == node("A"))
    assert a["weights"] == {"Links": 3, "Total link strength": 4} and "Betweenness" in a["scores"]
    assert {c["label"] for c in data["clusters"]} == {"相城区", "太仓市", "吴江区"}


def test_csv_has_bom_and_all_rows(annotated: nx.Graph) -> None:
    files = to_node_edge_csv(annotated)
    assert files["nodes"].startswith("\ufeff".encode())
    nodes = list(csv.DictReader(io.StringIO(files["nodes"].decode("utf-8-sig"))))
    edges = list(csv.DictReader(io.StringIO(files["edges"].decode("utf-8-sig"))))
    assert len(nodes) == 6 and len(edges) == 6
    assert {r["label"] for r in nodes} >= {"相城研究院", "上海市"}
    assert next(r for r in edges if {r["source"], r["target"]} == {node("A"), node("B")})["weight"] == "2"


def test_unknown_format() -> None:
    with pytest.raises(UsageError, match="unknown export format 'pajek'"):
        export(nx.path_graph(2), "pajek")
