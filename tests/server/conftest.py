"""Fixtures for the server tests: a private copy of the built store, the app, a live server.

The live server is the real thing: ``python -m stikg serve`` (gunicorn, 2 workers) on a
free loopback port, with a low query timeout and an update token, torn down by PID.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from stikg.graph.store import LocalStore
from stikg.server import create_app
from tests.conftest import wait_until_healthy

TOKEN = "test-token-1234"
LIVE_TIMEOUT = 3  # STIKG_QUERY_TIMEOUT of the live server, seconds
LIVE_MAX_ROWS = 500


SAMPLE = Path(__file__).with_name("sample.trig")
SAMPLE_GRAPH = "https://w3id.org/stikg/graph/servertest-doc"
OBSERVATIONS = Path(__file__).with_name("observations.trig")  # indicator values for /compare
OBSERVATIONS_GRAPH = "https://w3id.org/stikg/graph/servertest-obs"
INDICATOR = "https://w3id.org/stikg/id/indicator/ceshi-zhibiao-0000aa"
ENTITY = "https://w3id.org/stikg/id/org/ceshi-shiyanshi-000001"


def copy_store(source: Path, target: Path) -> Path:
    """A private copy of the built store, plus the sample graphs (sample.trig, observations.trig)."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("LOCK", "stikg-*"))
    with LocalStore(target) as store:
        for path, graph in ((SAMPLE, SAMPLE_GRAPH), (OBSERVATIONS, OBSERVATIONS_GRAPH)):
            store.replace_graph(graph, list(ox.parse(path=str(path), format=ox.RdfFormat.TRIG)))
    return target


@pytest.fixture()
def store_copy(built_store_path: Path, tmp_path: Path) -> Path:
    return copy_store(built_store_path, tmp_path / "store")


@pytest.fixture()
def app(store_copy: Path):
    return create_app({"STORE": str(store_copy), "UPDATE_TOKEN": TOKEN, "MAX_ROWS": 1000, "QUERY_TIMEOUT": 20})


@pytest.fixture()
def client(app):
    return app.test_client()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    def __init__(self, process: subprocess.Popen, url: str, store: Path) -> None:
        self.process = process
        self.url = url
        self.store = store

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(p) for p in children.read_text().split()] if children.exists() else []


@pytest.fixture(scope="module")
def live(built_store_path: Path, tmp_path_factory: pytest.TempPathFactory):
    store = copy_store(built_store_path, tmp_path_factory.mktemp("live") / "store")
    port = _free_port()
    env = {
        **os.environ,
        "STIKG_QUERY_TIMEOUT": str(LIVE_TIMEOUT),
        "STIKG_UPDATE_TOKEN": TOKEN,
        "STIKG_MAX_ROWS": str(LIVE_MAX_ROWS),
    }
    log = open(tmp_path_factory.mktemp("live-log") / "server.log", "w+")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-m", "stikg", "serve", "--store", str(store), "--port", str(port), "--workers", "2"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_healthy(url, process, log, "stikg serve")
    yield LiveServer(process, url, store)
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()

