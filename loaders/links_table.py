"""Read the verified link table (``data/reference/links.csv``).

Rows with a malformed QID, ROR ID or division code are reported with their line
number and skipped; the rest load.
"""

from __future__ import annotations

import csv
import importlib.resources
import io
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LinkRow", "LinkTable", "read_links"]

_QID = re.compile(r"^Q[1-9][0-9]*$")
_ROR = re.compile(r"^https://ror\.org/0[a-z0-9]{6}[0-9]{2}$")
_ADCODE = re.compile(r"^[1-9][0-9]{5}$")
KINDS = ("place", "university", "research_org", "company", "government", "other")


@dataclass(frozen=True)
class LinkRow:
    line: int
    name_zh: str
    name_en: str
    kind: str
    wikidata_qid: str
    ror_id: str
    adcode: str
    located_in_zh: str
    evidence: str


@dataclass
class LinkTable:
    rows: list[LinkRow]
    problems: list[str]  # "links.csv line 12: malformed QID 'X12'"

    def by_name(self) -> dict[str, LinkRow]:
        return {row.name_zh: row for row in self.rows}


def read_links(path: Path | None = None) -> LinkTable:
    """Parse the link table (the packaged one by default), validating every identifier."""
    if path is None:
        resource = importlib.resources.files("stikg.data") / "reference" / "links.csv"
        text, name = resource.read_text(encoding="utf-8"), "links.csv"
    else:
        text, name = path.read_text(encoding="utf-8-sig"), path.name
    rows: list[LinkRow] = []
    problems: list[str] = []
    reader = csv.DictReader(io.StringIO(text))
    for record in reader:
        line = reader.line_num
        values = {k: (record.get(k) or "").strip() for k in LinkRow.__dataclass_fields__ if k != "line"}
        problem = _check(values)
        if problem:
            problems.append(f"{name} line {line}: {problem}; row skipped")
            continue
        rows.append(LinkRow(line=line, **values))
    return LinkTable(rows, problems)


def _check(values: dict[str, str]) -> str | None:
    if not values["name_zh"]:
        return "empty name_zh"
    if values["kind"] not in KINDS:
        return f"unknown kind {values['kind']!r} (expected one of {', '.join(KINDS)})"
    if values["wikidata_qid"] and not _QID.match(values["wikidata_qid"]):
        return f"malformed Wikidata QID {values['wikidata_qid']!r} (expected Q followed by digits)"
    if values["ror_id"] and not _ROR.match(values["ror_id"]):
        return f"malformed ROR ID {values['ror_id']!r} (expected https://ror.org/0xxxxxxNN)"
    if values["adcode"] and not _ADCODE.match(values["adcode"]):
        return f"malformed division code {values['adcode']!r} (expected 6 digits)"
    return None
