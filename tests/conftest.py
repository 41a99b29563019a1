"""Shared fixtures: real on-disk stores in temporary folders, nothing of pyoxigraph mocked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
