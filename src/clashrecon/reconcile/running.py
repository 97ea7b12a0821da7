"""One side's running count across a story's events: what different events' reports say the same day.

The timeline splits a long story into events, and a toll reported on Tuesday may sit in
Saturday's event (a count "since the war began" dated from its window) or in Tuesday's.
An analyst compares what everyone said a side's toll was on the same day, whatever event
the sentence describes: 610 per the health ministry beside 974 per a rights group. Here a
side's unscoped counts of one kind are pooled over the story and split into moments by
reporting day (moments.py, the same rules as within an event); a day whose figures cannot
all be true is flagged only when they come from more than one event, since a disagreement
inside one event is already that event's.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from clashrecon.models import Relation
from clashrecon.reconcile.facts import ALL, FactDraft, FactKey
from clashrecon.reconcile.moments import build_moments, first_told
from clashrecon.reconcile.relations import Found, within_fact
from clashrecon.reconcile.tallies import StoryEvent


def running_count_discrepancies(events: list[StoryEvent], origin: dict[str, str]) -> list[tuple[str, Found]]:
    """(event id, finding) for each cross-event same-day disagreement of a side's running count."""
    pooled: dict[tuple[str, FactKey], list] = defaultdict(list)
    event_of: dict[str, str] = {}
    as_of: dict[str, date | None] = {}
    for se in events:
        for d in se.drafts:
            if d.key.party is None or d.key.scope != ALL or d.residue:
                continue
            for c in d.claims:
                pooled[(se.story, d.key)].append(c)
                event_of[c.id] = se.event.id
                as_of[c.id] = se.as_of.get(c.id)
    out: list[tuple[str, Found]] = []
    for (story, key), claims in pooled.items():
        if len({event_of[c.id] for c in claims}) < 2:
            continue
        draft = FactDraft(key=key, claims=claims, moments=build_moments(claims, as_of, False, first_told(claims, as_of)), background=False)
        for found in within_fact(draft, origin):
            if found.kind is not Relation.discrepancy or not found.key.startswith("disc|"):
                continue  # only a day's figures told two ways; a fall over the story is each event's to judge
            ids = {cid for p in found.positions for cid in p.claim_ids}
            events_here = {event_of[cid] for cid in ids if cid in event_of}
            if len(events_here) < 2:
                continue  # the event's own finding already says it
            latest = max(events_here, key=lambda e: max(as_of.get(cid) or date.min for cid in ids if event_of.get(cid) == e))
            out.append((latest, Found(found.kind, found.field, found.subject, found.positions,
                                      found.explanation + " (reports filed under different events of the story)", "run|" + found.key)))
    return out
