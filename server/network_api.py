"""Blueprint for network_api (being built)."""

from __future__ import annotations

from flask import Blueprint

__all__ = ["bp"]

bp = Blueprint("network_api", __name__)
