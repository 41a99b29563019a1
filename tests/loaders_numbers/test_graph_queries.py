"""The four library queries on the store built from the corpus (and a synthetic document)."""

from __future__ import annotations

from pathlib import Path

from stikg.graph.library import read_query_text
from stikg.graph.store import LocalStore
from stikg.loaders.pipeline import build

HERE = Path(__file__).parent


def _rows(store, name, **subs):
    rows = store.select(read_query_text(name), substitutions=subs or None)
    return [{k: v.value for k, v in row.items()} for row in rows]


def test_plans(built_store):
    rows = {r["title"]: r for r in _rows(built_store, "plans")}
    xc = rows["苏州市相城区“十四五”科技创新发展规划"]
    assert (xc["docNumber"], xc["issuer"], xc["issued"], xc["region"], xc["start"], xc["end"]) == (
        "相政发〔2021〕24号", "苏州市相城区人民政府", "2021-07-06", "相城区", "2021", "2025")
    assert rows["苏州市推动科技创新和产业创新融合发展若干政策措施"]["issuer"] == "苏州市人民政府"
    assert len(rows) == 5


def test_indicator_values_with_and_without_region(built_store):
    everything = _rows(built_store, "indicator-values")
    one = _rows(built_store, "indicator-values", region="相城区")
    assert one and {r["region"] for r in one} == {"相城区"}
    assert len({r["region"] for r in everything}) >= 4 and len(everything) > len(one)
    assert {r["status"].rsplit("#", 1)[1] for r in one} == {"Actual", "Estimate", "Target"}


def test_rd_intensity_is_only_rd_intensity(built_store):
    rows = _rows(built_store, "compare-rd-intensity")
    got = {(r["region"], r["year"], r["value"], r["status"].rsplit("#", 1)[1]) for r in rows}
    assert {("相城区", "2025", "4", "Target"), ("太仓市", "2025", "4.2", "Target"), ("吴江区", "2023", "3.75", "Target"),
            ("苏州市", "2021", "3.8", "Estimate"), ("相城区", "2020", "3.35", "Estimate")} <= got
    assert all(float(r["value"]) < 10 for r in rows)  # shares, not counts or money


def test_funding_amounts(built_store):
    rows = _rows(built_store, "funding")
    amounts = {(r.get("amountCNY"), r.get("isMaximum"), r["kind"].rsplit("#", 1)[1]) for r in rows}
    assert ("200000000", "true", "Grant") in amounts
    assert ("8411000000", "false", "LoanProduct") in amounts
    targets = {r.get("target") for r in rows}
    assert "在苏州建设的全国重点实验室" in targets


def test_synthetic_document_loads_and_queries(tmp_path):
    with LocalStore(tmp_path / "store") as store:
        report = build(store, [HERE / "synthetic" / "kunshan_plan.txt"])
        assert report.ok, report.failed
        rows = _rows(store, "compare-rd-intensity")
        assert {(r["region"], r["year"], r["value"]) for r in rows} == {("昆山市", "2020", "3.52"), ("昆山市", "2025", "4")}
        plans = _rows(store, "plans")
        assert plans[0]["docNumber"] == "昆政发〔2022〕7号" and plans[0]["issued"] == "2022-03-15"
