"""A group that governs a country speaks and dies as that country, from the day it took power."""

from __future__ import annotations

import pytest
from reconcile_kit import actor_claim, article, casualty, day

from clashrecon.models import Relation
from clashrecon.reconcile import reconcile


@pytest.mark.parametrize("published, side", [("2025-10-12", "Afghanistan"), ("2010-06-01", "Taliban")])
def test_taliban_dead_are_afghanistans_after_august_2021(published, side):
    a, b = article("a", "AP", published), article("b", "Reuters", published)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 9, "Afghanistan", when=day(published), claimant="Afghanistan"),
            casualty(b, 200, "Taliban", when=day(published), claimant="Pakistan", qualifier="more_than"),
        ],
    )
    subjects = {f.subject for e in rec.events for f in e.facts}
    assert f"{side} · killed" in subjects


def test_kabul_and_the_taliban_blaming_pakistan_are_one_side_not_a_dispute():
    a, b = article("a", "AP", "2025-10-12"), article("b", "Reuters", "2025-10-12")
    rec = reconcile(
        [a, b],
        [
            actor_claim(a, "blame", "initiator", "Pakistan", "Taliban", when=day("2025-10-12")),
            actor_claim(b, "blame", "initiator", "Taliban", "Pakistan", when=day("2025-10-12")),
        ],
    )
    [dispute] = [c for c in rec.conflicts if c.kind is Relation.disputed]
    assert {p.value for p in dispute.positions} == {"Pakistan", "Afghanistan"}
