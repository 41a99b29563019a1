"""Place gazetteer: find and resolve place names to one canonical name each.

Canonical names are the full official Chinese names used in the link table
(``相城区``, ``太仓市``, ``苏州市``, ``江苏省``, ``德国``); the place IRI is
``entity_iri("place", canonical)``. Names come from the link table and from the
general gazetteer ``data/reference/places.csv`` (``name_zh,kind,parent_zh,aliases``).

Aliases in places.csv: ``a|b`` are other names; ``园区@苏州市`` is an alias only in a
document governing 苏州市 (and only standing alone, not inside a longer word);
``!姑苏`` switches off the automatic short form (姑苏实验室 is no district).
Short forms drop the administrative suffix (``相城`` → ``相城区``) for provinces,
cities and districts. Towns (``X镇``/``X街道``) not in the gazetteer are found by a
conservative pattern, development zones by a known place plus a zone suffix
(``吴江高新区``). Known names are matched by one Aho-Corasick automaton, towns by one
regex, so a scan is linear in the text.
"""

from __future__ import annotations

import bisect
import csv
import importlib.resources
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick_rs

from stikg.errors import InvalidDataError
from stikg.loaders.links_table import read_links

__all__ = [
    "KINDS",
    "PlaceInfo",
    "PlaceMatch",
    "aliases_of",
    "find_places",
    "guess_region",
    "places_within",
    "resolve_place",
    "short_name",
    "trie_regex",
]

KINDS = ("Country", "Province", "City", "District", "Town", "DevelopmentZone", "ForeignCity", "Region")
_SUFFIXES = ("特别行政区", "自治区", "省", "市", "区", "县")
_SHORTENED = ("Province", "City", "District")
# a zone named after a place: 吴江高新区, 昆山开发区 (long official suffixes first)
_ZONE_SUFFIX = re.compile(
    r"高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区|开发区|旅游度假区|度假区|高铁新城|科技城|综合保税区|保税区"
)
_ZONE_SHORT = {"高新技术产业开发区": "高新区", "经济技术开发区": "经开区", "经济开发区": "经开区", "旅游度假区": "度假区"}
# standing alone, these name the document region's own zone (高新区 in a 昆山 plan = 昆山高新区)
_RELATIVE_ZONES = ("高新区", "经开区")
_BOUNDARY = set("，,。、；;：:（(）)“”\"‘’《》【】 \t\n　和与及在至到对由向")
# X镇 / X街道 with a two- or three-character name after a boundary (or a district name)
_TOWN = r"(?<=[，,。、；;：:（(“《\s　和与及在至到对由区市县])[\u4e00-\u9fff]{2,3}(?:镇|街道)(?![长级区村])"
_TOWN_STOP = re.compile(
    r"[各全本该每乡村个几些等型小级区市县]|^[一二两三四五六七八九十百千和与及在至到对由向]"
    r"|重点|特色|中心|科技|相关|其他|支持|鼓励|推进|推动|引导|加快|建设|打造"
)


@dataclass(frozen=True)
class PlaceInfo:
    canonical: str  # e.g. "相城区"
    kind: str  # Country, Province, City, District, Town, DevelopmentZone, ForeignCity, Region (stikg class names)
    parent: str | None  # canonical name of the containing place, e.g. "苏州市"


@dataclass(frozen=True)
class PlaceMatch:
    info: PlaceInfo
    start: int
    end: int
    surface: str  # the text as written


@dataclass
class _Gazetteer:
    names: dict[str, PlaceInfo] = field(default_factory=dict)  # surface -> place
    contextual: dict[tuple[str, str], PlaceInfo] = field(default_factory=dict)  # (surface, region) -> place
    aliases: dict[str, list[str]] = field(default_factory=dict)  # canonical -> written aliases


def _links_places() -> dict[str, PlaceInfo]:
    """The link table's places; the kind guessed from the division code."""
    out: dict[str, PlaceInfo] = {}
    for row in read_links().rows:
        if row.kind != "place":
            continue
        parts = [p for p in row.located_in_zh.split("，") if p]
        parent = parts[-1] if parts else None
        if not parent:
            kind = "Country"
        elif row.adcode.endswith("0000"):
            kind = "Province"
        elif row.adcode.endswith("00"):
            kind = "City"
        elif row.adcode:
            kind = "DevelopmentZone" if "园区" in row.name_zh else "District"
        else:
            kind = "ForeignCity"
        out[row.name_zh] = PlaceInfo(row.name_zh, kind, parent)
    return out


