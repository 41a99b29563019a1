"""Blueprint for reconcile (being built)."""

from __future__ import annotations

from flask import Blueprint

__all__ = ["bp"]

bp = Blueprint("reconcile", __name__)
