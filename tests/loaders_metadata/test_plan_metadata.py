"""Plan metadata on documents written for this test (expected.json, annotated by hand before the
extractor ran): saved government web pages with a 政府信息公开 block (in ``<div>``s, in a
``<table>``) and site clutter, a GB18030 text with a red header and a date in Chinese numerals, a
.docx written here with python-docx (centred header, right-aligned joint signature side by side),
a text PDF written here with reportlab (document number under the signature, period stated in the
text), a Markdown work plan that cites another document's number, and text files with the
signature at the end or a title wrapped over two lines. Two more were added after the extractor
was fixed, to keep its newer rules covered: a page whose title is only in ``<title>`` (no ``<h1>``)
with a term of validity counted from the day of issue (有效期两年), and a three-year action plan with
no years in its title (到2026年) signed with a date typed 二0二三年.

The documents go through the real pipeline into a real store, and ``queries/plans.rq`` must give
every column right; the document type is checked from the graph as well.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from stikg.graph.library import read_query_text
from stikg.graph.store import LocalStore
from stikg.loaders.pipeline import build
from tests.conftest import REPO, run_cli
from tests.loaders_numbers.pdf_from_text import write_pdf

HERE = Path(__file__).parent
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
COLUMNS = ("title", "docNumber", "issuer", "issued", "region", "start", "end")
_TYPES = """
PREFIX stikg: <https://w3id.org/stikg/ontology#>
SELECT ?file ?type WHERE {
  ?plan stikg:sourceFile ?file ; a ?type .
  VALUES ?type { stikg:Plan stikg:ActionPlan stikg:PolicyMeasures stikg:WorkReport }
}
"""


def write_docx(source: Path, target: Path) -> Path:
    """A .docx the way a drafting office writes one: ``^`` lines centred and bold (header, number,
    titles), ``>`` lines right-aligned (signature, date), ``#`` lines as Heading 2, others body text."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("#"):
            document.add_heading(line[1:], level=2)
            continue
        paragraph = document.add_paragraph()
        if line[0] in "^>":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if line[0] == "^" else WD_ALIGN_PARAGRAPH.RIGHT
            run = paragraph.add_run(line[1:])
            run.bold = line[0] == "^"
        else:
            paragraph.add_run(line)
    document.save(str(target))
    return target


def _materialise(folder: Path) -> list[Path]:
    """The annotated documents as files, the .docx and .pdf written from their sources in src/."""
    paths = []
    for name in EXPECTED:
        source = HERE / "src" / (Path(name).stem + ".txt")
        if name.endswith(".docx"):
            paths.append(write_docx(source, folder / name))
        elif name.endswith(".pdf"):
            paths.append(write_pdf(source, folder / name))
        else:
            paths.append(Path(shutil.copy(HERE / name, folder / name)))
    return paths


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> list[Path]:
    return _materialise(tmp_path_factory.mktemp("metadata_docs"))


@pytest.fixture(scope="module")
def plan_rows(documents, tmp_path_factory) -> dict[str, dict]:
    """plans.rq rows (plus the document type) by source file name, from a store built from the documents."""
    with LocalStore(tmp_path_factory.mktemp("metadata_store") / "store") as store:
        report = build(store, documents)
        assert report.ok, report.failed
        files = {str(row["plan"].value): row["file"].value for row in store.select(
            "PREFIX stikg: <https://w3id.org/stikg/ontology#> SELECT ?plan ?file WHERE { ?plan stikg:sourceFile ?file }")}
        rows = {}
        for row in store.select(read_query_text("plans")):
            values = {key: term.value for key, term in row.items()}
            rows[files[values["plan"]]] = {column: values.get(column) for column in COLUMNS}
        for row in store.select(_TYPES):
            rows[row["file"].value]["type"] = row["type"].value.rsplit("#", 1)[1]
    return rows


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_plan_metadata(name, plan_rows):
    assert plan_rows[name] == EXPECTED[name]


def test_plans_query_csv_from_the_cli(documents, tmp_path):
    """The way an analyst runs it: ``stikg build`` then ``stikg query queries/plans.rq --format csv``."""
    store = str(tmp_path / "store")
    built = run_cli("build", "--store", store, "-q", *map(str, documents))
    assert built.returncode == 0, built.stderr
    answer = run_cli("query", str(REPO / "queries" / "plans.rq"), "--format", "csv", "--store", store)
    assert answer.returncode == 0, answer.stderr
    rows = list(csv.DictReader(io.StringIO(answer.stdout)))
    got = {row["title"]: tuple(row[column] or None for column in COLUMNS) for row in rows}
    want = {gold["title"]: tuple(gold[column] for column in COLUMNS) for gold in EXPECTED.values()}
    assert got == want
