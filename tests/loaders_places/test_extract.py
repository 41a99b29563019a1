"""Places, industry focus and talent programmes extracted from built-in documents and from new paragraphs."""

from __future__ import annotations

import pyoxigraph as ox

from stikg.config import base_iri
from stikg.graph.iris import entity_iri

from .conftest import Extracted, corpus_document, text_document

WUJIANG_FOCUS = {
    "吴江开发区": {"新一代信息技术", "光电通信", "高端装备", "新材料", "生物医药", "医疗器械"},
    "汾湖高新区": {"新一代信息技术", "光电通信", "高端装备", "新材料", "生物医药", "医疗器械"},
    "吴江高新区": {"高端纺织", "新材料", "生物医药", "医疗器械"},
    "东太湖度假区": {"工业互联网", "新一代信息技术", "生物医药", "医疗器械"},
    "七都镇": {"光电通信", "新材料", "高端装备"},
    "桃源镇": {"高端纺织", "新材料"},
    "震泽镇": {"光电通信", "高端纺织"},
    "平望镇": {"高端纺织", "新材料"},
}


def test_wujiang_towns_and_zones_and_their_industry_chains(wujiang):
    assert wujiang.focus() == WUJIANG_FOCUS


def test_wujiang_towns_are_part_of_the_district(wujiang):
    rows = wujiang.select(
        "SELECT ?t ?p WHERE { ?town a stikg:Town ; rdfs:label ?t ; stikg:partOf/rdfs:label ?p "
        "FILTER(LANG(?t) = 'zh' && LANG(?p) = 'zh') }"
    )
    assert set(rows) == {(t, "吴江区") for t in ("黎里镇", "盛泽镇", "七都镇", "桃源镇", "震泽镇", "平望镇")}
    chain = wujiang.select(
        "SELECT ?a WHERE { ?d rdfs:label '吴江区'@zh ; stikg:partOf+ ?x . ?x rdfs:label ?a FILTER(LANG(?a) = 'zh') }"
    )
    assert {a for (a,) in chain} == {"苏州市", "江苏省", "中国"}


def test_industries_are_skos_concepts_with_broader_categories(wujiang):
    scheme = f"{base_iri()}id/scheme/industry"
    rows = wujiang.select(
        "SELECT ?l ?b WHERE { ?i a stikg:Industry , skos:Concept ; skos:inScheme ?s ; rdfs:label ?l "
        f"FILTER(LANG(?l) = 'zh' && ?s = <{scheme}>) OPTIONAL {{ ?i skos:broader/rdfs:label ?b FILTER(LANG(?b) = 'zh') }} }}"
    )
    broader = dict(rows)
    assert broader["生物医药"] == "战略性新兴产业"
    assert broader["医疗器械"] == "生物医药"
    assert broader["高端纺织"] is None


def test_every_mention_quotes_the_text(wujiang):
    rows = wujiang.select("SELECT ?s ?e ?q WHERE { ?span stikg:mentions ?x ; stikg:startOffset ?s ; "
                          "stikg:endOffset ?e ; stikg:quote ?q }")
    assert len(rows) > 50
    for start, end, quote in rows:
        assert wujiang.doc.text[int(start):int(end)] == quote


def test_grouping_of_six_new_economy_industries():
    xiangcheng = Extracted(corpus_document("000_"), region="相城区")
    rows = xiangcheng.select(
        "SELECT ?g ?m ?r WHERE { ?c a stikg:IndustryGrouping , skos:Collection ; rdfs:label ?g ; "
        "skos:member/rdfs:label ?m ; stikg:groupingOf/rdfs:label ?r FILTER(LANG(?g) = 'zh' && LANG(?m) = 'zh' && LANG(?r) = 'zh') }"
    )
    six = {m for g, m, r in rows if g == "相城区六大新经济产业" and r == "相城区"}
    assert six == {"数字金融", "智能车联网", "工业互联网", "先进材料", "区块链", "生物医药"}
    node = ox.NamedNode(entity_iri("grouping", "相城区六大新经济产业"))
    assert list(xiangcheng.store.quads_for_pattern(node, None, None))
    assert {"数字金融", "先进材料"} <= xiangcheng.focus()["相城区"]


