"""Saved web pages (.html/.htm): the article body, its ``<h1>``–``<h6>`` headings and data tables.

Government sites wrap the article in navigation, so the reader keeps the element
that holds the article when it can find one (the common content containers such
as ``#zoom`` or ``.TRS_Editor``, or else ``<article>``/``<main>``), falling back
to ``<body>``. Tables that contain other tables are layout, not data: their cells
are read as ordinary blocks.
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


def build_html(text: str) -> TextBuilder:
    """Parse decoded HTML ``text`` into a TextBuilder."""
    with (
        warnings.catch_warnings()
    ):  # bs4's hints (XHTML parsed as HTML, text that looks like a URL) are not errors here
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(text, "lxml")
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    root = _content_root(soup)
    builder = _Walker()
    if root is not soup.body and root is not None:
        title = soup.find("h1")
        if isinstance(title, Tag) and root not in title.parents and title not in root.descendants:
            builder.heading(title, 1)
    builder.walk(root or soup)
    builder.flush()
    return builder.out


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
    rows = []
    for tr in table.find_all("tr"):
        row = []
        for cell in tr.find_all(["td", "th"], recursive=False):
            row.append(_inline_text(cell.get_text(" ")))
            span = str(cell.get("colspan", "1"))
            row.extend([""] * (min(int(span), 50) - 1 if span.isdigit() and int(span) > 1 else 0))
        rows.append(row)
    return rows


def _has_header(table: Tag) -> bool | None:
    """True when the table marks its header (``<thead>`` or a first row of ``<th>``); None to let the builder decide."""
    if table.find("thead"):
        return True
    first = table.find("tr")
    if isinstance(first, Tag) and first.find("th", recursive=False) and not first.find("td", recursive=False):
        return True
    return None
