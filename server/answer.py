"""Serialise a query result in the negotiated format, cut at the row cap, in Rust.

pyoxigraph serialises a result only as a whole. To cap rows without a Python loop
over every term, results are first streamed as TSV (SELECT: one solution per line)
or N-Triples (graphs: one triple per line; both escape newlines inside terms) into a
writer that counts lines and stops the stream at the cap; the (possibly cut) text is
then parsed back and written in the requested format, again by pyoxigraph.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pyoxigraph as ox

from stikg.server.conneg import Format

__all__ = ["Answer", "serialize_capped"]


@dataclass(frozen=True)
class Answer:
    body: bytes
    format: Format
    truncated: bool = False  # cut at the row cap


class _Full(Exception):
    """Raised inside the serializer's write call to stop the stream at the cap."""


class _LineCap(io.RawIOBase):
    """Keeps the first ``limit`` lines written to it, then raises :class:`_Full`."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.lines = 0
        self.parts: list[bytes] = []
        self.full = False

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[no-untyped-def, override]
        chunk = bytes(data)
        count = chunk.count(b"\n")
        if self.lines + count <= self.limit:
            self.parts.append(chunk)
            self.lines += count
            return len(chunk)
        cut = -1
        for _ in range(self.limit - self.lines):
            cut = chunk.index(b"\n", cut + 1)
        self.parts.append(chunk[: cut + 1])
        self.lines = self.limit
        self.full = True
        raise _Full

    def value(self) -> bytes:
        return b"".join(self.parts)


def _stream(result: ox.QuerySolutions | ox.QueryTriples, fmt: object, limit: int) -> tuple[bytes, bool]:
    raw = _LineCap(limit)
    writer = io.BufferedWriter(raw, buffer_size=1 << 16)
    try:
        result.serialize(writer, format=fmt)  # type: ignore[arg-type]
        writer.flush()
    except _Full:
        pass
    except OSError:
        if not raw.full:
            raise
    return raw.value(), raw.full


def serialize_capped(result: object, fmt: Format, max_rows: int) -> Answer:
    """The body of ``result`` in ``fmt``; at most ``max_rows`` solutions or triples."""
    if isinstance(result, ox.QueryBoolean):
        return Answer(result.serialize(format=fmt.results), fmt)
    if isinstance(result, ox.QuerySolutions):
        tsv, full = _stream(result, ox.QueryResultsFormat.TSV, max_rows + 1)  # + the header line
        if fmt.results == ox.QueryResultsFormat.TSV:
            return Answer(tsv, fmt, full)
        parsed = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
        return Answer(parsed.serialize(format=fmt.results), fmt, full)  # type: ignore[union-attr]
    nt, full = _stream(result, ox.RdfFormat.N_TRIPLES, max_rows)  # type: ignore[arg-type]
    if fmt.rdf == ox.RdfFormat.N_TRIPLES:
        return Answer(nt, fmt, full)
    quads = ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)
    items = list(quads) if fmt.rdf.supports_datasets else [q.triple for q in quads]  # type: ignore[union-attr]
    return Answer(ox.serialize(items, format=fmt.rdf) or b"", fmt, full)
