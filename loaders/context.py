"""State shared by the extractors: reference data for the whole build, aliases per document."""

from __future__ import annotations

from dataclasses import dataclass, field

from stikg.loaders.document import Document

__all__ = ["ExtractionContext"]


@dataclass
class ExtractionContext:
    """Built once per build; ``start_document`` resets what is local to one document."""

    document: Document | None = None
    # per-document: short forms seen in this document -> canonical name (e.g. 中科大 -> 中国科学技术大学)
    aliases: dict[str, str] = field(default_factory=dict)
    # per-document: the governed region's canonical name, once metadata found it
    region: str | None = None

    def start_document(self, doc: Document) -> None:
        self.document = doc
        self.aliases = {}
        self.region = None
