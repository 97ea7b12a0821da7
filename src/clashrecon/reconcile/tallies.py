"""The final figure per story, side and kind: what an analyst reports at the end of a story.

Each (side, kind) is a running count over the story's rounds of fighting. Events whose days
follow one another (gap at most `tallies.round_gap_days`) are one round, however the timeline
splits them, and a round's later reports supersede its earlier ones; a round after a real
pause is the new running total when its figure is at least the total so far (tolls never fall)
or is stated as a running total ("since the fighting began"); a round that only reports steps
("three more soldiers were killed") adds them; a smaller figure not stated as a step counts one
place or one incident and leaves the total as it stands.

Within a round the figure is the latest one from the most authoritative claimant for those
casualties (`tallies.authority`): the side's own government, army or ministry for its own
dead, then third parties (the UN, hospitals, outlets, unnamed officials), then the other side.
Low and high are the credible figures (all but the other side's) reported that same day.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from clashrecon.lexicon import load_data
from clashrecon.models import BOTH, CasualtyKind, Claim, Event, Round, Tally
from clashrecon.reconcile.clustering import parse_iso
from clashrecon.reconcile.facts import ALL, RELATIVE_YEAR, FactDraft
from clashrecon.reconcile.moments import is_cumulative, is_increment
from clashrecon.reconcile.values import interval, point

OWN, THIRD, OTHER = "own side", "third party", "other side"


@dataclass(frozen=True)
class StoryEvent:
    """A non-background event with its casualty drafts and each claim's reporting day."""

    story: str
    event: Event
    drafts: list[FactDraft]
    as_of: dict[str, date | None]


def _settings() -> dict:
    return load_data("reconcile.json")["tallies"]


def authority(claim: Claim, party: str, sides: set[str]) -> str:
    """How much a claimant's word counts for this side's casualties."""
    who = claim.claimant
    if party == BOTH:
        return OWN if who and " and " in who else THIRD
    if who == party:
        return OWN
    if who in sides:
        return OTHER
    return THIRD


def _day_text(day: date | None) -> str | None:
    """ISO date, or 'day N' in a story that never gives a calendar date."""
    if day is None:
        return None
    return f"day {day.toordinal()}" if day.year == RELATIVE_YEAR else day.isoformat()


def _rounds(events: list[StoryEvent]) -> list[list[StoryEvent]]:
    gap = _settings()["round_gap_days"]["days"]
    rounds: list[list[StoryEvent]] = []
    last_end: date | None = None
    for se in sorted(events, key=lambda se: se.event.when.start or ""):
        start = parse_iso(se.event.when.start)
        end = parse_iso(se.event.when.end) or start
        if rounds and (start is None or last_end is None or (start - last_end).days <= gap):
            rounds[-1].append(se)
        else:
            rounds.append([se])
        if end is not None and (last_end is None or end > last_end):
            last_end = end
    return rounds


@dataclass(frozen=True)
class _Figure:
    best: int
    low: int
    high: int
    conservative: int
    claim: Claim
    rank: str
    reported: date | None
    cumulative: bool
    claim_ids: tuple[str, ...]
    increment: bool = False


def _round_figure(claims: list[tuple[Claim, date | None]], party: str, sides: set[str]) -> _Figure | None:
    counted = [(c, d) for c, d in claims if c.quantity is not None and c.quantity.is_known and point(c.quantity) is not None]
    tolls = [(c, d) for c, d in counted if not is_increment(c)]
    if not tolls:
        steps = [c for c, _ in counted]
        if not steps:
            return None
        added = sum(point(c.quantity) for c in steps)
        last = max(counted, key=lambda cd: cd[1] or date.min)
        return _Figure(
            best=added, low=added, high=added, conservative=added, claim=last[0], rank=authority(last[0], party, sides), reported=last[1],
            cumulative=False, claim_ids=tuple(c.id for c in steps), increment=True,
        )
    order = _settings()["authority"]["order"]
    ranked = {c.id: authority(c, party, sides) for c, _ in tolls}
    rank = min(ranked.values(), key=order.index)
    pool = [(c, d) for c, d in tolls if ranked[c.id] == rank]
    day = max((d for _, d in pool if d is not None), default=None)
    latest = [c for c, d in pool if d == day]
    best = max(latest, key=lambda c: point(c.quantity))
    credible = [c for c, d in tolls if d == day and ranked[c.id] != OTHER] or latest
    figures = [point(c.quantity) for c in credible]
    floors = [int(iv.low) for iv in (interval(c.quantity) for c in credible) if iv is not None]  # "up to 100" is 0–100
    later = [c for c, d in counted if is_increment(c) and d is not None and day is not None and d > day]
    added = sum(point(c.quantity) for c in later)
    return _Figure(
        best=point(best.quantity) + added,
        low=min(floors + figures) + added,
        conservative=min(figures) + added,
        high=max(max(figures), point(best.quantity)) + added,
        claim=best,
        rank=rank,
        reported=day,
        cumulative=any(is_cumulative(c) for c in latest),
        claim_ids=tuple(c.id for c, _ in counted),
    )


