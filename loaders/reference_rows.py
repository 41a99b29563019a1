"""Triples for the reference graph: one link-table row at a time, then the place hierarchy.

Provenance of a link is a reified statement, so each identifier keeps its own evidence::

    <{base}id/link/{entity-segment}/wikidata> a rdf:Statement, prov:Entity ;
        rdf:subject <entity> ; rdf:predicate owl:sameAs ; rdf:object wd:Q986151 ;
        dcterms:source "github.com/… (what the source says)" ;
        prov:wasDerivedFrom <{base}id/dataset/links> ; rdfs:comment "links.csv line 45" .

The asserted triple (``<entity> owl:sameAs wd:Q986151``) is written as well: queries use
it directly, and reach the evidence through ``rdf:subject``/``rdf:object`` when they need it.
"""

from __future__ import annotations

import csv
import importlib.resources
import io
import itertools
import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from stikg.config import base_iri
from stikg.graph.iris import entity_iri, pinyin_label
from stikg.graph.vocab import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, STIKG
from stikg.loaders import places as gazetteer
from stikg.loaders.links_table import LinkRow, LinkTable

__all__ = ["ORG_KIND_CLASSES", "PlaceIndex", "ReferenceWriter", "gazetteer_names", "links_dataset_iri", "split_location"]

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
CHINA = "中国"
ORG_KIND_CLASSES = {
    "university": STIKG.University,
    "research_org": STIKG.ResearchInstitute,
    "company": STIKG.Enterprise,
    "government": STIKG.GovernmentBody,
    "other": ORG.Organization,
}
_LOCATION_SEPARATOR = re.compile(r"\s*[，,]\s*")
_PARENTHETICAL = re.compile(r"^(.*?)\s*\(.*\)\s*$")
_TEXT_FORMS = re.compile(r"“([^”]+)”")
_EVIDENCE_KEYS = {"wikidata_qid": "wikidata", "ror_id": "ror", "adcode": "adcode"}


def links_dataset_iri() -> str:
    """The link table as a dataset of its own (the source every link statement derives from)."""
    return f"{base_iri()}id/dataset/links"


def split_location(located_in: str) -> list[str]:
    """``"维尔茨堡，德国"`` → ``["维尔茨堡", "德国"]``: innermost place first."""
    return [part for part in _LOCATION_SEPARATOR.split(located_in.strip()) if part]


def _canonical(name: str) -> str:
    info = gazetteer.resolve_place(name)
    return info.canonical if info else name


def _guess_kind(name: str, foreign: bool) -> str:
    """The place class of a name neither the gazetteer nor the link table types."""
    if foreign:
        return "Province" if name.endswith("州") else "ForeignCity"
    if name.endswith(("省", "自治区")):
        return "Province"
    if name.endswith(("区", "县")):
        return "District"
    if name.endswith(("镇", "街道", "乡")):
        return "Town"
    return "City" if name.endswith("市") else "Place"


@dataclass
class PlaceIndex:
    """Kind and parent of every place the reference graph names.

    The gazetteer (:mod:`stikg.loaders.places`) is asked first; then the link table's
    ``located_in_zh`` chains (``"维尔茨堡，德国"``: 维尔茨堡 ⊂ 德国); a Chinese place known
    to neither gets 中国 as its parent, so ``stikg:partOf*`` still reaches the country.
    """

    table: LinkTable
    parents: dict[str, str] = field(default_factory=dict)
    foreign: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for row in self.table.rows:
            located = [_canonical(p) for p in split_location(row.located_in_zh)]
            if len(located) > 1:  # "city，country": the last part is a country
                self.countries.add(located[-1])
            chain = [row.name_zh, *located] if row.kind == "place" else located
            for inner, outer in itertools.pairwise(chain):
                self.parents.setdefault(inner, outer)
            if len(chain) > 1 and chain[-1] != CHINA and self.kind(chain[-1]) == "Country":
                self.foreign.update(chain[:-1])

    def kind(self, name: str) -> str:
        info = gazetteer.resolve_place(name)
        if info is not None and info.canonical == name:
            return info.kind
        if name in self.countries:
            return "Country"
        return _guess_kind(name, name in self.foreign)

    def parent(self, name: str) -> str | None:
        kind = self.kind(name)
        if kind == "Country":
            return None
        info = gazetteer.resolve_place(name)
        if info is not None and info.canonical == name and info.parent:
            return _canonical(info.parent)
        if name in self.parents:
            return self.parents[name]
        if kind in ("Region", "ForeignCity") or name in self.foreign or name == CHINA:
            return None
        return CHINA

    def with_gazetteer(self, names: list[str]) -> list[str]:
        """``names``, their ancestors, and every place the gazetteer puts below those ancestors."""
        found: dict[str, None] = dict.fromkeys(names)
        pending = list(names)
        while pending:  # up to the roots
            parent = self.parent(pending.pop())
            if parent and parent not in found:
                found[parent] = None
                pending.append(parent)
        pending = list(found)
        while pending:  # and down again through places.csv
            for info in gazetteer.places_within(pending.pop()):
                if info.canonical not in found:
                    found[info.canonical] = None
                    pending.append(info.canonical)
        return list(found)


def gazetteer_names() -> list[str]:
    """Every canonical name of the general gazetteer (``data/reference/places.csv``), if shipped."""
    resource = importlib.resources.files("stikg.data") / "reference" / "places.csv"
    if not resource.is_file():
        return []
    rows = csv.DictReader(io.StringIO(resource.read_text(encoding="utf-8")))
    return [_canonical(row["name_zh"].strip()) for row in rows if (row.get("name_zh") or "").strip()]


def _named(value: str) -> ox.NamedNode:
    return ox.NamedNode(str(value))


class ReferenceWriter:
    """Collects the reference triples (rows, then :meth:`add_hierarchy`) without duplicates."""

    def __init__(self, places: PlaceIndex) -> None:
        self.places = places
        self._triples: dict[ox.Triple, None] = {}
        self._place_names: dict[str, None] = {}

    def add(self, subject: ox.NamedNode, predicate: object, obj: ox.NamedNode | ox.Literal) -> None:
        self._triples[ox.Triple(subject, _named(predicate), obj)] = None

    def triples(self) -> list[ox.Triple]:
        return list(self._triples)

    def add_labels(self, node: ox.NamedNode, name_zh: str) -> None:
        for predicate in (RDFS.label, SKOS.prefLabel):
            self.add(node, predicate, ox.Literal(name_zh, language="zh"))
        self.add(node, RDFS.label, ox.Literal(pinyin_label(name_zh), language="zh-Latn-pinyin"))

    def add_row(self, row: LinkRow) -> None:
        """The entity of one link-table row: type, labels, identifiers with their evidence."""
        kind = "place" if row.kind == "place" else "org"
        node = _named(entity_iri(kind, row.name_zh))
        self.add_labels(node, row.name_zh)
        self._add_english(node, row.name_en)
        if kind == "place":
            self._place_names[row.name_zh] = None
        else:
            self.add(node, RDF.type, _named(ORG_KIND_CLASSES[row.kind]))
            self._add_location(node, row.located_in_zh)
        self.add(node, PROV.wasDerivedFrom, _named(links_dataset_iri()))
        evidence = _parse_evidence(row.evidence)
        for form in _text_forms(evidence.get("note", "")):
            if form != row.name_zh:
                self.add(node, SKOS.altLabel, ox.Literal(form, language="zh"))
        if evidence.get("note"):
            self.add(node, SKOS.editorialNote, ox.Literal(evidence["note"], language="zh"))
        links = (
            ("wikidata", OWL.sameAs, _named(WIKIDATA_ENTITY + row.wikidata_qid) if row.wikidata_qid else None),
            ("ror", OWL.sameAs, _named(row.ror_id) if row.ror_id else None),
            ("adcode", SKOS.notation, ox.Literal(row.adcode, datatype=_named(STIKG.DivisionCode))),
        )
        for scheme, predicate, obj in links:
            if obj is None or (scheme == "adcode" and not row.adcode):
                continue
            self.add(node, predicate, obj)
            self._add_statement(row, node, scheme, predicate, obj, evidence.get(scheme, ""))

    def _add_english(self, node: ox.NamedNode, name_en: str) -> None:
        if not name_en:
            return
        match = _PARENTHETICAL.match(name_en)
        short = match.group(1) if match and match.group(1) else name_en
        for predicate in (RDFS.label, SKOS.prefLabel):
            self.add(node, predicate, ox.Literal(short, language="en"))
        if short != name_en:
            self.add(node, SKOS.altLabel, ox.Literal(name_en, language="en"))

    def _add_location(self, node: ox.NamedNode, located_in: str) -> None:
        chain = split_location(located_in)
        if chain:
            city = _canonical(chain[0])
            self._place_names[city] = None
            self.add(node, STIKG.locatedIn, _named(entity_iri("place", city)))

    def _add_statement(
        self, row: LinkRow, node: ox.NamedNode, scheme: str, predicate: object, obj: ox.NamedNode | ox.Literal, why: str
    ) -> None:
        statement = _named(f"{base_iri()}id/link/{node.value.rsplit('/', 1)[-1]}/{scheme}")
        self.add(statement, RDF.type, _named(RDF.Statement))
        self.add(statement, RDF.type, _named(PROV.Entity))
        self.add(statement, RDF.subject, node)
        self.add(statement, RDF.predicate, _named(predicate))
        self.add(statement, RDF.object, obj)
        self.add(statement, PROV.wasDerivedFrom, _named(links_dataset_iri()))
        self.add(statement, RDFS.comment, ox.Literal(f"links.csv line {row.line}"))
        if why:
            self.add(statement, DCTERMS.source, ox.Literal(why))

    def add_hierarchy(self) -> None:
        """Type and ``stikg:partOf`` for every place named so far, its ancestors and the gazetteer's."""
        pending = self.places.with_gazetteer([*self._place_names, *gazetteer_names()])
        seen: set[str] = set()
        while pending:
            name = pending.pop()
            if name in seen:
                continue
            seen.add(name)
            node = _named(entity_iri("place", name))
            self.add(node, RDF.type, _named(STIKG[self.places.kind(name)]))
            self.add_labels(node, name)
            for alias in gazetteer.aliases_of(name):
                self.add(node, SKOS.altLabel, ox.Literal(alias, language="zh"))
            parent = self.places.parent(name)
            if parent and parent != name:
                self.add(node, STIKG.partOf, _named(entity_iri("place", parent)))
                pending.append(parent)


def _parse_evidence(evidence: str) -> dict[str, str]:
    """``"ror_id: … | wikidata_qid: … | note: …"`` → ``{"ror": …, "wikidata": …, "note": …}``."""
    parts: dict[str, str] = {}
    for piece in evidence.split(" | "):
        key, sep, text = piece.partition(":")
        if sep and key.strip() in (*_EVIDENCE_KEYS, "note"):
            parts[_EVIDENCE_KEYS.get(key.strip(), key.strip())] = text.strip()
    return parts


def _text_forms(note: str) -> list[str]:
    """Forms a note says the texts use (``文中作“中国商飞”``), unless it links another entity (``此处链接``)."""
    if "文中作" not in note or "此处链接" in note:
        return []
    return _TEXT_FORMS.findall(note.split("文中作", 1)[1].split("；")[0])
