"""Find tables written as tab-indented cell blocks in plain text.

Word's "save as text" writes a table one cell per line, each cell line starting
with a tab, rows separated by blank lines; a cell that wrapped in Word continues
on the next line(s) without a tab, sometimes after a blank line::

    \\t序号
    \\t指标名称
    \\t2015年
    完成情况            <- second line of the header cell "2015年完成情况"

    \\t1
    \\t全社会研究与发展经费投入（R&D）

    占地区生产总值（GDP）比重   <- still the same cell: the row is not complete yet
    \\t%

The header is the block before the first blank line and fixes the number of
columns; a row ends when it has that many cells or at a blank line followed by a
new cell line. One pass over the lines, no backtracking beyond a failed header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["RawCell", "RawTable", "find_tab_tables", "line_spans"]

_MAX_CONTINUATION = 100  # a wrapped cell line is short; a longer line is body text
_MAX_HEADER_LINES = 40
_MAX_HEADER_CELL = 40
_LIST_ITEM = re.compile(r"(\d{1,2})[.．、]")
_NOT_CONTINUATION = re.compile(
    r"(?:表|附表|注|备注|说明|资料来源|数据来源)|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十\d]{1,3}[章节]"
)


@dataclass
class RawCell:
    """A cell as the spans of its lines (one span unless the cell wrapped)."""

    parts: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


@dataclass
class RawTable:
    header: list[RawCell]
    rows: list[list[RawCell]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.header[0].start

    @property
    def end(self) -> int:
        last = self.rows[-1] if self.rows else self.header
        return last[-1].end


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, newline excluded."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


_last: list = [None, []]  # the text of the last call and its tables: normalising and segmenting ask twice


def find_tab_tables(text: str, lines: list[tuple[int, int]] | None = None) -> list[RawTable]:
    """Every tab-indented table of ``text`` with at least two columns and one data row."""
    if "\t" not in text:
        return []  # every table line starts with a tab
    if _last[0] is text:
        return list(_last[1])
    lines = lines if lines is not None else line_spans(text)
    kinds = _kinds(text, lines)
    next_nonblank = _next_nonblank(kinds)
    tables, i = [], 0
    while i < len(lines):
        if kinds[i] != "cell":
            i += 1
            continue
        table, stop = _parse_block(text, lines, kinds, next_nonblank, i)
        if table is None:
            i += 1
        else:
            tables.append(table)
            i = stop
    _last[:] = [text, tables]
    return list(tables)


def _kinds(text: str, lines: list[tuple[int, int]]) -> list[str]:
    """``_kind`` of every line, in one loop (most lines are text or start with a tab: decided by one character)."""
    kinds = []
    for start, end in lines:
        if start == end:
            kinds.append("blank")
        elif text[start] == "\t":
            kinds.append("cell")
        elif not text[start].isspace():
            kinds.append("text")
        else:
            kinds.append(_kind(text, start, end))
    return kinds


def _kind(text: str, start: int, end: int) -> str:
    if start == end or text[start:end].isspace():
        return "cell" if "\t" in text[start:end] else "blank"
    return "cell" if text[start] == "\t" else "text"


def _next_nonblank(kinds: list[str]) -> list[int]:
    """For each line, the index of the next non-blank line after it (len(kinds) if none)."""
    result, nxt = [len(kinds)] * len(kinds), len(kinds)
    for i in range(len(kinds) - 1, -1, -1):
        result[i] = nxt
        if kinds[i] != "blank":
            nxt = i
    return result


def _cell_span(text: str, start: int, end: int) -> tuple[int, int]:
    s = start
    while s < end and text[s] in " \t":
        s += 1
    return s, end


def _parse_block(text, lines, kinds, next_nonblank, first) -> tuple[RawTable | None, int]:
    """Parse the block starting at cell line ``first``; (None, _) when it is no table."""
    header: list[RawCell] = []
    i = first
    while i < len(lines) and kinds[i] != "blank":  # the header: cells up to the first blank line
        s, e = lines[i]
        if kinds[i] == "cell":
            header.append(RawCell([_cell_span(text, s, e)]))
        elif e - s <= _MAX_CONTINUATION:
            header[-1].parts.append((s, e))
        else:
            return None, i
        i += 1
        if i - first > _MAX_HEADER_LINES:
            return None, i
    if len(header) < 2 or not all(_header_like(text, cell) for cell in header):
        return None, i
    table = RawTable(header)
    ncols, row, blank_before = len(header), [], False
    last_used = i
    while i < len(lines):
        kind, (s, e) = kinds[i], lines[i]
        if kind == "blank":
            blank_before = True
        elif kind == "cell":
            if row and (len(row) >= ncols or blank_before):
                table.rows.append(row)
                row = []
            row.append(RawCell([_cell_span(text, s, e)]))
            blank_before, last_used = False, i + 1
        elif row and _continues(text, row, ncols, (s, e), kinds, next_nonblank[i]):
            row[-1].parts.append((s, e))
            blank_before, last_used = False, i + 1
        else:
            break
        i += 1
    if row:
        table.rows.append(row)
    return (table if table.rows else None), last_used


def _header_like(text: str, cell: RawCell) -> bool:
    """A header cell is a short label, not a sentence (tab-indented prose is not a table)."""
    label = "".join(text[s:e] for s, e in cell.parts).strip()
    return len(label) <= _MAX_HEADER_CELL and not label.endswith(("。", "；", "！", "？"))


def _continues(text, row, ncols, span, kinds, after) -> bool:
    """Is the untabbed line ``span`` the next line of the row's last cell?"""
    s, e = span
    if e - s > _MAX_CONTINUATION:
        return False
    if len(row) < ncols:
        return True
    line = text[s:e]
    if _NOT_CONTINUATION.match(line):
        return False
    item = _LIST_ITEM.match(line)
    if item:  # "2.…" continuing a cell whose last line is "1.…"
        last_s, last_e = row[-1].parts[-1]
        prev = _LIST_ITEM.match(text, last_s, last_e)
        if prev and int(prev.group(1)) + 1 == int(item.group(1)):
            return True
    return after < len(kinds) and kinds[after] == "cell"
