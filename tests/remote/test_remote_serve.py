"""``stikg serve --store http://…``: the real server (gunicorn) in front of a real Oxigraph server."""

from __future__ import annotations

import importlib.resources
import os
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest
import requests

from tests.conftest import run_cli, wait_until_healthy
from tests.remote.conftest import Remote, _stop, free_port
from tests.remote.test_remote_queries import boolean_columns, norm_rows

TOKEN = "remote-serve-token"
GRAPH = "https://w3id.org/stikg/graph/remote-serve-test"


@pytest.fixture(scope="module")
def served(oxigraph_remote: Remote, tmp_path_factory: pytest.TempPathFactory):
    """The built Oxigraph server behind ``stikg serve`` (1 worker, answers cached for 1 s)."""
    with oxigraph_remote.open() as store:
        if not store.named_graphs():
            result = run_cli("build", "--store", oxigraph_remote.url, "--quiet", env=oxigraph_remote.env)
            assert result.returncode == 0, result.stderr
    port = free_port()
    env = {**oxigraph_remote.env, "STIKG_UPDATE_TOKEN": TOKEN, "STIKG_REMOTE_CACHE_SECONDS": "1"}
    log = open(tmp_path_factory.mktemp("serve-log") / "server.log", "w+")  # noqa: SIM115
    cmd = [sys.executable, "-m", "stikg", "serve", "--store", oxigraph_remote.url, "--port", str(port), "--workers", "1"]
    process = subprocess.Popen(cmd, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, log, f"stikg serve --store {oxigraph_remote.url}")
        yield url, oxigraph_remote
    finally:
        _stop(process)
        log.close()


def _sparql_rows(url: str, text: str) -> list[dict]:
    response = requests.post(
        url + "/sparql", data={"query": text}, headers={"Accept": "application/sparql-results+json"}, timeout=60
    )
    assert response.status_code == 200, response.text[:500]
    results = ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
    return [{v.value: s[v] for v in results.variables if s[v] is not None} for s in results]


def test_served_library_query_matches_embedded_store(served, built_store) -> None:
    url, _ = served
    text = (importlib.resources.files("stikg.queries") / "institutions.rq").read_text(encoding="utf-8")
    embedded = built_store.select(text)
    booleans = boolean_columns(embedded)
    assert embedded
    assert norm_rows(_sparql_rows(url, text), booleans) == norm_rows(embedded, booleans)


def test_served_update_writes_through_to_the_remote_store(served) -> None:
    url, remote = served
    ask = f"ASK {{ GRAPH <{GRAPH}> {{ <urn:x:s> <urn:x:p> \"remote\" }} }}"
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}"
    assert _sparql_rows(url, count)[0]["n"].value == "0"  # cached now
    refused = requests.post(url + "/update", data={"update": "CLEAR ALL"}, timeout=30)
    assert refused.status_code in (401, 403)
    insert = f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <urn:x:s> <urn:x:p> \"remote\" }} }}"
    response = requests.post(
        url + "/update", data={"update": insert}, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30
    )
    try:
        assert response.status_code == 204, response.text[:500]
        with remote.open(read_only=True) as store:
            assert store.ask(ask)  # in the remote store itself
        assert _sparql_rows(url, count)[0]["n"].value == "1"  # this process dropped its cache
    finally:
        with remote.open() as store:
            store.update(f"DROP SILENT GRAPH <{GRAPH}>")
    time.sleep(1.1)  # another process's write shows after STIKG_REMOTE_CACHE_SECONDS
    assert _sparql_rows(url, count)[0]["n"].value == "0"
