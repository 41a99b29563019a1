"""A text PDF set like an official document: wrapped lines, wide line spacing, page breaks.

Lines of one paragraph are joined again (pdfminer groups lines up to a line height apart),
a number cut at the line end is one number, and a paragraph running over a page break
stays one paragraph, so the extractors read the same sentences as from the source text.
"""

from __future__ import annotations

from stikg.loaders.normalize import join_fragments, join_wrapped_lines
from stikg.loaders.readers import read_document

from .pdf_from_text import write_pdf

PARAGRAPH = ("全区高新技术产业产值达到2186.5亿元，占规上工业总产值的比重为54.6%，全年技术合同成交额达到92.7亿元，"
             "同比增长26.4%，万人发明专利拥有量达到45.2件，各项指标均较上年有较大幅度提升。")


def test_wrapped_paragraphs_and_page_breaks_are_joined(tmp_path):
    source = tmp_path / "report.txt"
    body = [f"（{i}）第{i}段。" + PARAGRAPH for i in range(1, 16)]
    source.write_text("某区2022年科技工作总结\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    text = read_document(write_pdf(source, tmp_path / "report.pdf")).text
    paragraphs = [p for p in text.split("\n") if p.strip()]
    assert paragraphs == ["某区2022年科技工作总结", *body]


def test_a_number_cut_at_the_line_end_is_one_number():
    assert join_fragments("产业产值达到2", "186.5亿元") == ""
    assert join_fragments("open", "source") == " "
    assert join_fragments("采用ISO 9001", "2015标准") == " "  # not inside Chinese text
    assert join_wrapped_lines("产值达到21865亿元，比上年增长了百分之十二点五，增幅位居全市前\n列。") == (
        "产值达到21865亿元，比上年增长了百分之十二点五，增幅位居全市前列。")
