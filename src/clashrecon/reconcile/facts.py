"""Casualty claims of one event -> fact drafts: one per (victim party, kind, scope).

Decides which claims count the same quantity: a count naming no side takes the side it can
only belong to, counts of different people (soldiers within a toll) are kept apart. Each
draft's figures over time are its moments (moments.py).

Not done here: relations between facts (aggregates, subtotals) live in relations.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from clashrecon.lexicon import load_data
from clashrecon.models import (
    BOTH,
    CasualtyKind,
    Claim,
    Position,
    ScopeKind,
    SegmentType,
    VictimGroup,
    casualty_subject,
)
from clashrecon.reconcile.moments import (
    Moment,
    Told,
    build_moments,
    close_counts,
    compatible_groups,
    group_display,
    named_claimants,
    qkey,
)
from clashrecon.reconcile.values import Estimate, point

ALL = ("all", None)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class FactKey:
    party: str | None
    kind: CasualtyKind
    scope: tuple[str, str | None]  # ("all", None) | ("place", name) | ("group", name)

    @property
    def is_total(self) -> bool:
        return self.party == BOTH and self.scope == ALL

    @property
    def place(self) -> str | None:
        return self.scope[1] if self.scope[0] == "place" else None

    @property
    def group(self) -> str | None:
        return self.scope[1] if self.scope[0] == "group" else None

    def subject(self) -> str:
        return casualty_subject(self.party, self.kind, self.place, self.group)

    def id_text(self) -> str:
        """The key as relation IDs hash it: the dataclass repr from when kinds were strings, so IDs stay stable."""
        return f"FactKey(party={self.party!r}, kind={str(self.kind)!r}, scope={self.scope!r})"


@dataclass(frozen=True)
class FactDraft:
    key: FactKey
    claims: list[Claim]
    moments: list[Moment]
    background: bool
    residue: bool = False  # counts naming no side beside counts that do: not one quantity

    @property
    def estimate(self) -> Estimate | None:
        for m in reversed(self.moments):
            if m.estimate is not None:
                return m.estimate
        return None

    @property
    def discrepant(self) -> bool:
        return any(not m.consistent for m in self.moments) or self.falls

    @property
    def falls(self) -> bool:
        """A later report below an earlier floor by the same named claimant, which no running count can be.

        A lower later figure from someone else (one town's dead, an outlet repeating an old
        toll) is a partial or stale count, not a contradiction; a background event's single
        time frame keeps the plain rule.
        """
        known = [m for m in self.moments if m.estimate is not None]
        for earlier, later in zip(known, known[1:]):
            if later.estimate.interval.high < earlier.estimate.low and (
                self.background or named_claimants(earlier.claims) & named_claimants(later.claims)
            ):
                return True
        return False

    @property
    def updated(self) -> bool:
        return len([m for m in self.moments if m.estimate is not None]) > 1

    def display(self) -> str:
        if self.residue:
            distinct = {qkey(c.quantity): c for c in self.claims if c.quantity is not None}
            return " / ".join(dict.fromkeys(group_display([c]) for c in distinct.values()))
        return " → ".join(m.display() for m in self.moments if m.groups)

    def _is_short(self, text: str) -> bool:
        return len(text) <= load_data("reconcile.json")["brief"]["max_chars"]

    def trail(self) -> str:
        """`display()`, or when that is long the first and the latest figure: '3 → 41'."""
        full = self.display() or "unspecified"
        known = [m for m in self.moments if m.groups]
        if self._is_short(full) or self.residue or len(known) < 2:
            return full
        return f"{known[0].short()} → {known[-1].short()}"

    def brief(self) -> str:
        """`display()`, or when that is long (a big story's hundreds of reports) the first and the
        latest figure and the range reported: '3 → 41 (3–210 over 7 days)'."""
        full = self.display() or "unspecified"
        if self._is_short(full):
            return full
        figures = sorted({p for c in self.claims if c.quantity is not None and (p := point(c.quantity)) is not None})
        spread = f"{figures[0]:,}–{figures[-1]:,}"
        known = [m for m in self.moments if m.groups]
        if self.residue or len(known) < 2:
            return f"{spread} ({len(figures)} figures)"
        return f"{self.trail()} ({spread} over {len({m.as_of for m in known})} days)"

    def estimate_at(self, when: date | None) -> Estimate | None:
        """The figure as known at `when`: the latest moment reported on or before it."""
        found = None
        for m in self.moments:
            if m.estimate is not None and (when is None or m.as_of is None or m.as_of <= when):
                found = m.estimate
        return found


def scope_key(claim: Claim) -> tuple[str, str | None]:
    s = claim.scope
    if s is not None and s.kind is ScopeKind.place:
        return ("place", s.place or s.text or "one area")
    if s is not None and s.kind is ScopeKind.group:
        return ("group", s.group or (claim.victim_group.value if claim.victim_group else s.text or "a group"))
    # "17 civilians" alone is not a part of anything: only an explicit group scope
    # ("including 13 civilians") makes a subtotal
    return ALL


def fill_from_siblings(claims: list[Claim]) -> list[Claim]:
    """A count with no party or scope takes them from another count in the same sentence.

    "four Armenian troops in his region were killed and another 43 were wounded": the 43 are
    the same region's Armenian troops. Only when the sentence's other counts name one party.
    """
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        by_sentence[(c.article_id, c.start)].append(c)
    out = []
    for c in claims:
        siblings = [o for o in by_sentence[(c.article_id, c.start)] if o.id != c.id]
        update: dict = {}
        parties = {o.victim_party for o in siblings if o.victim_party}
        if c.victim_party is None and len(parties) == 1:
            update["victim_party"] = parties.pop()
        scopes = {o.scope for o in siblings if o.scope is not None and o.scope.kind is ScopeKind.place}
        if (c.scope is None or c.scope.kind is ScopeKind.event) and len(scopes) == 1:
            update["scope"] = scopes.pop()
        out.append(c.model_copy(update=update) if update else c)
    return out


def assign_sideless(claims: list[Claim], as_of: dict[str, date | None], background: bool) -> list[Claim]:
    """A count naming no side takes the side it can only belong to.

    - In a background event (a war years ago) it is the event's total: both sides.
    - If exactly one side states the same number, it is that side's ("Armenia says 49 soldiers
      killed" beside "at least 49 of its soldiers").
    - If it equals the sum of two or more sides' figures reported the same day, it is the
      both-sides total (99 beside 49 and 50).
    """
    if background:
        return [
            c.model_copy(update={"victim_party": BOTH}) if c.victim_party is None and scope_key(c) == ALL else c
            for c in claims
        ]
    stated: dict[tuple[str, int], set[str]] = defaultdict(set)
    daily: dict[tuple[str, date | None, str], int] = {}
    for c in claims:
        if c.victim_party and c.quantity is not None and c.quantity.stated is not None and scope_key(c) == ALL:
            stated[(c.kind, c.quantity.stated)].add(c.victim_party)
            if c.victim_party != BOTH:
                k = (c.kind, as_of.get(c.id), c.victim_party)
                daily[k] = max(daily.get(k, 0), c.quantity.stated)
    out = []
    for c in claims:
        if c.victim_party is None and c.quantity is not None and c.quantity.stated is not None and scope_key(c) == ALL:
            sides = stated.get((c.kind, c.quantity.stated), set())
            parts = [n for (kind, day, _), n in daily.items() if kind == c.kind and day == as_of.get(c.id)]
            if len(sides) == 1:
                c = c.model_copy(update={"victim_party": next(iter(sides))})
            elif len(parts) >= 2 and sum(parts) == c.quantity.stated:
                c = c.model_copy(update={"victim_party": BOTH})
        out.append(c)
    return _continue_running_counts(_follow_previous_sentence(out), as_of)


def _follow_previous_sentence(claims: list[Claim]) -> list[Claim]:
    """A count naming no side right after a sentence counting one side's dead of the same kind.

    "Fighting in Goma has killed at least 17 people, hospital sources said. Civil society
    groups gave a higher toll of 25 dead": the second count is about the same people. Only
    when the sentence just before (at most `sideless.follow_gap_chars` away) counts one side.
    """
    gap = load_data("reconcile.json")["sideless"]["follow_gap_chars"]
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article_id].append(c)
    moved: dict[str, str] = {}
    for cs in by_article.values():
        sentences: dict[int, list[Claim]] = defaultdict(list)
        for c in cs:
            sentences[c.start].append(c)
        starts = sorted(sentences)
        for before, after in zip(starts, starts[1:]):
            prev, here = sentences[before], sentences[after]
            if after - max(c.end for c in prev) > gap or any(c.victim_party for c in here):
                continue
            for c in here:
                sides = {p.victim_party for p in prev if p.kind == c.kind and p.victim_party and scope_key(p) == ALL}
                if c.victim_party is None and scope_key(c) == ALL and len(sides) == 1 and BOTH not in sides:
                    moved[c.id] = sides.pop()
    return [c.model_copy(update={"victim_party": moved[c.id]}) if c.id in moved else c for c in claims]


def _continue_running_counts(claims: list[Claim], as_of: dict[str, date | None]) -> list[Claim]:
    """Sideless counts that can only be an earlier or later figure of one side's running count.

    A day's sideless figures must agree among themselves; they go to the one side whose own
    figures never fall below them afterwards nor rise above them before. "17 civilians killed"
    on day 1 beside a side's 23 on day 2 and the other side's 2 or 14 fighters: the first side.
    """
    sided: dict[tuple[str, str], list[tuple[date | None, int]]] = defaultdict(list)
    sideless: dict[tuple[str, date | None], list[Claim]] = defaultdict(list)
    for c in claims:
        n = point(c.quantity) if c.quantity is not None else None
        if n is None or scope_key(c) != ALL:
            continue
        if c.victim_party is None:
            sideless[(c.kind, as_of.get(c.id))].append(c)
        elif c.victim_party != BOTH:
            sided[(c.kind, c.victim_party)].append((as_of.get(c.id), n))
    moved: dict[str, str] = {}
    for (kind, day), group in sideless.items():
        if day is None or len(compatible_groups(group)) != 1:
            continue
        low = max(point(c.quantity) or 0 for c in group)
        fits = [
            party
            for (k, party), figures in sided.items()
            if k == kind
            and all(d is not None for d, _ in figures)
            and all(n >= low for d, n in figures if d > day)
            and all(n <= low for d, n in figures if d < day)
            and not any(d == day for d, _ in figures)
        ]
        if len(fits) == 1:
            moved.update({c.id: fits[0] for c in group})
    return [c.model_copy(update={"victim_party": moved[c.id]}) if c.id in moved else c for c in claims]


def _split_by_victim_group(claims: list[Claim], as_of: dict[str, date | None]) -> dict[str, list[Claim]]:
    """Counts of one side that disagree only because they count different people.

    "1,200 people killed" and "300 soldiers killed" the same day are not a discrepancy: the
    soldiers are a group within the toll. Only when a day's figures that cannot all be true
    split cleanly by victim group; the specific group (soldiers, civilians) is moved out, or
    the civilians when the other figure counts soldiers.
    """
    by_day: dict[date | None, list[Claim]] = defaultdict(list)
    for c in claims:
        by_day[as_of.get(c.id)].append(c)
    moved: dict[str, list[Claim]] = defaultdict(list)
    for day_claims in by_day.values():
        groups = compatible_groups(day_claims)
        if len(groups) != 2:
            continue
        kinds = [{(c.victim_group or VictimGroup.people) for c in g} for g in groups]
        if any(len(k) != 1 for k in kinds) or kinds[0] == kinds[1]:
            continue
        labels = [next(iter(k)) for k in kinds]
        general = VictimGroup.people if VictimGroup.people in labels else VictimGroup.military
        specific = next(g for g, label in zip(groups, labels) if label is not general)
        whole = next(g for g, label in zip(groups, labels) if label is general)
        if close_counts(specific, whole):
            continue  # 25 wounded civilians beside 26 wounded people: one count told two ways, not a part
        for g, label in zip(groups, labels):
            if label is not general:
                moved[label.value].extend(g)
    return moved


def _parts_take_their_article_side(claims: list[Claim]) -> list[Claim]:
    """A sideless count of a place or group ("eight of the dead were children") takes the side
    of its own article's overall counts of that kind, when they name exactly one side."""
    sides: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in claims:
        if c.victim_party and c.victim_party != BOTH and scope_key(c) == ALL:
            sides[(c.article_id, c.kind)].add(c.victim_party)
    out = []
    for c in claims:
        if c.victim_party is None and scope_key(c) != ALL:
            found = sides.get((c.article_id, c.kind), set())
            if len(found) == 1:
                c = c.model_copy(update={"victim_party": next(iter(found))})
        out.append(c)
    return out


def casualty_facts(
    claims: list[Claim], as_of: dict[str, date | None], background: bool, told: Told | None = None
) -> list[FactDraft]:
    """Group one event's casualty claims into facts and split each into moments."""
    groups: dict[FactKey, list[Claim]] = defaultdict(list)
    for c in _parts_take_their_article_side(assign_sideless(fill_from_siblings([c for c in claims if c.quantity is not None]), as_of, background)):
        scope = scope_key(c)
        if c.victim_party is None and scope == ALL and c.victim_group is VictimGroup.military:
            # with no side named, "14 rebel fighters" and "23 civilians" are different people
            scope = ("group", "fighters")
        groups[FactKey(c.victim_party, c.kind, scope)].append(c)
    for key in [k for k in groups if k.party is not None and k.scope == ALL]:
        for group, moved in _split_by_victim_group(groups[key], as_of).items():
            groups[FactKey(key.party, key.kind, ("group", group))].extend(moved)
            ids = {c.id for c in moved}
            groups[key] = [c for c in groups[key] if c.id not in ids]
    groups = {k: v for k, v in groups.items() if v}
    sided = {(k.kind, k.scope) for k in groups if k.party is not None}
    drafts = []
    for key, cs in groups.items():
        if not any(c.quantity.is_known for c in cs) and (
            any(k.party == key.party and k.kind == key.kind and k != key for k in groups) or key.party is None
        ):
            continue  # an "unknown number", beside real figures or of no side, adds nothing to compare
        moments = build_moments(cs, as_of, background, told) if any(c.quantity.is_known for c in cs) else []
        residue = key.party is None and (key.kind, key.scope) in sided
        drafts.append(FactDraft(key=key, claims=cs, moments=moments, background=background, residue=residue))
    return drafts


RELATIVE_YEAR = 1  # relative days ('day 2' of an undated story) live in year 1


def relative_day(index: int) -> date:
    return date.fromordinal(max(1, index))


def weekday_label(day: date | None) -> str:
    if day is None:
        return "undated report"
    if day.year == RELATIVE_YEAR:
        return f"day {day.toordinal()}"
    return f"{WEEKDAYS[day.weekday()]} {day.isoformat()}"


def position(value: str, claims: list[Claim], origin: dict[str, str]) -> Position:
    """The claims behind one value, with one quote per article, body sentences before headlines.

    For counts, only the reports that give the figure: an "unknown number" or a vague
    "thousands" next to "more than 6,600" is not a source for 6,600.
    """
    known = [c for c in claims if c.quantity is not None and c.quantity.is_known]
    stated = [c for c in known if c.quantity.stated is not None]
    claims = sorted(stated or known or claims, key=lambda c: c.segment is SegmentType.headline)
    quotes: dict[str, str] = {}
    for c in claims:
        quotes.setdefault(c.article_id, c.quote)
    claimants = Counter(c.claimant for c in claims if c.claimant)
    return Position(
        value=value,
        claimants=tuple(name for name, _ in claimants.most_common()),
        articles=tuple(sorted(name for _, name in {(c.article_id, c.article) for c in claims})),
        origins=tuple(sorted({origin.get(c.article_id, c.article_id) for c in claims})),
        quotes=tuple(quotes.values()),
        claim_ids=tuple(c.id for c in claims),
    )
