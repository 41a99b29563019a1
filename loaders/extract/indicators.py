"""Indicator values (RDF Data Cube observations) from indicator tables and from prose.

Each value becomes a ``qb:Observation`` with region, indicator concept, year, value, unit and
status (Actual, Estimate, Target), derived from the table row or the sentence that states it.
Table columns are read from their headers (``2015年完成情况`` → Actual 2015, ``十三五目标`` →
Target 2020, ``十四五目标`` / ``2025年目标`` → Target 2025, ``（预计）`` in a cell → Estimate);
prose values get their year and status from cues in the sentence or paragraph (到2023年,
2020年, 预计) or from the section they sit in (发展目标 → Target at the period's end, 发展基础 /
工作回顾 → Actual in the base or report year). The same value stated twice in a document
(table and prose) is written once.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from stikg.graph.iris import entity_iri
from stikg.graph.vocab import QB, RDFS, SKOS, STIKG, XSD
from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document, Heading, Table
from stikg.loaders.extract.indicator_prose import Cue, find_year_cues, values_in
from stikg.loaders.headings import RANK
from stikg.loaders.indicator_catalog import UNIT_GLOSS, match_indicator, normalise_wording
from stikg.loaders.numbers import ARABIC, FIVE_YEAR_RE, MULTIPLIERS, decimal_text, five_year_period
from stikg.loaders.places import find_places
from stikg.loaders.rdf import GraphBuilder, iri, lit

__all__ = ["Observation", "extract", "observations"]


@dataclass(frozen=True)
class Observation:
    wording: str
    value: Decimal
    unit: str
    year: int
    status: str  # Actual | Estimate | Target
    region: str
    start: int
    end: int


# --------------------------------------------------------------------------- status rules
def _status_for(
    year: int, ctx: ExtractionContext, *, estimate: bool = False, target_cue: bool = False
) -> str:
    """Actual, Estimate or Target for a value of ``year`` in this document."""
    if estimate:
        return "Estimate"
    if ctx.doc_kind == "WorkReport" and ctx.period:
        return "Actual" if year <= ctx.period[0] else "Target"
    if ctx.period:
        return "Target" if year >= ctx.period[0] else "Actual"
    reference = ctx.issued_year
    if reference is None:
        return "Target" if target_cue else "Actual"
    return "Target" if year > reference or (target_cue and year >= reference) else "Actual"


_TARGET_SECTION = re.compile(r"目标|计划|安排|思路|任务|展望|要点")
_ACTUAL_SECTION = re.compile(r"基础|回顾|成效|成就|进展|现状|总结|完成|十三五")
_HEADING_LINE = re.compile(
    r"^(?:\[bookmark:[^\]]*\])*[ \t#]*(?:(第[一二三四五六七八九十]+章)|([一二三四五六七八九十]+、)|(（[一二三四五六七八九十]+）))\s*([^\n]{1,40})$",
    re.M,
)


def _headings(doc: Document) -> list[Heading]:
    """The segmenter's headings, or heading-like lines when it found none."""
    if doc.headings:
        return doc.headings
    found = []
    for m in _HEADING_LINE.finditer(doc.text):
        level = 1 if m.group(1) else 2 if m.group(2) else 3
        found.append(Heading(level, m.group(1) or m.group(2) or m.group(3), m.group(4), m.start(), m.end()))
    return found


def _section_default(path: list[Heading], ctx: ExtractionContext) -> tuple[int, str] | None:
    """(year, status) the headings above a sentence give its numbers.

    Evidence in order of strength, innermost heading first within each tier: a year of the
    period (2023年工作回顾 / 2024年工作思路), then words such as 基础/回顾 or 目标/任务, then
    the weak word 指标 (主要指标稳步提升 sits in a review as often as in a plan).
    """
    if not ctx.period:
        return None
    return _titles_verdict(tuple(h.title for h in reversed(path)), ctx.period, ctx.doc_kind)


