"""Plan metadata: the document node (type, title, number, issuer, date, period, governed region).

Rules, in order of evidence:

* title: the name inside ``关于印发《…》的通知`` when the document is a cover notice, else the
  first lines up to one that ends in a document-type word (规划, 计划, 措施 …); status notes
  such as ``（征求意见稿）``, markup and line breaks are dropped;
* type: from the title's last words (工作总结/工作要点 → WorkReport, 行动计划/行动方案 →
  ActionPlan, 规划/纲要 → Plan, 措施/意见/办法 → PolicyMeasures);
* number: a ``发文字号：``/``文号：`` field (the 政府信息公开 block of a web page), else the first
  number in the head that is not a citation (``《…》（苏府〔2021〕24号）``, ``…号文件``), else a
  number standing on its own line at the end;
* issue date: the signature date, else a ``成文日期：``/``发文日期：`` field;
* issuer: the signing body above the signature date; when no body signs, the body heading the
  cover notice or title (``苏州市相城区人民政府办公室关于印发…``; of joint bodies the first), else
  the people's government of the governed region (相城区 → 苏州市相城区人民政府, 苏州市 → 苏州市人民政府);
* governed region: the most local place named in the title (else in the issuer's name);
* period: ``“十四五”`` → 2021–2025, ``（2021-2023年）``, ``2021年总结及2022年计划`` → 2021–2022;
  without one in the title, a period stated near the top (``实施期限为2024年至2026年``,
  ``规划期为2021—2025年``), else a policy's term of validity (``自2023年3月1日起施行，有效期至2025年…``;
  ``自发布之日起施行`` starts in the year of issue).
"""

from __future__ import annotations

import re
from datetime import date

from stikg.graph.iris import entity_iri
from stikg.graph.vocab import DCTERMS, ORG, STIKG, XSD
from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document
from stikg.loaders.numbers import normalise_digits, parse_chinese_integer, parse_period
from stikg.loaders.places import PlaceInfo, find_places, resolve_place
from stikg.loaders.rdf import GraphBuilder, iri, lit

__all__ = ["DocumentMeta", "extract", "read_metadata"]

