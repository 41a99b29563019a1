"""Organisation gazetteer: known names and aliases, and what a name says about its organisation.

An organisation is identified by its canonical full Chinese name (``entity_iri("org", name)``).
Known names come from the link table (``links.csv``: kinds university, research_org,
company, government, other; text forms from its ``note: 文中作“…”``) and from a built-in
table of national and provincial institutions usually written short (中科院, 省产研院).
For a name found by pattern, :func:`describe` derives the class from the ending, the
place from a place named in it and the level from its scope (国家…, 江苏省…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from stikg.loaders.links_table import read_links
from stikg.loaders.org_lexicon import BUILTIN_ORGS, DEPARTMENTS, FINANCIAL_WORDS, SUFFIX_CLASSES
from stikg.loaders.places import PlaceInfo, PlaceMatch, find_places, resolve_place

__all__ = [
    "RELATIVE_ZONES",
    "OrgInfo",
    "OrgMatch",
    "describe",
    "gazetteer",
    "gazetteer_pattern",
    "places_in",
    "relative_zone",
    "resolve_org",
    "resolve_scope",
    "suffix_class",
    "trie_pattern",
]

_KIND_CLASS = {
    "university": "University",
    "research_org": "ResearchInstitute",
    "company": "Enterprise",
    "government": "GovernmentBody",
}
_NOTE = re.compile(r"note:\s*文中作(.*)$")
_QUOTED = re.compile(r"“([^”]+)”")
_PAREN = re.compile(r"（[^）]*）$")
# Zone words that name the document's own zone when they start a name (园区管委会, 高新区财政局).
RELATIVE_ZONES = ("园区", "高新区", "经开区", "开发区", "保税区", "度假区", "新区")
_NO_LEVEL = frozenset({"Enterprise", "University", "FinancialInstitution", "Fund", "Organization"})


@dataclass(frozen=True)
class OrgInfo:
    canonical: str  # full Chinese name, e.g. "中国科学技术大学"
    cls: str  # stikg class local name, e.g. "University"; "Organization" = org:Organization only
    located_in: str | None = None  # canonical place name, e.g. "合肥市"
    level: str | None = None  # NationalLevel | ProvincialLevel | MunicipalLevel | DistrictLevel
    parent: str | None = None  # canonical name of the organisation it belongs to
    en: str | None = None  # English name, only from the link table
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrgMatch:
    info: OrgInfo
    start: int
    end: int
    surface: str  # text[start:end]


def trie_pattern(words: list[str] | set[str]) -> str:
    """One regex alternation shaped as a prefix trie: fast, and longest alternatives first."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return "(?:" + body + ")?"
        return body

    return emit(trie) or "(?!)"


@lru_cache(maxsize=65536)
def places_in(name: str) -> tuple[PlaceMatch, ...]:
    """The places named in a short string (a name or part of one), cached: names recur."""
    return tuple(find_places(name))


def suffix_class(name: str) -> tuple[str, str] | None:
    """The ending of ``name`` (ignoring a trailing （…）) and the class it implies."""
    core = _PAREN.sub("", name)
    for size in range(min(6, len(core)), 0, -1):
        cls = SUFFIX_CLASSES.get(core[-size:])
        if cls:
            return core[-size:], cls
    return None


def _located(text: str) -> str | None:
    """The first resolvable place in a ``located_in_zh`` value (city first, then country)."""
    for part in text.split("，"):
        info = resolve_place(part)
        if info:
            return info.canonical
    return None


def _note_aliases(evidence: str) -> tuple[str, ...]:
    aliases = []
    for segment in evidence.split("|"):
        match = _NOTE.search(segment.strip())
        if match:
            aliases += [_PAREN.sub("", a.split("（")[0]) for a in _QUOTED.findall(match.group(1))]
    # 市科技局 is relative to the document's region: resolved per document, never a global alias
    return tuple(a for a in aliases if len(a) >= 2 and a[0] not in "省市区县")


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, OrgInfo]:
    """Every known name and alias -> its organisation (link table first, then built-in table)."""
    names: dict[str, OrgInfo] = {}
    for canonical, (cls, place, aliases) in BUILTIN_ORGS.items():
        names[canonical] = OrgInfo(canonical, cls, place, _level_of(canonical, cls), None, None, aliases)
    for row in read_links().rows:
        if row.kind == "place":
            continue
        found = suffix_class(row.name_zh)
        cls = _KIND_CLASS.get(row.kind) or (found[1] if found else "ResearchInstitute")
        builtin = names.get(row.name_zh)
        aliases = tuple(dict.fromkeys(_note_aliases(row.evidence) + (builtin.aliases if builtin else ())))
        located = _located(row.located_in_zh) or (builtin.located_in if builtin else None)
        names[row.name_zh] = OrgInfo(row.name_zh, cls, located, _level_of(row.name_zh, cls), None,
                                     row.name_en or None, aliases)
    for info in list(names.values()):
        parent = _known_prefix(info.canonical, names)
        if parent:
            names[info.canonical] = info = replace(info, parent=parent)
        for alias in info.aliases:
            names.setdefault(alias, info)
    return names


