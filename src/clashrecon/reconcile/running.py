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

import re
from collections import defaultdict
from datetime import date
from functools import cache

from clashrecon.lexicon import actor_lexicon, load_data
from clashrecon.models import BOTH, Claim, ClaimantRole, Field, Position, Qualifier, Relation, ScopeKind, VictimGroup
from clashrecon.reconcile.facts import ALL, FactDraft, FactKey, position
from clashrecon.reconcile.moments import build_moments, first_told
from clashrecon.reconcile.relations import Found, within_fact
from clashrecon.reconcile.tallies import StoryEvent, said_on
from clashrecon.reconcile.values import interval, point


def _pooled(events: list[StoryEvent]) -> tuple[dict[tuple[str, FactKey], list[Claim]], dict[str, str], dict[str, date | None]]:
    """Each story's unscoped counts of one side and kind, whatever event holds them; with each
    claim's event and reporting day."""
    pooled: dict[tuple[str, FactKey], list[Claim]] = defaultdict(list)
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
    return pooled, event_of, as_of


def running_count_discrepancies(events: list[StoryEvent], origin: dict[str, str]) -> list[tuple[str, Found]]:
    """(event id, finding) for each cross-event same-day disagreement of a side's running count."""
    pooled, event_of, as_of = _pooled(events)
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


def _sides(pooled: dict[tuple[str, FactKey], list[Claim]]):
    """Each story's side and kind in a stable order, with its figures that give a number (no
    "dozens", no unknown number); both-sides totals left out."""
    for (_, key), claims in sorted(pooled.items(), key=lambda kv: (kv[0][0], kv[0][1].party, kv[0][1].kind)):
        if key.party != BOTH:
            yield key, [c for c in claims if c.quantity is not None and c.quantity.is_known and c.quantity.qualifier is not Qualifier.vague]


def _per_voice(claims: list[Claim], origin: dict[str, str], when: str = "") -> list[Position]:
    """One position per figure, labelled with who gives it: '35–40 per India'."""
    by_value: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_value[c.quantity.display()].append(c)
    return [position(f"{value} per {', '.join(sorted({c.claimant for c in cs}))}{when}", cs, origin) for value, cs in by_value.items()]


def claims_beyond_admissions(events: list[StoryEvent], origin: dict[str, str]) -> list[tuple[str, Found]]:
    """(event id, finding) for each side whose enemy claims more of its dead than it ever reported.

    "India says 35 to 40 Pakistani soldiers were killed"; Pakistan's army counts 11 of its
    soldiers, days later: the two sides' accounts of the same losses, whatever day each gave
    its own. Only figures of the same victims are set side by side (soldiers against the side's
    own soldiers, people against its people); the enemy's fighters against the side's civilians
    are a dispute over who the dead were, judged in facts.py.
    """
    lexicon = actor_lexicon()
    pooled, event_of, as_of = _pooled(events)
    out: list[tuple[str, Found]] = []
    for key, claims in _sides(pooled):
        party = key.party
        own = [c for c in claims if c.claimant == party]
        enemy = [
            c for c in claims
            if c.claimant and c.claimant != party and c.claimant_role is not ClaimantRole.outlet and lexicon.is_belligerent(c.claimant)
        ]
        for victims in (VictimGroup.military, VictimGroup.people, VictimGroup.civilians):
            admitted = [c for c in own if (c.victim_group or VictimGroup.people) is victims]
            claimed = [c for c in enemy if (c.victim_group or VictimGroup.people) is victims]
            if not admitted or not claimed:
                continue
            most = max(interval(c.quantity).high for c in admitted)
            beyond = [c for c in claimed if interval(c.quantity).low > most]
            if not beyond:
                continue
            top = [c for c in admitted if interval(c.quantity).high == most]
            subject = key.subject()
            own_value = top[0].quantity.display()
            claimed_positions = _per_voice(beyond, origin)
            enemies = " and ".join(sorted({c.claimant for c in beyond}))
            dead = "dead" if victims is VictimGroup.people else f"{victims.value} dead"
            explanation = (
                f"{enemies} claims more {dead} of {party} than {party} itself ever reported: "
                f"{own_value} per {party} against {' and '.join(dict.fromkeys(c.quantity.display() for c in beyond))}"
            )
            positions = [position(f"{own_value} per {party}", top, origin), *claimed_positions]
            latest = max(beyond, key=lambda c: as_of.get(c.id) or date.min)
            out.append((event_of[latest.id], Found(Relation.discrepancy, Field.casualties, subject, tuple(positions), explanation, f"beyond|{subject}|{victims.value}")))
    return out


