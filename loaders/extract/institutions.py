"""Extractor for named institutions: one entity per canonical name, one mention per occurrence.

Candidates come from :func:`stikg.loaders.org_finder.find_candidates`; this module
resolves them for one document: longest non-overlapping matches, names coordinated
under one ending (江苏省和苏州市产研院), short forms the document introduces
(“（以下简称“市产研院”）”) or uses later, and writes the organisations to the graph.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import pyoxigraph as ox

from stikg.config import base_iri
from stikg.graph.iris import entity_iri
from stikg.graph.vocab import ORG, STIKG
from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document
from stikg.loaders.org_finder import Candidate, beside_companies, distinctive, find_candidates
from stikg.loaders.org_lexicon import BUILTIN_ORGS, DEPARTMENTS
from stikg.loaders.orgs import (
    OrgInfo,
    OrgMatch,
    describe,
    gazetteer_pattern,
    places_in,
    resolve_org,
    resolve_scope,
)
from stikg.loaders.places import find_places, guess_region, resolve_place
from stikg.loaders.rdf import GraphBuilder, iri

__all__ = ["document_region", "entity_node", "extract", "find_document_orgs", "place_node", "term"]

_SHORT_FORM = re.compile(r"（(?:以下)?简称[：:]?\s*[“\"「]?([^”\"」）\n]{2,12}?)[”\"」]?）")
_PRIORITY = {"known": 0, "department": 1, "pattern": 2, "alias": 3, "list": 4}
_SCOPES = "省市区县"
_LEVEL, _LOCATED_IN = iri(str(STIKG.level)), iri(str(STIKG.locatedIn))
_SUB_ORG, _ORGANIZATION = (
    iri(str(ORG.subOrganizationOf)),
    iri(str(ORG.Organization)),
)  # ORG.x costs ~1 µs a lookup
_NEW_RD = re.compile(
    r"(?:（[^（）\n]{1,30}）)?(?:等|为代表的)(?:[0-9一二三四五六七八九十百多余家个批]|省级|市级|区级|国家级|高水平|重点|一批)*新型研发机构"
)
# a name said to be one later in its sentence: 甲正式运行，成为我区第9家新型研发机构 / 甲被认定为省级新型研发机构
_NEW_RD_PREDICATE = re.compile(r"(?:成为|认定为|获批为?|列为|纳入|是)[^，。；、\n]{0,12}新型研发机构(?!的)")
_PREDICATE_REACH = 40
_COMPANY_FORM = re.compile(r"(?:（[^（）]{1,8}）)?(?:控股)?(?:集团)?(?:股份)?有限(?:责任)?公司$")
_SHARED_ENDINGS = frozenset(DEPARTMENTS.values()) | {"管委会", "管理委员会"}


def document_region(doc: Document, ctx: ExtractionContext) -> str | None:
    """The governed region: ``ctx.region`` when metadata found it, else the places module's guess."""
    return ctx.region or guess_region(doc.text)