def _tally(story: str, party: str, kind: CasualtyKind, rounds: list[list[StoryEvent]], sides: set[str]) -> Tally | None:
    figures: list[tuple[list[StoryEvent], _Figure]] = []
    for events in rounds:
        claims = [
            (c, se.as_of.get(c.id))
            for se in events
            for d in se.drafts
            if d.key.party == party and d.key.kind is kind and d.key.scope == ALL and not d.residue
            for c in d.claims
        ]
        fig = _round_figure(claims, party, sides)
        if fig is not None:
            figures.append((events, fig))
    if not figures:
        return None
    total = low = high = conservative = 0
    parts: list[int] = []
    shown: list[Round] = []
    for events, fig in figures:
        if fig.increment:
            parts.append(fig.best)  # "six more killed in Wednesday's fighting": the step adds
            total, low, high, conservative = total + fig.best, low + fig.low, high + fig.high, conservative + fig.conservative
        elif fig.best >= total or fig.cumulative:
            # a running count never falls: a figure at or above the total so far is the new total
            parts, total, low, high, conservative = [fig.best], fig.best, fig.low, fig.high, fig.conservative
        # a smaller figure later, not stated as a step, counts one place or one round: the total stands
        shown.append(
            Round(
                start=events[0].event.when.start or "",
                end=events[-1].event.when.end or events[-1].event.when.start or "",
                best=fig.best,
                claimant=fig.claim.claimant,
                reported=_day_text(fig.reported),
                cumulative=fig.cumulative,
                increment=fig.increment,
            )
        )
    last = figures[-1][1]
    note = f"{' + '.join(map(str, parts))} = {total} over {len(parts)} rounds" if len(parts) > 1 else ""
    if not note and len(figures) > 1:
        note = f"highest running total over {len(figures)} rounds"
    return Tally(
        id="t" + hashlib.sha1(f"{story}|{party}|{kind}".encode()).hexdigest()[:8],
        story=story,
        party=party,
        kind=kind,
        low=min(low, total),
        best=total,
        high=max(high, total),
        conservative=min(conservative, total),
        claimant=last.claim.claimant,
        authority=last.rank,
        reported=_day_text(last.reported),
        rounds=tuple(shown),
        note=note,
        claim_ids=tuple(cid for _, f in figures for cid in f.claim_ids),
    )


def story_tallies(events: list[StoryEvent]) -> list[Tally]:
    """Every story's final figure per side and kind, in story, side and kind order."""
    by_story: dict[str, list[StoryEvent]] = defaultdict(list)
    for se in events:
        by_story[se.story].append(se)
    tallies: list[Tally] = []
    for story, story_events in sorted(by_story.items()):
        keys = {(d.key.party, d.key.kind) for se in story_events for d in se.drafts if d.key.party and d.key.scope == ALL}
        sides = {p for p, _ in keys if p != BOTH}
        rounds = _rounds(story_events)
        for party, kind in sorted(keys, key=lambda k: (k[0] == BOTH, k[0], list(CasualtyKind).index(k[1]))):
            t = _tally(story, party, kind, rounds, sides)
            if t is not None:
                tallies.append(t)
    return tallies
