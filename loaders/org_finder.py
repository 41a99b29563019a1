"""Find organisation names in text: known names, name patterns, department short forms, listed names.

Four sources, merged longest-first into non-overlapping matches:

* known names and aliases (link table, built-in table, short forms of this document);
* a name ending (…研究院, …实验室, …有限公司, …局) with a left boundary: the name
  starts after the last verb/preposition/determiner (建设、依托、与…) before the ending,
  and must contain a proper-name part (a place, a known organisation, or words that are
  not generic vocabulary); bare categories (重点实验室, 科技孵化器) are rejected;
* department short forms with a scope (市科技局, 区政府, 省产研院) resolved against the
  document's governed region;
* items listed before 等…企业/机构 (依托甲、乙等龙头企业), which often carry no ending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from stikg.loaders.org_lexicon import (
    BUILTIN_ORGS,
    CATEGORY_CORES,
    CONJUNCTIONS,
    DEPARTMENTS,
    FIELD_WORDS,
    GENERIC_WORDS,
    LEVEL_WORDS,
    LIST_HEADS,
    LIST_QUALIFIERS,
    MODIFIERS,
    STOP_WORDS,
    SUFFIX_CLASSES,
    TRAILING_NOUNS,
)
from stikg.loaders.orgs import (
    RELATIVE_ZONES as _RELATIVE_ZONES,
)
from stikg.loaders.orgs import (
    gazetteer_pattern,
    places_in,
    relative_zone,
    resolve_org,
    resolve_scope,
    trie_pattern,
)
from stikg.loaders.places import PlaceInfo, find_places, resolve_place

__all__ = ["Candidate", "beside_companies", "distinctive", "find_candidates", "formal_scope"]

MAX_NAME = 28
_BUILTIN_ALIASES = frozenset(a for _, _, aliases in BUILTIN_ORGS.values() for a in aliases)
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·\-—（）()]")
_NOT_NAME_CHAR = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9·\-—（）()]")
_BRACKET_OR_DASH = re.compile(r"[（）()—]")  # what the walk back over a name weighs (_window_start_slow)
_COUNT_BEFORE = re.compile(r"[0-9０-９]\s*$")
_TRAILING_PAREN = re.compile(r"（[^（）]*）$")
_TITLE = re.compile(r"《[^《》\n]{0,80}》")
_SCOPES = "省市区县"
_CATEGORY_SUFFIXES = ("孵化器", "加速器", "众创空间", "中心", "基金", "实验室")
# facilities a town or zone names after itself (木渎镇众创空间, 某高新区科技企业孵化器): names, not categories
_LOCAL_FACILITIES = ("众创空间", "孵化器", "加速器", "星创天地")
# Stop words that also occur inside names (中德智能制造联合创新中心): the name may extend past them.
_INTERNAL_STOPS = frozenset({"联合", "促进", "协同", "联动", "服务保障", "保障", "引导"})
# 服务 is a verb, not part of a name (融资路演服务中心), when a national or provincial scope follows it
# (全力服务国家X创新中心建设, 服务省产业技术研究院)
_SERVE_VERB = re.compile(r"服务(?=国家|中国|全国|省[^份])")
_ONE_CHAR_GOV = ("局", "部", "厅", "所")
_BAD_NEXT = {
    "部": "署门分件位长",
    "局": "面长势",
    "中心": "城",
    "厅": "局",
    "所": "有在属以谓需",
    "分行": "业",
    "银行": "业",
    "科技园": "区",
    "科创园": "区",
    "创业园": "区",
}
_FOREIGN = ("Country",)
# A kind of school after a country is the whole name (以色列理工学院), not a country before a name.
_SCHOOL_KINDS = frozenset({"理工", "师范", "医科", "工学", "外国语", "财经", "政法", "农工"})
_NAME_CLASSES = ("University", "ResearchInstitute", "Laboratory")
_BAD_PREV = {
    "商会": "招",
    "局": "格布结全当大开变僵骗赌棋饭时政",
    "部": "东南西北中内外全干局头尾腹",
    "所": "一二两三四五六七八九十几多各场处住厕车院",
}
_COUNTED = re.compile(
    r"(?<![A-Za-z0-9])[0-9０-９]|第[一二三四五六七八九十]+[家个批]|[一二两三四五六七八九十几多]+[家个所批]|万元|亿元|以上"
)
_AFTER_PLACE = "域内外级属"
_UNITS = "0123456789.亿万千百十元平方米亩公顷家个项批所强倍余多"
_STOP_SET = frozenset(STOP_WORDS) | frozenset(CONJUNCTIONS)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    name: str  # canonical name (scope resolved, known prefix expanded)
    cls: str | None = None  # class hint when the name has no telling ending
    parent: str | None = None  # canonical name of a known organisation the name starts with
    source: str = "pattern"  # known | pattern | department | list | alias


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "suffix": re.compile("(?:" + trie_pattern(set(SUFFIX_CLASSES)) + ")(?:（[^（）\n]{1,8}）)?"),
        "stop": re.compile(trie_pattern(set(STOP_WORDS) | set(CONJUNCTIONS))),
        "final_suffix": re.compile("(?:" + trie_pattern(set(SUFFIX_CLASSES)) + ")(?:（[^（）]*）)?$"),
        "stop_or_generic": re.compile(
            trie_pattern(set(STOP_WORDS) | set(CONJUNCTIONS) | set(GENERIC_WORDS) | set(FIELD_WORDS))
        ),
        "generic": re.compile(trie_pattern(set(GENERIC_WORDS) | set(FIELD_WORDS) | set(LEVEL_WORDS))),
        "generic_only": re.compile(trie_pattern(set(GENERIC_WORDS) | set(LEVEL_WORDS))),
        "level": re.compile("^(?:" + trie_pattern(set(LEVEL_WORDS)) + ")+"),
        "modifier": re.compile("^(?:" + trie_pattern(set(MODIFIERS)) + ")+"),
        "department": re.compile(trie_pattern(set(DEPARTMENTS))),
        "list_head": re.compile(
            "等(?:" + trie_pattern(set(LIST_QUALIFIERS)) + "){0,3}(?:" + trie_pattern(set(LIST_HEADS)) + ")"
        ),
        "vocabulary": re.compile(
            trie_pattern(set(GENERIC_WORDS) | set(FIELD_WORDS) | set(LEVEL_WORDS) | set(SUFFIX_CLASSES))
        ),
        "represent": re.compile(
            r"以([^，。；：\n以]{2,40}?)为(?:代表|龙头)的[^，。；\n]{0,14}?(?:企业|机构)"
        ),
    }


def distinctive(core: str, *, keep_fields: bool = False) -> bool:
    """Whether ``core`` has at least two characters outside generic (and field) vocabulary."""
    pattern = _patterns()["generic_only" if keep_fields else "vocabulary"]
    for place in reversed(places_in(core)):
        core = core[: place.start] + core[place.end :]
    rest = pattern.sub("", core)
    return len(re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", rest)) >= 2


def _leading_places(name: str) -> int:
    """Length of the run of places that starts ``name`` (苏州市相城区…, 法国…)."""
    end = 0
    for match in places_in(name[:16]):
        if match.start != end:
            break
        end = match.end
    return end


def _known_prefix(name: str) -> tuple[str, str] | None:
    """(surface, canonical) of the longest known organisation that starts ``name``."""
    match = gazetteer_pattern().match(name)
    if not match:
        return None
    info = resolve_org(match.group())
    return (match.group(), info.canonical) if info else None


def _is_category(core: str, suffix: str) -> bool:
    """A category written after a place (江苏省重点实验室, 苏州市海外离岸创新中心), not a name."""
    stripped = _patterns()["level"].sub("", core)
    if stripped + suffix in CATEGORY_CORES:
        return True
    bare = _patterns()["modifier"].sub("", stripped)
    return bare == "" and stripped != "" and suffix.endswith(_CATEGORY_SUFFIXES)


def _canonical(name: str, region: str | None) -> tuple[str, str | None, bool] | None:
    """(canonical name, known parent, anchored) for a candidate name, or None if it is no name."""
    found = _patterns()["final_suffix"].search(name)
    if not found:
        return None
    suffix = re.sub(r"（[^（）]*）$", "", found.group())
    stem = name[: found.start()]
    if _COUNTED.search(stem) or (stem[-1:] and stem[-1] in _BAD_PREV.get(suffix, "")):
        return None
    known = _known_prefix(name)
    joined = known is not None and name.startswith("—", len(known[0]))  # 苏州大学—相城区协同创新中心
    if "—" in stem and _patterns()["suffix"].search(stem) and not joined:
        return None  # a chain of categories: 众创苗圃—科技企业孵化器—产业加速器
    partner = stem[len(known[0]) + 1 :] if joined else ""
    if joined and "—" not in partner and (_leading_places(partner) or distinctive(partner)):
        return name, None, True  # a joint body of two partners, part of neither
    if known and known[0] == name:
        return known[1], None, True
    if any(g.end() == len(name) and g.start() > 0 for g in gazetteer_pattern().finditer(name, 1)):
        return None  # ends with another known name (…获科技部): that name is the match
    places = _leading_places(name)
    if places and known is None:
        after = _known_prefix(name[places:])
        if after and places_in(name[:places])[0].info.kind in ("Country", "ForeignCity"):
            return _canonical(name[places:], region)  # 法国里尔大学 -> 里尔大学
        if _foreign_prefix(name, stem, suffix):
            return _canonical(name[places_in(name)[0].end :], region)  # 英国利物浦大学 -> 利物浦大学
    zone = _zone_prefix(name, region) if not places and known is None else None
    if zone:  # 园区管委会 in a 苏州工业园区 document -> 苏州工业园区管委会
        return _canonical(zone[1].canonical + name[len(zone[0]) :], None)
    if known and len(known[0]) < len(stem) + 1:
        # 中科院苏州纳米所 -> 中国科学院苏州…; a brand keeps its own form (华为苏州研究所)
        expand = (known[0] == known[1] or known[0] in _BUILTIN_ALIASES) and not known[1].endswith(
            ("公司", "集团")
        )
        return (known[1] if expand else known[0]) + name[len(known[0]) :], known[1], True
    if places:
        return _placed(name, stem, suffix, places)
    if stem and stem[0] in _SCOPES and stem[1:2] != "级":
        scope = resolve_scope(stem[0], region)
        core = stem[1:]
        ok = scope and (
            core + suffix in DEPARTMENTS.values() or core + suffix in DEPARTMENTS or distinctive(core)
        )
        return (scope.canonical + core + suffix, None, True) if ok else None
    if suffix in _ONE_CHAR_GOV and not stem.startswith("国家"):
        return None
    if any(p.start > 0 and p.info.kind != "Country" for p in places_in(stem)):
        return name, None, True  # 全国高校区域技术转移转化苏州中心: a branch named by its place
    if distinctive(stem) or (stem.startswith("国家") and distinctive(stem[2:], keep_fields=True)):
        return (name, None, False) if not _is_category(stem, suffix) else None
    return None


def _foreign_prefix(name: str, stem: str, suffix: str) -> bool:
    """A country written before a university or institute (英国利物浦大学), not part of its name (新加坡国立大学)."""
    first = places_in(name)[0]
    if first.start != 0 or first.info.kind not in _FOREIGN or first.info.canonical == "中国":
        return False
    rest = stem[first.end :]
    return (
        SUFFIX_CLASSES.get(suffix) in _NAME_CLASSES
        and len(rest) >= 2
        and rest not in _SCHOOL_KINDS
        and distinctive(rest)
    )


def _placed(name: str, stem: str, suffix: str, places: int) -> tuple[str, str | None, bool] | None:
    matches = places_in(name[:places])
    if len(matches) >= 2 and matches[1].info.parent != matches[0].info.canonical:
        return name, None, True  # 太仓法兰克福创新中心: the second place is the proper name
    core = stem[places:]
    # 长三角国家技术创新中心, 常熟国家大学科技园: a national designation after a place is a name
    regional = core.startswith("国家") and not core.startswith("国家级")
    local = (
        suffix in _LOCAL_FACILITIES
        and matches[-1].info.kind in ("Town", "DevelopmentZone")
        and not _patterns()["modifier"].sub("", core)
    )
    if (core[:1] and core[0] in _AFTER_PLACE) or (_is_category(core, suffix) and not regional and not local):
        return None
    if suffix == "所" and not (1 <= len(core) <= 3):
        return None
    first = matches[0]
    if (
        len(matches) == 1
        and SUFFIX_CLASSES.get(suffix) == "GovernmentBody"
        and first.surface == first.info.canonical
    ):
        return (
            formal_scope(first.info) + name[first.end :],
            None,
            True,
        )  # 相城区人民政府 -> 苏州市相城区人民政府
    return name, None, True


def formal_scope(place: PlaceInfo) -> str:
    """How a government body's name writes its place: 苏州市相城区 for a district, 太仓市 for a county-level city."""
    if place.kind == "District" and place.canonical.endswith("区") and place.parent:
        parent = resolve_place(place.parent)
        if parent and parent.kind == "City":
            return parent.canonical + place.canonical
    return place.canonical