@cache
def _independent() -> tuple[re.Pattern[str], int, float]:
    cfg = load_data("reconcile.json")["independent_counts"]
    return re.compile("|".join(cfg["patterns"]), re.IGNORECASE), cfg["max_gap_days"], cfg["min_ratio"]


def independent_against_official(events: list[StoryEvent], origin: dict[str, str]) -> list[tuple[str, Found]]:
    """(event id, finding) for each day a rights group's or a monitor's count of a side's dead is
    far from that side's own figure of about the same time (not the UN's: `independent_counts`).

    "At least 657 killed, says a rights group" on Friday and "400 dead", says Iran's health
    ministry on Saturday: two counts of the same dead, not a toll that fell. Only the same
    victims (soldiers against soldiers, people against people) and only the official figure
    nearest in time, at most `max_gap_days` away, are compared.
    """
    pattern, gap, ratio = _independent()
    pooled, event_of, reported = _pooled(events)
    # the day each figure was given: "said on Monday that 224 had died", printed Friday, is Monday's
    # ("since Friday" dates where a count starts, not when it was given)
    as_of = {
        c.id: reported[c.id] if c.scope is not None and c.scope.kind is ScopeKind.cumulative else said_on(c, reported[c.id])
        for cs in pooled.values() for c in cs if reported.get(c.id)
    }
    out: list[tuple[str, Found]] = []
    for key, claims in _sides(pooled):
        dated = [c for c in claims if as_of.get(c.id)]
        own = [c for c in dated if c.claimant == key.party]
        # an official figure told again days later (Thursday's paper repeating Monday's 224) is Monday's
        first = {}
        for c in sorted(own, key=lambda c: as_of[c.id]):
            first.setdefault(point(c.quantity), as_of[c.id])
        own_day = {c.id: first[point(c.quantity)] for c in own}
        counters = [c for c in dated if c.claimant and c.claimant != key.party and c.claimant_role is not ClaimantRole.outlet and pattern.search(c.claimant)]
        by_day: dict[tuple[date, VictimGroup], list[Claim]] = defaultdict(list)
        for c in counters:
            by_day[(as_of[c.id], c.victim_group or VictimGroup.people)].append(c)
        for (day, victims), counted in sorted(by_day.items(), key=lambda kv: (kv[0][0], kv[0][1].value)):
            near = [c for c in own if (c.victim_group or VictimGroup.people) is victims and abs((own_day[c.id] - day).days) <= gap]
            if not near:
                continue
            closest = min(abs((own_day[c.id] - day).days) for c in near)
            official = [c for c in near if abs((own_day[c.id] - day).days) == closest]
            official_day = own_day[official[0].id]
            official = [c for c in official if own_day[c.id] == official_day]
            top = max(official, key=lambda c: point(c.quantity) or 0)
            far = [c for c in counted if _apart(c, top, ratio)]
            if not far:
                continue
            counter_names = " and ".join(sorted({c.claimant for c in far}))
            own_value = top.quantity.display()
            positions = [
                position(f"{own_value} per {key.party} ({official_day.isoformat()})", [c for c in official if c.quantity.display() == own_value], origin),
                *_per_voice(far, origin, f" ({day.isoformat()})"),
            ]
            explanation = (
                f"an independent count against {key.party}'s own at about the same time: {own_value} per {key.party} "
                f"({official_day.isoformat()}) against {' and '.join(dict.fromkeys(c.quantity.display() for c in far))} per {counter_names} ({day.isoformat()})"
            )
            latest = max([*far, top], key=lambda c: as_of[c.id])
            subject = key.subject()
            out.append((event_of[latest.id], Found(Relation.discrepancy, Field.casualties, subject, tuple(positions), explanation,
                                                   f"indep|{subject}|{victims.value}|{day.isoformat()}")))
    return out


def _apart(a: Claim, b: Claim, ratio: float) -> bool:
    """Two counts whose printed figures are far enough apart that timing does not explain them
    (the official "more than 400" is 400 against a rights group's 657), but not so far that the
    smaller counts one strike or town (same_day_rise.partial_ratio)."""
    x, y = sorted((point(a.quantity), point(b.quantity)))
    partial = load_data("reconcile.json")["same_day_rise"]["partial_ratio"]
    return x is not None and ratio * max(1, x) <= y < partial * max(1, x)
