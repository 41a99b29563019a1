"""The five built-in documents: spans, artefacts, headings and the indicator tables (counted by hand)."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

from stikg.loaders.pipeline import builtin_corpus
from stikg.loaders.readers import read_document
from tests.loaders_readers.test_formats import assert_spans

CORPUS = sorted(builtin_corpus().iterdir())


def corpus_doc(prefix: str):
    return read_document(next(p for p in CORPUS if p.name.startswith(prefix)))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_every_span_quotes_the_text(path: Path):
    doc = read_document(path)
    assert_spans(doc)
    assert doc.sentences and doc.paragraphs
    assert "[bookmark:" not in doc.text
    assert "\r" not in doc.text and "\u00a0" not in doc.text and "\u3000\n" not in doc.text
    starts = [s.start for s in doc.sentences]
    assert starts == sorted(starts) and all(a.end <= b.start for a, b in itertools.pairwise(doc.sentences))


def test_corpus_reads_fast():
    started = time.perf_counter()
    for path in CORPUS:
        read_document(path)
    assert time.perf_counter() - started < 0.5  # ~150 KB; typically ~20 ms


def test_000_indicator_tables():
    doc = corpus_doc("000")
    assert len(doc.tables) == 2
    past, plan = doc.tables
    assert past.header == ["序号", "指标名称", "单位", "2015年完成情况", "十三五目标", "完成情况"]
    assert len(past.rows) == 8 and all(len(row) == 6 for row in past.rows)
    assert [c.text for c in past.rows[0]] == [
        "1", "全社会研究与发展经费投入（R&D）占地区生产总值（GDP）比重", "%", "2.11", "3", "3.35（预计）",
    ]  # fmt: skip
    assert past.rows[4][1].text == "新增省级企业研发机构（企业工程技术研究中心）数（五年累计）"
    assert past.caption == "“十三五”科技发展规划主要指标完成情况"
    assert plan.header == ["序号", "指标名称", "单位", "2019年完成情况", "2020年完成情况", "十四五目标"]
    assert len(plan.rows) == 10 and [row[0].text for row in plan.rows] == [str(n) for n in range(1, 11)]
    assert [c.text for c in plan.rows[9]] == ["10", "建有科技孵化器", "家", "61", "139", "700"]


def test_001_indicator_tables():
    doc = corpus_doc("001")
    assert len(doc.tables) == 2
    past, plan = doc.tables
    assert past.header == ["序号", "指标名称", "单位", "“十三五”规划目标", "完成情况"]
    assert len(past.rows) == 11 and all(len(row) == 5 for row in past.rows)
    assert [c.text for c in past.rows[10]] == ["11", "规上工业企业研发机构建有率", "%", "35", "50"]
    assert past.caption.startswith("表1")
    assert plan.header == ["序号", "指标名称", "单位", "2025年目标"]
    assert len(plan.rows) == 15 and [c.text for c in plan.rows[11]] == [
        "12",
        "外国高端人才和专业人才来华工作人数",
        "人",
        "670",
    ]
    # the line after the table is a heading again, not a wrapped cell
    assert [c.text for c in plan.rows[14]] == ["15", "新增科技上市企业", "家", "10"]


def test_002_multi_paragraph_cells_stay_in_their_row():
    doc = corpus_doc("002")
    (table,) = doc.tables
    assert table.header == ["工作任务", "2021年目标", "2022年目标", "2023年目标"]
    assert len(table.rows) == 7 and all(len(row) == 4 for row in table.rows)
    assert table.rows[-1][3].text == "1.使用长三角科技创新券企业达100家。2.实现产学研合作项目200个。"


def test_001_heading_outline():
    doc = corpus_doc("001")
    chapters = [h for h in doc.headings if h.kind == "chapter"]
    assert chapters and all(h.level == 1 for h in chapters)
    box = next(h for h in doc.headings if h.marker == "重大工程一")
    path = doc.heading_path(box.end + 5)
    assert [h.kind for h in path] == ["chapter", "cn", "cn_paren", "num", "box"]
    assert [h.level for h in path] == [1, 2, 3, 4, 5]
    assert box.title == "创新资源加速集聚工程"


def test_000_run_in_headings_and_the_outline():
    doc = corpus_doc("000")
    first = next(h for h in doc.headings if h.marker == "1.")
    assert first.title == "科技创新综合实力不断增强"
    sentence = doc.sentence_at(first.start)
    assert sentence is not None and sentence.text == "1.科技创新综合实力不断增强。"
    assert [h.marker for h in doc.heading_path(first.start)] == ["一、", "（一）", "1."]
    assert [h.title for h in doc.heading_path(doc.tables[0].start)][:2] == ["把握新形势、新使命", "发展基础"]


def test_002_page_field_junk_removed():
    doc = corpus_doc("002")
    assert "\n页" not in doc.text
    assert "吴江区推进科技创新跨越发展三年行动计划" in doc.text


def test_004_markdown_document():
    doc = corpus_doc("004")
    assert doc.format == "md"
    assert "**" not in doc.text and "\n#" not in doc.text and not doc.text.startswith("#")
    assert [h.marker for h in doc.headings if h.level == 2][:2] == ["一、", "二、"]