def _stops(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Stop words in ``text[lo:hi]``, skipping ones inside a longer generic word (在岸, 高等)."""
    return [
        (m.start(), m.end(), m.group())
        for m in _patterns()["stop_or_generic"].finditer(text, lo, hi)
        if m.group() in _STOP_SET or (m.group() == "服务" and _SERVE_VERB.match(text, m.start()))
    ]


def _window_start(text: str, pos: int, floor: int) -> int:
    """Where the name that ends at ``pos`` can start: back over name characters, then past a count."""
    window = text[max(floor, pos - MAX_NAME) : pos]
    if _BRACKET_OR_DASH.search(window):
        i = _window_start_slow(text, pos, floor)
    else:  # the common case, without brackets or dashes to weigh: the run of name characters before ``pos``
        other = _NOT_NAME_CHAR.search(window[::-1])
        i = pos - (other.start() if other else len(window))
    digits = i
    while i < pos and (text[i].isdigit() or text[i] in "）)·-—"):
        i += 1
    counted = i > digits or _COUNT_BEFORE.search(text[max(floor, i - 4) : i]) is not None
    while counted and i < pos and text[i] in "亿万千百元家个":
        i += 1  # 100亿元|基金, but 百济神州 keeps its 百
    return i


def _window_start_slow(text: str, pos: int, floor: int) -> int:
    """``_window_start``'s walk back, character by character, weighing brackets and dashes."""
    i, depth = pos, 0
    while i > floor and pos - i < MAX_NAME:
        ch = text[i - 1]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                break
            depth -= 1
        elif not _NAME_CHAR.match(ch) or (
            ch == "—" and "—" not in text[i - 2 : i + 1].replace("—", "", 1) and not _known_before(text, i - 1, floor)
        ):
            break  # a single dash chains categories (苗圃—孵化器—加速器); a double dash, or one after a known
            # name (苏州大学—相城区协同创新中心), joins a name
        i -= 1
    return i


def _known_before(text: str, end: int, floor: int) -> bool:
    """Whether a known organisation name ends at ``end`` (the partner before a joining dash)."""
    return any(g.end() == end for g in gazetteer_pattern().finditer(text, max(floor, end - 14), end))


def _conj_is_boundary(text: str, lo: int, start: int, end: int, hi: int) -> bool:
    """A conjunction separates names when what precedes it or what follows it is already a name."""
    left, right = text[lo:start], text[end:hi]
    if left.endswith(tuple(SUFFIX_CLASSES)) or not left or not right:
        return True
    if _leading_places(right) or _known_prefix(right):
        return True
    places = places_in(left)
    if places and places[-1].end == len(left):
        return True
    return any(g.end() == len(left) for g in gazetteer_pattern().finditer(left, max(0, len(left) - 14)))


def _from_suffix(text: str, m: re.Match[str], floor: int, region: str | None) -> Candidate | None:
    end, pos = m.end(), m.start()
    word = _TRAILING_PAREN.sub("", m.group()) if m.group().endswith("）") else m.group()
    if m.group() != word and not places_in(m.group()[len(word) + 1 : -1]):
        end = pos + len(word)  # （…） that is not a place is not part of the name
    nxt = text[end : end + 2]
    if word.endswith("大学") and text.startswith("科技园", end):
        return None  # 大学科技园: the park is the name
    if nxt.startswith(TRAILING_NOUNS) or (nxt[:1] and nxt[:1] in _BAD_NEXT.get(word, "")):
        return None
    lo = _window_start(text, pos, floor)
    found = _name_in_window(text[lo:end], end - pos, word, region)
    return Candidate(lo + found[0], end, found[1], parent=found[2]) if found else None


@lru_cache(maxsize=65536)
def _name_in_window(
    window: str, tail: int, word: str, region: str | None
) -> tuple[int, str, str | None] | None:
    """(offset, canonical, parent) of the name that ends ``window``; phrases recur, so this is cached."""
    lo, pos, end = 0, len(window) - tail, len(window)
    for counted in _COUNTED.finditer(window, lo, pos):
        lo = (
            counted.end()
        )  # 全国第三家|德国中心, 达1000万元|科技孵化器: a count ends the clause before a name
        while lo < pos and window[lo] in _UNITS:
            lo += 1
    known = [g.span() for g in gazetteer_pattern().finditer(window, lo, pos) if len(g.group()) > 1]
    stops, prev = [], lo
    for stop in _stops(window, lo, pos):
        if (
            any(a <= stop[0] and stop[1] <= b for a, b in known)
            or _brand_de(window, prev, stop)
            or _starts_place(window, prev, stop)
        ):
            continue  # 中国建设银行, 华为, 苏州绿的谐波, 以色列理工学院: the word belongs to a name
        if (
            stop[2] not in CONJUNCTIONS
            or stop[0] == prev
            or _conj_is_boundary(window, prev, stop[0], stop[1], pos)
        ):
            stops.append(stop)
        prev = stop[1]
    starts = [(s[1], s[2]) for s in reversed(stops)] + [(lo, "")]
    for begin, stop in starts:
        if stop == "各":
            return None  # 各开发区管委会, 各镇人民政府: every one of a kind, not a name
        name = window[begin:end]
        if begin < end - len(word) or (word in ("学院", "大学") and _known_prefix(name)):
            result = _canonical(name, region)
            if result:
                return begin, result[0], result[1]
        if stop and (stop not in _INTERNAL_STOPS or (stop == "引导" and word != "基金")):
            return None  # 引导 is inside a name only in 引导基金
    return None


def _brand_de(window: str, prev: int, stop: tuple[int, int, str]) -> bool:
    """的 inside a brand right after a place (苏州绿的谐波), not a phrase (苏州的企业)."""
    if stop[2] != "的":
        return False
    segment = window[prev : stop[0]]
    lead = _leading_places(segment)
    return (
        lead > 0
        and 1 <= len(segment) - lead <= 2
        and distinctive(segment[lead:] + window[stop[1] : stop[1] + 2])
    )


def _starts_place(window: str, prev: int, stop: tuple[int, int, str]) -> bool:
    """A one-character stop that begins a place (以色列, 如皋市) or a country in a bilateral prefix
    that starts the name (中以（相城）创新合作中心, not 其中以…)."""
    if stop[1] - stop[0] != 1:
        return False
    if any(resolve_place(window[stop[0] : stop[0] + k]) for k in (3, 4)):
        return True
    return stop[2] == "以" and stop[0] - 1 == prev and window[stop[0] - 1 : stop[0]] == "中"


def _zone_prefix(name: str, region: str | None) -> tuple[str, PlaceInfo] | None:
    for word in _RELATIVE_ZONES:
        if name.startswith(word):
            zone = relative_zone(word, region)
            return (word, zone) if zone else None
    return None


def _from_department(
    text: str, m: re.Match[str], lo: int, region: str | None, last_scope: list
) -> Candidate | None:
    """市科技局 -> 苏州市科学技术局; an unscoped short form in a list takes the previous scope."""
    word, begin, scope = m.group(), m.start(), None
    places = [p for p in find_places(text, max(lo, begin - 10), begin, region=region) if p.end == begin]
    zone = next((w for w in _RELATIVE_ZONES if text.endswith(w, max(lo, begin - 3), begin)), None)
    if places:
        begin, scope = places[-1].start, places[-1].info
    elif zone and relative_zone(zone, region):
        begin, scope = begin - len(zone), relative_zone(zone, region)
    elif begin > lo and text[begin - 1] in _SCOPES:
        begin, scope = begin - 1, resolve_scope(text[begin - 1], region)
    elif (
        last_scope
        and begin - last_scope[0][0] < 40
        and text[begin - 1] in "、，"
        and word.endswith(("局", "委", "办"))
    ):
        scope = last_scope[0][1]
    if scope is None:
        return None
    last_scope[:] = [(m.end(), scope)]
    full = DEPARTMENTS[word]
    cls = None if full.endswith("院") else "GovernmentBody"
    written = text[begin : m.start()]
    prefix = written if word == full and places and full.endswith("院") else formal_scope(scope)
    return Candidate(begin, m.end(), prefix + full, cls=cls, source="department")


def _list_items(text: str, lo: int, hi: int) -> list[Candidate]:
    """Names listed before 等…企业/机构 or in 以…为代表的…企业: named even without an ending."""
    found: list[Candidate] = []
    spans = []
    for m in _patterns()["list_head"].finditer(text, lo, hi):
        begin = m.start()
        while begin > lo and text[begin - 1] not in "，。；：:！？\n（(":
            begin -= 1
        spans.append((begin, m.start()))
    spans += [(m.start(1), m.end(1)) for m in _patterns()["represent"].finditer(text, lo, hi)]
    for begin, end in spans:
        pos = begin
        for part in re.split(r"(、)", text[begin:end]):
            item_start, item = pos, part
            pos += len(part)
            if part == "、":
                continue
            if item_start == begin:
                item, item_start = _without_lead(item, item_start)
            candidate = _list_item(item, item_start)
            if candidate:
                found.append(candidate)
    return found


def _without_lead(item: str, start: int) -> tuple[str, int]:
    """``item`` (at ``start``) without the stop words that open it (推动甲 → 甲), unless a known name starts it."""
    while not _known_prefix(item):
        lead = _patterns()["stop"].match(item)
        if not lead:
            break
        start, item = start + lead.end(), item[lead.end() :]
    return item, start


def _list_item(item: str, start: int) -> Candidate | None:
    if not 2 <= len(item) <= 12 or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z]+", item):
        return None
    if any(len(s[2]) > 1 or (s[0] > 0 and s[2] in CONJUNCTIONS) for s in _stops(item, 0, len(item))):
        return None  # a verb inside, or two names joined (江苏省和苏州市产研院)
    if not distinctive(item):
        return None
    if _leading_places(item) == len(item):
        return None
    known = resolve_org(item)
    name = known.canonical if known else item
    return Candidate(start, start + len(item), name, cls="Enterprise", source="list")


