"""A remote SPARQL store with the methods of ``LocalStore`` (``--store http(s)://…``).

SPARQL 1.1 Query and Update over HTTP plus the Graph Store HTTP Protocol (GSP), so
the loaders, the query library, the server and the network analysis run unchanged on
Oxigraph (``oxigraph serve --union-default-graph``) or Virtuoso. Answers are parsed
back into pyoxigraph result objects, so callers serialise them as before.

Writing a document's graph (``replace_graphs``), see docs/deployment.md:

- Oxigraph: one GSP ``PUT ?graph=G`` per graph, which Oxigraph applies in one
  transaction (a failed upload leaves the old content).
- Virtuoso: its GSP PUT is not atomic (a failed upload leaves part of it) and rejects
  some N-Triples bodies as text/plain, so the new content is inserted into a staging
  graph ``G#stikg-staging`` (INSERT DATA, 1000 triples a request) and swapped in by one
  ``MOVE`` operation; a failed staging load is dropped.
- A batch of graphs is all-or-nothing: when one graph fails, the graphs this call
  already replaced get their previous content back (kept in memory) and new ones are
  deleted; PUT/GET/DELETE are retried on transient errors, the MOVE POST is not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from stikg.errors import NotFoundError, RemoteStoreError, StoreError, UsageError
from stikg.graph.remote_bind import bind_remote, query_form
from stikg.graph.remote_http import Endpoints, RemoteHttp
from stikg.graph.store import LocalStore, QueryResult, _dump_format, to_term

__all__ = ["STAGING_SUFFIX", "SYSTEM_GRAPHS", "RemoteStore"]

STAGING_SUFFIX = "#stikg-staging"
# Graphs Virtuoso keeps for itself; its union default graph includes them (docs/deployment.md).
SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/sparql",
    "http://www.w3.org/2002/07/owl#",
)
_RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPHS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}
_NT = "application/n-triples"
_BATCH_QUADS = 1_000_000  # write_graphs: quads per all-or-nothing batch


def _own_graph(iri: str) -> bool:
    return not (iri.startswith(SYSTEM_GRAPHS) or iri.endswith(STAGING_SUFFIX))


class RemoteStore:
    """A SPARQL store over HTTP; the same methods as :class:`~stikg.graph.store.LocalStore`."""

    kind = "remote"
    select = LocalStore.select
    ask = LocalStore.ask

    def __init__(self, endpoints: Endpoints, *, read_only: bool = False, location: str = "") -> None:
        self.endpoints = endpoints
        self.location = location or endpoints.query
        self.read_only = read_only
        self.http = RemoteHttp()

    @classmethod
    def from_url(
        cls, url: str, *, read_only: bool = False, update_url: str | None = None, gsp_url: str | None = None
    ) -> RemoteStore:
        """Open the store at ``url`` and check that it answers (a clear error if it does not)."""
        store = cls(Endpoints.from_url(url, update_url, gsp_url), read_only=read_only, location=url)
        store.query("ASK { }")
        return store

    @property
    def is_virtuoso(self) -> bool:
        return "virtuoso" in self.http.server.lower()

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
        """Run a query on the store; parameters are bound by a rewrite (``remote_bind``), never spliced."""
        subs = {ox.Variable(k): to_term(v) for k, v in (substitutions or {}).items()}
        text = bind_remote(sparql, subs) if subs else sparql
        form = query_form(sparql)
        graphs = form in ("CONSTRUCT", "DESCRIBE")
        data: dict[str, Any] = {"query": text}
        if default_graph is not None:
            data["default-graph-uri"] = list(default_graph)
        if named_graphs is not None:
            data["named-graph-uri"] = list(named_graphs)
        accept = f"{_NT}, text/plain;q=0.9, text/turtle;q=0.5" if graphs else "application/sparql-results+json"
        if form is None:
            accept = f"application/sparql-results+json, {_NT};q=0.9"
        response = self.http.query(self.endpoints.query, data, accept)
        result = _parse_answer(response.content, response.headers.get("Content-Type", ""), self.endpoints.query)
        if form == "ASK" and isinstance(result, ox.QuerySolutions):
            # Virtuoso answers some ASK queries as a table with one row (true) or none (false)
            answer = "true" if any(True for _ in result) else "false"
            return ox.parse_query_results(f'{{"head":{{}},"boolean":{answer}}}', format=ox.QueryResultsFormat.JSON)
        return result

    def named_graphs(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        names = (row["g"].value for row in rows if isinstance(row.get("g"), ox.NamedNode))
        return sorted(name for name in names if _own_graph(name))

    def has_graph(self, graph: str) -> bool:
        return self.ask(f"ASK {{ GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }} }}")

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Every quad of the store's own graphs (not Virtuoso's system graphs), or those of one graph."""
        if graph is not None:
            node = ox.NamedNode(graph)
            rows = self.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH {node} {{ ?s ?p ?o }} }}")
            return iter([ox.Quad(r["s"], r["p"], r["o"], node) for r in rows])  # type: ignore[arg-type]
        rows = self.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return iter(
            [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows if _own_graph(r["g"].value)]  # type: ignore[arg-type]
        )

    def __len__(self) -> int:
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return sum(int(r["n"].value) for r in rows if _own_graph(r["g"].value))

    # --- writing --------------------------------------------------------------
    def _writable(self) -> str:
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")
        if not self.endpoints.update:
            raise UsageError(
                f"store {self.location} has no update endpoint: give --update-url (or STIKG_UPDATE_URL)"
            )
        return self.endpoints.update

    def _gsp(self) -> str:
        if not self.endpoints.gsp:
            raise UsageError(
                f"store {self.location} has no Graph Store endpoint: give --gsp-url (or STIKG_GSP_URL), "
                "e.g. http://HOST:8890/sparql-graph-crud-auth for Virtuoso"
            )
        return self.endpoints.gsp

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update (one request; never repeated once sent)."""
        url = self._writable()
        self.http.request(
            "POST", url, safe=False, data=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad | ox.Triple], *, exclusive: bool = False) -> int:
        """Replace named graph ``graph`` by ``quads`` as a whole; return the quads written."""
        return self.replace_graphs({graph: quads}, exclusive=exclusive)[graph]

    def replace_graphs(
        self, graphs: Mapping[str, Iterable[ox.Quad | ox.Triple]], *, exclusive: bool = False
    ) -> dict[str, int]:
        """Replace each graph as a whole; all-or-nothing for the batch (module docstring)."""
        self._writable()
        written: dict[str, int] = {}
        done: list[tuple[str, bytes | None]] = []  # graph, previous content (None: it was new)
        for graph, quads in graphs.items():
            triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            try:
                previous = self._get_graph(graph) if self.has_graph(graph) else None
                self._put_graph(graph, body)
            except RemoteStoreError as error:
                self._roll_back(done, graph, error)
            done.append((graph, previous))
            written[graph] = len(triples)
        return written

    def write_graphs(
        self, graphs: Iterable[tuple[str, Iterable[ox.Quad | ox.Triple]]], *, exclusive: bool = False
    ) -> dict[str, int]:
        """``replace_graphs`` over a stream of ``(graph, quads)``, in batches of about a million
        quads (each batch all-or-nothing), so a large corpus never waits in memory whole."""
        written: dict[str, int] = {}
        batch: dict[str, list[ox.Quad | ox.Triple]] = {}
        size = 0
        for graph, quads in graphs:
            batch[graph] = list(quads)
            size += len(batch[graph])
            if size >= _BATCH_QUADS:
                written.update(self.replace_graphs(batch, exclusive=exclusive))
                batch, size = {}, 0
        if batch:
            written.update(self.replace_graphs(batch, exclusive=exclusive))
        return written

    def _graph_url(self, graph: str) -> tuple[str, dict[str, str]]:
        return self._gsp(), {"graph": graph}

    def _get_graph(self, graph: str) -> bytes:
        url, params = self._graph_url(graph)
        return self.http.request("GET", url, params=params, headers={"Accept": _NT}).content

    def _put_graph(self, graph: str, body: bytes) -> None:
        """Swap ``graph``'s content for ``body`` (N-Triples) atomically (module docstring)."""
        headers = {"Content-Type": "text/turtle" if self.is_virtuoso else _NT}  # N-Triples is Turtle
        if not self.is_virtuoso:
            url, params = self._graph_url(graph)
            self.http.request("PUT", url, params=params, data=body, headers=headers)
            return
        staging = ox.NamedNode(graph + STAGING_SUFFIX)
        self.update(f"DROP SILENT GRAPH {staging}")
        try:
            for chunk in _insert_chunks(body):
                self.update(f"INSERT DATA {{ GRAPH {staging} {{\n{chunk}\n}} }}")
        except RemoteStoreError:
            self.update(f"DROP SILENT GRAPH {staging}")
            raise
        self.update(f"MOVE SILENT GRAPH {staging} TO GRAPH {ox.NamedNode(graph)}")

    def _delete_graph(self, graph: str) -> None:
        url, params = self._graph_url(graph)
        self.http.request("DELETE", url, params=params)

    def _roll_back(self, done: list[tuple[str, bytes | None]], failed: str, error: RemoteStoreError) -> None:
        """Put back what this batch changed before ``failed``, then raise."""
        problems = []
        for graph, previous in reversed(done):
            try:
                if previous is None:
                    self._delete_graph(graph)
                else:
                    self._put_graph(graph, previous)
            except RemoteStoreError as undo_error:
                problems.append(f"{graph}: {undo_error}")
        state = (
            "the batch was rolled back (graphs replaced before it have their previous content again)"
            if not problems
            else "rolling back failed for " + "; ".join(problems) + " — rerun the build when the store is back"
        )
        raise RemoteStoreError(f"writing graph {failed} failed, {state}: {error}") from None

    def remove_graph(self, graph: str) -> None:
        self._writable()
        self._delete_graph(graph)

    def flush(self) -> None:
        """Nothing to do: the remote store commits each request."""

    def optimize(self) -> None:
        """Nothing to do: the remote store manages its own storage."""

    # --- backup ---------------------------------------------------------------
    def dump(self, path: str | Path) -> int:
        """Write the store's own graphs to ``path`` (N-Quads or TriG, by extension); return quads."""
        target = Path(path)
        fmt = _dump_format(target)
        quads = list(self.quads())
        tmp = target.with_name(target.name + ".partial")
        try:
            ox.serialize(quads, str(tmp), format=fmt)
            tmp.replace(target)
        except OSError as error:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"cannot write dump {target}: {error}") from error
        return len(quads)

    def restore(self, path: str | Path) -> int:
        """Load a dump made by ``dump`` into this (empty) store; return quads loaded."""
        source = Path(path)
        if not source.is_file():
            raise NotFoundError(f"no dump file {source}")
        fmt = _dump_format(source)
        if len(self):
            raise UsageError(f"store {self.location} is not empty; restore needs an empty store")
        try:
            quads = list(ox.parse(path=str(source), format=fmt))
        except (SyntaxError, ValueError) as error:
            raise UsageError(f"{source}: not a valid {fmt.name} file: {error}") from None
        graphs: dict[str, list[ox.Quad]] = {}
        for q in quads:
            if not isinstance(q.graph_name, ox.NamedNode):
                raise UsageError(f"{source}: a triple in the default graph ({q.subject}); stikg keeps named graphs only")
            graphs.setdefault(q.graph_name.value, []).append(q)
        return sum(self.replace_graphs(graphs, exclusive=True).values())

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


