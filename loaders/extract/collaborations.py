"""Extractor for collaboration statements: who cooperates with, jointly builds with or docks with whom.

Works clause by clause (a sentence cut at ，；：) on the organisations the institutions
extractor found (``ctx.org_mentions``) and the places named in the clause. The kind
comes from the verb (共建 → JointBuild, 战略合作 → StrategicCooperation, 对接 → Docking,
离岸 → Offshore, 飞地 → Enclave, 加入/成员 → Membership, 合作 → Cooperation). Parties:

* ``[甲]与乙、丙…合作/共建…`` — 甲 (or, when no party precedes 与, the governed region
  itself) and the parties between 与 and the verb; what follows the verb (the thing
  built) is not a party;
* ``对接/加入 乙、丙`` — the parties after the verb, with 甲 or the region;
* otherwise the parties before the verb, with the region when only one is named.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import pyoxigraph as ox

from stikg.graph.vocab import RDFS, STIKG
from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document
from stikg.loaders.extract.institutions import document_region, entity_node, place_node, term
from stikg.loaders.orgs import OrgMatch, relative_zone
from stikg.loaders.places import find_places, resolve_place
from stikg.loaders.rdf import GraphBuilder, lit

__all__ = ["Party", "extract", "find_collaborations"]

_KINDS = (
    ("JointBuild", ("合作共建", "联合共建", "共同建设", "合作建设", "联合建设", "共建")),
    ("StrategicCooperation", ("战略合作",)),
    ("Docking", ("对接",)),
    ("Offshore", ("离岸",)),
    ("Enclave", ("飞地",)),
    ("Membership", ("加入", "成员")),
    ("Cooperation", ("合作", "协作", "携手", "联合", "协同攻关", "协同创新", "协同开展")),
)
_KIND_OF = {word: kind for kind, words in _KINDS for word in words}
# 合作区/合作园/合作模式 name a zone or a form, not a statement of cooperation; 把产学研合作作为… uses the
# word as a noun. 会同甲推出乙 and 与甲的联系 state a cooperation only in these frames.
_NOT_A_STATEMENT = "(?!区|园|示范区|创新园|模式|伙伴|作为|列为|当作|视为)"
# one flat alternation, each word with its own lookahead: a nested group, or a second top-level branch
# next to it, stops the regex engine from skipping ahead to candidate characters (4x slower per sentence)
_TRIGGER = re.compile(
    "|".join(f"{word}{_NOT_A_STATEMENT}" for word in sorted(_KIND_OF, key=len, reverse=True))
    + "|会同(?=[^，；：,;:。！？]{1,60}?(?:推出|发行|发布))"
    + "|联系(?<=的联系)(?!人|电话|方式|地址)"
)
_KIND_OF.update({"会同": "Cooperation", "联系": "Cooperation"})
_TITLE = re.compile(r"《[^《》\n]{0,80}》")
_CLAUSE = re.compile(r"[^，；：,;:。！？]+")
_WITH = re.compile(r"与|同|会同")
# verbs whose partners follow them (对接上海, 加入联盟, 联合甲、乙建设…)
_AFTER_VERB = ("对接", "加入", "成员", "携手", "联合", "会同")
_BUILD = re.compile("建设|组建|设立|打造")
# 联合/携手/会同甲、乙推出丙: the partners end at the joint action; 丙 (吴中人才贷) is not a party
_JOINT_ACTION = re.compile("推出|发行|发布|开展|举办")
# 组织企业赴德国、以色列开展对接: the places visited are the partners
_GO = re.compile("赴|前往")
# 甲、乙与所在地合作: a bare word for the locality stands for the governed region (as the annotations take it);
# a qualified one (龙头企业, 本地企业) is left alone, the annotations do not take the region for it
_GENERIC = re.compile("(?:所在地|地方|属地|当地)(?:开展|共同|深度|深入|紧密)?")
_ZONE_WORD = re.compile("园区|高新区|经开区|开发区|保税区|度假区")


@dataclass(frozen=True)
class Party:
    kind: str  # "org" or "place"
    name: str  # canonical Chinese name
    start: int
    end: int


class _Mentions:
    """A document's organisation mentions by start offset: a clause's are found by bisection, not a scan of all."""

    def __init__(self, mentions: list[OrgMatch]) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)  # stable: already in text order
        self.starts = [m.start for m in self.mentions]

    def between(self, lo: int, hi: int) -> list[OrgMatch]:
        """The mentions that start in ``[lo, hi)``, in text order."""
        return self.mentions[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]


def _parties(doc: Document, mentions: _Mentions, lo: int, hi: int, region: str | None) -> list[Party]:
    """Organisations and places named in ``text[lo:hi]``, outside book titles (《…》)."""
    orgs = [Party("org", m.info.canonical, m.start, m.end) for m in mentions.between(lo, hi)]
    covered = [(p.start, p.end) for p in orgs] + [t.span() for t in _TITLE.finditer(doc.text, lo, hi)]
    orgs = [p for p in orgs if not any(s <= p.start < e for s, e in covered[len(orgs) :])]
    found = [
        m
        for m in find_places(doc.text, lo, hi, region=region)
        if not any(s <= m.start < e for s, e in covered)
    ]
    org_starts = {p.start for p in orgs}
    places = [
        Party("place", m.info.canonical, m.start, m.end)
        for i, m in enumerate(found)
        if not (
            i + 1 < len(found)
            and found[i + 1].start == m.end
            and found[i + 1].info.parent == m.info.canonical
        )
        and m.end not in org_starts
    ]  # 美国硅谷, 上海市嘉定区: the narrower place is the partner; 德国|慕尼黑工业大学: the country qualifies the name
    taken = covered + [(p.start, p.end) for p in places]
    for m in _ZONE_WORD.finditer(doc.text, lo, hi):  # 园区 in a 苏州工业园区 document
        zone = relative_zone(m.group(), region)
        if zone and not any(s <= m.start() < e for s, e in taken):
            places.append(Party("place", zone.canonical, m.start(), m.end()))
    return sorted(orgs + places, key=lambda p: p.start)


def _inside(pos: int, parties: list[Party]) -> bool:
    return any(p.start <= pos < p.end for p in parties)


def _clause_parties(
    text: str,
    lo: int,
    hi: int,
    parties: list[Party],
    region: Party | None,
    offshore_orgs=frozenset(),
    antecedent: Party | None = None,
):
    """(kind, parties) for one clause, or None when it states no collaboration.

    ``antecedent``: the organisation last named before the clause in its sentence, the one 其 refers to
    (支持甲建设，推动其与乙合作)."""
    triggers = [m for m in _TRIGGER.finditer(text, lo, hi) if not _inside(m.start(), parties)]
    offshore = [p for p in parties if p.kind == "org" and p.name in offshore_orgs]
    if offshore and not triggers:  # 在德国慕尼黑设立昆山（慕尼黑）离岸孵化器: the city is the partner
        partners = [p for p in parties if p.kind == "place" and p.end <= offshore[0].start]
        if not partners:  # 运营太仓（斯图加特）离岸创新中心: the foreign city its name gives
            partners = [
                Party("place", m.info.canonical, offshore[0].start, offshore[0].end)
                for m in find_places(offshore[0].name)
                if m.info.kind in ("ForeignCity", "Country")
            ][:1]
        return ("Offshore", _distinct([region, *partners])) if region and partners else None
    # 合作机制 names a mechanism, but 与甲建立对接机制 states one with 甲
    triggers = [m for m in triggers if not text.startswith("机制", m.end()) or _with(text, lo, m.start(), parties)]
    if not triggers:
        return None
    # 与甲的合作仍以项目对接为主: a 对接 after 合作 is the manner of that cooperation, not its kind
    first = min((m.start() for m in triggers if _KIND_OF[m.group()] == "Cooperation"), default=hi)
    triggers = [m for m in triggers if _KIND_OF[m.group()] != "Docking" or m.start() < first]
    kind = min((_KIND_OF[m.group()] for m in triggers), key=[k for k, _ in _KINDS].index)
    verb = next(m for m in triggers if _KIND_OF[m.group()] == kind)
    with_ = _with(text, lo, verb.start(), parties)
    if (verb.group().startswith("协同") or verb.group() == "联系") and not with_:
        return None  # 推进长三角协同创新 is a goal; 甲与乙协同攻关 is a statement
    if with_:
        subject = [p for p in parties if p.end <= with_.start()]
        if not subject and antecedent and text.endswith("其", lo, with_.start()):
            subject = [antecedent]
        partners = [p for p in parties if with_.end() <= p.start and p.end <= verb.start()]
        if not partners and subject and region and _GENERIC.fullmatch(text, with_.end(), verb.start()):
            partners = [region]  # 甲、乙与所在地共建: the place is the governed region
    elif verb.group() in _AFTER_VERB:
        subject = [p for p in parties if p.end <= verb.start() and p.kind == "org"]
        partners = [p for p in parties if p.start >= verb.end()]
        build = _BUILD.search(text, verb.end(), hi) if verb.group() == "联合" else None
        action = _JOINT_ACTION.search(text, verb.end(), hi) if verb.group() in ("联合", "携手", "会同") else None
        if build:  # 联合甲、乙建设丙: 甲 and 乙 build 丙 together with the subject
            kind, partners = "JointBuild", [p for p in partners if p.end <= build.start()]
        elif action:
            partners = [p for p in partners if p.end <= action.start()]
        go = _GO.search(text, lo, verb.start()) if not partners and verb.group() == "对接" else None
        if go and not _inside(go.start(), parties):  # 组织企业赴德国开展对接: the visited places dock
            subject = [p for p in parties if p.end == go.start()]
            partners = [p for p in parties if go.end() <= p.start and p.end <= verb.start()]
    else:
        # 推进虹桥-相城深度合作: the parties of the list item that holds the verb (离岸: of the whole list)
        segment = lo if kind == "Offshore" else text.rfind("、", lo, verb.start()) + 1 or lo
        subject, partners = [], [p for p in parties if segment <= p.start and p.end <= verb.start()]
    if not partners:
        return None  # 甲、乙与高校对接: the named parties are all on one side
    if not subject and region is not None:
        subject = [region]
    chosen = _distinct(subject + partners)
    return (kind, chosen) if len(chosen) >= 2 else None


def _with(text: str, lo: int, hi: int, parties: list[Party]) -> re.Match | None:
    """The first 与/同/会同 in ``text[lo:hi]`` outside a party's name."""
    return next((m for m in _WITH.finditer(text, lo, hi) if not _inside(m.start(), parties)), None)


