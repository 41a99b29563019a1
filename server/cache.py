"""A per-process cache of query answers, dropped whenever the data changes.

Keyed by everything that shapes an answer (query text, protocol dataset, format);
valid for one store generation (``SharedStore.generation``), so a write through
/update or /store empties it in every worker at their next request. Answers of
volatile queries (NOW(), RAND(), SERVICE) are never stored.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from stikg.server.answer import Answer

__all__ = ["AnswerCache"]


class AnswerCache:
    """LRU of answers bounded by total bytes; ``max_bytes=0`` disables it."""

    def __init__(self, max_bytes: int, max_entry_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.max_entry_bytes = min(max_entry_bytes, max_bytes)
        self._entries: OrderedDict[Hashable, Answer] = OrderedDict()
        self._size = 0
        self._generation: object = None
        self._lock = threading.Lock()

    def get(self, key: Hashable, generation: object) -> Answer | None:
        if not self.max_bytes:
            return None
        with self._lock:
            if generation != self._generation:
                self._entries.clear()
                self._size = 0
                self._generation = generation
                return None
            answer = self._entries.get(key)
            if answer is not None:
                self._entries.move_to_end(key)
            return answer

    def put(self, key: Hashable, generation: object, answer: Answer) -> None:
        size = len(answer.body)
        if not self.max_bytes or size > self.max_entry_bytes:
            return
        with self._lock:
            if generation != self._generation:
                return
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= len(old.body)
            self._entries[key] = answer
            self._size += size
            while self._size > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped.body)
