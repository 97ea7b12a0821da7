"""Casualty claims of one event -> fact drafts: one per (victim party, kind, scope).

Decides which claims count the same quantity: a count naming no side takes the side it can
only belong to, counts of different people (soldiers within a toll) are kept apart. Each
draft's figures over time are its moments (moments.py).

Not done here: relations between facts (aggregates, subtotals) live in relations.py.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from clashrecon.lexicon import actor_lexicon, country_place_entry, load_data
from clashrecon.models import (
    BOTH,
    CasualtyKind,
    ClaimantRole,
    Claim,
    Position,
    Qualifier,
    ScopeKind,
    SegmentType,
    VictimGroup,
    casualty_subject,
)
from clashrecon.reconcile.governments import governed_by_armed_groups
from clashrecon.reconcile.moments import (
    Moment,
    Told,
    build_moments,
    close_counts,
    compatible_groups,
    group_display,
    is_cumulative,
    is_increment,
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
    claimed_by: str | None = None  # the enemy whose count of this side's fighters this is

    @property
    def estimate(self) -> Estimate | None:
        for m in reversed(self.moments):
            if m.estimate is not None:
                return m.estimate
        return None

    @property
    def discrepant(self) -> bool:
        return any(not m.consistent for m in self.moments) or (self.falls and self.claimed_by is None)

    @property
    def falls(self) -> bool:
        """A later report below an earlier floor by the same named claimant, which no running count can be.

        A lower later figure from someone else (one town's dead, an outlet repeating an old
        toll) is a partial or stale count, not a contradiction; a background event's single
        time frame keeps the plain rule.
        """
        known = [m for m in self.moments if m.estimate is not None]
        ratio = load_data("reconcile.json")["same_day_rise"]["partial_ratio"]
        for earlier, later in zip(known, known[1:]):
            # a figure below 1/partial_ratio of the count counts one strike or one town (the
            # 16 hurt in one barrage after 240 in all), unless it says it is the running count
            partial = not self.background and later.estimate.interval.high * ratio < earlier.estimate.low and not any(is_cumulative(c) for c in later.claims)
            if later.estimate.interval.high < earlier.estimate.low and not partial and (
                self.background or named_claimants(earlier.claims) & named_claimants(later.claims)
            ):
                return True
        return False

    @property
    def updated(self) -> bool:
        return len([m for m in self.moments if m.estimate is not None]) > 1

    def display(self) -> str:
        # Made once: a draft's claims and moments are complete when it is made, and its display
        # is asked for again and again (value, brief, trail, each subtotal of its party), each
        # time over every group of every moment: thousands of reports in a big event.
        shown = self.__dict__.get("_display")
        if shown is None:
            shown = self._display()
            object.__setattr__(self, "_display", shown)
        return shown

    def _display(self) -> str:
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


def casualty_countries(places: Iterable[Claim]) -> dict[tuple[str, int], set[str]]:
    """The countries each sentence's casualties fell in, by (article id, sentence start): the
    country its place claims give, else the one data/places.json puts that place in."""
    found: dict[tuple[str, int], set[str]] = defaultdict(set)
    for p in places:
        if p.subject != "casualties" or not isinstance(p.value, str):
            continue
        entry = country_place_entry(p.value)
        country = getattr(p.attrs, "country", None) or (entry[1] if entry else None)
        if country:
            found[(p.article_id, p.start)].add(country)
    return found


def assign_sideless(
    claims: list[Claim],
    as_of: dict[str, date | None],
    background: bool,
    where: dict[tuple[str, int], set[str]] | None = None,
) -> list[Claim]:
    """A count naming no side takes the side it can only belong to.

    - In a background event (a war years ago) it is the event's total: both sides.
    - If exactly one side states the same number, it is that side's ("Armenia says 49 soldiers
      killed" beside "at least 49 of its soldiers").
    - If its sentence puts the dead in one warring country's place, they are that country's
      people (not its soldiers, who may have fallen abroad).
    - If it equals the sum of two or more sides' figures reported the same day, it is the
      both-sides total (99 beside 49 and 50).
    """
    if background:
        return [
            c.model_copy(update={"victim_party": BOTH}) if c.victim_party is None and scope_key(c) == ALL else c
            for c in claims
        ]
    stated: dict[tuple[str, int, bool], set[str]] = defaultdict(set)
    daily: dict[tuple[str, date | None, str], int] = {}
    for c in claims:
        if c.victim_party and c.quantity is not None and c.quantity.stated is not None and scope_key(c) == ALL:
            stated[_joined_on(c)].add(c.victim_party)
            if c.victim_party != BOTH:
                k = (c.kind, as_of.get(c.id), c.victim_party)
                daily[k] = max(daily.get(k, 0), c.quantity.stated)
    warring = {c.victim_party for c in claims if c.victim_party and c.victim_party != BOTH}
    out = []
    for c in claims:
        if c.victim_party is None and c.quantity is not None and c.quantity.stated is not None and scope_key(c) == ALL:
            sides = stated.get(_joined_on(c), set())
            parts = [n for (kind, day, _), n in daily.items() if kind == c.kind and day == as_of.get(c.id)]
            fell_in = (where or {}).get((c.article_id, c.start), set())
            killer = _killer(c)
            if len(sides) == 1 and killer not in sides:
                c = c.model_copy(update={"victim_party": next(iter(sides))})
            elif len(fell_in) == 1 and fell_in <= warring and killer not in fell_in and c.victim_group is not VictimGroup.military:
                # "the death toll from Wednesday's fighting in Spin Boldak rose to 40": the
                # people of a warring country's town, not a sum of both sides that happens to match
                c = c.model_copy(update={"victim_party": next(iter(fell_in))})
            elif len(parts) >= 2 and sum(parts) == c.quantity.stated:
                c = c.model_copy(update={"victim_party": BOTH})
            elif _counts_its_own(c, warring):
                c = c.model_copy(update={"victim_party": c.claimant})
        out.append(c)
    return _continue_running_counts(_follow_previous_sentence(_same_sentence_same_side(claims, out), where or {}), as_of)


def _same_sentence_same_side(before: list[Claim], after: list[Claim]) -> list[Claim]:
    """The other sideless counts of a sentence whose count just found its side are the same
    people's: "the toll ... rose to 40, all of them civilians, with 170 injured", once the 40
    are Afghans, counts Afghan wounded."""
    found: dict[tuple[str, int], set[str]] = defaultdict(set)
    kinds: dict[tuple[str, int], set[tuple[str, bool]]] = defaultdict(set)
    for old, new in zip(before, after):
        if old.victim_party is None and new.victim_party not in (None, BOTH):
            found[(new.article_id, new.start)].add(new.victim_party)
            kinds[(new.article_id, new.start)].add((new.kind, is_increment(new)))
    out = []
    for c in after:
        # only counts of another kind, or the toll a step of its kind brings it to ("two of the
        # wounded died later, taking the toll to 14"): "of the 92 wounded, 85 lightly" is a part
        known = kinds.get((c.article_id, c.start), set())
        sides = found.get((c.article_id, c.start), set()) if (c.kind, is_increment(c)) not in known else set()
        if c.victim_party is None and scope_key(c) == ALL and len(sides) == 1 and _killer(c) not in sides:
            c = c.model_copy(update={"victim_party": next(iter(sides))})
        out.append(c)
    return out


def _joined_on(c: Claim) -> tuple[str, int, bool]:
    """What a sideless count must share with a side's count to be that side's: kind and printed
    figure, and whether it is a "more than" (no figure of 50: it joins no side's exact 50, nor an
    exact 50 its floor)."""
    return c.kind, c.quantity.stated, c.quantity.qualifier is Qualifier.more_than


def _counts_its_own(claim: Claim, warring: set[str]) -> bool:
    """A warring country's own voice giving a count of people, civilians or the injured that
    names no side counts its own: "the health ministry said 3,056 had been wounded". Not its
    soldiers' kills ("killed 40 militants" names a group of the enemy's), and never a country
    with no dead of its own in the event (a mediator or a host is no side)."""
    return (
        claim.claimant in warring
        and claim.claimant != _killer(claim)  # "our troops fired on the car, killing five" counts others
        and claim.claimant_role is not ClaimantRole.outlet
        and claim.victim_group is not VictimGroup.military
        and actor_lexicon().kind_of(claim.claimant) == "country"
    )


def _killer(claim: Claim) -> str | None:
    """The side the claim's sentence names as killing people of no stated side: never theirs."""
    return getattr(claim.attrs, "killer", None)


