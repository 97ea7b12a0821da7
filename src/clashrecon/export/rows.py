"""What every event format is built from: one record per exported event, read from the store once.

Nothing here judges figures again. Each event's figures are its reconciled facts (low, best,
high, conservative), split the way GED's columns split them: the two warring sides' dead,
civilians, and the rest whose side is unknown. The sides are the parties the event's claims
name as attackers, targets or the blamed (a state first, as GED's side A is a government).
The places are those where something happened (never a venue of talks), geocoded offline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from clashrecon.corpus.view import ClaimsAsDerived, articles_as_derived
from clashrecon.errors import UsageError
from clashrecon.geo import (
    Country,
    FeatureKind,
    Location,
    WherePrecision,
    border,
    central,
    country_facts,
    fold,
    unresolved,
)
from clashrecon.geo.places import happening_places
from clashrecon.lexicon import actor_lexicon, load_data
from clashrecon.models import (
    BOTH,
    Article,
    CasualtyKind,
    Claim,
    Conflict,
    Event,
    EventDetails,
    EventKind,
    Fact,
    Field,
    Precision,
    Qualifier,
    Reconciliation,
    SegmentType,
    VictimGroup,
)
from clashrecon.store import Store

_FIGHTING = (EventKind.attack, EventKind.blame)
_DAY_PRECISE = (Precision.day, Precision.part_of_day, Precision.hour)


@dataclass(frozen=True)
class Picture:
    """The store's reconciliation with the claims, articles and place locations behind it, as the read commands see them."""

    rec: Reconciliation
    claims: dict[str, Claim]
    articles: dict[str, Article]  # by content hash
    places: dict[tuple[str, str], Location | None] = field(default_factory=dict)  # (event id, name) -> as geocoded at ingest

    def event_claims(self, event: Event) -> list[Claim]:
        return [self.claims[i] for i in event.claim_ids if i in self.claims]

    def location(self, event: Event, name: str, given: str | None) -> Location:
        """Where a place of the event is, as stored; a place the store has no location of keeps its
        name (and its country when the text gives one)."""
        return self.places.get((event.id, name)) or unresolved(name, given)


def load_picture(store: Store, event_id: str | None, background: bool) -> tuple[Picture, list[Event]]:
    """The events to export and everything their formats read, in one consistent snapshot of the
    store; only those events' claims are kept (and derived), so one event of a big store takes a fraction of the memory."""
    with store.snapshot():
        rec = store.load_reconciliation()
        events = select_events(rec, event_id, background)
        wanted = {cid for e in events for cid in e.claim_ids}
        derived = store.derived()
        articles = articles_as_derived(store.articles(with_text=False), derived)
        derive = ClaimsAsDerived(derived)
        claims = {c.id: derive(c) for c in store.iter_claims() if c.id in wanted}
        chosen = {e.id for e in events}
        places = {(e, p.name): p.location for p in store.places() for e in p.event_ids if e in chosen}
    return Picture(rec=rec, claims=claims, articles={a.id: a for a in articles}, places=places), events


def select_events(rec: Reconciliation, event_id: str | None, background: bool) -> list[Event]:
    """The events to export: one by ID, else every event, background ones (an earlier war mentioned
    as context) only when asked for."""
    if event_id is None:
        return [e for e in rec.events if background or not e.background]
    for e in rec.events:
        if e.id == event_id:
            return [e]
    ids = [e.id for e in rec.events]
    listed = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
    raise UsageError(
        f"no event has ID {event_id!r}; events in this store: {listed or 'none'} "
        "(`clashrecon timeline --json` shows them with their days); give one of them, or leave --event out"
    )


@dataclass(frozen=True)
class Deaths:
    """An event's dead as GED splits them: each side's, civilians, and those of no known side."""

    a: int = 0
    b: int = 0
    civilians: int = 0
    unknown: int = 0

    @property
    def total(self) -> int:
        return self.a + self.b + self.civilians + self.unknown


Figure = Callable[[Fact], "int | None"]


def best(f: Fact) -> int | None:
    return f.best


def low(f: Fact) -> int | None:
    return f.low if f.low is not None else f.best


def high(f: Fact) -> int | None:
    """The upper figure; a floor with no upper bound ('at least 49') reaches no higher than its best."""
    return f.high if f.high is not None else f.best


def _vague_value(text: str, fallback: int | None) -> int | None:
    table = load_data("export.json")["acled"]["vague_fatalities"]
    words = fold(text)
    for word in sorted(table, key=len, reverse=True):
        if word in words:
            return table[word]
    return fallback


