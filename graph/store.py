"""The embedded store: the one place that opens pyoxigraph on disk.

Everything else talks to a store through the methods of :class:`LocalStore` (and
its remote twin in ``stikg.graph.remote``), so the loaders, the query library,
the server and the network analysis run unchanged on either. ``open_store``
chooses by location: a folder path, or an ``http(s)://`` URL of a SPARQL store.

The default graph of every query is the union of all named graphs (like
``oxigraph serve --union-default-graph``), unless the caller names graphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from stikg.errors import NotFoundError, QuerySyntaxError, StoreError, StoreLockedError, UsageError
from stikg.graph.sparql_scan import scan

__all__ = [
    "DUMP_FORMATS",
    "LocalStore",
    "QueryResult",
    "open_store",
    "parse_syntax_error",
    "to_term",
]

QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
Term = ox.NamedNode | ox.BlankNode | ox.Literal

DUMP_FORMATS: dict[str, ox.RdfFormat] = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
}
_SYNTAX_POSITION = re.compile(r"(?:error )?at (\d+):(\d+)")


def parse_syntax_error(error: SyntaxError) -> QuerySyntaxError:
    """Turn pyoxigraph's ``SyntaxError`` into ours, keeping line and column."""
    message = str(error)
    match = _SYNTAX_POSITION.search(message)
    line, column = (int(match.group(1)), int(match.group(2))) if match else (None, None)
    where = f" (line {line}, column {column})" if line else ""
    return QuerySyntaxError(f"malformed SPARQL{where}: {message}", line, column)


def to_term(value: Any) -> Term:
    """A pyoxigraph term from a Python value: IRIs as ``NamedNode``, the rest as literals."""
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#double"))
    text = str(value)
    if re.match(r"^(https?|urn|mailto):[^\s<>\"]+$", text):
        return ox.NamedNode(text)
    return ox.Literal(text)


def subs_names(subs: Mapping[ox.Variable, object]) -> list[str]:
    return [v.value for v in subs]


def _graph_nodes(iris: Iterable[str] | None) -> list[ox.NamedNode] | None:
    return None if iris is None else [ox.NamedNode(i) for i in iris]


def _in_graph(node: ox.NamedNode, quads: Iterable[ox.Quad | ox.Triple]) -> list[ox.Quad]:
    """``quads`` as quads of graph ``node``. A list whose first and last items already are
    (what ``GraphBuilder.quads`` gives) is taken as it is: checking every quad's graph
    would cost ~0.3 µs each, a tenth of loading it."""
    if isinstance(quads, list) and quads:
        first, last = quads[0], quads[-1]
        if type(first) is ox.Quad and type(last) is ox.Quad and first.graph_name == node == last.graph_name:
            return quads
    return [
        q if type(q) is ox.Quad and q.graph_name == node else ox.Quad(q.subject, q.predicate, q.object, node)
        for q in quads
    ]