_HEAD = 3000  # cover notices and titles sit at the top
_TAIL = 600  # signatures, 版记 and the fields a web page's 政府信息公开 block leaves at the end
_NOTICE = re.compile(r"关于印发\s*《?(?P<title>[^《》]{4,120}?)》?\s*的\s*通\s*知", re.S)
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fa5]{1,12}[〔\[［【(（]\s*(?:19|20)\d\d\s*[〕\]］】)）]\s*\d{1,4}\s*号")
# the part of a number after its issuer's short name: found fast, and a number starts at most 12 characters before it
_NUMBER_CORE = re.compile(r"[〔\[［【(（]\s*(?:19|20)\d\d\s*[〕\]］】)）]\s*\d{1,4}\s*号")
_TYPE_WORDS = re.compile(r"(规划|纲要|计划|方案|措施|意见|办法|细则|要点|总结|政策|通知|决定|条例|思路|报告)$")
_NOT_TITLE = re.compile(r"^(?:第[一二三四五六七八九十]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])|[，。；：]")
_STATUS_NOTE = re.compile(r"[（(](?:征求意见稿|送审稿|草案|试行|讨论稿|修订稿|此件公开发布)[）)]")
_MARKUP = re.compile(r"\[bookmark:[^\]]*\]|^#+\s*|\*\*|^页")
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fa5“”《》（）])\s+|\s+(?=[\u4e00-\u9fa5“”《》（）])")
_DATE = re.compile(
    r"^\s*((?:19|20)\d\d|[一二][〇○零0０OＯ一二三四五六七八九]{3})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$",
    re.M,
)
_ISSUER = re.compile(r"^[\u4e00-\u9fa5（）()]{2,40}(人民政府办公室|人民政府|办公室|委员会|管委会|管理委员会|局|厅|部|委|政府|院)$")
# a number the text cites, not the document's own: 《…》（苏府〔2021〕24号）, 苏府〔2021〕24号文件
_CITED_BEFORE = re.compile(r"》\s*[（(]\s*$")
_CITED_AFTER = re.compile(r"^\s*文")
_LINE_NUMBER = re.compile(
    r"^[ \t　]*[（(]?[ \t　]*(?P<number>[\u4e00-\u9fa5]{1,12}[〔\[［【(（]\s*(?:19|20)\d\d\s*[〕\]］】)）]\s*\d{1,4}\s*号)"
    r"[ \t　]*[）)]?[ \t　]*$",
    re.M,
)
# the labelled fields of a 政府信息公开 block (label and value on one line, or in two table cells)
_FIELD_NUMBER = re.compile(
    r"^\s*(?:发文字号|文号)\s*[：:]\s*(?P<number>[\u4e00-\u9fa5]{1,12}[〔\[［【(（]\s*(?:19|20)\d\d\s*[〕\]］】)）]\s*\d{1,4}\s*号)\s*$",
    re.M,
)
_FIELD_DATE = re.compile(
    r"^\s*(?P<label>成文日期|发文日期)\s*[：:]\s*((?:19|20)\d\d)\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$",
    re.M,
)
# a period stated in the opening paragraphs: 规划期为2021—2025年, 本行动计划实施期限为2024年至2026年
_STATED_PERIOD = re.compile(
    r"(?:规划|计划|方案|实施|行动|执行|有效)(?:期限|周期|期)\s*(?:为|是|[：:])?\s*(?:[一二三四五六七八九十]年\s*)?[（(]?\s*"
    r"((?:19|20)\d\d)\s*年?\s*[-－—–~～至到]\s*((?:19|20)\d\d)\s*年"
)
# a three-year plan whose title gives no years: the period ends in the year its targets are set for (到2026年)
_THREE_YEARS = re.compile(r"三年(?:行动|计划|方案|攻坚|提升)")
_TARGET_YEAR = re.compile(r"到\s*((?:19|20)\d\d)\s*年")
_HEADED_BY = re.compile(r"^(?P<body>[^\n]{2,80}?)\s*关于")
_ZERO_LOOKALIKES = str.maketrans("0OＯ", "〇〇〇")
_KINDS = (
    (re.compile(r"工作总结|工作要点|工作计划|总结|工作报告"), "WorkReport"),
    (re.compile(r"行动计划|行动方案|实施方案|三年计划|工作方案"), "ActionPlan"),
    (re.compile(r"规划|纲要"), "Plan"),
    (re.compile(r"措施|意见|办法|细则|政策|决定|条例"), "PolicyMeasures"),
)
# a policy's term of validity (附则): 自2023年3月1日起施行，有效期至2025年12月31日 / 有效期3年
_IN_FORCE = re.compile(r"自\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起\s*(?:施行|实施|执行)")
_IN_FORCE_ON_ISSUE = re.compile(r"自\s*(?:发布|印发|公布|发文|下发)\s*之\s*日\s*起\s*(?:施行|实施|执行)")
_VALID_UNTIL = re.compile(r"(?:有效期|执行期|实施期)限?\s*(?:至|到|截至|截止到|截止)\s*((?:19|20)\d\d)\s*年")
_VALID_YEARS = re.compile(r"有效期\s*(?:为)?\s*(\d{1,2}|[一二两三四五六七八九十])\s*年")
_PLACE_RANK = {"Town": 0, "DevelopmentZone": 1, "District": 2, "City": 3, "Province": 4, "Country": 5}


