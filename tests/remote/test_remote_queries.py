"""The build, the query library and the network analysis on a remote store match the embedded store.

Rows are compared as sets after normalising differences a SPARQL store may show and
that docs/deployment.md documents: numeric literal forms (xsd:decimal "3.80" is 3.8 on
Virtuoso), booleans computed as xsd:integer 0/1 by Virtuoso, the order of GROUP_CONCAT parts
(" | " or a space between names), and blank node labels.
"""

from __future__ import annotations

import importlib.resources
import re
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
import pytest

from stikg.graph.library import parse_header
from stikg.graph.store import to_term
from tests.conftest import run_cli

XSD = "http://www.w3.org/2001/XMLSchema#"
WORD_LIST = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)+")
NUMERIC = {f"{XSD}{t}" for t in ("decimal", "double", "float", "integer", "int", "long")}


# Queries that run for minutes on the embedded store as well (a performance bug of the query,
# reported to its owner); they would blow the suite's time budget, not test the remote store.
SLOW: set[str] = set()


def library() -> list[tuple[str, str]]:
    """Every library query except federated ones (no network in tests) and SLOW ones."""
    folder = importlib.resources.files("stikg.queries")
    queries = [(e.name, e.read_text(encoding="utf-8")) for e in folder.iterdir() if e.name.endswith(".rq")]
    return sorted((n, t) for n, t in queries if "SERVICE" not in t.upper() and n not in SLOW)


def norm_term(term: object, boolean: bool = False) -> object:
    if isinstance(term, ox.Literal):
        if boolean and term.datatype.value in NUMERIC | {f"{XSD}boolean"}:
            # Virtuoso computes a boolean expression as xsd:integer 0/1 (docs/deployment.md)
            return ("boolean", term.value in ("1", "true"))
        if term.datatype.value in NUMERIC:
            try:
                return ("number", Decimal(term.value).normalize())
            except InvalidOperation:
                return ("number", term.value)
        if term.datatype.value == f"{XSD}boolean":  # Virtuoso writes xsd:boolean as 0/1
            return ("boolean", term.value in ("1", "true"))
        if " | " in term.value:
            return ("concat", tuple(sorted(term.value.split(" | "))))
        if WORD_LIST.fullmatch(term.value):  # GROUP_CONCAT of names with separator " "
            return ("concat", tuple(sorted(term.value.split(" "))))
        return ("literal", term.value, term.language, term.datatype.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode",)
    return ("iri", str(term))


def boolean_columns(rows: list[dict]) -> set[str]:
    """Columns where the embedded store gives xsd:boolean values."""
    return {
        k for row in rows for k, v in row.items()
        if isinstance(v, ox.Literal) and v.datatype.value == f"{XSD}boolean"
    }


def norm_rows(rows: list[dict], booleans: set[str] = frozenset()) -> set[tuple]:
    """Rows as comparable sets; ``booleans`` are the columns the embedded store types xsd:boolean."""
    return {tuple(sorted((k, norm_term(v, k in booleans)) for k, v in row.items())) for row in rows}


@pytest.mark.parametrize(("name", "text"), library(), ids=lambda v: v if v.endswith(".rq") else "")
def test_library_query_matches_embedded_store(built_remote, built_store, name: str, text: str) -> None:
    embedded = built_store.select(text)
    booleans = boolean_columns(embedded)
    with built_remote.open(read_only=True) as remote:
        got = norm_rows(remote.select(text), booleans)
    want = norm_rows(embedded, booleans)
    assert want, f"{name} returns no rows on the embedded store; the comparison would prove nothing"
    assert got == want, f"{name}: only remote {sorted(got - want)[:3]}, only embedded {sorted(want - got)[:3]}"


def _param_cases(built_store) -> list[tuple[str, str, str, object, list[dict]]]:
    """(query, text, parameter, a value it takes, the query's unparameterised rows)."""
    cases = []
    for name, text in library():
        _, params = parse_header(text)
        rows = built_store.select(text) if params else []
        for param in params:
            values = sorted({str(r[param].value) for r in rows if param in r})
            if values:
                cases.append((name, text, param, values[0], rows))
    return cases


def test_library_parameters_match_embedded_store(built_remote, built_store) -> None:
    cases = _param_cases(built_store)
    assert cases, "no library query declares a parameter"
    with built_remote.open(read_only=True) as remote:
        for name, text, param, value, rows in cases:
            booleans = boolean_columns(rows)
            got = norm_rows(remote.select(text, substitutions={param: value}), booleans)
            term = to_term(value)
            joined = norm_rows([{**r, param: term} for r in rows if r.get(param, term) == term], booleans)
            assert got == joined, (name, param, value)  # the SPARQL join of the parameter
            want = norm_rows(built_store.select(text, substitutions={param: value}), booleans)
            assert got == want, (name, param, value)  # and what the embedded store gives


def test_store_contents_match(built_remote, built_store) -> None:
    with built_remote.open(read_only=True) as remote:
        assert remote.named_graphs() == built_store.named_graphs()
        assert len(remote) == len(built_store)


def test_network_analysis_matches(built_remote, built_store) -> None:
    from stikg.graph.network import NETWORKS, build_network

    with built_remote.open(read_only=True) as remote:
        for name in NETWORKS:
            here, there = build_network(built_store, name), build_network(remote, name)
            assert sorted(there.nodes) == sorted(here.nodes), name
            assert {frozenset(e) for e in there.edges} == {frozenset(e) for e in here.edges}, name


def test_cli_query_on_remote_store(built_remote) -> None:
    result = run_cli("query", "plans", "--store", built_remote.url, "--format", "csv", env=built_remote.env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("plan,")
    assert len(result.stdout.strip().splitlines()) > 1
