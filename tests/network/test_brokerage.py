"""Gould–Fernandez roles on the hand-made network (groups = first letter), counted by hand.

Open pairs around each broker (a pair of its neighbours that are not tied), each counted in
both directions (the undirected convention in stikg.graph.network.brokerage):

- A1 (A): {A2 (A), C2 (C)} -> A2→A1→C2 representative, C2→A1→A2 gatekeeper.
- A2 (A): {A1, A3} both A -> coordinator x 2.
- A3 (A): {A2, B1} rep + gate; {A2, C2} rep + gate; {B1 (B), C2 (C)} liaison x 2.
- B1 (B): {A3, B2} rep + gate; {A3, C1} liaison x 2; {B2, C1} are tied -> closed, nothing.
- C2 (C): {A1, A3} both A, not tied -> itinerant x 2.
- B2, C1: their two neighbours are tied -> nothing.
"""

from __future__ import annotations

import networkx as nx

from stikg.graph.network.brokerage import ROLES, brokerage, main_role
from tests.network.handmade import handmade


def _roles(**counts: int) -> dict[str, int]:
    return {role: counts.get(role, 0) for role in ROLES}


EXPECTED = {
    "A1": _roles(representative=1, gatekeeper=1),
    "A2": _roles(coordinator=2),
    "A3": _roles(representative=2, gatekeeper=2, liaison=2),
    "B1": _roles(representative=1, gatekeeper=1, liaison=2),
    "B2": _roles(),
    "C1": _roles(),
    "C2": _roles(itinerant=2),
}


def test_roles_by_hand() -> None:
    assert brokerage(handmade(), "district") == EXPECTED


def test_undirected_equals_reciprocated_directed() -> None:
    g = handmade()
    assert brokerage(g.to_directed(), "district") == brokerage(g, "district")


def test_directed_triads() -> None:
    # a -> b -> c with no a -> c: b (group Y) between X and Z is a liaison once.
    g = nx.DiGraph([("a", "b"), ("b", "c")])
    groups = {"a": "X", "b": "Y", "c": "Z"}
    assert brokerage(g, groups)["b"] == _roles(liaison=1)
    g.add_edge("a", "c")
    assert brokerage(g, groups)["b"] == _roles()


def test_unknown_groups_are_left_out() -> None:
    g = handmade()
    g.nodes["C2"]["district"] = None
    roles = brokerage(g, "district")
    assert roles["C2"] == _roles()  # no group: not a broker
    assert roles["A1"] == _roles()  # its only open pair had C2 at one end


def test_main_role() -> None:
    assert main_role(EXPECTED["B1"]) == "liaison"
    assert main_role(EXPECTED["C2"]) == "itinerant"
    assert main_role(EXPECTED["B2"]) is None
