"""queries/industries.rq and queries/talent-programs.rq on the store built from the built-in corpus."""

from __future__ import annotations

import pyoxigraph as ox

from stikg.graph.iris import entity_iri
from stikg.graph.library import read_query_text
from stikg.graph.vocab import STIKG

from .test_extract import WUJIANG_FOCUS

WUJIANG = "002_4d163c0d51f1b9ce.txt"
SUZHOU_REPORT = "004_e0c495ae6bf5823f.txt"


def rows(store, name: str, **bindings: str) -> list[dict[str, str]]:
    result = store.select(read_query_text(name), substitutions={k: ox.Literal(v) for k, v in bindings.items()})
    return [{k: term.value for k, term in row.items()} for row in result]


def test_industries_query_lists_each_town_and_zone(built_store):
    found = [r for r in rows(built_store, "industries") if r["document"] == WUJIANG]
    got: dict[str, set[str]] = {}
    for r in found:
        got.setdefault(r["region"], set()).add(r["label"])
        assert r["industry"] == entity_iri("industry", r["label"])
    assert {k: v for k, v in got.items() if k in WUJIANG_FOCUS} == WUJIANG_FOCUS
    assert len(found) == len({(r["region"], r["industry"]) for r in found})  # one row per combination


def test_industries_query_takes_a_region(built_store):
    found = rows(built_store, "industries", region="七都镇")
    assert {(r["label"], r["document"]) for r in found} == {(i, WUJIANG) for i in ("光电通信", "新材料", "高端装备")}


def test_talent_programs_query(built_store):
    found = {(r["label"], r.get("level")) for r in rows(built_store, "talent-programs") if r["document"] == SUZHOU_REPORT}
    assert found == {
        ("国家重大人才工程", str(STIKG.NationalLevel)),
        ("江苏省高层次创新创业人才引进计划", str(STIKG.ProvincialLevel)),
        ("姑苏创新创业领军人才计划", str(STIKG.MunicipalLevel)),
        ("姑苏科技创业天使计划", str(STIKG.MunicipalLevel)),
        ("科技人才倍增计划", str(STIKG.MunicipalLevel)),
    }
