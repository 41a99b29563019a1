"""The SPARQL the network builders run: fixed text, no value is ever spliced in.

Every query reads the union default graph, so it works on the embedded store
and on a remote SPARQL store alike. The builders combine the rows in Python.
"""

from __future__ import annotations

__all__ = [
    "COLLABORATIONS",
    "DISTRICTS",
    "DOCUMENTS",
    "ENTITIES",
    "INDUSTRY_FOCUS",
    "LOCATED_IN",
    "MENTIONS",
    "PART_OF",
]

_PREFIXES = """PREFIX stikg: <https://w3id.org/stikg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

# One row per (statement, participant pair, kind, span); the builder groups by ?c.
COLLABORATIONS = (
    _PREFIXES
    + """SELECT ?c ?x ?y ?kind ?doc ?quote ?start WHERE {
  ?c a stikg:Collaboration ; stikg:participant ?x , ?y .
  FILTER(STR(?x) < STR(?y))
  OPTIONAL { ?c stikg:collaborationKind ?kind }
  OPTIONAL { ?c stikg:inDocument ?doc }
  OPTIONAL { ?c prov:wasDerivedFrom ?span . ?span stikg:quote ?quote .
             OPTIONAL { ?span stikg:startOffset ?start } }
}"""
)

# Every entity a span names, with the document the span lies in.
MENTIONS = (
    _PREFIXES
    + """SELECT ?entity ?doc (COUNT(?span) AS ?n) WHERE {
  ?span stikg:mentions ?entity ; stikg:inDocument ?doc .
} GROUP BY ?entity ?doc"""
)

INDUSTRY_FOCUS = (
    _PREFIXES
    + """SELECT ?f ?place ?industry ?doc ?quote WHERE {
  ?f a stikg:IndustryFocus ; stikg:region ?place ; stikg:industry ?industry .
  OPTIONAL { ?f stikg:inDocument ?doc }
  OPTIONAL { ?f prov:wasDerivedFrom ?span . ?span stikg:quote ?quote }
}"""
)

DOCUMENTS = (
    _PREFIXES
    + """SELECT ?doc ?file ?title ?region ?pstart ?pend ?issued WHERE {
  { ?doc stikg:sourceFile ?file } UNION { ?doc stikg:governedRegion ?region }
  UNION { ?doc stikg:periodStart ?pstart } UNION { ?doc stikg:periodEnd ?pend }
  UNION { ?doc dcterms:issued ?issued } UNION { ?doc dcterms:title ?title }
}"""
)

# Types and Chinese labels of everything the networks can contain.
ENTITIES = (
    _PREFIXES
    + """SELECT DISTINCT ?e ?type ?label WHERE {
  { ?c a stikg:Collaboration ; stikg:participant ?e }
  UNION { ?span stikg:mentions ?e }
  UNION { ?f a stikg:IndustryFocus ; stikg:region ?e }
  UNION { ?f a stikg:IndustryFocus ; stikg:industry ?e }
  UNION { ?doc stikg:governedRegion ?e }
  UNION { ?x stikg:partOf ?e }
  UNION { ?x stikg:locatedIn ?e }
  OPTIONAL { ?e a ?type }
  OPTIONAL { ?e rdfs:label ?label FILTER(LANG(?label) = "zh" || LANG(?label) = "") }
}"""
)

PART_OF = _PREFIXES + "SELECT ?place ?parent WHERE { ?place stikg:partOf ?parent }"

LOCATED_IN = _PREFIXES + "SELECT ?entity ?place WHERE { ?entity stikg:locatedIn ?place }"

DISTRICTS = _PREFIXES + "SELECT DISTINCT ?district WHERE { ?district a stikg:District }"
