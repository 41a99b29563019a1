"""The reference graph: links from links.csv, the part-of hierarchy, provenance, bad rows."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from stikg.config import base_iri
from stikg.graph.iris import entity_iri
from stikg.graph.store import LocalStore
from stikg.loaders.links_table import read_links
from stikg.loaders.reference import load_reference, reference_graph_iri

PREFIXES = """
PREFIX stikg: <https://w3id.org/stikg/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX dcat: <http://www.w3.org/ns/dcat#>
"""
HEADER = "name_zh,name_en,kind,wikidata_qid,ror_id,adcode,located_in_zh,evidence\n"


def _q(query: str, terms: dict[str, ox.NamedNode]) -> str:
    """Put our own IRIs into a test query (``str(NamedNode)`` is a checked ``<iri>``)."""
    for name, term in terms.items():
        query = query.replace(f"?{name} ", f"{term} ").replace(f"?{name})", f"{term})")
    return query


def ask(store, query: str, graphs: list[str] | None = None, **terms: ox.NamedNode) -> bool:
    return store.ask(PREFIXES + _q(query, terms), default_graph=graphs)


def select(store, query: str, graphs: list[str] | None = None, **terms: ox.NamedNode) -> list[dict]:
    return store.select(PREFIXES + _q(query, terms), default_graph=graphs)


def _iri(row) -> str:
    return entity_iri("place" if row.kind == "place" else "org", row.name_zh)


def _division_code() -> str:
    from stikg.graph.vocab import STIKG

    return str(STIKG.DivisionCode)


def test_every_linked_entity_in_a_document_has_its_links(built_store):
    """For each links.csv row whose entity appears in any document graph, sameAs/notation is there."""
    document_graphs = [
        g for g in built_store.named_graphs()
        if g.rsplit("/", 1)[-1] not in ("reference", "ontology", "queries", "analytics")
    ]
    assert document_graphs, "the built corpus has no document graph"
    checked = 0
    for row in read_links().rows:
        node = ox.NamedNode(_iri(row))
        if not ask(built_store, "ASK { { ?e ?p ?o } UNION { ?s ?p ?e } }", document_graphs, e=node):
            continue
        checked += 1
        expected = [f"http://www.wikidata.org/entity/{row.wikidata_qid}"] if row.wikidata_qid else []
        expected += [row.ror_id] if row.ror_id else []
        found = {r["o"].value for r in select(built_store, "SELECT ?o WHERE { ?e owl:sameAs ?o }", e=node)}
        assert set(expected) <= found, row.name_zh
        if row.adcode:
            codes = select(built_store, "SELECT ?c WHERE { ?e skos:notation ?c }", e=node)
            assert [(c["c"].value, c["c"].datatype.value) for c in codes] == [(row.adcode, _division_code())]
    # the corpus names at least its own region and city; the check must not pass vacuously
    assert checked >= 2


def test_all_rows_linked_in_the_reference_graph(built_store):
    graph = [reference_graph_iri()]
    for row in read_links().rows:
        node = ox.NamedNode(_iri(row))
        targets = [f"http://www.wikidata.org/entity/{row.wikidata_qid}"] if row.wikidata_qid else []
        targets += [row.ror_id] if row.ror_id else []
        for target in targets:
            assert ask(built_store, "ASK { ?e owl:sameAs ?w }", graph, e=node, w=ox.NamedNode(target)), row.name_zh


def test_labels_types_and_pinyin(built_store):
    graph = [reference_graph_iri()]
    rows = select(
        built_store,
        "SELECT ?t ?en ?py ?code WHERE { ?e a ?t ; skos:prefLabel ?en ; rdfs:label ?py ; skos:notation ?code "
        "FILTER(LANG(?en) = 'en' && LANG(?py) = 'zh-latn-pinyin') }",
        graph, e=ox.NamedNode(entity_iri("place", "相城区")),
    )
    assert {(r["t"].value.rsplit("#")[-1], r["en"].value, r["py"].value, r["code"].value) for r in rows} == {
        ("District", "Xiangcheng District", "xiang cheng qu", "320507")
    }
    kinds = {
        "苏州大学": "University", "中国科学院": "ResearchInstitute", "腾讯": "Enterprise",
        "中华人民共和国科学技术部": "GovernmentBody", "苏州市": "City", "江苏省": "Province", "德国": "Country",
        "汉诺威": "ForeignCity", "苏州工业园区": "DevelopmentZone",
    }
    places = ("City", "Province", "Country", "ForeignCity", "DevelopmentZone")
    for name, kind in kinds.items():
        node = ox.NamedNode(entity_iri("place" if kind in places else "org", name))
        types = {r["t"].value.rsplit("#")[-1] for r in select(built_store, "SELECT ?t WHERE { ?e a ?t }", graph, e=node)}
        assert kind in types, (name, types)
    other = ox.NamedNode(entity_iri("org", "复旦大学附属中山医院"))
    assert ask(built_store, "ASK { ?e a <http://www.w3.org/ns/org#Organization> }", graph, e=other)


def test_each_link_keeps_its_evidence(built_store):
    rows = select(
        built_store,
        "SELECT ?src ?line WHERE { ?st a rdf:Statement ; rdf:subject ?e ; rdf:predicate owl:sameAs ; "
        "rdf:object ?w ; dcterms:source ?src ; rdfs:comment ?line }",
        e=ox.NamedNode(entity_iri("org", "苏州大学")), w=ox.NamedNode("https://ror.org/05t8y2r12"),
    )
    assert len(rows) == 1
    assert "ror-community/ror-records" in rows[0]["src"].value
    assert rows[0]["line"].value.startswith("links.csv line ")


def test_every_place_but_countries_is_part_of_another(built_store):
    orphans = select(
        built_store,
        "SELECT ?p ?name WHERE { ?p a ?t ; skos:prefLabel ?name "
        "VALUES ?t { stikg:Province stikg:City stikg:District stikg:Town stikg:DevelopmentZone stikg:ForeignCity } "
        "FILTER NOT EXISTS { ?p stikg:partOf ?q } }",
        [reference_graph_iri()],
    )
    assert orphans == []
    chain = select(
        built_store,
        "SELECT ?name WHERE { ?d stikg:partOf+ ?up . ?up skos:prefLabel ?name FILTER(LANG(?name) = 'zh') }",
        [reference_graph_iri()], d=ox.NamedNode(entity_iri("place", "相城区")),
    )
    assert {r["name"].value for r in chain} == {"苏州市", "江苏省", "中国"}


INSIDE_SUZHOU = PREFIXES + """
SELECT DISTINCT ?i WHERE {
  ?suzhou skos:notation "320500"^^stikg:DivisionCode .
  ?i stikg:locatedIn/stikg:partOf* ?suzhou .
}
"""


def test_institutions_anywhere_in_suzhou(built_store):
    found = {r["i"].value for r in built_store.select(INSIDE_SUZHOU)}
    # from links.csv: located in 苏州市 itself, or in 昆山市 (a county-level city of 苏州市)
    expected_from_links = {
        entity_iri("org", n) for n in ("苏州大学", "西交利物浦大学", "苏州市科学技术局",
                                       "中国科学院苏州纳米技术与纳米仿生研究所", "国家超级计算昆山中心")
    }
    assert expected_from_links <= found
    outside = {entity_iri("org", n) for n in ("复旦大学", "东南大学", "清华大学", "牛津大学", "腾讯")}
    assert not (outside & found)
    # the property path agrees with walking the partOf edges in Python, for every located organisation
    located = built_store.select(PREFIXES + "SELECT DISTINCT ?i ?p WHERE { ?i stikg:locatedIn ?p }")
    parents: dict[str, set[str]] = {}
    for r in built_store.select(PREFIXES + "SELECT DISTINCT ?a ?b WHERE { ?a stikg:partOf ?b }"):
        parents.setdefault(r["a"].value, set()).add(r["b"].value)
    suzhou = entity_iri("place", "苏州市")

    def reaches(place: str, seen: frozenset = frozenset()) -> bool:
        return place == suzhou or any(reaches(p, seen | {place}) for p in parents.get(place, ()) if p not in seen)

    assert found == {r["i"].value for r in located if reaches(r["p"].value)}


def test_malformed_row_is_reported_and_the_rest_loads(tmp_path: Path):
    csv = tmp_path / "links.csv"
    csv.write_text(
        HEADER
        + "苏州大学,Soochow University,university,Q1639978,https://ror.org/05t8y2r12,,苏州市,ror_id: x | wikidata_qid: y\n"
        + "坏大学,Bad University,university,X12,,,苏州市,wikidata_qid: made up\n"
        + "相城区,Xiangcheng District,place,Q986151,,32050,苏州市,adcode: short\n"
        + "苏州市,Suzhou,place,Q42622,,320500,江苏省,wikidata_qid: a | adcode: b\n",
        encoding="utf-8",
    )
    table = read_links(csv)
    assert table.problems == [
        "links.csv line 3: malformed Wikidata QID 'X12' (expected Q followed by digits); row skipped",
        "links.csv line 4: malformed division code '32050' (expected 6 digits); row skipped",
    ]
    with LocalStore(tmp_path / "store") as store:
        assert load_reference(store, csv) > 0
        names = {r["n"].value for r in store.select(PREFIXES + "SELECT ?n WHERE { ?e owl:sameAs ?w ; skos:prefLabel ?n "
                                                             "FILTER(LANG(?n) = 'zh') }")}
        assert names == {"苏州大学", "苏州市"}
        assert ask(store, "ASK { ?u stikg:locatedIn/stikg:partOf* ?s }",
                   u=ox.NamedNode(entity_iri("org", "苏州大学")), s=ox.NamedNode(entity_iri("place", "苏州市")))


def test_reload_replaces_the_graph(tmp_path: Path):
    with LocalStore(tmp_path / "store") as store:
        first = load_reference(store)
        second = load_reference(store)
        assert first == second == sum(1 for _ in store.quads(reference_graph_iri()))


@pytest.mark.parametrize("fmt", ["dcat:Dataset", "dcat:Distribution", "dcat:DataService"])
def test_dataset_description_is_in_the_reference_graph(built_store, fmt):
    assert built_store.ask(PREFIXES + f"ASK {{ ?d a {fmt} }}", default_graph=[reference_graph_iri()])
    assert built_store.ask(PREFIXES + "ASK { ?d a dcat:Dataset ; dcterms:license ?l ; dcat:distribution ?x }",
                           default_graph=[f"{base_iri()}graph/reference"])
