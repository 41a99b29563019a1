"""Indicator tables built by hand (the Document.tables interface) and the indicator catalog."""

from __future__ import annotations

from decimal import Decimal

import pytest

from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Cell, Document, Table
from stikg.loaders.extract.indicators import observations
from stikg.loaders.indicator_catalog import match_indicator


def _table_doc(header: list[str], rows: list[list[str]], caption: str = "") -> Document:
    """A document whose text holds the cells one per line, and the Table over those offsets."""
    text, cells = (caption + "\n") if caption else "", []
    for row in [header, *rows]:
        line = []
        for value in row:
            line.append(Cell(value, len(text), len(text) + len(value)))
            text += value + "\n"
        cells.append(line)
    table = Table(cells[1:], header, cells[0][0].start, len(text), caption=caption, header_cells=cells[0])
    return Document("t.txt", text, tables=[table])


def _ctx(kind: str, period: tuple[int, int]) -> ExtractionContext:
    ctx = ExtractionContext(region="昆山市")
    ctx.doc_kind, ctx.period = kind, period
    return ctx


def _rows(doc, ctx):
    return sorted((o.wording, o.year, o.status, str(o.value), o.unit) for o in observations(doc, ctx))


def test_five_year_table_columns():
    doc = _table_doc(["序号", "指标名称", "单位", "2015年\n完成情况", "十三五目标", "完成情况"],
                     [["1", "研发经费支出占GDP比重", "%", "2.1", "3", "3.4（预计）"],
                      ["2", "高新技术企业数", "家", "100", "300", "320"]],
                     caption="“十三五”主要指标完成情况")
    assert _rows(doc, _ctx("Plan", (2021, 2025))) == sorted([
        ("研发经费支出占GDP比重", 2015, "Actual", "2.1", "%"), ("研发经费支出占GDP比重", 2020, "Target", "3", "%"),
        ("研发经费支出占GDP比重", 2020, "Estimate", "3.4", "%"), ("高新技术企业数", 2015, "Actual", "100", "家"),
        ("高新技术企业数", 2020, "Target", "300", "家"), ("高新技术企业数", 2020, "Actual", "320", "家")])


def test_target_table_with_attribute_column_and_units_in_cells():
    doc = _table_doc(["指标", "基期值", "2025年", "属性"],
                     [["万人发明专利拥有量", "40件", "70件", "预期性"], ["科技进步贡献率", "60%", "65%左右", "预期性"]])
    rows = _rows(doc, _ctx("Plan", (2021, 2025)))
    assert ("万人发明专利拥有量", 2020, "Actual", "40", "件") in rows
    assert ("科技进步贡献率", 2025, "Target", "65", "%") in rows
    assert len(rows) == 4


def test_prose_cells_take_year_and_status_from_their_column():
    doc = _table_doc(["工作任务", "2021年目标", "2022年目标"],
                     [["高企计划", "有效高新技术企业数量达1200家。", "有效高新技术企业数量达1400家。"]])
    assert _rows(doc, _ctx("ActionPlan", (2021, 2023))) == [
        ("有效高新技术企业数量", 2021, "Target", "1200", "家"), ("有效高新技术企业数量", 2022, "Target", "1400", "家")]


def test_table_without_value_columns_gives_nothing():
    doc = _table_doc(["序号", "名称", "责任单位"], [["1", "建设平台", "科技局"]])
    assert observations(doc, _ctx("Plan", (2021, 2025))) == []


def test_duplicate_values_in_table_and_prose_are_written_once():
    doc = _table_doc(["指标名称", "单位", "2025年目标"], [["高新技术企业数", "家", "1600"]])
    doc.text += "到2025年，有效高新技术企业数达1600家。\n"
    from stikg.loaders.segment import segment

    segment(doc)
    found = observations(doc, _ctx("Plan", (2021, 2025)))
    assert [(o.year, o.value) for o in found] == [(2025, Decimal("1600"))]


@pytest.mark.parametrize(("wording", "unit", "canonical"), [
    ("全社会研究与发展经费投入（R&D）\n占地区生产总值（GDP）比重", "%", "全社会研发经费投入占地区生产总值比重"),
    ("全社会研发投入占 GDP 比重", "%", "全社会研发经费投入占地区生产总值比重"),
    ("研发经费支出占地区生产总值比重", "%", "全社会研发经费投入占地区生产总值比重"),
    ("企业研发投入占主营业务比重", "%", "企业研发投入占主营业务收入比重"),
    ("技术合同成交额占 GDP 比重", "%", "技术合同成交额占地区生产总值比重"),
    ("累计高新技术企业数", "家", "高新技术企业数"),
    ("有效高新技术企业数量", "家", "高新技术企业数"),
    ("高新技术企业申报数", "家", "高新技术企业申报数"),
    ("万人发明专利拥有量", "件", "万人有效发明专利拥有量"),
    ("万人高价值发明专利拥有量", "件", "万人高价值发明专利拥有量"),
    ("技术合同成交额", "亿元", "技术合同成交额"),
    ("建有科技孵化器", "家", "科技孵化器数"),
    ("新型研发机构", "家", "新型研发机构数"),
    ("每万人劳动力中研发人员数", "人", "每万人劳动力中研发人员数"),
    ("火星基地数", "个", "火星基地数"),
])
def test_catalog_maps_wordings_to_one_concept(wording, unit, canonical):
    assert match_indicator(wording, unit).canonical == canonical


def test_unit_kind_keeps_shares_and_counts_apart():
    assert match_indicator("高新技术企业占比", "%").canonical != "高新技术企业数"