class LocalStore:
    """A pyoxigraph store on disk (or in memory when ``path`` is None)."""

    kind = "local"

    def __init__(self, path: str | Path | None, *, read_only: bool = False) -> None:
        self.location = str(path) if path is not None else ":memory:"
        self.read_only = read_only
        self._store = self._open(path, read_only)

    @staticmethod
    def _open(path: str | Path | None, read_only: bool) -> ox.Store:
        if path is None:
            return ox.Store()
        folder = Path(path)
        if folder.exists() and not folder.is_dir():
            raise StoreError(f"store path {folder} is a regular file; give a folder (e.g. var/store)")
        try:
            if read_only:
                if not (folder / "CURRENT").exists():
                    raise NotFoundError(f"no store at {folder}: run `stikg build --store {folder}` first")
                return ox.Store.read_only(str(folder))
            folder.mkdir(parents=True, exist_ok=True)
            return ox.Store(str(folder))
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreLockedError(
                    f"store {folder} is in use by another process (a running `stikg serve` or build); "
                    "stop it or use another --store"
                ) from error
            raise StoreError(f"cannot open store {folder}: {error}") from error

    # --- reading --------------------------------------------------------------
    def query(
        self,
        sparql: str,
        *,
        substitutions: Mapping[str, Any] | None = None,
        default_graph: Iterable[str] | None = None,
        named_graphs: Iterable[str] | None = None,
        union_default: bool = True,
    ) -> QueryResult:
        """Run a SPARQL query; values in ``substitutions`` are bound, never spliced into text."""
        subs = {ox.Variable(k): to_term(v) for k, v in (substitutions or {}).items()}
        defaults = _graph_nodes(default_graph)
        if union_default and defaults is None and named_graphs is None:
            # pyoxigraph's union flag would silently override the query's own FROM / FROM NAMED
            union_default = not scan(sparql).has_dataset_clause
        try:
            return self._store.query(
                sparql,
                use_default_graph_as_union=union_default and defaults is None,
                default_graph=defaults,
                named_graphs=_graph_nodes(named_graphs),
                substitutions=subs or None,
            )
        except SyntaxError as error:
            raise parse_syntax_error(error) from None
        except RuntimeError as error:  # pyoxigraph: a substituted variable that is not projected
            if subs and "variable" in str(error):
                raise UsageError(f"cannot bind parameters {sorted(subs_names(subs))}: {error}") from None
            raise StoreError(f"query failed in store {self.location}: {error}") from error
        except OSError as error:
            raise StoreError(f"query failed in store {self.location}: {error}") from error

    def select(self, sparql: str, **kwargs: Any) -> list[dict[str, Term]]:
        """A SELECT query's rows as dicts of variable name to term (unbound names left out)."""
        result = self.query(sparql, **kwargs)
        if not isinstance(result, ox.QuerySolutions):
            raise UsageError("expected a SELECT query")
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            row = {}
            for name in names:
                term = solution[name]
                if term is not None:
                    row[name] = term
            rows.append(row)
        return rows

    def ask(self, sparql: str, **kwargs: Any) -> bool:
        return bool(self.query(sparql, **kwargs))

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def has_graph(self, graph: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(graph))

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Every quad, or those of one named graph."""
        g = ox.NamedNode(graph) if graph else None
        return iter(self._store.quads_for_pattern(None, None, None, g))

    def __len__(self) -> int:
        return len(self._store)

    # --- writing --------------------------------------------------------------
    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")
        return self._store

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update in one transaction."""
        try:
            self._writable().update(sparql)
        except SyntaxError as error:
            raise parse_syntax_error(error) from None
        except OSError as error:
            raise StoreError(f"update failed in store {self.location}: {error}") from error

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad | ox.Triple], *, exclusive: bool = False) -> int:
        """Replace named graph ``graph`` by ``quads`` as a whole; return the quads written."""
        return self.replace_graphs({graph: quads}, exclusive=exclusive)[graph]

    def replace_graphs(
        self, graphs: Mapping[str, Iterable[ox.Quad | ox.Triple]], *, exclusive: bool = False
    ) -> dict[str, int]:
        """Replace each named graph by its quads; return the quads written per graph (see ``write_graphs``)."""
        return self.write_graphs(graphs.items(), exclusive=exclusive)

    def write_graphs(
        self, graphs: Iterable[tuple[str, Iterable[ox.Quad | ox.Triple]]], *, exclusive: bool = False
    ) -> dict[str, int]:
        """Write each ``(graph, quads)`` as it comes, replacing the graph as a whole; return quads per graph.

        A reader never sees half a document: an existing graph is swapped in one update
        transaction, a new one added in one transaction. With ``exclusive`` (the caller
        holds the only handle, as ``stikg build`` does) every new graph goes into ONE
        bulk load that consumes ``graphs`` as it is produced: pyoxigraph writes in
        background threads while the caller extracts the next document, nothing waits in
        memory, and one bulk load of a large corpus is ~1.5x faster than several. If the
        load or ``graphs`` fails, the new graphs are removed again, which leaves the store
        as it was. Graphs that already exist (or come twice: the last wins) are swapped
        after the bulk load.
        """
        store = self._writable()
        written: dict[str, int] = {}
        if not exclusive:
            for graph, quads in graphs:
                node = ox.NamedNode(graph)
                items = _in_graph(node, quads)
                written[graph] = len(items)
                if store.contains_named_graph(node):
                    self._swap_graph(node, items)
                else:
                    self._add_graph(node, items)
            return written
        fresh: list[ox.NamedNode] = []
        later: dict[ox.NamedNode, list[ox.Quad]] = {}

        def new_graphs() -> Iterator[list[ox.Quad]]:
            seen: set[ox.NamedNode] = set()
            for graph, quads in graphs:
                node = ox.NamedNode(graph)
                items = _in_graph(node, quads)
                written[graph] = len(items)
                if node in seen or store.contains_named_graph(node):
                    later[node] = items
                    continue
                seen.add(node)
                fresh.append(node)
                yield items

        try:
            try:
                store.bulk_extend(chain.from_iterable(new_graphs()))  # chained in C, not yielded quad by quad
            except BaseException:
                for node in fresh:
                    store.remove_graph(node)
                raise
            for node, items in later.items():
                self._swap_graph(node, items)
        except OSError as error:
            raise StoreError(f"writing graphs to {self.location} failed: {error}") from error
        return written

    def _add_graph(self, node: ox.NamedNode, items: list[ox.Quad]) -> None:
        self._store.extend(items)
        self._store.add_graph(node)

    def _swap_graph(self, node: ox.NamedNode, items: list[ox.Quad]) -> None:
        body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in items)
        self._store.update(
            f"DELETE WHERE {{ GRAPH {node} {{ ?s ?p ?o }} }};\nINSERT DATA {{ GRAPH {node} {{ {body} }} }}"
        )

    def remove_graph(self, graph: str) -> None:
        node = ox.NamedNode(graph)
        if self._writable().contains_named_graph(node):
            self._store.remove_graph(node)

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def optimize(self) -> None:
        if not self.read_only:
            self._store.optimize()

    # --- backup ---------------------------------------------------------------
    def dump(self, path: str | Path) -> int:
        """Write every graph to ``path`` (N-Quads or TriG, by extension); return quads written."""
        target = Path(path)
        fmt = _dump_format(target)
        tmp = target.with_name(target.name + ".partial")
        try:
            self._store.dump(str(tmp), format=fmt)
            tmp.replace(target)
        except OSError as error:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"cannot write dump {target}: {error}") from error
        return len(self._store)

    def restore(self, path: str | Path) -> int:
        """Load a dump made by :meth:`dump` into this (empty) store; return quads loaded."""
        source = Path(path)
        if not source.is_file():
            raise NotFoundError(f"no dump file {source}")
        fmt = _dump_format(source)
        if len(self._store):
            raise UsageError(f"store {self.location} is not empty; restore needs an empty store (use a new --store)")
        try:
            self._writable().bulk_load(path=str(source), format=fmt)
        except (SyntaxError, ValueError) as error:
            self._store.clear()
            raise UsageError(f"{source}: not a valid {fmt.name} file: {error}") from None
        self._store.flush()
        return len(self._store)

    def close(self) -> None:
        """Release the store (and its lock)."""
        if not self.read_only:
            self._store.flush()
        del self._store

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _dump_format(path: Path) -> ox.RdfFormat:
    fmt = DUMP_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(f"{path}: unknown dump format {path.suffix!r}; use .nq (N-Quads) or .trig (TriG)")
    return fmt


def open_store(location: str | Path | None, *, read_only: bool = False) -> Any:
    """Open the store at ``location``: a folder, or an ``http(s)://`` URL of a SPARQL store."""
    if location is not None and str(location).startswith(("http://", "https://")):
        from stikg.graph.remote import RemoteStore  # imported lazily: only remote users need it

        return RemoteStore.from_url(str(location), read_only=read_only)
    return LocalStore(location, read_only=read_only)