_LIST_ENDS = frozenset(CONJUNCTIONS) | {"等"}


def beside_companies(text: str, kept: list[Candidate]) -> list[Candidate]:
    """A bare company name listed next to a company named in full (推动甲、乙科技集团有限公司与…;
    乙有限公司、甲等): named although it has no ending. Only the items touching a company, so a
    look at the few characters around candidates already found."""
    found: list[Candidate] = []
    for i, c in enumerate(kept):
        if c.source == "list" or not c.name.endswith(("公司", "集团")):
            continue
        if c.start > 1 and text[c.start - 1] == "、":
            floor = max(kept[i - 1].end if i else 0, c.start - 14)
            begin = c.start - 1
            while begin > floor and _NAME_CHAR.match(text[begin - 1]) and text[begin - 1] not in "（）()—":
                begin -= 1
            candidate = _list_item(*_without_lead(text[begin : c.start - 1], begin))
            if candidate:
                found.append(candidate)
        if text[c.end : c.end + 1] == "、":
            ceiling = min(kept[i + 1].start if i + 1 < len(kept) else len(text), c.end + 14)
            end = c.end + 1
            while end < ceiling and _NAME_CHAR.match(text[end]) and text[end] not in "（）()—":
                end += 1
            stops = _stops(text, c.end + 1, end)
            end = stops[0][0] if stops else end
            if end < len(text) and text[end] not in "、，。；" and not (stops and stops[0][2] in _LIST_ENDS):
                continue  # 甲有限公司、乙基地加快建设: what follows is no list item
            candidate = _list_item(text[c.end + 1 : end], c.end + 1)
            if candidate:
                found.append(candidate)
    return [f for f in found if not any(p.start > 0 for p in places_in(text[f.start : f.end]))]


def find_candidates(text: str, lo: int, hi: int, region: str | None) -> list[Candidate]:
    """Every organisation-name candidate in ``text[lo:hi]`` (overlapping; see ``merge``)."""
    found: list[Candidate] = []
    for m in gazetteer_pattern().finditer(text, lo, hi):
        info = resolve_org(m.group())
        if info:
            found.append(Candidate(m.start(), m.end(), info.canonical, source="known"))
    for m in _patterns()["suffix"].finditer(text, lo, hi):
        candidate = _from_suffix(text, m, lo, region)
        if candidate:
            found.append(candidate)
    last_scope: list = []
    for m in _patterns()["department"].finditer(text, lo, hi):
        candidate = _from_department(text, m, lo, region, last_scope)
        if candidate:
            found.append(candidate)
    found += _list_items(text, lo, hi)
    titles = [t.span() for t in _TITLE.finditer(text, lo, hi)]
    if not titles:
        return found
    return [c for c in found if not any(a <= c.start < b for a, b in titles)]
