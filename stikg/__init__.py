"""stikg: a knowledge graph and SPARQL service for regional S&T innovation policy.

Sub-packages (mapped from the top-level folders by pyproject.toml):
``stikg.graph`` (store, vocabulary, IRIs, network analysis), ``stikg.loaders``
(documents to RDF), ``stikg.server`` (SPARQL endpoint and web UI), ``stikg.ontology``
and ``stikg.queries`` (package data).
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
