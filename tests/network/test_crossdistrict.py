"""Cross-district measures on the hand-made network (groups = first letter), counted by hand.

Ties: inside A: A1–A2, A2–A3 (2); inside B: B1–B2 (1); inside C: none.
Across: A3–B1 (A/B), B1–C1, B2–C1 (B/C), A1–C2, C2–A3 (A/C): 5.
Per group, E = ties of its members leaving it, I = ties inside:
A: E = 3 (A3–B1, A1–C2, C2–A3), I = 2 -> EI = 1/5, share 3/5
B: E = 3 (A3–B1, B1–C1, B2–C1), I = 1 -> EI = 2/4, share 3/4
C: E = 4, I = 0 -> EI = 1, share 1
Whole network: E = 5, I = 3 -> EI = 2/8.
"""

from __future__ import annotations

import networkx as nx
import pytest

from stikg.graph.network import crossdistrict
from tests.network.handmade import handmade


def test_ei_index_by_hand() -> None:
    assert crossdistrict.ei_index(handmade()) == pytest.approx({"A": 0.2, "B": 0.5, "C": 1.0})
    assert crossdistrict.overall_ei_index(handmade()) == pytest.approx(0.25)


def test_cross_district_share_by_hand() -> None:
    assert crossdistrict.cross_district_share(handmade()) == pytest.approx({"A": 0.6, "B": 0.75, "C": 1.0})


def test_weighted_ei() -> None:
    g = handmade()
    g.edges["A1", "A2"]["weight"] = 4  # A: E = 3, I = 4 + 1 = 5 -> (3 - 5) / 8
    assert crossdistrict.ei_index(g, weight="weight")["A"] == pytest.approx(-0.25)


def test_unknown_district_ties_are_left_out_and_counted() -> None:
    g = handmade()
    g.add_edge("A1", "Z")  # Z has no district
    summary = crossdistrict.cross_district_summary(g)
    assert summary["ties_left_out"] == 1 and summary["ties_counted"] == 8
    assert summary["ei"]["A"] == pytest.approx(0.2)


def test_bridges_and_articulation_points_by_hand() -> None:
    # A3–B1 is the only tie between the square and the triangle: the one bridge; A3 and B1 cut.
    assert crossdistrict.bridges(handmade()) == {"A1": 0, "A2": 0, "A3": 1, "B1": 1, "B2": 0, "C1": 0, "C2": 0}
    cut = crossdistrict.articulation_points(handmade())
    assert {n for n, is_cut in cut.items() if is_cut} == {"A3", "B1"}
    assert crossdistrict.bridges(nx.Graph()) == {}
