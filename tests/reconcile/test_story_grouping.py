"""Stories: which articles report the same clash, by the sides and places they share."""

from __future__ import annotations

from reconcile_kit import article, casualty

from clashrecon.corpus.stories import stories
from clashrecon.models import Claim, Field


def place(art, name: str) -> Claim:
    return Claim(id=f"p-{art.name}-{name}", article=art.name, article_id=art.id, field=Field.places, kind="place",
                 subject="attack", value=name, quote=f"It happened in {name}.", start=0, end=10)


def test_articles_sharing_a_side_are_one_story_and_another_clash_stays_apart():
    a, b, c = article("a", "AP", "2025-05-07"), article("b", "Reuters", "2025-05-07"), article("c", "AFP", "2025-05-07")
    found = stories([casualty(a, 26, "Pakistan"), casualty(b, 31, "Pakistan"), casualty(c, 12, "Sudan")])
    assert found[a.id] == found[b.id] != found[c.id]


def test_an_article_tied_to_none_by_anything_but_a_place_of_its_own_joins_the_biggest_story():
    """A truce report naming no side, whose only 'place' is a misread name, is no story of its own."""
    a, b, c = article("a", "AP", "2025-05-07"), article("b", "Reuters", "2025-05-08"), article("c", "AFP", "2025-05-10")
    found = stories([casualty(a, 26, "Pakistan"), casualty(b, 31, "Pakistan"), place(c, "Truth Social")])
    assert found[c.id] == found[a.id]


def test_two_articles_sharing_a_place_stay_a_story_of_their_own():
    a, b = article("a", "AP", "2025-05-07"), article("b", "Reuters", "2025-05-08")
    c, d = article("c", "AFP", "2025-05-10"), article("d", "AP", "2025-05-10")
    found = stories([casualty(a, 26, "Pakistan"), casualty(b, 31, "Pakistan"), place(c, "Goma"), place(d, "Goma")])
    assert found[c.id] == found[d.id] != found[a.id]
