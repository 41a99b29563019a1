"""Deadlines for queries run in the request thread itself (gunicorn workers only).

Handing every query to a helper thread and waiting for it (``stikg.server.deadline``)
costs two thread wake-ups per request, which on a busy 2-core machine is a large
part of a cheap query's time. Under ``stikg serve`` the query therefore runs in the
request thread, and one watchdog thread per worker process checks the deadlines a few
times a second. When a query overruns, the watchdog writes the 503 answer straight to
the client's socket (gunicorn puts it in the WSGI environ), stops the worker from
accepting, waits for the worker's other queries to finish, and ends the process: the
runaway query dies with it and gunicorn forks a fresh worker.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from typing import Any

__all__ = ["Watch", "enable", "enabled", "retiring", "watch"]

log = logging.getLogger("stikg.server")
TICK = 0.1  # seconds between deadline checks
_lock = threading.Lock()
_watches: set[Watch] = set()
_worker: Any = None  # the gunicorn worker of this process, once enable() ran
_thread: threading.Thread | None = None
_retiring = False


class Watch:
    """One query under a deadline; ``finish()`` tells whether the watchdog already answered."""

    __slots__ = ("deadline", "description", "done", "expired", "sock")

    def __init__(self, sock: socket.socket, timeout: float, description: str) -> None:
        self.sock = sock
        self.deadline = time.monotonic() + timeout
        self.description = description
        self.done = self.expired = False

    def finish(self) -> bool:
        with _lock:
            self.done = True
            _watches.discard(self)
            return self.expired


def enable(worker: Any) -> None:
    """Run queries inline in this gunicorn worker process (``post_fork`` hook)."""
    global _worker, _thread
    _worker = worker
    _thread = threading.Thread(target=_run, name="stikg-watchdog", daemon=True)
    _thread.start()


def enabled() -> bool:
    return _worker is not None and _thread is not None and _thread.is_alive()


def retiring() -> bool:
    """True once a query of this process overran: the process is on its way out."""
    return _retiring


def watch(sock: socket.socket, timeout: float, description: str) -> Watch:
    entry = Watch(sock, timeout, description)
    with _lock:
        _watches.add(entry)
    return entry


def _run() -> None:
    while True:
        time.sleep(TICK)
        now = time.monotonic()
        with _lock:
            due = [w for w in _watches if w.deadline <= now and not w.done]
            for entry in due:
                entry.expired = True
                _watches.discard(entry)
        if due:
            for entry in due:
                _answer_503(entry)
            _retire()


def _answer_503(entry: Watch) -> None:
    body = json.dumps({"code": 503, "name": "Query Timeout", "description": entry.description},
                      ensure_ascii=False).encode()
    head = (
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    try:
        entry.sock.sendall(head + body)
        entry.sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # the client has gone; the process is retired all the same


def _retire() -> None:
    """Stop accepting, let the other queries of this worker finish (at most 10 s), then exit."""
    global _retiring
    _retiring = True
    log.warning("worker %s: a query overran its deadline; restarting this worker", os.getpid())
    _worker.alive = False
    limit = time.monotonic() + 10
    while time.monotonic() < limit:
        with _lock:
            if not _watches:
                break
        time.sleep(TICK)
    time.sleep(TICK)  # let a finished request's answer leave the socket
    os._exit(0)
