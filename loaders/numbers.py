"""Chinese numbers, money amounts, years and plan periods as they are written in policy texts.

Everything here is a plain function over strings so the extractors share one reading of
``最高2亿元`` (200000000 yuan, a maximum), ``二十亿元``, ``50-100万元`` (a range: its upper
bound, a maximum), ``2.1 万亿元``, ``“十四五”`` (2021–2025) and ``二〇二一年``. Values are
``Decimal`` so that 84.11亿元 is exactly 8411000000. All patterns are linear-time regexes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

__all__ = [
    "AMOUNT_RE",
    "CN_NUM",
    "FIVE_YEAR_RE",
    "MAX_CUE",
    "NUM",
    "QUANTITY_RE",
    "Amount",
    "Quantity",
    "decimal_text",
    "find_amounts",
    "find_quantities",
    "five_year_period",
    "normalise_digits",
    "parse_amount",
    "parse_chinese_integer",
    "parse_number",
    "parse_period",
    "parse_year",
]

_DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
           "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
           "九": 9, "玖": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10**4, "亿": 10**8}
MULTIPLIERS = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7,
               "百万": Decimal(10) ** 6, "十万": Decimal(10) ** 5, "万": Decimal(10) ** 4, "千": Decimal(1000)}

# one number as written: Arabic (with thousands separators, spaces before the unit are allowed
# by the callers) or Chinese numerals (十四, 一千, 二十, 三千五百)
ARABIC = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
CN_NUM = r"[零〇○一二两三四五六七八九十百千]+(?:点[零〇○一二三四五六七八九]+)?"
NUM = rf"(?:{ARABIC}|{CN_NUM})"
_MULT = r"(?:万亿|亿|千万|百万|十万|万|千)"
_RANGE_SEP = r"[-－—–~～至到]"
# an amount of money: number, optional multiplier, 元 (a range "50-100万元" or "50万-100万元" too)
AMOUNT_RE = re.compile(
    rf"(?<![\dA-Za-z.])(?:(?P<low>{NUM})\s*(?P<lowmult>{_MULT})?\s*(?:元\s*)?{_RANGE_SEP}\s*(?P<high>{NUM})\s*(?P<mult>{_MULT})?\s*元"
    rf"|(?P<num>{NUM})\s*(?P<mult1>{_MULT})?\s*元)"
)
# a maximum: 最高 / 不超过 / 上限 / 最多 / 封顶 before the amount (in the same clause)
MAX_CUE = re.compile(r"最高|不超过|不高于|上限|最多|至多|封顶|以内")
_YEAR_RE = re.compile(r"((?:19|20)\d\d|[一二][〇○零一二三四五六七八九]{3})\s*年?")
_PERIOD_RE = re.compile(
    r"[（(]\s*((?:19|20)\d\d)\s*年?\s*[-－—–~～至到]\s*((?:19|20)\d\d)\s*年?\s*[）)]"
    r"|((?:19|20)\d\d)\s*年?\s*[-－—–~～至到]\s*((?:19|20)\d\d)\s*年"
)
FIVE_YEAR_RE = re.compile(r"(十[一二三四五六]?)五(?![年万亿元%])")
_CN_ORDINALS = {"十": 10, "十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15, "十六": 16}


_FULL_WIDTH = str.maketrans({ch: unicodedata.normalize("NFKC", ch) for ch in "０１２３４５６７８９．％"})
_FULL_WIDTH_CHAR = re.compile("[０-９．％]")


def normalise_digits(text: str) -> str:
    """Full-width digits, ``．`` and ``％`` to ASCII (one character each: offsets stay valid)."""
    return text.translate(_FULL_WIDTH) if _FULL_WIDTH_CHAR.search(text) else text  # translate is slow


def parse_chinese_integer(text: str) -> int:
    """``一千`` → 1000, ``二十`` → 20, ``十四`` → 14, ``三千五百万`` → 35000000, ``二〇二一`` → 2021."""
    text = text.strip()
    if not text:
        raise ValueError("empty Chinese number")
    if all(ch in _DIGITS for ch in text):  # digit by digit: 二〇二一
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        elif ch in _BIG_UNITS:
            section += digit or 0
            total = (total + section) * _BIG_UNITS[ch] if _BIG_UNITS[ch] > 10**4 else total + section * _BIG_UNITS[ch]
            section, digit = 0, None
        else:
            raise ValueError(f"not a Chinese numeral: {ch!r} in {text!r}")
    return total + section + (digit or 0)


def parse_number(text: str) -> Decimal:
    """A number as written: ``84.11``, ``10,252``, ``２０``, ``二十``, ``三点五``, ``2.1万`` (→ 21000)."""
    raw = normalise_digits(text).strip().replace(" ", "")
    mult = Decimal(1)
    for suffix, factor in MULTIPLIERS.items():
        if raw.endswith(suffix) and len(raw) > len(suffix) and raw[: -len(suffix)][-1:].isdigit():
            raw, mult = raw[: -len(suffix)], factor
            break
    raw = raw.replace(",", "").replace("，", "")
    if not raw:
        raise ValueError(f"not a number: {text!r}")
    try:
        if re.fullmatch(r"\d+(?:\.\d+)?", raw):
            return Decimal(raw) * mult
        whole, _, frac = raw.partition("点")
        value = Decimal(parse_chinese_integer(whole)) if whole else Decimal(0)
        if frac:
            value += Decimal("0." + "".join(str(_DIGITS[ch]) for ch in frac))
        return value * mult
    except (ValueError, KeyError, InvalidOperation):
        raise ValueError(f"not a number: {text!r}") from None


def decimal_text(value: Decimal) -> str:
    """The canonical xsd:decimal lexical form: ``8411000000``, ``3.35``, never ``8.411E+9``."""
    return _decimal_text(value, value.is_signed())  # the sign apart: -0 == 0 would share a cache entry


@lru_cache(maxsize=8192)
def _decimal_text(value: Decimal, signed: bool) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True)
class Amount:
    """An amount of money in yuan found at ``[start, end)`` of the text searched."""

    value: Decimal
    is_maximum: bool
    start: int
    end: int
    text: str


def _to_yuan(number: str, mult: str | None) -> Decimal:
    return parse_number(number) * (MULTIPLIERS[mult] if mult else Decimal(1))


def _amount_from(match: re.Match[str], max_before: bool) -> Amount:
    if match.group("num") is not None:
        value = _to_yuan(match.group("num"), match.group("mult1"))
        return Amount(value, max_before, match.start(), match.end(), match.group())
    mult = match.group("mult")
    high = _to_yuan(match.group("high"), mult)
    return Amount(high, True, match.start(), match.end(), match.group())


_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:\n]")


def find_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every amount of money in ``text[start:end]``; a maximum cue earlier in its clause makes it a maximum."""
    stop = len(text) if end is None else end
    found: list[Amount] = []
    if text.find("元", start, stop) < 0:
        return found  # every amount ends with 元 (and the pattern is slow to run for nothing)
    for match in AMOUNT_RE.finditer(text, start, stop):
        number = match.group("num") or match.group("low")
        mult = match.group("mult1") or match.group("mult") or match.group("lowmult")
        if re.fullmatch(CN_NUM, number or "") and not (mult or _plausible_chinese(number)):
            continue
        clause_start = start
        for brk in _CLAUSE_BREAK.finditer(text, start, match.start()):
            clause_start = brk.end()
        before = text[clause_start : match.start()]
        after = text[match.end() : match.end() + 4]
        is_max = bool(MAX_CUE.search(before)) or after.startswith(("以内", "封顶", "为上限"))
        try:
            found.append(_amount_from(match, is_max))
        except ValueError:
            continue
    return found


