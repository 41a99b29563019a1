"""A one-year work plan (工作要点): its review section's numbers are the year its heading names, its
重点工作 section's numbers are targets, and one company's revenue is not the region's indicator."""

from __future__ import annotations

from decimal import Decimal

from stikg.loaders.extract.indicators import observations

from .scoring import load

TEXT = """吴中区2025年科技创新工作要点

一、2024年工作回顾

2024年，全区有效高新技术企业达到900家。
全年新增省级以上科技企业孵化器4家，在孵企业650家。江苏某某精工科技股份有限公司全年实现营业收入35亿元。

二、重点工作

（一）培育创新主体
全年新认定高新技术企业200家以上，新增科技型中小企业300家。
"""


def test_review_heading_year_targets_and_company_figures(tmp_path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc, ctx = load(path)
    assert ctx.period == (2025, 2025) and ctx.doc_kind == "WorkReport"
    found = {(o.year, o.value.normalize(), o.status) for o in observations(doc, ctx)}
    assert found == {
        (year, Decimal(value).normalize(), status)
        for year, value, status in [
            (2024, "900", "Actual"),
            (2024, "4", "Actual"),
            (2024, "650", "Actual"),
            (2025, "200", "Target"),
            (2025, "300", "Target"),
        ]
    }
