"""Scoping a reconciliation to what changed: stories tied by a background bucket that may fold
are redone together; a story meeting them in a bucket that never folds lends its claims there.

Hand-built stories stored without NLP, each new article reconciled from the last run's rows,
against the same store reconciled from scratch."""

from __future__ import annotations

import pytest

from reconcile_kit import actor_claim, article, background, casualty, day, year
from clashrecon.models import TimeBasis
from clashrecon.pipeline import finalize
from clashrecon.store import Store

EXPLICIT = TimeBasis.explicit


def _attack(art, iso, attacker, target):
    return actor_claim(art, "attack", "attack", target, attacker, when=day(iso), attrs={"attacker": attacker, "target": target})


def _talks(art, iso, where):
    return actor_claim(art, "diplomatic_contact", "meeting", where, None, when=day(iso))


def _stories():
    """Two clashes of the same weeks, each recalling talks held on 1 February: alone, those talks
    are context of each story's episode; a later report of fighting on 1 February makes that day a
    background event of its own, which takes both stories' talks. A third clash recalls the 2020
    war by name, as one of the first two later does: the war's bucket never folds."""
    p1, s1, s2 = (article(n, n, "2025-05-07", basis=EXPLICIT) for n in ("p1.txt", "s1.txt", "s2.txt"))
    z1, p2 = article("z1.txt", "z1.txt", "2025-05-08", basis=EXPLICIT), article("p2.txt", "p2.txt", "2025-05-09", basis=EXPLICIT)
    war = background("2020 war", 2020)
    return [
        (p1, [_attack(p1, "2025-05-07", "India", "Pakistan"), casualty(p1, 26, "Pakistan", when=day("2025-05-07")),
              _talks(p1, "2025-02-01", "Riyadh")]),
        (s1, [_attack(s1, "2025-05-07", "RSF", "Sudan"), casualty(s1, 12, "Sudan", when=day("2025-05-07")),
              _talks(s1, "2025-02-01", "Jeddah")]),
        (z1, [_attack(z1, "2025-05-08", "Armenia", "Azerbaijan"), casualty(z1, 6600, None, qualifier="more_than", scope=war, when=year(2020))]),
        (s2, [_attack(s2, "2025-02-01", "RSF", "Sudan"), _attack(s2, "2025-05-07", "RSF", "Sudan")]),
        (p2, [_attack(p2, "2025-05-09", "India", "Pakistan"), casualty(p2, 6700, None, qualifier="more_than", scope=war, when=year(2020))]),
    ]


def _store(path, batches):
    """Each batch stored and reconciled from the last run's rows: the runs, and after each the
    results and the passes' rows."""
    runs, states = [], []
    with Store.open(path, create=True) as store:
        for batch in batches:
            store.put_articles([(a.name, a, claims) for a, claims in batch])
            runs.append(finalize(store))
            states.append((store.load_reconciliation(), store.derived()))
    return runs, states


@pytest.mark.parametrize("order", [(0, 1, 2, 3, 4), (4, 3, 2, 1, 0), (2, 0, 3, 1, 4), (3, 4, 0, 1, 2)])
def test_each_arrival_gives_what_reconciling_everything_gives(tmp_path, order):
    stories = _stories()
    _, states = _store(tmp_path / "stepwise.db", [[stories[i]] for i in order])
    for n, state in enumerate(states, start=1):
        _, [whole] = _store(tmp_path / f"whole{n}.db", [[stories[i] for i in order[:n]]])
        assert state == whole, f"after {n} arrivals"


def test_a_bucket_that_may_fold_ties_its_stories_and_one_that_cannot_lends_its_claims(tmp_path):
    stories = _stories()
    runs, states = _store(tmp_path / "s.db", [[s] for s in stories])
    rec = states[-1][0]
    talks = {c.id for a, claims in stories[:2] for c in claims if c.kind == "diplomatic_contact"}
    before_fighting = next(e for e in rec.events if e.when.start == "2025-02-01")
    assert talks <= set(before_fighting.claim_ids)  # both stories' talks left their episodes
    assert runs[3].stories == 2  # the fighting of 1 February redid the other story sharing the day
    war = next(e for e in rec.events if e.background and e.when.start.startswith("2020"))
    article_of = {c.id: a.name for a, claims in stories for c in claims}
    assert {article_of[c] for c in war.claim_ids} == {"z1.txt", "p2.txt"}
    assert runs[4].stories == 1  # p2's story alone: z1's war claim came as a guest
