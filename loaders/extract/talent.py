"""Extractor for talent programmes: 姑苏创新创业领军人才计划, 国家重大人才工程, 太仓科技领军人才 …

A programme is found three ways: a known programme by any of its names (``_KNOWN``);
a place-branded leading-talent scheme (``太仓科技领军人才``); or a name ending in
计划/工程/专项 that carries a talent word (人才, 引才, 双创, 带头人 …) and says more than
generic words (人才计划, 各类人才计划, 重点产业人才专项 are no programmes). Its level
comes from the catalogue, the name (国家…/省…/姑苏…) or the document's region.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from stikg.graph.iris import entity_iri
from stikg.graph.vocab import STIKG
from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document
from stikg.loaders.extract.places import document_region
from stikg.loaders.places import places_within, resolve_place, short_name, trie_regex
from stikg.loaders.rdf import GraphBuilder, iri

__all__ = ["ProgramMention", "extract", "find_programs", "program_iri"]

# canonical name -> (level, other names); well-known programmes of the state, Jiangsu and Suzhou
_KNOWN: dict[str, tuple[str, tuple[str, ...]]] = {
    "国家重大人才工程": ("NationalLevel", ("国家级人才工程", "国家级重大人才工程", "国家级重大人才培育工程", "国家重大人才计划")),
    "国家高层次人才特殊支持计划": ("NationalLevel", ("万人计划", "国家万人计划", "国家特支计划")),
    "国家海外高层次人才引进计划": ("NationalLevel", ("千人计划", "国家千人计划", "海外高层次人才引进计划")),
    "江苏省高层次创新创业人才引进计划": (
        "ProvincialLevel",
        ("省双创计划", "省双创人才计划", "江苏省双创计划", "江苏双创计划", "双创计划", "省双创人才", "省双创团队", "省双创博士"),
    ),
    "江苏省333高层次人才培养工程": ("ProvincialLevel", ("333工程", "333高层次人才培养工程", "省333工程")),
    "江苏省六大人才高峰项目": ("ProvincialLevel", ("六大人才高峰", "省六大人才高峰")),
    "姑苏创新创业领军人才计划": (
        "MunicipalLevel",
        ("姑苏领军人才", "姑苏领军人才计划", "姑苏创新创业领军人才", "苏州创新创业领军人才", "苏州市创新创业领军人才"),
    ),
    "姑苏科技创业天使计划": ("MunicipalLevel", ("科技创业天使计划",)),
    "姑苏重点产业紧缺人才计划": ("MunicipalLevel", ("重点产业紧缺人才计划",)),
}
_HEAD = re.compile(r"计划|工程|专项")
_TALENT_WORD = re.compile(r"人才|英才|引才|引智|双创|带头人|领军|专家|学者|院士")
_VERB = re.compile(r"以|对|实施|入选|立项|纳入|申报|新增|累计|依托|通过|获得|开展|推进|启动|组织|设立|用好|参与|支持|获评|列入|入围|推荐")
_GENERIC_WORDS = re.compile(
    r"各类|各级|相关|有关|其他|上级|本级|国家级|省级|市级|区级|县级|以上|科技|创新|创业|领军|人才|高层次|重点|产业|青年|"
    r"顶尖|高端|海外|外籍|优秀|紧缺|急需|引进|培育|培养|团队|重大|计划|工程|专项|类|项目|各|和|及|与|的|“|”"
)
_LEVEL_BY_PREFIX = (("国家", "NationalLevel"), ("江苏", "ProvincialLevel"), ("省", "ProvincialLevel"),
                    ("姑苏", "MunicipalLevel"), ("苏州", "MunicipalLevel"), ("市", "MunicipalLevel"))
_LEVEL_BY_KIND = {"Country": "NationalLevel", "Province": "ProvincialLevel", "City": "MunicipalLevel",
                  "District": "DistrictLevel", "DevelopmentZone": "DistrictLevel", "Town": "DistrictLevel"}


@dataclass(frozen=True)
class ProgramMention:
    canonical: str
    level: str | None  # STIKG level term name, e.g. "MunicipalLevel"
    start: int
    end: int


def program_iri(canonical: str) -> ox.NamedNode:
    return iri(entity_iri("talent-program", canonical))


@lru_cache(maxsize=1)
def _known() -> tuple[dict[str, str], re.Pattern[str]]:
    names = {alias: canonical for canonical, (_, aliases) in _KNOWN.items() for alias in (canonical, *aliases)}
    return names, re.compile(trie_regex(sorted(names)))


@lru_cache(maxsize=1)
def _branded() -> re.Pattern[str]:
    """``相城领军人才``, ``太仓科技领军人才计划``: a Suzhou district's own leading-talent scheme."""
    brands = sorted({short_name(p.canonical) for p in places_within("苏州市")} | {"娄城"}, key=len, reverse=True)
    return re.compile(f"(?P<brand>{'|'.join(map(re.escape, brands))})(?:市|区)?(?P<mid>科技|创新创业)?领军人才(?:计划)?")


