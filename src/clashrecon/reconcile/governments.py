"""Armed groups that are a country's government: their dead and their words are that country's.

From the day the Taliban took Kabul, "Taliban fighters" killed at the border and "the
Taliban government" speaking are Afghanistan's; before it they were an insurgency. The
groups and the dates live in data/reconcile.json (`governments`). Stored claims never
change: reconciliation reads a copy with the names mapped.
"""

from __future__ import annotations

from datetime import date

from clashrecon.lexicon import load_data
from clashrecon.models import Article, Claim, Field
from clashrecon.reconcile.clustering import parse_iso


def _rules() -> list[tuple[str, str, date]]:
    return [(g["group"], g["country"], date.fromisoformat(g["since"])) for g in load_data("reconcile.json")["governments"]["groups"]]


def governed_by_armed_groups() -> frozenset[str]:
    """Countries whose army is an armed movement: what its enemies call militants are its soldiers."""
    return frozenset(country for _, country, _ in _rules())


def as_governments(articles: list[Article], claims: list[Claim]) -> list[Claim]:
    """Claims with a governing group's name replaced by its country's, in articles from its day on."""
    rules = _rules()
    if not rules:
        return claims
    published = {a.id: parse_iso(a.published.date) for a in articles}
    out = []
    for c in claims:
        day = published.get(c.article_id)
        names = {group: country for group, country, since in rules if day is not None and day >= since}
        update = {}
        if c.victim_party in names:
            update["victim_party"] = names[c.victim_party]
        if c.claimant in names:
            update["claimant"] = names[c.claimant]
        if c.field is Field.actors and c.value in names:
            update["value"] = names[c.value]
        out.append(c.model_copy(update=update) if update else c)
    return out
