"""Every query in the library is documented, runs on the built corpus, and is published in the graph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from stikg.config import base_iri
from stikg.errors import UsageError
from stikg.graph.library import bind_parameters, library_queries, parse_header

QUERIES = library_queries()


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_query_is_documented(query):
    assert query.header.get("summary"), f"{query.name}.rq lacks '#+ summary:'"
    assert query.header.get("description_zh"), f"{query.name}.rq lacks '#+ description_zh:'"
    assert query.header.get("description_en"), f"{query.name}.rq lacks '#+ description_en:'"


@pytest.mark.parametrize("query", [q for q in QUERIES if "SERVICE" not in q.text], ids=lambda q: q.name)
def test_query_runs_on_built_corpus(query, built_store):
    result = built_store.query(query.text)
    if isinstance(result, ox.QuerySolutions):
        declared = query.header.get("columns")
        if declared:
            assert [v.value for v in result.variables] == [c.lstrip("?") for c in declared.split()]
        list(result)


def test_parameters_are_checked():
    text = "#+ summary: x\n#+ param: region: 区域\nSELECT * WHERE { ?s ?p ?region }"
    assert bind_parameters(text, ["region=相城区"]) == {"region": "相城区"}
    with pytest.raises(UsageError, match="unknown parameter 'year'"):
        bind_parameters(text, ["year=2021"])
    with pytest.raises(UsageError, match="NAME=VALUE"):
        bind_parameters(text, ["region"])
    assert parse_header(text)[1] == {"region": "区域"}


def test_substitution_cannot_inject(built_store):
    """A parameter value is bound as a term, so SPARQL syntax in it is just text."""
    text = "SELECT ?x ?v WHERE { BIND(CONCAT('', ?v) AS ?x) }"
    rows = built_store.select(text, substitutions={"v": '"} ; DROP ALL ; SELECT * {'})
    assert rows[0]["x"].value == '"} ; DROP ALL ; SELECT * {'


def test_library_is_published_as_executables(built_store):
    graph = f"{base_iri()}graph/queries"
    rows = built_store.select(
        "PREFIX sh: <http://www.w3.org/ns/shacl#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?q ?text WHERE { ?q a sh:SPARQLExecutable ; sh:select|sh:construct|sh:ask ?text ; rdfs:label ?l }",
        default_graph=[graph],
    )
    assert len({r["q"].value for r in rows}) == len(QUERIES)
    texts = {r["text"].value for r in rows}
    assert all(q.text in texts for q in QUERIES)


def test_binding_an_unprojected_variable_is_a_usage_error(built_store):
    with pytest.raises(UsageError, match="cannot bind"):
        built_store.select("SELECT ?x WHERE { BIND(?v AS ?x) }", substitutions={"v": "a"})


def test_prefixed_parameter_values_expand_to_iris():
    text = "#+ param: level: 层级\nSELECT ?level WHERE { ?p <https://w3id.org/stikg/ontology#level> ?level }"
    assert bind_parameters(text, ["level=stikg:MunicipalLevel"]) == {
        "level": "https://w3id.org/stikg/ontology#MunicipalLevel"
    }
    assert bind_parameters(text, ["level=相城区"]) == {"level": "相城区"}
    assert bind_parameters(text, ["level=http://example.org/x"]) == {"level": "http://example.org/x"}
