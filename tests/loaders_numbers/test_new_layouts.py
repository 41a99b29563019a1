"""Layouts met in a third round of unseen documents: merged cells, units in names, 分别 pairs,
comparison years, money tables, allocations that are funding rather than indicators."""

from __future__ import annotations

from decimal import Decimal

from stikg.loaders.extract.indicator_prose import find_year_cues, values_in
from stikg.loaders.indicator_catalog import match_indicator
from stikg.loaders.readers.builder import TextBuilder
from stikg.loaders.readers.html_reader import build_html


def _values(sentence: str) -> list[tuple[str, str, str]]:
    return [(v.wording, str(v.value), v.unit) for v in values_in(sentence, 0, len(sentence))]


def test_rowspan_cells_keep_the_columns_in_place() -> None:
    page = (
        "<html><body><table><tr><td>类别</td><td>指标</td><td>2025年</td></tr>"
        "<tr><td rowspan='2'>创新主体</td><td>高新技术企业数</td><td>1800</td></tr>"
        "<tr><td>新型研发机构数</td><td>30</td></tr></table></body></html>"
    )
    builder = build_html(page)
    assert isinstance(builder, TextBuilder)
    table = builder.tables[0]
    assert [c.text for c in table.rows[1]] == ["", "新型研发机构数", "30"]


def test_unit_written_into_the_indicator_name() -> None:
    assert match_indicator("研发经费投入强度（%）", "%").canonical == "全社会研发经费投入占地区生产总值比重"


def test_respective_values_pair_with_the_earlier_subjects() -> None:
    found = _values("新引进国家级重大人才186人，新入选领军人才412人，累计分别达到1360人和3820人。")
    assert ("累计国家级重大人才", "1360", "人") in found
    assert ("累计领军人才", "3820", "人") in found


def test_respective_values_of_places_named_in_the_clause_are_not_paired() -> None:
    found = _values("新建科创载体30万平方米，其中甲开发区、乙高新区分别为10万、4万平方米。")
    assert [f for f in found if f[1] == "4"] == []


def test_a_place_breaks_a_count_down() -> None:
    found = _values("有效高新技术企业总数达到15900家，其中苏州工业园区2510家。")
    assert found[1][1] == "2510" and found[1][0].startswith("苏州工业园区")


def test_a_comparison_base_year_is_no_reference_year() -> None:
    text = "截至2020年底，高企达到1012家，是2015年的2.6倍；科技型中小企业1460家。"
    assert [c.year for c in find_year_cues(text, 0, len(text))] == [2020]


def test_allocated_money_and_spending() -> None:
    assert _values("市级财政安排科技创新专项资金35亿元。") == []
    assert _values("全市财政科技支出达到158.6亿元，同比增长12.3%。") == [("财政科技支出", "158.6", "亿元")]


def test_amounts_in_a_support_standard_table(tmp_path) -> None:
    from stikg.loaders.extract.funding import funding_facts
    from stikg.loaders.readers import read_document

    path = tmp_path / "standards.md"
    path.write_text(
        "表1 载体奖补标准\n\n| 载体类型 | 级别 | 奖励标准（万元） |\n|---|---|---|\n"
        "| 孵化器 | 国家级 | 200 |\n| 实验室 | 省级 | 最高300 |\n",
        encoding="utf-8",
    )
    amounts = [(a.value, a.is_maximum) for f in funding_facts(read_document(path)) for a in f.amounts]
    assert amounts == [(Decimal(2000000), False), (Decimal(3000000), True)]


def test_cumulative_and_at_least_cells() -> None:
    from stikg.loaders.extract.indicators import _CELL

    assert _CELL.match("〔150〕").group("num") == "150"  # 〔 〕: a five-year total
    cell = _CELL.match("2500以上")
    assert (cell.group("num"), cell.group("unit")) == ("2500", None)  # 以上 is no unit