@lru_cache(maxsize=16384)
def _titles_verdict(
    titles: tuple[str, ...], period: tuple[int, int], doc_kind: str | None
) -> tuple[int, str] | None:
    """``_section_default`` for the titles of a heading path, innermost first (cached: sections recur)."""
    squeezed = [_squeezed(title) for title in titles]
    for tier in (_year_verdict, _word_verdict, _weak_verdict):
        for title in squeezed:
            verdict = tier(title, period, doc_kind)
            if verdict:
                return verdict
    return None


@lru_cache(maxsize=4096)
def _squeezed(title: str) -> str:
    return re.sub(r"\s+", "", title)


_TITLE_YEAR = re.compile(r"(?:19|20)\d\d")


def _year_verdict(title: str, period: tuple[int, int], doc_kind: str | None) -> tuple[int, str] | None:
    first, last = period
    if doc_kind != "WorkReport" or (str(first) in title and str(last) in title):
        return None  # the report's own title names both years
    if str(first) in title:
        return first, "Actual"
    if str(last) in title:
        return last, "Target"
    # a one-year work plan (2024年工作要点) looking back: 一、2023年工作回顾 → results of 2023
    earlier = _TITLE_YEAR.search(title)
    if earlier and int(earlier.group()) < first and not _TARGET_SECTION.search(title):
        return int(earlier.group()), "Actual"
    return None


def _word_verdict(title: str, period: tuple[int, int], doc_kind: str | None) -> tuple[int, str] | None:
    first, last = period
    actual = (first, "Actual") if doc_kind == "WorkReport" else (first - 1, "Actual")
    if _ACTUAL_SECTION.search(title):
        return actual
    if _TARGET_SECTION.search(title):
        return last, "Target"
    return None


_WEAK_TARGET = re.compile(r"重点工作|举措")


def _weak_verdict(title: str, period: tuple[int, int], doc_kind: str | None) -> tuple[int, str] | None:
    """指标 (outside work reports) and 重点工作/举措 (三、重点工作 of a work plan, unless a heading above says 回顾)."""
    if ("指标" in title and doc_kind != "WorkReport") or _WEAK_TARGET.search(title):
        return period[1], "Target"
    return None


# --------------------------------------------------------------------------- prose
_PERIOD_END = re.compile(r"十[一二三四五六]?五”?末|十[一二三四五六]?五”?(?:期间|时期)|三年内|三年累计|期末")
_DIGIT = re.compile(r"[0-9０-９]")
_NOW = re.compile(r"截至目前|截止目前|目前|现有|现已")


def _prose_observations(doc: Document, ctx: ExtractionContext, region: str) -> list[Observation]:
    """Values in sentences outside indicator tables (other tables' cells are read as prose)."""
    text, found = doc.text, []
    value_tables = [t for t in doc.tables if any(_column_meanings(t, ctx))]
    heads = _headings(doc)
    starts = [h.start for h in heads]
    defaults = _heading_defaults(heads, ctx)
    in_value_table = _SpanIndex([(t.start, t.end) for t in value_tables])
    paragraph_end, carry = -1, None
    for sent in doc.sentences:
        if in_value_table.covers(sent.start):
            continue
        if sent.start >= paragraph_end:
            paragraph_end = text.find("\n", sent.start)
            paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
            carry = None
        if not _DIGIT.search(text, sent.start, sent.end):
            continue
        cues = find_year_cues(text, sent.start, sent.end)
        values = values_in(text, sent.start, sent.end)
        if values:
            index = bisect.bisect_right(starts, sent.start) - 1
            default = defaults[index] if index >= 0 else None
            for value in values:
                decided = _decide(text, sent.start, value.start, cues, carry, default, ctx, value.estimate)
                if decided:
                    place = _place_of(value.wording, region)
                    found.append(
                        Observation(
                            value.wording, value.value, value.unit, *decided, place, sent.start, sent.end
                        )
                    )
        carry = cues[-1] if cues else carry
    return found


