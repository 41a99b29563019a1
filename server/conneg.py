"""Content negotiation for SPARQL results and RDF graphs (as oxigraph's server does it).

Two families: result formats for SELECT/ASK and RDF formats for CONSTRUCT/DESCRIBE
(and the graph store). A ``format`` parameter (short name or media type) beats the
Accept header; no Accept header (or ``*/*``) gets the family's explicit default;
q-values are honoured; nothing acceptable is a 406 that lists what we can send.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.exceptions import NotAcceptable
from werkzeug.http import parse_accept_header

from stikg.errors import UsageError

__all__ = ["GRAPH", "RESULTS", "Format", "negotiate", "negotiate_header", "rdf_format_for_upload"]


@dataclass(frozen=True)
class Format:
    name: str
    mime: str  # the media type we answer with
    results: ox.QueryResultsFormat | None = None
    rdf: ox.RdfFormat | None = None
    aliases: tuple[str, ...] = ()  # other media types a client may ask for

    @property
    def content_type(self) -> str:
        textual = self.mime.startswith("text/") or self.mime.endswith(("+json", "+xml", "/json", "/xml"))
        return f"{self.mime}; charset=utf-8" if textual else self.mime


RESULTS: tuple[Format, ...] = (  # the first is the default
    Format("json", "application/sparql-results+json", results=ox.QueryResultsFormat.JSON,
           aliases=("application/json",)),
    Format("xml", "application/sparql-results+xml", results=ox.QueryResultsFormat.XML,
           aliases=("application/xml", "text/xml")),
    Format("csv", "text/csv", results=ox.QueryResultsFormat.CSV),
    Format("tsv", "text/tab-separated-values", results=ox.QueryResultsFormat.TSV),
)
GRAPH: tuple[Format, ...] = (
    Format("turtle", "text/turtle", rdf=ox.RdfFormat.TURTLE, aliases=("application/x-turtle",)),
    Format("ntriples", "application/n-triples", rdf=ox.RdfFormat.N_TRIPLES, aliases=("text/plain",)),
    Format("rdfxml", "application/rdf+xml", rdf=ox.RdfFormat.RDF_XML),
    Format("jsonld", "application/ld+json", rdf=ox.RdfFormat.JSON_LD),
    Format("nquads", "application/n-quads", rdf=ox.RdfFormat.N_QUADS),
    Format("trig", "application/trig", rdf=ox.RdfFormat.TRIG),
)
_FAMILY_NOUN = {id(RESULTS): "SELECT/ASK results", id(GRAPH): "RDF graphs (CONSTRUCT/DESCRIBE)"}


def _by_key(family: tuple[Format, ...]) -> dict[str, Format]:
    table: dict[str, Format] = {}
    for fmt in family:
        table[fmt.name] = fmt
        table[fmt.mime] = fmt
        for alias in fmt.aliases:
            table[alias] = fmt
    return table


def _names(family: tuple[Format, ...]) -> str:
    return ", ".join(f"{f.name} ({f.mime})" for f in family)


def _from_parameter(value: str, family: tuple[Format, ...]) -> Format:
    key = value.strip().lower().split(";")[0].strip()
    found = _by_key(family).get(key)
    if found:
        return found
    other = GRAPH if family is RESULTS else RESULTS
    if key in _by_key(other):
        raise UsageError(
            f"format {value!r} cannot carry {_FAMILY_NOUN[id(family)]}; use one of {_names(family)}"
        )
    raise UsageError(f"unknown format {value!r}; use one of {_names(family)}")


def negotiate(accept: MIMEAccept, family: tuple[Format, ...], format_param: str | None = None) -> Format:
    """The format to answer with: ``format`` parameter, else Accept (q-values), else the default."""
    if format_param:
        return _from_parameter(format_param, family)
    if not accept or not list(accept.values()):
        return family[0]
    table = _by_key(family)
    offers = [family[0].mime, *[k for k in table if "/" in k and k != family[0].mime]]
    best = accept.best_match(offers)
    if best is None:
        raise NotAcceptable(
            f"cannot answer with {accept.to_header()!r} for {_FAMILY_NOUN[id(family)]}; "
            f"send an Accept header (or a format parameter) with one of {_names(family)}"
        )
    return table[best]


@functools.lru_cache(maxsize=256)
def negotiate_header(accept_header: str | None, family: tuple[Format, ...], format_param: str | None = None) -> Format:
    """:func:`negotiate` for a raw Accept header, remembered: clients send the same few
    headers again and again, and parsing one with q-values is a good part of a cheap query."""
    return negotiate(parse_accept_header(accept_header, MIMEAccept), family, format_param)


def rdf_format_for_upload(content_type: str | None) -> ox.RdfFormat:
    """The RDF syntax of an uploaded body, from its Content-Type (graph store, PUT/POST)."""
    mime = (content_type or "").split(";")[0].strip().lower()
    fmt = _by_key(GRAPH).get(mime)
    if fmt is None or fmt.rdf is None:
        from werkzeug.exceptions import UnsupportedMediaType

        raise UnsupportedMediaType(
            f"cannot read a body of type {mime or '(none)'!r}; send Content-Type one of "
            + ", ".join(f.mime for f in GRAPH)
        )
    return fmt.rdf
