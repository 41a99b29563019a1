"""Named institutions and collaborations on documents the extractor was not tuned on.

``unseen/`` holds plans, action plans, policy measures and work reports of other
Suzhou-area places (one GBK-, one GB18030-encoded, two .docx), each annotated by hand before the
extractor was first run on it (``<stem>.json``: institutions with class and text forms,
collaborations as participant sets with a kind; ``collaboration_gaps`` lists the known
misses of the collaboration extractor on a document, whose collaboration check is then an
expected failure until they are fixed). Participants are compared after mapping
each name through the annotation's forms, so an alias the text uses counts as its entity.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stikg.loaders.context import ExtractionContext
from stikg.loaders.extract import run_extractors
from stikg.loaders.extract.collaborations import find_collaborations
from stikg.loaders.readers import read_document
from tests.loaders_orgs.test_corpus_annotations import score

FOLDER = Path(__file__).parent / "unseen"
ANNOTATIONS = sorted(FOLDER.glob("*.json"))
# Collaboration kinds and participants: most statements must come out exactly as annotated.
COLLAB_PRECISION, COLLAB_RECALL = 0.75, 0.70


def _extract(annotation: dict) -> ExtractionContext:
    doc = read_document(FOLDER / annotation["source"])
    ctx = ExtractionContext()
    run_extractors(doc, ctx)
    ctx.document = doc
    return ctx


def _collaborations(ctx: ExtractionContext, annotation: dict) -> tuple[set, set]:
    forms = {f: i["name"] for i in annotation["institutions"] for f in [i["name"], *i["aliases"]]}
    forms.update({f: annotation["region"] for f in annotation.get("region_forms", [])})
    found = {
        (kind, frozenset(forms.get(p.name, p.name) for p in parties))
        for _, _, kind, parties, _ in find_collaborations(ctx.document, ctx)
    }
    expected = {
        (c["kind"], frozenset(forms.get(p, p) for p in c["participants"]))
        for c in annotation["collaborations"]
    }
    return found, expected


@pytest.fixture(scope="module", params=ANNOTATIONS, ids=lambda p: p.stem)
def case(request) -> tuple[dict, ExtractionContext]:
    annotation = json.loads(request.param.read_text(encoding="utf-8"))
    return annotation, _extract(annotation)


def test_unseen_documents_exist_in_every_form() -> None:
    assert len(ANNOTATIONS) >= 6
    suffixes = {json.loads(p.read_text(encoding="utf-8"))["source"].rsplit(".", 1)[1] for p in ANNOTATIONS}
    assert {"txt", "docx"} <= suffixes
    gbk = [p for p in ANNOTATIONS if json.loads(p.read_text(encoding="utf-8"))["encoding"] == "gbk"]
    assert gbk and (FOLDER / json.loads(gbk[0].read_text(encoding="utf-8"))["source"]).read_bytes().decode(
        "gbk"
    )
    gb18030 = [p for p in ANNOTATIONS if json.loads(p.read_text(encoding="utf-8"))["encoding"] == "gb18030"]
    raw = (FOLDER / json.loads(gb18030[0].read_text(encoding="utf-8"))["source"]).read_bytes()
    assert raw.decode("gb18030") and not raw.isascii()


def test_named_institutions_of_an_unseen_document(case) -> None:
    annotation, ctx = case
    found = {name: info.cls for name, info in ctx.orgs.items()}
    precision, recall, agree, false_pos, misses = score(found, annotation["institutions"])
    print(f"\n{annotation['source']}: P={precision:.3f} R={recall:.3f} class agreement={agree:.3f}")
    assert precision >= 0.90, false_pos
    assert recall >= 0.85, misses
    assert agree >= 0.85


def test_collaborations_of_an_unseen_document(case) -> None:
    annotation, ctx = case
    found, expected = _collaborations(ctx, annotation)
    right = found & expected
    gaps = annotation.get("collaboration_gaps")
    if gaps:  # known misses of the collaboration extractor, listed in the annotation
        met = len(right) >= COLLAB_PRECISION * len(found) and len(right) >= COLLAB_RECALL * len(expected)
        assert not met, f"{annotation['source']}: collaborations now pass; drop its collaboration_gaps"
        pytest.xfail("; ".join(gaps))
    print(
        f"\n{annotation['source']}: collaborations P={len(right) / max(1, len(found)):.2f} "
        f"R={len(right) / len(expected):.2f}"
    )
    assert len(right) >= COLLAB_PRECISION * len(found), sorted(map(sorted, (s for _, s in found - expected)))
    assert len(right) >= COLLAB_RECALL * len(expected), sorted(map(sorted, (s for _, s in expected - found)))


def test_short_company_names_resolve_to_the_full_name(case) -> None:
    """A brand used in a list (科沃斯) is the company the document names in full (科沃斯机器人股份有限公司)."""
    annotation, ctx = case
    forms = {
        f: i["name"] for i in annotation["institutions"] for f in i["aliases"] if i["type"] == "Enterprise"
    }
    brands = {m.surface: m.info.canonical for m in ctx.org_mentions if m.surface in forms}
    assert all(brands[s] == forms[s] for s in brands if forms[s] in ctx.orgs), brands
