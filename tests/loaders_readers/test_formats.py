"""Each supported format read from a file the test writes: text, headings and tables come out right."""

from __future__ import annotations

from pathlib import Path

import pytest

from stikg.loaders.document import Document
from stikg.loaders.readers import SUPPORTED_SUFFIXES, read_document
from tests.loaders_readers import samples


def assert_spans(doc: Document) -> None:
    """Every span the Document gives refers to its own text."""
    text = doc.text
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text and s.text
    for h in doc.headings:
        assert text[h.title_start : h.end] == h.title
        assert text[h.start : h.end].startswith(h.marker)
    for t in doc.tables:
        for cell in [*t.header_cells, *(c for row in t.rows for c in row)]:
            assert text[cell.start : cell.end] == cell.text
    for p in doc.paragraphs:
        assert text[p.start : p.end].strip() == text[p.start : p.end] != ""


def assert_sample_table(doc: Document) -> None:
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.header == samples.TABLE[0]
    assert [[c.text for c in row] for row in table.rows] == samples.TABLE[1:]


def test_docx_heading_styles_and_table(tmp_path: Path):
    doc = read_document(samples.write_docx(tmp_path / "plan.docx"))
    assert doc.format == "docx"
    assert_spans(doc)
    levels = {(h.marker, h.title): h.level for h in doc.headings}
    assert levels[("一、", "总体要求")] == 1 and levels[("（一）", "发展目标")] == 2
    assert (
        levels[("二、", "保障措施")] == 1
    )  # a plain paragraph numbered like a styled heading takes its level
    assert_sample_table(doc)
    assert doc.sentence_at(doc.text.index("3.35%")).text == samples.SENTENCE