def acled_figure(claims: dict[str, Claim]) -> Figure:
    """ACLED's figure of a fact: its conservative one; of a fact told only in vague words, ACLED's
    value of the word ('dozens' 12, 'hundreds' 100), the smallest if several."""

    def figure(f: Fact) -> int | None:
        told = [c.quantity for i in f.claim_ids if (c := claims.get(i)) and c.quantity and c.quantity.is_known]
        if told and all(q.qualifier is Qualifier.vague for q in told):
            values = [v for q in told if (v := _vague_value(q.text, q.low)) is not None]
            return min(values) if values else f.conservative
        return f.conservative

    return figure


def _civilian_groups() -> frozenset[str]:
    return frozenset(load_data("export.json")["civilian_groups"]["words"])


def deaths(
    event: Event, sides: tuple[str, ...], claims: dict[str, Claim], figure: Figure, kind: CasualtyKind = CasualtyKind.killed
) -> Deaths:
    """Split an event's facts of one kind into GED's columns, each fact read through `figure`.

    A side's dead are its overall fact (else the sum of its place-by-place counts) less its
    civilians (its largest civilian sub-group, or the whole fact when every claim counts
    civilians); other parties' dead (peacekeepers, a third
    state) count as of unknown side; a both-sides total above the sum adds its remainder there;
    a count naming no side is used only when nothing else counts the event's dead.
    """
    of_kind = [f for f in event.facts if f.field is Field.casualties and f.kind is kind]
    facts = [f for f in of_kind if f.place is None]
    overall = {f.party: f for f in facts if f.group is None}
    civilian_words = _civilian_groups()

    def value(f: Fact | None) -> int:
        v = figure(f) if f is not None else None
        return v or 0

    def civilians_of(party: str | None) -> int:
        return max((value(f) for f in facts if f.party == party and f.group in civilian_words), default=0)

    def all_civilians(f: Fact) -> bool:
        counted = [c for i in f.claim_ids if (c := claims.get(i)) and c.quantity and c.quantity.is_known]
        return bool(counted) and all(c.victim_group is VictimGroup.civilians for c in counted)

    def place_counts(party: str | None) -> int:
        """A side counted only place by place (43 wounded in Gegharkunik): the places' sum, a floor."""
        return sum(value(f) for f in of_kind if f.party == party and f.place is not None and f.group is None)

    soldiers = {s: 0 for s in sides}
    civilians = 0
    unknown = 0
    parties = dict.fromkeys([*overall, *(f.party for f in of_kind if f.place is not None)])
    for party in parties:
        if party in (BOTH, None):
            continue
        f = overall.get(party)
        total = value(f) if f is not None else place_counts(party)
        civ = max(civilians_of(party), total if f is not None and all_civilians(f) else 0)
        civilians += civ
        if party in soldiers:
            soldiers[party] = max(total - civ, 0)
        else:
            unknown += max(total - civ, 0)
    civilians = max(civilians, civilians_of(BOTH))
    counted = sum(soldiers.values()) + civilians + unknown
    if BOTH in overall and value(overall[BOTH]) > counted:
        unknown += value(overall[BOTH]) - counted
    elif counted == 0 and None in overall:
        unknown += value(overall[None])
    named = list(soldiers.values()) + [0, 0]
    return Deaths(a=named[0], b=named[1], civilians=civilians, unknown=unknown)


def warring_sides(event: Event, claims: list[Claim]) -> tuple[str, ...]:
    """The (at most two) parties fighting: those the event's attack and blame claims name as attacker,
    target or blamed, most named first, then any state or armed group with dead of its own. A
    government comes first (GED's side A); of two, the one the event names first."""
    lex = actor_lexicon()
    named: Counter = Counter()
    for c in claims:
        if c.field is Field.actors and c.kind in _FIGHTING and isinstance(c.attrs, EventDetails):
            d = c.attrs
            named.update(n for n in (d.attacker, d.target, d.blamed) if n and lex.is_belligerent(n))
    for f in event.facts:
        if f.field is Field.casualties and f.party not in (None, BOTH) and lex.is_belligerent(f.party):
            named[f.party] += 0  # a side with dead of its own, ranked after every side named fighting
    governed = _governing(_day(event.when.start))
    if governed:  # a group that governs a country by then fights as that country (reconcile.json `governments`)
        named = Counter({governed.get(n, n): 0 for n in named}) + Counter({governed.get(n, n): k for n, k in named.items()})
    order = {name: i for i, name in enumerate(event.actors)}
    ranked = sorted(named, key=lambda n: (-named[n], order.get(n, len(order)), n))[:2]
    return tuple(sorted(ranked, key=lambda n: (lex.kind_of(n) != "country", n)))


