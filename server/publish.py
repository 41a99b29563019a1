"""Blueprint for publishing: DCAT description and dumps (being built)."""

from __future__ import annotations

from flask import Blueprint

__all__ = ["bp"]

bp = Blueprint("publish", __name__)
