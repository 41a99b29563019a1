"""Extractor for industries: which region prioritises which industry, and a region's named groupings.

A statement of focus is a clause with a trigger verb (围绕, 聚焦, 重点发展, 打造 …) followed
by industries: catalogued names (``data/reference/industries.csv``) or the items of a list
(``A、B和C等…产业``). The region is the place the clause opens with (七都镇要围绕光电通信、
新材料 → 七都镇), else the document's governed region. A list closed by a named grouping
(``…等“六大新经济产业”``) makes a ``stikg:IndustryGrouping`` of the region.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from stikg.config import base_iri
from stikg.graph.iris import entity_iri
from stikg.graph.vocab import SKOS, STIKG
from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document, Sentence
from stikg.loaders.extract.places import document_region, place_iri, write_place
from stikg.loaders.industry_catalog import broader_of, catalogue_pattern, lookup_industry, normalise_industry
from stikg.loaders.places import PlaceInfo, find_places, resolve_place
from stikg.loaders.rdf import GraphBuilder, iri, lit

__all__ = ["IndustryMention", "extract", "industries_in_clause", "industry_iri", "scheme_iri"]

_CLAUSE = re.compile(r"[^，,；;：:。！？!?\n]+")
_TRIGGER = re.compile(
    r"围绕|聚焦|重点发展|大力发展|加快发展|培育|打造|面向|瞄准|布局|壮大|做强|做优|深耕|主攻|聚力|发力|招引|引育|集聚|支持|发展"
)
_ORG_AFTER = re.compile(r"研究院|研究所|研究中心|实验室|创新中心|技术中心|学院|大学|公司|集团|联盟|协会|基金|企业|专项")
_GROUPING = re.compile(
    r"[“\"]?((?:[一二两三四五六七八九十]|\d+)大[\u4e00-\u9fff]{0,6}?(?:产业链|产业集群|产业|集群))[”\"]?"
)
_OPENING = re.compile(r"\s*以")
_CUE = re.compile(r"[\u4e00-\u9fff“”\"]{0,10}?(?:产业|产业链|产业集群)")
_SPLIT = re.compile(r"、|以及|和|及|与")
_SUBJECT_KINDS = frozenset({"Province", "City", "District", "Town", "DevelopmentZone"})
_SUBJECT_JOIN = "、和与及"
_TRIM = "“”\"‘’「」 \t　"


@dataclass(frozen=True)
class IndustryMention:
    canonical: str
    start: int
    end: int


def scheme_iri() -> ox.NamedNode:
    return _scheme_iri(base_iri())


@lru_cache(maxsize=4)
def _scheme_iri(base: str) -> ox.NamedNode:
    return iri(f"{base}id/scheme/industry")


def industry_iri(canonical: str) -> ox.NamedNode:
    return iri(entity_iri("industry", canonical))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without quotes, spaces or a leading modifier ending in 的."""
    cut = text.rfind("的", start, end)
    start = cut + 1 if cut >= 0 else start
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _list_items(
    text: str, start: int, end: int, region: str | None = None
) -> tuple[list[IndustryMention], int, bool]:
    """Items of a list ``A、B和C等…`` in ``text[start:end]``: (items, where the list ends, closed by an 产业 cue).

    A place opening an item is dropped from it; ``region`` (the document's) lets the place
    scan of the whole text, made once per document and region, answer that.
    """
    stop = text.find("等", start, end)
    body_end = stop if stop >= 0 else end
    grouping = None
    if stop < 0:
        first = text.find("、", start, end)
        grouping = _GROUPING.search(text, first, end) if first >= 0 else None
        body_end = grouping.start() if grouping else end
    if text.find("、", start, body_end) < 0 and not grouping:
        return [], body_end, False
    items, cursor = [], start
    for sep in [*_SPLIT.finditer(text, start, body_end), None]:
        item_end = sep.start() if sep else body_end
        s, e = _trimmed(text, cursor, item_end)
        place = next(iter(find_places(text, s, e, region=region)), None)
        if place and place.start == s:
            s = place.end  # 太仓生物医药 → 生物医药
        name = normalise_industry(text[s:e]) if e > s else None
        if name:
            items.append(IndustryMention(name, s, e))
        cursor = sep.end() if sep else body_end
    tail = stop + 1 if stop >= 0 else body_end
    cue = bool(_CUE.match(text, tail, end)) or grouping is not None
    return items, body_end, cue


def industries_in_clause(
    text: str, start: int, end: int, region: str | None = None
) -> tuple[list[IndustryMention], tuple[str, int, int] | None]:
    """The industries a clause ``text[start:end]`` focuses on, and a grouping that closes their list."""
    opening = _OPENING.match(text, start, end)
    if opening:  # 以A、B为主导
        begin = opening.end()
        cut = text.find("为", begin, end)
        end = cut if cut >= 0 else end
    else:
        first = _TRIGGER.search(text, start, end)
        if first is None:  # most clauses: no trigger, no focus
            return [], None
        # the list starts after the last trigger before it: 面向国内外挖掘、引进和培育5G、人工智能等
        limit = text.find("等", start, end)
        if limit < 0:
            limit = text.find("、", start, end)
            limit = end if limit < 0 else limit
        begin = first.end()
        if begin <= limit:  # no trigger spans ``limit`` (等 or 、)
            for trigger in _TRIGGER.finditer(text, begin, limit):
                begin = trigger.end()
    items, list_end, cue = _list_items(text, begin, end, region)
    catalogued = [i for i in items if lookup_industry(i.canonical)]
    if len(items) < 2 or not (cue or catalogued):
        items = catalogued if len(items) >= 2 else []
    taken = [(i.start, i.end) for i in items]
    for m in catalogue_pattern().finditer(text, begin, end):
        if any(s < m.end() and m.start() < e for s, e in taken) or _ORG_AFTER.match(text, m.end()):
            continue
        items.append(IndustryMention(lookup_industry(m.group()).canonical, m.start(), m.end()))  # type: ignore[union-attr]
    grouping = None
    if len(items) >= 2:
        g = _GROUPING.match(text, list_end + (1 if text.startswith("等", list_end) else 0), end)
        grouping = (g.group(1), g.start(1), g.end(1)) if g else None
    return items, grouping


