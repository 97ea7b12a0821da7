"""The final figure per story, side and kind: what an analyst reports at the end of a story.

Each (side, kind) is one running count over the whole story. Its final figure is the latest
one from the most authoritative claimant for those casualties (`tallies.authority`): the
side's own government, army or ministry for its own dead, then third parties (the UN,
hospitals, outlets, unnamed officials), then the other side. Low and high are the credible
figures (all but the other side's) reported that same day. A latest figure far below that
claimant's highest (`tallies.partial_ratio`) counts one place or one strike, not the toll,
which never falls that far without a stated correction: the highest stands. Steps reported after it ("three
more soldiers were killed") are added; a side that counts its civilians and its soldiers
apart has their sum. The figure of each round of fighting (events at most
`tallies.round_gap_days` apart) is shown beside it, so a reader sees how the count grew.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from clashrecon.lexicon import actor_lexicon, load_data
from clashrecon.models import (
    BOTH,
    CasualtyKind,
    Claim,
    ClaimantRole,
    Event,
    Qualifier,
    Round,
    Tally,
    TimeBasis,
    VictimGroup,
)
from clashrecon.reconcile.clustering import parse_iso
from clashrecon.reconcile.facts import ALL, RELATIVE_YEAR, FactDraft, coalition_members, coalition_party
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
    parts: str = ""  # "40 civilians + 13 military" when the figure is their sum
    added: int = 0  # steps reported after the figure ("three more killed")
    steps: str = ""  # their arithmetic, "14 + 3 reported later = 17"
    carried: bool = False  # a third party's later figure carrying on the side's own count


def _figure(
    claims: list[tuple[Claim, date | None]], party: str, sides: set[str], split: list[tuple[Claim, date | None]] = ()
) -> _Figure | None:
    """The figure of a set of reports (one round, or the whole story).

    A side that counts its civilians and its soldiers apart has their sum:
    "40 civilians killed" and "13 servicemen died" from Pakistan's army are 53 dead, unless a
    figure for everyone is at least that large; only the side's own split counts are added.
    `split` are the side's counts of civilians or soldiers given as parts ("more than 50
    wounded, among them 30 civilians and 29 soldiers"): they add up as well.
    """
    groups: dict[str, list[tuple[Claim, date | None]]] = defaultdict(list)
    for c, d in [*claims, *split]:
        groups[c.victim_group.value if c.victim_group in _APART else "people"].append((c, d))
    everyone = _group_figure(claims, party, sides)
    parts = [f for f in (_group_figure(groups.get(g.value, []), party, sides) for g in _APART) if f is not None and (f.rank == OWN or f.carried)]
    if len(parts) < 2 or everyone is None or everyone.best >= sum(f.best for f in parts):
        return everyone  # only the side's own split counts add up; anyone else's may overlap
    civilians, military = parts
    return _Figure(
        best=civilians.best + military.best,
        low=civilians.low + military.low,
        high=civilians.high + military.high,
        conservative=civilians.conservative + military.conservative,
        claim=civilians.claim,
        rank=civilians.rank if civilians.carried else min((civilians.rank, military.rank), key=_settings()["authority"]["order"].index),
        reported=max((f.reported for f in parts if f.reported), default=None),
        cumulative=civilians.cumulative and military.cumulative,
        claim_ids=everyone.claim_ids,
        parts=f"{civilians.best - civilians.added} civilians + {military.best - military.added} military",
        added=civilians.added + military.added,
        steps="; ".join(f.steps for f in parts if f.steps),
    )


_APART = (VictimGroup.civilians, VictimGroup.military)
_SPLIT = {("group", g.value) for g in _APART}


def _counts_on(claim: Claim) -> bool:
    """A third party's figure that can carry a side's count on after the side stopped giving one:
    a named voice's figure that is not vague, or an outlet's exact toll or floor in its own words
    ("two of the wounded died later, taking the toll to 14", "at least 15 Thai soldiers killed");
    an outlet's round or loose figure ("killing nearly 40 people") is a summary, not a count."""
    if claim.claimant_role is ClaimantRole.outlet:
        return claim.quantity.qualifier in (Qualifier.exact, Qualifier.at_least, Qualifier.more_than)
    return claim.quantity.qualifier is not Qualifier.vague


def _latest(reports: list[tuple[Claim, date | None]]) -> tuple[Claim, date | None]:
    """The last-reported of some reports, the highest figure of that day."""
    return max(reports, key=lambda cd: (cd[1] or date.min, point(cd[0].quantity)))


