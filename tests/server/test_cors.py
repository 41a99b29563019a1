"""CORS on every read endpoint, and never an open door for writes."""

from __future__ import annotations

import pytest

from tests.server.conftest import SAMPLE_GRAPH, TOKEN

ORIGIN = {"Origin": "https://example.org"}


@pytest.mark.parametrize(
    "url",
    ["/sparql?query=ASK%7B%7D", f"/store?graph={SAMPLE_GRAPH}", "/reconcile", "/dataset",
     "/api/queries", "/api/indicators", "/.well-known/void", "/health"],
)
def test_read_endpoints_allow_any_origin(client, url):
    answer = client.get(url, headers=ORIGIN)
    assert answer.status_code == 200, (url, answer.get_data(as_text=True)[:200])
    assert answer.headers.get("Access-Control-Allow-Origin") in ("*", ORIGIN["Origin"])
    assert "X-SPARQL-MaxRows" in answer.headers.get("Access-Control-Expose-Headers", "")


def test_downloads_allow_any_origin(client):
    from stikg.server.publish import DOWNLOADS

    name = next(iter(DOWNLOADS))
    with client.get(f"/download/{name}", headers=ORIGIN) as answer:
        assert answer.status_code == 200
        assert answer.headers.get("Access-Control-Allow-Origin") in ("*", ORIGIN["Origin"])


def test_store_preflight_allows_reading_not_writing(client):
    def preflight(method: str):
        return client.options(f"/store?graph={SAMPLE_GRAPH}", headers={
            **ORIGIN, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": "authorization"})

    assert "GET" in preflight("GET").headers.get("Access-Control-Allow-Methods", "")
    for method in ("PUT", "DELETE", "POST"):
        assert "Access-Control-Allow-Methods" not in preflight(method).headers


def test_update_has_no_cors(client):
    answer = client.post("/update", data={"update": "CLEAR SILENT GRAPH <urn:x>"},
                         headers={**ORIGIN, "Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 204
    assert "Access-Control-Allow-Origin" not in answer.headers
