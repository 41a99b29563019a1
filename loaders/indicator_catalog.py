"""Indicator concepts: map an indicator's wording in a document to one shared concept.

The same measure is worded differently from plan to plan (全社会研究与发展经费投入（R&D）
占地区生产总值（GDP）比重 / 全社会研发投入占GDP比重 / 研发经费支出占地区生产总值比重);
``data/reference/indicators.csv`` lists each concept once with its canonical name, unit and a
regular expression over the normalised wording (first matching row wins, so specific rows
come first). A wording no row matches is its own concept, named by the wording itself.
"""

from __future__ import annotations

import csv
import importlib.resources
import io
import re
from dataclasses import dataclass
from functools import lru_cache

from stikg.errors import InvalidDataError

__all__ = ["UNIT_GLOSS", "IndicatorConcept", "catalog", "match_indicator", "normalise_wording"]


@dataclass(frozen=True)
class IndicatorConcept:
    canonical: str  # e.g. 全社会研发经费投入占地区生产总值比重
    unit: str  # e.g. "%"
    known: bool  # False when the concept is the wording itself (not in the catalog)


@dataclass(frozen=True)
class _Row:
    concept: IndicatorConcept
    pattern: re.Pattern[str]
    exclude: re.Pattern[str] | None


# the unit a table writes into the indicator's name when it has no unit column: 研发经费投入强度（%）
UNIT_GLOSS = re.compile(r"[（(]\s*(%|％|‰|家|个|人|人年|人次|名|件|项|所|座|亿元|万元|元|万平方米|平方米|亩|倍)\s*[）)]\s*$")
_NOISE = re.compile(
    r"\s+|[“”\"'《》]|[（(](?:R&D|R＆D|GDP|五年累计|总累计|预计|团队)[）)]|^\d+[.、．]"
    r"|[（(](?:%|％|‰|家|个|人|人年|人次|名|件|项|所|座|亿元|万元|元|万平方米|平方米|亩|倍)[）)]$"
)


_AMOUNT_QUALIFIER = re.compile(r"\d\s*(?:万|亿)?元")


@lru_cache(maxsize=16384)
def normalise_wording(text: str) -> str:
    """The wording without spaces, quotes, numbering and bracketed glosses such as ``（R&D）``."""
    return _NOISE.sub("", text).strip("：:，,。；;")


@lru_cache(maxsize=1)
def catalog() -> tuple[_Row, ...]:
    """The rows of ``indicators.csv``, in file order."""
    resource = importlib.resources.files("stikg.data") / "reference" / "indicators.csv"
    text = resource.read_text(encoding="utf-8")
    rows = []
    for n, record in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        try:
            pattern = re.compile(record["pattern"])
            exclude = re.compile(record["exclude"]) if record.get("exclude") else None
        except (re.error, KeyError) as error:
            raise InvalidDataError(f"indicators.csv line {n}: bad pattern ({error}); fix the regular expression") from None
        if not record.get("canonical") or not record.get("unit"):
            raise InvalidDataError(f"indicators.csv line {n}: canonical and unit are required")
        rows.append(_Row(IndicatorConcept(record["canonical"], record["unit"], True), pattern, exclude))
    return tuple(rows)


@lru_cache(maxsize=4096)
def match_indicator(wording: str, unit: str = "") -> IndicatorConcept:
    """The concept ``wording`` names; the wording itself (with ``unit``) when no catalog row matches.

    A row only matches when the unit agrees in kind (a percentage is not a count), so
    ``高新技术企业数`` in 家 and a share of high-tech enterprises in % stay apart.
    """
    text = normalise_wording(wording)
    if _AMOUNT_QUALIFIER.search(text):  # 超3000万元科技孵化器: a subset picked by an amount, not the plain count
        return IndicatorConcept(text, unit, False)
    for row in catalog():
        excluded = row.exclude is not None and row.exclude.search(text)
        if row.pattern.search(text) and not excluded and _same_kind(row.concept.unit, unit):
            return row.concept
    return IndicatorConcept(text or wording, unit, False)


_KINDS = {"%": "share", "个百分点": "share", "亿元": "money", "万元": "money", "元": "money", "万亿元": "money"}


def _same_kind(concept_unit: str, unit: str) -> bool:
    if not unit:
        return True
    return _KINDS.get(concept_unit, "count") == _KINDS.get(unit, "count")
