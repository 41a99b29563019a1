"""Segment normalised text into headings, paragraphs, sentences and tables.

Works on the text as the readers left it and never changes it: every span it
produces satisfies ``text[start:end] == the thing``. Headings and tables a reader
already knew from the source structure (docx styles, ``<h2>``, ``<table>``,
markdown ``#`` and pipe tables) are kept; the rest are found from text patterns:
numbered heading lines (``headings.py``) and tab-indented cell blocks
(``texttables.py``). One pass over the lines; regular expressions only.
"""

from __future__ import annotations

import re

from stikg.loaders import headings as heading_rules
from stikg.loaders.document import Cell, Document, Paragraph, Sentence, Table
from stikg.loaders.texttables import RawCell, RawTable, find_tab_tables, line_spans

__all__ = ["segment", "split_sentences", "table_from_cells"]

# 。！？； (or !?; not inside a URL), repeated, then closing quotes. It opens with a character
# set, not a group, so the regex engine skips ahead to candidates (3.5x faster).
_SENTENCE_END = re.compile(
    r"[。！？；!?;](?:(?<=[。！？；])|(?![\w/=&]))(?:[。！？；]|[!?;](?![\w/=&]))*[”’」』）)】〕》\"']*"
)
_NUMERIC = re.compile(r"[-+]?\d[\d.,，]*\s*[%％]?")
_CAPTION_MAX = 60


def segment(doc: Document) -> Document:
    """Fill ``doc``'s headings, paragraphs, sentences and tables from its text."""
    text = doc.text
    lines = line_spans(text)
    tables = _merge_tables(doc.tables, [_table(text, raw) for raw in find_tab_tables(text, lines)])
    explicit = {h.start: h for h in doc.headings}
    in_table = _table_lines(lines, tables)
    candidates, paragraphs, sentences = [], [], []
    for index, (line_start, line_end) in enumerate(lines):
        line = text[line_start:line_end]
        body = line.strip()
        if not body:
            continue
        s = line_start + len(line) - len(line.lstrip())
        e = s + len(body)
        paragraphs.append(Paragraph(s, e))
        sentence_start = s
        heading = explicit.get(s)
        if heading is not None:
            sentence_start = e
            sentences.append(Sentence(s, e, text[s:e]))
        elif not in_table[index]:
            candidate = heading_rules.detect(text, s, e)
            if candidate is not None:
                candidates.append(candidate)
                sentences.append(Sentence(s, candidate.sentence_end, text[s : candidate.sentence_end]))
                sentence_start = _skip_space(text, candidate.sentence_end, e)
        sentences.extend(split_sentences(text, sentence_start, e))
    doc.headings = heading_rules.assign_levels(candidates, list(doc.headings))
    doc.paragraphs, doc.sentences, doc.tables = paragraphs, sentences, tables
    return doc


def split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of the single line ``text[start:end]``: split after 。！？；, closing quotes kept."""
    out, cursor = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        stop = m.end()
        body = text[cursor:stop].lstrip()
        if body:
            out.append(Sentence(stop - len(body), stop, body))
        cursor = stop
    rest = text[cursor:end]
    body = rest.strip()
    if body:
        first = cursor + len(rest) - len(rest.lstrip())
        out.append(Sentence(first, first + len(body), body))
    return out


def table_from_cells(rows: list[list[Cell]], caption: str = "", header: bool | None = None) -> Table:
    """A Table from rows of cells; the first row is the header when ``header`` or when it looks like one."""
    first = rows[0] if rows else []
    if header is None:
        header = len(rows) > 1 and _looks_like_header([c.text for c in first])
    body = rows[1:] if header else rows
    start = rows[0][0].start if rows and rows[0] else 0
    end = rows[-1][-1].end if rows and rows[-1] else start
    head = list(first) if header else []
    return Table(body, [c.text for c in head], start, end, caption, head)


def _table(text: str, raw: RawTable) -> Table:
    rows = [[_cell(text, c) for c in raw.header], *[[_cell(text, c) for c in row] for row in raw.rows]]
    return table_from_cells(rows, _caption(text, raw.start))


def _cell(text: str, raw: RawCell) -> Cell:
    """A cell; if it still spans several lines (text not normalised), its text joins them."""
    if len(raw.parts) == 1:
        return Cell(text[raw.start : raw.end], raw.start, raw.end)
    joined = "".join(text[s:e].strip() for s, e in raw.parts)
    return Cell(joined, raw.start, raw.end)


def _caption(text: str, table_start: int) -> str:
    """The short line just above a table (skipping blank lines), if it reads like a title."""
    before = text[:table_start].rstrip()
    line = before[before.rfind("\n") + 1 :].strip()
    if 0 < len(line) <= _CAPTION_MAX and line[-1] not in "。；：:":
        return line
    return ""


def _looks_like_header(texts: list[str]) -> bool:
    filled = [t for t in texts if t.strip()]
    numeric = sum(1 for t in filled if _NUMERIC.fullmatch(t.strip()))
    return len(filled) >= 2 and numeric * 2 < len(filled)


def _merge_tables(explicit: list[Table], found: list[Table]) -> list[Table]:
    """Explicit tables plus found ones that do not overlap them, in text order."""
    kept = [t for t in found if not any(t.start < x.end and x.start < t.end for x in explicit)]
    return sorted([*explicit, *kept], key=lambda t: t.start)


def _table_lines(lines: list[tuple[int, int]], tables: list[Table]) -> list[bool]:
    """For each line, whether it lies inside a table (two pointers over sorted spans)."""
    flags, t = [False] * len(lines), 0
    for i, (s, e) in enumerate(lines):
        while t < len(tables) and tables[t].end < s:
            t += 1
        flags[i] = t < len(tables) and tables[t].start <= e
    return flags


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos
