"""Dumps for publishing: N-Quads (every graph), Turtle (graphs merged), JSON-LD (schema.org view).

The same generators feed ``stikg export`` and the server's ``/download/<name>``, so a
download is streamed in chunks and never held in memory whole (except the JSON-LD,
which covers only organisations and places).

The JSON-LD is a *view* for web consumers, not a full dump: each organisation as a
``schema:Organization`` and each place as a ``schema:Place`` with ``schema:name`` (a
language map: ``zh``, ``zh-Latn-pinyin``, ``en``), ``schema:sameAs`` (Wikidata, ROR),
``schema:containedInPlace`` (``stikg:partOf``) and ``schema:location`` (``stikg:locatedIn``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pyoxigraph as ox

from stikg.config import default_store_location
from stikg.errors import UsageError
from stikg.graph.vocab import ORG, PREFIXES, SCHEMA, STIKG

__all__ = ["EXPORT_FORMATS", "export", "iter_export", "jsonld_document"]

EXPORT_FORMATS = {"nquads": ".nq", "turtle": ".ttl", "jsonld": ".jsonld"}
_CHUNK = 20_000
_ORG_CLASSES = (
    *(STIKG[name] for name in (
        "University", "ResearchInstitute", "NewRDInstitution", "Laboratory", "Incubator", "MakerSpace",
        "Accelerator", "OffshoreIncubator", "InnovationCenter", "Enterprise", "GovernmentBody",
        "FinancialInstitution", "Fund",
    )),
    ORG.Organization,
)
_PLACE_CLASSES = tuple(
    STIKG[name]
    for name in ("Place", "Country", "Province", "City", "District", "Town", "DevelopmentZone", "ForeignCity", "Region")
)
_PLACE_IRIS = frozenset(str(c) for c in _PLACE_CLASSES)
_VIEW_QUERY = """
PREFIX stikg: <https://w3id.org/stikg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT DISTINCT ?s ?class ?p ?o WHERE {
  VALUES ?class { %s }
  ?s a ?class .
  { ?s rdfs:label ?o BIND("name" AS ?p) }
  UNION { ?s owl:sameAs ?o BIND("sameAs" AS ?p) }
  UNION { ?s stikg:partOf ?o BIND("containedInPlace" AS ?p) }
  UNION { ?s stikg:locatedIn ?o BIND("location" AS ?p) }
}
"""
CONTEXT = {
    "@vocab": str(SCHEMA),
    "stikg": str(STIKG._NS),
    "sameAs": {"@type": "@id"},
    "containedInPlace": {"@type": "@id"},
    "location": {"@type": "@id"},
    "additionalType": {"@type": "@id"},
    "name": {"@container": "@language"},
}


def _chunks(items: Iterator, size: int = _CHUNK) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def jsonld_document(store: object) -> dict:
    """The schema.org JSON-LD view of every organisation and place in the store."""
    classes = " ".join(f"<{c}>" for c in (*_ORG_CLASSES, *_PLACE_CLASSES))
    nodes: dict[str, dict] = {}
    for row in store.select(_VIEW_QUERY % classes):  # type: ignore[attr-defined]
        subject, cls = row["s"].value, row["class"].value
        node = nodes.setdefault(subject, {"@id": subject, "@type": set(), "additionalType": set()})
        node["@type"].add("Place" if cls in _PLACE_IRIS else "Organization")
        node["additionalType"].add(cls)
        term, key = row["o"], row["p"].value
        if key == "name" and isinstance(term, ox.Literal):
            node.setdefault("name", {}).setdefault(term.language or "und", set()).add(term.value)
        elif key != "name":
            node.setdefault(key, set()).add(term.value)
    return {"@context": CONTEXT, "@graph": [_plain(nodes[s]) for s in sorted(nodes)]}


def _plain(node: dict) -> dict:
    """Sets to sorted lists (single values unwrapped) so the JSON is stable."""
    out: dict = {}
    for key, value in node.items():
        if isinstance(value, dict):
            out[key] = {k: _plain_value(v) for k, v in sorted(value.items())}
        else:
            out[key] = _plain_value(value)
    return out


def _plain_value(value: object) -> object:
    if isinstance(value, set):
        items = sorted(value)
        return items[0] if len(items) == 1 else items
    return value


def iter_export(store: object, fmt: str) -> Iterator[bytes]:
    """The dump of ``store`` in ``fmt`` (nquads, turtle or jsonld), chunk by chunk."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "jsonld":
        yield json.dumps(jsonld_document(store), ensure_ascii=False, indent=1).encode("utf-8")
        return
    quads = store.quads()  # type: ignore[attr-defined]
    if fmt == "nquads":
        for batch in _chunks(quads):
            yield ox.serialize(batch, format=ox.RdfFormat.N_QUADS)
        return
    for batch in _chunks(q.triple for q in quads):
        # every chunk repeats the @prefix lines, which Turtle allows anywhere
        yield ox.serialize(batch, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def _format_for(output: str, fmt: str | None) -> str:
    if fmt:
        return fmt
    for name, suffix in EXPORT_FORMATS.items():
        if output.lower().endswith(suffix):
            return name
    raise UsageError(f"cannot tell the format of {output!r}; give --format nquads|turtle|jsonld")


@click.command("export")
@click.argument("output", metavar="OUTPUT|-")
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), help="Default: from OUTPUT's suffix.")
@click.option(
    "--store", "store_location", default=default_store_location, show_default="var/store or $STIKG_STORE",
    help="Store folder, or the http(s):// URL of a SPARQL store.",
)
def export(output: str, fmt: str | None, store_location: str) -> None:
    """Publish the graph as N-Quads, Turtle or schema.org JSON-LD (- for stdout).

    \b
    Example:
      stikg export --format nquads stikg.nq
      stikg export stikg.jsonld          # organisations and places, schema.org
    """
    from stikg.graph.store import open_store

    chosen = _format_for(output, fmt)
    store = open_store(store_location, read_only=True)
    try:
        if output == "-":
            for chunk in iter_export(store, chosen):
                sys.stdout.buffer.write(chunk)
            sys.stdout.flush()
            return
        _write_file(Path(output), iter_export(store, chosen))
    finally:
        store.close()
    click.echo(f"wrote {chosen} export to {output}", err=True)


def _write_file(target: Path, chunks: Iterator[bytes]) -> None:
    """Write to a ``.partial`` file renamed at the end, so a failed export leaves no half file."""
    partial = target.with_name(target.name + ".partial")
    try:
        with partial.open("wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise UsageError(f"cannot write {target}: {error}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