def _merge(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then the more reliable source; no two kept candidates overlap."""
    taken: set[int] = set()
    kept = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, _PRIORITY[c.source], c.start)):
        if any(i in taken for i in range(c.start, c.end)):
            continue
        taken.update(range(c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _scope_at(text: str, end: int, region: str | None) -> tuple[int, str] | None:
    """A place or bare scope word (省/市) ending at ``end``: (start, canonical)."""
    places = [p for p in find_places(text, max(0, end - 10), end, region=region) if p.end == end]
    if places:
        return places[-1].start, places[-1].info.canonical
    if end > 0 and text[end - 1] in _SCOPES:
        info = resolve_scope(text[end - 1], region)
        return (end - 1, info.canonical) if info else None
    return None


def _coordinated(text: str, kept: list[Candidate], region: str | None) -> list[Candidate]:
    """江苏省和苏州市产研院 / 省、市产业技术研究院 / 甲区、乙区管委会: one ending shared by several scopes."""
    extra = []
    for c in kept:
        if c.start < 2 or text[c.start - 1] not in "和、及":
            continue
        first = [p for p in find_places(text, c.start, c.end, region=region) if p.start == c.start]
        if not first:
            continue
        scope = first[0].info.canonical
        rest = c.name[len(scope) :] if c.name.startswith(scope) else text[first[0].end : c.end]
        rest = re.sub(r"^（[^（）]*）", "", rest)
        if rest not in _SHARED_ENDINGS:
            continue  # 常熟市与苏州大学: two names, not one ending shared
        pos = c.start
        while pos >= 2 and text[pos - 1] in "和、及":
            end = pos - 1
            if text[end - 1] == "）" and "（" in text[max(0, end - 10) : end]:
                end = text.rindex("（", max(0, end - 10), end)
            other = _scope_at(text, end, region)
            if other is None or other[1] == first[0].info.canonical:
                break
            name = other[1] + rest
            known = resolve_org(name)
            extra.append(Candidate(other[0], c.end, known.canonical if known else name, c.cls, None, "alias"))
            pos = other[0]
    return extra


def _short_forms(text: str, kept: list[Candidate]) -> dict[str, str]:
    """Short forms introduced in the text, and bare names first seen in lists."""
    forms: dict[str, str] = {}
    for c in kept:
        if c.source == "list":
            forms.setdefault(text[c.start : c.end], c.name)
    for c in kept:
        m = _SHORT_FORM.match(text, c.end)
        if m:
            forms[m.group(1)] = c.name  # a defined short form wins over a bare listed name
    forms.update(_brand_forms(kept, forms))
    for core, name in _company_cores(text, kept).items():
        forms.setdefault(core, name)
    return forms


def _company_cores(text: str, kept: list[Candidate]) -> dict[str, str]:
    """A company's own name without its places and legal form, used on its own after the full
    name (江苏亨通光电股份有限公司 … 亨通光电牵头承担): the same company. Only distinctive cores of
    three or more characters that no other company here shares, so 中利 is not found in 集中利用."""
    cores: dict[str, set[str]] = {}
    for c in kept:
        if c.source == "list" or not _COMPANY_FORM.search(c.name):
            continue
        core = _COMPANY_FORM.sub("", _without_places(c.name))
        if len(core) >= 3 and distinctive(core) and not resolve_org(core):
            cores.setdefault(core, set()).add(c.name)
    spans = [(c.start, c.end) for c in kept]
    return {
        core: next(iter(names))
        for core, names in cores.items()
        if len(names) == 1 and any(not any(a <= i < b for a, b in spans) for i in _occurrences(text, core))
    }


def _brand_forms(kept: list[Candidate], forms: dict[str, str]) -> dict[str, str]:
    """A bare company name that starts a company's full name here (信达生物 → 信达生物制药（苏州）有限公司)."""
    full = [c.name for c in kept if c.name.endswith(("公司", "集团")) and c.source != "list"]
    found: dict[str, str] = {}
    for short, name in forms.items():
        if short != name or resolve_org(short):
            continue
        owners = {f for f in full if f != short and _without_places(f).startswith(short)}
        if len(owners) == 1:
            found[short] = owners.pop()
    return found


def _without_places(name: str) -> str:
    """``name`` without the places that start it (苏州绿的谐波… → 绿的谐波…)."""
    end = 0
    for place in places_in(name[:12]):
        if place.start != end:
            break
        end = place.end
    return name[end:]


def _renamed(c: Candidate, name: str) -> Candidate:
    return c if name == c.name else replace(c, name=name)


def _occurrences(text: str, form: str) -> list[int]:
    found, i = [], text.find(form)
    while i >= 0:
        found.append(i)
        i = text.find(form, i + len(form))
    return found


def _contracted(kept: list[Candidate]) -> dict[str, str]:
    """A later name that drops a place from an earlier one (西北工业大学长三角研究院) is the same body."""
    names = {c.name for c in kept}
    found: dict[str, str] = {}
    by_ending: dict[str, list[str]] = {}
    for long in names:
        by_ending.setdefault(long[-2:], []).append(long)
        known = gazetteer_pattern().match(long)
        if known and long[known.end() :] in names and long[known.end() :] != long:
            found[long] = long[known.end() :]  # 中国航天科工三院海鹰空天材料研究院 = 海鹰空天材料研究院
    for short in names:
        if len(short) < 5:
            continue
        for long in by_ending[short[-2:]]:
            if len(long) <= len(short):
                continue
            # long = short[:i] + gap + short[i:]: i within the common prefix, short[i:] within the common suffix
            first, last = (
                len(short) - _common_suffix(short, long),
                min(_common_prefix(short, long), len(short) - 2),
            )
            for i in range(first, last + 1):
                gap = long[i : i + len(long) - len(short)]
                if resolve_place(gap):
                    before = places_in(long[:i])
                    if not (before and before[-1].end == i):  # 苏州市|吴江区|科学技术局 is another body
                        found[short] = long
    return found


_CONTRACTED_INSTITUTE = re.compile(r"[^究]所")  # 纳米所, 硅酸盐所苏州研究院: …研究所 written …所


def _abbreviated(names: set[str]) -> dict[str, str]:
    """A research institute written short, 研究所 as 所 (中科院纳米所, 硅酸盐所苏州研究院), is the one full name here
    that keeps all its characters in order and ends like it (not one it starts: 甲所 and 甲所乙分所 are two bodies;
    of an institute and its branch, both keeping them, the institute)."""
    shorts = [n for n in names if _CONTRACTED_INSTITUTE.search(n) and not resolve_org(n)]
    longs = [n for n in names if "研究所" in n] if shorts else []
    found: dict[str, str] = {}
    for short in shorts:
        owners = [
            long
            for long in longs
            if len(long) > len(short)
            and long[-1] == short[-1]
            and not long.startswith(short)
            and _keeps_order(short, long)
        ]
        owners = [
            o for o in owners if not any(o != p and o.startswith(p) for p in owners)
        ]  # 甲所, not 甲所乙分所
        if len(owners) == 1:
            found[short] = owners[0]
    return found


def _keeps_order(short: str, long: str) -> bool:
    """Whether ``short``'s characters occur in ``long`` in the same order."""
    rest = iter(long)
    return all(ch in rest for ch in short)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _new_rd(text: str, kept: list[Candidate]) -> set[str]:
    """Names presented as 新型研发机构 (以甲为代表的…新型研发机构, 甲、乙等…新型研发机构, 甲…成为…新型研发机构)."""
    names: set[str] = set()
    for i, c in enumerate(kept):
        if not _NEW_RD.match(text, c.end):
            nxt = kept[i + 1].start if i + 1 < len(kept) else len(text)
            after = re.split(r"[。；！？\n]", text[c.end : min(nxt, c.end + _PREDICATE_REACH)], maxsplit=1)[0]
            if _NEW_RD_PREDICATE.search(after):
                names.add(c.name)  # the nearest name before the predicate, with no other name between
            continue
        j = i
        while j >= 0 and (j == i or text[kept[j].end : kept[j + 1].start] == "、"):
            names.add(kept[j].name)
            j -= 1
    return names


def find_document_orgs(
    doc: Document, region: str | None, aliases: dict[str, str] | None = None
) -> list[OrgMatch]:
    """Every organisation mention in ``doc``, with resolved organisation info, in text order.

    ``aliases``, when given, receives every form the text uses for a name (short form -> canonical).
    """
    text = doc.text
    kept = _merge(find_candidates(text, 0, len(text), region))
    kept = sorted(kept + _coordinated(text, kept, region), key=lambda c: c.start)
    beside = [
        b for b in beside_companies(text, kept) if not any(c.start < b.end and b.start < c.end for c in kept)
    ]
    if beside:
        kept = sorted(kept + beside, key=lambda c: c.start)
    forms = _short_forms(text, kept)
    if forms:  # the text's own short forms
        kept = [_renamed(c, forms.get(text[c.start : c.end], c.name)) for c in kept]
    if forms:
        extra = [
            Candidate(i, i + len(f), forms[f], source="alias") for f in forms for i in _occurrences(text, f)
        ]
        taken = {i for c in kept for i in range(c.start, c.end)}
        kept = sorted(
            kept + _merge([c for c in extra if taken.isdisjoint(range(c.start, c.end))]),
            key=lambda c: c.start,
        )
    same = {**_abbreviated({c.name for c in kept}), **_contracted(kept)}
    new_rd = _new_rd(text, kept)
    infos: dict[str, OrgInfo] = {}
    matches = []
    for c in kept:
        name = same.get(c.name, c.name)
        if name not in infos:
            parent = _info(c.parent, None, None, infos) if c.parent else None
            infos[name] = _info(name, parent, c.cls, infos)
            if c.name in new_rd and infos[name].cls in ("ResearchInstitute", "InnovationCenter"):
                infos[name] = replace(infos[name], cls="NewRDInstitution")
        matches.append(OrgMatch(infos[name], c.start, c.end, text[c.start : c.end]))
        if aliases is not None and matches[-1].surface != name:
            aliases[matches[-1].surface] = name
    return matches


def _info(name: str, parent: OrgInfo | None, cls: str | None, infos: dict[str, OrgInfo]) -> OrgInfo:
    if name not in infos:
        infos[name] = describe(name, parent, cls)
    return infos[name]


def entity_node(kind: str, name: str) -> ox.NamedNode:
    """``entity_iri(kind, name)`` as a node, cached (the base IRI is part of the key)."""
    return _entity_node(base_iri(), kind, name)


@lru_cache(maxsize=65536)
def _entity_node(base: str, kind: str, name: str) -> ox.NamedNode:
    return iri(entity_iri(kind, name))


@lru_cache(maxsize=256)
def term(local: str) -> str:
    """An ontology term's IRI by local name (``University``), checked against the vocabulary."""
    return str(STIKG[local])


def place_node(out: GraphBuilder, name: str) -> ox.NamedNode:
    """The place's IRI, labelled (and typed when known) so queries can name it."""
    node = entity_node("place", name)
    out.label(node, name)
    info = resolve_place(name)
    if info:
        out.add_type(node, term(info.kind))
    return node


def _write(out: GraphBuilder, info: OrgInfo, alt: set[str], written: set[str]) -> None:
    entity = entity_node("org", info.canonical)
    if info.cls != "Organization":  # associations and alliances have no narrower stikg class
        out.add_type(entity, term(info.cls))
    out.add_type(entity, _ORGANIZATION)
    aliases = set(alt) | set(info.aliases) | set(BUILTIN_ORGS.get(info.canonical, ("", "", ()))[2])
    out.label(entity, info.canonical, en=info.en, alt=sorted(a for a in aliases if a != info.canonical))
    if info.located_in:
        out.add(entity, _LOCATED_IN, place_node(out, info.located_in))
    if info.level:
        out.add(entity, _LEVEL, term(info.level))
    if info.parent:
        parent = resolve_org(info.parent) or describe(info.parent)
        out.add(entity, _SUB_ORG, entity_node("org", parent.canonical))
        if parent.canonical not in written:
            written.add(parent.canonical)
            _write(out, parent, set(), written)
    written.add(info.canonical)


def extract(doc: Document, ctx: ExtractionContext, out: GraphBuilder) -> None:
    matches = find_document_orgs(doc, document_region(doc, ctx), ctx.aliases)
    surfaces: dict[str, set[str]] = {}
    for m in matches:
        surfaces.setdefault(m.info.canonical, set()).add(m.surface)
    written: set[str] = set()
    for m in matches:
        if m.info.canonical not in written:
            _write(out, m.info, surfaces[m.info.canonical], written)
        out.mention(entity_node("org", m.info.canonical), m.start, m.end)
    ctx.org_mentions = matches
    ctx.orgs = {m.info.canonical: m.info for m in matches}
