"""Real SPARQL stores on loopback: ``oxigraph serve`` always, Virtuoso when virtuoso-t is installed.

Each is started once per session in a temporary folder and stopped by its PID.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from tests.conftest import run_cli

OXIGRAPH = Path(sys.executable).with_name("oxigraph")
VIRTUOSO_INI = """[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
DirsAllowed = .
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = .
ServerThreads = 10
MaxClientConnections = 10
EnabledDavVSP = 0
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 0
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Remote:
    """A running store: its --store URL and the environment the CLI needs for it."""

    name: str
    url: str
    env: dict[str, str] = field(default_factory=dict)

    def open(self, **kwargs: object):
        from stikg.graph.remote import RemoteStore

        saved = {k: os.environ.get(k) for k in self.env}
        os.environ.update(self.env)
        try:
            return RemoteStore.from_url(self.url, **kwargs)  # type: ignore[arg-type]
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def _wait(url: str, proc: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"store exited with {proc.returncode}")
        try:
            if requests.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except requests.exceptions.ConnectionError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds}s")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.fixture(scope="session")
def oxigraph_remote(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    cmd = [str(OXIGRAPH), "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _wait(f"http://127.0.0.1:{port}/query", proc, 30)
        yield Remote("oxigraph", f"http://127.0.0.1:{port}")
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def virtuoso_remote(tmp_path_factory: pytest.TempPathFactory):
    if shutil.which("virtuoso-t") is None:
        pytest.skip("virtuoso-t is not installed (scripts/install-system-deps.sh installs it)")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port, sql_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(sql_port=sql_port, http_port=http_port))
    cmd = ["virtuoso-t", "+foreground", "+configfile", "virtuoso.ini"]
    proc = subprocess.Popen(cmd, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{http_port}"
    try:
        _wait(f"{base}/sparql", proc, 90)
        env = {
            "STIKG_UPDATE_URL": f"{base}/sparql-auth",
            "STIKG_GSP_URL": f"{base}/sparql-graph-crud-auth",
            "STIKG_STORE_USER": "dba",
            "STIKG_STORE_PASSWORD": "dba",
            "STIKG_STORE_AUTH": "digest",
        }
        yield Remote("virtuoso", f"{base}/sparql", env)
    finally:
        _stop(proc)


@pytest.fixture(scope="session", params=["oxigraph", pytest.param("virtuoso", marks=pytest.mark.virtuoso)])
def remote(request: pytest.FixtureRequest) -> Remote:
    return request.getfixturevalue(f"{request.param}_remote")


@pytest.fixture(scope="session")
def built_remote(remote: Remote) -> Remote:
    """The remote store built from the built-in corpus by the real ``stikg build --store URL``."""
    result = run_cli("build", "--store", remote.url, "--quiet", env=remote.env)
    assert result.returncode == 0, result.stderr
    return remote