def _follow_previous_sentence(claims: list[Claim], where: dict[tuple[str, int], set[str]]) -> list[Claim]:
    """A count naming no side right after a sentence counting one side's dead of the same kind.

    "Fighting in Goma has killed at least 17 people, hospital sources said. Civil society
    groups gave a higher toll of 25 dead": the second count is about the same people. Only
    when the sentence just before (at most `sideless.follow_gap_chars` away) counts one side,
    and never into a sentence whose casualties fell in another country ("Muzaffarabad also saw
    fatalities" after India's dead).
    """
    gap = load_data("reconcile.json")["sideless"]["follow_gap_chars"]
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article_id].append(c)
    moved: dict[str, str] = {}

    def side(c: Claim) -> str | None:
        return moved.get(c.id, c.victim_party)

    for cs in by_article.values():
        sentences: dict[int, list[Claim]] = defaultdict(list)
        for c in cs:
            sentences[c.start].append(c)
        starts = sorted(sentences)
        # in reading order, so that a third sentence follows the second's newly found side
        # ("the ministry said 400 Iranians … Hours earlier, Nour News put it at 430 … A rights
        # group counted 657"): each step still needs the sentence just before
        for before, after in zip(starts, starts[1:]):
            prev, here = sentences[before], sentences[after]
            if after - max(c.end for c in prev) > gap or any(c.victim_party for c in here):
                continue
            for c in here:
                sides = {side(p) for p in prev if p.kind == c.kind and side(p) and scope_key(p) == ALL}
                elsewhere = where.get((c.article_id, c.start), set()) - sides
                if c.victim_party is None and scope_key(c) == ALL and len(sides) == 1 and BOTH not in sides and not elsewhere and _killer(c) not in sides:
                    moved[c.id] = sides.pop()
            # the sentence's other counts are the same people's ("657 killed and 2,037 wounded")
            found = {moved[c.id] for c in here if c.id in moved}
            if len(found) == 1:
                for c in here:
                    if c.id not in moved and scope_key(c) == ALL and _killer(c) not in found:
                        moved[c.id] = next(iter(found))
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
            and all(_killer(c) != party for c in group)
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


