"""Exact precision and recall against the hand annotations of the corpus and two synthetic documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stikg.loaders.extract.metadata import read_metadata
from stikg.loaders.pipeline import builtin_corpus

from .scoring import load, pr, score_funding, score_indicators

HERE = Path(__file__).parent
ANNOTATED = sorted((HERE / "annotations").glob("0*.json"))
SYNTHETIC = json.loads((HERE / "synthetic" / "expected.json").read_text(encoding="utf-8"))
METADATA = json.loads((HERE / "annotations" / "metadata.json").read_text(encoding="utf-8"))


def meta_row(path: Path) -> dict:
    doc, _ = load(path)
    meta = read_metadata(doc)
    return {"type": meta.kind, "title": meta.title, "documentNumber": meta.number, "issuer": meta.issuer,
            "issued": meta.issued.isoformat() if meta.issued else None,
            "periodStart": meta.period[0] if meta.period else None, "periodEnd": meta.period[1] if meta.period else None,
            "region": meta.region.canonical if meta.region else None}


@pytest.mark.parametrize("name", sorted(METADATA))
def test_corpus_metadata(name):
    assert meta_row(builtin_corpus() / name) == METADATA[name]


@pytest.mark.parametrize("name", sorted(SYNTHETIC))
def test_synthetic_metadata(name):
    assert meta_row(HERE / "synthetic" / name) == SYNTHETIC[name]["metadata"]


def _totals(cases: list[tuple[Path, dict]]) -> dict[str, tuple[int, int, int]]:
    totals = {"indicators": [0, 0, 0], "funding": [0, 0, 0]}
    for path, gold in cases:
        doc, ctx = load(path)
        for kind, score in (("indicators", score_indicators(doc, ctx, gold["indicators"],
                                                            gold.get("optional_indicators", []))),
                            ("funding", score_funding(doc, gold["funding"], gold.get("optional_funding", [])))):
            p, r = pr(*score)
            print(f"{path.name} {kind}: tp={score[0]} predicted={score[1]} gold={score[2]} P={p:.3f} R={r:.3f}")
            totals[kind] = [a + b for a, b in zip(totals[kind], score, strict=True)]
    return {k: tuple(v) for k, v in totals.items()}


def test_corpus_precision_and_recall(capsys):
    cases = [(builtin_corpus() / json.loads(p.read_text(encoding="utf-8"))["source"],
              json.loads(p.read_text(encoding="utf-8"))) for p in ANNOTATED]
    totals = _totals(cases)
    with capsys.disabled():
        for kind, score in totals.items():
            p, r = pr(*score)
            print(f"\ncorpus {kind}: tp={score[0]} predicted={score[1]} gold={score[2]} P={p:.3f} R={r:.3f}")
    p, r = pr(*totals["funding"])
    assert p >= 0.95 and r >= 0.90, totals["funding"]
    p, r = pr(*totals["indicators"])
    assert p >= 0.95 and r >= 0.90, totals["indicators"]


def test_synthetic_precision_and_recall(capsys):
    totals = _totals([(HERE / "synthetic" / name, gold) for name, gold in SYNTHETIC.items()])
    with capsys.disabled():
        for kind, score in totals.items():
            p, r = pr(*score)
            print(f"\nsynthetic {kind}: tp={score[0]} predicted={score[1]} gold={score[2]} P={p:.3f} R={r:.3f}")
    for kind in ("indicators", "funding"):
        p, r = pr(*totals[kind])
        assert p >= 0.8 and r >= 0.8, (kind, totals[kind])
