"""The reconciliation service over loopback, spoken to as OpenRefine does, checked against the API 0.2 schemas."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import requests

from stikg.graph.iris import entity_iri

SCHEMAS = Path(__file__).parent / "schemas"
# what OpenRefine's StandardReconConfig sends: a form-encoded POST with one field, `queries`
OPENREFINE_HEADERS = {"User-Agent": "OpenRefine/3.8.2", "Accept": "*/*"}


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))


def validate(instance: object, name: str) -> None:
    jsonschema.Draft7Validator(schema(name), format_checker=jsonschema.FormatChecker()).validate(instance)


def _id(kind: str, name: str) -> str:
    return entity_iri(kind, name).split("/id/", 1)[1]


def reconcile(url: str, batch: dict) -> dict:
    validate(batch, "reconciliation-query-batch")
    response = requests.post(f"{url}/reconcile", data={"queries": json.dumps(batch, ensure_ascii=False)},
                             headers=OPENREFINE_HEADERS, timeout=30)
    assert response.status_code == 200, response.text
    answer = response.json()
    validate(answer, "reconciliation-result-batch")
    assert set(answer) == set(batch)
    return answer


def test_manifest(server_url):
    response = requests.get(f"{server_url}/reconcile", timeout=10)
    assert response.status_code == 200
    manifest = response.json()
    validate(manifest, "manifest")
    assert manifest["view"]["url"] == f"{server_url}/id/{{{{id}}}}"
    entity_id = _id("org", "苏州大学")
    page = requests.get(manifest["view"]["url"].replace("{{id}}", entity_id), timeout=10,
                        headers={"Accept": "text/turtle"})
    assert page.status_code == 200 and "Soochow University" in page.text
    preview = requests.get(manifest["preview"]["url"].replace("{{id}}", entity_id), timeout=10)
    assert preview.status_code == 200 and "苏州大学" in preview.text and "Soochow University" in preview.text
    suggest = manifest["suggest"]["entity"]
    found = requests.get(suggest["service_url"] + suggest["service_path"], params={"prefix": "苏州"}, timeout=10)
    validate(found.json(), "suggest-entities-response")
    assert entity_id in {r["id"] for r in found.json()["result"]}


def test_manifest_jsonp(server_url):
    response = requests.get(f"{server_url}/reconcile", params={"callback": "jQuery123_456"}, timeout=10)
    assert response.headers["Content-Type"].startswith("application/javascript")
    body = response.text
    assert body.startswith("/**/jQuery123_456(") and body.endswith(");")
    validate(json.loads(body[len("/**/jQuery123_456("):-2]), "manifest")
    bad = requests.get(f"{server_url}/reconcile", params={"callback": "alert(1)//"}, timeout=10)
    assert bad.status_code == 400 and "callback" in bad.json()["description"]


def test_openrefine_batch(server_url):
    names = {
        "q0": ("苏州大学", "University", _id("org", "苏州大学")),
        "q1": ("Soochow University", "University", _id("org", "苏州大学")),
        "q2": ("su zhou da xue", "University", _id("org", "苏州大学")),
        "q3": ("中国商飞", "Enterprise", _id("org", "中国商用飞机有限责任公司")),  # an alias from links.csv
        "q4": ("苏州市", "Place", _id("place", "苏州市")),
    }
    batch = {k: {"query": q, "type": t, "type_strict": "should", "limit": 3} for k, (q, t, _) in names.items()}
    answer = reconcile(server_url, batch)
    for key, (_, _, expected) in names.items():
        best = answer[key]["result"][0]
        assert best["id"] == expected and best["match"] is True and best["score"] == 100, (key, best)
        assert len(answer[key]["result"]) <= 3


def test_near_miss_is_scored_but_not_matched(server_url):
    answer = reconcile(server_url, {"q0": {"query": "相城", "type": "Place"},
                                    "q1": {"query": "苏州大学附属医院", "type": "University"}})
    best = answer["q0"]["result"][0]
    assert best["id"] == _id("place", "相城区") and best["match"] is False and 50 <= best["score"] < 100
    assert all(r["match"] is False for r in answer["q1"]["result"])


def test_type_filter(server_url):
    answer = reconcile(server_url, {"q0": {"query": "苏州", "type": "University", "limit": 10},
                                    "q1": {"query": "苏州", "type": ["District", "City"], "limit": 10}})
    assert answer["q0"]["result"] and all(
        any(t["id"] == "University" for t in r["type"]) for r in answer["q0"]["result"])
    assert {t["id"] for r in answer["q1"]["result"] for t in r["type"]} <= {"District", "City"}
    assert answer["q1"]["result"][0]["id"] == _id("place", "苏州市")


def test_property_located_in(server_url):
    name = "中国科学院苏州纳米技术与纳米仿生研究所"
    answer = reconcile(server_url, {
        "q0": {"query": name, "properties": [{"pid": "locatedIn", "v": "苏州市"}]},
        "q1": {"query": name, "properties": [{"pid": "locatedIn", "v": "北京市"}]},
        "q2": {"query": "国家超级计算昆山中心", "properties": [{"pid": "locatedIn", "v": {"id": _id("place", "江苏省")}}]},
    })
    assert answer["q0"]["result"][0]["match"] is True and answer["q0"]["result"][0]["score"] == 100
    assert answer["q1"]["result"][0]["match"] is False and answer["q1"]["result"][0]["score"] < 100
    assert answer["q2"]["result"][0]["match"] is True  # 昆山市 ⊂ 苏州市 ⊂ 江苏省


def test_suggest_types_and_properties(server_url):
    types = requests.get(f"{server_url}/reconcile/suggest/type", params={"prefix": "univ"}, timeout=10).json()
    validate(types, "suggest-types-response")
    assert [t["id"] for t in types["result"]] == ["University"]
    props = requests.get(f"{server_url}/reconcile/suggest/property", params={"prefix": "loc"}, timeout=10).json()
    validate(props, "suggest-properties-response")
    assert [p["id"] for p in props["result"]] == ["locatedIn"]


@pytest.mark.parametrize(("queries", "message"), [
    ('{"q0": {"query": "苏州大学"', "not valid JSON"),
    ('{"q0": {"query": "苏州大学", "type": "Planet"}}', "unknown type 'Planet'"),
    ('{"q0": {"type": "University"}}', "no 'query'"),
    ('{"q0": {"query": "x", "properties": [{"pid": "colour", "v": "red"}]}}', "unknown property 'colour'"),
    ('["苏州大学"]', "non-empty JSON object"),
])
def test_bad_input_is_a_400_with_json(server_url, queries, message):
    response = requests.post(f"{server_url}/reconcile", data={"queries": queries}, headers=OPENREFINE_HEADERS,
                             timeout=10)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == 400 and message in body["description"]


def test_preview_of_unknown_id_is_404(server_url):
    response = requests.get(f"{server_url}/reconcile/preview", params={"id": "org/nothing-000000"}, timeout=10)
    assert response.status_code == 404