class DocumentMeta:
    """What :func:`read_metadata` found; every field may be missing except the title."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.kind: str | None = None
        self.number: str | None = None
        self.issuer: str | None = None
        self.issued: date | None = None
        self.period: tuple[int, int] | None = None
        self.region: PlaceInfo | None = None


def clean_title(text: str) -> str:
    """A title without line breaks, markup, status notes or spaces between Chinese words."""
    lines = [_MARKUP.sub("", line.strip()).strip() for line in text.splitlines()]
    joined = "".join(line for line in lines if line)
    joined = _STATUS_NOTE.sub("", joined)
    return _CJK_SPACE.sub("", joined).strip(" 　*#")


def _first_lines(head: str, count: int) -> list[str]:
    """The first ``count`` non-empty cleaned lines that are not a document number (only those can make the title)."""
    lines: list[str] = []
    for raw in head.splitlines():
        line = clean_title(raw)
        if line and not _DOC_NUMBER.fullmatch(line):
            lines.append(line)
            if len(lines) == count:
                break
    return lines


def _title(head: str) -> str:
    notice = _NOTICE.search(head)
    if notice:
        return clean_title(notice.group("title"))
    lines = _first_lines(head, 4)
    title = ""
    for line in lines[:4]:
        if len(title) + len(line) > 120 or (title and _NOT_TITLE.search(line)):
            break  # a heading or a sentence of the body, not a wrapped title line
        title += line
        if _TYPE_WORDS.search(title):
            break
    return title or (lines[0] if lines else "")


def _signature(head_lines: list[str], text: str) -> tuple[str | None, date | None]:
    """The signing body and date: a date line with an organisation name just above it."""
    for match in _DATE.finditer(text):
        issued = _date(match)
        before = text[max(0, match.start() - 200) : match.start()].splitlines()
        issuer = _lead_signer([line for line in before if line.strip()])
        if issued:
            return issuer, issued
    return None, None


def _lead_signer(lines: list[str]) -> str | None:
    """The body signing just above the date; of a joint signature (bodies stacked on their own lines, or
    side by side apart by wide spaces), the first: the lead body is named first (GB/T 9704)."""
    signers: list[str] = []
    for raw in reversed(lines):
        parts = [clean_title(part) for part in re.split(r"\s{2,}|　+", raw.strip()) if part.strip()]
        if not parts or not all(_ISSUER.match(part) for part in parts):
            break
        signers = parts + signers
    return signers[0] if signers else None


def _number(token: str) -> int:
    token = normalise_digits(token)
    if token.isdigit():
        return int(token)
    return parse_chinese_integer(token.translate(_ZERO_LOOKALIKES))  # 二0二三 typed with a Latin zero


def _date(match: re.Match[str]) -> date | None:
    try:
        return date(_number(match.group(1)), _number(match.group(2)), _number(match.group(3)))
    except ValueError:
        return None


def _region(title: str, issuer: str | None) -> PlaceInfo | None:
    for source in (title, issuer or ""):
        places = [m.info for m in find_places(source)]
        if places:
            return min(places, key=lambda p: _PLACE_RANK.get(p.kind, 9))
    return None


def government_of(place: PlaceInfo) -> str:
    """The people's government of a place: 相城区 → 苏州市相城区人民政府, 太仓市 → 太仓市人民政府."""
    if place.kind == "DevelopmentZone":  # zones are run by a management committee, not a government
        return f"{place.canonical}管理委员会"
    parent = resolve_place(place.parent) if place.parent else None
    if place.canonical.endswith(("区", "县")) and parent and parent.kind == "City":
        return f"{parent.canonical}{place.canonical}人民政府"
    return f"{place.canonical}人民政府"


def _validity(text: str, issued: date | None) -> tuple[int, int] | None:
    """The years a policy is in force, from its closing article (施行 date and 有效期); in force
    from its issue (自发布之日起施行), it starts on the date of issue."""
    tail = normalise_digits(text[-2000:])
    start = _IN_FORCE.search(tail)
    begins = (int(start.group(1)), int(start.group(2)), int(start.group(3))) if start else None
    if begins is None and issued is not None and _IN_FORCE_ON_ISSUE.search(tail):
        begins = (issued.year, issued.month, issued.day)
    if begins is None:
        return None
    until = _VALID_UNTIL.search(tail)
    if until:
        return begins[0], int(until.group(1))
    years = _VALID_YEARS.search(tail)
    if years:
        return begins[0], begins[0] + _number(years.group(1)) - (1 if begins[1:] == (1, 1) else 0)
    return None


def _doc_number(head: str, tail: str) -> str | None:
    """The document's own number: a 发文字号 field, else the first uncited number at the top, else one
    standing on its own line at the end."""
    field = _FIELD_NUMBER.search(tail) or _FIELD_NUMBER.search(head)
    if field:
        return field.group("number")
    pos = 0
    while core := _NUMBER_CORE.search(head, pos):
        pos = core.end()
        # the part after the issuer's short name is found fast; a number starts at most 12 characters before it
        number = _DOC_NUMBER.search(head, max(0, core.start() - 12), core.end())
        if number and not (
            _CITED_BEFORE.search(head, max(0, number.start() - 6), number.start())
            or _CITED_AFTER.match(head, number.end(), number.end() + 3)
        ):
            return number.group()
    own_line = [match.group("number") for match in _LINE_NUMBER.finditer(tail)]
    return own_line[-1] if own_line else None


def _stated_period(head: str, title: str) -> tuple[int, int] | None:
    """A period the opening paragraphs state (实施期限为2024年至2026年); for a three-year plan
    without one, the three years up to the first target year (到2026年 → 2024–2026)."""
    head = normalise_digits(head)
    stated = _STATED_PERIOD.search(head)
    if stated and int(stated.group(1)) <= int(stated.group(2)):
        return int(stated.group(1)), int(stated.group(2))
    if _THREE_YEARS.search(title) and (target := _TARGET_YEAR.search(head)):
        return int(target.group(1)) - 2, int(target.group(1))
    return None


