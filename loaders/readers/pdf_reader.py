"""Text PDFs: pdfminer.six extracts the text layer page by page; page furniture is removed.

Page numbers, running headers/footers repeated on most pages and form feeds are
dropped, and lines broken only by the page width are joined (``normalize``). A
scanned PDF has no text layer: that is reported, with the advice to OCR it first.
"""

from __future__ import annotations

import io
import logging
import struct
import zlib
from collections import Counter

from stikg.errors import DocumentError
from stikg.loaders.normalize import SENTENCE_FINAL, is_page_furniture, normalize

__all__ = ["read_pdf_text"]

_HEADER_SCAN = 2  # lines at the top and bottom of a page that may be running headers/footers
# lines of one paragraph may be up to a line height apart: official documents are set with
# fixed spacing of about 1.5-1.8 lines (16 pt type on 28-29 pt), wider than pdfminer's default
# (half a line), which would cut every wrapped line into a paragraph of its own
_LINE_MARGIN = 1.0


def read_pdf_text(data: bytes, name: str) -> str:
    """The normalised text of the PDF ``data``, or DocumentError naming ``name``."""
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSException

    if not data.lstrip()[:5] == b"%PDF-":
        raise DocumentError(name, "not a PDF file (no %PDF- header)")
    if b"%%EOF" not in data[-4096:]:
        raise DocumentError(name, "truncated PDF (no %%EOF marker at the end); download or export it again")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        raw = extract_text(io.BytesIO(data), laparams=LAParams(line_margin=_LINE_MARGIN))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise DocumentError(name, "encrypted PDF; save an unprotected copy") from None
    except PSException as error:
        raise DocumentError(name, f"corrupt PDF: {type(error).__name__} {error}".strip()) from None
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, AssertionError, struct.error, zlib.error,
            RecursionError, EOFError) as error:  # fmt: skip
        raise DocumentError(name, f"corrupt PDF: {type(error).__name__} {error}".strip()) from None
    text = normalize(_drop_running_lines(raw.split("\f")), pdf=True)
    if not text.strip():
        raise DocumentError(name, "PDF has no text layer (a scan?); run OCR on it first")
    return text


def _drop_running_lines(pages: list[str]) -> str:
    """Join pages, leaving out a line that recurs at the top or bottom of most pages."""
    pages = [p for p in pages if p.strip()]
    split = [[line.strip() for line in page.strip().split("\n")] for page in pages]
    running: set[str] = set()
    if len(pages) >= 3:
        edges: Counter[str] = Counter()
        for lines in split:
            content = [line for line in lines if line]
            edges.update(set(content[:_HEADER_SCAN] + content[-_HEADER_SCAN:]))
        running = {line for line, n in edges.items() if n > len(pages) / 2 and not line.isdigit()}
    return _join_pages([[line for line in lines if line not in running] for lines in split])


def _join_pages(pages: list[list[str]]) -> str:
    """The pages' lines as one text; a paragraph running on over a page break stays one block.

    Page numbers at the edges of a page are dropped here (normalize drops them anyway), so
    the last line of a page meets the first of the next; when that last line does not end a
    sentence they are put in one block, and ``join_wrapped_lines`` decides by its width
    whether the paragraph continues.
    """
    out = ""
    for lines in pages:
        lines = _trim(lines)
        if not lines:
            continue
        text = "\n".join(lines)
        if not out:
            out = text
        else:
            out += ("\n" if out[-1] not in SENTENCE_FINAL else "\n\n") + text
    return out


def _trim(lines: list[str]) -> list[str]:
    """``lines`` without blank lines and page numbers at its top and bottom."""
    start, end = 0, len(lines)
    while start < end and (not lines[start] or is_page_furniture(lines[start])):
        start += 1
    while end > start and (not lines[end - 1] or is_page_furniture(lines[end - 1])):
        end -= 1
    return lines[start:end]