class _SpanIndex:
    """Whether an offset lies in any of some spans (which may overlap): bisect over starts and running maximum ends."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach, furthest = [], -1
        for _, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def covers(self, offset: int) -> bool:
        """``any(start <= offset < end for start, end in spans)``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and self.reach[i] > offset


def _rank(heading: Heading) -> int:
    """Nesting by numbering style, not markup: a markdown file may put （二） under ## like 二、."""
    return RANK.get(heading.kind, -1)


def _heading_defaults(heads: list[Heading], ctx: ExtractionContext) -> list[tuple[int, str] | None]:
    """For each heading, the (year, status) its section gives: one pass keeping the open headings."""
    path: list[Heading] = []
    defaults = []
    for heading in heads:
        while path and _rank(path[-1]) >= _rank(heading):
            path.pop()
        path.append(heading)
        defaults.append(_section_default(path, ctx))
    return defaults


def _decide(
    text: str,
    sent_start: int,
    pos: int,
    cues: list[Cue],
    carry: Cue | None,
    default: tuple[int, str] | None,
    ctx: ExtractionContext,
    estimate: bool,
) -> tuple[int, str] | None:
    before = text[sent_start:pos]
    cue = next((c for c in reversed(cues) if c.pos <= pos), None) or carry
    if cue:
        return cue.year, _status_for(cue.year, ctx, estimate=estimate, target_cue=cue.target)
    if ctx.period and _PERIOD_END.search(before):
        return ctx.period[1], "Estimate" if estimate else "Target"
    clause = before[max((before.rfind(c) for c in "，,；;：:"), default=-1) + 1 :]
    if ctx.period and _NOW.search(clause) and ctx.doc_kind != "WorkReport":
        return ctx.period[0] - 1, "Estimate" if estimate else "Actual"
    if default:
        return default[0], "Estimate" if estimate else default[1]
    return None


@lru_cache(maxsize=16384)
def _place_of(wording: str, region: str) -> str:
    """A value is about the document's region unless its subject starts with another place."""
    places = find_places(wording)
    if places and places[0].start == 0 and places[0].info.kind in ("District", "Town", "DevelopmentZone"):
        return places[0].info.canonical
    return region


# --------------------------------------------------------------------------- tables
_ROLE = re.compile(r"序号|指标|名称|单位|属性|类型|任务|备注|说明|责任|内容")
_CELL = re.compile(
    rf"^[〔［\[]?[≥>＞约超近]?\s*(?P<num>{ARABIC})\s*(?P<unit>%|％|(?!以上|以内|左右)[\u4e00-\u9fa5]{{1,4}}(?=$|\s|（|\(|〕|］|\]))?\s*"
    rf"[〕］\]]?\s*(?P<notes>(?:[（(][^）)]*[）)]|左右|以上|以内|\s)*)$"
)


def _column_meanings(table: Table, ctx: ExtractionContext) -> list[tuple[int, str] | None]:
    """(year, status) for each header column that holds values; None for label columns."""
    caption_period = None
    if match := FIVE_YEAR_RE.search(table.caption or ""):
        caption_period = five_year_period(match.group(1))
    meanings: list[tuple[int, str] | None] = []
    previous: tuple[int, str] | None = None
    for header in table.header:
        h = re.sub(r"[\s“”\"]", "", header)
        year_match = re.search(r"((?:19|20)\d\d)\s*年?", h)
        if _ROLE.search(h) and not year_match:
            meanings.append(None)
            continue
        meaning = _meaning(h, year_match, previous, caption_period, ctx)
        meanings.append(meaning)
        previous = meaning or previous
    return meanings