def _distinct(parties: list[Party]) -> list[Party]:
    chosen: dict[tuple[str, str], Party] = {}
    for p in parties:
        chosen.setdefault((p.kind, p.name), p)
    return list(chosen.values())


def find_collaborations(
    doc: Document, ctx: ExtractionContext
) -> list[tuple[int, int, str, list[Party], str]]:
    """(sentence start, sentence end, kind, parties, clause text) for every collaboration statement."""
    name = document_region(doc, ctx)
    region = Party("place", name, -1, -1) if name and resolve_place(name) else None
    offshore = frozenset(n for n, info in ctx.orgs.items() if info.cls == "OffshoreIncubator")
    mentions, text, found = _Mentions(ctx.org_mentions), doc.text, []
    for sentence in doc.sentences:
        if not _TRIGGER.search(sentence.text) and not (offshore and "离岸" in sentence.text):
            continue
        for clause in _CLAUSE.finditer(text, sentence.start, sentence.end):
            if not offshore and not _TRIGGER.search(text, clause.start(), clause.end()):
                continue  # no verb and no offshore incubator: no statement, whoever is named
            parties = _parties(doc, mentions, clause.start(), clause.end(), name)
            before = mentions.between(sentence.start, clause.start())[-1:] if "其" in clause.group() else []
            antecedent = (
                Party("org", before[0].info.canonical, before[0].start, before[0].end) if before else None
            )
            result = _clause_parties(
                doc.text, clause.start(), clause.end(), parties, region, offshore, antecedent
            )
            if result:
                found.append((sentence.start, sentence.end, result[0], result[1], clause.group().strip()))
    return found


def _party_node(out: GraphBuilder, party: Party) -> ox.NamedNode:
    return entity_node("org", party.name) if party.kind == "org" else place_node(out, party.name)


def extract(doc: Document, ctx: ExtractionContext, out: GraphBuilder) -> None:
    for start, end, kind, parties, clause in find_collaborations(doc, ctx):
        node = out.fact("collaboration", STIKG.Collaboration, start, end)
        out.add(node, STIKG.collaborationKind, term(kind))
        out.add(node, RDFS.label, lit(clause, lang="zh"))
        for party in parties:
            out.add(node, STIKG.participant, _party_node(out, party))