KUNSHAN = """昆山市“十四五”科技创新规划
一、产业布局
昆山开发区要聚焦集成电路、新型显示和高端装备等重点产业，周市镇要围绕新能源汽车、智能制造，淀山湖镇重点发展数字创意产业。
全市培育新能源、人工智能等“两大未来产业”。市场主体加快发展，城市能级提升。
二、人才
实施昆山市“头雁人才”计划和昆山科技领军人才计划，积极申报国家重大人才工程、省双创计划，用好各类人才计划和市级人才计划。
"""


def test_unseen_district_paragraph():
    kunshan = Extracted(text_document(KUNSHAN, "kunshan.txt"))  # no metadata: region from the title
    assert kunshan.focus() == {
        "昆山开发区": {"集成电路", "新型显示", "高端装备"},
        "周市镇": {"新能源汽车", "智能制造"},
        "淀山湖镇": {"数字创意"},
        "昆山市": {"新能源", "人工智能"},
    }
    assert kunshan.programs() == {
        "昆山市头雁人才计划": "DistrictLevel",
        "昆山科技领军人才计划": "DistrictLevel",
        "国家重大人才工程": "NationalLevel",
        "江苏省高层次创新创业人才引进计划": "ProvincialLevel",
    }
    groupings = kunshan.select(
        "SELECT ?g ?m WHERE { ?c a stikg:IndustryGrouping ; rdfs:label ?g ; skos:member/rdfs:label ?m "
        "FILTER(LANG(?g) = 'zh' && LANG(?m) = 'zh') }")
    assert set(groupings) == {("昆山市两大未来产业", "新能源"), ("昆山市两大未来产业", "人工智能")}
    places = {label for (label,) in kunshan.select(
        "SELECT ?l WHERE { ?s stikg:mentions ?p . ?p rdfs:label ?l FILTER(LANG(?l) = 'zh') }")}
    assert places >= {"昆山市", "昆山开发区", "周市镇", "淀山湖镇"}
    assert not places & {"市场", "城市", "全市"}


CHANGSHU = """常熟市推进科技创新三年行动计划
支新镇、海虞镇要围绕汽车零部件、高端装备，常熟高新区重点发展氢能、光伏等产业集群。
深入实施常熟市“昆承英才”引才计划，做好姑苏领军人才申报。
"""


def test_unknown_town_and_known_programmes_in_changshu():
    changshu = Extracted(text_document(CHANGSHU, "changshu.txt"), region="常熟市")
    assert changshu.focus() == {
        "支新镇": {"汽车零部件", "高端装备"},
        "海虞镇": {"汽车零部件", "高端装备"},
        "常熟高新区": {"氢能", "光伏"},
    }
    parent = changshu.select("SELECT ?p WHERE { ?t rdfs:label '支新镇'@zh ; stikg:partOf/rdfs:label ?p FILTER(LANG(?p) = 'zh') }")
    assert parent == [("常熟市",)]
    assert changshu.programs() == {"常熟市昆承英才引才计划": "DistrictLevel", "姑苏创新创业领军人才计划": "MunicipalLevel"}


def test_talent_programmes_of_the_suzhou_work_report():
    suzhou = Extracted(corpus_document("004_"), region="苏州市")
    assert suzhou.programs() == {
        "国家重大人才工程": "NationalLevel",
        "江苏省高层次创新创业人才引进计划": "ProvincialLevel",
        "姑苏创新创业领军人才计划": "MunicipalLevel",
        "姑苏科技创业天使计划": "MunicipalLevel",
        "科技人才倍增计划": "MunicipalLevel",
    }


def test_talent_programmes_of_the_taicang_plan():
    taicang = Extracted(corpus_document("001_"), region="太仓市")
    programs = taicang.programs()
    assert {
        "国家重大人才工程": "NationalLevel",
        "江苏省高层次创新创业人才引进计划": "ProvincialLevel",
        "姑苏创新创业领军人才计划": "MunicipalLevel",
        "太仓科技领军人才计划": "DistrictLevel",
        "前沿带头人凝聚工程": "DistrictLevel",
    }.items() <= programs.items()
    assert not any(name in programs for name in ("人才计划", "创业人才专项", "重点产业人才专项"))
    iri = ox.NamedNode(entity_iri("talent-program", "太仓科技领军人才计划"))
    spans = taicang.select(f"SELECT ?q WHERE {{ ?s stikg:mentions <{iri.value}> ; stikg:quote ?q }}")
    assert spans == [("太仓科技领军人才",)]
