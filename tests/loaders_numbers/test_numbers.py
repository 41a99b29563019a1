"""numbers.py: Chinese numerals, amounts in yuan, quantities, years and plan periods."""

from __future__ import annotations

from decimal import Decimal

import pytest

from stikg.loaders.numbers import (
    decimal_text,
    find_amounts,
    find_quantities,
    parse_amount,
    parse_chinese_integer,
    parse_number,
    parse_period,
    parse_year,
)


@pytest.mark.parametrize(("text", "value"), [
    ("一", 1), ("十", 10), ("十四", 14), ("二十", 20), ("一百五十", 150), ("一千", 1000),
    ("三千五百", 3500), ("三千五百万", 35_000_000), ("一亿二千万", 120_000_000), ("二〇二一", 2021),
    ("五万亿", 5 * 10**12), ("两千", 2000), ("十二万", 120_000),
])
def test_chinese_integers(text, value):
    assert parse_chinese_integer(text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("84.11", "84.11"), ("10,252", "10252"), ("２０", "20"), ("三点五", "3.5"), ("2.1万", "21000"), ("1.5亿", "150000000"),
])
def test_numbers(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "一x"])
def test_not_numbers(text):
    with pytest.raises(ValueError, match=r"number|numeral"):
        parse_number(text)


@pytest.mark.parametrize(("text", "yuan", "maximum"), [
    ("给予最高2亿元支持", "200000000", True),
    ("解决贷款 84.11 亿元", "8411000000", False),
    ("给予5000万元支持", "50000000", False),
    ("补贴1.5万元", "15000", False),
    ("每个500万元/个", "5000000", False),
    ("给予50-100万元资助", "1000000", True),
    ("给予50万-100万元资助", "1000000", True),
    ("安排二十亿元", "2000000000", False),
    ("奖励一千万元", "10000000", False),
    ("产值 2.1 万亿元", "2100000000000", False),
    ("不超过三百万元", "3000000", True),
    ("最高 1000 万元", "10000000", True),
    ("补助200万元以内", "2000000", True),
    ("上限为80万元", "800000", True),
])
def test_amounts(text, yuan, maximum):
    amount = parse_amount(text)
    assert amount is not None and decimal_text(amount.value) == yuan and amount.is_maximum is maximum
    assert text[amount.start : amount.end] == amount.text


def test_maximum_carries_over_an_enumeration_but_not_a_clause():
    amounts = find_amounts("分别给予最高1000万元、500万元支持；另给予50万元奖励")
    assert [(decimal_text(a.value), a.is_maximum) for a in amounts] == [
        ("10000000", True), ("5000000", True), ("500000", False)]


@pytest.mark.parametrize("text", ["一批资金元", "数千元", "G60 元", "无金额"])
def test_no_amount(text):
    assert parse_amount(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("达 10252 家", [("10252", "家")]),
    ("1.9 万家", [("19000", "家")]),
    ("84.11 亿元", [("84.11", "亿元")]),
    ("30万平方米", [("30", "万平方米")]),
    ("比重3.35%", [("3.35", "%")]),
    ("占全省的 1/3，第3位，G60 走廊", []),
])
def test_quantities(text, expected):
    assert [(decimal_text(q.value), q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(("title", "period"), [
    ("苏州市相城区“十四五”科技创新发展规划", (2021, 2025)),
    ("“十三五”科技发展规划", (2016, 2020)),
    ("吴江区推进科技创新跨越发展三年行动计划（2021-2023年）", (2021, 2023)),
    ("“十四五”时期（2021—2025年）", (2021, 2025)),
    ("苏州市科技创新工作 2021 年总结及 2022 年计划", (2021, 2022)),
    ("某某市2024年科技工作要点", (2024, 2024)),
    ("关于十五万元补助的通知", None),
])
def test_periods(title, period):
    assert parse_period(title) == period


@pytest.mark.parametrize(("text", "year"), [("2021年", 2021), ("二〇二五年", 2025), ("无年份", None)])
def test_years(text, year):
    assert parse_year(text) == year


@pytest.mark.parametrize(("value", "text"), [("8411000000.00", "8411000000"), ("3.350", "3.35"), ("2E+8", "200000000")])
def test_decimal_text(value, text):
    assert decimal_text(Decimal(value)) == text
