"""Saved web pages (.html/.htm): the article body, its ``<h1>``–``<h6>`` headings and data tables.

Government sites wrap the article in navigation, so the reader keeps the element
that holds the article when it can find one (the common content containers such
as ``#zoom`` or ``.TRS_Editor``, or else ``<article>``/``<main>``), falling back
to ``<body>``. Tables that contain other tables are layout, not data: their cells
are read as ordinary blocks.

The 政府信息公开 block such pages carry (索引号, 发布机构, 发文字号, 成文日期 … in a
``<table>`` or in ``<div>``/``<span>`` pairs) usually sits outside the article: its
document number and date of writing, the only fields the metadata extractor reads
from it, are appended after the article as ``发文字号：…`` / ``成文日期：…`` lines.

The article's title heads the text: the ``<h1>`` outside the article when it reads like a
document title; else (no ``<h1>``, or one holding only the site's name) the page's own
statement of it: ``<meta name="ArticleTitle">``, the first part of ``<title>``
(``标题_栏目_站点``) or the block's ``标题``/``名称`` field, unless the article already opens with it.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from stikg.loaders.readers.builder import TextBuilder

__all__ = ["build_html"]

_DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "iframe",
    "svg",
    "nav",
    "form",
    "button",
    "select",
    "object",
}
_BLOCK = {
    "p", "div", "section", "article", "main", "aside", "header", "footer", "blockquote", "pre", "ul", "ol", "li",
    "dl", "dt", "dd", "figure", "figcaption", "address", "center", "tbody", "thead", "tfoot", "tr", "td", "th",
    "caption", "hr", "body", "html", "table",
}  # fmt: skip
_HEADING = re.compile(r"h([1-6])")
_CONTENT = [
    {"id": re.compile(r"^(zoom|content|article|main[-_]?content|text)$", re.I)},
    {"class_": re.compile(r"(TRS_Editor|article[-_]?content|article|content|detail|zw|main[-_]?text)", re.I)},
]
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")
_CJK = "\u3000-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0]*[\r\n]\s*|\s*[\r\n][ \t\u00a0]*(?=[{_CJK}])")
_MIN_CONTENT = 50
# the 政府信息公开 fields kept from outside the article: label (spaces removed), then the value checked by shape
_INFO_LABEL = re.compile(r"^(发文字号|文号|成文日期|发文日期)[：:]?(.*)$")
_INFO_VALUE = {
    "number": re.compile(r"[\u4e00-\u9fa5]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d\d\s*[〕\]］】)）]\s*\d{1,4}\s*号"),
    "date": re.compile(r"(?:19|20)\d\d\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?"),
}
_INFO_KIND = {"发文字号": "number", "文号": "number", "成文日期": "date", "发文日期": "date"}
_INFO_ORDER = ("发文字号", "文号", "成文日期", "发文日期")
_TITLE_FIELD = re.compile(r"^(?:标题|名称|文件名称|文件标题)[：:]?(.*)$")
_TITLE_WORDS = re.compile(r"关于|规划|纲要|计划|方案|措施|意见|办法|细则|要点|总结|政策|通知|决定|条例|思路|报告")
_TITLE_PARTS = re.compile(r"_|\s[-－|｜]\s|\|")


def build_html(text: str) -> TextBuilder:
    """Parse decoded HTML ``text`` into a TextBuilder."""
    with (
        warnings.catch_warnings()
    ):  # bs4's hints (XHTML parsed as HTML, text that looks like a URL) are not errors here
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(text, "lxml")
    stated_titles = _stated_titles(soup)  # read before <head> is dropped
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    root = _content_root(soup)
    builder = _Walker()
    if root is not soup.body and root is not None:
        title = soup.find("h1")
        outside = isinstance(title, Tag) and root not in title.parents and title not in root.descendants
        if outside and (_TITLE_WORDS.search(title.get_text()) or not stated_titles):
            builder.heading(title, 1)
        else:
            stated = next(iter(stated_titles + _block_titles(soup, root)), None)
            if stated and stated not in _SPACE.sub("", root.get_text())[:300]:
                builder.out.heading(stated, 1)
    builder.walk(root or soup)
    builder.flush()
    if root is not None and root is not soup.body:
        for label, value in _info_fields(soup, root):
            builder.out.paragraph(f"{label}：{value}")
    return builder.out


def _stated_titles(soup: BeautifulSoup) -> list[str]:
    """The title a page states in its ``<head>``: ``<meta name="ArticleTitle">``, then ``<title>``'s first part."""
    found = []
    meta = soup.find("meta", attrs={"name": re.compile(r"^ArticleTitle$", re.I)})
    if isinstance(meta, Tag) and isinstance(meta.get("content"), str):
        found.append(_SPACE.sub("", meta["content"]))
    if soup.title and soup.title.string:
        found.append(_SPACE.sub("", _TITLE_PARTS.split(soup.title.string.strip())[0]))
    return [title for title in found if len(title) >= 6 and _TITLE_WORDS.search(title)]


