"""Parameters on a remote store give the rows pyoxigraph's substitutions give, on each store."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from stikg.errors import UsageError

G = "http://example.org/bind-test"
INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
DATA = [
    ("http://a", "http://p", ox.Literal("x")),
    ("http://b", "http://p", ox.Literal("y")),
    ("http://c", "http://q", ox.Literal("z")),
    ("http://a", "http://r", ox.Literal("1", datatype=INT)),
    ("http://a", "http://r", ox.Literal("2", datatype=INT)),
    ("http://b", "http://r", ox.Literal("3", datatype=INT)),
]
W = f"GRAPH <{G}>"
CASES = [
    (f"SELECT ?s ?o WHERE {{ {W} {{ ?s <http://p> ?o }} }}", {"o": ox.Literal("x")}),
    (f"SELECT ?s ?o WHERE {{ {W} {{ ?s <http://p> ?v BIND(STR(?v) AS ?o) }} }}", {"o": ox.Literal("x")}),
    (f"SELECT ?s ?x WHERE {{ {W} {{ ?s <http://p> ?o FILTER(!BOUND(?x) || ?o = ?x) }} }}", {"x": ox.Literal("x")}),
    (f"SELECT DISTINCT ?s ?o WHERE {{ {W} {{ ?s <http://p> ?o }} }} ORDER BY ?o LIMIT 1", {"o": ox.Literal("y")}),
    (f"SELECT ?s (SUM(?v) AS ?t) WHERE {{ {W} {{ ?s <http://r> ?v }} }} GROUP BY ?s", {"t": ox.Literal("3", datatype=INT)}),
    (f"SELECT ?s (SUM(?v) AS ?t) WHERE {{ {W} {{ ?s <http://r> ?v }} }} GROUP BY ?s", {"s": ox.NamedNode("http://a")}),
    (f"ASK {{ {W} {{ ?s <http://p> ?x }} }}", {"x": ox.Literal("nope")}),
    (f"ASK {{ {W} {{ ?s <http://p> ?x }} }}", {"x": ox.Literal("x")}),
    (f"CONSTRUCT {{ ?s <http://z> ?x }} WHERE {{ {W} {{ ?s <http://p> ?o }} }}", {"x": ox.Literal("x")}),
    ("PREFIX e: <http://e/> # a { in a comment\nSELECT * WHERE { GRAPH ?g { ?s <http://p> ?o FILTER(?o != \"}{\") } }",
     {"o": ox.Literal("y")}),
    (f"SELECT ?s ?o WHERE {{ {W} {{ ?s <http://p> ?o }} }}", {"o": ox.Literal('x" } } ; DROP ALL ; #')}),
]


@pytest.fixture(scope="module")
def loaded(remote):
    quads = [ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o, ox.NamedNode(G)) for s, p, o in DATA]
    local = ox.Store()
    local.extend(quads)
    with remote.open() as store:
        store.replace_graph(G, quads)
        yield store, local
        store.remove_graph(G)


def rows(result: object) -> object:
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return sorted(tuple((n, str(s[n])) for n in names if s[n] is not None) for s in result)
    return sorted(str(t) for t in result)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "params"), CASES)
def test_parameters_match_pyoxigraph(loaded, text: str, params: dict) -> None:
    store, local = loaded
    subs = {ox.Variable(k): v for k, v in params.items()}
    want = rows(local.query(text, substitutions=subs, use_default_graph_as_union=True))
    assert rows(store.query(text, substitutions=params)) == want


def test_unprojected_parameter_is_refused_like_the_embedded_store(loaded) -> None:
    store, _ = loaded
    with pytest.raises(UsageError, match=r"\?o"):
        store.query("SELECT ?s WHERE { ?s ?p ?o }", substitutions={"o": "x"})
