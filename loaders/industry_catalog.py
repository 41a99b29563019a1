"""Industry catalogue (``data/reference/industries.csv``): canonical names, aliases, broader categories.

Plans name the same industry many ways (高端装备制造业, 高端装备制造, 高端装备); the
catalogue maps each to one canonical name, so a region's focus on it is one concept,
and gives its broader national category when certain (生物医药 ⊂ 战略性新兴产业).
Names not in the catalogue are normalised by :func:`normalise_industry`.
"""

from __future__ import annotations

import csv
import importlib.resources
import io
import re
from dataclasses import dataclass
from functools import lru_cache

from stikg.errors import InvalidDataError
from stikg.loaders.places import trie_regex

__all__ = ["IndustryEntry", "broader_of", "catalogue_pattern", "lookup_industry", "normalise_industry"]

# suffixes that do not change the industry: 生物医药产业 = 生物医药
_SUFFIX = re.compile(r"(?:战略性新兴产业|新兴产业|产业集群|产业链|产业|行业|领域|方向|集群)+$")
_PREFIX = re.compile(r"^(?:发展|培育|打造|壮大|做强|做优|加快|重点|新兴|优势|特色|主导|先导|相关|等)+")
_GENERIC = frozenset(
    ["技术", "创新", "科技", "产业", "企业", "人才", "平台", "项目", "载体", "资本", "金融", "服务", "制造", "制造业", "经济", "工业", "农业", "应用", "研发", "数字", "信息", "高新技术", "新兴", "未来", "传统", "现代", "重点", "优势", "特色", "主导", "先导", "前沿", "基础", "关键", "核心", "其他"]
)
_VALID = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9+]{2,10}$")
_NOT_AN_INDUSTRY = re.compile(
    r"[一二两三四五六七八九十\d]大|^(?:引进|挖掘|建设|推进|推动|加快|提升|支持|实现|开展|加强|强化|促进|完善|形成|构建)"
    r"|(?:引进|挖掘|建设|推进|提升|攻关|合作|对接)$|[为是将在的]"
)


@dataclass(frozen=True)
class IndustryEntry:
    canonical: str
    aliases: tuple[str, ...]
    broader: str | None


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, IndustryEntry]:
    """Every surface (canonical or alias) -> its entry."""
    resource = importlib.resources.files("stikg.data") / "reference" / "industries.csv"
    reader = csv.DictReader(io.StringIO(resource.read_text(encoding="utf-8")))
    entries: dict[str, IndustryEntry] = {}
    for record in reader:
        name = (record.get("name_zh") or "").strip()
        if not name:
            raise InvalidDataError(f"industries.csv line {reader.line_num}: empty name_zh")
        aliases = tuple(a.strip() for a in (record.get("aliases") or "").split("|") if a.strip())
        entry = IndustryEntry(name, aliases, (record.get("broader_zh") or "").strip() or None)
        for surface in (name, *aliases):
            entries[surface] = entry
    for entry in set(entries.values()):
        if entry.broader and entry.broader not in entries:
            raise InvalidDataError(f"industries.csv: {entry.canonical}'s broader {entry.broader!r} is not in the catalogue")
    return entries


@lru_cache(maxsize=1)
def catalogue_pattern() -> re.Pattern[str]:
    """One regex matching any catalogued name, the longest at each position."""
    return re.compile(trie_regex(sorted(_catalogue())))


@lru_cache(maxsize=16384)
def lookup_industry(surface: str) -> IndustryEntry | None:
    """The catalogue entry a name refers to, also after dropping 产业/产业链/行业 suffixes."""
    entries = _catalogue()
    return entries.get(surface) or entries.get(_SUFFIX.sub("", surface))


def broader_of(canonical: str) -> str | None:
    entry = _catalogue().get(canonical)
    return entry.broader if entry else None


@lru_cache(maxsize=16384)
def normalise_industry(name: str) -> str | None:
    """A canonical industry name for ``name`` (as written in a list), or None if it is no industry."""
    name = re.sub(r"[“”\"‘’「」《》\s]", "", name)
    name = name.rsplit("的", 1)[-1]
    entry = lookup_industry(name)
    if entry:
        return entry.canonical
    stripped = _SUFFIX.sub("", _PREFIX.sub("", name))
    entry = lookup_industry(stripped)
    if entry:
        return entry.canonical
    if not _VALID.match(stripped) or stripped in _GENERIC or _NOT_AN_INDUSTRY.search(stripped):
        return None
    return stripped