def _plausible_chinese(number: str) -> bool:
    """``一千`` or ``二十`` yes; a lone ``一`` or ``千`` from a word like ``一批`` / ``数千`` no."""
    return len(number) >= 2 or number in "二三四五六七八九十百"


def parse_amount(text: str) -> Amount | None:
    """The first amount of money in ``text`` (``最高2亿元`` → 200000000, maximum), or None."""
    found = find_amounts(text)
    return found[0] if found else None


def parse_year(text: str) -> int | None:
    """``2021年`` / ``2021`` / ``二〇二五年`` → the year, or None."""
    match = _YEAR_RE.search(normalise_digits(text))
    if not match:
        return None
    token = match.group(1)
    return int(token) if token.isdigit() else parse_chinese_integer(token)


def five_year_period(ordinal: str) -> tuple[int, int] | None:
    """``十四`` (of ``十四五``) → (2021, 2025); from the third plan on (1966) they run back to back."""
    n = _CN_ORDINALS.get(ordinal)
    if n is None:
        return None
    start = 1966 + 5 * (n - 3)
    return start, start + 4


def parse_period(text: str) -> tuple[int, int] | None:
    """A plan period from a title: ``“十四五”`` → (2021, 2025), ``（2021-2023年）`` → (2021, 2023),
    ``2021年总结及2022年计划`` → (2021, 2022)."""
    text = normalise_digits(text)
    match = _PERIOD_RE.search(text)
    if match:
        a, b = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        return int(a), int(b)
    five = FIVE_YEAR_RE.search(text)
    if five and (period := five_year_period(five.group(1))):
        return period
    years = [int(y) for y in re.findall(r"((?:19|20)\d\d)\s*年", text)]
    if years:
        return min(years), max(years)
    return None


_QTY_UNITS = r"个百分点|%|万平方米|平方米|亩|家|个|人次|人|名|件|项|所|座|支|场|倍|篇|台|套|元"
# a quantity as stated for an indicator: Arabic digits only (Chinese numerals are mostly words
# like 一批/十大), an optional 万/亿 multiplier, a unit; not a rank (第3位), fraction (1/3) or code (G60)
QUANTITY_RE = re.compile(
    rf"(?<![\dA-Za-z./第])(?P<num>{ARABIC})\s*(?P<mult>万亿|亿|万)?\s*(?P<unit>{_QTY_UNITS})"
)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, e.g. ``1.9 万家`` → 19000 家, ``84.11 亿元`` → 84.11 亿元."""

    value: Decimal
    unit: str
    start: int
    end: int


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Numbers with units in ``text[start:end]``; 万 is folded into counts, kept in money and area units."""
    stop = len(text) if end is None else end
    piece = normalise_digits(text[start:stop])  # same length: offsets stay valid
    found = []
    for match in QUANTITY_RE.finditer(piece):
        value = Decimal(match.group("num").replace(",", "").replace("，", ""))
        mult, unit = match.group("mult"), match.group("unit")
        if unit == "元":
            unit = f"{mult or ''}元"
        elif unit in ("平方米",) and mult:
            unit = f"{mult}{unit}"
        elif mult:
            value *= MULTIPLIERS[mult]
        found.append(Quantity(value, "%" if unit == "％" else unit, start + match.start(), start + match.end()))
    return found
