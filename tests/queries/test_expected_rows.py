"""Each library query, run through the real CLI on the built-in corpus, returns the rows the documents state.

Expectations live in ``tests/queries/expected/*.json``, one case per file, worked out by
reading ``data/corpus/*.txt`` (not by copying the output)::

    {"query": "compare-rd-intensity",            # file stem in queries/
     "params": {"region": "相城区"},              # optional --param NAME=VALUE
     "columns": ["region", "year"],               # optional: compare only these columns
     "rows": [["相城区", "2015"], ...],            # exact rows (order-insensitive) ...
     "count": 12, "min_count": 3,                 # ... or the number of rows (exact / at least)
     "contains": [[...]], "absent": [[...]],      # rows that must / must not appear
     "xfail": "extractor bug …",                  # the extractor disagrees with the documents
     "why": "where in the documents each row is stated"}
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from stikg.graph.library import library_queries
from tests.conftest import REPO, run_cli

EXPECTED = Path(__file__).parent / "expected"
CASES = sorted(EXPECTED.glob("*.json"))


def _case(path: Path):
    spec = json.loads(path.read_text(encoding="utf-8"))
    marks = [pytest.mark.xfail(strict=True, reason=spec["xfail"])] if spec.get("xfail") else []
    return pytest.param(spec, id=path.stem, marks=marks)


def _run(spec: dict, store: Path) -> list[dict[str, str]]:
    args = ["query", str(REPO / "queries" / f"{spec['query']}.rq"), "--store", str(store), "--format", "csv"]
    for name, value in spec.get("params", {}).items():
        args += ["--param", f"{name}={value}"]
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.mark.parametrize("spec", [_case(p) for p in CASES])
def test_query_returns_the_documented_rows(spec, built_store_path):
    records = _run(spec, built_store_path)
    columns = spec.get("columns") or (list(records[0]) if records else [])
    rows = sorted(tuple(r[c] for c in columns) for r in records)
    if "rows" in spec:
        assert rows == sorted(tuple(r) for r in spec["rows"])
    if "count" in spec:
        assert len(rows) == spec["count"]
    if "min_count" in spec:
        assert len(rows) >= spec["min_count"]
    missing = [r for r in spec.get("contains", []) if tuple(r) not in rows]
    assert not missing, f"rows the documents state but the query lacks: {missing}"
    wrong = [r for r in spec.get("absent", []) if tuple(r) in rows]
    assert not wrong, f"rows the documents do not state: {wrong}"


def test_every_local_query_has_an_expectation():
    covered = {json.loads(p.read_text(encoding="utf-8"))["query"] for p in CASES}
    local = {q.name for q in library_queries() if "SERVICE" not in q.text}
    assert local - covered == set()
