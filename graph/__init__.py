"""The graph layer: the store, the vocabulary, entity IRIs and network analysis."""

__all__: list[str] = []
