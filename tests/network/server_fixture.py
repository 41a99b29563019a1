"""Start the real server on a free loopback port for the API and browser tests.

Uses `python -m stikg serve` when the server's serve.py exists; until then (stopgap) the
Flask app from create_app in a werkzeug server thread.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not start")


@contextmanager
def running_server(store: Path) -> Iterator[str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    if importlib.util.find_spec("stikg.server.serve") is not None:
        proc = subprocess.Popen(
            [sys.executable, "-m", "stikg", "serve", "--store", str(store), "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "STIKG_WORKERS": "1"},
        )
        try:
            _wait(base + "/health")
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=20)
        return
    from werkzeug.serving import make_server

    from stikg.server.app import create_app

    server = make_server("127.0.0.1", port, create_app({"STORE": str(store)}), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        _wait(base + "/health")
        yield base
    finally:
        server.shutdown()
        thread.join(10)
