"""Run a query under a deadline that really stops it.

Under ``stikg serve`` the query runs in the request thread and a watchdog enforces the
deadline (``stikg.server.watchdog``). Elsewhere the helper-thread way below is used:
pyoxigraph cannot cancel a running query, but it releases the GIL while it works,
so the request thread can wait on a helper thread with a timeout. When the deadline
passes, the request answers 503 at once and the process asks to be retired: under
gunicorn the ``post_request`` hook (``stikg.server.serve``) then stops this worker
after the response, the runaway query dies with the process, and gunicorn starts a
fresh worker while the other workers keep answering.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from collections.abc import Callable
from typing import Any

from stikg.errors import QueryTimeoutError
from stikg.server import watchdog

__all__ = ["retire_requested", "run_with_deadline"]

log = logging.getLogger("stikg.server")
_retire = False
_lock = threading.Lock()
_idle: list[_Helper] = []  # helpers of this process waiting for a job (one per concurrent request)


class _Job:
    __slots__ = ("done", "error", "fn", "value")

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn
        self.done = threading.Lock()  # held until the job has run: a bare lock is the cheapest signal
        self.done.acquire()
        self.value: Any = None
        self.error: BaseException | None = None


class _Helper(threading.Thread):
    """A daemon thread that runs queries one after the other; reused while none overruns."""

    def __init__(self) -> None:
        super().__init__(name="stikg-query", daemon=True)
        self.jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self.pid = os.getpid()

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            try:
                job.value = job.fn()
            except BaseException as error:  # handed to the waiting request thread, which re-raises it
                job.error = _detached(error)
            finally:
                job.done.release()


def _detached(error: BaseException) -> BaseException:
    """``error`` without tracebacks: their frames hold pyoxigraph results, which must be
    freed in the thread that made them (pyo3 "unsendable"). Bugs are logged here first."""
    from werkzeug.exceptions import HTTPException

    from stikg.errors import StikgError

    if not isinstance(error, StikgError | HTTPException):
        log.error("error while running a query", exc_info=error)
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__
    error.__context__ = None if error.__suppress_context__ else error.__context__
    return error


def _take_helper() -> _Helper:
    """An idle helper of this process, or a new one (gthread workers run requests concurrently)."""
    pid = os.getpid()
    with _lock:
        while _idle:
            helper = _idle.pop()
            if helper.pid == pid:  # helpers inherited through fork() do not exist in the child
                return helper
    helper = _Helper()
    helper.start()
    return helper


def _timeout_message(what: str, timeout: float) -> str:
    return (
        f"the {what} ran longer than {timeout:g} s (STIKG_QUERY_TIMEOUT) and was stopped; "
        "no results were produced. Narrow it (more specific patterns, LIMIT) or ask the "
        "operator to raise STIKG_QUERY_TIMEOUT."
    )


def _client_socket() -> Any:
    from flask import has_request_context, request

    return request.environ.get("gunicorn.socket") if has_request_context() else None


def run_with_deadline(fn: Callable[[], Any], timeout: float, what: str = "query") -> Any:
    """``fn()`` under a deadline; :class:`QueryTimeoutError` (503) if it takes over ``timeout`` s.

    In a ``stikg serve`` worker ``fn`` runs in the request thread, watched by
    ``stikg.server.watchdog``; elsewhere (tests, other WSGI servers) in a helper thread."""
    sock = _client_socket() if watchdog.enabled() else None
    if sock is None:
        return _in_helper(fn, timeout, what)
    entry = watchdog.watch(sock, timeout, _timeout_message(what, timeout))
    try:
        value = fn()
    finally:
        answered = entry.finish()
    if answered:  # the watchdog has sent the 503 and is ending this process
        raise QueryTimeoutError(_timeout_message(what, timeout))
    return value


def _in_helper(fn: Callable[[], Any], timeout: float, what: str) -> Any:
    global _retire
    helper = _take_helper()
    job = _Job(fn)
    helper.jobs.put(job)
    if not job.done.acquire(timeout=timeout):
        _retire = True  # this helper stays busy for ever: it never goes back to the idle list
        raise QueryTimeoutError(_timeout_message(what, timeout))
    with _lock:
        _idle.append(helper)
    if job.error is not None:
        raise job.error
    return job.value


def retire_requested() -> bool:
    """True once a query in this process overran its deadline (its thread is still running)."""
    return _retire or watchdog.retiring()