VIRTUOSO_CHUNK = 1000  # triples per INSERT DATA: Virtuoso's SPARQL parser gives up near 5000


def _insert_chunks(body: bytes) -> Iterator[str]:
    """N-Triples lines in INSERT DATA-sized chunks; lines with blank nodes stay in one chunk."""
    lines = body.decode("utf-8").splitlines()
    with_bnodes = [line for line in lines if "_:" in line]
    plain = [line for line in lines if "_:" not in line]
    if len(with_bnodes) > 4 * VIRTUOSO_CHUNK:
        raise RemoteStoreError(f"{len(with_bnodes)} triples with blank nodes in one graph: too many for Virtuoso")
    if with_bnodes:
        yield "\n".join(with_bnodes)
    for start in range(0, len(plain), VIRTUOSO_CHUNK):
        yield "\n".join(plain[start : start + VIRTUOSO_CHUNK])


def _parse_answer(body: bytes, content_type: str, url: str) -> QueryResult:
    """pyoxigraph result objects from the store's answer, chosen by its media type."""
    media = content_type.split(";")[0].strip().lower()
    try:
        if media in _RESULTS:
            return ox.parse_query_results(body, format=_RESULTS[media])
        if media in _GRAPHS:
            scratch, fmt = ox.Store(), _GRAPHS[media]
            if fmt.supports_datasets:  # every quad's triple into the default graph
                scratch.extend(ox.Quad(q.subject, q.predicate, q.object) for q in ox.parse(body, format=fmt))
            else:  # parsed and stored in Rust: no Python object per triple
                scratch.load(body, format=fmt)
            return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")
    except (SyntaxError, ValueError) as error:
        raise RemoteStoreError(f"the SPARQL store at {url} sent an unreadable {media} answer: {error}") from None
    raise RemoteStoreError(
        f"the SPARQL store at {url} answered with {media or 'no content type'}, not SPARQL results or "
        "N-Triples; is the URL its query endpoint?"
    )
