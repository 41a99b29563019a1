"""The institutions and collaborations queries on a store built from a synthetic plan."""

from __future__ import annotations

import pytest

from stikg.graph.library import read_query_text
from stikg.graph.store import LocalStore
from stikg.loaders.pipeline import build
from tests.loaders_orgs.test_synthetic_plans import KUNSHAN

PLAN = "昆山市“十四五”科技创新规划\n" + KUNSHAN


@pytest.fixture(scope="module")
def kunshan_store(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("kunshan")
    source = folder / "kunshan-plan.txt"
    source.write_text(PLAN, encoding="utf-8")
    with LocalStore(folder / "store") as store:
        report = build(store, [source])
        assert report.ok, report.failed
        yield store


def _rows(store: LocalStore, name: str) -> list[dict[str, str | None]]:
    rows = store.select(read_query_text(name))
    return [{k: (v.value if v is not None else None) for k, v in row.items()} for row in rows]


def test_institutions_query_one_row_per_institution_and_document(kunshan_store: LocalStore) -> None:
    rows = _rows(kunshan_store, "institutions")
    by_label = {row["label"]: row for row in rows}
    assert len(by_label) == len(rows)
    duke = by_label["昆山杜克大学"]
    assert duke["type"].endswith("#University")
    assert duke["locatedIn"] == "昆山市"
    assert duke["document"] == "kunshan-plan.txt"
    assert by_label["北京大学"]["locatedIn"] == "北京市"
    assert "专业孵化器" not in by_label and "新型研发机构" not in by_label


def test_collaborations_query_pairs_with_places_and_cross_region(kunshan_store: LocalStore) -> None:
    rows = _rows(kunshan_store, "collaborations")
    pairs = {frozenset((row["aLabel"], row["bLabel"])): row for row in rows}
    assert len(pairs) == len(rows)  # one row per unordered pair and statement
    joint = pairs[frozenset(("上海交通大学", "北京大学"))]
    assert joint["kind"].endswith("#JointBuild")
    assert joint["crossRegion"] == "true"
    assert {joint["aPlace"], joint["bPlace"]} == {"上海市", "北京市"}
    assert joint["quote"].startswith("依托昆山杜克大学") and joint["document"] == "kunshan-plan.txt"
    with_region = pairs[frozenset(("昆山市", "北京大学"))]
    assert {with_region["aPlace"], with_region["bPlace"]} == {"昆山市", "北京市"}
    strategic = pairs[frozenset(("昆山市人民政府", "中国科学院苏州纳米技术与纳米仿生研究所"))]
    assert strategic["kind"].endswith("#StrategicCooperation")
    assert strategic["crossRegion"] == "true"  # 昆山市 and 苏州市
