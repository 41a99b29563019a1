"""Strict reading of protocol parameters: percent-encoding and UTF-8 are checked, not guessed.

Werkzeug decodes leniently (a bad escape stays literal, a bad byte becomes U+FFFD),
which would silently run a different query than the client sent. Here a malformed
escape or a non-UTF-8 byte is a 400 that says where it is and what to send.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import unquote_to_bytes

from flask import Request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import RequestEntityTooLarge, UnsupportedMediaType

from stikg.errors import UsageError

__all__ = ["FORM", "body_text", "form_params", "url_params"]

FORM = "application/x-www-form-urlencoded"
_BAD_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")


def _decode_pairs(raw: bytes, where: str) -> MultiDict:
    if not raw:
        return MultiDict()
    pairs = _decoded(raw, where) if len(raw) <= _MEMO_BYTES else _decode(raw, where)
    return MultiDict(pairs)


_MEMO_BYTES = 16 * 1024


@functools.lru_cache(maxsize=512)
def _decoded(raw: bytes, where: str) -> tuple[tuple[str, str], ...]:
    """Decoding is pure and clients repeat their requests (dashboards, polling): remember
    the last few hundred small ones instead of percent-decoding them in Python again."""
    return _decode(raw, where)


def _decode(raw: bytes, where: str) -> tuple[tuple[str, str], ...]:
    bad = _BAD_ESCAPE.search(raw)
    if bad:
        snippet = raw[bad.start() : bad.start() + 3].decode("ascii", "replace")
        raise UsageError(
            f"malformed percent-encoding {snippet!r} at byte {bad.start()} of the {where}; "
            "encode a literal % as %25 (use encodeURIComponent or urllib.parse.quote)"
        )
    pairs = []
    for part in raw.split(b"&"):
        if not part:
            continue
        name, _, value = part.partition(b"=")
        key = _utf8(unquote_to_bytes(name.replace(b"+", b" ")), where, "a parameter name")
        pairs.append((key, _utf8(unquote_to_bytes(value.replace(b"+", b" ")), where, f"parameter {key!r}")))
    return tuple(pairs)


def _utf8(data: bytes, where: str, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{what} in the {where} is not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "percent-encode UTF-8 text"
        ) from None


def url_params(request: Request, max_bytes: int) -> MultiDict:
    """The URL's query-string parameters, strictly decoded."""
    raw = request.query_string
    if len(raw) > max_bytes:
        raise RequestEntityTooLarge(
            f"the URL's query string is {len(raw)} bytes, over the limit of {max_bytes} "
            "(STIKG_MAX_REQUEST_BYTES); send long queries with POST"
        )
    return _decode_pairs(raw, "URL query string")


def _charset_ok(request: Request) -> None:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"charset {charset!r} is not supported; send the body as UTF-8")


def _body(request: Request) -> bytes:
    limit = request.max_content_length
    if limit is not None and request.content_length is not None and request.content_length > limit:
        raise RequestEntityTooLarge(
            f"the request body is {request.content_length} bytes, over the limit of {limit} "
            "(STIKG_MAX_REQUEST_BYTES)"
        )
    return request.get_data(cache=True)


def form_params(request: Request) -> MultiDict:
    """Parameters of an ``application/x-www-form-urlencoded`` body, strictly decoded."""
    _charset_ok(request)
    return _decode_pairs(_body(request), "form body")


def body_text(request: Request, what: str) -> str:
    """A direct POST body (e.g. application/sparql-query) as UTF-8 text."""
    _charset_ok(request)
    return _utf8(_body(request), "request body", what)
