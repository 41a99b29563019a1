"""Readers: one per file format, each returning a normalised, segmented :class:`~stikg.loaders.document.Document`.

``read_document`` is the one entry point: it picks the reader by file suffix,
decodes and normalises the text (``stikg.loaders.normalize``), and segments it
(``stikg.loaders.segment``). Whatever is wrong with a file (empty, unreadable,
corrupt, undecodable, unsupported) comes out as a DocumentError naming the file.
"""

from __future__ import annotations

from pathlib import Path

from stikg.errors import DocumentError
from stikg.loaders.document import Document
from stikg.loaders.normalize import normalize
from stikg.loaders.readers.encoding import declared_charset, decode_bytes
from stikg.loaders.segment import segment

__all__ = ["SUPPORTED_SUFFIXES", "read_document"]

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".docx", ".html", ".htm", ".xhtml", ".pdf")
_FORMAT = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf",
}  # fmt: skip
_ADVICE = {
    ".doc": "old Word .doc is not supported; open it in Word or LibreOffice and save it as .docx",
    ".wps": "WPS .wps is not supported; save it as .docx",
    ".rtf": "RTF is not supported; save it as .docx",
    ".xls": "spreadsheets are not supported; export the text as .txt or .docx",
    ".xlsx": "spreadsheets are not supported; export the text as .txt or .docx",
}
_MAX_BYTES = 200_000_000


def read_document(path: Path) -> Document:
    """Read ``path`` into a segmented Document, or raise DocumentError naming the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    fmt = _FORMAT.get(suffix)
    if fmt is None:
        reason = (
            _ADVICE.get(suffix)
            or f"unsupported format {suffix or '(no suffix)'}; use one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
        raise DocumentError(path.name, reason)
    data = _read_bytes(path)
    if not data.strip():
        raise DocumentError(path.name, "empty file")
    doc = _READERS[fmt](path, data)
    if not doc.text.strip():
        raise DocumentError(path.name, "no text in the document")
    return segment(doc)


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise DocumentError(
                path.name, f"file too large ({path.stat().st_size} bytes; the limit is {_MAX_BYTES})"
            )
        return path.read_bytes()
    except OSError as error:
        raise DocumentError(path.name, f"cannot read: {error.strerror or error}") from None


def _read_txt(path: Path, data: bytes) -> Document:
    from stikg.loaders.readers.markdown import build_markdown, looks_like_markdown

    text, encoding = decode_bytes(data, path.name)
    if looks_like_markdown(text):  # Markdown saved as .txt
        return build_markdown(text).document(path.name, "md", encoding)
    return Document(path.name, normalize(text), "txt", encoding)


def _read_md(path: Path, data: bytes) -> Document:
    from stikg.loaders.readers.markdown import build_markdown

    text, encoding = decode_bytes(data, path.name)
    return build_markdown(text).document(path.name, "md", encoding)


def _read_html(path: Path, data: bytes) -> Document:
    from stikg.loaders.readers.html_reader import build_html

    text, encoding = decode_bytes(data, path.name, declared_charset(data))
    return build_html(text).document(path.name, "html", encoding)


def _read_docx(path: Path, data: bytes) -> Document:
    from stikg.loaders.readers.docx_reader import build_docx

    if not data.startswith(b"PK"):
        raise DocumentError(
            path.name, "not a .docx file (not a zip package); if it is an old .doc, save it as .docx"
        )
    return build_docx(path).document(path.name, "docx")


def _read_pdf(path: Path, data: bytes) -> Document:
    from stikg.loaders.readers.pdf_reader import read_pdf_text

    return Document(path.name, read_pdf_text(data, path.name), "pdf", "")


_READERS = {"txt": _read_txt, "md": _read_md, "html": _read_html, "docx": _read_docx, "pdf": _read_pdf}