def test_gbk_text(tmp_path: Path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(f"{samples.TITLE}\r\n{samples.HEADING}\r\n{samples.SENTENCE}\r\n".encode("gbk"))
    doc = read_document(path)
    assert doc.encoding == "gb18030" and doc.format == "txt"
    assert doc.text == f"{samples.TITLE}\n{samples.HEADING}\n{samples.SENTENCE}"
    assert [h.title for h in doc.headings] == ["总体要求"]
    assert_spans(doc)


def test_utf8_bom_text(tmp_path: Path):
    path = tmp_path / "bom.txt"
    path.write_bytes(("\ufeff" + samples.SENTENCE).encode("utf-8"))
    doc = read_document(path)
    assert doc.text == samples.SENTENCE and doc.encoding == "utf-8-sig"


@pytest.mark.parametrize("encoding", ["gb18030", "gb2312", "utf-8"])
def test_html_meta_charset_headings_and_table(tmp_path: Path, encoding: str):
    doc = read_document(samples.write_html(tmp_path / "page.html", encoding))
    assert doc.format == "html"
    assert_spans(doc)
    assert "菜单" not in doc.text and "首页" not in doc.text and "color" not in doc.text
    assert (
        samples.SENTENCE + "高新技术企业数超过2500家。" in doc.text
    )  # the source line break inside Chinese is gone
    assert "\u00a0" not in doc.text
    titles = [(h.level, h.marker, h.title) for h in doc.headings]
    assert (1, "", samples.TITLE) in titles and (2, "一、", "总体要求") in titles
    assert_sample_table(doc)


def test_pdf_text_layer(tmp_path: Path):
    doc = read_document(samples.write_pdf(tmp_path / "plan.pdf"))
    assert doc.format == "pdf"
    assert_spans(doc)
    assert "\f" not in doc.text and "- 1 -" not in doc.text and "- 2 -" not in doc.text
    # the three lines of one paragraph, broken by the page width, are one line again
    assert (
        "高新技术企业数超过2500家，科技型中小企业评价入库数达到1800家以上，建成省级以上研发机构300家。"
        in doc.text
    )
    assert [(h.marker, h.title) for h in doc.headings] == [
        ("一、", "总体要求"),
        ("（一）", "指导思想"),
        ("二、", "保障措施"),
    ]
    assert [h.level for h in doc.headings] == [1, 2, 1]


def test_markdown_headings_pipe_table_and_markup(tmp_path: Path):
    path = tmp_path / "plan.md"
    rows = "\n".join("| " + " | ".join(row) + " |" for row in samples.TABLE[1:])
    path.write_text(
        f"# {samples.TITLE}\n\n## {samples.HEADING}\n\n**一是强化企业主体。**支持[企业](http://x.cn)建设研发机构，\n"
        f"加大投入。\n\n| {' | '.join(samples.TABLE[0])} |\n|---|---|:-:|---|\n{rows}\n\n### （一）发展目标\n\n1.建设高能级平台。举全市之力。\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.format == "md"
    assert_spans(doc)
    assert "#" not in doc.text and "**" not in doc.text and "|" not in doc.text and "http" not in doc.text
    assert "一是强化企业主体。支持企业建设研发机构，加大投入。" in doc.text  # soft-wrapped line joined
    assert [(h.level, h.marker, h.title) for h in doc.headings] == [
        (1, "", samples.TITLE), (2, "一、", "总体要求"), (3, "（一）", "发展目标"), (4, "1.", "建设高能级平台"),
    ]  # fmt: skip
    assert_sample_table(doc)


def test_markdown_saved_as_txt_is_read_as_markdown(tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(f"# {samples.TITLE}\n\n## {samples.HEADING}\n\n{samples.SENTENCE}\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "md" and "#" not in doc.text
    assert [h.level for h in doc.headings] == [1, 2]


def test_every_format_is_in_supported_suffixes():
    for suffix in (".txt", ".md", ".docx", ".html", ".htm", ".pdf"):
        assert suffix in SUPPORTED_SUFFIXES


def test_html_layout_table_is_read_as_blocks(tmp_path: Path):
    path = tmp_path / "layout.htm"
    page = (
        '<html><head><meta charset="gbk"></head><body><table width="100%"><tr><td>'
        "<p>一、总体要求</p><p>坚持创新驱动。</p>"
        '<table><tr><td>指标</td><td colspan="2">目标</td></tr><tr><td>研发投入</td><td>3.35</td><td>%</td></tr></table>'
        "</td></tr></table></body></html>"
    )
    path.write_bytes(page.encode("gbk"))
    doc = read_document(path)
    assert_spans(doc)
    assert doc.encoding == "gb18030"
    assert [(h.marker, h.title) for h in doc.headings] == [("一、", "总体要求")]
    (table,) = doc.tables
    assert table.header == ["指标", "目标", ""]  # colspan keeps the columns aligned
    assert [c.text for c in table.rows[0]] == ["研发投入", "3.35", "%"]


def test_docx_merged_cells_keep_the_grid(tmp_path: Path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [["类别", "指标", "目标"], ["创新投入", "研发投入占比", "3.35%"], ["", "企业研发占比", "2.25%"]]
    ):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0))
    document.save(str(tmp_path / "merged.docx"))
    doc = read_document(tmp_path / "merged.docx")
    assert_spans(doc)
    (found,) = doc.tables
    assert found.header == ["类别", "指标", "目标"]
    assert [[c.text for c in row] for row in found.rows] == [
        ["创新投入", "研发投入占比", "3.35%"],
        ["", "企业研发占比", "2.25%"],
    ]


def test_docx_text_box_column_is_read_once(tmp_path: Path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    anchor = document.add_paragraph("1.建设高能级平台")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    box = (
        f'<w:txbxContent xmlns:w="{w}"><w:p><w:r><w:t>专栏1 重大平台建设</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>建设一批省级以上研发平台。</w:t></w:r></w:p></w:txbxContent>"
    )
    for _ in range(2):  # Word writes the box twice (DrawingML and a VML fallback)
        run = parse_xml(
            f'<w:r xmlns:w="{w}"><w:pict><w:textbox xmlns:w="{w}">{box}</w:textbox></w:pict></w:r>'
        )
        anchor._p.append(run)
    document.add_paragraph("后续正文。")
    document.save(str(tmp_path / "box.docx"))
    doc = read_document(tmp_path / "box.docx")
    assert_spans(doc)
    assert doc.text.count("建设一批省级以上研发平台。") == 1
    assert [(h.marker, h.title) for h in doc.headings][-1] == ("专栏1", "重大平台建设")
    assert doc.text.index("专栏1") < doc.text.index("后续正文")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "gb18030"])
def test_text_encodings(tmp_path: Path, encoding: str):
    text = f"{samples.HEADING}\n{samples.SENTENCE}生僻字𠀀。"
    path = tmp_path / "enc.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_document(path)
    assert doc.text == text


def test_xhtml_with_xml_declaration(tmp_path: Path):
    path = tmp_path / "page.xhtml"
    path.write_bytes(
        b'<?xml version="1.0" encoding="gb2312"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        + f"<h1>{samples.TITLE}</h1><p>{samples.SENTENCE}</p></body></html>".encode("gb2312")
    )
    doc = read_document(path)
    assert doc.encoding == "gb18030" and samples.SENTENCE in doc.text
    assert doc.headings[0].title == samples.TITLE


def test_pdf_running_header_dropped(tmp_path: Path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(tmp_path / "long.pdf"))
    for page in range(1, 5):
        pdf.setFont("STSong-Light", 10)
        pdf.drawString(72, 800, "某区人民政府办公室文件")
        pdf.setFont("STSong-Light", 12)
        pdf.drawString(72, 700, f"{'一二三四'[page - 1]}、第{page}部分的内容")
        pdf.drawString(72, 680, f"第{page}页正文内容。")
        pdf.drawString(290, 40, f"第 {page} 页 共 4 页")
        pdf.showPage()
    pdf.save()
    doc = read_document(tmp_path / "long.pdf")
    assert "人民政府办公室文件" not in doc.text and "共 4 页" not in doc.text
    assert [h.marker for h in doc.headings] == ["一、", "二、", "三、", "四、"]


def test_html_declared_western_charset_on_gbk_bytes(tmp_path: Path):
    path = tmp_path / "wrong.html"
    path.write_bytes(b'<meta charset="iso-8859-1"><p>' + samples.SENTENCE.encode("gbk") + b"</p>")
    doc = read_document(path)
    assert doc.text == samples.SENTENCE and doc.encoding == "gb18030"
