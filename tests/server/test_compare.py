"""The comparison view's data: indicators with observations, and one indicator's values."""

from __future__ import annotations

import pytest

from tests.server.conftest import INDICATOR

STIKG = "https://w3id.org/stikg/ontology#"


def _rows(answer) -> list[dict[str, str]]:
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return [{k: v["value"] for k, v in b.items()} for b in answer.json["results"]["bindings"]]


def test_indicator_picker_lists_concepts_with_observations(client):
    rows = {row["indicator"]: row for row in _rows(client.get("/api/indicators"))}
    ours = rows[INDICATOR]
    assert ours["label"] == "测试指标占比" and ours["unit"] == "%"
    assert (ours["regions"], ours["observations"]) == ("2", "4")
    assert all(int(row["observations"]) > 0 for row in rows.values())


def test_observations_of_one_indicator_tell_targets_from_actuals(client):
    rows = _rows(client.get("/api/observations", query_string={"indicator": INDICATOR}))
    seen = {(r["regionLabel"], r["year"], r["status"].removeprefix(STIKG), float(r["value"])) for r in rows}
    assert seen == {("甲区", "2020", "Actual", 3.1), ("甲区", "2025", "Target", 4.0),
                    ("乙区", "2020", "Actual", 2.5), ("乙区", "2025", "Target", 3.5)}
    assert {r["indicator"] for r in rows} == {INDICATOR}
    assert {r["document"] for r in rows} == {"测试规划.txt"}


@pytest.mark.parametrize(
    ("args", "needle"),
    [({}, "indicator="), ({"indicator": "not an iri"}, "absolute IRI"),
     ({"indicator": INDICATOR, "region": "x"}, "'region'")],
)
def test_bad_observation_requests_are_400(client, args, needle):
    answer = client.get("/api/observations", query_string=args)
    assert answer.status_code == 400 and needle in answer.json["description"]


def test_observations_download_for_excel(client):
    answer = client.get("/api/observations", query_string={"indicator": INDICATOR, "format": "csv-excel"})
    assert answer.data.startswith(b"\xef\xbb\xbf") and "甲区" in answer.data.decode("utf-8-sig")
    assert 'filename="observations.csv"' in answer.headers["Content-Disposition"]


def test_compare_page_loads_the_chart_library_locally(client):
    page = client.get("/compare?lang=zh").get_data(as_text=True)
    assert 'id="indicator"' in page and "/static/vendor/chartjs/chart.umd.min.js" in page
    assert "http://" not in page.split("<main>")[1] and "https://" not in page.split("<main>")[1]
    with client.get("/static/vendor/chartjs/chart.umd.min.js") as script:
        assert script.status_code == 200 and b"Chart" in script.data
