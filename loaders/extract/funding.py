"""Funding instruments: grants, loans, equity, tax incentives, vouchers, awards and insurance.

A funding instrument is an amount of money (or a percentage rate) in a clause that says
money is given or lent (给予, 支持, 补助, 奖励, 贷款, 出资, 基金, 减免, …). The amount is
normalised to yuan (最高2亿元 → 200000000, a maximum; 50-100万元 → its upper bound, a
maximum); a percentage becomes ``stikg:rate``. Amounts that only qualify a target
(设备投入5000万元以上的项目, 年纳税超1000万元的孵化器) or report turnover, output or contract
value are not funding. The kind comes from the words around the amount, most specific first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from stikg.graph.vocab import RDFS, STIKG, XSD
from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document, Table
from stikg.loaders.numbers import ARABIC, MAX_CUE, Amount, decimal_text, find_amounts, parse_number
from stikg.loaders.rdf import GraphBuilder, iri, lit

__all__ = ["FundingFact", "extract", "funding_facts"]

_HINT = re.compile(r"元|[%％]|\d\s*[亿万]")  # sentences that can hold an amount or a rate
_HINT_CHAR = re.compile(
    r"[元%％亿万]"
)  # a character every _HINT match has: a one-set scan skips most sentences
_CLAUSE = re.compile(r"[，,；;。！？!?：:\n]")
_GIVE = re.compile(
    r"发放|拨付|兑现|下达|给予|予以|支持|补助|资助|奖补|补贴|奖励|扶持|安排|贴息|贷款|解决贷款|出资|募资|基金|减免|扣除|经费|投资|授信|资金"
)
_NOT_FUNDING = re.compile(
    r"成交额|合同金额|产值|收入|营收|销售|纳税|收益|税收贡献|注册资本|交易额|研发经费投入|投入建设|设备投入|投资额"
)
_THRESHOLD_AFTER = re.compile(r"^\s*(?:以上|以下|及以上)")
# money lent or provided, then how much: 提供贷款超过50亿元, 获得信贷资金超10亿元 (not 贷款超过1亿元的企业)
_LENT_SO_FAR = re.compile(
    r"(?:贷款|授信|(?:信贷|专项|扶持|引导|财政)资金)(?:累计|总额|规模|总量)?\s*(?:超|超过|达到?)\s*$"
)
# a clause that only gives the size of what the clause before it hands out (继续发放创新券，年度额度不少于…元;
# 每年安排专项资金…，三年累计投入不少于…元)
_SIZE_OF_PRIOR = re.compile(
    r"^\s*(?:(?:年度|每年|全年|年均|首期)?(?:总)?(?:额度|总额|规模|总量)"
    r"|(?:[一二三四五六七八九十两\d]+年)?(?:累计|合计|共计)(?:投入|安排|投资)?(?:总额|总量)?)"
    r"\s*(?:不少于|不低于|为|达到?|约)?\s*$"
)
_RATE = re.compile(rf"(?P<num>{ARABIC})\s*[%％]")
_RATE_CUE = re.compile(r"给予|补助|补贴|资助|奖励|贴息|按|加计扣除|支持")
_KINDS = (
    (re.compile(r"保险|投保|苏转保"), "Insurance"),
    (re.compile(r"券"), "Voucher"),
    (re.compile(r"科贷通|贷款|信贷|贷|授信"), "LoanProduct"),
    (re.compile(r"基金|股权|天使投资|出资|参股|募资"), "EquityInvestment"),
    (re.compile(r"税|加计扣除"), "TaxIncentive"),
    (re.compile(r"奖补|补助|补贴|资助|经费"), "Grant"),
    (re.compile(r"奖励|奖"), "Award"),
)
_PRODUCT = re.compile(
    r"“([^”]{2,12}(?:贷|券|保|基金|通))”|([\u4e00-\u9fa5]{2,10}(?:基金|创新券|科技券)|[\u4e00-\u9fa5]{1,3}贷通"
    r"|研发费用?加计扣除)"
)
_FUND_WITHOUT_YUAN = re.compile(
    rf"(?P<num>{ARABIC})\s*(?P<mult>亿|万)\s*(?:元)?(?=[\u4e00-\u9fa5]{{0,6}}基金)"
)


@dataclass
class FundingFact:
    kind: str  # Grant, LoanProduct, EquityInvestment, TaxIncentive, Voucher, Award, Insurance
    label: str
    supports: str
    start: int  # the sentence
    end: int
    amounts: list[Amount] = field(default_factory=list)
    rate: Decimal | None = None
    rate_is_maximum: bool = False


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds, cursor = [], start
    for brk in _CLAUSE.finditer(text, start, end):
        if brk.start() > cursor:
            bounds.append((cursor, brk.start()))
        cursor = brk.end()
    if cursor < end:
        bounds.append((cursor, end))
    return bounds


def _is_funding(text: str, amount: Amount, lo: int, hi: int, sentence: str, prior: str = "") -> bool:
    before, after = text[lo : amount.start], text[amount.end : hi]
    if _THRESHOLD_AFTER.match(after) or (
        re.match(r"^\s*的", after) and not re.search(r"基金|资金|支持|补助|奖励|补贴|奖补|资助", after[:15])
    ):
        return False
    if _NOT_FUNDING.search(before[-10:]):
        return False
    if (
        re.search(r"(?<!不)(?:超|超过|达到?)\s*$", before)
        and not MAX_CUE.search(before)
        and not (_LENT_SO_FAR.search(before) and not re.match(r"^\s*的", after))
    ):
        return False  # 超过1000万元 is a threshold, 最高可达2000万元 a cap, 发放贷款超过50亿元 money lent
    if _GIVE.search(text[lo:hi]):
        return True
    if _SIZE_OF_PRIOR.match(before) and _GIVE.search(prior):
        return True  # ``prior``: the clause before, in the same sentence
    # a cap in a clause of its own (…给予补助，单个企业每年不超过二十万元 / …予以抵扣，单家企业最高30万元)
    return amount.is_maximum and bool(_GIVE.search(sentence) or re.search(r"抵扣|抵用|兑付|申领|券", sentence))


def _kind(*contexts: str) -> str:
    for context in contexts:
        for pattern, kind in _KINDS:
            if pattern.search(context):
                return kind
        if re.search(r"给予|支持|安排|予以", context):
            return "Grant"  # the clause says what is given; words elsewhere in the sentence do not count
    return "Grant"


def _supports(text: str, sent_start: int, lo: int, pos: int) -> str:
    """What the money is for: ``对X给予`` → X, else the subject of the sentence's first clause."""
    clause = text[lo:pos]
    match = re.search(
        r"(?:对|为|向)(?P<x>[^，。；]{2,60}?)(?:最高)?(?:按|给予|予以|提供|解决|分类|分阶段|分别|定期|根据|每年|一次性|$)",
        clause,
    )
    if match:
        return _tidy(match.group("x"))
    first = _clauses(text, sent_start, pos)
    head = text[first[0][0] : first[0][1]] if first else clause
    head = re.sub(r"^\d+[.、．]\s*[^。]{0,16}?。", "", head)  # a run-in heading "1.建设高能级平台。"
    return _tidy(re.sub(r"^(?:支持|鼓励|推动|加快|积极|大力|全面)+", "", head))