def _level(name: str, region: str | None) -> str | None:
    for prefix, level in _LEVEL_BY_PREFIX:
        if name.startswith(prefix):
            return level
    info = resolve_place(region) if region else None
    return _LEVEL_BY_KIND.get(info.kind) if info else None


def _generic_candidates(text: str, start: int, end: int, region: str | None) -> list[ProgramMention]:
    """Names ending in 计划/工程/专项 with a talent word and something specific about them."""
    found = []
    for head in _HEAD.finditer(text, start, end):
        left = head.start()
        while left > start and head.end() - left < 18 and (
            "\u4e00" <= text[left - 1] <= "\u9fff" or text[left - 1] in "“”"
        ):
            left -= 1
        verbs = list(_VERB.finditer(text, left, head.start()))
        left = verbs[-1].end() if verbs else left
        while left < head.start() and text[left] == "”":
            left += 1
        name = text[left:head.end()]
        if not _TALENT_WORD.search(name) or not _GENERIC_WORDS.sub("", name):
            continue
        if re.match(r"各|全|本|该|相关|有关|其他|[省市区县]级", name):
            continue
        canonical = re.sub(r"[“”\"]", "", name)
        found.append(ProgramMention(canonical, _level(canonical, region), left, head.end()))
    return found


def find_programs(text: str, start: int = 0, end: int | None = None, region: str | None = None) -> list[ProgramMention]:
    """Every talent programme named in ``text[start:end]`` with its level, in text order."""
    stop = len(text) if end is None else end
    names, known = _known()
    found = [
        ProgramMention(names[m.group()], _KNOWN[names[m.group()]][0], m.start(), m.end())
        for m in known.finditer(text, start, stop)
    ]
    for m in _branded().finditer(text, start, stop):
        place = resolve_place(m.group("brand")) or resolve_place(region or "")
        canonical = f"{m.group('brand')}{m.group('mid') or ''}领军人才计划"
        level = _LEVEL_BY_KIND.get(place.kind) if place else None
        found.append(ProgramMention(canonical, level, m.start(), m.end()))
    found.extend(_generic_candidates(text, start, stop, region))
    kept: list[ProgramMention] = []
    for mention in sorted(found, key=lambda p: (p.start, -(p.end - p.start))):
        if not any(k.start < mention.end and mention.start < k.end for k in kept):
            kept.append(mention)
    return kept


def extract(doc: Document, ctx: ExtractionContext, out: GraphBuilder) -> None:
    region = document_region(doc, ctx)
    for mention in find_programs(doc.text, region=region):
        node = program_iri(mention.canonical)
        out.add_type(node, STIKG.TalentProgram)
        out.label(node, mention.canonical)
        if mention.level:
            out.add(node, STIKG.level, getattr(STIKG, mention.level))
        out.mention(node, mention.start, mention.end)
