"""The query library: read ``.rq`` files, their header comments and parameters.

A query file starts with a header of ``#+ key: value`` lines::

    #+ summary: 各规划的文号、发文机关与规划期 / Plans with number, issuer and period
    #+ description_zh: …
    #+ description_en: …
    #+ param: region: 区域中文名，如 相城区 / Chinese region name, e.g. 相城区
    #+ columns: ?plan ?title …

Parameters are bound with pyoxigraph substitutions (SEP-0007), never spliced into
the query text, so a value cannot change the query's meaning.
"""

from __future__ import annotations

import importlib.resources
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from stikg.errors import NotFoundError, UsageError

__all__ = [
    "LibraryQuery",
    "bind_parameters",
    "library_quads",
    "library_queries",
    "parse_header",
    "read_query_text",
]

_HEADER = re.compile(r"^#\+\s*([A-Za-z_]+)\s*:\s*(.*)$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class LibraryQuery:
    name: str  # file stem, e.g. "plans"
    text: str
    header: dict[str, str] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)  # name -> description

    @property
    def title(self) -> str:
        return self.header.get("summary", self.name)


def parse_header(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """The ``#+`` header fields and declared parameters of a query."""
    header: dict[str, str] = {}
    params: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "param":
            name, _, description = value.partition(":")
            params[name.strip().lstrip("?")] = description.strip()
        elif key in header:
            header[key] += " " + value
        else:
            header[key] = value
    return header, params


def read_query_text(source: str) -> str:
    """Query text from a file, ``-`` (stdin), or a library name such as ``plans``."""
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise UsageError(f"{path}: not UTF-8 text (byte {error.start})") from None
    for query in library_queries():
        if query.name in (source, path.stem):
            return query.text
    raise NotFoundError(f"no query file {source}")


def library_queries() -> list[LibraryQuery]:
    """Every query shipped in ``stikg.queries``, in name order."""
    folder = importlib.resources.files("stikg.queries")
    queries = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            header, params = parse_header(text)
            queries.append(LibraryQuery(entry.name[:-3], text, header, params))
    return queries


def bind_parameters(text: str, assignments: tuple[str, ...] | list[str] | dict[str, str]) -> dict[str, str]:
    """Check ``NAME=VALUE`` assignments against the query's declared parameters."""
    _, declared = parse_header(text)
    pairs = assignments.items() if isinstance(assignments, dict) else [_split(a) for a in assignments]
    bindings: dict[str, str] = {}
    for name, value in pairs:
        if not _NAME.match(name):
            raise UsageError(f"parameter name {name!r} is not a SPARQL variable name")
        if declared and name not in declared:
            raise UsageError(f"unknown parameter {name!r}; this query takes: {', '.join(sorted(declared))}")
        bindings[name] = _expand_prefixed(value)
    return bindings


def _expand_prefixed(value: str) -> str:
    """``stikg:MunicipalLevel`` → the full IRI, for the project's well-known prefixes; other values as given."""
    from stikg.graph.vocab import PREFIXES

    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and local and not local.startswith("//") and re.match(r"^[\w.-]+$", local):
        return PREFIXES[prefix] + local
    return value


def _split(assignment: str) -> tuple[str, str]:
    name, sep, value = assignment.partition("=")
    if not sep:
        raise UsageError(f"--param {assignment!r}: expected NAME=VALUE")
    return name.strip().lstrip("?"), value


def library_quads(graph: str) -> list:
    """The query library as ``sh:SPARQLExecutable`` resources, for SPARQL editors that read examples.

    Each query becomes ``{base}id/query/<name>`` typed ``sh:SPARQLExecutable`` and
    ``sh:SPARQLSelectExecutable`` (or Construct/Ask), with ``sh:select`` (or
    ``sh:construct``/``sh:ask``), ``rdfs:label`` and ``rdfs:comment`` in zh and en,
    and ``schema:target`` the service endpoint path, as the SIB sparql-examples do.
    """
    import pyoxigraph as ox

    from stikg.config import base_iri
    from stikg.graph.vocab import RDF, RDFS, SH

    g = ox.NamedNode(graph)
    quads: list[ox.Quad] = []

    def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        quads.append(ox.Quad(s, ox.NamedNode(p), o, g))

    for query in library_queries():
        node = ox.NamedNode(f"{base_iri()}id/query/{query.name}")
        form = _query_form(query.text)
        add(node, str(RDF.type), ox.NamedNode(str(SH.SPARQLExecutable)))
        add(node, str(RDF.type), ox.NamedNode(str(SH[f"SPARQL{form.capitalize()}Executable"])))
        add(node, str(SH[form.lower()]), ox.Literal(query.text))
        add(node, str(RDFS.label), ox.Literal(query.title, language="en" if query.title.isascii() else "zh"))
        for key, lang in (("description_zh", "zh"), ("description_en", "en")):
            if query.header.get(key):
                add(node, str(RDFS.comment), ox.Literal(query.header[key], language=lang))
    return quads


_FORM = re.compile(r"^\s*(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", re.IGNORECASE | re.MULTILINE)


def _query_form(text: str) -> str:
    """SELECT, CONSTRUCT, ASK or DESCRIBE: the first query-form keyword outside comments."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    match = _FORM.search(body)
    return match.group(1).upper() if match else "SELECT"
