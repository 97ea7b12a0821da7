"""Reconciliation: claims across articles -> events, facts and the relations between them.

Pure Python over stored records; never imports spaCy, so the read commands stay fast.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from clashrecon.models import (
    Article,
    Claim,
    Conflict,
    Event,
    Fact,
    Field,
    Position,
    Reconciliation,
    Relation,
    TimeRef,
)


def _id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("|".join(parts).encode()).hexdigest()[:8]


def reconcile(articles: list[Article], claims: list[Claim]) -> Reconciliation:
    """First version: one event; casualty facts keyed by (party, kind); blame disputes."""
    origin = {a.name: a.origin or a.id for a in articles}
    event_id = _id("e", "main")
    facts: list[Fact] = []
    conflicts: list[Conflict] = []
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.field is Field.casualties and c.quantity is not None:
            groups[(c.victim_party or "unknown", c.kind)].append(c)
    for (party, kind), cs in sorted(groups.items()):
        values = sorted({c.quantity.display() for c in cs})
        origins = {origin.get(c.article, c.article) for c in cs}
        lows = [c.quantity.low for c in cs if c.quantity.low is not None]
        facts.append(
            Fact(
                id=_id("f", party, kind),
                event_id=event_id,
                field=Field.casualties,
                kind=kind,
                subject=f"{party} · {kind}",
                value=" / ".join(values),
                party=party,
                low=min(lows) if lows else None,
                best=max(lows) if lows else None,
                high=None,
                conservative=min(lows) if lows else None,
                status=Relation.single_source if len(origins) == 1 else Relation.agreed,
                articles=len({c.article for c in cs}),
                independent_sources=len(origins),
                claimants=tuple(sorted({c.claimant for c in cs if c.claimant})),
                claim_ids=tuple(c.id for c in cs),
            )
        )
    blame: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.field is Field.actors and c.kind == "blame" and c.value:
            blame[c.value].append(c)
    if len(blame) > 1:
        conflicts.append(
            Conflict(
                id=_id("x", "initiator"),
                event_id=event_id,
                field=Field.actors,
                subject="initiator of the fighting",
                kind=Relation.disputed,
                positions=tuple(
                    Position(
                        value=value,
                        claimants=tuple(sorted({c.claimant for c in cs if c.claimant})),
                        articles=tuple(sorted({c.article for c in cs})),
                        origins=tuple(sorted({origin.get(c.article, c.article) for c in cs})),
                        quotes=tuple(c.quote for c in cs),
                        claim_ids=tuple(c.id for c in cs),
                    )
                    for value, cs in sorted(blame.items())
                ),
                explanation="opposing parties each blame the other",
            )
        )
    event = Event(
        id=event_id,
        when=TimeRef(),
        summary="Reported fighting",
        facts=tuple(facts),
        claim_ids=tuple(c.id for c in claims),
        articles=len({c.article for c in claims}),
        independent_sources=len({origin.get(c.article, c.article) for c in claims}),
        conflict=bool(conflicts),
    )
    return Reconciliation(events=(event,) if claims else (), conflicts=tuple(conflicts))
