"""Recognise numbered headings in Chinese official documents and give them levels.

Chinese government documents number their outline with fixed marker families, from
the outermost: ``第一部分`` > ``第一章`` > ``第一节`` > ``第一条`` > ``一、`` > ``（一）`` >
``1.``/``1、`` > ``（1）`` > ``①``; boxed projects (``重大工程一``, ``专栏1``) sit inside the
section that holds them. A document uses only some families, so levels are the
ranks of the families it uses, made dense (its outermost family is level 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stikg.loaders.document import Heading

__all__ = ["HeadingCandidate", "assign_levels", "detect", "split_marker"]

_CN = "一二三四五六七八九十百零〇"
_MARKER = re.compile(
    rf"(?P<part>第[{_CN}\d]{{1,4}}(?:部分|编))"
    rf"|(?P<chapter>第[{_CN}\d]{{1,4}}章)"
    rf"|(?P<section>第[{_CN}\d]{{1,4}}节)"
    rf"|(?P<article>第[{_CN}\d]{{1,4}}条)"
    rf"|(?P<cn>[{_CN}]{{1,3}}(?:、|[．.](?![\d{_CN}])))"
    rf"|(?P<cn_paren>[（(][{_CN}]{{1,3}}[）)])"
    r"|(?P<num>\d{1,2}(?:[.．](?![\d.．%])|、))"
    r"|(?P<num_paren>[（(]\d{1,2}[）)])"
    r"|(?P<circled>[①-⑳])"
    rf"|(?P<box>(?:专栏|重大工程|重点工程|重大项目|重点项目|重大专项|重大任务|重点任务|重大行动|重点行动)\s*[{_CN}\d]{{1,3}})"
    r"|(?P<annex>附件\s*\d{0,2}(?=\s*$|[：:\s]))"
)
RANK = {
    "annex": 0, "part": 0, "chapter": 1, "section": 2, "article": 3, "cn": 4, "cn_paren": 5,
    "num": 6, "num_paren": 7, "circled": 8, "box": 9,
}  # fmt: skip
_STOPS = "。！？：:；;"
_STOP = re.compile(f"[{_STOPS}]")
_RUN_IN_MAX = 25  # a run-in title ("1.建设高能级平台。…") is a short phrase
_LINE_MAX = 60  # a whole-line heading is short
_NO_RUN_IN = re.compile(r"[，,；;\d]")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class HeadingCandidate:
    """A heading found in a line, before levels are known."""

    kind: str
    marker: str
    title: str
    start: int
    end: int
    title_start: int
    sentence_end: int  # where the heading's own sentence ends (the run-in lead or the line)


def split_marker(text: str, start: int, end: int) -> tuple[str, str, int]:
    """(kind, marker, title_start) of the heading text ``text[start:end]``; ("", "", start) without marker."""
    m = _MARKER.match(text, start, end)
    if not m:
        return "", "", start
    title_start = m.end()
    while title_start < end and text[title_start] in " \t\u3000：:":
        title_start += 1
    return m.lastgroup or "", m.group(), title_start


def detect(text: str, start: int, end: int) -> HeadingCandidate | None:
    """The heading at the start of the line ``text[start:end]`` (stripped), if it is one."""
    kind, marker, title_start = split_marker(text, start, end)
    if not kind:
        return None
    title = text[title_start:end]
    if kind == "annex":
        return _candidate(kind, marker, text, start, title_start, end, end) if len(title) <= 30 else None
    first_stop = _STOP.search(title)
    stop = first_stop.start() if first_stop else -1
    if stop < 0:  # no sentence punctuation: a whole-line heading if short
        if title and len(title) <= _LINE_MAX:
            return _candidate(kind, marker, text, start, title_start, end, end)
    elif title[stop] in "；;":
        pass
    elif stop == len(title) - 1:  # "1.发展目标：" or "（一）加快创新布局，打造科技战略力量。"
        if 0 < stop <= 30 and not _DIGIT.search(title):
            return _candidate(kind, marker, text, start, title_start, title_start + stop, end)
    elif 0 < stop <= _RUN_IN_MAX and not _NO_RUN_IN.search(title, 0, stop):
        sentence_end = _closing(text, title_start + stop + 1, end)
        return _candidate(kind, marker, text, start, title_start, title_start + stop, sentence_end)
    if kind == "article":  # "第五条 对…": the article number alone heads the article
        return HeadingCandidate(
            kind, marker, "", start, start + len(marker), start + len(marker), start + len(marker)
        )
    return None


def _closing(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in "”’」』）)】":
        pos += 1
    return pos


def _candidate(kind, marker, text, start, title_start, title_end, sentence_end) -> HeadingCandidate:
    return HeadingCandidate(
        kind, marker, text[title_start:title_end], start, title_end, title_start, sentence_end
    )


def assign_levels(candidates: list[HeadingCandidate], explicit: list[Heading]) -> list[Heading]:
    """Headings from text patterns merged with ``explicit`` ones (markdown ``#``, docx styles, html ``<h1>``).

    A pattern family that also numbers an explicit heading takes that heading's level;
    the other families go below the deepest explicit level, in their canonical order.
    """
    family_level: dict[str, int] = {}
    for heading in explicit:
        if heading.kind and heading.kind not in family_level:
            family_level[heading.kind] = heading.level
    base = max((h.level for h in explicit), default=0)
    remaining = sorted({RANK[c.kind] for c in candidates if c.kind not in family_level})
    rank_level = {rank: base + i + 1 for i, rank in enumerate(remaining)}
    found = [
        Heading(
            family_level.get(c.kind) or rank_level[RANK[c.kind]], c.marker, c.title,
            c.start, c.end, c.title_start, c.kind,
        )
        for c in candidates
    ]  # fmt: skip
    return sorted([*explicit, *found], key=lambda h: h.start)
