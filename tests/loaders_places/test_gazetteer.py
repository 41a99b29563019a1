"""The place gazetteer: canonical names, short forms, contextual zones, towns by pattern, no false places."""

from __future__ import annotations

import csv
import importlib.resources
import io
import time

import pytest

from stikg.loaders.places import KINDS, PlaceInfo, find_places, guess_region, places_within, resolve_place


def names(text: str, region: str | None = None) -> list[str]:
    return [m.info.canonical for m in find_places(text, region=region)]


@pytest.mark.parametrize(
    ("surface", "canonical", "kind", "parent"),
    [
        ("相城", "相城区", "District", "苏州市"),
        ("太仓", "太仓市", "District", "苏州市"),
        ("苏州", "苏州市", "City", "江苏省"),
        ("江苏", "江苏省", "Province", "中国"),
        ("苏州工业园区", "苏州工业园区", "DevelopmentZone", "苏州市"),
        ("苏州高新区", "苏州高新区", "DevelopmentZone", "苏州市"),
        ("七都镇", "七都镇", "Town", "吴江区"),
        ("元和街道", "元和街道", "Town", "相城区"),
        ("黄埭镇", "黄埭镇", "Town", "相城区"),
        ("长三角", "长江三角洲", "Region", "中国"),
        ("于利希", "于利希", "ForeignCity", "北莱茵-威斯特法伦州"),
        ("德国", "德国", "Country", None),
        ("汾湖高新区", "汾湖高新区", "DevelopmentZone", "吴江区"),
    ],
)
def test_resolves_to_one_canonical_place(surface, canonical, kind, parent):
    assert resolve_place(surface) == PlaceInfo(canonical, kind, parent)


def test_every_suzhou_division_has_its_towns():
    districts = {p.canonical for p in places_within("苏州市") if p.kind == "District"}
    assert districts == {"姑苏区", "虎丘区", "吴中区", "相城区", "吴江区", "常熟市", "张家港市", "昆山市", "太仓市"}
    for district in [*districts, "苏州工业园区"]:
        assert any(p.kind == "Town" for p in places_within(district)), district


def test_places_csv_is_consistent():
    text = (importlib.resources.files("stikg.data") / "reference" / "places.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["kind"] for r in rows} <= set(KINDS)
    for row in rows:
        if row["parent_zh"]:
            assert resolve_place(row["parent_zh"]), f"{row['name_zh']}: unknown parent {row['parent_zh']}"


def test_offsets_and_longest_match():
    text = "苏州市相城区黄埭镇与苏州工业园区、吴江汾湖高新区合作"
    for m in find_places(text):
        assert text[m.start:m.end] == m.surface
    assert names(text) == ["苏州市", "相城区", "黄埭镇", "苏州工业园区", "汾湖高新区"]


def test_zone_named_after_a_place():
    assert names("吴中经济技术开发区和常熟高新区") == ["吴中经开区", "常熟高新区"]
    match = find_places("推动宜兴高新区建设")[0]
    assert match.info == PlaceInfo("宜兴高新区", "DevelopmentZone", "宜兴市") and match.surface == "宜兴高新区"


def test_zone_words_resolve_only_in_context():
    assert names("园区、高新区要率先突破", region="苏州市") == ["苏州工业园区", "苏州高新区"]
    assert names("经开区、高新区、高铁新城管委会", region="相城区") == ["相城经开区", "相城高新区", "苏州高铁新城"]
    assert names("，高新区加快发展", region="昆山市") == ["昆山高新区"]
    assert names("园区、高新区") == []  # no region: no guess
    assert names("建设科技园区和产业园区，推进全市各高新区、省级高新区（开发区）", region="苏州市") == []


def test_unknown_towns_by_pattern_with_region_as_parent():
    found = find_places("常熟市任阳镇要围绕新材料，练塘镇、淼泉街道加快发展", region="常熟市")
    towns = [(m.info.canonical, m.info.kind, m.info.parent) for m in found if m.info.kind == "Town"]
    assert towns == [("任阳镇", "Town", "常熟市"), ("练塘镇", "Town", "常熟市"), ("淼泉街道", "Town", "常熟市")]


@pytest.mark.parametrize(
    "text",
    [
        "全市市场规模扩大，城市能级提升，区域和地区协调，市级财政加大投入。",
        "全区各镇（街道）、本市各区镇，支持区镇建设，四个镇联合，创新型乡镇，科技镇长团。",
        "我区、全区、各区、市区、城区、县级市、区级层面、街道办事处。",
        "材料科学姑苏实验室、姑苏领军人才、虎丘山风景区。",
    ],
)
def test_no_false_places(text):
    assert names(text, region="吴江区") == []


def test_guess_region_prefers_the_district():
    assert guess_region("苏州市相城区“十四五”科技创新发展规划\n……") == "相城区"
    assert guess_region("关于印发吴江区推进科技创新行动计划的通知\n吴江开发区、汾湖高新区（黎里镇）管委会") == "吴江区"
    assert guess_region("苏州市科技创新工作总结\n全市科技系统") == "苏州市"
    assert guess_region("关于加强基础研究的意见") is None


def test_scan_is_fast_on_a_long_text():
    text = "相城区黄埭镇聚焦生物医药，全市市场和城市建设，与德国汉堡合作。" * 20000  # ~640k characters
    began = time.perf_counter()
    found = find_places(text, region="相城区")
    assert len(found) == 80000  # 相城区, 黄埭镇, 德国, 汉堡; nothing in 全市市场
    assert time.perf_counter() - began < 5
