"""Readers: one per file format, each returning a normalised :class:`~stikg.loaders.document.Document`."""

from __future__ import annotations

from pathlib import Path

from stikg.errors import DocumentError
from stikg.loaders.document import Document
from stikg.loaders.segment import segment

__all__ = ["SUPPORTED_SUFFIXES", "read_document"]

SUPPORTED_SUFFIXES = (".txt", ".md")


def read_document(path: Path) -> Document:
    """Read ``path`` into a segmented Document, or raise DocumentError naming the file."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(path.name, f"unsupported format {suffix or '(none)'}; use one of {', '.join(SUPPORTED_SUFFIXES)}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(path.name, f"cannot read: {error.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(path.name, f"not UTF-8 (byte {error.start})") from None
    if not text.strip():
        raise DocumentError(path.name, "empty document")
    return segment(Document(source=path.name, text=text.replace("\r\n", "\n"), format=suffix[1:]))
