"""The loading pipeline: read -> segment -> extract -> write one named graph per document.

Each document is extracted completely in memory before the store is touched, and
its graph is then replaced as a whole, so a failure leaves the store as it was
and rebuilding a document never duplicates facts.
"""

from __future__ import annotations

import gc
import importlib.resources
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from stikg.config import base_iri
from stikg.errors import DocumentError, NotFoundError
from stikg.loaders.context import ExtractionContext
from stikg.loaders.extract import run_extractors
from stikg.loaders.readers import SUPPORTED_SUFFIXES, read_document

__all__ = [
    "LoadReport",
    "build",
    "builtin_corpus",
    "extract_file",
    "few_collections",
    "iter_documents",
    "load_documents",
    "load_library",
    "load_ontology",
    "ontology_graph_iri",
]


@dataclass
class LoadReport:
    loaded: dict[str, int] = field(default_factory=dict)  # file name -> quads written
    failed: list[DocumentError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. skipped rows of the link table

    @property
    def ok(self) -> bool:
        return not self.failed


def builtin_corpus() -> Path:
    """The folder of the five built-in documents shipped with the package."""
    return Path(str(importlib.resources.files("stikg.data") / "corpus"))


def ontology_graph_iri() -> str:
    return f"{base_iri()}graph/ontology"


def iter_documents(paths: Iterable[Path]) -> Iterator[Path]:
    """Every loadable file under ``paths`` (files as given, folders walked in name order)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        elif path.exists():
            yield path
        else:
            raise NotFoundError(f"no such file or folder: {path}")


def load_ontology(store: object) -> int:
    """Load the ontology and shapes Turtle files into their own named graph.

    Anonymous nodes (OWL restrictions, SHACL property shapes) are skolemised to
    ``{base}.well-known/genid/<file>-<n>`` in order of appearance, so every rebuild
    writes the same quads and a dump restores exactly.
    """
    quads: list[ox.Quad] = []
    graph = ox.NamedNode(ontology_graph_iri())
    folder = importlib.resources.files("stikg.ontology")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".ttl"):
            skolem: dict[str, ox.NamedNode] = {}
            prefix = f"{base_iri()}.well-known/genid/{entry.name.removesuffix('.ttl')}-"

            def named(term: object, skolem: dict = skolem, prefix: str = prefix) -> object:
                if isinstance(term, ox.BlankNode):
                    return skolem.setdefault(term.value, ox.NamedNode(f"{prefix}{len(skolem) + 1}"))
                return term

            for q in ox.parse(entry.read_bytes(), format=ox.RdfFormat.TURTLE):
                quads.append(ox.Quad(named(q.subject), q.predicate, named(q.object), graph))
    return store.replace_graph(graph.value, quads, exclusive=True)  # type: ignore[attr-defined]


def load_library(store: object) -> int:
    """Publish the query library in the graph (``sh:SPARQLExecutable``) in ``{base}graph/queries``."""
    from stikg.graph.library import library_quads

    graph = f"{base_iri()}graph/queries"
    return store.replace_graph(graph, library_quads(graph), exclusive=True)  # type: ignore[attr-defined]


@contextmanager
def few_collections(young: int = 100_000) -> Iterator[Callable[[], None]]:
    """Run the garbage collector rarely while loading; yields ``keep()`` for finished documents.

    Extraction allocates millions of small objects that live until their batch is
    written (quads, terms, matches); at the default threshold (700) the collector runs
    every few hundred allocations and re-walks them: a fifth of the extraction time
    (bench/loader_bench.py). They hold no cycles worth collecting early, so a young
    generation of ``young`` objects loses nothing. Calling ``keep()`` after each
    document moves everything alive into the collector's permanent generation
    (``gc.freeze``), so the quads waiting for the next batch are never walked again
    (another ~4 %); they are unfrozen on exit. If the process had frozen objects of its
    own before (a pre-forking server does), ``keep()`` does nothing, so theirs stay
    frozen. The setting is process-wide, as the collector is; the thresholds are restored.
    """
    previous = gc.get_threshold()
    ours = gc.get_freeze_count() == 0
    gc.set_threshold(max(young, previous[0]), *previous[1:])
    try:
        yield gc.freeze if ours else _nothing
    finally:
        gc.set_threshold(*previous)
        if ours:
            gc.unfreeze()


def _nothing() -> None:
    return None


def extract_file(path: Path, ctx: ExtractionContext) -> tuple[str, list[ox.Quad]]:
    """Read, segment and extract one file: its graph's IRI and quads (DocumentError if it cannot be read)."""
    builder = run_extractors(read_document(path), ctx)
    return builder.graph, builder.quads()


def load_documents(
    store: object,
    paths: Iterable[Path],
    *,
    on_progress: Callable[[Path, int | None], None] | None = None,
) -> LoadReport:
    """Load every document under ``paths``; failed files are reported, the others still load.

    Documents are extracted one at a time and handed to ``store.write_graphs`` as they
    come: the embedded store bulk-loads them all in one pass while it writes the previous
    ones in the background (no document waits in memory); a remote store writes them in
    batches. Either way a failure of the store leaves it as it was.
    """
    report = LoadReport()
    ctx = ExtractionContext()
    files: dict[str, str] = {}  # graph IRI -> file name

    def extracted() -> Iterator[tuple[str, list[ox.Quad]]]:
        for path in iter_documents(paths):
            try:
                graph, quads = extract_file(path, ctx)
            except DocumentError as error:
                report.failed.append(error)
                if on_progress:
                    on_progress(path, None)
                continue
            files[graph] = path.name
            if on_progress:
                on_progress(path, len(quads))
            yield graph, quads

    with few_collections():
        written = store.write_graphs(extracted(), exclusive=True)  # type: ignore[attr-defined]
    for graph, count in written.items():
        report.loaded[files[graph]] = count
    return report


def build(
    store: object,
    sources: Iterable[Path] | None = None,
    *,
    on_progress: Callable[[Path, int | None], None] | None = None,
) -> LoadReport:
    """What ``stikg build`` does: ontology, query library, reference data, then the documents."""
    from stikg.loaders.links_table import read_links
    from stikg.loaders.reference import load_reference

    load_ontology(store)
    load_library(store)
    load_reference(store)
    report = load_documents(store, list(sources) if sources else [builtin_corpus()], on_progress=on_progress)
    report.warnings.extend(read_links().problems)
    return report