def _governing(day: date | None) -> dict[str, str]:
    """Groups that are a country's government on `day`, as the reconciliation reads them."""
    if day is None:
        return {}
    groups = load_data("reconcile.json")["governments"]["groups"]
    return {g["group"]: g["country"] for g in groups if date.fromisoformat(g["since"]) <= day}


def _country_level(name: str) -> Location:
    facts = country_facts(name)
    return Location(
        name=facts.name if facts else name,
        country=facts.name if facts else name,
        iso3=facts.iso3 if facts else None,
        precision=WherePrecision.country,
        feature=FeatureKind.country,
        countries=(facts.name if facts else name,),
    )


def _common(points: list[Location], country: str) -> tuple[Location, Location | None]:
    """One location covering points of one country: the place itself, their province, or the
    country; and the place whose position it takes, when not its own. The province is the one the
    text names, as geocoded at ingest, else it takes the position of the place most central among
    those named in it (as a border does): the export reads the store and geocodes nothing."""
    distinct = {(p.name, p.feature) for p in points}
    if len(distinct) == 1:
        return points[0], None
    adm1s = {p.adm1 for p in points}
    if len(adm1s) == 1 and None not in adm1s:
        (adm1,) = adm1s
        named = next((p for p in points if p.feature is FeatureKind.adm1 and p.name == adm1), None)
        if named is not None:
            return named, None
        province = Location(
            name=adm1, country=country, iso3=points[0].iso3, adm1=adm1, precision=WherePrecision.adm1,
            feature=FeatureKind.adm1, countries=(country,),
        )  # fmt: skip
        return _placed_on(province, points)
    return _country_level(country), None


def _placed_on(line: Location, points: list[Location]) -> tuple[Location, Location | None]:
    """A border (or a province the text does not name) has no point of its own here: it takes the
    position of the place most central among those named along it or in it, which is returned too
    (GED's where_coordinates names it)."""
    middle = central(points)
    if middle is None:
        return line, None
    return line.model_copy(update={"latitude": middle.latitude, "longitude": middle.longitude}), middle


@dataclass(frozen=True)
class Placement:
    """Where an event's row is: one location, the one country GED puts it in, and the places it covers."""

    location: Location | None
    country: str | None
    covered: tuple[Location, ...]  # the places the location stands for
    coordinates_of: Location | None = None  # the place whose position the location takes, when not its own


def row_location(places: list[Location], sides: tuple[str, ...]) -> Placement:
    """The one location of an event's row (GED codes every event in one country).

    The row's country is side A's where something happened there, else the country with most
    places. Places in the two sides' countries along a border the text names, or that the
    gazetteer knows between them, give the border (precision 5), located at the centre of those
    places; places in one country give what they share (the place, its province, the country);
    sides' countries with no common border give side A's country alone (precision 6). Places in
    a third country (a venue of talks misread as a happening) are left out.
    """
    lex = actor_lexicon()
    states = [s for s in sides if lex.kind_of(s) == "country"]
    resolved = [p for p in places if p.resolved]
    points = [p for p in resolved if p.country is not None and p.feature is not FeatureKind.country]
    lines = sorted((p for p in resolved if p.country is None), key=lambda p: p.feature is not FeatureKind.border)
    counts = Counter(p.country for p in points)
    first = {p.country: i for i, p in reversed(list(enumerate(points)))}
    if counts:
        main = sorted(counts, key=lambda c: (c not in states[:1], -counts[c], first[c]))[0]
    else:
        given = [p.country for p in places if p.country] + states + [c for line in lines for c in line.countries]
        main = given[0] if given else None
    if main is None:
        return Placement(None, None, ())
    spread = {c for c in counts if c == main or c in states}
    line = next((x for x in lines if main in x.countries and (len(spread) == 1 or spread <= set(x.countries))), None)
    if line is None and len(spread) == 2:
        line = border(spread)
    if line is not None:
        covered = [p for p in points if p.country in line.countries]
        located, middle = _placed_on(line, covered)
        return Placement(located, main, tuple(covered), middle)
    covered = [p for p in points if p.country == main]
    if len(spread) > 1 or not covered:
        return Placement(_country_level(main), main, tuple(covered))
    located, middle = _common(covered, main)
    return Placement(located, main, tuple(covered), middle)