def _block_titles(soup: BeautifulSoup, root: Tag) -> list[str]:
    """The 标题/名称 field of a 政府信息公开 block outside the article ``root``."""
    strings = [s for s in soup.find_all(string=True) if s.strip()]
    for i, node in enumerate(strings):
        label = _TITLE_FIELD.match(_SPACE.sub("", str(node)))
        if label and not any(parent is root for parent in node.parents):
            value = _SPACE.sub("", label.group(1) or (strings[i + 1] if i + 1 < len(strings) else ""))
            if len(value) >= 6 and _TITLE_WORDS.search(value):
                return [value]
    return []


def _info_fields(soup: BeautifulSoup, root: Tag) -> list[tuple[str, str]]:
    """Document number and date from the 政府信息公开 block outside the article ``root``: a label
    (``发文字号：``) and its value in the same text node or the next non-empty one (the next cell or span)."""
    strings = [s for s in soup.find_all(string=True) if s.strip()]
    found: dict[str, str] = {}
    for i, node in enumerate(strings):
        label = _INFO_LABEL.match(_SPACE.sub("", str(node)))
        if not label or label.group(1) in found or any(parent is root for parent in node.parents):
            continue
        value = label.group(2).strip() or (strings[i + 1].strip() if i + 1 < len(strings) else "")
        shape = _INFO_VALUE[_INFO_KIND[label.group(1)]].fullmatch(_SPACE.sub("", value))
        if shape:
            found[label.group(1)] = shape.group()
    return [(label, found[label]) for label in _INFO_ORDER if label in found]


def _content_root(soup: BeautifulSoup) -> Tag | None:
    """The element holding the article, if one of the usual containers has enough text."""
    best, best_len = None, _MIN_CONTENT
    for query in _CONTENT:
        for tag in soup.find_all(True, **query):
            length = len(tag.get_text(strip=True))
            if length > best_len:
                best, best_len = tag, length
        if best is not None:
            return best
    return soup.body


class _Walker:
    """Depth-first walk that cuts the inline text into paragraphs at block boundaries."""

    def __init__(self) -> None:
        self.out = TextBuilder()
        self._inline: list[str] = []

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                self._inline.append(str(child))
            elif isinstance(child, Tag):
                self._tag(child)

    def _tag(self, tag: Tag) -> None:
        name = tag.name.lower()
        heading = _HEADING.fullmatch(name)
        if heading:
            self.heading(tag, int(heading.group(1)))
        elif name == "br":
            self.flush()
        elif name == "table" and not tag.find("table"):
            self.flush()
            self.out.table(_table_rows(tag), header=_has_header(tag))
        elif name in _BLOCK:
            self.flush()
            self.walk(tag)
            self.flush()
        else:
            self.walk(tag)

    def heading(self, tag: Tag, level: int) -> None:
        self.flush()
        self.out.heading(_inline_text(tag.get_text(" ")), level)

    def flush(self) -> None:
        if self._inline:
            self.out.paragraph(_inline_text("".join(self._inline)))
            self._inline.clear()


def _inline_text(text: str) -> str:
    """HTML whitespace collapsed; the space a line break left between two Chinese characters removed."""
    return _SPACE.sub(" ", _CJK_BREAK.sub("", text)).strip()


def _table_rows(table: Tag) -> list[list[str]]:
    """Cell texts row by row; a cell spanning rows (``rowspan``) leaves an empty cell in the rows
    below it, as a merged cell reads in .docx, so the columns after it stay in place."""
    rows = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan cell above
    for tr in table.find_all("tr"):
        row: list[str] = []
        for cell in tr.find_all(["td", "th"], recursive=False):
            _fill_covered(row, pending)
            span, down = str(cell.get("colspan", "1")), str(cell.get("rowspan", "1"))
            width = min(int(span), 50) if span.isdigit() and int(span) > 1 else 1
            if down.isdigit() and int(down) > 1:
                for column in range(len(row), len(row) + width):
                    pending[column] = min(int(down), 500) - 1
            row.append(_inline_text(cell.get_text(" ")))
            row.extend([""] * (width - 1))
        _fill_covered(row, pending)
        rows.append(row)
    return rows


def _fill_covered(row: list[str], pending: dict[int, int]) -> None:
    """Empty cells for the columns at the end of ``row`` that a rowspan cell above still covers."""
    while pending.get(len(row), 0) > 0:
        pending[len(row)] -= 1
        row.append("")


def _has_header(table: Tag) -> bool | None:
    """True when the table marks its header (``<thead>`` or a first row of ``<th>``); None to let the builder decide."""
    if table.find("thead"):
        return True
    first = table.find("tr")
    if isinstance(first, Tag) and first.find("th", recursive=False) and not first.find("td", recursive=False):
        return True
    return None
