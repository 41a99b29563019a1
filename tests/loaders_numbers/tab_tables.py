"""Hand-built tables for tests: the tab-indented table layout of the corpus, read into ``Table``.

A stand-in for the segmenter's table reader (loaders/segment.py) so the indicator table code
can be tested on its own: a block of lines whose cells start with a tab; a cell's wrapped
lines follow without a tab; rows are separated by blank lines; the first row is the header.
"""

from __future__ import annotations

import re

from stikg.loaders.document import Cell, Document, Table

_CAPTION = re.compile(r"[^\n\t]{2,60}$")


def tab_tables(text: str) -> list[Table]:
    tables: list[Table] = []
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    pos = 0
    in_table = False
    cell_start = cell_end = -1

    def close_cell() -> None:
        nonlocal cell_start
        if cell_start >= 0:
            row.append(Cell(text[cell_start:cell_end], cell_start, cell_end))
            cell_start = -1

    def close_row() -> None:
        nonlocal row
        close_cell()
        if row:
            rows.append(row)
            row = []

    def close_table(end: int) -> None:
        nonlocal rows, in_table
        close_row()
        if len(rows) >= 2:
            head = rows[0]
            before = text[: head[0].start].rstrip("\n\t ").rsplit("\n", 1)[-1].strip()
            tables.append(Table(rows[1:], [c.text for c in head], head[0].start, end,
                                caption=before if _CAPTION.match(before) else "", header_cells=head))
        rows, in_table = [], False

    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if line.startswith("\t") and line.strip():
            in_table = True
            close_cell()
            cell_start = start + len(line) - len(line.lstrip("\t"))
            cell_end = start + len(line.rstrip())
        elif in_table and not line.strip():
            close_row()
        elif in_table and cell_start >= 0 and not re.match(r"^\s*\[bookmark|^\S.*[。；]$", line):
            cell_end = start + len(line.rstrip())
        elif in_table:
            close_table(start)
    if in_table:
        close_table(len(text))
    return tables


def with_tables(doc: Document) -> Document:
    """``doc`` with tab tables added when the segmenter found none."""
    if not doc.tables:
        doc.tables = tab_tables(doc.text)
    return doc
