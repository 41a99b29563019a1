"""The ontology file: it parses, every term is documented, and it matches the code and the data."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from stikg.graph.ontology_docs import ontology_html, ontology_turtle
from stikg.graph.shapes import ontology_graph, shapes_graph
from stikg.graph.vocab import ONTOLOGY_IRI, STIKG

NS = str(STIKG._NS)
ONTOLOGY = URIRef(ONTOLOGY_IRI)
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ontology_graph()


def declared_terms(graph: Graph) -> set[URIRef]:
    """Every stikg: IRI the ontology declares (subject of a typing triple)."""
    return {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(NS)}


def test_ontology_and_shapes_parse(ontology: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in ontology
    assert len(shapes_graph()) > 100


def test_ontology_header_has_version_dates_and_licence(ontology: Graph) -> None:
    for predicate in ("versionIRI", "versionInfo"):
        assert ontology.value(ONTOLOGY, OWL[predicate]) is not None, predicate
    for predicate in ("created", "modified", "license", "title"):
        assert ontology.value(ONTOLOGY, URIRef(f"http://purl.org/dc/terms/{predicate}")) is not None, predicate


def _languages(graph: Graph, term: URIRef, predicate: URIRef) -> set[str | None]:
    return {o.language for o in graph.objects(term, predicate) if isinstance(o, Literal)}


def test_every_term_has_zh_and_en_label_and_comment_and_is_defined_by(ontology: Graph) -> None:
    problems = []
    for term in sorted(declared_terms(ontology)):
        for predicate in (RDFS.label, RDFS.comment):
            missing = {"zh", "en"} - _languages(ontology, term, predicate)
            if missing:
                problems.append(f"{term}: no {predicate.fragment} in {sorted(missing)}")
        if (term, RDFS.isDefinedBy, ONTOLOGY) not in ontology:
            problems.append(f"{term}: no rdfs:isDefinedBy <{ONTOLOGY}>")
    assert not problems, "\n".join(problems)


def test_every_property_has_domain_and_range(ontology: Graph) -> None:
    properties = {s for t in PROPERTY_TYPES for s in ontology.subjects(RDF.type, t) if str(s).startswith(NS)}
    assert len(properties) > 40
    problems = [
        f"{p}: no rdfs:{what.fragment}"
        for p in sorted(properties)
        for what in (RDFS.domain, RDFS.range)
        if ontology.value(p, what) is None
    ]
    assert not problems, "\n".join(problems)


def test_vocab_and_ontology_declare_the_same_terms(ontology: Graph) -> None:
    in_vocab = {URIRef(NS + name) for name in STIKG.__annotations__}
    declared = declared_terms(ontology)
    assert sorted(in_vocab - declared) == [], "in graph/vocab.py but not declared in ontology/stikg.ttl"
    assert sorted(declared - in_vocab) == [], "declared in ontology/stikg.ttl but missing from graph/vocab.py"


def test_every_stikg_iri_the_ontology_and_shapes_use_is_declared(ontology: Graph) -> None:
    declared = declared_terms(ontology)
    used = {t for g in (ontology, shapes_graph()) for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert sorted(used - declared) == []


def test_every_stikg_iri_in_the_built_graph_is_declared(built_store, ontology: Graph) -> None:
    declared = {str(t) for t in declared_terms(ontology)}
    used = set()
    for quad in built_store.quads():
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, ox.Literal):
                term = term.datatype
            if isinstance(term, ox.NamedNode) and term.value.startswith(NS):
                used.add(term.value)
    assert sorted(used - declared) == [], "stikg: terms used in the built graph but not declared"


def test_standard_alignments_are_declared(ontology: Graph) -> None:
    org = "http://www.w3.org/ns/org#Organization"
    for cls in ("University", "ResearchInstitute", "Incubator", "Enterprise", "GovernmentBody", "Fund"):
        supers = set(ontology.transitive_objects(STIKG[cls], RDFS.subClassOf))
        assert URIRef(org) in supers or any(
            (s, RDFS.subClassOf, URIRef(org)) in ontology for s in supers
        ) or URIRef("http://www.w3.org/ns/org#FormalOrganization") in supers, cls
    assert (STIKG.refArea, RDFS.subPropertyOf, URIRef("http://purl.org/linked-data/sdmx/2009/dimension#refArea")) in ontology
    assert (STIKG.TextSpan, RDFS.subClassOf, URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#String")) in ontology
    assert (STIKG.MonetaryAmount, RDFS.subClassOf, URIRef("https://schema.org/MonetaryAmount")) in ontology
    qb = "http://purl.org/linked-data/cube#"
    assert (STIKG.IndicatorStructure, RDF.type, URIRef(qb + "DataStructureDefinition")) in ontology
    for prop, kind in ((STIKG.refYear, "DimensionProperty"), (STIKG.value, "MeasureProperty"), (STIKG.status, "AttributeProperty")):
        assert (prop, RDF.type, URIRef(qb + kind)) in ontology


def test_turtle_is_the_shipped_file_and_html_has_zh_and_en_labels() -> None:
    assert Graph().parse(data=ontology_turtle(), format="turtle")
    html = ontology_html()
    assert html.lstrip().lower().startswith("<!doctype html")
    for label in ("离岸孵化器", "offshore incubator", "新型研发机构", "policy document", "政策文件", "text span"):
        assert label in html, label
    assert "<title>stikg ontology of science-and-technology innovation policy</title>" in html
    assert ontology_html() is html  # cached


def test_stikg_class_tree_is_one_level_deep(ontology: Graph) -> None:
    """institutions*.rq find the most specific class with direct rdfs:subClassOf (Virtuoso is
    unreliable with subClassOf+ there): a deeper stikg tree needs those queries changed."""
    ns = str(STIKG._NS)
    within = {
        (child, parent)
        for child, parent in ontology.subject_objects(RDFS.subClassOf)
        if str(child).startswith(ns) and str(parent).startswith(ns)
    }
    children = {child for child, _ in within}
    assert within, "the stikg classes have subclasses"
    deeper = sorted(str(child) for child, parent in within if parent in children)
    assert not deeper, f"stikg classes two levels below another: {deeper}; update queries/institutions*.rq"
