"""`stikg network …` run as a real subprocess on the hand-made store."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from tests.conftest import run_cli


def test_summary_and_metrics(toy_store_path: Path) -> None:
    out = run_cli("network", "summary", "--store", str(toy_store_path))
    assert out.returncode == 0, out.stderr
    assert "collaboration" in out.stdout and "region-industry" in out.stdout
    out = run_cli("network", "metrics", "--store", str(toy_store_path), "--network", "collaboration",
                  "--metric", "betweenness", "--top", "2")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 3 and "太仓孵化器" in lines[1]  # C ties A, D, E and 上海市: the top broker


def test_cross_district_regions_and_brokers(toy_store_path: Path) -> None:
    out = run_cli("network", "cross-district", "--store", str(toy_store_path))
    assert out.returncode == 0, out.stderr
    assert "相城区" in out.stdout and "overall E-I index 0.5000 over 4 ties" in out.stdout
    out = run_cli("network", "regions", "--store", str(toy_store_path))
    assert "相城研究院" in out.stdout and "上海市" in out.stdout
    out = run_cli("network", "brokers", "--store", str(toy_store_path), "--top", "1")
    assert "相城研究院" in out.stdout.splitlines()[1] and "gatekeeper" in out.stdout


def test_export_and_figure(toy_store_path: Path, tmp_path: Path) -> None:
    gexf = tmp_path / "net.gexf"
    out = run_cli("network", "export", "--store", str(toy_store_path), "--format", "gexf", "--output", str(gexf))
    assert out.returncode == 0, out.stderr
    assert nx.read_gexf(gexf, version="1.3").number_of_nodes() == 6
    out = run_cli("network", "export", "--store", str(toy_store_path), "--network", "region-region",
                  "--format", "vosviewer", "--output", str(tmp_path / "rr.json"))
    assert len(json.loads((tmp_path / "rr.json").read_text("utf-8"))["network"]["items"]) == 4
    out = run_cli("network", "export", "--store", str(toy_store_path), "--format", "csv", "--output", str(tmp_path / "n.csv"))
    assert (tmp_path / "n-nodes.csv").exists() and (tmp_path / "n-edges.csv").exists()
    png = tmp_path / "net.png"
    out = run_cli("network", "figure", "--store", str(toy_store_path), "--output", str(png))
    assert out.returncode == 0, out.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_write(toy_store_path: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(toy_store_path, copy)
    out = run_cli("network", "write", "--store", str(copy))
    assert out.returncode == 0, out.stderr
    assert "graph/analytics" in out.stderr
    out = run_cli("query", "-", "--store", str(copy), "--format", "csv",
                  input="PREFIX stikg: <https://w3id.org/stikg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?m a stikg:NodeMetric }")
    assert int(out.stdout.splitlines()[1]) > 0


def test_bad_input_one_line_nonzero(toy_store_path: Path, tmp_path: Path) -> None:
    for args, fragment in [
        (["metrics", "--metric", "closeness"], "unknown metric 'closeness'"),
        (["metrics", "--network", "people"], "unknown network 'people'"),
        (["figure", "--output", str(tmp_path / "x.gif")], ".png or .svg"),
    ]:
        out = run_cli("network", *args, "--store", str(toy_store_path))
        assert out.returncode == 2 and fragment in out.stderr and "Traceback" not in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1


def test_empty_store(tmp_path: Path) -> None:
    from stikg.graph.store import LocalStore

    LocalStore(tmp_path / "empty").close()
    out = run_cli("network", "metrics", "--store", str(tmp_path / "empty"))
    assert out.returncode == 2 and "is empty in this store" in out.stderr and "Traceback" not in out.stderr
