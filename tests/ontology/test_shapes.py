"""SHACL shapes: valid data passes, each kind of broken data is caught with a message that names the rule."""

from __future__ import annotations

import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from stikg.graph.shapes import validate_graph, validate_store
from stikg.graph.store import LocalStore
from tests.conftest import run_cli

PREFIXES = """
@prefix stikg: <https://w3id.org/stikg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix qb: <http://purl.org/linked-data/cube#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix : <https://example.org/t/> .
"""

# One of everything the loaders write (ARCHITECTURE.md, "Data model"), all valid.
VALID = PREFIXES + """
:doc a stikg:Plan ; dcterms:title "某区科技创新规划"@zh ; stikg:sourceFile "plan.txt" ;
    stikg:issuedBy :gov ; stikg:documentNumber "某政发〔2021〕1号" ; dcterms:issued "2021-07-06"^^xsd:date ;
    stikg:periodStart "2021"^^xsd:gYear ; stikg:periodEnd "2025"^^xsd:gYear ; stikg:governedRegion :district ;
    stikg:text "某区政府与某大学共建研究院" .
:gov a stikg:GovernmentBody ; rdfs:label "某区人民政府"@zh, "mou qu ren min zheng fu"@zh-Latn-pinyin ;
    stikg:locatedIn :district ; stikg:level stikg:DistrictLevel .
:univ a stikg:University ; rdfs:label "某大学"@zh ; org:subOrganizationOf :gov .
:district a stikg:District ; rdfs:label "某区"@zh ; stikg:partOf :city ; skos:notation "320507"^^stikg:DivisionCode .
:city a stikg:City ; rdfs:label "某市"@zh .
:span a stikg:TextSpan ; stikg:inDocument :doc ; stikg:startOffset 0 ; stikg:endOffset 4 ;
    stikg:quote "某区政府" ; stikg:mentions :gov .
:grant a stikg:Grant ; rdfs:label "最高资助200万元"@zh ; prov:wasDerivedFrom :span ; stikg:inDocument :doc ;
    stikg:supports "新型研发机构建设"@zh ; stikg:rate 50.0 ;
    stikg:amount [ a stikg:MonetaryAmount ; stikg:amountValue 2000000.0 ; stikg:currency "CNY" ; stikg:isMaximum true ] .
:indicator a stikg:Indicator ; rdfs:label "研发经费支出占比"@zh ; stikg:unit "%" .
:obs a qb:Observation ; stikg:refArea :district ; stikg:indicator :indicator ; stikg:refYear "2025"^^xsd:gYear ;
    stikg:value 3.5 ; stikg:unit "%" ; stikg:status stikg:Target ; rdfs:label "研发投入占比达到3.5%"@zh ;
    prov:wasDerivedFrom :span ; stikg:inDocument :doc .
:collab a stikg:Collaboration ; stikg:participant :gov, :univ ; stikg:collaborationKind stikg:JointBuild ;
    prov:wasDerivedFrom :span ; stikg:inDocument :doc .
:industry a stikg:Industry ; rdfs:label "生物医药"@zh ; skos:inScheme :scheme .
:focus a stikg:IndustryFocus ; stikg:region :district ; stikg:industry :industry ;
    prov:wasDerivedFrom :span ; stikg:inDocument :doc .
:grouping a stikg:IndustryGrouping ; rdfs:label "先导产业"@zh ; skos:member :industry ; stikg:groupingOf :district .
:talent a stikg:TalentProgram ; rdfs:label "某领军人才计划"@zh ; stikg:level stikg:MunicipalLevel ; stikg:administeredBy :gov .
"""

