"""Plan metadata: the document node itself (type, title, source file, text)."""

from __future__ import annotations

from stikg.graph.vocab import DCTERMS, STIKG
from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document
from stikg.loaders.rdf import GraphBuilder, lit

__all__ = ["extract"]


def extract(doc: Document, ctx: ExtractionContext, out: GraphBuilder) -> None:
    out.add_type(out.document, STIKG.PolicyDocument)
    out.add(out.document, STIKG.sourceFile, lit(doc.source))
    out.add(out.document, STIKG.text, lit(doc.text))
    first_line = next((line.strip() for line in doc.text.splitlines() if line.strip()), doc.source)
    out.add(out.document, DCTERMS.title, lit(first_line, lang="zh"))
