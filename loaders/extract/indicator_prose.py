"""Indicator values stated in prose: targets (到2023年，…达1600家) and results (…达10252家).

A number becomes an indicator value only when it has a unit, an indicator-like subject
(企业, 机构, 人才, 比重, 产值, …) and a year or status cue: an explicit year (``到2025年``,
``2020年，``, ``截至2020年底``), a period cue (``“十四五”末``), or a section whose heading says
what its numbers are (发展目标 → targets, 发展基础/回顾 → results). Growth rates (增长35%),
ranks (第3位), shares of a whole (占全省的1/3), approximations (50多家) and thresholds that
qualify another count (年纳税超1000万元的孵化器达100家) are not indicator values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from stikg.loaders.numbers import Quantity, find_quantities
from stikg.loaders.places import find_places

__all__ = ["Cue", "StatedValue", "find_year_cues", "values_in"]

DELIMS = re.compile(r"[，,；;。！？!?：:\n]")
_KEYWORD = re.compile(
    r"企业|机构|人才|专家|专利|孵化器|众创空间|加速器|载体|平台|中心|实验室|项目|团队|投入|比重|占比|比例|产值"
    r"|收入|支出|成交额|经费|面积|率|数|量|额|人员|研究院|研究所|工作站|基地|科学家|经纪人|经理人|联合体|高企|院士"
    r"|社区|资金|规模|专员|论文|标准|独角兽|瞪羚|高校|院所|大学|智力|外籍|工程师|博士|学者|(?<=[\u4e00-\u9fa5])企"
)
_SKIP_CLAUSE = re.compile(
    r"增长|提高|增加|下降|减少|翻番|同比|较上年|排名|位列|位居|居全|之一|占全省|占全国|高于|低于"
)
_LEAD = re.compile(
    r"^(?:\*+|其中|并|和|及|且|与|同时|全面|进一步|努力|力争|确保|争取|计划|预计|实现|完成|达成|新增了|集聚了|建成了|拥有|建有|"
    r"全市|全区|全县|全省|已|共|总计|合计|—+|——|\s|[一二三四五六七八九十]+是|\d+[.、．])+"
)
_TRAIL = re.compile(
    r"(?:累计达到|累计达|达到了|达到|达|超过|超|突破|为|有|约|近|保持|稳定在|不少于|不低于|以上|左右|预计|力争|实现|\s)+$"
)
_YEAR = re.compile(
    r"((?:到|至|截至|截止|力争到|力争至|争取到|在)\s*)?((?:19|20)\d\d)\s*年\s*(底|末|年底|年末)?"
)
_TIMES_OF = re.compile(r"的\s*[\d.０-９]+\s*倍")
_BEFORE_YEAR_SKIP = re.compile(r"(较|比|与|相比|同比|自|从|于|“)\s*$")
_SHARE = re.compile(r"比重|占比|比例|率|占|贡献|份额|水平")
_ESTIMATE = re.compile(r"预计|预估|估计")
_MODIFIER_AFTER = re.compile(r"^\s*(?:以上|以下)?的")
_MEASURE_BEFORE = re.compile(r"(?:[^金]额|总额|总量)\s*(?:累计)?(?:达到|达|为|超过|突破)?\s*$")
_BARE_VERB = re.compile(r"^(?:布局|建设|建成|新建|引进|培育|认定|集聚|打造|组建|设立|落地|实现|新增)$")
_OBJECT_AFTER_VERB = re.compile(r"^.*(?:建设|建立|布局|引进|培育|打造|组建|设立|集聚)(?=[\u4e00-\u9fa5]{3,})")
_WHOLE = re.compile(r"^(?:总数|总量|数量|总计|合计)$")
_RATIO_OF = re.compile(r"^占")
# a subject that starts with a company's full name: the figure is the company's (甲股份有限公司全年实现营业收入…)
_COMPANY_SUBJECT = re.compile(
    r"^[\u4e00-\u9fa5（）()]{2,30}?(?:有限公司|股份公司|集团公司)(?=[\u4e00-\u9fa5])"
)


@dataclass(frozen=True)
class Cue:
    """A year cue at ``pos``: ``year`` and whether it announces a target (到/至 2025年)."""

    pos: int
    year: int
    target: bool


@dataclass(frozen=True)
class StatedValue:
    wording: str  # the indicator as worded in the text
    value: Decimal
    unit: str
    start: int
    end: int
    estimate: bool  # 预计 before the value in its clause


def find_year_cues(text: str, start: int, end: int) -> list[Cue]:
    """Year cues in ``text[start:end]`` that set the reference year of what follows them."""
    cues: list[Cue] = []
    if text.find("年", start, end) < 0:
        return cues  # every cue has 年 (and the pattern is slow to run for nothing)
    for match in _YEAR.finditer(text, start, end):
        if _BEFORE_YEAR_SKIP.search(text[max(start, match.start() - 3) : match.start()]):
            continue
        nxt = text[match.end() : match.end() + 2]
        if nxt[:1] in "度间内代" or nxt.startswith(("以来", "前", "后", "计划", "总结")):
            continue
        if nxt[:1] == "的" and _TIMES_OF.match(text, match.end(), min(end, match.end() + 12)):
            continue  # 是2015年的2.6倍: the base of a comparison, not the year of what follows
        cues.append(
            Cue(match.end(), int(match.group(2)), bool(match.group(1)) and "截" not in match.group(1))
        )
    return cues


def _clause_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    start = lo
    for brk in DELIMS.finditer(text, lo, pos):
        start = brk.end()
    brk = DELIMS.search(text, pos, hi)
    return start, brk.start() if brk else hi


def _subject_before(text: str, lo: int, pos: int) -> str:
    """The words between the clause start (or the previous 、) and a value."""
    return _subject_of(text[lo:pos])


@lru_cache(maxsize=16384)
def _subject_of(piece: str) -> str:
    """``_subject_before`` of the text before a value (cached: the same wordings recur)."""
    piece = re.sub(r"[（(][^（）()]{1,6}[）)]", "", piece)
    piece = re.split(r"[、（(）)]|(?:(?:19|20)\d\d\s*年(?:底|末)?)", piece)[-1]
    piece = _LEAD.sub("", piece.strip())
    return _TRAIL.sub("", piece).strip()


def _subject_after(text: str, pos: int, hi: int) -> str:
    """The noun after a value written number-first (853家高新技术企业)."""
    match = re.match(r"[^，,；;。、：:（(\n]{2,30}", text[pos:hi])
    return _TRAIL.sub("", match.group()).strip() if match else ""


def values_in(text: str, start: int, end: int) -> list[StatedValue]:
    """Indicator values in one sentence ``text[start:end]`` (no year or status decided here)."""
    quantities = find_quantities(text, start, end)
    found: list[StatedValue] = []
    previous_subject = ""
    for i, qty in enumerate(quantities):
        lo, hi = _clause_bounds(text, qty.start, start, end)
        if _dropped(text, qty, quantities[i + 1 :], lo, hi):
            continue
        respective = text.find("分别", lo, qty.start)
        if respective >= 0 and (pair := _respective(text, qty, quantities, found, lo, hi, respective)):
            estimate = bool(_ESTIMATE.search(text[lo : qty.start]) or _ESTIMATE.match(text[start : start + 4]))
            found.append(StatedValue(pair, qty.value, qty.unit, qty.start, qty.end, estimate))
            continue  # A 186人、B 412人，累计分别达到1360人和3820人: the n-th value is the n-th subject's
        subject = _subject_before(text, lo, qty.start)
        if subject.startswith("含"):
            continue  # （含今年公示数157家）: a part of the count before it
        if _KEYWORD.search(subject) and _in_breakdown(text, start, qty.start):
            continue  # 衍生企业907家（其中获评高新技术企业87家）: a part of another count, not the region's total
        if _WHOLE.match(subject) and previous_subject:  # 新增研发机构86家，总数达到1012家
            subject = re.sub(r"^(?:全年|累计|净增|新增|其中)+", "", previous_subject) + subject
        elif not _KEYWORD.search(subject) or subject.endswith(
            ("等", "了", "的", "建设", "新建", "集聚", "引进")
        ):
            subject = _fallback_subject(text, start, lo, qty, hi, subject, previous_subject)
            if not subject:
                continue
        subject = re.sub(r"^.*等(?=[\u4e00-\u9fa5]{4,})", "", subject)
        if _RATIO_OF.match(subject) and previous_subject:  # 研发投入235亿元，占地区生产总值比重4.95%
            subject = re.sub(r"^(?:全年|累计|新增)+", "", previous_subject) + subject
        if len(subject) < 3 or re.fullmatch(r"[\d.%万亿元\s]+", subject):
            continue
        if "公司" in subject and _COMPANY_SUBJECT.match(subject):
            continue  # one company's revenue or output, not the region's
        if qty.unit == "%" and not (_SHARE.search(text[lo : qty.start]) or _SHARE.search(subject)):
            continue  # a percentage needs a share-like subject (比重, 率, 占比)
        previous_subject = subject
        estimate = bool(_ESTIMATE.search(text[lo : qty.start]) or _ESTIMATE.match(text[start : start + 4]))
        found.append(StatedValue(subject, qty.value, qty.unit, qty.start, qty.end, estimate))
    return found


_NEW = re.compile(r"^(?:全年|当年|年内|新|新增|新引进|新入选|新认定|引进|入选|认定|培育)+")


def _respective(
    text: str, qty: Quantity, quantities: list[Quantity], found: list[StatedValue], lo: int, hi: int, cue: int
) -> str:
    """The subject of a value after 分别 in its clause: the earlier values of the sentence in the same
    unit, in order, one per value of the clause (``""`` when they do not pair up, or when the clause
    names its own subjects before 分别: 其中A、B分别为10万、6万平方米)."""
    group = [q for q in quantities if cue < q.start < hi and q.unit == qty.unit]
    earlier = [v for v in found if v.end <= lo and v.unit == qty.unit]
    if qty not in group or len(group) < 2 or len(earlier) < len(group) or "、" in text[lo:cue]:
        return ""
    base = earlier[len(earlier) - len(group) + group.index(qty)].wording
    prefix = "累计" if "累计" in text[lo:cue] else ""
    return prefix + _NEW.sub("", base)


_BREAKDOWN = re.compile(r"\d\s*[\u4e00-\u9fa5]{0,2}\s*[（(]\s*其中")  # 907 家（其中


def _in_breakdown(text: str, start: int, pos: int) -> bool:
    """True inside a parenthesis opened by 其中 right after a count: the values in it break that count down."""
    opened = max(text.rfind("（", start, pos), text.rfind("(", start, pos))
    if opened < 0 or max(text.rfind("）", opened, pos), text.rfind(")", opened, pos)) >= 0:
        return False
    return bool(_BREAKDOWN.search(text, max(start, opened - 6), min(pos, opened + 4)))


def _fallback_subject(
    text: str, start: int, lo: int, qty: Quantity, hi: int, subject: str, previous_subject: str
) -> str:
    """The noun after a number-first value, the earlier subject for 累计/净增, or the clause before."""
    after = _subject_after(text, qty.end, hi)
    if _KEYWORD.search(after) and not re.search(r"\d", after):
        return after
    modifier = re.sub(r"^其中", "", subject)
    if (
        previous_subject
        and (1 < len(modifier) <= 4 or (len(modifier) <= 12 and _is_place(modifier)))
        and re.fullmatch(r"[\u4e00-\u9fa5]+", modifier)
    ):
        return modifier + re.sub(r"^(累计|净增|新增|其中|建有|建成)+", "", previous_subject)  # 其中国家级9家
    if re.match(r"其中|[（(]", text[lo : qty.start].strip()):
        return ""
    prefix = re.match(r"(累计|净增|新增)", text[lo : qty.start].strip())
    if prefix and _TRAIL.sub("", re.sub(r"^(?:累计|净增|新增)+", "", subject)).strip():
        return ""  # 累计获得收益13200万元: a different measure, not the earlier subject again
    base = re.sub(r"^(累计|净增|新增|其中)+", "", previous_subject)
    if previous_subject and (prefix or not subject):
        return (prefix.group() if prefix else "") + base
    if (not subject or _BARE_VERB.match(subject)) and lo > start:
        clause = _subject_before(text, _clause_bounds(text, lo - 1, start, lo)[0], lo - 1)
        clause = _OBJECT_AFTER_VERB.sub("", clause)  # …地区建设海外离岸创新中心，2022年布局10家
        if _KEYWORD.search(clause) and not re.search(r"\d", clause):
            return clause
    return ""


@lru_cache(maxsize=4096)
def _is_place(words: str) -> bool:
    """``words`` is one place name (苏州工业园区), as in a breakdown by place: 其中苏州工业园区2510家."""
    places = find_places(words)
    return bool(places) and places[0].start == 0 and places[0].end == len(words)


def _dropped(text: str, qty: Quantity, later: list[Quantity], lo: int, hi: int) -> bool:
    """Growth, ranks, shares of a whole, approximations, money amounts and thresholds are no values."""
    before = text[lo : qty.start]
    after = text[qty.end : hi]
    if _SKIP_CLAUSE.search(before[-12:]):
        return True
    if (
        (before.rstrip().endswith("的") and qty.unit == "%")
        or _MODIFIER_AFTER.match(after)
        or qty.unit == "个百分点"
    ):
        return True
    if (
        qty.unit.endswith("元")
        and re.search(r"给予|支持|补助|资助|奖励|补贴|贷|出资|募资|基金|减免|扣除|安排", before + after[:8])
        and not _MEASURE_BEFORE.search(before)
    ):
        return True  # a funding amount, see funding.py (加计扣除额达到630亿元 is a measure, kept)
    if qty.unit.endswith("元") and re.search(r"最高|不超过|不高于|上限|封顶", before[-8:]):
        return True  # a cap on support (单个企业每年最高10万元)
    # a value followed in the same clause by another value qualifies it (超1000万元的孵化器达100家)
    return any(
        nxt.start < hi
        and not DELIMS.search(text, qty.end, nxt.start)
        and not re.search(r"[、和及（(）)]", text[qty.end : nxt.start])
        for nxt in later[:1]
    )
