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
    """A heading such as ``一、`` ``（一）`` ``1.`` ``第一章`` ``重大工程一``; ``level`` 1 is outermost."""

    level: int
    marker: str  # the numbering as written, e.g. "（一）"; "" for markdown '#' headings
    title: str  # the heading text without its marker
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
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
    text: str  # cell text with line breaks inside the cell joined
    start: int
    end: int


@dataclass(slots=True)
class Table:
    """A table as rows of cells; ``header`` holds the header row's texts when one was found."""

    rows: list[list[Cell]]
    header: list[str]
    start: int
    end: int
    caption: str = ""


@dataclass(slots=True)
class Document:
    """One normalised document: text, headings, paragraphs, sentences and tables."""

    source: str  # file name (base name), e.g. "000_49b16a4e95240a9a.txt"
    text: str
    format: str = "txt"  # txt, md, docx, html, pdf
    encoding: str = "utf-8"
    headings: list[Heading] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains ``offset``, if any."""
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def heading_path(self, offset: int) -> list[Heading]:
        """The headings in force at ``offset``, outermost first."""
        path: list[Heading] = []
        for heading in self.headings:
            if heading.start > offset:
                break
            while path and path[-1].level >= heading.level:
                path.pop()
            path.append(heading)
        return path
