"""A parenthesis opened by 其中 after a count breaks that count down: its values are not regional totals."""

from __future__ import annotations

import pytest

from stikg.loaders.extract.indicator_prose import values_in


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # parts of another count (an institute's spin-offs): only the whole is a value
        ("衍生孵化企业 907 家（其中获评高新技术企业 87 家、科技型中小企业 222 家）。", [("衍生孵化企业", "907")]),
        # a level of the same count keeps its own, qualified, value
        ("高新技术企业达 2000 家（其中国家级 500 家）。", [("高新技术企业", "2000"), ("国家级高新技术企业", "500")]),
        # 其中 outside a parenthesis is handled as before
        ("全市高新技术企业 2000 家，其中新认定 500 家。", [("高新技术企业", "2000"), ("新认定高新技术企业", "500")]),
        # a closed parenthesis does not hide the values after it
        ("科技型企业 5000 家（含在建），高新技术企业 1500 家。", [("科技型企业", "5000"), ("高新技术企业", "1500")]),
    ],
)
def test_breakdown_values(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(v.wording, str(v.value)) for v in values_in(sentence, 0, len(sentence))] == expected


def test_count_picked_by_an_amount_is_not_the_plain_indicator() -> None:
    from stikg.loaders.indicator_catalog import match_indicator

    assert match_indicator("科技孵化器", "家").known
    assert not match_indicator("超3000万元科技孵化器", "家").known  # incubators above a tax threshold
    assert match_indicator("技术合同成交额", "亿元").known  # an amount as the unit is fine