def _tidy(text: str) -> str:
    text = re.sub(r"^对", "", text.strip())
    text = re.sub(
        r"(?:分类分阶段|分阶段|分类|分别|定期择优|择优|每年|每项|一次性|最高|符合条件的)+$", "", text.strip()
    )
    return re.sub(r"\s+", "", text)[:60]


def _label(text: str, lo: int, hi: int, sent: str, kind: str, supports: str) -> str:
    product = _PRODUCT.search(text, lo, hi) or _PRODUCT.search(sent)
    if product:
        return re.sub(r"^[亿万元]+", "", product.group(1) or product.group(2))
    return f"{supports}支持" if supports else {"Grant": "资金支持"}.get(kind, kind)


def funding_facts(doc: Document) -> list[FundingFact]:
    """Every funding instrument with an amount or a rate, sentence by sentence."""
    text, facts = doc.text, []
    for sent in doc.sentences:
        if not _HINT_CHAR.search(text, sent.start, sent.end) or not _HINT.search(text, sent.start, sent.end):
            continue
        for lo, hi in _clauses(text, sent.start, sent.end):
            facts.extend(_clause_facts(text, sent.start, sent.end, lo, hi))
    for table in doc.tables:
        facts.extend(_table_facts(table))
    return facts


# a column of amounts whose unit is in its header: 奖励标准（万元）, 资助金额(元)
_MONEY_HEADER = re.compile(r"[（(]\s*(万元|亿元|元)\s*[）)]")
_AWARD_HEADER = re.compile(r"奖|补|资助|扶持|支持|贴息")
_MONEY_CELL = re.compile(rf"^(?P<cap>最高|不超过|上限)?\s*(?P<num>{ARABIC})\s*(?P<after>以内|封顶)?$")


