"""The JSON API under /api/network/… over loopback, against the real server."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import networkx as nx
import pytest

from tests.network.conftest import node
from tests.network.server_fixture import running_server


@pytest.fixture(scope="module")
def server(toy_store_path):
    with running_server(toy_store_path) as base:
        yield base


def _get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_network_json(server: str) -> None:
    status, _, body = _get(server + "/api/network/collaboration")
    data = json.loads(body)
    assert status == 200 and len(data["nodes"]) == 6 and len(data["edges"]) == 6
    a = next(n for n in data["nodes"] if n["id"] == node("A"))
    assert a["href"].startswith("/id/org/") and a["district_label"] == "相城区" and "betweenness" in a
    ab = next(e for e in data["edges"] if {e["source"], e["target"]} == {node("A"), node("B")})
    assert ab["quotes"] == ["c1：A与B合作", "c2：A与B合作"]


def test_filters(server: str) -> None:
    query = urllib.parse.urlencode({"district": node("相城区")})
    data = json.loads(_get(f"{server}/api/network/collaboration?{query}")[2])
    assert {n["label"] for n in data["nodes"]} == {"相城研究院", "相城实验室"} and len(data["edges"]) == 1
    data = json.loads(_get(f"{server}/api/network/collaboration?type=Incubator")[2])
    assert [n["label"] for n in data["nodes"]] == ["太仓孵化器"]
    query = urllib.parse.urlencode({"industry": node("人工智能")})
    assert len(json.loads(_get(f"{server}/api/network/collaboration?{query}")[2])["nodes"]) == 2


def test_metrics_and_summary(server: str) -> None:
    data = json.loads(_get(server + "/api/network/collaboration/metrics?metric=betweenness&top=1")[2])
    assert [r["label"] for r in data["rows"]] == ["太仓孵化器"]
    data = json.loads(_get(server + "/api/network/collaboration/summary")[2])
    assert data["cross_district"]["overall_ei"] == pytest.approx(0.5)


def test_exports(server: str, tmp_path) -> None:
    status, headers, body = _get(server + "/api/network/collaboration/export.gexf")
    assert status == 200 and b'version="1.3"' in body
    path = tmp_path / "n.gexf"
    path.write_bytes(body)
    assert nx.read_gexf(path, version="1.3").number_of_edges() == 6
    status, headers, body = _get(server + "/api/network/region-region/export.json")
    assert status == 200 and headers.get("Access-Control-Allow-Origin") == "*"
    assert len(json.loads(body)["network"]["items"]) == 4
    status, _, body = _get(server + "/api/network/collaboration/export.edges.csv")
    assert status == 200 and body.startswith("\ufeff".encode())


@pytest.mark.parametrize(
    ("path", "status", "fragment"),
    [
        ("/api/network/people", 404, "unknown network 'people'"),
        ("/api/network/collaboration/metrics?metric=closeness", 400, "unknown metric 'closeness'"),
        ("/api/network/collaboration?district=nowhere", 404, "matches district=nowhere"),
        ("/api/network/collaboration/export.pajek", 400, "unknown export format"),
        ("/api/network/collaboration/metrics?top=many", 400, "not a whole number"),
    ],
)
def test_errors_are_json(server: str, path: str, status: int, fragment: str) -> None:
    got, headers, body = _get(server + path)
    assert got == status and headers["Content-Type"].startswith("application/json")
    assert fragment in json.loads(body)["description"]


def test_empty_store_is_404(tmp_path) -> None:
    from stikg.graph.store import LocalStore

    LocalStore(tmp_path / "empty").close()
    with running_server(tmp_path / "empty") as base:
        status, _, body = _get(base + "/api/network/collaboration")
    assert status == 404 and "is empty in this store" in json.loads(body)["description"]
