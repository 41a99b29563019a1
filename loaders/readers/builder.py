"""Assemble normalised text from structured sources (markdown, docx, html), keeping offsets.

Structured readers know what is a heading and what is a table; they append blocks
here, and the builder writes the text once, recording each heading's and each table
cell's span as it goes. Tables are written the way Word writes them as text (one
cell per line after a tab, rows separated by blank lines), so a document reads the
same whichever format it came in.
"""

from __future__ import annotations

from stikg.loaders import headings as heading_rules
from stikg.loaders.document import Cell, Document, Heading, Table
from stikg.loaders.normalize import clean_inline
from stikg.loaders.segment import table_from_cells

__all__ = ["TextBuilder"]


class TextBuilder:
    """Appends paragraphs, headings and tables to one text; ``document()`` returns the Document."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0
        self._blank = True  # at the start, as after a blank line
        self.headings: list[Heading] = []
        self.tables: list[Table] = []
        self._last_line = ""

    def paragraph(self, text: str) -> None:
        """Append one paragraph (its line breaks and indentation are normalised away)."""
        line = clean_inline(text)
        if line:
            self._line(line)

    def lines(self, text: str) -> None:
        """Append text whose line breaks are meaningful (e.g. ``<br>``, code blocks): one paragraph per line."""
        for line in text.split("\n"):
            self.paragraph(line)

    def blank(self) -> None:
        if not self._blank:
            self._write("\n")
            self._blank = True

    def heading(self, text: str, level: int) -> None:
        """Append a heading whose level the source states (``#``, ``Heading 2``, ``<h2>``)."""
        line = clean_inline(text)
        if not line:
            return
        start = self._line(line)
        kind, marker, title_start = heading_rules.split_marker(line, 0, len(line))
        end = len(line.rstrip("。；：:;"))
        end = end if end > title_start else len(line)
        self.headings.append(
            Heading(
                max(1, level), marker, line[title_start:end], start, start + end, start + title_start, kind
            )
        )

    def table(self, rows: list[list[str]], header: bool | None = None) -> None:
        """Append a table given as rows of cell texts; ``header`` None means: decide from the first row."""
        rows = [[clean_inline(cell) for cell in row] for row in rows]
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        if len(rows) == 1 or max(len(r) for r in rows) == 1:  # a framed paragraph, not a table
            for row in rows:
                for cell in row:
                    self.paragraph(cell)
            return
        caption = self._last_line if len(self._last_line) <= 60 else ""
        self.blank()
        cells: list[list[Cell]] = []
        for row in rows:
            cells.append([self._cell(text) for text in row])
            self.blank()
        self.tables.append(table_from_cells(cells, caption, header))

    def document(self, source: str, fmt: str, encoding: str = "") -> Document:
        text = "".join(self._parts).rstrip("\n")
        return Document(source, text, fmt, encoding, headings=self.headings, tables=self.tables)

    def _cell(self, text: str) -> Cell:
        self._write("\t")
        start = self._pos
        self._write(text + "\n")
        self._blank = False
        return Cell(text, start, start + len(text))

    def _line(self, line: str) -> int:
        start = self._pos
        self._write(line + "\n")
        self._blank = False
        self._last_line = line
        return start

    def _write(self, piece: str) -> None:
        self._parts.append(piece)
        self._pos += len(piece)
