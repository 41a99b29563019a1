"""The stikg command: every subcommand on the built-in corpus, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from tests.conftest import run_cli

SUBCOMMANDS = ["build", "serve", "query", "dump", "restore", "validate", "stats"]


def test_help_lists_every_subcommand():
    result = run_cli("--help")
    assert result.returncode == 0
    for name in SUBCOMMANDS:
        assert name in result.stdout
    for name in SUBCOMMANDS:
        sub = run_cli(name, "--help")
        assert sub.returncode == 0, sub.stderr
        assert "Example" in sub.stdout and "--store" in sub.stdout


def test_build_then_query_stats(tmp_path: Path):
    store = str(tmp_path / "s")
    built = run_cli("build", "--store", store)
    assert built.returncode == 0, built.stderr
    assert "loaded 5 document(s)" in built.stderr
    query = "SELECT (COUNT(?d) AS ?n) WHERE { ?d <https://w3id.org/stikg/ontology#sourceFile> ?f }"
    result = run_cli("query", "-", "--store", store, "--format", "json", input=query)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"] == "5"
    stats = run_cli("stats", "--store", store)
    assert stats.returncode == 0 and "named graphs:" in stats.stdout
    again = run_cli("build", "--store", store, "--if-empty")
    assert again.returncode == 0 and "already built" in again.stderr


def test_query_formats(built_store_path: Path):
    query = "SELECT ?f WHERE { ?d <https://w3id.org/stikg/ontology#sourceFile> ?f } ORDER BY ?f"
    csv = run_cli("query", "-", "--store", str(built_store_path), "--format", "csv", input=query)
    assert csv.stdout.splitlines()[0] == "f" and csv.stdout.splitlines()[1] == "000_49b16a4e95240a9a.txt"
    construct = "CONSTRUCT { ?d a ?t } WHERE { ?d a ?t ; <https://w3id.org/stikg/ontology#sourceFile> ?f }"
    nt = run_cli("query", "-", "--store", str(built_store_path), "--format", "ntriples", input=construct)
    assert nt.returncode == 0, nt.stderr
    assert len(list(ox.parse(nt.stdout.encode(), format=ox.RdfFormat.N_TRIPLES))) >= 5
    wrong = run_cli("query", "-", "--store", str(built_store_path), "--format", "turtle", input=query)
    assert wrong.returncode == 2 and "not for SELECT" in wrong.stderr


def test_dump_restore_round_trip(built_store_path: Path, tmp_path: Path):
    for name in ("backup.nq", "backup.trig"):
        dump_file = tmp_path / name
        assert run_cli("dump", str(dump_file), "--store", str(built_store_path)).returncode == 0
        target = tmp_path / f"restored-{name}"
        restored = run_cli("restore", str(dump_file), "--store", str(target))
        assert restored.returncode == 0, restored.stderr
        original = ox.Store.read_only(str(built_store_path))
        copy = ox.Store.read_only(str(target))
        assert set(original) == set(copy)
        assert len(copy) > 0


def test_restore_refuses_non_empty_store(built_store_path: Path, tmp_path: Path):
    dump_file = tmp_path / "b.nq"
    run_cli("dump", str(dump_file), "--store", str(built_store_path))
    target = str(tmp_path / "t")
    run_cli("restore", str(dump_file), "--store", target)
    second = run_cli("restore", str(dump_file), "--store", target)
    assert second.returncode == 2 and "not empty" in second.stderr


def test_bad_input_is_one_line_without_traceback(tmp_path: Path, built_store_path: Path):
    regular = tmp_path / "file"
    regular.write_text("x")
    cases = [
        (("query", str(tmp_path / "missing.rq"), "--store", str(built_store_path)), "no query file"),
        (("build", "--store", str(regular)), "regular file"),
        (("dump", str(tmp_path / "x.xyz"), "--store", str(built_store_path)), "unknown dump format"),
        (("build", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s2")), "no such file"),
        (("restore", str(tmp_path / "none.nq"), "--store", str(tmp_path / "s3")), "no dump file"),
    ]
    for args, expected in cases:
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert expected in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_malformed_query_names_line_and_column(built_store_path: Path):
    result = run_cli("query", "-", "--store", str(built_store_path), input="SELECT * WHERE {\n  ?s ?p }")
    assert result.returncode == 1
    assert "line 2" in result.stderr and "column" in result.stderr
    assert "Traceback" not in result.stderr


def test_locked_store_is_reported(tmp_path: Path):
    from stikg.graph.store import LocalStore

    path = tmp_path / "locked"
    holder = LocalStore(path)
    try:
        result = run_cli("build", "--store", str(path))
        assert result.returncode == 2
        assert "in use by another process" in result.stderr
        assert len(holder) == 0  # unchanged
    finally:
        holder.close()


def test_rebuild_is_idempotent(tmp_path: Path):
    store = str(tmp_path / "s")
    run_cli("build", "--store", store)
    first = set(ox.Store.read_only(store))
    run_cli("build", "--store", store)
    assert set(ox.Store.read_only(store)) == first


def test_query_from_clause_is_honoured(built_store_path: Path):
    """The union default graph applies only when the query names no dataset of its own."""
    count = "SELECT (COUNT(*) AS ?n) {clause} WHERE {{ ?s ?p ?o }}"
    union = run_cli(
        "query", "-", "--store", str(built_store_path), "--format", "csv", input=count.format(clause="")
    )
    ontology = "FROM <https://w3id.org/stikg/graph/ontology>"
    only = run_cli(
        "query", "-", "--store", str(built_store_path), "--format", "csv", input=count.format(clause=ontology)
    )
    assert int(only.stdout.split()[1]) < int(union.stdout.split()[1])
    assert int(only.stdout.split()[1]) > 0


def test_service_needs_an_allowed_endpoint(built_store_path: Path):
    """No outbound request from `stikg query` unless the operator names the endpoint."""
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    refused = run_cli("query", "-", "--store", str(built_store_path), input=service)
    assert refused.returncode == 2
    assert "http://127.0.0.1:9/sparql" in refused.stderr and "allowlist" in refused.stderr
    assert "Traceback" not in refused.stderr
    allowed = run_cli(
        "query", "-", "--store", str(built_store_path), "--allow-service", "http://127.0.0.1:9/sparql", input=service
    )
    assert allowed.returncode != 0
    assert "federated SERVICE call failed" in allowed.stderr and "Traceback" not in allowed.stderr
