"""Place gazetteer: find and resolve place names to one canonical name each.

Canonical names are the full official Chinese names used in the link table
(``相城区``, ``太仓市``, ``苏州市``, ``江苏省``, ``德国``); the place IRI is
``entity_iri("place", canonical)``. This first version knows the link table's
places and short forms made by dropping the administrative suffix (``相城`` → ``相城区``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from stikg.loaders.links_table import read_links

__all__ = ["PlaceInfo", "PlaceMatch", "find_places", "resolve_place"]

_SUFFIXES = ("特别行政区", "自治区", "省", "市", "区", "县", "镇", "街道")


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


def _kind_for(name: str, located_in: str, adcode: str) -> str:
    if not located_in:
        return "Country"
    if adcode.endswith("0000"):
        return "Province"
    if adcode.endswith("00"):
        return "City"
    if adcode:
        return "DevelopmentZone" if "园区" in name else "District"
    return "ForeignCity"


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, PlaceInfo]:
    names: dict[str, PlaceInfo] = {}
    for row in read_links().rows:
        if row.kind != "place":
            continue
        parent = row.located_in_zh.split("，")[-1] if row.located_in_zh else None
        info = PlaceInfo(row.name_zh, _kind_for(row.name_zh, row.located_in_zh, row.adcode), parent)
        names[row.name_zh] = info
        for suffix in _SUFFIXES:
            short = row.name_zh.removesuffix(suffix)
            if short != row.name_zh and len(short) >= 2:
                names.setdefault(short, info)
    return names


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = sorted(_gazetteer(), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


def resolve_place(name: str) -> PlaceInfo | None:
    """The place a name (full or short form) refers to, if known."""
    return _gazetteer().get(name.strip())


def find_places(text: str, start: int = 0, end: int | None = None) -> list[PlaceMatch]:
    """Every known place named in ``text[start:end]``, longest match first, with offsets."""
    stop = len(text) if end is None else end
    return [
        PlaceMatch(_gazetteer()[m.group()], m.start(), m.end(), m.group())
        for m in _pattern().finditer(text, start, stop)
    ]
