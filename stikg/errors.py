"""One error hierarchy for the whole project.

Every error a user can cause or meet is one of these; the CLI maps them to exit
codes (``stikg.cli``) and the server to HTTP statuses (``stikg.server.errors``)::

    StikgError                      exit 2, HTTP 500 unless a subclass says otherwise
    ├── UsageError                  exit 2, HTTP 400   wrong option, unknown format, bad parameter
    │   └── NotFoundError           exit 2, HTTP 404   a file, graph, entity or network that does not exist
    ├── InvalidDataError            exit 1, HTTP 400   the data itself is wrong
    │   ├── DocumentError           a document cannot be read (empty, corrupt, encoding, format)
    │   ├── QuerySyntaxError        SPARQL that does not parse (message carries line:column)
    │   └── ShapeViolationError     SHACL validation failed
    ├── StoreError                  exit 2, HTTP 503   the store cannot be opened or written
    │   ├── StoreLockedError        another process holds the store
    │   └── RemoteStoreError        a remote SPARQL store is down, refuses, or errs
    ├── QueryTimeoutError           exit 2, HTTP 503   a query ran past its deadline
    └── AuthError                   exit 2, HTTP 401   a write without the operator's token
"""

from __future__ import annotations

__all__ = [
    "AuthError",
    "DocumentError",
    "InvalidDataError",
    "NotFoundError",
    "QuerySyntaxError",
    "QueryTimeoutError",
    "RemoteStoreError",
    "ShapeViolationError",
    "StikgError",
    "StoreError",
    "StoreLockedError",
    "UsageError",
]


class StikgError(Exception):
    """Base of every error stikg raises on purpose."""

    exit_code = 2
    http_status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(StikgError):
    http_status = 400


class NotFoundError(UsageError):
    http_status = 404


class InvalidDataError(StikgError):
    exit_code = 1
    http_status = 400


class DocumentError(InvalidDataError):
    """A document that cannot be read; the message starts with the file name."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class QuerySyntaxError(InvalidDataError):
    """SPARQL that does not parse; ``line`` and ``column`` are 1-based when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


class ShapeViolationError(InvalidDataError):
    pass


class StoreError(StikgError):
    http_status = 503


class StoreLockedError(StoreError):
    pass


class RemoteStoreError(StoreError):
    pass


class QueryTimeoutError(StikgError):
    http_status = 503


class AuthError(StikgError):
    http_status = 401
