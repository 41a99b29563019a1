"""The HTTP service: SPARQL protocol, web UI, linked-data pages (Flask app factory)."""

from stikg.server.app import create_app

__all__ = ["create_app"]
