"""Server settings: defaults, overridden by ``STIKG_*`` environment variables, then by the caller.

Flask's ``from_prefixed_env`` parses values as JSON where it can (``STIKG_MAX_ROWS=500``
is the int 500, ``STIKG_UPDATE_TOKEN=1234`` too), so every value is normalised and
checked here once, with a message that names the variable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from stikg.config import default_store_location, iri_list
from stikg.errors import UsageError

__all__ = ["DEFAULTS", "Settings"]

DEFAULTS: dict[str, Any] = {
    "STORE": None,  # default_store_location() at app creation
    "QUERY_TIMEOUT": 30,  # seconds
    "UPDATE_TOKEN": None,  # writing is disabled without one
    "MAX_ROWS": 100_000,
    "MAX_REQUEST_BYTES": 10 * 1024 * 1024,
    "SERVICE_ALLOWLIST": [],  # federated SERVICE endpoints; none by default
    "CORS_ORIGINS": "*",
    "WORKERS": None,
    "THREADS": None,  # request threads per worker (gthread); stikg serve defaults to 2
    "CACHE_BYTES": 64 * 1024 * 1024,  # answer cache per worker; 0 disables it
    "CACHE_ENTRY_BYTES": 4 * 1024 * 1024,
}


def _number(config: Mapping[str, Any], key: str, kind: type, minimum: float) -> Any:
    value = config.get(key)
    try:
        number = kind(value)
    except (TypeError, ValueError):
        number = None
    if number is None or number < minimum:
        raise UsageError(f"STIKG_{key} must be a number >= {minimum:g}, got {value!r}")
    return number


def _list(value: Any, key: str) -> list[str]:
    return iri_list(value, key)


@dataclass(frozen=True)
class Settings:
    store: str
    query_timeout: float
    update_token: str | None
    max_rows: int
    max_request_bytes: int
    service_allowlist: list[str]
    cors_origins: list[str] | str
    cache_bytes: int
    cache_entry_bytes: int

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Settings:
        token = config.get("UPDATE_TOKEN")
        cors = config.get("CORS_ORIGINS")
        origins = "*" if cors in (None, "*") else _list(cors, "CORS_ORIGINS")
        return cls(
            store=str(config.get("STORE") or default_store_location()),
            query_timeout=_number(config, "QUERY_TIMEOUT", float, 0.01),
            update_token=None if token in (None, "") else str(token),
            max_rows=_number(config, "MAX_ROWS", int, 1),
            max_request_bytes=_number(config, "MAX_REQUEST_BYTES", int, 1024),
            service_allowlist=_list(config.get("SERVICE_ALLOWLIST"), "SERVICE_ALLOWLIST"),
            cors_origins=origins,
            cache_bytes=_number(config, "CACHE_BYTES", int, 0),
            cache_entry_bytes=_number(config, "CACHE_ENTRY_BYTES", int, 0),
        )