def _meaning(
    h: str,
    year_match: re.Match[str] | None,
    previous: tuple[int, str] | None,
    caption_period: tuple[int, int] | None,
    ctx: ExtractionContext,
) -> tuple[int, str] | None:
    five = FIVE_YEAR_RE.search(h)
    span = five_year_period(five.group(1)) if five else None
    status = (
        "Estimate"
        if "预计" in h
        else "Target"
        if re.search(r"目标|规划|计划|预期", h)
        else "Actual"
        if re.search(r"完成|实际|现状|基期|基数|实绩", h)
        else None
    )
    if year_match:
        year = int(year_match.group(1))
    elif span:
        year = span[1]
    elif status == "Actual" and "完成" in h:
        year = (
            previous[0]
            if previous
            else (caption_period[1] if caption_period else ctx.period[0] - 1 if ctx.period else None)
        )
    elif status == "Actual" and ctx.period:
        year = ctx.period[0] - 1
    elif status == "Target" and ctx.period:
        year = ctx.period[1]
    else:
        return None
    if year is None:
        return None
    return year, status or _status_for(year, ctx)


_NO_UNIT = frozenset(("—", "-", "－", "/", "／", "——", "–"))


def _label_columns(table: Table) -> tuple[int | None, int | None]:
    name = next((i for i, h in enumerate(table.header) if re.search(r"指标|名称|任务|项目|内容", h)), None)
    if name is None:
        name = next((i for i, h in enumerate(table.header) if not re.search(r"序号|单位", h)), None)
    unit = next((i for i, h in enumerate(table.header) if "单位" in h), None)
    return name, unit


def _table_observations(
    doc: Document, table: Table, ctx: ExtractionContext, region: str
) -> list[Observation]:
    meanings = _column_meanings(table, ctx)
    if not any(meanings):
        return []
    name_col, unit_col = _label_columns(table)
    found = []
    for row in table.rows:
        if not row or name_col is None or name_col >= len(row):
            continue
        name = re.sub(r"\s+", "", row[name_col].text)
        unit = row[unit_col].text.strip() if unit_col is not None and unit_col < len(row) else ""
        if not unit or unit in _NO_UNIT:  # 研发经费投入强度（%）: the unit is in the name
            gloss = UNIT_GLOSS.search(name)
            unit = gloss.group(1).replace("％", "%") if gloss else ""
        start, end = row[0].start, row[-1].end
        for col, meaning in enumerate(meanings):
            if meaning is None or col >= len(row) or not row[col].text.strip():
                continue
            found.extend(_cell_values(doc, row[col], name, unit, meaning, ctx, region, start, end))
    return found


def _cell_values(doc, cell, name, unit, meaning, ctx, region, row_start, row_end) -> list[Observation]:
    year, status = meaning
    match = _CELL.match(cell.text.strip())
    if match and name:
        cell_status = "Estimate" if "预计" in (match.group("notes") or "") else status
        value_unit = unit or (match.group("unit") or "").replace("％", "%")
        return [
            Observation(
                name,
                Decimal(match.group("num").replace(",", "")),
                value_unit,
                year,
                cell_status,
                _place_of(name, region),
                row_start,
                row_end,
            )
        ]
    return [
        Observation(
            v.wording,
            v.value,
            v.unit,
            year,
            "Estimate" if v.estimate else status,
            _place_of(v.wording, region),
            cell.start,
            cell.end,
        )
        for v in values_in(doc.text, cell.start, cell.end)
    ]


# --------------------------------------------------------------------------- output
def observations(doc: Document, ctx: ExtractionContext) -> list[Observation]:
    """Every indicator value of ``doc`` (tables first), each (region, concept, year, status, value) once."""
    region = ctx.region
    if not region:
        return []
    found = [o for table in doc.tables for o in _table_observations(doc, table, ctx, region)]
    found += _prose_observations(doc, ctx, region)
    unique: dict[tuple, Observation] = {}
    by_value: dict[tuple, list[str]] = {}
    for obs in found:
        concept = match_indicator(obs.wording, obs.unit)
        value, unit = _in_unit(obs.value, obs.unit, concept.unit)
        if unit != obs.unit:
            obs = replace(obs, value=value, unit=unit)
        key = (obs.region, concept.canonical, obs.year, obs.status, obs.value)
        same_value = by_value.setdefault((obs.region, obs.year, obs.status, obs.value, obs.unit), [])
        if key in unique or any(_same_measure(core, obs.wording) for core in same_value):
            continue
        unique[key] = obs
        same_value.append(_core(obs.wording))
    return list(unique.values())