def _subjects(text: str, start: int, end: int, region: str | None) -> list[PlaceInfo]:
    """The places a clause opens with (``吴江开发区、汾湖高新区要围绕…``), if any."""
    while start < end and text[start] in " \t　":
        start += 1
    subjects: list[PlaceInfo] = []
    cursor = start
    for match in find_places(text, start, end, region=region):
        if match.start != cursor or match.info.kind not in _SUBJECT_KINDS:
            break
        subjects.append(match.info)
        cursor = match.end + (1 if match.end < end and text[match.end] in _SUBJECT_JOIN else 0)
    if subjects and cursor < end and text[cursor] in "的之":
        return []  # 相城的产业… is about the place's things, not the place acting
    return subjects


def _write_industry(out: GraphBuilder, canonical: str) -> ox.NamedNode:
    node, name = industry_iri(canonical), canonical
    if not out.once(("industry", canonical)):
        return node
    seen: set[str] = set()
    while name and name not in seen:
        seen.add(name)
        current = industry_iri(name)
        out.add_type(current, STIKG.Industry)
        out.add_type(current, SKOS.Concept)
        out.add(current, SKOS.inScheme, scheme_iri())
        out.label(current, name)
        broader = broader_of(name)
        if broader:
            out.add(current, SKOS.broader, industry_iri(broader))
        name = broader
    out.add_type(scheme_iri(), SKOS.ConceptScheme)
    out.add(scheme_iri(), SKOS.prefLabel, lit("产业分类", lang="zh"))
    return node


def _region_node(out: GraphBuilder, name: str) -> ox.NamedNode:
    info = resolve_place(name)
    return write_place(out, info) if info else place_iri(name)


def _write_grouping(out: GraphBuilder, region: str, grouping: tuple[str, int, int], members: list[ox.NamedNode]) -> None:
    name, start, end = grouping
    node = iri(entity_iri("grouping", region + name))
    out.add_type(node, STIKG.IndustryGrouping)
    out.add_type(node, SKOS.Collection)
    out.label(node, region + name)
    out.add(node, STIKG.groupingOf, place_iri(region))
    for member in members:
        out.add(node, SKOS.member, member)
    out.mention(node, start, end)


def extract(doc: Document, ctx: ExtractionContext, out: GraphBuilder) -> None:
    text, region = doc.text, document_region(doc, ctx)
    catalogue = catalogue_pattern()
    for sentence in doc.sentences:
        if "以" not in sentence.text and not _TRIGGER.search(text, sentence.start, sentence.end):
            continue  # none of its clauses opens with 以 or has a trigger (none crosses a clause break)
        if "、" not in sentence.text and not catalogue.search(text, sentence.start, sentence.end):
            continue  # no list (every list and grouping has a 、) and no catalogued name: nothing to find
        subjects: list[PlaceInfo] = []
        unread: list[tuple[int, int]] = []  # clauses whose subjects are looked up only when needed
        done: set[tuple[str, str]] = set()
        for clause in _CLAUSE.finditer(text, sentence.start, sentence.end):
            unread.append(clause.span())
            start, end = clause.span()
            if text.find("、", start, end) < 0 and not catalogue.search(text, start, end):
                continue  # the sentence test, clause by clause
            items, grouping = industries_in_clause(text, start, end, region)
            if not items:
                continue
            # the subjects in force: those of the latest clause that opens with places
            subjects = next(filter(None, (_subjects(text, s, e, region) for s, e in reversed(unread))), subjects)
            unread.clear()
            regions = [s.canonical for s in subjects] or ([region] if region else [])
            if regions:
                _write_focus(out, sentence, items, grouping, regions, done)


def _write_focus(out: GraphBuilder, sentence: Sentence, items: list[IndustryMention],
                 grouping: tuple[str, int, int] | None, regions: list[str], done: set[tuple[str, str]]) -> None:
    """The industries of one clause, and one IndustryFocus per (region, industry) new in the sentence."""
    nodes = {}
    for item in items:
        if item.canonical not in nodes:
            nodes[item.canonical] = _write_industry(out, item.canonical)
        out.mention(nodes[item.canonical], item.start, item.end)
    for place in regions:
        place_node = _region_node(out, place)
        for name, node in nodes.items():
            if (place, name) in done:
                continue
            done.add((place, name))
            fact = out.fact("industry-focus", STIKG.IndustryFocus, sentence.start, sentence.end)
            out.add(fact, STIKG.region, place_node)
            out.add(fact, STIKG.industry, node)
        if grouping:
            _write_grouping(out, place, grouping, list(nodes.values()))
