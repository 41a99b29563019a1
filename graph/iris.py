"""Stable, readable IRIs for entities, documents, graphs and facts.

An entity's IRI depends only on its kind and its canonical Chinese name, never on
which document named it first, so rebuilding in any order gives the same IRIs::

    {base}id/{kind}/{pinyin-slug}-{hash6}        entities (org, place, industry, ...)
    {base}id/document/{file-stem}                 a loaded document
    {base}graph/{file-stem}                       the named graph holding its facts
    {base}id/{fact-kind}/{file-stem}/{start}-{end}[-{n}]   facts and text spans

``hash6`` is the first six hex digits of SHA-1 over the canonical name, which keeps
homophones (同音) apart while the pinyin keeps the IRI readable.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from stikg.config import base_iri

__all__ = [
    "document_iri",
    "entity_iri",
    "fact_iri",
    "graph_iri",
    "pinyin_label",
    "slugify",
]

ENTITY_KINDS = frozenset(
    {"org", "place", "industry", "indicator", "talent-program", "funding", "grouping", "scheme", "level"}
)
_NON_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def _syllables(name: str) -> tuple[str, ...]:
    """Toneless pinyin of ``name``, one item per syllable or non-Han run (labels and slugs share it)."""
    return tuple(lazy_pinyin(name, style=Style.NORMAL, errors="default"))


@lru_cache(maxsize=65536)
def pinyin_label(name: str) -> str:
    """Toneless pinyin of a Chinese name, syllables separated by spaces (``zh-Latn-pinyin``)."""
    text = " ".join(p.strip() for p in _syllables(name) if p.strip())
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=65536)
def slugify(name: str) -> str:
    """ASCII slug of a name: pinyin for Han characters, lower-case letters and digits otherwise."""
    normalized = unicodedata.normalize("NFKC", name)
    ascii_text = "".join(_syllables(normalized)).lower()
    slug = _NON_SLUG.sub("-", ascii_text).strip("-")
    return slug[:60].rstrip("-") or "x"


def _hash6(name: str) -> str:
    return hashlib.sha1(unicodedata.normalize("NFKC", name).encode("utf-8")).hexdigest()[:6]


@lru_cache(maxsize=65536)
def _entity_path(kind: str, canonical_name: str) -> str:
    """``{kind}/{slug}-{hash6}``: entities recur in every document that names them."""
    if kind not in ENTITY_KINDS:
        raise ValueError(f"unknown entity kind {kind!r}; expected one of {sorted(ENTITY_KINDS)}")
    return f"{kind}/{slugify(canonical_name)}-{_hash6(canonical_name)}"


def entity_iri(kind: str, canonical_name: str) -> str:
    """The IRI of an entity of ``kind`` named ``canonical_name`` (its full Chinese name)."""
    return f"{base_iri()}id/{_entity_path(kind, canonical_name)}"


@lru_cache(maxsize=4096)
def _stem(file_name: str) -> str:
    stem = file_name.rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return _NON_SLUG.sub("-", slugify(stem) if not stem.isascii() else stem.lower()).strip("-") or "doc"


def document_iri(file_name: str) -> str:
    """The IRI of the document loaded from ``file_name`` (its base name)."""
    return f"{base_iri()}id/document/{_stem(file_name)}"


def graph_iri(file_name: str) -> str:
    """The named graph that holds every fact drawn from ``file_name``."""
    return f"{base_iri()}graph/{_stem(file_name)}"


def fact_iri(kind: str, file_name: str, start: int, end: int, n: int = 0) -> str:
    """The IRI of a fact or span of ``kind`` found at ``[start, end)`` in ``file_name``."""
    suffix = f"-{n}" if n else ""
    return f"{base_iri()}id/{kind}/{_stem(file_name)}/{start}-{end}{suffix}"
