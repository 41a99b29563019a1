"""Segmentation of small synthetic texts: heading levels, sentences, tab-indented tables."""

from __future__ import annotations

from stikg.loaders.document import Document
from stikg.loaders.normalize import normalize
from stikg.loaders.segment import segment
from tests.loaders_readers.test_formats import assert_spans


def seg(raw: str) -> Document:
    doc = segment(Document("t.txt", normalize(raw)))
    assert_spans(doc)
    return doc


OUTLINE = """某市科技创新规划
第一章 总则
第一节 发展基础
一、现状
（一）科技投入
1.研发投入持续增长
（1）企业投入
①规上企业
二、问题
第二章 任务
专栏1 重大平台建设
建设一批平台。
"""


def test_heading_levels_follow_the_outline():
    doc = seg(OUTLINE)
    got = [(h.level, h.marker, h.title) for h in doc.headings]
    assert got == [
        (1, "第一章", "总则"), (2, "第一节", "发展基础"), (3, "一、", "现状"), (4, "（一）", "科技投入"),
        (5, "1.", "研发投入持续增长"), (6, "（1）", "企业投入"), (7, "①", "规上企业"), (3, "二、", "问题"),
        (1, "第二章", "任务"), (8, "专栏1", "重大平台建设"),
    ]  # fmt: skip
    inner = doc.text.index("建设一批平台")
    assert [h.title for h in doc.heading_path(inner)] == ["任务", "重大平台建设"]


def test_levels_are_dense_for_the_families_used():
    doc = seg("一、总体要求\n（一）指导思想\n坚持创新。\n1.目标\n二、任务\n")
    assert [(h.marker, h.level) for h in doc.headings] == [("一、", 1), ("（一）", 2), ("1.", 3), ("二、", 1)]


def test_numbers_and_long_sentences_are_not_headings():
    doc = seg("3.35（预计）\n2021年，全市研发投入增长。\n1.5万元以下的项目给予补助。\n一是强化企业主体。\n")
    assert doc.headings == []


def test_run_in_heading_is_its_own_sentence():
    doc = seg("1.建设高能级平台。对新建的国家级平台，给予最高1亿元支持；对省级平台给予500万元支持。\n")
    (heading,) = doc.headings
    assert (heading.marker, heading.title) == ("1.", "建设高能级平台")
    assert [s.text for s in doc.sentences] == [
        "1.建设高能级平台。", "对新建的国家级平台，给予最高1亿元支持；", "对省级平台给予500万元支持。",
    ]  # fmt: skip


def test_sentences_keep_closing_quotes_and_numbers():
    doc = seg("他说：“比重达到3.35%。”随后发布了《规划》！还有吗？有（详见附件。）\n最后一行没有句号")
    assert [s.text for s in doc.sentences] == [
        "他说：“比重达到3.35%。”", "随后发布了《规划》！", "还有吗？", "有（详见附件。）", "最后一行没有句号",
    ]  # fmt: skip


def test_heading_line_is_one_sentence_even_with_a_semicolon_free_title():
    doc = seg("（二）更高水平开放，提升金融综合实力\n正文。")
    assert [s.text for s in doc.sentences] == ["（二）更高水平开放，提升金融综合实力", "正文。"]


TAB_TABLE = "主要指标\n\t序号\n\t指标名称\n\t2015年\n完成情况\n\n\t1\n\t全社会研发投入\n\n占GDP比重\n\t3.35（预计）\n\n\t2\n\t高企数\n\t853\n\n\n（二）背景\n"


def test_tab_table_with_wrapped_cells():
    doc = seg(TAB_TABLE)
    (table,) = doc.tables
    assert table.header == ["序号", "指标名称", "2015年完成情况"]
    assert [[c.text for c in row] for row in table.rows] == [
        ["1", "全社会研发投入占GDP比重", "3.35（预计）"],
        ["2", "高企数", "853"],
    ]
    assert table.caption == "主要指标"
    assert [h.title for h in doc.headings] == ["背景"]  # the line after the table is not a cell
    assert doc.table_at(table.rows[0][1].start) is table


def test_wrapped_cell_of_unnormalised_text_spans_both_lines():
    text = "\t序号\n\t名称\n\t单位\n\n\t1\n\t研发投入\n占比\n\t%\n"
    doc = segment(Document("t.txt", text))  # not normalised: the cell keeps its line break
    cell = doc.tables[0].rows[0][1]
    assert cell.text == "研发投入占比" and text[cell.start : cell.end] == "研发投入\n占比"


def test_single_column_box_is_not_a_table():
    doc = seg("\t重大工程一 创新资源集聚工程\n\n\t建设一批高标准的研发机构。\n\n后文。")
    assert doc.tables == []
    assert [(h.marker, h.title) for h in doc.headings] == [("重大工程一", "创新资源集聚工程")]


def test_normalize_whitespace_and_artefacts():
    raw = "\ufeff[bookmark: _Toc1]标题\r\n\u3000\u3000正文\u00a0内容。  \r\n\r\n\r\n\r\n- 2 -\r\n第 3 页 共 10 页\r\n页吴江区计划\r\n页岩气产业\f下一页"
    assert normalize(raw) == "标题\n正文 内容。\n\n吴江区计划\n页岩气产业\n下一页"


def test_pdf_line_joining_only_when_a_line_ran_to_the_margin():
    raw = "一、总体要求\n到2025年，全社会研发投入占地区生产\n总值比重达3.35%。\n（一）短行\nabc hyphen-\nated words end here."
    text = normalize(raw, pdf=True)
    assert "到2025年，全社会研发投入占地区生产总值比重达3.35%。" in text
    assert "一、总体要求\n" in text and "\n（一）短行" in text


def test_tab_indented_prose_is_not_a_table():
    doc = seg(
        "\t（一）指导思想\n\t坚持以创新为第一动力，深入实施创新驱动发展战略，加快建设科技强区。\n\n\t（二）发展目标\n\t到2025年，基本建成创新型城区。\n"
    )
    assert doc.tables == []
    assert [h.title for h in doc.headings] == ["指导思想", "发展目标"]


def test_ascii_question_mark_in_a_url_does_not_end_a_sentence():
    doc = seg("详见 http://kjj.suzhou.gov.cn/a?id=1&x=2 的通知。Really? 是的。")
    assert [s.text for s in doc.sentences] == [
        "详见 http://kjj.suzhou.gov.cn/a?id=1&x=2 的通知。",
        "Really?",
        "是的。",
    ]
