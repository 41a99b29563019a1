"""Documents the extractors were not written against: other districts' plans (one a saved
government web page, .html), an action plan, policy measures and a markdown work report,
hand-annotated (unseen/expected.json).

Targets: metadata exactly right; indicator values and funding amounts each at precision
>= 0.95 and recall >= 0.90 over these documents. The Kunshan plan is also read as a .docx
written here with python-docx (its indicator table as a real Word table); the Wujiang work
report is kept as text and read as a text PDF written here with reportlab (lines wrapped at
the page width, page numbers at the foot of each page). A later round added a one-year work plan
(相城区 工作要点, stored GB18030-encoded), city-level policy measures (苏州市, read as a .docx
written here) and a three-year action plan whose indicator table is in the corpus's tab-indented
layout with cells broken over two lines (太仓市, read both as text and as a .docx). A third round:
a 十四五 plan whose main-indicator table has merged category cells (HTML ``rowspan``; in the
Markdown copy the category on its first row only), a cumulative column (〔150〕), ≥/以上 cells and a
unit written into the indicator name (吴江区, .html and .md); a city work summary stored GB18030 with
growth rates, ranks, per-district breakdowns (其中昆山市2680家、苏州工业园区2510家 count as those
places' values, as 其中太仓高新区… does in the 太仓市 plan) and 分别 pairs (苏州市); and policy
measures with ranges, capped percentages, tiered awards, fund sizes, revenue/capital thresholds and
a 奖励标准（万元） table (常熟市, read as text and as a .docx).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .docx_from_text import write_docx
from .pdf_from_text import write_pdf
from .scoring import funding_report, indicator_report, load, pr
from .test_corpus_scores import meta_row

HERE = Path(__file__).parent / "unseen"
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def unseen_paths(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("unseen")
    paths = {}
    for name in EXPECTED:
        path = HERE / name
        if name.endswith(".docx"):
            path = write_docx(HERE / name.replace(".docx", ".txt"), folder / name)
        elif name.endswith(".pdf"):
            path = write_pdf(HERE / name.replace(".pdf", ".txt"), folder / name)
        paths[name] = path
    return paths


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_unseen_metadata(name, unseen_paths):
    assert meta_row(unseen_paths[name]) == EXPECTED[name]["metadata"]


def test_unseen_precision_and_recall(unseen_paths, capsys):
    totals = {"indicators": [0, 0, 0], "funding": [0, 0, 0]}
    lines, problems = [], []
    for name, gold in EXPECTED.items():
        doc, ctx = load(unseen_paths[name])
        reports = {
            "indicators": indicator_report(doc, ctx, gold["indicators"], gold.get("optional_indicators", [])),
            "funding": funding_report(doc, gold["funding"], gold.get("optional_funding", [])),
        }
        for kind, report in reports.items():
            totals[kind] = [a + b for a, b in zip(totals[kind], report["score"], strict=True)]
            p, r = pr(*report["score"])
            lines.append(f"{name} {kind}: {report['score']} P={p:.3f} R={r:.3f}")
            if p < 0.95 or r < 0.90:  # stricter than the totals: every document on its own
                problems.append(f"{name} {kind} below target: P={p:.3f} R={r:.3f}")
            problems += [f"{name} missed {m}" for m in report["missed"]]
            problems += [f"{name} spurious {s}" for s in report["spurious"]]
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    for kind, score in totals.items():
        p, r = pr(*score)
        assert p >= 0.95 and r >= 0.90, (kind, score, problems)
    assert not [line for line in problems if "below target" in line], problems
