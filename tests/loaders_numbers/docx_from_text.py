"""Write a .docx with python-docx from a plain-text document in the corpus layout.

Lines become paragraphs (``第一章`` / ``一、`` lines get Word heading styles, as drafting
offices use them) and a block of tab-indented cells (a row per blank-line-separated group,
the first row the header, a cell's wrapped lines joined) becomes a real Word table, so the
same hand annotation checks the .docx reader and the table extractor together.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx

_CHAPTER = re.compile(r"^第[一二三四五六七八九十]+章")
_SECTION = re.compile(r"^[一二三四五六七八九十]+、")


def _blocks(lines: list[str]):
    """("para", line) or ("table", rows) in document order."""
    i = 0
    while i < len(lines):
        if not lines[i].startswith("\t"):
            yield "para", lines[i]
            i += 1
            continue
        rows, row = [], []
        while i < len(lines) and (lines[i].startswith("\t") or (not lines[i].strip() and i + 1 < len(lines)
                                                               and lines[i + 1].startswith("\t"))
                                  or (lines[i].strip() and row and not lines[i].startswith("\t"))):
            line = lines[i]
            if not line.strip():
                rows.append(row)
                row = []
            elif line.startswith("\t"):
                row.append(line.strip())
            else:
                row[-1] += line.strip()
            i += 1
            if i < len(lines) and lines[i].strip() and not lines[i].startswith("\t") and not row:
                break
        if row:
            rows.append(row)
        yield "table", rows


def write_docx(source: Path, target: Path) -> Path:
    document = docx.Document()
    for kind, block in _blocks(source.read_text(encoding="utf-8").splitlines()):
        if kind == "table":
            width = max(len(r) for r in block)
            table = document.add_table(rows=len(block), cols=width)
            for r, cells in enumerate(block):
                for c, value in enumerate(cells):
                    table.cell(r, c).text = value
        elif _CHAPTER.match(block):
            document.add_heading(block, level=1)
        elif _SECTION.match(block) and len(block) <= 30:
            document.add_heading(block, level=2)
        else:
            document.add_paragraph(block)
    document.save(str(target))
    return target
