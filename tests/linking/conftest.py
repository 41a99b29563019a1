"""Real ``stikg serve`` processes on loopback for the linking tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(store: Path, port: int, log: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """``python -m stikg serve`` on 127.0.0.1:port until the block ends; yields its base URL."""
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "stikg", "serve", "--store", str(store), "--port", str(port), "--workers", "1"],
            stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"server exited with {proc.returncode}: {log.read_text(errors='replace')}")
                try:
                    if requests.get(f"{url}/health", timeout=2).status_code == 200:
                        break
                except requests.ConnectionError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"server did not start: {log.read_text(errors='replace')}")
                time.sleep(0.2)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


@pytest.fixture(scope="session")
def server_url(built_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One server over the built corpus for the whole session."""
    log = tmp_path_factory.mktemp("server") / "serve.log"
    with running_server(built_store_path, free_port(), log) as url:
        yield url