@cache
def _coalition() -> tuple[str, re.Pattern[str], re.Pattern[str], int]:
    cfg = load_data("reconcile.json")["coalition"]
    return cfg["party"], re.compile(cfg["after_count"], re.IGNORECASE), re.compile(cfg["member"], re.IGNORECASE), cfg["member_window_chars"]


def coalition_party() -> str:
    """The party of counts of foreign contingents taken together (`coalition`)."""
    return _coalition()[0]


def _after_figure(c: Claim, chars: int | None = None) -> str:
    at = (c.span_end if c.span_end is not None else c.end) - c.start
    return c.quote[at : at + chars] if chars is not None else c.quote[at:]


def coalition_counts(claims: list[Claim]) -> list[Claim]:
    """A count naming no side whose figure counts peacekeepers or foreign troops ("at least 13
    peacekeepers and other foreign troops killed") is the coalition's, not a warring side's."""
    party, after, _, _ = _coalition()
    return [c.model_copy(update={"victim_party": party}) if c.victim_party is None and after.match(_after_figure(c)) else c for c in claims]


def coalition_members(claims: Iterable[Claim]) -> set[str]:
    """The sides whose dead are the coalition's: their counts call them their own peacekeepers or
    troops abroad ("two South African peacekeepers", "three of its peacekeepers"), or a coalition
    count's sentence gives them ("18 foreign soldiers: 14 South Africans, three Malawians ...")."""
    party, after, member, window = _coalition()
    claims = list(claims)
    sentences = {(c.article_id, c.start) for c in claims if c.victim_party == party}
    return {
        c.victim_party for c in claims
        if c.victim_party not in (None, BOTH, party) and not after.match(_after_figure(c))  # "13 foreign soldiers" are no one army's
        and (member.search(_after_figure(c, window)) or (c.article_id, c.start) in sentences)
    }


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
    claims: list[Claim],
    as_of: dict[str, date | None],
    background: bool,
    told: Told | None = None,
    places: Iterable[Claim] = (),
) -> list[FactDraft]:
    """Group one event's casualty claims into facts and split each into moments; `places` are
    the event's place claims, which say in whose country a sentence's casualties fell."""
    groups: dict[FactKey, list[Claim]] = defaultdict(list)
    quantified = fill_from_siblings([c for c in claims if c.quantity is not None])
    # a coalition's count is no warring side's: taken out before sideless counts find sides
    for c in _parts_take_their_article_side(assign_sideless(coalition_counts(quantified), as_of, background, casualty_countries(places))):
        scope = scope_key(c)
        if c.victim_party is None and scope == ALL and c.victim_group is VictimGroup.military:
            # with no side named, "14 rebel fighters" and "23 civilians" are different people
            scope = ("group", "fighters")
        groups[FactKey(c.victim_party, c.kind, scope)].append(c)
    claimed_by: dict[FactKey, str] = {}
    if not background:
        for key in [k for k in groups if k.party not in (None, BOTH) and k.scope == ALL and k.kind is CasualtyKind.killed]:
            for enemy, moved in _fighters_per_the_enemy(key.party, groups[key]).items():
                part = FactKey(key.party, key.kind, ("group", f"fighters per {enemy}"))
                groups[part].extend(moved)
                claimed_by[part] = enemy
                ids = {c.id for c in moved}
                groups[key] = [c for c in groups[key] if c.id not in ids]
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
        drafts.append(FactDraft(key=key, claims=cs, moments=moments, background=background, residue=residue, claimed_by=claimed_by.get(key)))
    return drafts