@dataclass(frozen=True)
class EventRow:
    """One exported event with everything its formats need."""

    event: Event
    claims: tuple[Claim, ...]
    articles: tuple[Article, ...]  # the articles its claims come from, by name
    conflicts: tuple[Conflict, ...]  # real conflicts (discrepancies and disputes) of the event
    sides: tuple[str, ...]
    places: tuple[Location, ...]  # every place where something happened, resolved or not
    placement: Placement
    country: Country | None
    weapons: str  # the weapon class (data/export.json `weapon_classes`)

    @property
    def location(self) -> Location | None:
        return self.placement.location

    @property
    def country_name(self) -> str | None:
        return self.placement.country

    @property
    def side_a(self) -> str | None:
        return self.sides[0] if self.sides else None

    @property
    def side_b(self) -> str | None:
        return self.sides[1] if len(self.sides) > 1 else None

    @property
    def start(self) -> date | None:
        return _day(self.event.when.start)

    @property
    def end(self) -> date | None:
        return _day(self.event.when.end) or self.start

    @property
    def span_days(self) -> int | None:
        """Days the event covers, for a day-precise event; None otherwise."""
        if self.start is None or self.event.when.precision not in _DAY_PRECISE:
            return None
        return ((self.end or self.start) - self.start).days + 1

    @property
    def aggregate(self) -> bool:
        """Whether its figures sum several places or several days (GED event_clarity 2)."""
        return len(self.places) > 1 or (self.span_days or 1) > 1

    def killed(self, figure: Figure) -> Deaths:
        return deaths(self.event, self.sides, {c.id: c for c in self.claims}, figure)

    def wounded(self, figure: Figure) -> Deaths:
        return deaths(self.event, self.sides, {c.id: c for c in self.claims}, figure, CasualtyKind.wounded)

    def fact_claimants(self, kind: CasualtyKind = CasualtyKind.killed) -> list[str]:
        """Who gave the figures of one kind, in the facts' order, each once."""
        names = [n for f in self.event.facts if f.field is Field.casualties and f.kind is kind for n in f.claimants]
        return list(dict.fromkeys(names))

    def clearest_claim(self) -> Claim | None:
        """The claim that best tells what happened: an attack or a count, a headline first."""
        fighting = [c for c in self.claims if (c.field is Field.actors and c.kind in _FIGHTING) or c.field is Field.casualties]
        pool = fighting or list(self.claims)
        if not pool:
            return None
        return min(pool, key=lambda c: (c.segment is not SegmentType.headline, c.field is not Field.actors, c.article, c.start))


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def weapon_class(claims: Iterable[Claim]) -> str:
    """The weapon class most of the event's claims name; a tie goes to the class listed first."""
    cfg = load_data("export.json")
    classes = cfg["weapon_classes"]
    of_weapon = {w: cls for cls, weapons in classes.items() for w in weapons}
    named: Counter = Counter()
    for c in claims:
        if c.field is Field.actors and c.kind is EventKind.attack and isinstance(c.attrs, EventDetails):
            named.update({of_weapon[w] for w in c.attrs.weapons if w in of_weapon})
        elif c.field is Field.places and c.subject in cfg["place_happenings"]:
            named[cfg["place_happenings"][c.subject]] += 1
    order = list(classes)
    if not named:
        return "battle"
    return min(named, key=lambda cls: (-named[cls], order.index(cls)))


def event_rows(picture: Picture, events: list[Event]) -> list[EventRow]:
    """The export record of each event."""
    conflicts: dict[str, list[Conflict]] = {}
    for c in picture.rec.conflicts:
        if c.is_conflict and c.event_id:
            conflicts.setdefault(c.event_id, []).append(c)
    rows = []
    for event in events:
        claims = picture.event_claims(event)
        sides = warring_sides(event, claims)
        places = tuple(picture.location(event, name, country) for name, country in happening_places(event, claims))
        placement = row_location(list(places), sides)
        ids = {c.article_id for c in claims}
        rows.append(
            EventRow(
                event=event,
                claims=tuple(claims),
                articles=tuple(sorted((picture.articles[i] for i in ids if i in picture.articles), key=lambda a: a.name)),
                conflicts=tuple(conflicts.get(event.id, ())),
                sides=sides,
                places=places,
                placement=placement,
                country=country_facts(placement.country),
                weapons=weapon_class(claims),
            )
        )
    return rows
