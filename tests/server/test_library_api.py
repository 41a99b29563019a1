"""The query library in the UI and as an API: themes, parameters bound safely, CSV for Excel."""

from __future__ import annotations

import csv
import io

import pytest

from stikg.server.pages import query_library
from tests.server.conftest import ENTITY

BOM = b"\xef\xbb\xbf"
PARAMETERISED = "indicator-values"  # the library's query with a ?region parameter


def _rows(answer) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in b.items()} for b in answer.json["results"]["bindings"]]


def test_every_library_query_has_a_theme_from_its_file_name(client):
    entries = client.get("/api/queries").json
    assert entries
    for entry in entries:
        assert entry["theme"] == entry["name"].split("-")[0]
    page = client.get("/?lang=en").get_data(as_text=True)
    for theme in {e["theme"] for e in entries}:
        assert f'data-theme="{theme}"' in page
    assert page.count('class="example"') == len(entries)


def test_a_parameter_restricts_the_rows(client):
    assert "region" in next(q for q in query_library() if q["name"] == PARAMETERISED)["params"]
    everything = _rows(client.get(f"/api/queries/{PARAMETERISED}"))
    assert {"甲区", "乙区"} <= {row["region"] for row in everything}
    one = _rows(client.get(f"/api/queries/{PARAMETERISED}", query_string={"region": "甲区", "format": "json"}))
    assert one and {row["region"] for row in one} == {"甲区"}
    posted = client.post(f"/api/queries/{PARAMETERISED}", data={"region": "乙区"})
    assert {row["region"] for row in _rows(posted)} == {"乙区"}


@pytest.mark.parametrize("value", ['甲区" } } SELECT * WHERE { ?s ?p ?o', "甲区'; DROP ALL", "<http://x> ."])
def test_a_value_is_bound_never_spliced(client, value):
    answer = client.get(f"/api/queries/{PARAMETERISED}", query_string={"region": value})
    assert answer.status_code == 200
    assert _rows(answer) == []  # the text is one literal: it matches no region, and runs nothing else


def test_an_empty_value_leaves_the_parameter_unbound(client):
    everything = _rows(client.get(f"/api/queries/{PARAMETERISED}"))
    assert _rows(client.get(f"/api/queries/{PARAMETERISED}", query_string={"region": ""})) == everything


def test_unknown_parameter_is_400_naming_the_declared_ones(client):
    answer = client.get(f"/api/queries/{PARAMETERISED}", query_string={"regoin": "甲区"})
    assert answer.status_code == 400
    assert "'regoin'" in answer.json["description"] and "region" in answer.json["description"]
    plain = next(q["name"] for q in query_library() if not q["params"])
    answer = client.get(f"/api/queries/{plain}", query_string={"x": "1"})
    assert answer.status_code == 400 and "no parameters" in answer.json["description"]


def test_unknown_query_is_404(client):
    answer = client.get("/api/queries/no-such-query")
    assert answer.status_code == 404 and "/api/queries" in answer.json["description"]


def test_csv_download_for_excel_has_a_bom_and_chinese_intact(client):
    for url, args in ((f"/api/queries/{PARAMETERISED}.csv", {"bom": "1"}),
                      (f"/api/queries/{PARAMETERISED}", {"format": "csv-excel"})):
        answer = client.get(url, query_string={**args, "region": "甲区"})
        assert answer.status_code == 200, answer.get_data(as_text=True)
        assert answer.data.startswith(BOM)
        assert answer.mimetype == "text/csv"
        assert f'filename="{PARAMETERISED}.csv"' in answer.headers["Content-Disposition"]
        rows = list(csv.DictReader(io.StringIO(answer.data.decode("utf-8-sig"))))
        assert rows and {row["region"] for row in rows} == {"甲区"}


def test_plain_csv_has_no_bom(client):
    answer = client.get(f"/api/queries/{PARAMETERISED}.csv")
    assert answer.status_code == 200 and not answer.data.startswith(BOM)
    protocol = client.get("/sparql", query_string={"query": f"SELECT * WHERE {{ <{ENTITY}> ?p ?o }}"},
                          headers={"Accept": "text/csv"})
    assert protocol.mimetype == "text/csv" and not protocol.data.startswith(BOM)
    assert "Content-Disposition" not in protocol.headers


def test_bom_on_json_is_400(client):
    answer = client.get(f"/api/queries/{PARAMETERISED}", query_string={"bom": "1", "format": "json"})
    assert answer.status_code == 400 and "csv" in answer.json["description"]


def test_sparql_endpoint_offers_csv_excel_too(client):
    answer = client.get("/sparql", query_string={"query": f"SELECT * WHERE {{ <{ENTITY}> ?p ?o }}",
                                                 "format": "csv-excel"})
    assert answer.status_code == 200 and answer.data.startswith(BOM)
    assert "测试实验室" in answer.data.decode("utf-8-sig")