def said_on(claim: Claim, reported: date) -> date:
    """The day a figure was given: its report's day, or the earlier day its sentence dates it
    to ("the 773 dead announced by the government on Saturday", printed on Wednesday)."""
    t = claim.event_time
    if t is None or t.basis not in (TimeBasis.explicit, TimeBasis.resolved):
        return reported
    day = parse_iso(t.end or t.start or "")
    return min(reported, day) if day is not None else reported


def _rounds_to(precise: int, rounded: int) -> bool:
    """Whether a round figure is the precise one rounded at its own last non-zero digit (192 -> 200)."""
    if rounded <= 0 or precise == rounded:
        return False
    step = 10 ** (len(str(rounded)) - len(str(rounded).rstrip("0")))
    return step > 1 and round(precise / step) * step == rounded


def _group_figure(claims: list[tuple[Claim, date | None]], party: str, sides: set[str]) -> _Figure | None:
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
    if rank == OWN:
        # a side that stopped counting is overtaken by a third party's later, higher count
        # (the UN's 2,900 bodies days after the government's 773): tolls grow, and the later
        # word is the better one when the side has given none since
        own_last = max((said_on(c, d) for c, d in pool if d is not None), default=None)
        own_top = max(point(c.quantity) for c, _ in pool)
        later = [
            (c, d) for c, d in tolls
            if ranked[c.id] == THIRD and _counts_on(c)
            and d is not None and own_last is not None and d > own_last and point(c.quantity) > own_top
        ]
        if later:
            rank, pool = THIRD, later
    carried = rank == THIRD and any(r == OWN for r in ranked.values())
    # the latest figure, unless it is so far below the highest that it counts one place or one
    # strike (`tallies.partial_ratio`): a toll never falls that far without a stated correction
    last_day = max((d for _, d in pool if d is not None), default=None)
    last = max((c for c, d in pool if d == last_day), key=lambda c: point(c.quantity))
    if last.quantity.qualifier is Qualifier.about:
        # "around 200 combat deaths" after the ministry's 192: a later rounding of a precise
        # count does not replace it ("nearly 4,870" after 5,332 is no rounding of it); nor does
        # a round recap below a floor the side gave since ("almost 3,000" after "more than 3,500")
        precise = [(c, d) for c, d in pool if c.quantity.qualifier is Qualifier.exact and _rounds_to(point(c.quantity), point(last.quantity))]
        if precise:
            last, last_day = _latest(precise)
            floors = [
                (c, d) for c, d in pool if c.quantity.qualifier in (Qualifier.at_least, Qualifier.more_than)
                and d is not None and last_day is not None and d >= last_day and point(c.quantity) > point(last.quantity)
            ]
            if floors:
                last, last_day = _latest(floors)
    if last.quantity.qualifier is Qualifier.vague:
        # "injured scores more" days after the officials' 57: a word for a crowd tells no new
        # figure, so the latest precise one stands, unless the word's range lies above it
        # ("hundreds" after 57)
        floor = interval(last.quantity).low
        precise = [(c, d) for c, d in pool if c.quantity.qualifier is not Qualifier.vague and point(c.quantity) >= floor]
        if precise:
            last, last_day = _latest(precise)
    top, top_day = max(pool, key=lambda cd: (point(cd[0].quantity), cd[1] or date.min))
    partial = point(last.quantity) * _settings()["partial_ratio"]["ratio"] < point(top.quantity)
    best, day = (top, top_day) if partial else (last, last_day)
    latest = [c for c, d in pool if d == day]
    # the day's other credible figures of the whole count; one strike's or one town's (a third
    # or less of it) is no low end
    credible = [
        c for c, d in tolls
        if d == day and ranked[c.id] != OTHER and point(c.quantity) * _settings()["partial_ratio"]["ratio"] >= point(best.quantity)
    ] or latest
    figures = [point(c.quantity) for c in credible]
    floors = [int(iv.low) for iv in (interval(c.quantity) for c in credible) if iv is not None]  # "up to 100" is 0–100
    # "three more were killed, bringing the total to 13": a step its own article gives a toll
    # after is inside that toll, not added again
    told_with = {(c.article_id, d) for c, d in tolls if d is not None}
    later = [
        c for c, d in counted
        if is_increment(c) and d is not None and day is not None and d > day and authority(c, party, sides) != OTHER
        and not any(a == c.article_id and td >= d for a, td in told_with)
    ]  # the other side's "another 30 killed" is a claim against the side's own count, not a step of it
    added = sum(point(c.quantity) for c in later)
    steps = f"{point(best.quantity)} + {added} reported later = {point(best.quantity) + added}" if later else ""
    return _Figure(
        added=added,
        steps=steps,
        best=point(best.quantity) + added,
        low=min(floors + figures) + added,
        conservative=min(figures) + added,
        high=max(max(figures), point(best.quantity)) + added,
        claim=best,
        rank=rank,
        reported=day,
        cumulative=any(is_cumulative(c) for c in latest),
        claim_ids=tuple(c.id for c, _ in counted),
        carried=carried,
    )


