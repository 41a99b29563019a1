"""Run a query under a deadline that really stops it.

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

__all__ = ["retire_requested", "run_with_deadline"]

log = logging.getLogger("stikg.server")
_retire = False
_lock = threading.Lock()
_helper: _Helper | None = None


class _Job:
    __slots__ = ("done", "error", "fn", "value")

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn
        self.done = threading.Event()
        self.value: Any = None
        self.error: BaseException | None = None


class _Helper(threading.Thread):
    """One daemon thread per process that runs queries one after the other."""

    def __init__(self) -> None:
        super().__init__(name="stikg-query", daemon=True)
        self.jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self.pid = os.getpid()
        self.busy = False

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            try:
                job.value = job.fn()
            except BaseException as error:  # handed to the waiting request thread, which re-raises it
                job.error = _detached(error)
            finally:
                job.done.set()


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


def _free_helper() -> _Helper:
    global _helper
    with _lock:
        if _helper is None or _helper.pid != os.getpid() or _helper.busy:
            _helper = _Helper()
            _helper.start()
        _helper.busy = True
        return _helper


def run_with_deadline(fn: Callable[[], Any], timeout: float, what: str = "query") -> Any:
    """``fn()`` in the helper thread; :class:`QueryTimeoutError` if it takes over ``timeout`` s."""
    global _retire
    helper = _free_helper()
    job = _Job(fn)
    helper.jobs.put(job)
    if not job.done.wait(timeout):
        _retire = True  # this helper stays busy for ever: never hand it another job
        raise QueryTimeoutError(
            f"the {what} ran longer than {timeout:g} s (STIKG_QUERY_TIMEOUT) and was stopped; "
            "no results were produced. Narrow it (more specific patterns, LIMIT) or ask the "
            "operator to raise STIKG_QUERY_TIMEOUT."
        )
    helper.busy = False
    if job.error is not None:
        raise job.error
    return job.value


def retire_requested() -> bool:
    """True once a query in this process overran its deadline (its thread is still running)."""
    return _retire
