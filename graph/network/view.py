"""What the network builders read from a store, and the district rule.

All facts come from the SPARQL in :mod:`stikg.graph.network.sparql`, so the
analysis runs on any store with the data model of ARCHITECTURE.md.

District rule (the ``district`` attribute of every node):

1. a place lies in the nearest ``stikg:District`` reached by following
   ``stikg:partOf*`` from it (itself included; breadth first, ties broken by IRI);
2. an organisation with ``stikg:locatedIn`` lies in the district of the first of its
   places (by IRI) that has one;
3. an organisation without ``stikg:locatedIn`` (unlocated) lies in the district of the
   ``stikg:governedRegion`` of the documents that name it (mentions and collaboration
   statements), the most frequent one winning, ties broken by IRI;
4. otherwise the district is unknown (``None``): a city-level body, a place outside
   every district (上海市, 德国). Cross-district measures leave such nodes out.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from stikg.graph.network import sparql

__all__ = ["DocumentInfo", "KnowledgeView", "local_name", "read_view"]

ONTOLOGY = "https://w3id.org/stikg/ontology#"
PLACE_TYPES = (
    "District", "Town", "DevelopmentZone", "City", "Province", "Country", "ForeignCity", "Region", "Place",
)
INSTITUTION_TYPES = (
    "University", "ResearchInstitute", "NewRDInstitution", "Laboratory", "Incubator", "MakerSpace",
    "Accelerator", "OffshoreIncubator", "InnovationCenter", "Enterprise", "GovernmentBody",
    "FinancialInstitution", "Fund", "Organization",
)
INDUSTRY_TYPES = ("Industry",)


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _year(value: str | None) -> int | None:
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


@dataclass
class DocumentInfo:
    iri: str
    file: str = ""
    title: str = ""
    region: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class KnowledgeView:
    """The facts of one store that the networks are made of."""

    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    labels: dict[str, str] = field(default_factory=dict)
    parents: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    districts: set[str] = field(default_factory=set)
    located: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    documents: dict[str, DocumentInfo] = field(default_factory=dict)
    mentions: list[tuple[str, str, int]] = field(default_factory=list)
    collaborations: dict[str, dict[str, Any]] = field(default_factory=dict)
    focus: dict[str, dict[str, Any]] = field(default_factory=dict)
    entity_docs: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def kind(self, iri: str) -> str:
        """``place``, ``institution``, ``industry``, ``document`` or ``other`` (talent programme, indicator ...).

        An untyped entity counts as an institution (a collaboration participant the loaders did not type).
        """
        names = {local_name(t) for t in self.types.get(iri, ())}
        if iri in self.documents:
            return "document"
        if names & set(PLACE_TYPES):
            return "place"
        if names & set(INDUSTRY_TYPES):
            return "industry"
        if names & set(INSTITUTION_TYPES) or not names:
            return "institution"
        return "other"

    def type_name(self, iri: str) -> str:
        """The most specific class local name, e.g. ``University`` or ``District``."""
        names = {local_name(t) for t in self.types.get(iri, ())}
        for name in (*PLACE_TYPES, *INSTITUTION_TYPES, *INDUSTRY_TYPES):
            if name in names:
                return name
        return sorted(names)[0] if names else ("Document" if iri in self.documents else "Organization")

    def label(self, iri: str) -> str:
        doc = self.documents.get(iri)
        return self.labels.get(iri) or (doc.title or doc.file if doc else "") or local_name(iri)

    def place_district(self, place: str) -> str | None:
        """Nearest ``stikg:District`` on ``stikg:partOf*`` from ``place`` (rule 1)."""
        seen = {place}
        queue = deque([place])
        while queue:
            level = sorted(queue)
            queue.clear()
            for p in level:
                if p in self.districts:
                    return p
            for p in level:
                for parent in self.parents.get(p, ()):
                    if parent not in seen:
                        seen.add(parent)
                        queue.append(parent)
        return None

    def district(self, iri: str) -> str | None:
        """The district of any node, by the rule in the module docstring."""
        if iri in self.documents:
            region = self.documents[iri].region
            return self.place_district(region) if region else None
        if self.kind(iri) == "place":
            return self.place_district(iri)
        if self.kind(iri) == "industry":
            return None
        places = sorted(self.located.get(iri, ()))
        if places:
            return next((d for d in map(self.place_district, places) if d), None)
        votes: Counter = Counter()
        for doc, n in self.entity_docs.get(iri, Counter()).items():
            info = self.documents.get(doc)
            district = self.place_district(info.region) if info and info.region else None
            if district:
                votes[district] += n
        if not votes:
            return None
        best = max(votes.values())
        return min(d for d, n in votes.items() if n == best)

    def years(self, documents: set[str] | list[str]) -> tuple[int | None, int | None]:
        """The span of years covered by ``documents`` (for time spells)."""
        starts = [self.documents[d].start for d in documents if d in self.documents]
        ends = [self.documents[d].end for d in documents if d in self.documents]
        starts = [y for y in starts if y is not None]
        ends = [y for y in ends if y is not None]
        return (min(starts) if starts else None, max(ends) if ends else None)


def _value(row: dict, name: str) -> str | None:
    term = row.get(name)
    return None if term is None else term.value


def _read_documents(store: Any, view: KnowledgeView) -> None:
    raw: dict[str, dict[str, str]] = defaultdict(dict)
    for row in store.select(sparql.DOCUMENTS):
        doc = _value(row, "doc")
        for name in ("file", "title", "region", "pstart", "pend", "issued"):
            value = _value(row, name)
            if value is not None and name not in raw[doc]:
                raw[doc][name] = value
    for doc, values in raw.items():
        if "file" not in values and "region" not in values:
            continue
        start = _year(values.get("pstart")) or _year(values.get("issued"))
        end = _year(values.get("pend")) or start
        view.documents[doc] = DocumentInfo(
            doc, values.get("file", ""), values.get("title", ""), values.get("region"), start, end
        )


def _read_collaborations(store: Any, view: KnowledgeView) -> None:
    for row in store.select(sparql.COLLABORATIONS):
        c = _value(row, "c")
        entry = view.collaborations.setdefault(
            c, {"pairs": set(), "kinds": set(), "documents": set(), "quotes": {}}
        )
        entry["pairs"].add((_value(row, "x"), _value(row, "y")))
        for key, name in (("kinds", "kind"), ("documents", "doc")):
            if _value(row, name):
                entry[key].add(_value(row, name))
        if _value(row, "quote"):
            entry["quotes"][_value(row, "quote")] = int(_value(row, "start") or 0)
    for entry in view.collaborations.values():
        for pair in entry["pairs"]:
            for node in pair:
                for doc in entry["documents"]:
                    view.entity_docs[node][doc] += 1


def read_view(store: Any) -> KnowledgeView:
    """Read every fact the networks need from ``store`` through SPARQL."""
    view = KnowledgeView()
    for row in store.select(sparql.ENTITIES):
        e = _value(row, "e")
        if _value(row, "type"):
            view.types[e].add(_value(row, "type"))
        label = row.get("label")
        if label is not None and (e not in view.labels or getattr(label, "language", None) == "zh"):
            view.labels[e] = label.value
    for row in store.select(sparql.PART_OF):
        view.parents[_value(row, "place")].add(_value(row, "parent"))
    view.districts = {_value(row, "district") for row in store.select(sparql.DISTRICTS)}
    for row in store.select(sparql.LOCATED_IN):
        view.located[_value(row, "entity")].add(_value(row, "place"))
    _read_documents(store, view)
    for row in store.select(sparql.MENTIONS):
        entity, doc, n = _value(row, "entity"), _value(row, "doc"), int(_value(row, "n") or 1)
        view.mentions.append((entity, doc, n))
        view.entity_docs[entity][doc] += n
    _read_collaborations(store, view)
    for row in store.select(sparql.INDUSTRY_FOCUS):
        entry = view.focus.setdefault(
            _value(row, "f"),
            {"place": _value(row, "place"), "industry": _value(row, "industry"), "documents": set(), "quotes": set()},
        )
        if _value(row, "doc"):
            entry["documents"].add(_value(row, "doc"))
        if _value(row, "quote"):
            entry["quotes"].add(_value(row, "quote"))
    return view