# (case, SPARQL Update that breaks VALID, text expected in the message, shape and constraint)
BROKEN = [
    ("plan_without_issuer", "DELETE WHERE { :doc stikg:issuedBy ?o }",
     "needs at least one stikg:issuedBy", "shapes:PolicyDocumentShape MinCount"),
    ("issuer_not_an_organisation", "DELETE WHERE { :doc stikg:issuedBy ?o } ; INSERT DATA { :doc stikg:issuedBy :city }",
     "stikg:issuedBy, an org:Organization", "shapes:PolicyDocumentShape Class"),
    ("document_without_kind", "DELETE DATA { :doc a stikg:Plan } ; INSERT DATA { :doc a stikg:PolicyDocument }",
     "must be typed with its kind", "shapes:PolicyDocumentKindShape Or"),
    ("period_start_after_end", "DELETE WHERE { :doc stikg:periodEnd ?e } ; INSERT DATA { :doc stikg:periodEnd \"2020\"^^xsd:gYear }",
     "stikg:periodStart must not be after stikg:periodEnd", "shapes:PolicyDocumentShape PeriodOrder"),
    ("amount_without_currency", "DELETE WHERE { ?a stikg:currency ?c }",
     'needs stikg:currency "CNY"', "shapes:MonetaryAmountShape MinCount"),
    ("amount_in_other_currency", "DELETE { ?a stikg:currency ?c } INSERT { ?a stikg:currency \"USD\" } WHERE { ?a stikg:currency ?c }",
     'needs stikg:currency "CNY"', "shapes:MonetaryAmountShape In"),
    ("amount_value_as_text", "DELETE { ?a stikg:amountValue ?v } INSERT { ?a stikg:amountValue \"200万\" } WHERE { ?a stikg:amountValue ?v }",
     "stikg:amountValue (xsd:decimal", "shapes:MonetaryAmountShape Datatype"),
    ("amount_without_is_maximum", "DELETE WHERE { ?a stikg:isMaximum ?m }",
     "stikg:isMaximum (xsd:boolean)", "shapes:MonetaryAmountShape MinCount"),
    ("funding_without_provenance", "DELETE WHERE { :grant prov:wasDerivedFrom ?s }",
     "prov:wasDerivedFrom a stikg:TextSpan", "shapes:FactShape MinCount"),
    ("funding_without_label", "DELETE WHERE { :grant rdfs:label ?l }",
     "A funding instrument needs an rdfs:label", "shapes:FundingInstrumentShape MinCount"),
    ("observation_without_year", "DELETE WHERE { :obs stikg:refYear ?y }",
     "exactly one stikg:refYear (xsd:gYear)", "shapes:ObservationShape MinCount"),
    ("observation_year_as_integer", "DELETE WHERE { :obs stikg:refYear ?y } ; INSERT DATA { :obs stikg:refYear 2025 }",
     "exactly one stikg:refYear (xsd:gYear)", "shapes:ObservationShape Datatype"),
    ("observation_unknown_status", "DELETE WHERE { :obs stikg:status ?s } ; INSERT DATA { :obs stikg:status stikg:NationalLevel }",
     "stikg:Actual, stikg:Estimate or stikg:Target", "shapes:ObservationShape In"),
    ("observation_without_area", "DELETE WHERE { :obs stikg:refArea ?a }",
     "exactly one stikg:refArea", "shapes:ObservationShape MinCount"),
    ("span_start_not_before_end", "DELETE WHERE { :span stikg:startOffset ?s } ; INSERT DATA { :span stikg:startOffset 4 }",
     "less than its stikg:endOffset", "shapes:TextSpanShape LessThan"),
    ("span_quote_is_not_the_text", "DELETE WHERE { :span stikg:quote ?q } ; INSERT DATA { :span stikg:quote \"某大学共\" }",
     "must equal its document's stikg:text[startOffset:endOffset]", "shapes:TextSpanShape QuoteMatchesText"),
    ("span_without_quote", "DELETE WHERE { :span stikg:quote ?q }",
     "non-empty stikg:quote", "shapes:TextSpanShape MinCount"),
    ("collaboration_with_one_participant", "DELETE DATA { :collab stikg:participant :univ }",
     "at least two stikg:participant", "shapes:CollaborationShape MinCount"),
    ("collaboration_of_unknown_kind", "DELETE WHERE { :collab stikg:collaborationKind ?k } ; INSERT DATA { :collab stikg:collaborationKind :friendship }",
     "stikg:collaborationKind from stikg:CollaborationKindScheme", "shapes:CollaborationShape In"),
    ("focus_without_industry", "DELETE WHERE { :focus stikg:industry ?i }",
     "exactly one stikg:industry", "shapes:IndustryFocusShape MinCount"),
    ("entity_with_only_a_pinyin_label", "DELETE DATA { :gov rdfs:label \"某区人民政府\"@zh }",
     "rdfs:label in Chinese (@zh)", "shapes:EntityLabelShape QualifiedMinCount"),
    ("bad_division_code", "DELETE WHERE { :district skos:notation ?n } ; INSERT DATA { :district skos:notation \"3205\"^^stikg:DivisionCode }",
     "stikg:DivisionCode of 6, 9 or 12 digits", "shapes:PlaceShape Pattern"),
    ("unknown_level", "DELETE WHERE { :gov stikg:level ?l } ; INSERT DATA { :gov stikg:level \"区级\" }",
     "stikg:level: at most one of", "shapes:OrganizationShape In"),
]


