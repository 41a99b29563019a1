"""Serialise query results in the SPARQL 1.1 result formats and RDF formats."""

from __future__ import annotations

import io

import pyoxigraph as ox

from stikg.errors import UsageError

__all__ = ["RDF_FORMATS", "RESULT_FORMATS", "render_table", "serialize_result"]

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
}


def _cell(term: object) -> str:
    if term is None:
        return ""
    return term.value if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode) else str(term)


def render_table(result: ox.QuerySolutions) -> str:
    """A plain-text table for people at a terminal (CJK characters count double width)."""
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    names = [v.value for v in result.variables]
    rows = [[_cell(solution[n]) for n in names] for solution in result]
    widths = [max([width(n)] + [width(r[i]) for r in rows]) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return " | ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(names), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def serialize_result(result: object, fmt: str) -> bytes:
    """Serialise a SELECT/ASK result or a CONSTRUCT/DESCRIBE graph in format ``fmt``."""
    if isinstance(result, ox.QuerySolutions | ox.QueryBoolean):
        if fmt == "table":
            if isinstance(result, ox.QueryBoolean):
                return (("true" if bool(result) else "false") + "\n").encode()
            return render_table(result).encode("utf-8")
        if fmt not in RESULT_FORMATS:
            raise UsageError(f"format {fmt!r} is not for SELECT/ASK; use one of csv, tsv, json, xml, table")
        buffer = io.BytesIO()
        result.serialize(buffer, format=RESULT_FORMATS[fmt])
        return buffer.getvalue()
    fmt = "turtle" if fmt == "table" else fmt
    if fmt not in RDF_FORMATS:
        raise UsageError(f"format {fmt!r} is not for CONSTRUCT/DESCRIBE; use one of {', '.join(RDF_FORMATS)}")
    rdf_format = RDF_FORMATS[fmt]
    items = list(result)  # type: ignore[call-overload]
    if rdf_format.supports_datasets:
        items = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in items]
    return ox.serialize(items, format=rdf_format) or b""
