"""Normalise extracted text before segmentation, so that offsets are stable.

Everything later (headings, sentences, tables, every quote in the graph) refers to
the text this module returns; readers call it once and never change the text
afterwards. What it does, and why:

- line ends: CRLF, CR, form feed, U+2028/2029 -> ``\\n`` (offsets count one char per break);
- conversion artefacts: ``[bookmark: _Toc…]`` (pandoc/WPS exports), zero-width characters,
  soft hyphens, stray control characters;
- whitespace: NBSP and other Unicode spaces -> space; indentation (ASCII or full-width
  spaces) removed; a leading tab kept as a single ``\\t`` because it marks a table cell;
  trailing whitespace removed; at most one blank line in a row;
- page furniture: ``- 3 -``, ``第3页 共10页``, a stray ``页`` left by a page field;
- tables: a table cell wrapped over several lines is joined into one line, so a
  cell's text is one contiguous span (``text[start:end] == cell``).

Chinese punctuation is kept as written (full-width commas, brackets, quotes).
"""

from __future__ import annotations

import re

from stikg.loaders.texttables import find_tab_tables, line_spans

__all__ = [
    "SENTENCE_FINAL",
    "clean_inline",
    "is_page_furniture",
    "join_fragments",
    "join_table_continuations",
    "join_wrapped_lines",
    "normalize",
    "normalize_newlines",
    "remove_artefacts",
]

_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_ODD_NEWLINE = re.compile(r"[\r\x0b\x0c\x85\u2028\u2029]")  # found faster than by _NEWLINES
_ARTEFACT = re.compile(r"\[(?:bookmark|anchor|_?Toc|_?Hlk)\s*:[^\]\n]*\]", re.IGNORECASE)
_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"), " "
)
_DROP = dict.fromkeys([*range(0, 9), *range(14, 32), 0x7F, 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF])
_TRANSLATE = {**_SPACES, **_DROP}
_ODD_CHAR = re.compile(f"[{re.escape(''.join(map(chr, _TRANSLATE)))}]")
_INDENT = " \t\u3000"
_PAGE_LINE = re.compile(
    r"(?:[-—–_]+\s*\d{1,4}\s*[-—–_]+|第\s*\d*\s*页(?:\s*[,，/、]?\s*共\s*\d*\s*页)?|共\s*\d+\s*页|页)"
)
_PAGE_PREFIX = re.compile(r"页(?=[^\s面岩码数眉脚首])")
_BLANK_RUN = re.compile(r"\n{3,}")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
# a number cut by a line break in Chinese text: CJK then digits | digits (a decimal part) then no Latin letter
_SPLIT_NUMBER_LEFT = re.compile(r"[\u3000-\u9fff\uff00-\uffef][0-9]+(?:\.[0-9]*)?$")
_SPLIT_NUMBER_RIGHT = re.compile(r"[0-9.]*[0-9](?![0-9.]*[A-Za-z])")
SENTENCE_FINAL = "。！？；：!?;:…”’」』）)】"  # a line ending in one of these ends its paragraph
_LIST_START = re.compile(
    r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[①-⑳•●■◆▪·—-]|第[一二三四五六七八九十\d]+[章节条]"
)


def normalize(text: str, *, pdf: bool = False) -> str:
    """The normalised form of plain text (``pdf`` also drops bare page numbers and joins wrapped lines)."""
    text = remove_artefacts(normalize_newlines(text))
    text = _clean_lines(text, pdf=pdf)
    if pdf:
        text = join_wrapped_lines(text)
    return join_table_continuations(text)


def normalize_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text) if _ODD_NEWLINE.search(text) else text


def remove_artefacts(text: str) -> str:
    """Drop conversion artefacts (bookmarks, zero-width and control characters); map odd spaces to space."""
    text = _ARTEFACT.sub("", text)
    return text.translate(_TRANSLATE) if _ODD_CHAR.search(text) else text  # translate is slow on long text


def clean_inline(text: str) -> str:
    """One paragraph from a structured source (docx, html cell): no artefacts, no line breaks, no tabs."""
    text = remove_artefacts(normalize_newlines(text))
    lines = [line.strip(_INDENT) for line in text.replace("\t", " ").split("\n")]
    out = ""
    for line in lines:
        if line:
            out = out + join_fragments(out, line) + line if out else line
    return out


