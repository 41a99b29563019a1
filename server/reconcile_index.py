"""Name matching for the reconciliation service: an in-memory index of organisations and places.

Each entity is indexed under every name the graph gives it: ``rdfs:label`` and
``skos:prefLabel`` (zh, en), ``skos:altLabel`` and the ``zh-Latn-pinyin`` label (matched
with and without spaces). A query is normalised the same way (NFKC, lower case, no
spaces or punctuation) and scored 0–100 against each name: 100 for an exact match,
otherwise a character-sequence similarity (difflib ratio, with a bonus when one name
contains the other) capped at 95, so only exact matches reach 100. ``match`` is true
when the best name is an exact match, no other candidate matches exactly, and every
property given in the query is satisfied.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from stikg.config import base_iri
from stikg.graph.vocab import ORG, STIKG

__all__ = ["Candidate", "Entity", "ReconcileIndex", "normalise"]

PLACE_TYPES = ("Country", "Province", "City", "District", "Town", "DevelopmentZone", "ForeignCity", "Region")
ORG_TYPES = (
    "University", "ResearchInstitute", "NewRDInstitution", "Laboratory", "Incubator", "MakerSpace",
    "Accelerator", "OffshoreIncubator", "InnovationCenter", "Enterprise", "GovernmentBody",
    "FinancialInstitution", "Fund",
)
# type id -> (English name, Chinese name, broader type id)
TYPES: dict[str, tuple[str, str, str | None]] = {
    "Organization": ("Organisation", "机构", None),
    "Place": ("Place", "地点", None),
    **{t: (re.sub(r"(?<!^)(?=[A-Z])", " ", t), "", "Place") for t in PLACE_TYPES},
    **{t: (re.sub(r"(?<!^)(?=[A-Z])", " ", t), "", "Organization") for t in ORG_TYPES},
}
_STRIP = re.compile(r"[\s\W_]+", re.UNICODE)
_QUERY = """
PREFIX stikg: <https://w3id.org/stikg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?s ?type ?label ?rel WHERE {
  VALUES ?type { %s }
  ?s a ?type .
  OPTIONAL {
    { ?s skos:prefLabel ?label BIND("pref" AS ?rel) }
    UNION { ?s rdfs:label|skos:altLabel ?label BIND("name" AS ?rel) }
    UNION { ?s stikg:locatedIn ?label BIND("locatedIn" AS ?rel) }
    UNION { ?s stikg:partOf ?label BIND("partOf" AS ?rel) }
  }
}
"""


def normalise(text: str) -> str:
    """NFKC, lower case, without spaces or punctuation: the form names are compared in."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", text).lower())


@dataclass
class Entity:
    iri: str
    types: set[str] = field(default_factory=set)  # local names, e.g. {"University"}
    names: dict[str, str] = field(default_factory=dict)  # language tag -> display name
    keys: set[str] = field(default_factory=set)  # normalised names
    links: dict[str, set[str]] = field(default_factory=dict)  # "locatedIn"/"partOf" -> IRIs

    @property
    def id(self) -> str:
        """The reconciliation id: the IRI below ``{base}id/`` (``org/suzhou-daxue-1a2b3c``)."""
        return self.iri.removeprefix(f"{base_iri()}id/")

    @property
    def name(self) -> str:
        return self.names.get("zh") or self.names.get("en") or next(iter(self.names.values()), self.id)

    def type_ids(self) -> set[str]:
        broader = {TYPES[t][2] for t in self.types if TYPES.get(t, ("", "", None))[2]}
        return self.types | {b for b in broader if b}


@dataclass
class Candidate:
    entity: Entity
    score: float
    exact: bool
    properties_ok: bool = True


def _similarity(query: str, key: str) -> float:
    if query == key:
        return 100.0
    ratio = difflib.SequenceMatcher(None, query, key, autojunk=False).ratio()
    if query in key or key in query:
        ratio = max(ratio, 0.6 + 0.35 * min(len(query), len(key)) / max(len(query), len(key)))
    return round(min(ratio * 100, 95.0), 1)


class ReconcileIndex:
    """All organisations and places of a store, with their names normalised for matching."""

    def __init__(self, entities: dict[str, Entity]) -> None:
        self.entities = entities
        self._by_char: dict[str, set[str]] = {}
        for entity in entities.values():
            for key in entity.keys:
                for char in set(key):
                    self._by_char.setdefault(char, set()).add(entity.iri)

    @classmethod
    def from_store(cls, store: object) -> ReconcileIndex:
        classes = " ".join(f"<{STIKG[t]}>" for t in (*PLACE_TYPES, *ORG_TYPES)) + f" <{STIKG.Place}> <{ORG.Organization}>"
        entities: dict[str, Entity] = {}
        for row in store.select(_QUERY % classes):  # type: ignore[attr-defined]
            iri = row["s"].value
            entity = entities.setdefault(iri, Entity(iri))
            type_iri = row["type"].value
            entity.types.add("Organization" if type_iri == str(ORG.Organization) else type_iri.rsplit("#", 1)[-1])
            label, rel = row.get("label"), row.get("rel")
            if label is None or rel is None:
                continue
            if rel.value in ("name", "pref"):
                _add_name(entity, label.value, getattr(label, "language", None) or "", rel.value == "pref")
            else:
                entity.links.setdefault(rel.value, set()).add(label.value)
        return cls(entities)

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id if "://" in entity_id else f"{base_iri()}id/{entity_id}")

    def candidates(self, query: str, types: set[str] | None = None) -> list[Candidate]:
        """Every entity of ``types`` (all when None) sharing characters with ``query``, best first."""
        needle = normalise(query)
        if not needle:
            return []
        pool: dict[str, int] = {}
        for char in set(needle):
            for iri in self._by_char.get(char, ()):
                pool[iri] = pool.get(iri, 0) + 1
        least = max(1, len(set(needle)) // 3)
        found = []
        for iri, shared in pool.items():
            entity = self.entities[iri]
            if shared < least or (types and not (entity.type_ids() & types)):
                continue
            score = max(_similarity(needle, key) for key in entity.keys)
            found.append(Candidate(entity, score, score == 100.0))
        found.sort(key=lambda c: (-c.score, c.entity.name))
        return found

    def places_around(self, entity: Entity) -> set[str]:
        """The places an entity is in, directly or through ``stikg:partOf`` (never itself)."""
        start = set(entity.links.get("locatedIn", ())) | set(entity.links.get("partOf", ()))
        seen: set[str] = set()
        while start:
            iri = start.pop()
            if iri in seen or iri == entity.iri:
                continue
            seen.add(iri)
            parent = self.entities.get(iri)
            if parent:
                start |= parent.links.get("partOf", set())
        return seen

    def suggest(self, prefix: str, limit: int = 10) -> list[Entity]:
        """Entities whose name starts with ``prefix`` (then those that contain it)."""
        needle = normalise(prefix)
        if not needle:
            return []
        ranked = []
        for entity in self.entities.values():
            if any(key.startswith(needle) for key in entity.keys):
                ranked.append((0, entity.name, entity))
            elif any(needle in key for key in entity.keys):
                ranked.append((1, entity.name, entity))
        ranked.sort(key=lambda item: item[:2])
        return [entity for _, _, entity in ranked[:limit]]


def _add_name(entity: Entity, text: str, language: str, preferred: bool) -> None:
    key = normalise(text)
    if not key:
        return
    entity.keys.add(key)
    tag = language.lower()
    if tag in ("zh", "en", "zh-latn-pinyin") and (preferred or tag not in entity.names):
        entity.names[tag] = text