def _fighters_per_the_enemy(party: str, claims: list[Claim]) -> dict[str, list[Claim]]:
    """The other side's counts of this side's fighters, when this side's own voice counts its
    dead as civilians and never as fighters: "more than 100 militants killed", says India, of
    strikes Pakistan says killed 26 civilians. Who the dead were is disputed; the two are not one count told two
    ways, so the enemy's figure becomes a fact of its own ("fighters per India")."""
    lexicon = actor_lexicon()
    own = {c.victim_group for c in claims if c.claimant == party}
    if not own:
        return {}
    # a side that counts its own fighters too sets its figure against the enemy's, unless the
    # enemy names the dead as no state names its soldiers ("militants", "terrorists")
    civilians_only = VictimGroup.civilians in own and VictimGroup.military not in own
    # (a country an armed movement governs calls its soldiers fighters: the enemy's
    # "terrorists" are the very soldiers it counts)
    named = party not in governed_by_armed_groups()
    moved: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if (
            c.victim_group is VictimGroup.military
            and c.claimant
            and c.claimant != party
            and c.claimant_role is not ClaimantRole.outlet
            and lexicon.is_belligerent(c.claimant)
            and (civilians_only or named and _named_as_militants(c))
        ):
            moved[c.claimant].append(c)
    return moved


@cache
def _militant_words() -> tuple[re.Pattern[str], int]:
    cfg = load_data("reconcile.json")["not_soldiers"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in cfg["words"]) + r")s?\b", re.IGNORECASE), cfg["window_chars"]


def _named_as_militants(claim: Claim) -> bool:
    """The words right after the figure call the dead militants or terrorists."""
    pattern, window = _militant_words()
    after = claim.span_end - claim.start
    return bool(pattern.search(claim.quote[after : after + window]))


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
