"""The Reconciliation Service API 0.2 on top of :class:`ReconcileIndex`: queries in, results out.

Pure functions from decoded JSON to JSON-ready dicts, so they are tested without a
server; :mod:`stikg.server.reconcile` adds HTTP. Every malformed input raises
:class:`UsageError` naming the query key and what to send instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from stikg.errors import UsageError
from stikg.graph.vocab import ORG, STIKG
from stikg.server.reconcile_index import TYPES, Candidate, Entity, ReconcileIndex, normalise

__all__ = ["PROPERTIES", "ReconQuery", "parse_batch", "reconcile_batch", "reconcile_one", "type_id", "type_json"]

DEFAULT_LIMIT = 5
MAX_LIMIT = 100
MIN_SCORE = 30.0
# property id -> (English name, Chinese name, description)
PROPERTIES: dict[str, tuple[str, str, str]] = {
    "locatedIn": ("located in", "所在地", "the place an organisation is in, or any place containing it (stikg:locatedIn/stikg:partOf*)"),
    "partOf": ("part of", "隶属于", "a place containing this place, at any level (stikg:partOf+)"),
}


@dataclass
class ReconQuery:
    key: str
    query: str
    types: set[str]
    limit: int
    properties: list[tuple[str, list[object]]]


def type_id(value: object, key: str) -> str:
    if not isinstance(value, str):
        raise UsageError(f"query {key!r}: 'type' must be a string or a list of strings, not {value!r}")
    short = value.removeprefix(str(STIKG._NS)).removeprefix("stikg:")
    if value == str(ORG.Organization) or value == "org:Organization":
        short = "Organization"
    if short not in TYPES:
        raise UsageError(f"query {key!r}: unknown type {value!r}; known types: {', '.join(sorted(TYPES))}")
    return short


def _limit(value: object, key: str) -> int:
    if value is None:
        return DEFAULT_LIMIT
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 1:
        raise UsageError(f"query {key!r}: 'limit' must be a positive number, not {value!r}")
    return min(int(value), MAX_LIMIT)


def _properties(value: object, key: str) -> list[tuple[str, list[object]]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise UsageError(f"query {key!r}: 'properties' must be a list of {{\"pid\": …, \"v\": …}} objects")
    found = []
    for item in value:
        if not isinstance(item, dict) or "pid" not in item or "v" not in item:
            raise UsageError(f"query {key!r}: each property needs 'pid' and 'v', got {item!r}")
        if item["pid"] not in PROPERTIES:
            raise UsageError(f"query {key!r}: unknown property {item['pid']!r}; known: {', '.join(PROPERTIES)}")
        values = item["v"] if isinstance(item["v"], list) else [item["v"]]
        found.append((item["pid"], values))
    return found


def _one_query(key: str, body: object) -> ReconQuery:
    if not isinstance(body, dict):
        raise UsageError(f"query {key!r} must be a JSON object with a 'query' string")
    query = body.get("query")
    if query is not None and not isinstance(query, str):
        raise UsageError(f"query {key!r}: 'query' must be a string, not {query!r}")
    properties = _properties(body.get("properties"), key)
    if not (query or "").strip() and not properties:
        raise UsageError(f"query {key!r} has no 'query' text (and no properties); send {{\"query\": \"苏州大学\"}}")
    raw_types = body.get("type")
    types = raw_types if isinstance(raw_types, list) else ([] if raw_types is None else [raw_types])
    return ReconQuery(key, (query or "").strip(), {type_id(t, key) for t in types},
                      _limit(body.get("limit"), key), properties)


def parse_batch(text: str) -> list[ReconQuery]:
    """The ``queries`` parameter: ``{"q0": {"query": …, "type": …, "limit": …, "properties": […]}, …}``."""
    try:
        batch = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"'queries' is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
    if not isinstance(batch, dict) or not batch:
        raise UsageError("'queries' must be a non-empty JSON object of queries keyed q0, q1, …")
    return [_one_query(str(key), body) for key, body in batch.items()]


def type_json(tid: str) -> dict[str, str]:
    english, chinese, _ = TYPES[tid]
    return {"id": tid, "name": f"{chinese} / {english}" if chinese else english}


def _value_matches(index: ReconcileIndex, places: set[str], value: object) -> bool:
    if isinstance(value, dict):
        target = index.get(str(value.get("id", "")))
        if target is not None:
            return target.iri in places
        value = value.get("name", "")
    needle = normalise(str(value))
    if not needle:
        return False
    for iri in places:
        place = index.entities.get(iri)
        if place and any(key == needle or (len(needle) >= 2 and key.startswith(needle)) for key in place.keys):
            return True
    return False


def _property_fraction(index: ReconcileIndex, entity: Entity, properties: list[tuple[str, list[object]]]) -> float:
    if not properties:
        return 1.0
    places = index.places_around(entity)
    hits = sum(1 for _, values in properties if any(_value_matches(index, places, v) for v in values))
    return hits / len(properties)


def _describe(index: ReconcileIndex, entity: Entity) -> str:
    parts = [entity.names.get("en", ""), entity.names.get("zh-latn-pinyin", "")]
    for rel in ("locatedIn", "partOf"):
        for iri in sorted(entity.links.get(rel, ())):
            place = index.entities.get(iri)
            if place:
                parts.append(("在 " if rel == "locatedIn" else "属 ") + place.name)
                break
    return " · ".join(p for p in parts if p)


def _result(index: ReconcileIndex, cand: Candidate, score: float, match: bool, fraction: float) -> dict:
    return {
        "id": cand.entity.id,
        "name": cand.entity.name,
        "description": _describe(index, cand.entity),
        "score": score,
        "match": match,
        "type": [type_json(t) for t in sorted(cand.entity.types)],
        "features": [{"id": "name", "value": cand.score}, {"id": "properties", "value": round(fraction, 3)}],
    }


def reconcile_one(index: ReconcileIndex, query: ReconQuery) -> list[dict]:
    """Scored candidates for one query, best first (at most ``query.limit``)."""
    if query.query:
        pool = index.candidates(query.query, query.types or None)
    else:
        pool = [Candidate(e, 0.0, False) for e in index.entities.values()
                if not query.types or e.type_ids() & query.types]
    exact = sum(1 for c in pool if c.exact)
    scored = []
    for cand in pool:
        fraction = _property_fraction(index, cand.entity, query.properties)
        if query.properties:
            score = round(cand.score * 0.75 + 25 * fraction, 1) if query.query else round(100 * fraction, 1)
        else:
            score = cand.score
        if score >= MIN_SCORE:
            match = cand.exact and exact == 1 and fraction == 1.0
            scored.append((score, cand, match, fraction))
    scored.sort(key=lambda item: (-item[0], item[1].entity.name))
    return [_result(index, c, s, m, f) for s, c, m, f in scored[: query.limit]]


def reconcile_batch(index: ReconcileIndex, queries: list[ReconQuery]) -> dict[str, dict]:
    return {q.key: {"result": reconcile_one(index, q)} for q in queries}
