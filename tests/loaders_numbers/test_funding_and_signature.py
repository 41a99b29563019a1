"""Two rules found on unseen documents: money lent "超过" an amount is funding, not a threshold;
a joint signature's issuer is the lead (first-named) body."""

from __future__ import annotations

from decimal import Decimal

import pytest

from stikg.loaders.extract.funding import funding_facts
from stikg.loaders.extract.metadata import read_metadata
from stikg.loaders.readers import read_document


def _amounts(tmp_path, text: str) -> list[tuple[Decimal, bool]]:
    path = tmp_path / "f.txt"
    path.write_text(text, encoding="utf-8")
    return [(a.value, a.is_maximum) for f in funding_facts(read_document(path)) for a in f.amounts]


@pytest.mark.parametrize(("text", "expected"), [
    ("力争每年为科技型中小企业提供贷款超过50亿元。", [(Decimal("5000000000"), False)]),
    ("三年内累计发放科技贷款总额超过20亿元。", [(Decimal("2000000000"), False)]),
    ("对贷款超过500万元的企业给予贴息，单个企业最高20万元。", [(Decimal("200000"), True)]),
    ("对上年度研发费用超过500万元的企业，按增量的10%给予补助。", []),
    ("对营业收入超过5000万元的企业，给予10万元奖励。", [(Decimal("100000"), False)]),
    ("继续发放科技创新券，年度额度不少于1500万元。", [(Decimal("15000000"), False)]),
    ("设立天使投资基金，首期规模3亿元。", [(Decimal("300000000"), False)]),
    ("全年技术合同登记1200项，年度总额达到80亿元。", []),
    ("市财政每年安排专项资金不少于3亿元，五年累计投入不少于15亿元。",
     [(Decimal("300000000"), False), (Decimal("1500000000"), False)]),
    ("企业研发投入累计达到15亿元。", []),
])  # fmt: skip
def test_money_lent_beyond_an_amount_is_funding_a_threshold_is_not(tmp_path, text, expected):
    assert _amounts(tmp_path, text) == expected


@pytest.mark.parametrize("signature", [
    "甲市高新技术产业开发区管理委员会\n苏州市虎丘区人民政府\n",
    "甲市高新技术产业开发区管理委员会　　苏州市虎丘区人民政府\n",
])  # fmt: skip
def test_joint_signature_names_the_lead_body(tmp_path, signature):
    path = tmp_path / "n.txt"
    path.write_text(
        f"关于印发《虎丘区科技创新规划》的通知\n各部门：\n现将规划印发给你们。\n{signature}2021年9月28日\n",
        encoding="utf-8",
    )
    meta = read_metadata(read_document(path))
    assert (meta.issuer, meta.issued.isoformat()) == ("甲市高新技术产业开发区管理委员会", "2021-09-28")
