"""Score extracted indicator values and funding amounts against hand annotations (exact P/R)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document
from stikg.loaders.extract import metadata
from stikg.loaders.extract.funding import funding_facts
from stikg.loaders.extract.indicators import observations
from stikg.loaders.indicator_catalog import match_indicator
from stikg.loaders.rdf import GraphBuilder
from stikg.loaders.readers import read_document

from .tab_tables import with_tables


def load(path: Path) -> tuple[Document, ExtractionContext]:
    doc = with_tables(read_document(path))
    ctx = ExtractionContext()
    ctx.start_document(doc)
    metadata.extract(doc, ctx, GraphBuilder(doc))
    return doc, ctx


def score_indicators(doc: Document, ctx: ExtractionContext, gold: list[list]) -> tuple[int, int, int]:
    """(true positives, predicted, gold): a value matches on region, year, value, status and a keyword."""
    predicted = observations(doc, ctx)
    keyed = [((o.region, o.year, Decimal(o.value).normalize(), o.status), o.wording + match_indicator(o.wording, o.unit).canonical)
             for o in predicted]
    gold_keys = list(dict.fromkeys(((r, y, Decimal(v).normalize(), s), kw) for r, y, v, s, kw in gold))
    found = sum(any(k == gk and kw in text for k, text in keyed) for gk, kw in gold_keys)
    correct = sum(any(k == gk and kw in text for gk, kw in gold_keys) for k, text in keyed)
    return min(found, correct), len(keyed), len(gold_keys)


def missed_indicators(doc: Document, ctx: ExtractionContext, gold: list[list]) -> list[list]:
    """The gold values no extracted value matches (for reading failures)."""
    keyed = [((o.region, o.year, Decimal(o.value).normalize(), o.status), o.wording + match_indicator(o.wording, o.unit).canonical)
             for o in observations(doc, ctx)]
    return [g for g in gold if not any(k == (g[0], g[1], Decimal(g[2]).normalize(), g[3]) and g[4] in t for k, t in keyed)]


def score_funding(doc: Document, gold: list[list]) -> tuple[int, int, int]:
    """(true positives, predicted, gold) over amounts as a multiset of (yuan, is maximum)."""
    predicted = Counter((a.value.normalize(), a.is_maximum) for f in funding_facts(doc) for a in f.amounts)
    expected = Counter((Decimal(v).normalize(), m) for v, m in gold)
    return sum((predicted & expected).values()), sum(predicted.values()), sum(expected.values())


def pr(tp: int, predicted: int, gold: int) -> tuple[float, float]:
    return (tp / predicted if predicted else 1.0), (tp / gold if gold else 1.0)
