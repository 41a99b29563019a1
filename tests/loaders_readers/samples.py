"""Sample documents the reader tests write: one per format, each with a heading, text and a table."""

from __future__ import annotations

from pathlib import Path

TITLE = "某区“十四五”科技创新规划"
HEADING = "一、总体要求"
SENTENCE = "到2025年，全社会研发投入占地区生产总值比重达3.35%。"
TABLE = [
    ["序号", "指标名称", "单位", "2025年目标"],
    ["1", "全社会研发投入占地区生产总值比重", "%", "3.35（预计）"],
    ["2", "高新技术企业数", "家", "2500"],
]


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_heading(HEADING, level=1)
    document.add_heading("（一）发展目标", level=2)
    document.add_paragraph(SENTENCE + "高新技术企业数超过2500家。")
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("二、保障措施")
    document.add_paragraph("加强组织领导。")
    document.save(str(path))
    return path


def write_html(path: Path, encoding: str = "gb18030") -> Path:
    rows = "".join(
        "<tr>"
        + "".join(f"<{'th' if i == 0 else 'td'}>{cell}</{'th' if i == 0 else 'td'}>" for cell in row)
        + "</tr>"
        for i, row in enumerate(TABLE)
    )
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">
<title>{TITLE}</title><script>var nav = "菜单";</script><style>p {{ color: red }}</style></head>
<body><div class="nav"><a href="/">首页</a></div>
<div id="zoom">
<h1>{TITLE}</h1>
<h2>{HEADING}</h2>
<p>{SENTENCE}高新技术企业数超过
2500家。</p>
<p>&nbsp;&nbsp;鼓励企业加大研发投入，对新认定的国家级研发机构给予最高500万元支持。</p>
<table border="1">{rows}</table>
<h2>二、保障措施</h2><p>加强组织领导。</p>
</div></body></html>"""
    path.write_bytes(page.encode(encoding))
    return path


def write_pdf(path: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    lines = [
        (HEADING, 760),
        ("到2025年，全社会研发投入占地区生产总值比重达3.35%，高新技术企业数超", 730),
        ("过2500家，科技型中小企业评价入库数达到1800家以上，建成省级以上研发", 715),
        ("机构300家。", 700),
        ("（一）指导思想", 670),
    ]
    for page in (1, 2):
        pdf.setFont("STSong-Light", 12)
        for text, y in lines if page == 1 else [("二、保障措施", 760), ("加强组织领导。", 740)]:
            pdf.drawString(72, y, text)
        pdf.drawString(290, 40, f"- {page} -")
        pdf.showPage()
    pdf.save()
    return path