def _table_facts(table: Table) -> list[FundingFact]:
    """Amounts in a table of support standards, the unit given once in the column header (no 元 in the cells)."""
    columns = [
        (i, Decimal(10) ** {"万元": 4, "亿元": 8, "元": 0}[m.group(1)])
        for i, h in enumerate(table.header)
        if (m := _MONEY_HEADER.search(h)) and _AWARD_HEADER.search(h + table.caption)
    ]
    facts = []
    for i, factor in columns:
        kind = _kind(table.header[i], table.caption)
        for row in table.rows:
            if i >= len(row) or not (cell := _MONEY_CELL.match(row[i].text.strip())):
                continue
            supports = _tidy("".join(c.text for c in row[:i] if c.text.strip()))
            value = parse_number(cell.group("num")) * factor
            amount = Amount(value, bool(cell.group("cap") or cell.group("after")), row[i].start, row[i].end, row[i].text)
            label = f"{supports}{table.header[i].split('（')[0].split('(')[0]}" if supports else table.header[i]
            facts.append(FundingFact(kind, label, supports, row[i].start, row[i].end, [amount]))
    return facts


def _clause_facts(text: str, s_start: int, s_end: int, lo: int, hi: int) -> list[FundingFact]:
    sentence = text[s_start:s_end]
    prior = _CLAUSE.split(text[s_start:lo].rstrip("，,；; "))[-1]
    amounts = [a for a in find_amounts(text, lo, hi) if _is_funding(text, a, lo, hi, sentence, prior)]
    amounts += _fund_sizes(text, lo, hi, amounts)
    rates = [m for m in _RATE.finditer(text, lo, hi) if _is_rate(text, m, lo, hi)]
    if not amounts and not rates:
        return []
    clause = text[lo:hi]
    facts = []
    for i, amount in enumerate(amounts or [None]):
        pos = amount.start if amount else rates[0].start()
        kind = _kind(clause, sentence)
        supports = _supports(text, s_start, lo, pos)
        fact = FundingFact(kind, _label(text, lo, hi, sentence, kind, supports), supports, s_start, s_end)
        if amount:
            fact.amounts.append(amount)
        if rates and i == 0:
            fact.rate = Decimal(rates[0].group("num"))
            fact.rate_is_maximum = bool(MAX_CUE.search(text[lo : rates[0].start()]))
        facts.append(fact)
    return facts


def _is_rate(text: str, match: re.Match[str], lo: int, hi: int) -> bool:
    after = text[match.end() : hi]
    if _THRESHOLD_AFTER.match(after) or re.search(r"增长|占比|比重|提高", text[lo : match.start()]):
        return False
    return bool(_RATE_CUE.search(text[lo:hi]))


def _fund_sizes(text: str, lo: int, hi: int, known: list[Amount]) -> list[Amount]:
    """Fund sizes written without 元: ``60 亿天使母基金``."""
    found = []
    for match in _FUND_WITHOUT_YUAN.finditer(text, lo, hi):
        if any(a.start <= match.start() < a.end for a in known):
            continue
        value = parse_number(match.group("num")) * (Decimal(10) ** (8 if match.group("mult") == "亿" else 4))
        found.append(Amount(value, False, match.start(), match.end(), match.group()))
    return found


# terms as pyoxigraph nodes, made once (an rdflib namespace lookup per triple costs more than the triple)
_T = {
    name: iri(str(term))
    for name, term in {
        "label": RDFS.label,
        "supports": STIKG.supports,
        "rate": STIKG.rate,
        "MonetaryAmount": STIKG.MonetaryAmount,
        "amountValue": STIKG.amountValue,
        "currency": STIKG.currency,
        "isMaximum": STIKG.isMaximum,
        "amount": STIKG.amount,
        **{
            kind: STIKG[kind]
            for kind in (
                "Grant",
                "LoanProduct",
                "EquityInvestment",
                "TaxIncentive",
                "Voucher",
                "Award",
                "Insurance",
            )
        },
    }.items()
}
_DECIMAL, _BOOLEAN = str(XSD.decimal), str(XSD.boolean)


def extract(doc: Document, ctx: ExtractionContext, out: GraphBuilder) -> None:
    t = _T
    for fact in funding_facts(doc):
        node = out.fact("funding", t[fact.kind].value, fact.start, fact.end)
        out.add(node, t["label"], lit(fact.label, lang="zh"))
        if fact.supports:
            out.add(node, t["supports"], lit(fact.supports, lang="zh"))
        if fact.rate is not None:
            out.add(node, t["rate"], lit(decimal_text(fact.rate), datatype=_DECIMAL))
        for amount in fact.amounts:
            money = out.fact("amount", t["MonetaryAmount"].value, amount.start, amount.end)
            out.add(money, t["amountValue"], lit(decimal_text(amount.value), datatype=_DECIMAL))
            out.add(money, t["currency"], lit("CNY"))
            out.add(money, t["isMaximum"], lit("true" if amount.is_maximum else "false", datatype=_BOOLEAN))
            out.add(node, t["amount"], money)
