"""A light lexical scan of SPARQL text: SERVICE targets, dataset clauses, volatile functions.

pyoxigraph exposes no query algebra to Python, and its SERVICE calls really go out
over HTTP, so federated calls are gated here before the query runs. The scanner
skips comments, strings and IRIs the way the SPARQL grammar does, so a keyword
inside a literal or comment does not count, and expands prefixed names with the
query's own PREFIX declarations.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from stikg.errors import UsageError

__all__ = ["Scan", "check_services", "scan"]

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<pname>(?:[^\W\d_][\w.\-]*)?:(?:[\w\-:.%\\]|\\.)*)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_VOLATILE = {"NOW", "RAND", "UUID", "STRUUID", "BNODE"}


@dataclass
class Scan:
    services: list[str] = field(default_factory=list)  # absolute IRIs of SERVICE targets
    service_variables: list[str] = field(default_factory=list)
    has_dataset_clause: bool = False  # FROM / FROM NAMED in the query itself
    volatile: bool = False  # NOW(), RAND()…: an answer that must not be cached


def _tokens(text: str) -> list[tuple[str, str]]:
    out = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("ws", "comment"):
            out.append((kind, match.group()))
    return out


@functools.lru_cache(maxsize=1024)
def scan(text: str) -> Scan:
    """What the query asks of the outside world and of the dataset.

    Cached by text (a server scans the same queries again and again): the result is
    shared, so read it, never change it."""
    tokens = _tokens(text)
    prefixes: dict[str, str] = {}
    base = ""
    result = Scan()
    for i, (kind, value) in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ("", "")
        if kind != "word":
            continue
        upper = value.upper()
        if upper == "PREFIX" and nxt[0] == "pname" and i + 2 < len(tokens) and tokens[i + 2][0] == "iri":
            prefixes[nxt[1].rstrip(":")] = urljoin(base, tokens[i + 2][1][1:-1])
        elif upper == "BASE" and nxt[0] == "iri":
            base = urljoin(base, nxt[1][1:-1])
        elif upper == "FROM":
            result.has_dataset_clause = True
        elif upper in _VOLATILE:
            result.volatile = True
        elif upper == "SERVICE":
            target = tokens[i + 2] if nxt[0] == "word" and nxt[1].upper() == "SILENT" else nxt
            _service_target(target, prefixes, base, result)
    return result


def _service_target(token: tuple[str, str], prefixes: dict[str, str], base: str, result: Scan) -> None:
    kind, value = token if token else ("", "")
    if kind == "iri":
        result.services.append(urljoin(base, value[1:-1]))
    elif kind == "pname":
        prefix, _, local = value.partition(":")
        if prefix not in prefixes:
            raise UsageError(f"SERVICE {value}: prefix {prefix}: is not declared")
        result.services.append(prefixes[prefix] + local)
    elif kind == "var":
        result.service_variables.append(value)
    else:
        result.services.append(value)  # not an IRI: refused below unless allow-listed verbatim


def check_services(found: Scan, allowlist: list[str]) -> None:
    """Refuse SERVICE calls to endpoints the operator did not allow (none by default)."""
    if found.service_variables:
        raise UsageError(
            f"SERVICE {found.service_variables[0]}: a variable endpoint is not allowed; "
            "name an endpoint IRI listed in STIKG_SERVICE_ALLOWLIST"
        )
    for iri in found.services:
        if iri not in allowlist:
            allowed = ", ".join(allowlist) if allowlist else "none configured"
            raise UsageError(
                f"SERVICE <{iri}> is not on the allowlist of federated endpoints "
                f"(STIKG_SERVICE_ALLOWLIST: {allowed}); ask the operator to add it, or drop the SERVICE clause"
            )