def join_fragments(left: str, right: str) -> str:
    """The separator to put between two pieces of one wrapped line: a space only between Latin words.

    A number broken at the line end inside Chinese text (``产值达到2`` / ``186.5亿元``) is
    one number again: digits that follow a Chinese character and continue with digits
    get no space.
    """
    if left and right and _ASCII_WORD.match(left[-1]) and _ASCII_WORD.match(right[0]):
        return "" if _SPLIT_NUMBER_LEFT.search(left) and _SPLIT_NUMBER_RIGHT.match(right) else " "
    return ""


def is_page_furniture(line: str) -> bool:
    """Is ``line`` a page number or page field (``- 3 -``, ``第3页 共10页``, a bare ``12``)?"""
    content = line.strip(_INDENT)
    return bool(content) and bool(_PAGE_LINE.fullmatch(content) or (content.isdigit() and len(content) <= 4))


def _clean_lines(text: str, *, pdf: bool) -> str:
    out = []
    for line in text.split("\n"):
        body = line.rstrip(_INDENT)
        content = body.lstrip(_INDENT)
        if not content:
            out.append("\t" if "\t" in line and not pdf else "")
            continue
        if _PAGE_LINE.fullmatch(content) or (pdf and content.isdigit() and len(content) <= 4):
            continue
        content = _PAGE_PREFIX.sub("", content, count=1) if content.startswith("页") else content
        lead = body[: len(body) - len(content)]
        out.append(("\t" + content) if "\t" in lead and not pdf else content)
    return _BLANK_RUN.sub("\n\n", "\n".join(out)).strip("\n")


def join_wrapped_lines(text: str) -> str:
    """Join the lines of a PDF paragraph that were broken only by the page width.

    Within a block (lines between blank lines) a line is joined to the next when it
    is nearly as wide as the block's widest line (so it ran to the margin), does not
    end a sentence, and the next line does not start a heading or list item. A Latin
    word hyphenated at the break is rejoined.
    """
    blocks = text.split("\n\n")
    return "\n\n".join(_join_block(block) for block in blocks)


def _display_width(line: str) -> float:
    """The printed width of ``line`` in full-width characters (ASCII digits and letters take half)."""
    return len(line) - 0.5 * sum(1 for char in line if char < "\u0100")


def _join_block(block: str) -> str:
    lines = block.split("\n")
    if len(lines) < 2:
        return block
    width = max(_display_width(line) for line in lines)
    out, previous = [lines[0]], lines[0]
    for line in lines[1:]:
        if _wrapped(previous, line, width):
            joined = out[-1]
            if joined.endswith("-") and len(joined) > 1 and joined[-2].isalpha() and line[:1].islower():
                out[-1] = joined[:-1] + line
            else:
                out[-1] = joined + join_fragments(joined, line) + line
        else:
            out.append(line)
        previous = line
    return "\n".join(out)


def _wrapped(prev: str, line: str, width: float) -> bool:
    """Did ``prev`` (one physical line) run to the margin and continue on ``line``?

    Widths are printed widths (``_display_width``), so a line full of digits is not taken
    for a longer one than a line of Chinese characters reaching the same margin.
    """
    if not prev or not line or prev[-1] in SENTENCE_FINAL:
        return False
    return _display_width(prev) >= 0.8 * width and width >= 15 and not _LIST_START.match(line)


def join_table_continuations(text: str) -> str:
    """Join each wrapped table cell into one line (``"\\t2015年\\n完成情况"`` -> ``"\\t2015年完成情况"``)."""
    if "\t" not in text:
        return text
    pieces, pos = [], 0
    for table in find_tab_tables(text, line_spans(text)):
        for cell in [*table.header, *(c for row in table.rows for c in row)]:
            for (_, e1), (s2, e2) in zip(cell.parts, cell.parts[1:], strict=False):
                pieces.append(text[pos:e1])
                pieces.append(join_fragments(text[cell.start : e1], text[s2:e2]))
                pos = s2
    if not pieces:
        return text  # the same object: segmenting reuses the tables found here
    pieces.append(text[pos:])
    return "".join(pieces)
