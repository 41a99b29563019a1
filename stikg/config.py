"""Settings shared by the CLI, the loaders and the server.

Each setting has a default here and can be overridden by an environment variable
with the ``STIKG_`` prefix, so that one deployment file configures every process.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from stikg.errors import UsageError

__all__ = ["base_iri", "default_store_location", "iri_list"]

DEFAULT_BASE_IRI = "https://w3id.org/stikg/"
DEFAULT_STORE = "var/store"


@lru_cache(maxsize=1)
def base_iri() -> str:
    """The base under which every entity, document and graph IRI is minted.

    Changing it changes every IRI, so set it once per deployment (``STIKG_BASE_IRI``);
    it is read once per process (IRIs are minted in hot loops).
    """
    value = os.environ.get("STIKG_BASE_IRI", DEFAULT_BASE_IRI)
    return value if value.endswith(("/", "#")) else value + "/"


def default_store_location() -> str:
    """``STIKG_STORE`` or ``./var/store``: a folder path or an ``http(s)://`` SPARQL store URL."""
    return os.environ.get("STIKG_STORE", str(Path(DEFAULT_STORE)))


def iri_list(value: Any, key: str) -> list[str]:
    """A ``STIKG_<key>`` list setting: space- or comma-separated, or a JSON list."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except ValueError:
                raise UsageError(f"STIKG_{key}: {value!r} is not a JSON list") from None
        else:
            return [part for part in text.replace(",", " ").split() if part]
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return list(value)
    raise UsageError(f"STIKG_{key} must be a space- or comma-separated list of IRIs, got {value!r}")
