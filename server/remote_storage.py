"""The server's view of a remote SPARQL store (``stikg serve --store http://…``).

The twin of ``SharedStore`` (same ``path``, ``generation()``, ``reading()``,
``writing()``) for a store that lives in another server: there are no files to lock
and the store orders concurrent requests itself, so each worker process only keeps
one ``RemoteStore`` per thread (its HTTP keep-alive session), made after the fork.

A process cannot see writes made through another process or straight to the store,
so ``generation()`` is a time bucket (``STIKG_REMOTE_CACHE_SECONDS``, default 5) plus
this process's own write count: cached answers live at most that long, and a write
through this process drops its cache at once (docs/deployment.md).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from stikg.errors import UsageError
from stikg.graph.remote import RemoteStore

__all__ = ["DEFAULT_CACHE_SECONDS", "RemoteSharedStore", "is_remote"]

DEFAULT_CACHE_SECONDS = 5.0


def is_remote(location: str) -> bool:
    return str(location).startswith(("http://", "https://"))


class RemoteSharedStore:
    """Per-process, per-thread handles on one remote store; answers cached for a bounded time."""

    def __init__(self, url: str, *, cache_seconds: float | str | None = None) -> None:
        self.path = url
        self.location = url
        try:
            seconds = float(cache_seconds if cache_seconds not in (None, "") else DEFAULT_CACHE_SECONDS)
        except (TypeError, ValueError):
            seconds = -1.0
        if seconds <= 0:
            raise UsageError(f"STIKG_REMOTE_CACHE_SECONDS must be a number of seconds > 0, got {cache_seconds!r}")
        self.cache_seconds = seconds
        self._local = threading.local()
        self._writes = 0
        self._write_lock = threading.Lock()

    def generation(self) -> tuple[int, int]:
        """(time bucket, writes made through this process): a change drops the answer cache."""
        return (int(time.monotonic() // self.cache_seconds), self._writes)

    def _handle(self) -> RemoteStore:
        """This thread's store, opened (and checked) on first use in this process."""
        pid = os.getpid()
        if getattr(self._local, "pid", None) != pid:
            self._local.store = RemoteStore.from_url(self.path)
            self._local.pid = pid
        return self._local.store

    @contextmanager
    def reading(self) -> Iterator[RemoteStore]:
        yield self._handle()

    @contextmanager
    def writing(self) -> Iterator[RemoteStore]:
        """One write at a time from this process; the cache is dropped afterwards, even on failure."""
        with self._write_lock:
            try:
                yield self._handle()
            finally:
                self._writes += 1