_QUALIFIERS = re.compile(r"^(?:年|全年|全市|全区|累计|新增|有效)+|(?:数|数量|总数|评价|入库|（累计）)+$")


def _core(wording: str) -> str:
    return _QUALIFIERS.sub("", normalise_wording(wording))


def _same_measure(core: str, wording: str) -> bool:
    """Two wordings of one value (科技型中小企业评价入库 / 年评价入库科技型中小企业) name one measure
    when one's core contains the other's."""
    other = _core(wording)
    return len(core) >= 4 and len(other) >= 4 and (core in other or other in core)


_MONEY_FACTORS = {"元": Decimal(1), **{f"{k}元": v for k, v in MULTIPLIERS.items()}}


def _in_unit(value: Decimal, unit: str, concept_unit: str) -> tuple[Decimal, str]:
    """Money in the concept's unit (2.1万亿元 → 21000亿元 when the concept counts 亿元)."""
    factors = _MONEY_FACTORS
    if unit != concept_unit and unit in factors and concept_unit in factors:
        return value * factors[unit] / factors[concept_unit], concept_unit
    return value, unit


# terms as pyoxigraph nodes, made once (an rdflib namespace lookup per triple costs more than the triple)
_T = {
    name: iri(str(term))
    for name, term in {
        "dataSet": QB.dataSet,
        "Observation": QB.Observation,
        "DataSet": QB.DataSet,
        "label": RDFS.label,
        "inDocument": STIKG.inDocument,
        "Indicator": STIKG.Indicator,
        "Concept": SKOS.Concept,
        "unit": STIKG.unit,
        "refArea": STIKG.refArea,
        "indicator": STIKG.indicator,
        "refYear": STIKG.refYear,
        "value": STIKG.value,
        "status": STIKG.status,
        "Actual": STIKG.Actual,
        "Estimate": STIKG.Estimate,
        "Target": STIKG.Target,
    }.items()
}
_GYEAR, _DECIMAL = str(XSD.gYear), str(XSD.decimal)


def extract(doc: Document, ctx: ExtractionContext, out: GraphBuilder) -> None:
    found = observations(doc, ctx)
    if not found:
        return
    t = _T
    dataset = iri(f"{out.document.value}/indicators")
    out.add_type(dataset, t["DataSet"].value)
    out.add(dataset, t["label"], lit(f"{doc.source} 指标数据", lang="zh"))
    out.add(dataset, t["inDocument"], out.document)
    concepts: dict[str, object] = {}
    places: dict[str, object] = {}
    for obs in found:
        concept = match_indicator(obs.wording, obs.unit)
        indicator = concepts.get(concept.canonical)
        if indicator is None:  # one unit per concept: the first one stated
            indicator = concepts[concept.canonical] = iri(entity_iri("indicator", concept.canonical))
            out.add_type(indicator, t["Indicator"].value)
            out.add_type(indicator, t["Concept"].value)
            out.label(indicator, concept.canonical)
            out.add(indicator, t["unit"], lit(concept.unit or obs.unit))
        node = out.fact("observation", t["Observation"].value, obs.start, obs.end)
        out.add(node, t["dataSet"], dataset)
        place = places.get(obs.region) or places.setdefault(obs.region, iri(entity_iri("place", obs.region)))
        out.add(node, t["refArea"], place)
        out.add(node, t["indicator"], indicator)
        out.add(node, t["refYear"], lit(obs.year, datatype=_GYEAR))
        out.add(node, t["value"], lit(decimal_text(obs.value), datatype=_DECIMAL))
        out.add(node, t["unit"], lit(obs.unit))
        out.add(node, t["status"], t[obs.status])
        out.add(node, t["label"], lit(normalise_wording(obs.wording) or obs.wording, lang="zh"))
