"""The normalised document every reader produces and every extractor reads.

All offsets are 0-based character offsets into ``Document.text`` (end exclusive),
and ``Document.text`` is stored in the graph (``stikg:text``), so every quote can
be checked against the text it came from: ``text[start:end] == quote``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

__all__ = ["Cell", "Document", "Heading", "Paragraph", "Sentence", "Table"]


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading such as ``一、`` ``（一）`` ``1.`` ``第一章`` ``重大工程一``; ``level`` 1 is outermost.

    ``text[start:end]`` is the marker and the title as written (``"（一）发展基础"``);
    ``text[title_start:end] == title``. A run-in heading (``1.建设高能级平台。举全市之力…``)
    covers the lead phrase only, without its closing punctuation.
    """

    level: int
    marker: str  # the numbering as written, e.g. "（一）"; "" when the heading has none
    title: str  # the heading text without its marker
    start: int
    end: int
    title_start: int = -1  # offset of ``title`` in the text (== start when there is no marker)
    kind: str = ""  # marker family: chapter, section, cn, cn_paren, num, num_paren, box, … ("" for none)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A non-empty line of the text (leading and trailing whitespace excluded)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (ended by 。！？； or a line end); ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell; ``text == document.text[start:end]`` (wrapped cell lines are joined in the text)."""

    text: str  # cell text with line breaks inside the cell joined
    start: int
    end: int


@dataclass(slots=True)
class Table:
    """A table as rows of cells.

    ``rows`` are the data rows; the header row, when one was found, is NOT among them:
    its texts are in ``header`` and its cells (with offsets) in ``header_cells``.
    Rows may be shorter than the header when the source merged cells.
    """

    rows: list[list[Cell]]
    header: list[str]
    start: int
    end: int
    caption: str = ""  # the short line just above the table, e.g. "表1 主要指标", if any
    header_cells: list[Cell] = field(default_factory=list)

    def column(self, name: str) -> int | None:
        """Index of the first header column whose text contains ``name``."""
        for i, text in enumerate(self.header):
            if name in text:
                return i
        return None


@dataclass(slots=True)
class Document:
    """One normalised document: text, headings, paragraphs, sentences and tables."""

    source: str  # file name (base name), e.g. "000_49b16a4e95240a9a.txt"
    text: str
    format: str = "txt"  # txt, md, docx, html, pdf
    encoding: str = "utf-8"  # the encoding the file was decoded from ("" for binary formats)
    headings: list[Heading] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _heading_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _heading_paths: list[tuple[Heading, ...]] = field(default_factory=list, repr=False, compare=False)
    # the sentence and heading lists the two indexes above were built from
    _indexed: tuple[object, object] = field(default=(None, None), repr=False, compare=False)

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains ``offset``, if any."""
        if len(self._sentence_starts) != len(self.sentences) or self._indexed[0] is not self.sentences:
            self._sentence_starts = [s.start for s in self.sentences]
            self._indexed = (self.sentences, self._indexed[1])
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def heading_path(self, offset: int) -> list[Heading]:
        """The headings in force at ``offset``, outermost first (bisect over paths computed once)."""
        if len(self._heading_paths) != len(self.headings) or self._indexed[1] is not self.headings:
            self._index_headings()
            self._indexed = (self._indexed[0], self.headings)
        i = bisect.bisect_right(self._heading_starts, offset) - 1
        return list(self._heading_paths[i]) if i >= 0 else []

    def _index_headings(self) -> None:
        path: list[Heading] = []
        paths = []
        for heading in self.headings:
            while path and path[-1].level >= heading.level:
                path.pop()
            path.append(heading)
            paths.append(tuple(path))
        self._heading_starts = [h.start for h in self.headings]
        self._heading_paths = paths

    def table_at(self, offset: int) -> Table | None:
        """The table whose span contains ``offset``, if any."""
        for table in self.tables:
            if table.start <= offset < table.end:
                return table
        return None