def _tally(story: str, party: str, kind: CasualtyKind, rounds: list[list[StoryEvent]], sides: set[str]) -> Tally | None:
    def reports(events: list[StoryEvent], wanted) -> list[tuple[Claim, date | None]]:
        return [
            (c, se.as_of.get(c.id))
            for se in events
            for d in se.drafts
            if d.key.party == party and d.key.kind is kind and wanted(d)
            for c in d.claims
        ]

    per_round: list[tuple[list[StoryEvent], list[tuple[Claim, date | None]], list[tuple[Claim, date | None]]]] = []
    for events in rounds:
        claims = reports(events, lambda d: d.key.scope == ALL and not d.residue)
        split = reports(events, lambda d: d.key.scope in _SPLIT and d.claimed_by is None)
        per_round.append((events, claims, split))
    final = _figure([cd for _, claims, _ in per_round for cd in claims], party, sides, [cd for *_, split in per_round for cd in split])
    if final is None:
        return None
    shown: list[Round] = []
    for events, claims, split in per_round:
        fig = _figure(claims, party, sides, split)
        if fig is None:
            continue
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
    notes = [n for n in (final.parts and f"{final.parts} = {final.best - final.added}", final.steps) if n]
    return Tally(
        id="t" + hashlib.sha1(f"{story}|{party}|{kind}".encode()).hexdigest()[:8],
        story=story,
        party=party,
        kind=kind,
        low=final.low,
        best=final.best,
        high=final.high,
        conservative=final.conservative,
        claimant=final.claim.claimant,
        authority=final.rank,
        reported=_day_text(final.reported),
        rounds=tuple(shown),
        note="; ".join(notes),
        claim_ids=final.claim_ids,
    )


def story_tallies(events: list[StoryEvent]) -> list[Tally]:
    """Every story's final figure per side and kind, in story, side and kind order."""
    by_story: dict[str, list[StoryEvent]] = defaultdict(list)
    for se in events:
        by_story[se.story].append(se)
    tallies: list[Tally] = []
    for story, story_events in sorted(by_story.items()):
        keys = {(d.key.party, d.key.kind) for se in story_events for d in se.drafts if d.key.party and d.key.scope == ALL}
        lex = actor_lexicon()
        # the parties whose word counts against a side: countries and armed groups with dead of
        # their own in the story; the UN, a rights group or the ICRC is a third party
        sides = {p for p, _ in keys if p != BOTH and lex.is_belligerent(p)}
        rounds = _rounds(story_events)
        found = [
            t for party, kind in sorted(keys, key=lambda k: (k[0] == BOTH, k[0], list(CasualtyKind).index(k[1])))
            if (t := _tally(story, party, kind, rounds, sides)) is not None
        ]
        members = coalition_members(c for se in story_events for d in se.drafts for c in d.claims)
        tallies += [_with_members(t, found, members) if t.party == coalition_party() else t for t in found]
    return tallies


def _with_members(coalition: Tally, tallies: list[Tally], members: set[str]) -> Tally:
    """The coalition's final figure: its own latest one, or the sum of its members' final figures
    when that is higher (13 peacekeepers printed early on; 14 South Africans, three Malawians and
    one Uruguayan by the end make 18)."""
    parts = sorted((t for t in tallies if t.party in members and t.kind is coalition.kind), key=lambda t: t.party)
    if len(parts) < 2 or sum(t.best for t in parts) <= coalition.best:
        return coalition
    best = sum(t.best for t in parts)
    reported = max((t.reported for t in parts if t.reported), default=coalition.reported)
    return coalition.model_copy(
        update={
            "best": best,
            "low": max(coalition.low, sum(t.low for t in parts)),
            "high": max(coalition.high, sum(t.high for t in parts)),
            "conservative": max(coalition.conservative, sum(t.conservative for t in parts)),
            "claimant": None,
            "authority": OWN if all(t.authority == OWN for t in parts) else THIRD,
            "reported": reported,
            "note": " + ".join(f"{t.best} {t.party}" for t in parts) + f" = {best}",
            "claim_ids": tuple(dict.fromkeys([*coalition.claim_ids, *(i for t in parts for i in t.claim_ids)])),
        }
    )
