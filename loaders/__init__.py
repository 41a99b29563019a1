"""Loaders: read policy documents, extract facts, and write them to the store as RDF."""

__all__: list[str] = []
