"""LocalStore.write_graphs: one bulk load over a stream of graphs, all-or-nothing, last write wins."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from stikg.graph.store import LocalStore

_P = ox.NamedNode("https://example.org/p")


def _graph(name: str, count: int, tag: str = "") -> tuple[str, list[ox.Quad]]:
    graph = f"https://example.org/graph/{name}"
    node = ox.NamedNode(graph)
    return graph, [ox.Quad(ox.NamedNode(f"https://example.org/{name}/{i}"), _P, ox.Literal(f"{tag}{i}"), node) for i in range(count)]


def _contents(store: LocalStore) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for quad in store.quads():
        found.setdefault(quad.graph_name.value, set()).add(quad.object.value)
    return found


def test_streamed_graphs_are_written_and_counted(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "s") as store:
        written = store.write_graphs(iter([_graph("a", 3), _graph("b", 2)]), exclusive=True)
        assert written == {"https://example.org/graph/a": 3, "https://example.org/graph/b": 2}
        assert _contents(store) == {"https://example.org/graph/a": {"0", "1", "2"}, "https://example.org/graph/b": {"0", "1"}}


def test_a_failing_stream_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "s") as store:
        store.write_graphs([_graph("old", 2)], exclusive=True)
        before = _contents(store)

        def failing() -> Iterator[tuple[str, list[ox.Quad]]]:
            yield _graph("new1", 50)
            yield _graph("new2", 50)
            raise RuntimeError("extraction broke")

        with pytest.raises(RuntimeError, match="extraction broke"):
            store.write_graphs(failing(), exclusive=True)
        assert _contents(store) == before


def test_existing_and_repeated_graphs_are_replaced_last_one_winning(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "s") as store:
        store.write_graphs([_graph("a", 3, "v1-")], exclusive=True)
        written = store.write_graphs(
            [_graph("a", 1, "v2-"), _graph("b", 2, "first-"), _graph("b", 1, "second-")], exclusive=True
        )
        assert written == {"https://example.org/graph/a": 1, "https://example.org/graph/b": 1}
        assert _contents(store) == {"https://example.org/graph/a": {"v2-0"}, "https://example.org/graph/b": {"second-0"}}


def test_shared_handle_writes_each_graph_in_its_own_transaction(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "s") as store:
        store.write_graphs([_graph("a", 2, "v1-")])
        store.write_graphs([_graph("a", 1, "v2-"), _graph("c", 1)])
        assert _contents(store) == {"https://example.org/graph/a": {"v2-0"}, "https://example.org/graph/c": {"0"}}


def test_triples_and_quads_of_another_graph_are_moved_into_the_named_graph(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "s") as store:
        _, quads = _graph("elsewhere", 2)
        triples = [q.triple for q in quads]
        store.write_graphs([("https://example.org/graph/x", quads), ("https://example.org/graph/y", triples)], exclusive=True)
        assert _contents(store) == {"https://example.org/graph/x": {"0", "1"}, "https://example.org/graph/y": {"0", "1"}}
