"""Word .docx: paragraphs and tables in body order; heading styles and outline levels give levels.

python-docx reads the package; a file that is not a zip, lacks its main part or has
broken XML is reported as a DocumentError. Merged cells appear once (the other grid
positions they cover are empty cells), so every row keeps the table's column count.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from stikg.errors import DocumentError
from stikg.loaders.readers.builder import TextBuilder

__all__ = ["build_docx"]

_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*(\d)", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def build_docx(path: Path) -> TextBuilder:
    """Read ``path`` into a TextBuilder, or raise DocumentError."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(str(path))
        builder = TextBuilder()
        for block in document.iter_inner_content():
            if isinstance(block, docx.table.Table):
                _table(builder, block)
            else:
                _paragraph(builder, block)
        return builder
    except (PackageNotFoundError, zipfile.BadZipFile) as error:
        raise DocumentError(path.name, f"not a valid .docx (Word) file: {_reason(error)}") from None
    except (
        KeyError,
        ValueError,
        TypeError,
        AttributeError,
        IndexError,
        LxmlError,
        EOFError,
        OSError,
    ) as error:
        raise DocumentError(path.name, f"corrupt .docx file: {_reason(error)}") from None


def _reason(error: BaseException) -> str:
    return str(error) or type(error).__name__


def _paragraph(builder: TextBuilder, paragraph) -> None:
    text = paragraph.text
    level = _heading_level(paragraph) if text.strip() else 0
    if level:
        builder.heading(text, level)
    elif text.strip():
        builder.lines(text)
    boxes = _text_boxes(paragraph)
    if not text.strip() and not boxes:
        builder.blank()
    for box in boxes:  # a boxed column (专栏) drawn as a text box anchored in this paragraph
        builder.blank()
        for line in box:
            builder.lines(line)
        builder.blank()


def _text_boxes(paragraph) -> list[list[str]]:
    """Paragraph texts of the text boxes anchored in ``paragraph`` (a box drawn twice, DrawingML and VML, once)."""
    boxes, seen = [], set()
    for box in paragraph._p.iter(f"{_W}txbxContent"):
        texts = ["".join(t.text or "" for t in p.iter(f"{_W}t")) for p in box.iter(f"{_W}p")]
        key = tuple(texts)
        if any(t.strip() for t in texts) and key not in seen:
            seen.add(key)
            boxes.append(texts)
    return boxes


def _heading_level(paragraph) -> int:
    """1-9 for a heading paragraph (style "Heading N"/"标题 N" or an outline level), else 0."""
    style = paragraph.style
    while style is not None:
        m = _HEADING_STYLE.fullmatch(style.name or "")
        if m:
            return int(m.group(1))
        style = style.base_style
    ppr = paragraph._p.pPr
    if ppr is not None:
        outline = ppr.find(f"{_W}outlineLvl")
        if outline is not None:
            value = outline.get(f"{_W}val", "9")
            return int(value) + 1 if value.isdigit() and int(value) < 9 else 0
    return 0


def _table(builder: TextBuilder, table) -> None:
    rows, above = [], []
    for row in table.rows:
        texts, seen = [], []
        for column, cell in enumerate(row.cells):
            merged_left = bool(seen) and cell._tc is seen[-1]
            merged_up = column < len(above) and cell._tc is above[column]
            texts.append("" if merged_left or merged_up else "\n".join(p.text for p in cell.paragraphs))
            seen.append(cell._tc)
        rows.append(texts)
        above = seen
    builder.table(rows)