def _field_date(*texts: str) -> date | None:
    """The 成文日期 (else 发文日期) field of a 政府信息公开 block."""
    found: dict[str, date] = {}
    for text in texts:
        for match in _FIELD_DATE.finditer(text):
            try:
                found.setdefault(match.group("label"), date(*(int(match.group(i)) for i in (2, 3, 4))))
            except ValueError:
                continue
    return found.get("成文日期") or found.get("发文日期")


def _named_after_place(body: str) -> bool:
    """A full official name starts with its place (苏州市相城区人民政府办公室), a short one does not (市政府办公室)."""
    return any(match.start == 0 for match in find_places(body))


def _heading_body(head: str, notice: re.Match[str] | None, title: str) -> str | None:
    """The body a cover notice or title is headed by (``X关于印发…的通知``, ``X关于…的意见``);
    of joint bodies (``X Y关于…``) the first. A notice heading may be wrapped just before 关于."""
    candidates = []
    if notice:
        line_start = head.rfind("\n", 0, notice.start()) + 1
        prefix = head[line_start : notice.start()].strip()
        if not prefix:
            above = [line for line in head[:line_start].splitlines()[-3:] if line.strip()]
            prefix = above[-1].strip() if above else ""
        candidates.append(prefix)
    headed = _HEADED_BY.match(title)
    if headed:
        candidates.append(headed.group("body"))
    for candidate in candidates:
        parts = [clean_title(part) for part in re.split(r"[\s、，,]+", candidate) if part.strip()]
        if parts and all(_ISSUER.match(part) for part in parts) and _named_after_place(parts[0]):
            return parts[0]
    return None


def read_metadata(doc: Document) -> DocumentMeta:
    """Title, type, number, issuer, date, period and governed region of ``doc``."""
    head = doc.text[:_HEAD]
    tail = doc.text[-_TAIL:] if len(doc.text) > _HEAD else ""  # a short document is all head
    meta = DocumentMeta(_title(head))
    meta.kind = next((kind for pattern, kind in _KINDS if pattern.search(meta.title)), None)
    number = _doc_number(head, tail)
    meta.number = re.sub(r"\s+", "", number) if number else None
    meta.issuer, meta.issued = _signature(head.splitlines(), head)
    if meta.issued is None:  # some notices sign at the end
        meta.issuer, meta.issued = _signature([], doc.text[-_TAIL:])
    if meta.issued is None:
        meta.issued = _field_date(tail, head)
    if meta.issuer is None:
        meta.issuer = _heading_body(head, _NOTICE.search(head), meta.title)
    meta.period = parse_period(meta.title) or _stated_period(head, meta.title) or _validity(doc.text, meta.issued)
    meta.region = _region(meta.title, meta.issuer)
    if meta.issuer is None and meta.region is not None:
        meta.issuer = government_of(meta.region)
    return meta


def extract(doc: Document, ctx: ExtractionContext, out: GraphBuilder) -> None:
    out.add_type(out.document, STIKG.PolicyDocument)
    out.add(out.document, STIKG.sourceFile, lit(doc.source))
    out.add(out.document, STIKG.text, lit(doc.text))
    meta = read_metadata(doc)
    out.add(out.document, DCTERMS.title, lit(meta.title or doc.source, lang="zh"))
    if meta.kind:
        out.add_type(out.document, STIKG[meta.kind])
        ctx.doc_kind = meta.kind
    if meta.number:
        out.add(out.document, STIKG.documentNumber, lit(meta.number))
    if meta.issued:
        out.add(out.document, DCTERMS.issued, lit(meta.issued.isoformat(), datatype=str(XSD.date)))
        ctx.issued_year = meta.issued.year
    if meta.period:
        ctx.period = meta.period
        out.add(out.document, STIKG.periodStart, lit(meta.period[0], datatype=str(XSD.gYear)))
        out.add(out.document, STIKG.periodEnd, lit(meta.period[1], datatype=str(XSD.gYear)))
    if meta.region:
        ctx.region = meta.region.canonical
        place = iri(entity_iri("place", meta.region.canonical))
        out.add_type(place, STIKG[meta.region.kind])
        out.label(place, meta.region.canonical)
        out.add(out.document, STIKG.governedRegion, place)
    issuer = meta.issuer or "未署名机关"
    body = iri(entity_iri("org", issuer))
    out.add_type(body, STIKG.GovernmentBody)
    out.add_type(body, ORG.Organization)  # explicit, so shapes hold without RDFS inference
    out.label(body, issuer)
    out.add(out.document, STIKG.issuedBy, body)