def _known_prefix(name: str, names: dict[str, OrgInfo]) -> str | None:
    for size in range(len(name) - 2, 1, -1):
        info = names.get(name[:size])
        if info and info.canonical == name[:size]:
            return info.canonical
    return None


@lru_cache(maxsize=1)
def gazetteer_pattern() -> re.Pattern[str]:
    return re.compile(trie_pattern(set(gazetteer())))


def resolve_org(name: str) -> OrgInfo | None:
    """The known organisation a name or alias refers to."""
    return gazetteer().get(name.strip())


def _level_of(name: str, cls: str) -> str | None:
    if cls in _NO_LEVEL:
        return None
    if name.startswith(("国家", "中国", "全国", "中华人民共和国")):
        return "NationalLevel"
    places = places_in(name[:8])
    if not places or places[0].start != 0:
        return None
    last = places[1] if len(places) > 1 and places[1].start == places[0].end else places[0]
    if last.surface != last.info.canonical:
        return None  # only a scope written in full (江苏省…, 苏州市…, 相城区…) states a level
    levels = {"Province": "ProvincialLevel", "City": "MunicipalLevel", "District": "DistrictLevel"}
    return levels.get(last.info.kind) if last.surface.endswith(("省", "市", "区", "县")) else None


def resolve_scope(scope: str, region: str | None) -> PlaceInfo | None:
    """The place meant by a bare scope word (省/市/区/县) in a document governing ``region``."""
    info = resolve_place(region) if region else None
    wanted = {"省": ("Province",), "市": ("City",), "区": ("District",), "县": ("District",)}.get(scope)
    if info is None or wanted is None:
        return None
    if scope == "市" and info.kind == "District" and info.canonical.endswith("市"):
        return info  # county-level city: 市 is the city itself
    if scope == "区" and info.kind == "DevelopmentZone" and info.canonical.endswith("区"):
        return info  # 区科技局 in a 苏州高新区 document: the zone's own bureau
    if scope in "区县" and not info.canonical.endswith(scope):
        return None
    for _ in range(4):
        if info.kind in wanted:
            return info
        info = resolve_place(info.parent) if info.parent else None
        if info is None:
            return None
    return None


def relative_zone(word: str, region: str | None) -> PlaceInfo | None:
    """The zone a bare zone word means in a document governing ``region`` (园区 in a 苏州工业园区 plan)."""
    if not region or word not in RELATIVE_ZONES:
        return None
    found = resolve_place(word, region)
    if found:
        return found
    info = resolve_place(region)
    return info if info and info.kind == "DevelopmentZone" and info.canonical.endswith(word) else None


@lru_cache(maxsize=65536)
def describe(name: str, parent: OrgInfo | None = None, cls: str | None = None) -> OrgInfo:
    """What a (canonical) organisation name tells: class, place, level, parent (cached: names recur across documents)."""
    known = resolve_org(name)
    if known and known.canonical == name:
        return known
    found = suffix_class(name)
    cls = (found[1] if found else None) or cls or "Enterprise"
    if "离岸" in name and cls in ("Incubator", "InnovationCenter"):
        cls = "OffshoreIncubator"
    if cls == "Enterprise" and any(word in name for word in FINANCIAL_WORDS):
        cls = "FinancialInstitution"  # …财产保险股份有限公司, …融资担保有限公司
    if name.endswith(tuple(DEPARTMENTS.values())) and cls in ("InnovationCenter", "ResearchInstitute"):
        cls = "GovernmentBody" if not name.endswith(("研究院", "科学院")) else cls
    rest = name
    if parent:
        known = gazetteer_pattern().match(name)
        rest = name[len(parent.canonical) :] if name.startswith(parent.canonical) else name[known.end() if known else 0 :]
    places = [p for p in places_in(rest) if p.info.kind != "Region"]
    specific = [p for p in places[1:] if p.info.kind in ("District", "Town", "DevelopmentZone", "ForeignCity")]
    place = (specific or places)[-1 if specific else 0] if places else None  # 江苏科技大学张家港校区 -> 张家港市
    located = place.info.canonical if place else (parent.located_in if parent else None)
    level = None if parent else _level_of(name, cls)
    return OrgInfo(name, cls, located, level, parent.canonical if parent else None)