def _read_csv() -> list[tuple[PlaceInfo, list[str]]]:
    resource = importlib.resources.files("stikg.data") / "reference" / "places.csv"
    reader = csv.DictReader(io.StringIO(resource.read_text(encoding="utf-8")))
    rows = []
    for record in reader:
        name = (record.get("name_zh") or "").strip()
        kind = (record.get("kind") or "").strip()
        if not name or kind not in KINDS:
            raise InvalidDataError(
                f"places.csv line {reader.line_num}: bad row (name {name!r}, kind {kind!r}); "
                f"kind must be one of {', '.join(KINDS)}"
            )
        aliases = [a.strip() for a in (record.get("aliases") or "").split("|") if a.strip()]
        rows.append((PlaceInfo(name, kind, (record.get("parent_zh") or "").strip() or None), aliases))
    return rows


def _short_form(info: PlaceInfo) -> str | None:
    if info.kind not in _SHORTENED:
        return None
    for suffix in _SUFFIXES:
        short = info.canonical.removesuffix(suffix)
        if short != info.canonical:
            return short if len(short) >= 2 else None
    return None


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    gaz = _Gazetteer()
    places = _links_places()
    blocked: set[str] = set()
    for info, aliases in _read_csv():
        linked = places.get(info.canonical)
        # the csv knows kinds and parents better; the link table's name stays canonical
        places[info.canonical] = PlaceInfo(info.canonical, info.kind, info.parent or (linked and linked.parent))
        for alias in aliases:
            if alias.startswith("!"):
                blocked.add(alias[1:])
            elif "@" in alias:
                surface, _, region = alias.partition("@")
                gaz.contextual[(surface, region)] = places[info.canonical]
            else:
                gaz.aliases.setdefault(info.canonical, []).append(alias)
    for info in places.values():
        short = _short_form(info)
        if short and short not in blocked:
            gaz.names.setdefault(short, info)
    for canonical, aliases in gaz.aliases.items():
        for alias in aliases:
            gaz.names[alias] = places[canonical]
    for info in places.values():
        gaz.names[info.canonical] = info
    return gaz


