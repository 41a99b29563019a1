"""``stikg build`` loads documents of every format through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli
from tests.loaders_readers import samples

TEXT_QUERY = "SELECT ?f ?t WHERE { ?d <https://w3id.org/stikg/ontology#sourceFile> ?f ; <https://w3id.org/stikg/ontology#text> ?t }"


def test_build_docx_html_pdf_through_the_cli(tmp_path: Path):
    folder = tmp_path / "docs"
    folder.mkdir()
    samples.write_docx(folder / "plan.docx")
    samples.write_html(folder / "page.htm")
    samples.write_pdf(folder / "scan.pdf")
    (folder / "notes.xyz").write_text("ignored when walking a folder")
    store = str(tmp_path / "store")
    built = run_cli("build", str(folder / "plan.docx"), "--store", store)
    assert built.returncode == 0, built.stderr
    built = run_cli("build", str(folder), "--store", store)
    assert built.returncode == 0, built.stderr
    result = run_cli("query", "-", "--store", store, "--format", "json", input=TEXT_QUERY)
    assert result.returncode == 0, result.stderr
    texts = {b["f"]["value"]: b["t"]["value"] for b in json.loads(result.stdout)["results"]["bindings"]}
    assert set(texts) == {"plan.docx", "page.htm", "scan.pdf"}
    assert all(samples.SENTENCE[:10] in text for text in texts.values())


def test_build_reports_a_bad_document(tmp_path: Path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    result = run_cli("build", str(bad), "--store", str(tmp_path / "store"))
    assert result.returncode == 1
    assert "broken.docx" in result.stderr and "Traceback" not in result.stderr
