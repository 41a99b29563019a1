"""A small hand-made knowledge graph following ARCHITECTURE.md, written into a real store.

Places: 苏州市 (City) ⊃ 相城区, 太仓市, 吴江区 (District); 黄埭镇 (Town) ⊂ 相城区; 上海市 (City).
Organisations and the district each must get (rule in stikg.graph.network.view):

- A 相城研究院   locatedIn 黄埭镇               -> 相城区 (rule 1+2, through the town)
- B 相城实验室   unlocated, named in docX       -> 相城区 (rule 3)
- C 太仓孵化器   locatedIn 太仓市               -> 太仓市
- D 吴江大学     unlocated, named 2x in docW, 1x in docX, 1 statement in docW -> 吴江区 (votes)
- E 上海院士中心 locatedIn 上海市               -> None (rule 4)

Collaboration statements: c1 (docX) A–B JointBuild; c2 (docX) A–B StrategicCooperation;
c3 (docT) C–上海市 Docking; c4 (docW) D, A, C Cooperation (three participants);
c5 (docT) C–E JointBuild. Focus: 相城区 -> 人工智能, 生物医药; 太仓市 -> 生物医药.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from stikg.graph.iris import entity_iri
from stikg.graph.store import LocalStore

S = "https://w3id.org/stikg/ontology#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
XSD = "http://www.w3.org/2001/XMLSchema#"
BASE = "https://w3id.org/stikg/"

PLACES = {
    "苏州市": ("City", None), "相城区": ("District", "苏州市"), "太仓市": ("District", "苏州市"),
    "吴江区": ("District", "苏州市"), "黄埭镇": ("Town", "相城区"), "上海市": ("City", None),
}
ORGS = {
    "A": ("相城研究院", "ResearchInstitute", "黄埭镇"), "B": ("相城实验室", "Laboratory", None),
    "C": ("太仓孵化器", "Incubator", "太仓市"), "D": ("吴江大学", "University", None),
    "E": ("上海院士中心", "ResearchInstitute", "上海市"),
}
DOCS = {"docX": ("相城区", "2021", "2025"), "docT": ("太仓市", "2021", "2025"), "docW": ("吴江区", "2021", "2023")}
MENTIONS = {"docX": {"A": 1, "B": 2, "D": 1}, "docT": {"C": 1, "E": 1, "A": 1}, "docW": {"D": 2, "C": 1}}
COLLABS = [
    ("c1", "docX", ["A", "B"], "JointBuild"), ("c2", "docX", ["A", "B"], "StrategicCooperation"),
    ("c3", "docT", ["C", "上海市"], "Docking"), ("c4", "docW", ["D", "A", "C"], "Cooperation"),
    ("c5", "docT", ["C", "E"], "JointBuild"),
]
FOCUS = [("f1", "docX", "相城区", "人工智能"), ("f2", "docX", "相城区", "生物医药"), ("f3", "docT", "太仓市", "生物医药")]


def node(key: str) -> str:
    """The IRI of a fixture entity: an org letter, a place name, an industry name or a doc key."""
    if key in ORGS:
        return entity_iri("org", ORGS[key][0])
    if key in PLACES:
        return entity_iri("place", key)
    if key in DOCS:
        return f"{BASE}id/document/{key.lower()}"
    return entity_iri("industry", key)


def _n(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def _triples() -> dict[str, list[ox.Triple]]:
    """The triples of each document's named graph (places and orgs in docX's graph)."""
    t: dict[str, list[ox.Triple]] = {d: [] for d in DOCS}
    add = lambda d, s, p, o: t[d].append(ox.Triple(_n(s), _n(p) if isinstance(p, str) else p, o))  # noqa: E731
    for name, (cls, parent) in PLACES.items():
        add("docX", node(name), RDF_TYPE, _n(S + cls))
        add("docX", node(name), LABEL, ox.Literal(name, language="zh"))
        if parent:
            add("docX", node(name), S + "partOf", _n(node(parent)))
    for key, (name, cls, place) in ORGS.items():
        add("docX", node(key), RDF_TYPE, _n(S + cls))
        add("docX", node(key), LABEL, ox.Literal(name, language="zh"))
        add("docX", node(key), LABEL, ox.Literal("pinyin " + key, language="zh-Latn-pinyin"))
        if place:
            add("docX", node(key), S + "locatedIn", _n(node(place)))
    for doc, (region, start, end) in DOCS.items():
        d = node(doc)
        add(doc, d, RDF_TYPE, _n(S + "Plan"))
        add(doc, d, S + "sourceFile", ox.Literal(f"{doc}.txt"))
        add(doc, d, S + "governedRegion", _n(node(region)))
        add(doc, d, S + "periodStart", ox.Literal(start, datatype=_n(XSD + "gYear")))
        add(doc, d, S + "periodEnd", ox.Literal(end, datatype=_n(XSD + "gYear")))
        for i, (key, count) in enumerate(MENTIONS[doc].items()):
            for j in range(count):
                span = f"{BASE}id/span/{doc}/{i}-{j}"
                add(doc, span, RDF_TYPE, _n(S + "TextSpan"))
                add(doc, span, S + "inDocument", _n(d))
                add(doc, span, S + "mentions", _n(node(key)))
    for name in ("人工智能", "生物医药"):
        add("docX", node(name), RDF_TYPE, _n(S + "Industry"))
        add("docX", node(name), LABEL, ox.Literal(name, language="zh"))
    for key, doc, members, kind in COLLABS:
        c, span = f"{BASE}id/collaboration/{key}", f"{BASE}id/span/{doc}/{key}"
        add(doc, c, RDF_TYPE, _n(S + "Collaboration"))
        add(doc, c, S + "collaborationKind", _n(S + kind))
        add(doc, c, S + "inDocument", _n(node(doc)))
        add(doc, c, DERIVED, _n(span))
        add(doc, span, S + "quote", ox.Literal(f"{key}：" + "与".join(members) + "合作"))
        add(doc, span, S + "startOffset", ox.Literal(str(int(key[1]) * 10), datatype=_n(XSD + "integer")))
        for m in members:
            add(doc, c, S + "participant", _n(node(m)))
    for key, doc, place, industry in FOCUS:
        f = f"{BASE}id/focus/{key}"
        add(doc, f, RDF_TYPE, _n(S + "IndustryFocus"))
        add(doc, f, S + "region", _n(node(place)))
        add(doc, f, S + "industry", _n(node(industry)))
        add(doc, f, S + "inDocument", _n(node(doc)))
    return t


def write_fixture(store: LocalStore) -> None:
    for doc, triples in _triples().items():
        store.replace_graph(f"{BASE}graph/{doc.lower()}", triples)


@pytest.fixture(scope="session")
def toy_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("toy") / "store"
    with LocalStore(path) as store:
        write_fixture(store)
    return path


@pytest.fixture()
def toy_store(tmp_path: Path):
    """A fresh writable copy of the hand-made graph."""
    store = LocalStore(tmp_path / "toy")
    write_fixture(store)
    yield store
    store.close()
