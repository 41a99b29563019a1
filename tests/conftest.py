"""Shared fixtures: real on-disk stores in temporary folders, nothing of pyoxigraph mocked."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest

from stikg.graph.store import LocalStore
from stikg.loaders.pipeline import build

REPO = Path(__file__).resolve().parent.parent


def build_store(path: Path, sources: list[Path] | None = None) -> None:
    """Build the graph at ``path`` the way ``stikg build`` does."""
    with LocalStore(path) as store:
        report = build(store, sources)
    assert report.ok, report.failed


@pytest.fixture(scope="session")
def built_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once per session from the built-in corpus (treat it as read-only)."""
    path = tmp_path_factory.mktemp("built") / "store"
    build_store(path)
    return path


@pytest.fixture(scope="session")
def built_store(built_store_path: Path):
    store = LocalStore(built_store_path, read_only=True)
    yield store


@pytest.fixture()
def store(tmp_path: Path):
    s = LocalStore(tmp_path / "store")
    yield s
    s.close()


def run_cli(*args: str, input: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real ``stikg`` command in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "stikg", *args],
        input=input,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def wait_until_healthy(url: str, process: subprocess.Popen, log: IO[str], what: str, seconds: float = 30) -> None:
    """Wait for ``url``/health to answer 200; fail the test with the server's log if it exits or never does."""
    import requests

    deadline = time.monotonic() + seconds
    while True:
        try:
            if requests.get(url + "/health", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            pytest.fail(f"{what} did not start:\n{log.read()}")
        time.sleep(0.2)
