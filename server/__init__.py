"""The HTTP service: SPARQL protocol, web UI, linked-data pages (Flask app factory)."""

__all__: list[str] = []
