"""Score extracted indicator values and funding amounts against hand annotations (exact P/R).

An indicator annotation is ``[region, year, value, status, keyword]`` plus, optionally, the
unit; a predicted value matches when region, year, value and status are equal, the keyword
occurs in its wording or concept name, and the units agree (when the annotation gives one).
``optional_indicators`` / ``optional_funding`` list values an annotator could defend either
way: extracting them is not an error, missing them is not a miss.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document
from stikg.loaders.extract import metadata
from stikg.loaders.extract.funding import funding_facts
from stikg.loaders.extract.indicators import Observation, observations
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


def _matches(obs: Observation, gold: list) -> bool:
    region, year, value, status, keyword = gold[:5]
    if (obs.region, obs.year, obs.status) != (region, year, status):
        return False
    if Decimal(obs.value).normalize() != Decimal(value).normalize():
        return False
    if len(gold) > 5 and gold[5] and obs.unit != gold[5]:
        return False
    return keyword in obs.wording + match_indicator(obs.wording, obs.unit).canonical


def _unique(rows: list[list]) -> list[list]:
    return list({(r[0], r[1], str(Decimal(r[2]).normalize()), *r[3:]): r for r in rows}.values())


def indicator_report(doc: Document, ctx: ExtractionContext, gold: list[list],
                     optional: list[list] = ()) -> dict:
    """Counts plus the misses (gold no value matches) and the spurious values (match nothing)."""
    predicted = observations(doc, ctx)
    gold = _unique(gold)
    missed = [g for g in gold if not any(_matches(o, g) for o in predicted)]
    correct = [o for o in predicted if any(_matches(o, g) for g in gold)]
    ignored = [o for o in predicted if o not in correct and any(_matches(o, g) for g in optional)]
    spurious = [o for o in predicted if o not in correct and o not in ignored]
    tp = min(len(gold) - len(missed), len(correct))
    return {"score": (tp, len(predicted) - len(ignored), len(gold)), "missed": missed, "spurious": spurious}


def score_indicators(doc: Document, ctx: ExtractionContext, gold: list[list],
                     optional: list[list] = ()) -> tuple[int, int, int]:
    """(true positives, predicted, gold)."""
    return indicator_report(doc, ctx, gold, optional)["score"]


def missed_indicators(doc: Document, ctx: ExtractionContext, gold: list[list]) -> list[list]:
    """The gold values no extracted value matches (for reading failures)."""
    return indicator_report(doc, ctx, gold)["missed"]


def funding_report(doc: Document, gold: list[list], optional: list[list] = ()) -> dict:
    """Amounts as a multiset of (yuan, is maximum): counts, misses and spurious amounts."""
    predicted = Counter((a.value.normalize(), a.is_maximum) for f in funding_facts(doc) for a in f.amounts)
    expected = Counter((Decimal(v).normalize(), m) for v, m in gold)
    allowed = Counter((Decimal(v).normalize(), m) for v, m in optional)
    extra = predicted - expected
    ignored = extra & allowed
    tp = sum((predicted & expected).values())
    return {"score": (tp, sum(predicted.values()) - sum(ignored.values()), sum(expected.values())),
            "missed": sorted((expected - predicted).elements()), "spurious": sorted((extra - allowed).elements())}


def score_funding(doc: Document, gold: list[list], optional: list[list] = ()) -> tuple[int, int, int]:
    """(true positives, predicted, gold)."""
    return funding_report(doc, gold, optional)["score"]


def pr(tp: int, predicted: int, gold: int) -> tuple[float, float]:
    return (tp / predicted if predicted else 1.0), (tp / gold if gold else 1.0)
