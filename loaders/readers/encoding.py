"""Decode document bytes: BOM, strict UTF-8, a declared charset, GB18030, then a guarded guess.

Suzhou government files come as UTF-8 or GBK/GB2312 (GB18030 is their superset,
so it is what we decode those with). UTF-8 is tried before any declaration because
a valid UTF-8 byte string of Chinese text is almost never GBK by accident, while
UTF-8 bytes often *do* decode as GB18030 into mojibake. charset-normalizer is only
consulted for the few other encodings a Chinese document can plausibly be in.
Bytes that decode to control characters are binary, not text, and are rejected.
"""

from __future__ import annotations

import codecs
import re

from stikg.errors import DocumentError

__all__ = ["declared_charset", "decode_bytes"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (b"\x84\x31\x95\x33", "gb18030"),
)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn", "hz-gb-2312"}
_GUESSABLE = {
    "big5",
    "big5hkscs",
    "cp950",
    "utf_16",
    "utf_16_le",
    "utf_16_be",
    "utf_32",
    "utf_32_le",
    "utf_32_be",
}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML file declares in its first 4 KB (``<meta charset>``), if any."""
    head = data[:4096]
    m = _META.search(head) or _XML_DECL.search(head)
    return m.group(1).decode("ascii").strip().lower() if m else None


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding) of ``data``, or DocumentError naming ``name`` and what is wrong."""
    if not data.strip():
        raise DocumentError(name, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), name, encoding), encoding
            except UnicodeDecodeError as error:
                raise DocumentError(
                    name, f"starts with a {encoding} byte-order mark but byte {error.start} is invalid"
                ) from None
    binary = None
    for encoding in _candidates(declared):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _CONTROL.search(text):
            binary = binary or _CONTROL.search(text)
            continue
        return text, encoding
    guessed = _guess(data)
    if guessed is not None:
        return guessed
    if binary is not None:
        raise DocumentError(
            name,
            f"binary data, not text (control character {binary.group()!r} at character {binary.start()})",
        )
    raise DocumentError(
        name,
        f"cannot decode: not UTF-8 (invalid byte {_first_bad_utf8(data)}) and not GB18030/GBK; save it as UTF-8",
    )


def _candidates(declared: str | None) -> list[str]:
    """UTF-8, then a declared Chinese charset, then GB18030, then any other declared charset.

    A Western declaration (windows-1252, iso-8859-1) on a Chinese page is a common
    mistake and decodes GBK bytes without error into mojibake, so it comes last.
    """
    lowered = (declared or "").lower()
    if lowered in _GB_FAMILY:
        lowered = "gb18030"
    chinese = lowered.startswith(("gb", "big5", "cp950", "utf"))
    order = ["utf-8", lowered if chinese else "", "gb18030", "" if chinese else lowered]
    return [e for e in dict.fromkeys(order) if e]


def _guess(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess, kept only for a plausible encoding that yields clean text."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding not in _GUESSABLE:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return (text, best.encoding) if not _CONTROL.search(text) else None


def _checked(text: str, name: str, encoding: str) -> str:
    bad = _CONTROL.search(text)
    if bad:
        raise DocumentError(
            name, f"binary data, not text (control character {bad.group()!r} at character {bad.start()})"
        )
    if not text.strip():
        raise DocumentError(name, "empty file")
    return text


def _first_bad_utf8(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"0x{data[error.start]:02x} at offset {error.start}"
    return "none"
