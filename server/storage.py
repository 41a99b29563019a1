"""Many reader processes and an occasional writer on one pyoxigraph store folder.

pyoxigraph 0.5 gives one process an exclusive read-write handle (RocksDB's ``LOCK``)
but lets any number open ``Store.read_only``; reading while another process writes is
undefined behaviour. So every worker process keeps a read-only handle and the
processes coordinate through two ``flock`` files and a counter in the store folder:

- ``stikg-serve.lock``: readers hold it shared while they query, a writer exclusive;
- ``stikg-serve.gate``: taken briefly by readers and held by a waiting writer, so a
  stream of readers cannot starve a writer;
- ``stikg-generation``: replaced (new inode) after every write. A reader compares its
  ``stat`` with the one its handle was opened at and re-opens when it changed, because
  a read-only handle only sees the data as it was when opened.

A writer opens the store read-write only for the write, flushes and closes it, then
bumps the generation. Locks are released by the kernel when a process dies, so a
worker killed over a runaway query never leaves the store locked.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from stikg.errors import NotFoundError, StoreError
from stikg.graph.store import LocalStore

__all__ = ["SharedStore"]

LOCK_NAME = "stikg-serve.lock"
GATE_NAME = "stikg-serve.gate"
GENERATION_NAME = "stikg-generation"


def _acquire(fd: int, mode: int, deadline: float, what: str) -> None:
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise StoreError(f"the store is busy ({what}); retry in a few seconds") from None
            time.sleep(0.005)


class SharedStore:
    """The per-process view of a store folder shared by every worker of one server."""

    def __init__(self, path: str | Path, *, wait_seconds: float = 30.0) -> None:
        self.path = Path(path)
        if not (self.path / "CURRENT").is_file():
            raise NotFoundError(f"no store at {self.path}: run `stikg build --store {self.path}` first")
        self.wait_seconds = wait_seconds
        self._mutex = threading.Lock()
        self._pid = -1
        self._readers = 0
        self._store: LocalStore | None = None
        self._opened_at: tuple[int, int] | None = None
        self._lock_fd = self._gate_fd = -1

    # --- generation -------------------------------------------------------------
    def generation(self) -> tuple[int, int]:
        """A cheap signature of the last write: (inode, mtime) of the generation file."""
        try:
            st = os.stat(self.path / GENERATION_NAME)
        except FileNotFoundError:
            return (0, 0)
        return (st.st_ino, st.st_mtime_ns)

    def _bump_generation(self) -> None:
        target = self.path / GENERATION_NAME
        try:
            count = int(target.read_text() or 0) + 1
        except (FileNotFoundError, ValueError):
            count = 1
        tmp = target.with_name(f"{GENERATION_NAME}.{os.getpid()}.tmp")
        tmp.write_text(str(count))
        os.replace(tmp, target)

    # --- per-process file descriptors ---------------------------------------------
    def _fds(self) -> tuple[int, int]:
        """Lock files opened by this process (an inherited descriptor would share its locks)."""
        if self._pid != os.getpid():
            self._pid = os.getpid()
            self._readers = 0
            self._store = None
            try:
                flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC
                self._lock_fd = os.open(self.path / LOCK_NAME, flags, 0o644)
                self._gate_fd = os.open(self.path / GATE_NAME, flags, 0o644)
            except OSError as error:
                raise StoreError(f"cannot create lock files in {self.path}: {error}") from error
        return self._lock_fd, self._gate_fd

    # --- reading ------------------------------------------------------------------
    @contextmanager
    def reading(self) -> Iterator[LocalStore]:
        """A read-only handle that no writer changes while the block runs."""
        with self._mutex:
            lock_fd, gate_fd = self._fds()
            if self._readers == 0:
                deadline = time.monotonic() + self.wait_seconds
                _acquire(gate_fd, fcntl.LOCK_EX, deadline, "a write is waiting")
                try:
                    _acquire(lock_fd, fcntl.LOCK_SH, deadline, "a write is running")
                finally:
                    fcntl.flock(gate_fd, fcntl.LOCK_UN)
            self._readers += 1
            try:
                store = self._current()
            except BaseException:
                self._release_reader()
                raise
        try:
            yield store
        finally:
            with self._mutex:
                self._release_reader()

    def _release_reader(self) -> None:
        self._readers -= 1
        if self._readers == 0 and self._pid == os.getpid():
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    def _current(self) -> LocalStore:
        generation = self.generation()
        if self._store is None or generation != self._opened_at:
            self._store = LocalStore(self.path, read_only=True)  # the old handle closes when dropped
            self._opened_at = generation
        return self._store

    # --- writing ------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[LocalStore]:
        """A read-write handle, alone on the store; every reader re-opens afterwards."""
        with self._mutex:
            lock_fd, gate_fd = self._fds()
        deadline = time.monotonic() + self.wait_seconds
        _acquire(gate_fd, fcntl.LOCK_EX, deadline, "another write is running")
        try:
            _acquire(lock_fd, fcntl.LOCK_EX, deadline, "queries are still running")
            try:
                store = LocalStore(self.path)
                try:
                    yield store
                finally:
                    store.close()
                    self._bump_generation()
            finally:
                fcntl.flock(lock_fd, fcntl.LOCK_UN)
        finally:
            fcntl.flock(gate_fd, fcntl.LOCK_UN)
