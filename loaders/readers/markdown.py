"""Markdown: ``#`` headings and pipe tables become structure; inline markup is dropped.

Only what policy documents written in Markdown use: ATX and setext headings,
pipe tables, lists, block quotes, fenced code, emphasis, links and images. Soft
line breaks inside a paragraph are joined (a line not ending a sentence continues
on the next), so a hand-wrapped paragraph reads as one line.
"""

from __future__ import annotations

import re

from stikg.loaders.headings import split_marker
from stikg.loaders.normalize import join_fragments, normalize_newlines, remove_artefacts
from stikg.loaders.readers.builder import TextBuilder

__all__ = ["build_markdown", "looks_like_markdown", "strip_inline"]

_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r" {0,3}(```+|~~~+)")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TABLE_SEP = re.compile(
    r"[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)+\|?[ \t]*$|[ \t]*\|[ \t]*:?-{1,}:?[ \t]*\|[ \t]*$"
)
_BULLET = re.compile(r"[ \t]*(?:[-*+]|>+)[ \t]+")
_QUOTE = re.compile(r"[ \t]*>+[ \t]?")
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link -> its text
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline html tags
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),  # backslash escapes
]
_MARKUP = re.compile(r"[*_\[<`~\\]")
_SENTENCE_FINAL = "。！？；：!?;:"


def strip_inline(text: str) -> str:
    """Markdown inline markup removed (``**粗体**`` -> ``粗体``, ``[文字](url)`` -> ``文字``)."""
    if not _MARKUP.search(text):
        return text
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text.replace("**", "")


_MD_SIGNS = re.compile(r"^ {0,3}#{1,6}[ \t]+\S|^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|", re.MULTILINE)


def looks_like_markdown(text: str) -> bool:
    """Is this "plain text" really Markdown (two ``#`` headings or a pipe table)? Exports often save it as .txt."""
    signs = _MD_SIGNS.finditer(text)
    return next(signs, None) is not None and next(signs, None) is not None


def build_markdown(text: str) -> TextBuilder:
    """Parse markdown ``text`` (already decoded) into a TextBuilder."""
    lines = remove_artefacts(normalize_newlines(text)).split("\n")
    builder, paragraph = TextBuilder(), []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not line.strip():
            if not _broken_paragraph(paragraph, lines, i):
                _flush(builder, paragraph)
                builder.blank()
        elif _FENCE.match(line):
            _flush(builder, paragraph)
            i = _code_block(builder, lines, i)
        elif m := _ATX.match(line):
            _flush(builder, paragraph)
            builder.heading(strip_inline(m.group(2) or ""), len(m.group(1)))
        elif (
            not paragraph and nxt.strip() and _SETEXT.match(nxt) and not _RULE.match(line) and "|" not in line
        ):
            builder.heading(strip_inline(line), 1 if nxt.strip()[0] == "=" else 2)
            i += 1
        elif "|" in line and _TABLE_SEP.match(nxt):
            _flush(builder, paragraph)
            i = _pipe_table(builder, lines, i)
        elif _RULE.match(line):
            _flush(builder, paragraph)
        elif _BULLET.match(line) or _starts_item(line):
            _flush(builder, paragraph)
            paragraph.append(_QUOTE.sub("", _BULLET.sub("", line, count=1), count=1))
        else:
            paragraph.append(_QUOTE.sub("", line, count=1))
        i += 1
    _flush(builder, paragraph)
    return builder


def _broken_paragraph(paragraph: list[str], lines: list[str], i: int) -> bool:
    """Does the paragraph continue after this blank line? (a converter split it mid-sentence)

    True when its last line stops mid-sentence (after a comma, or a long line ending
    in a plain character) and the next non-blank line is plain paragraph text.
    """
    if not paragraph:
        return False
    last = strip_inline(paragraph[-1]).rstrip()
    if (
        not last
        or last[-1] in _SENTENCE_FINAL
        or last[-1] in "”’）)"
        or (len(last) < 20 and last[-1] not in "，、,")
    ):
        return False
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j >= len(lines):
        return False
    nxt = lines[j].strip()
    return not (
        nxt.startswith(("**", "#", "|", ">", "```", "~~~"))
        or _BULLET.match(nxt)
        or _starts_item(nxt)
        or _RULE.match(nxt)
        or split_marker(nxt, 0, len(nxt))[0]
    )


def _starts_item(line: str) -> bool:
    return bool(re.match(r"[ \t]*\d{1,3}[.)][ \t]", line))


def _flush(builder: TextBuilder, paragraph: list[str]) -> None:
    """Write the pending paragraph lines, joining soft-wrapped ones."""
    if not paragraph:
        return
    out: list[str] = []
    for raw in paragraph:
        line = strip_inline(raw.strip())
        if out and out[-1] and out[-1][-1] not in _SENTENCE_FINAL and not raw.endswith("  "):
            out[-1] = out[-1] + join_fragments(out[-1], line) + line
        else:
            out.append(line)
    for line in out:
        builder.paragraph(line)
    paragraph.clear()


def _code_block(builder: TextBuilder, lines: list[str], i: int) -> int:
    fence = _FENCE.match(lines[i]).group(1)  # type: ignore[union-attr]
    i += 1
    while i < len(lines) and not lines[i].strip().startswith(fence):
        builder.paragraph(lines[i])
        i += 1
    return i


def _pipe_table(builder: TextBuilder, lines: list[str], i: int) -> int:
    """Read the pipe table whose header is ``lines[i]``; return the index of its last line."""
    rows = [_pipe_cells(lines[i])]
    i += 2
    while i < len(lines) and "|" in lines[i] and lines[i].strip():
        rows.append(_pipe_cells(lines[i]))
        i += 1
    builder.table(rows, header=True)
    return i - 1


def _pipe_cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells = re.split(r"(?<!\\)\|", line)
    return [strip_inline(cell.strip().replace("\\|", "|")) for cell in cells]
