"""The DCAT description of the dataset: what it is, its licences, where to get it.

Written into the reference graph at build time (with ``{base}`` URLs, which w3id
redirects to the deployment) and served at ``/dataset`` with the server's own URLs.

Licences: the graph as a whole is CC BY 4.0 (it quotes and structures government
documents, whose source must stay attributable); the link table is CC0 1.0, like the
Wikidata and ROR data its identifiers come from.
"""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox

from stikg.config import base_iri
from stikg.graph.iris import entity_iri
from stikg.graph.vocab import DCAT, DCTERMS, PROV, RDF, RDFS, VOID, XSD

__all__ = ["CC0", "CC_BY", "DOWNLOADS", "catalog_quads", "dataset_iri"]

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"
IANA = "https://www.iana.org/assignments/media-types/"
# download file name -> (export format, media type, title)
DOWNLOADS: dict[str, tuple[str, str, str]] = {
    "stikg.nq": ("nquads", "application/n-quads", "N-Quads dump of every named graph"),
    "stikg.ttl": ("turtle", "text/turtle", "Turtle dump (all graphs merged)"),
    "stikg.jsonld": ("jsonld", "application/ld+json", "JSON-LD of organisations and places (schema.org)"),
}


def dataset_iri() -> str:
    return f"{base_iri()}id/dataset/stikg"


def _n(value: object) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def _describe_datasets(add, site: str) -> None:
    main, links = _n(dataset_iri()), _n(f"{base_iri()}id/dataset/links")
    for node in (main, links):
        add(node, RDF.type, _n(DCAT.Dataset))
    add(main, RDF.type, _n(VOID.Dataset))
    add(main, DCTERMS.title, ox.Literal("苏州地区科技创新政策知识图谱", language="zh"))
    add(main, DCTERMS.title, ox.Literal("Knowledge graph of Suzhou-area S&T innovation policy", language="en"))
    add(main, DCTERMS.description, ox.Literal(
        "Institutions, places, industries, talent programmes, funding and indicator targets drawn from the "
        "science-and-technology plans of Suzhou's districts and county-level cities, each fact linked to the "
        "sentence that states it, with links to Wikidata and ROR.", language="en"))
    add(main, DCTERMS.license, _n(CC_BY))
    add(main, DCTERMS.publisher, _n(f"{base_iri()}id/agent/stikg"))
    add(main, DCTERMS.spatial, _n(entity_iri("place", "苏州市")))
    add(main, DCTERMS.modified, ox.Literal(date.today().isoformat(), datatype=_n(XSD.date)))
    add(main, DCTERMS.hasPart, links)
    add(main, VOID.sparqlEndpoint, _n(f"{site}sparql"))
    for word in ("科技创新", "政策", "苏州", "innovation policy", "knowledge graph"):
        add(main, DCAT.keyword, ox.Literal(word, language="en" if word.isascii() else "zh"))
    for code in ("zh", "en"):
        add(main, DCTERMS.language, _n(f"http://id.loc.gov/vocabulary/iso639-1/{code}"))
    add(links, DCTERMS.title, ox.Literal("Verified external identifiers (Wikidata, ROR, division codes)", language="en"))
    add(links, DCTERMS.license, _n(CC0))
    add(links, PROV.wasDerivedFrom, _n("https://www.wikidata.org/"))
    add(links, PROV.wasDerivedFrom, _n("https://ror.org/"))
    publisher = _n(f"{base_iri()}id/agent/stikg")
    add(publisher, RDF.type, _n(DCTERMS.Agent))
    add(publisher, RDFS.label, ox.Literal("stikg project", language="en"))


def _describe_access(add, site: str) -> None:
    main = _n(dataset_iri())
    for name, (fmt, media, title) in DOWNLOADS.items():
        dist = _n(f"{base_iri()}id/distribution/{fmt}")
        add(main, DCAT.distribution, dist)
        add(dist, RDF.type, _n(DCAT.Distribution))
        add(dist, DCTERMS.title, ox.Literal(title, language="en"))
        add(dist, DCAT.downloadURL, _n(f"{site}download/{name}"))
        add(dist, DCAT.accessURL, _n(f"{site}download/{name}"))
        add(dist, DCAT.mediaType, _n(IANA + media))
        add(dist, DCTERMS.license, _n(CC_BY))
    for slug, path, spec, title in (
        ("sparql", "sparql", "https://www.w3.org/TR/sparql11-protocol/", "SPARQL 1.1 endpoint"),
        ("reconcile", "reconcile", "https://reconciliation-api.github.io/specs/0.2/", "Reconciliation service"),
    ):
        service = _n(f"{base_iri()}id/service/{slug}")
        add(service, RDF.type, _n(DCAT.DataService))
        add(service, DCTERMS.title, ox.Literal(title, language="en"))
        add(service, DCAT.endpointURL, _n(f"{site}{path}"))
        add(service, DCTERMS.conformsTo, _n(spec))
        add(service, DCAT.servesDataset, main)
        add(service, DCTERMS.license, _n(CC_BY))


def catalog_quads(site: str | None = None) -> list[ox.Triple]:
    """The DCAT triples; ``site`` is the URL the service runs at (default: the base IRI)."""
    root = site or base_iri()
    root = root if root.endswith("/") else root + "/"
    triples: list[ox.Triple] = []

    def add(s: ox.NamedNode, p: object, o: ox.NamedNode | ox.Literal) -> None:
        triples.append(ox.Triple(s, _n(p), o))

    _describe_datasets(add, root)
    _describe_access(add, root)
    return triples
