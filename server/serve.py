"""``stikg serve``: the Flask app under gunicorn (never Flask's development server).

gthread worker processes (keep-alive connections, STIKG_THREADS request threads each),
each process with its own read-only store handle (``SharedStore``). Queries run in the
request thread; a watchdog thread per worker (``stikg.server.watchdog``) answers 503 when
one overruns STIKG_QUERY_TIMEOUT, then ends the worker, taking the runaway query with it;
gunicorn forks a fresh one while the other workers keep serving. gunicorn's own
``timeout`` is a backstop well above the query timeout.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from gunicorn.app.base import BaseApplication

from stikg.errors import UsageError
from stikg.server import watchdog
from stikg.server.app import create_app
from stikg.server.deadline import retire_requested

__all__ = ["gunicorn_options", "run"]

DEFAULT_WORKERS = 4
DEFAULT_THREADS = 2  # per worker (STIKG_THREADS)


def _post_request(worker: Any, req: Any, environ: dict, resp: Any) -> None:
    if retire_requested():
        worker.log.warning("worker %s: a query overran its deadline; restarting this worker", os.getpid())
        worker.alive = False  # finish this response, then exit; the arbiter forks a fresh worker


def _post_fork(server: Any, worker: Any) -> None:
    watchdog.enable(worker)  # queries run in the request thread, deadlines kept by a watchdog


def _worker_exit(server: Any, worker: Any) -> None:
    if retire_requested():
        os._exit(0)  # do not wait for the runaway query thread during interpreter shutdown


def gunicorn_options(host: str, port: int, workers: int, query_timeout: float, threads: int = 2) -> dict[str, Any]:
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",  # keeps connections alive (sync closes each one); threads share a store handle
        "threads": threads,
        "timeout": int(query_timeout) + 30,
        "graceful_timeout": 10,
        "keepalive": 5,
        "limit_request_line": 0,  # long GET queries: our own cap (STIKG_MAX_REQUEST_BYTES) answers 413
        "accesslog": None,  # stikg.server.access logs method, path, status and latency
        "errorlog": "-",
        "loglevel": "info",
        "post_request": _post_request,
        "post_fork": _post_fork,
        "worker_exit": _worker_exit,
        "proc_name": "stikg-serve",
    }


class _Application(BaseApplication):
    def __init__(self, app: Any, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return self.application


def run(store_location: str, *, host: str, port: int, workers: int | None) -> None:
    """Serve the store at ``store_location`` on ``host:port`` until interrupted."""
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be at least 1, got {workers}")
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(name)s %(message)s")
    app = create_app({"STORE": store_location})
    count = workers or int(app.config.get("WORKERS") or DEFAULT_WORKERS)
    threads = _threads(app.config.get("THREADS"))
    timeout = app.extensions["stikg"].settings.query_timeout
    print(f"stikg: serving {store_location} at http://{host}:{port}/ with {count} workers × {threads} threads",
          file=sys.stderr)
    _Application(app, gunicorn_options(host, port, count, timeout, threads)).run()


def _threads(value: Any) -> int:
    try:
        threads = int(value or DEFAULT_THREADS)
    except (TypeError, ValueError):
        threads = 0
    if threads < 1:
        raise UsageError(f"STIKG_THREADS must be a whole number >= 1, got {value!r}")
    return threads