def graph(update: str | None = None) -> Graph:
    g = Graph().parse(data=VALID, format="turtle")
    if update:
        g.update(PREFIXES.replace("@prefix", "PREFIX").replace(" .\n", "\n") + update)
    return g


def write_store(path: Path, turtle: str, graph_name: str = "https://w3id.org/stikg/graph/test") -> None:
    with LocalStore(path) as store:
        store.replace_graph(graph_name, ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE))


def test_valid_data_conforms() -> None:
    assert validate_graph(graph()) == []


@pytest.mark.parametrize(("update", "message", "where"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_shapes_catch_broken_data(update: str, message: str, where: str) -> None:
    lines = validate_graph(graph(update))
    assert lines, "the broken data passed validation"
    assert any(message in line and line.endswith(f"[{where}]") for line in lines), "\n".join(lines)
    for line in lines:
        focus, path, rest = line.split(" | ", 2)
        assert focus and path and rest.endswith("]")


def test_violation_line_names_focus_label_path_message_and_shape() -> None:
    [line] = validate_graph(graph("DELETE WHERE { :doc stikg:issuedBy ?o }"))
    assert line == (
        "某区科技创新规划 <https://example.org/t/doc> | stikg:issuedBy | "
        "A policy document needs at least one stikg:issuedBy, an org:Organization / 政策文件须有发文机关 "
        "[shapes:PolicyDocumentShape MinCount]"
    )


def test_blank_node_amount_is_described_by_its_funding_instrument() -> None:
    [line] = validate_graph(graph("DELETE WHERE { ?a stikg:currency ?c }"))
    assert line.startswith("最高资助200万元 <https://example.org/t/grant> → stikg:amount | stikg:currency | ")


def test_store_validation_skips_the_ontology_graph_and_reads_every_other(tmp_path: Path) -> None:
    path = tmp_path / "store"
    write_store(path, VALID)
    broken_doc = PREFIXES + ':other a stikg:Plan ; dcterms:title "x"@zh ; stikg:sourceFile "x.txt" .'
    write_store(path, broken_doc, "https://w3id.org/stikg/graph/ontology")
    with LocalStore(path, read_only=True) as store:
        assert validate_store(store) == []
    write_store(path, broken_doc, "https://w3id.org/stikg/graph/other")
    with LocalStore(path, read_only=True) as store:
        [line] = validate_store(store)
    assert line.startswith("x <https://example.org/t/other> | stikg:issuedBy |")


def test_cli_validate_exits_1_with_one_line_per_violation(tmp_path: Path) -> None:
    path = tmp_path / "store"
    broken = graph("DELETE WHERE { :doc stikg:issuedBy ?o } ; DELETE WHERE { :obs stikg:refYear ?y }")
    write_store(path, broken.serialize(format="turtle"))
    result = run_cli("validate", "--store", str(path))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stdout
    assert "stikg:issuedBy" in lines[0] + lines[1] and "stikg:refYear" in lines[0] + lines[1]
    assert "2 violation(s)" in result.stderr


def test_cli_validate_exits_0_on_valid_store(tmp_path: Path) -> None:
    path = tmp_path / "store"
    write_store(path, VALID)
    result = run_cli("validate", "--store", str(path))
    assert (result.returncode, result.stdout) == (0, ""), result.stderr
    assert "conforms" in result.stderr


def test_cli_validate_help() -> None:
    result = run_cli("validate", "--help")
    assert result.returncode == 0 and "SHACL" in result.stdout


def test_built_corpus_conforms(built_store) -> None:
    started = time.perf_counter()
    violations = validate_store(built_store)
    elapsed = time.perf_counter() - started
    assert violations == [], f"{len(violations)} violation(s):\n" + "\n".join(violations[:50])
    assert elapsed < 60, f"validation took {elapsed:.1f}s"
