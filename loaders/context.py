"""State shared by the extractors: reference data for the whole build, aliases per document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from stikg.loaders.document import Document

if TYPE_CHECKING:
    from stikg.loaders.orgs import OrgInfo, OrgMatch

__all__ = ["ExtractionContext"]


@dataclass
class ExtractionContext:
    """Built once per build; ``start_document`` resets what is local to one document."""

    document: Document | None = None
    # per-document: short forms seen in this document -> canonical name (e.g. 中科大 -> 中国科学技术大学)
    aliases: dict[str, str] = field(default_factory=dict)
    # per-document: the governed region's canonical name, once metadata found it
    region: str | None = None
    # per-document (set by metadata): the document's class name (Plan, ActionPlan, PolicyMeasures,
    # WorkReport), its period (first, last year) and the year it was issued, if known
    doc_kind: str | None = None
    period: tuple[int, int] | None = None
    issued_year: int | None = None
    # per-document (set by institutions): organisations named, canonical name -> info, and every
    # mention in text order (collaborations and funding resolve participants through these)
    orgs: dict[str, OrgInfo] = field(default_factory=dict)
    org_mentions: list[OrgMatch] = field(default_factory=list)

    def start_document(self, doc: Document) -> None:
        self.document = doc
        self.aliases = {}
        self.region = None
        self.orgs = {}
        self.org_mentions = []
        self.doc_kind = None
        self.period = None
        self.issued_year = None
