"""One fact's claims over time: moments by reporting date, each split into reports that can all be true.

A fact's claims are split into moments by the date they were reported (the article's
reference date): the same count reported on Tuesday and on Wednesday is two moments. Within
a moment, reports that can all be true agree; reports that cannot are a discrepancy. Across
moments, a changed figure is an update (tolls are running counts), unless a later report
falls below an earlier floor, which no running count can do: that is a discrepancy too.
Background events (a war years ago) have one moment: their toll has one time frame.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from clashrecon.lexicon import actor_lexicon, load_data
from clashrecon.models import Claim, ClaimantRole, Qualifier, Quantity, ScopeKind, SegmentType, TimeBasis
from clashrecon.reconcile.values import (
    Estimate,
    Interval,
    compatible,
    figures_differ,
    interval,
    point,
    quantity_display,
    reconcile_values,
    stated_floor,
)


@dataclass
class Moment:
    as_of: date | None
    claims: list[Claim]
    groups: list[list[Claim]] = field(default_factory=list)  # mutually compatible reports
    estimate: Estimate | None = None

    @property
    def consistent(self) -> bool:
        return len(self.groups) <= 1

    def display(self) -> str:
        return " vs ".join(group_display(g) for g in self.groups) or "unspecified"

    def short(self) -> str:
        """The moment in a few characters: its display when its reports agree, else their spread."""
        if self.consistent:
            return self.display()
        figures = [p for c in self.claims if c.quantity is not None and (p := point(c.quantity)) is not None]
        return f"{min(figures):,}–{max(figures):,}" if figures else self.display()


def weighed(claims: list[Claim]) -> list[Claim]:
    """The claims a figure is read from: a headline restating a body figure is left out.

    Headlines drop qualifiers ("Armenia says 49 soldiers killed" over "at least 49"), so a
    headline number that the body also states never narrows what the body says. A headline
    figure the body does not state (99 over "about 100") is kept.
    """
    body_numbers = {c.quantity.stated for c in claims if c.segment is not SegmentType.headline and c.quantity}
    return [c for c in claims if c.segment is not SegmentType.headline or c.quantity is None or c.quantity.stated not in body_numbers]


def group_display(claims: list[Claim]) -> str:
    # What `weighed` keeps depends only on each report's segment and quantity, and the display
    # only on the distinct quantities kept: the thousands of copies of a big event's figures
    # are reduced to those first (one pass), then weighed.
    seen: dict[tuple[bool, tuple], Quantity] = {}
    for c in claims:
        if c.quantity is not None:
            seen.setdefault((c.segment is SegmentType.headline, qkey(c.quantity)), c.quantity)
    body_numbers = {q.stated for (headline, _), q in seen.items() if not headline}
    kept = [q for (headline, _), q in seen.items() if not headline or q.stated not in body_numbers]
    # a vague "thousands" agrees with a stated figure but should not blur it
    kept = [q for q in kept if q.stated is not None] or kept
    distinct = {qkey(q): q for q in kept if q.is_known}
    shown = {quantity_display(q) for q in distinct.values()}
    if len(shown) == 1:
        return shown.pop()
    est = reconcile_values(list(distinct.values()))
    return est.display() if est else "unspecified"


def is_cumulative(claim: Claim) -> bool:
    return claim.scope is not None and claim.scope.kind is ScopeKind.cumulative


def is_increment(claim: Claim) -> bool:
    return claim.scope is not None and claim.scope.kind is ScopeKind.increment


def qkey(q: Quantity) -> tuple:
    return (q.qualifier, q.low, q.high, q.stated)


@dataclass
class _Group:
    """Distinct quantities that can all be true together, and what a newcomer must agree with:
    the common part of their intervals, and the lowest and highest figure each kind of floor
    ('exactly' or 'at least'/'more than') puts forward."""

    members: list[list[Claim]] = field(default_factory=list)
    low: float = -math.inf
    high: float = math.inf
    figures: dict[bool, tuple[int, int]] = field(default_factory=dict)

    def admits(self, iv: Interval | None, floor: tuple[bool, int] | None) -> bool:
        """`compatible(q, m)` for every member m, in constant time: intervals that all overlap
        one another share a point, and stated floors differ most from the extreme figures."""
        if iv is None:
            return True
        if not (iv.low <= self.high and self.low <= iv.high):
            return False
        if floor is None or floor[0] not in self.figures:
            return True
        if self.low == self.high and iv.low <= self.low:
            return True  # an exact figure pins the count: "at least 7" and "at least 13" both stand beside 13
        lowest, highest = self.figures[floor[0]]
        return not (figures_differ(floor[1], lowest) or figures_differ(floor[1], highest))

    def add(self, cs: list[Claim], iv: Interval | None, floor: tuple[bool, int] | None) -> None:
        self.members.append(cs)
        if iv is None:
            return  # compatible with anything, so it constrains nothing
        self.low, self.high = max(self.low, iv.low), min(self.high, iv.high)
        if floor is not None:
            lowest, highest = self.figures.get(floor[0], (floor[1], floor[1]))
            self.figures[floor[0]] = (min(lowest, floor[1]), max(highest, floor[1]))


def compatible_groups(claims: list[Claim]) -> list[list[Claim]]:
    """Reports split into groups that can all be true together, smallest figures first.

    Compatibility depends on the quantity alone, so distinct quantities are grouped (few, even
    when thousands of copies repeat them) and claims follow their quantity. A quantity joins
    the first group all of whose quantities it is `compatible` with.
    """
    by_quantity: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.quantity is not None and c.quantity.is_known:
            by_quantity[qkey(c.quantity)].append(c)
    # at one figure an exact report goes first: it pins the count that floors then stand beside
    distinct = sorted(
        by_quantity.values(),
        key=lambda cs: (point(cs[0].quantity) or 0, cs[0].quantity.qualifier is not Qualifier.exact, qkey(cs[0].quantity)[0].value),
    )
    groups: list[_Group] = []
    for cs in distinct:
        q = cs[0].quantity
        # "several others were injured" is no figure to set against the other side's 16
        iv, floor = (None, None) if q.qualifier is Qualifier.vague else (interval(q), stated_floor(q))
        if all(c.segment is SegmentType.headline for c in cs):
            floor = None  # a headline rounds ("toll passes 200" over the body's 224): its floor bounds, it does not compete
        home = next((g for g in groups if g.admits(iv, floor)), None)
        if home is None:
            home = _Group()
            groups.append(home)
        home.add(cs, iv, floor)
    out = [sorted((c for cs in g.members for c in cs), key=lambda c: (c.article, c.start)) for g in groups]
    return [part for g in out for part in _rivals_apart(g)]


@cache
def _rival_wording() -> re.Pattern[str]:
    return re.compile("|".join(load_data("reconcile.json")["rival_figure"]["patterns"]), re.IGNORECASE)


def _rivals_apart(group: list[Claim]) -> list[list[Claim]]:
    """A group's figures that their own sentence sets against another source's ("civil society
    groups gave a higher toll of 25") go apart from the other voices' figures they could stand
    beside as floors ("at least 17", per hospital sources): two counts that disagree."""
    pattern = _rival_wording()
    rivals = [c for c in group if pattern.search(c.quote)]
    if not rivals:
        return [group]
    figures = {point(c.quantity) for c in rivals}
    rest = [c for c in group if c not in rivals]
    voices = {c.claimant for c in rivals}
    if not rest or {point(c.quantity) for c in rest} & figures or {c.claimant for c in rest} & voices:
        return [group]
    return [rest, rivals]


def _estimate(claims: list[Claim]) -> Estimate | None:
    return reconcile_values([c.quantity for c in weighed(claims) if c.quantity is not None])


def _only_floors_differ(groups: list[list[Claim]]) -> bool:
    """Groups that can all be true as intervals and differ only in the floors they state."""
    ivs = [interval(g[0].quantity) for g in groups]
    return all(a is not None and b is not None and a.overlaps(b) for i, a in enumerate(ivs) for b in ivs[i + 1 :])


def named_claimants(claims: list[Claim]) -> set[str]:
    """Who a report is attributed to, outlets left out: the voices whose figures can contradict."""
    return {c.claimant for c in claims if c.claimant and c.claimant_role is not ClaimantRole.outlet}


def close_counts(a: list[Claim], b: list[Claim]) -> bool:
    """Two groups' figures less than `same_day_rise.min_ratio` apart: tellings of one count, not a
    rise, nor a part beside its whole (606 vs 610; 25 wounded civilians vs 26 wounded)."""
    x = max(point(c.quantity) or 0 for c in a)
    y = max(point(c.quantity) or 0 for c in b)
    low, high = min(x, y), max(x, y)
    return low > 0 and high / low < load_data("reconcile.json")["same_day_rise"]["min_ratio"]


def _all_floors(group: list[Claim]) -> bool:
    return all(c.quantity is not None and c.quantity.qualifier in (Qualifier.at_least, Qualifier.more_than) for c in group)


def _one_voice(lower: list[Claim], higher: list[Claim]) -> bool:
    """No two different named claimants set the figures against each other: 4 in the morning and
    31 at night from the same authority, or from outlets alone, is a count that rose that day."""
    a, b = named_claimants(lower), named_claimants(higher)
    return not (a and b and not (a & b))


def _split_moment(as_of: date | None, claims: list[Claim], previous: Estimate | None, background: bool) -> list[Moment]:
    """One reporting date's claims as one moment, or several when a running count rose that day."""
    increments = [c for c in claims if is_increment(c)]
    counts = [c for c in claims if not is_increment(c)]
    if increments and not counts and previous is not None:
        added = _estimate(increments)
        est = previous.plus(added) if added else previous
        return [Moment(as_of, claims, [claims], est)]
    groups = compatible_groups(counts or claims)
    if not groups:  # only "an unspecified number" that day: a report, but no figure
        return [Moment(as_of, claims)]
    if len(groups) == 1:
        top = max(point(c.quantity) or 0 for c in groups[0])
        earlier = [c for c in groups[0] if (point(c.quantity) or 0) < top]
        later = [c for c in groups[0] if (point(c.quantity) or 0) == top]
        if earlier and any(is_cumulative(c) for c in later) and not any(is_cumulative(c) for c in earlier):
            # "at least 49" and then "105 killed since Tuesday": both true, but the running count rose
            return [Moment(as_of, g, [g], _estimate(g)) for g in (earlier, later)]
        return [Moment(as_of, claims, groups, _estimate(claims))]
    # Figures that cannot all be true, smallest first: each step up is either a running count
    # that grew during the day (a new moment) or a second telling of the same count (the
    # same moment, so a discrepancy).
    runs: list[list[list[Claim]]] = [[groups[0]]]
    for lower, higher in zip(groups, groups[1:]):
        # the side's own word against another's contradicts even with a figure between them
        against = next((run for run in runs[:-1] if any(_opposed(g, higher) for g in run)), None)
        if against is not None:
            against.append(higher)
        elif _rose(lower, higher, background):
            runs.append([higher])
        else:
            runs[-1].append(higher)
    return [Moment(as_of, [c for g in run for c in g], run, _estimate([c for g in run for c in g])) for run in runs]


def _rose(lower: list[Claim], higher: list[Claim], background: bool) -> bool:
    """Whether the step from one day's figure to a higher one is no contradiction (README 'Same-day figures').

    - The side's own claimant against another named claimant (23 per the army, 58 per the
      other side) is a contradiction, however far apart.
    - Figures close together (below `same_day_rise.min_ratio`: 13 in one article, 14 in another,
      one release printed as 606 and 610) are two tellings of one toll, however worded.
    - A figure below 1/`same_day_rise.partial_ratio` of the other counts one strike or one town,
      or is the morning's figure of a toll that grew: no contradiction.
    - In between, "the toll rose to 20" beside "12 killed", "at least 10" then "at least 25", or
      figures from one voice grew; different named voices contradict each other.
    A settled past event's floors that differ stay a discrepancy (">6,600" vs ">6,700", 2020 war).
    """
    low = max(point(c.quantity) or 0 for c in lower)
    high = max(point(c.quantity) or 0 for c in higher)
    if low <= 0:
        return True
    if _opposed(lower, higher) or _rivals_apart(lower + higher) != [lower + higher]:
        return False
    if _says_it_rose_from(higher, low):
        return True
    if close_counts(lower, higher):
        if not background and _all_floors(lower) and _all_floors(higher):
            return True  # "at least eight" and "at least nine" can both be true: the count rose
        return {c.article_id for c in lower} == {c.article_id for c in higher} and any(is_cumulative(c) for c in higher)
    if not background and high / low >= load_data("reconcile.json")["same_day_rise"]["partial_ratio"]:
        return True
    if any(is_cumulative(c) for c in higher):
        return True
    return not background and (_only_floors_differ([lower, higher]) or _one_voice(lower, higher))


def _says_it_rose_from(higher: list[Claim], low: int) -> bool:
    """The higher figure's own sentence names the lower one as what it rose from ("raised its
    toll to 31 dead, up from 26 earlier in the day"; "from 26 to 31"): an update, however close."""
    figure = f"{low:,}".replace(",", ",?")
    words = "|".join(load_data("reconcile.json")["rose_from"]["words"])
    pattern = re.compile(rf"\b(?:{words}) from (?:the )?(?:(?:more than|at least|over) )?{figure}\b|\bfrom {figure} (?:dead )?to\b", re.IGNORECASE)
    return any(pattern.search(c.quote) for c in higher)


def _opposed(lower: list[Claim], higher: list[Claim]) -> bool:
    """One figure from the victims' own side, the other from the other side (a country or an
    armed group), never from a third party such as the UN or a rights group."""
    party = next((c.victim_party for c in lower + higher if c.victim_party), None)
    if party is None:
        return False
    a, b = named_claimants(lower), named_claimants(higher)
    lex = actor_lexicon()

    def enemy(voices: set[str]) -> bool:
        return any(v != party and lex.is_belligerent(v) for v in voices)

    return (party in a and party not in b and enemy(b)) or (party in b and party not in a and enemy(a))


Told = dict[tuple[str | None, str, tuple], date]  # (party, kind, figure) -> first day the story reported it


def first_told(claims: list[Claim], as_of: dict[str, date | None]) -> Told:
    """The first reporting day of every figure of every side and kind in a set of claims."""
    told: Told = {}
    for c in claims:
        day = as_of.get(c.id)
        if day is None or c.quantity is None or not c.quantity.is_known:
            continue
        k = (c.victim_party, str(c.kind), qkey(c.quantity))
        if k not in told or day < told[k]:
            told[k] = day
    return told


def build_moments(
    claims: list[Claim], as_of: dict[str, date | None], background: bool, told: Told | None = None
) -> list[Moment]:
    buckets: dict[date | None, list[Claim]] = defaultdict(list)
    for c in claims:
        buckets[None if background else as_of.get(c.id)].append(c)
    moments: list[Moment] = []
    unnumbered: list[Claim] = []
    for day in sorted(buckets, key=lambda d: d or date.min):
        previous = moments[-1].estimate if moments else None
        today, stale = _without_repeats(buckets[day], moments, day, told or {}) if not background else (buckets[day], [])
        for i, m in enumerate(_split_moment(day, today, previous, background)):
            if i == 0 and stale:
                m = Moment(m.as_of, m.claims + stale, m.groups, m.estimate)  # corroboration, not a rival
            if m.estimate is None and not m.groups:
                unnumbered.extend(m.claims)  # corroborates the fact, moves no figure
                continue
            if moments and _same_figure(moments[-1], m):
                merged = moments[-1].claims + m.claims
                moments[-1] = Moment(moments[-1].as_of, merged, compatible_groups(merged), _estimate(merged))
            else:
                moments.append(m)
    if unnumbered:
        if moments:
            last = moments[-1]
            moments[-1] = Moment(last.as_of, last.claims + unnumbered, last.groups, last.estimate)
        else:
            moments.append(Moment(None, unnumbered))
    return moments


def _without_repeats(
    claims: list[Claim], moments: list[Moment], day: date | None, told: Told
) -> tuple[list[Claim], list[Claim]]:
    """A day's reports less the ones that only repeat an earlier day's figure beside new ones,
    and the repeats no earlier moment of this fact holds (told under another event).

    "Its last update, on Monday, put the dead at 224", printed on Thursday beside a rights
    group's new 639, is Monday's toll told again, not a rival figure for Thursday: it joins
    the earlier moment that first gave it, as corroboration. `told` knows the figures the
    whole story reported before, so a repeat filed under a later event is caught too.
    """
    earlier = {qkey(c.quantity): m for m in moments for c in m.claims if c.quantity is not None and c.quantity.is_known}

    def told_before(c: Claim) -> bool:
        first = told.get((c.victim_party, str(c.kind), qkey(c.quantity)))
        return first is not None and day is not None and first < day or _given_earlier(c, day) or named_earlier(c)

    repeats = [c for c in claims if c.quantity is not None and (qkey(c.quantity) in earlier or told_before(c))]
    repeated = {c.id for c in repeats}
    fresh = [c for c in claims if c.id not in repeated]
    if not repeats or not any(c.quantity is not None and c.quantity.is_known for c in fresh):
        return claims, []
    elsewhere = []
    # the first group of a moment holding a quantity stays the first once a repeat of it joins
    # (no other group gains that quantity): found once per moment and quantity, not per repeat
    home: dict[tuple[int, tuple], list[Claim] | None] = {}
    for c in repeats:
        m = earlier.get(qkey(c.quantity))
        if m is None:
            elsewhere.append(c)  # told on an earlier day under another event: corroboration of today's moment
            continue
        m.claims.append(c)
        mine = qkey(c.quantity)
        where = (id(m), mine)
        if where not in home:
            home[where] = next((g for g in m.groups if any(qkey(o.quantity) == mine for o in g if o.quantity is not None)), None)
        if home[where] is not None:
            home[where].append(c)
    return fresh, elsewhere


@cache
def _earlier_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cfg = load_data("reconcile.json")["named_earlier"]
    return re.compile("(?:" + "|".join(cfg["before_figure"]) + r")\s*$", re.IGNORECASE), re.compile("|".join(cfg["sentence"]), re.IGNORECASE)


def named_earlier(c: Claim) -> bool:
    """A figure its own words call an earlier one ("revising an earlier toll of 32", "the toll
    had earlier stood at nine", "20 died, officials earlier said"): a step the day's count
    has passed, told beside the newer figure, not a rival of it (`named_earlier`)."""
    if c.span_start is None:
        return False
    before, sentence = _earlier_words()
    at = c.span_start - c.start
    return bool(before.search(c.quote[max(0, at - 60) : at]) or sentence.search(c.quote))


def _given_earlier(c: Claim, day: date | None) -> bool:
    """A figure its own sentence dates days before its article ("its last update, on Monday, put
    the wounded at 1,277", printed on Thursday): an earlier toll told again. Not a running count
    since a day, whose window only starts then; and a day before is still news of the day
    ("said on Friday", printed on Saturday: `told_again.min_days`)."""
    t = c.event_time
    if day is None or t is None or t.basis not in (TimeBasis.explicit, TimeBasis.resolved) or is_cumulative(c) or is_increment(c):
        return False
    start, end = (t.start or "")[:10], (t.end or t.start or "")[:10]
    if not start or start != end:
        return False
    given = date.fromisoformat(start)
    return (day - given).days >= load_data("reconcile.json")["told_again"]["min_days"]


def _same_figure(a: Moment, b: Moment) -> bool:
    """Two moments that report the same figure are one: nothing was updated."""
    if not (a.consistent and b.consistent) or a.estimate is None or b.estimate is None:
        return a.estimate is None and b.estimate is None
    qa = {qkey(c.quantity): c.quantity for c in a.claims if c.quantity is not None}
    qb = {qkey(c.quantity): c.quantity for c in b.claims if c.quantity is not None}
    return a.estimate.best == b.estimate.best and all(compatible(x, y) for x in qa.values() for y in qb.values())
