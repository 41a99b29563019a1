"""Segment normalised text into headings, paragraphs, sentences and tables."""

from __future__ import annotations

import re

from stikg.loaders.document import Document, Paragraph, Sentence

__all__ = ["segment"]

_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)]*|\n")


def segment(doc: Document) -> Document:
    """Fill ``doc``'s paragraphs and sentences from its text (lines are paragraphs)."""
    text = doc.text
    paragraphs, sentences = [], []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        s = start + (len(line) - len(line.lstrip()))
        e = start + len(line.rstrip())
        paragraphs.append(Paragraph(s, e))
        cursor = s
        for m in _SENTENCE_END.finditer(text, s, e):
            if m.end() > cursor and text[cursor:m.end()].strip():
                sentences.append(Sentence(cursor, m.end(), text[cursor:m.end()]))
            cursor = m.end()
        if cursor < e and text[cursor:e].strip():
            sentences.append(Sentence(cursor, e, text[cursor:e]))
    doc.paragraphs, doc.sentences = paragraphs, sentences
    return doc