def trie_regex(words: list[str]) -> str:
    """A regex matching any of ``words``, the longest at each position, without backtracking over words."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def render(node: dict) -> str:
        end = "" in node
        branches = [re.escape(c) + render(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else f"{body}?"
        return body

    return render(trie)


@lru_cache(maxsize=1)
def _patterns() -> tuple[ahocorasick_rs.AhoCorasick, re.Pattern[str]]:
    """Known names (an Aho-Corasick automaton: 4x faster than a regex over their trie), and
    unknown towns (a regex)."""
    gaz = _gazetteer()
    words = set(gaz.names) | {surface for surface, _ in gaz.contextual} | set(_RELATIVE_ZONES)
    return ahocorasick_rs.AhoCorasick(sorted(words)), re.compile(_TOWN)


def _longest_names(text: str, start: int, stop: int) -> tuple[list[int], list[int]]:
    """Where a known name starts in ``text[start:stop]`` and where the longest one there ends.

    The same matches a regex over the names' trie would find at each position (the longest
    name starting there), for every position at once, in one pass in Rust.
    """
    automaton = _patterns()[0]
    window = text if start == 0 and stop == len(text) else text[start:stop]
    longest: dict[int, int] = {}
    for _, s, e in automaton.find_matches_as_indexes(window, overlapping=True):
        if e > longest.get(s, -1):
            longest[s] = e
    starts = sorted(longest)
    return [s + start for s in starts], [longest[s] + start for s in starts]


def resolve_place(name: str, region: str | None = None) -> PlaceInfo | None:
    """The place a name (full, short or alias form) refers to, if known; ``region`` enables contextual aliases."""
    gaz = _gazetteer()
    name = name.strip()
    if region and (name, region) in gaz.contextual:
        return gaz.contextual[(name, region)]
    return gaz.names.get(name)


def aliases_of(canonical: str) -> list[str]:
    """The other names places.csv gives for a place (for ``skos:altLabel``)."""
    return list(_gazetteer().aliases.get(canonical, ()))


def short_name(canonical: str) -> str:
    """The name without its administrative suffix (相城区 → 相城), or the name itself."""
    info = resolve_place(canonical)
    short = _short_form(info) if info else None
    return short or canonical


def places_within(parent: str) -> list[PlaceInfo]:
    """Every known place whose parent is ``parent`` (苏州市 → its districts and zones)."""
    return sorted({i for i in _gazetteer().names.values() if i.parent == parent}, key=lambda i: i.canonical)


def _standalone(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    return before in _BOUNDARY and not (before in "（(" and after in "）)")


def _contextual(text: str, start: int, end: int, region: str | None) -> PlaceInfo | None:
    """A word that names a place only in context: 园区, 高新区, 高铁新城 standing alone."""
    surface = text[start:end]
    if not region or not _standalone(text, start, end):
        return None
    found = resolve_place(surface, region)
    if found or surface not in _RELATIVE_ZONES:
        return found
    info = resolve_place(region)
    if not info or info.kind not in ("City", "District"):
        return None
    name = short_name(region) + surface
    return resolve_place(name) or PlaceInfo(name, "DevelopmentZone", region)


def _zone(text: str, info: PlaceInfo, end: int, stop: int) -> tuple[PlaceInfo, int] | None:
    """``相城`` + ``高新区`` → the zone 相城高新区 (known or new, part of the place)."""
    if info.kind not in ("City", "District"):
        return None
    match = _ZONE_SUFFIX.match(text, end, stop)
    if not match:
        return None
    name = short_name(info.canonical) + _ZONE_SHORT.get(match.group(), match.group())
    return (resolve_place(name) or PlaceInfo(name, "DevelopmentZone", info.canonical)), match.end()


def _town(surface: str, region: str | None) -> PlaceInfo | None:
    name = surface.removesuffix("街道").removesuffix("镇")
    if _TOWN_STOP.search(name):
        return None
    return PlaceInfo(surface, "Town", region)


_WHOLE_TEXT_MIN = 2000  # texts at least this long are scanned once and the matches reused
_scans: dict[tuple[str, str | None], tuple[list[int], list[PlaceMatch]]] = {}
_searches: dict[str, dict] = {}  # text -> the regex searches made over it, shared by every region's scan


def find_places(text: str, start: int = 0, end: int | None = None, *, region: str | None = None) -> list[PlaceMatch]:
    """Every place named in ``text[start:end]``, longest match first, with offsets.

    ``region`` (the document's governed region) resolves words that name a place only
    in context (高新区 in a 相城区 plan is 相城高新区) and is the parent of unknown towns.
    Extractors ask for many small ranges of one long document text; that text is
    scanned once and each range answered from the cached matches.
    """
    stop = len(text) if end is None else end
    if len(text) < _WHOLE_TEXT_MIN:
        return _scan(text, start, stop, region, {})
    key = (text, region)
    if key not in _scans:
        if len(_scans) >= 4:
            _scans.pop(next(iter(_scans)))
        if text not in _searches and len(_searches) >= 2:
            _searches.pop(next(iter(_searches)))
        matches = _scan(text, 0, len(text), region, _searches.setdefault(text, {}))
        _scans[key] = ([m.start for m in matches], matches)
    starts, matches = _scans[key]
    i = bisect.bisect_left(starts, start)
    found = []
    while i < len(matches) and matches[i].start < stop:
        if matches[i].end <= stop:
            found.append(matches[i])
        i += 1
    return found


def _scan(text: str, start: int, stop: int, region: str | None, memo: dict) -> list[PlaceMatch]:
    """Places in ``text[start:stop]``, left to right: at each step the leftmost name or town
    match (a name wins a tie), as one alternation ``name|town`` would find it.

    Known names come from one automaton pass over the range; the town regex's next match
    is kept until the scan passes it. Both are kept in ``memo`` (scans of one text for
    other regions ask the same); one loop, no helper calls per match, as this runs once
    for every place in every document.
    """
    names = _gazetteer().names
    town_re = _patterns()[1]
    spans = memo.get(("names", start, stop))
    if spans is None:
        spans = memo[("names", start, stop)] = _longest_names(text, start, stop)
    name_starts, name_ends = spans
    count, i = len(name_starts), 0
    found: list[PlaceMatch] = []
    pos = start
    town = None  # the town regex's next match at or after the last search; False: none left
    while True:
        while i < count and name_starts[i] < pos:
            i += 1
        if town is None or (town is not False and town.start() < pos):
            town = memo.get((1, pos, stop))
            if town is None:
                town = memo[(1, pos, stop)] = town_re.search(text, pos, stop) or False
        if i < count and (not town or name_starts[i] <= town.start()):
            s, e = name_starts[i], name_ends[i]
            surface = text[s:e]
            info = names.get(surface) or _contextual(text, s, e, region)
            zone = _zone(text, info, e, stop) if info else None
            if zone:
                info, e = zone
        elif town:
            s, e = town.span()
            surface = town.group()
            info = names.get(surface) or _town(surface, region)
        else:
            return found
        if info is None:
            pos = s + 1
            continue
        found.append(PlaceMatch(info, s, e, text[s:e]))
        pos = e


def guess_region(text: str, head_chars: int = 300) -> str | None:
    """The governed region from a document's opening lines: its most named Suzhou district, else 苏州市.

    A fallback for documents whose metadata names no region: ``苏州市相城区“十四五”规划``
    names 苏州市 and 相城区 once each; the district is the more specific, so it wins.
    """
    counts: Counter[str] = Counter()
    city = None
    for match in find_places(text, 0, min(len(text), head_chars)):
        info = match.info
        parent = resolve_place(info.parent) if info.parent else None
        if info.kind in ("Town", "DevelopmentZone") and parent and parent.kind == "District":
            info = parent  # 汾湖高新区, 阳澄湖镇 speak for their district
        if info.parent == "苏州市" and info.kind in ("District", "DevelopmentZone"):
            counts[info.canonical] += 1
        elif info.kind == "City" and city is None:
            city = info.canonical
    if counts:
        return counts.most_common(1)[0][0]
    return city
