"""The comparison view: one indicator across regions and years, targets told apart from actuals.

``/compare`` is the page (Chart.js from ``static/vendor``); it reads two SPARQL-backed
endpoints over the ``qb:Observation`` data (ARCHITECTURE.md, "Indicator value"):

- ``/api/indicators``: the indicator concepts that have observations, with labels,
  unit and counts (SPARQL JSON results, or any result format);
- ``/api/observations?indicator=IRI``: every value of that indicator: region, year,
  value, unit, status (Actual/Estimate/Target), wording and source file. The IRI is
  bound with ``substitutions=``; ``format=csv-excel`` downloads it for Excel/WPS.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request

from stikg.errors import UsageError
from stikg.server.app import state
from stikg.server.params import url_params
from stikg.server.sparql import query_response, single

__all__ = ["INDICATORS", "OBSERVATIONS", "bp"]

bp = Blueprint("compare", __name__)

_PREFIXES = """PREFIX stikg: <https://w3id.org/stikg/ontology#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

INDICATORS = _PREFIXES + """
SELECT ?indicator (SAMPLE(?zh) AS ?label) (SAMPLE(?en) AS ?labelEn) (SAMPLE(?u) AS ?unit)
       (COUNT(DISTINCT ?obs) AS ?observations) (COUNT(DISTINCT ?area) AS ?regions)
WHERE {
  ?obs a qb:Observation ; stikg:indicator ?indicator ; stikg:refArea ?area .
  OPTIONAL { ?indicator skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }
  OPTIONAL { ?indicator skos:prefLabel|rdfs:label ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?indicator stikg:unit ?u }
}
GROUP BY ?indicator
ORDER BY DESC(?regions) DESC(?observations) ?label
"""

OBSERVATIONS = _PREFIXES + """
SELECT ?indicator ?region (SAMPLE(?areaLabel) AS ?regionLabel) ?year ?value ?status
       (SAMPLE(?u) AS ?unit) (SAMPLE(?wording) AS ?label) (SAMPLE(?file) AS ?document)
WHERE {
  ?obs a qb:Observation ; stikg:indicator ?indicator ; stikg:refArea ?region ;
       stikg:refYear ?year ; stikg:value ?value ; stikg:status ?status .
  OPTIONAL { ?obs stikg:unit ?u }
  OPTIONAL { ?obs rdfs:label ?wording }
  OPTIONAL { ?obs stikg:inDocument/stikg:sourceFile ?file }
  OPTIONAL { ?region rdfs:label ?areaLabel FILTER(LANG(?areaLabel) = "zh") }
}
GROUP BY ?obs ?indicator ?region ?year ?value ?status
ORDER BY ?regionLabel ?year ?status
"""


@bp.get("/compare")
def compare_page() -> str:
    return render_template("compare.html")


@bp.get("/api/indicators")
def indicators() -> Response:
    params = url_params(request, state().settings.max_request_bytes)
    return query_response(INDICATORS, params, download="indicators")


@bp.get("/api/observations")
def observations() -> Response:
    params = url_params(request, state().settings.max_request_bytes)
    iri = single(params, "indicator")
    if not iri:
        raise UsageError("name the indicator: /api/observations?indicator=<IRI> (GET /api/indicators lists them)")
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        raise UsageError(f"indicator {iri!r} is not an absolute IRI (GET /api/indicators lists them)") from None
    unknown = sorted(set(params) - {"indicator", "format", "bom"})
    if unknown:
        raise UsageError(f"unknown parameter {unknown[0]!r}; /api/observations takes: indicator, format, bom")
    return query_response(OBSERVATIONS, params, substitutions={"indicator": node}, download="observations")
