"""Precision and recall of named institutions against hand annotations of the built-in documents.

Each ``annotations/<file>.json`` lists every named institution of one document (canonical
name, class, the forms used in the text). An extracted organisation counts as correct when
its canonical name is the annotated name or one of its forms.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stikg.loaders.context import ExtractionContext
from stikg.loaders.extract import run_extractors
from stikg.loaders.extract.institutions import document_region
from stikg.loaders.pipeline import builtin_corpus
from stikg.loaders.readers import read_document

ANNOTATIONS = sorted((Path(__file__).parent / "annotations").glob("*.json"))


def score(found: dict[str, str], annotated: list[dict]) -> tuple[float, float, float, list[str], list[str]]:
    """(precision, recall, class agreement, false positives, misses) of ``found`` (name -> class)."""
    forms = {form: item["name"] for item in annotated for form in [item["name"], *item["aliases"]]}
    classes = {item["name"]: item["type"] for item in annotated}
    hits = {forms[name] for name in found if name in forms}
    false_pos = sorted(name for name in found if name not in forms)
    misses = sorted(item["name"] for item in annotated if item["name"] not in hits)
    agree = sum(1 for name, cls in found.items() if name in forms and classes[forms[name]] == cls)
    precision = (len(found) - len(false_pos)) / len(found) if found else 1.0
    recall = len(hits) / len(annotated) if annotated else 1.0
    return precision, recall, agree / max(1, len(found) - len(false_pos)), false_pos, misses


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: p.stem)
def test_named_institutions_match_hand_annotation(path: Path) -> None:
    annotation = json.loads(path.read_text(encoding="utf-8"))
    doc = read_document(builtin_corpus() / annotation["source"])
    ctx = ExtractionContext()
    run_extractors(doc, ctx)  # the real order: metadata finds the governed region first
    assert document_region(doc, ctx) == annotation["region"]
    found = {name: info.cls for name, info in ctx.orgs.items()}
    precision, recall, agree, false_pos, misses = score(found, annotation["institutions"])
    print(f"\n{annotation['source']}: P={precision:.3f} R={recall:.3f} class agreement={agree:.3f} "
          f"({len(found)} found, {len(annotation['institutions'])} annotated)")
    print(f"  false positives: {false_pos}\n  missed: {misses}")
    assert precision >= 0.90, false_pos
    assert recall >= 0.85, misses
    assert agree >= 0.80


def test_score_counts_aliases_and_misses() -> None:
    annotated = [{"name": "中国科学院", "type": "ResearchInstitute", "aliases": ["中科院"]},
                 {"name": "清华大学", "type": "University", "aliases": []}]
    precision, recall, agree, false_pos, misses = score({"中国科学院": "ResearchInstitute", "科技孵化器": "Incubator"},
                                                        annotated)
    assert (precision, recall, agree, false_pos, misses) == (0.5, 0.5, 1.0, ["科技孵化器"], ["清华大学"])
