"""Geocoding at ingest: where every place the articles name is, found once after each reconciliation.

The read commands (`claims`, `timeline`, `sources`, `places`) and the exports read these records
from the store and never geocode. A name is looked up with the country the text gives and the
countries of the story it is told in: an event's fighting states (`story_countries`), for a
claim of no event those of its article's events. So only those countries' GeoNames towns are
read, which is what keeps geocoding to a few MB and a fraction of a second per ingest. An
article in no event looks among every story's countries, where a name with namesakes in two of
them stays unresolved.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from clashrecon.corpus.view import ClaimsAsDerived
from clashrecon.geo.gazetteer import country_facts, locate, prepare, unresolved
from clashrecon.lexicon import actor_lexicon, load_data
from clashrecon.models import (
    Article,
    Claim,
    CorpusDerived,
    Event,
    EventDetails,
    EventKind,
    Field,
    Location,
    PlaceDetails,
    PlaceLocation,
    Reconciliation,
)

_FIGHTING = (EventKind.attack, EventKind.blame)


def event_countries(event: Event) -> tuple[str, ...]:
    """The countries an event involves (its actors that are states)."""
    lex = actor_lexicon()
    return tuple(a for a in event.actors if lex.kind_of(a) == "country")


def story_countries(event: Event, claims: list[Claim]) -> tuple[str, ...]:
    """The countries a place of the event is looked for in: the two states fighting (named most as
    attacker, target or blamed by its attack and blame claims, then any counting dead of its own),
    else every state it involves. Not a third state the claims mention (an outpost's owner, a
    mediator): its towns would be namesakes to leave out, and its file need not be read."""
    lex = actor_lexicon()
    named: Counter = Counter()
    for c in claims:
        if c.field is Field.actors and c.kind in _FIGHTING and isinstance(c.attrs, EventDetails):
            d = c.attrs
            named.update(n for n in (d.attacker, d.target, d.blamed) if n and lex.kind_of(n) == "country")
    for f in event.facts:
        if f.field is Field.casualties and f.party and lex.kind_of(f.party) == "country":
            named[f.party] += 0  # a state with dead of its own, ranked after every state named fighting
    order = {name: i for i, name in enumerate(event.actors)}
    ranked = sorted(named, key=lambda n: (-named[n], order.get(n, len(order)), n))[:2]
    return tuple(ranked) or event_countries(event)


def _venues() -> frozenset[str]:
    return frozenset(load_data("export.json")["venue_subjects"]["words"])


def happening_places(event: Event, claims: list[Claim]) -> list[tuple[str, str | None]]:
    """Where something happened in the event (names with the country the text gives, if any),
    in the event's order: place claims of a happening other than talks or a mention, the places
    of attacks, and the places casualty counts are scoped to."""
    venues = _venues()
    country: dict[str, str | None] = {}
    for c in claims:
        if c.field is Field.places and c.value and (c.subject or "mention") not in venues:
            given = c.attrs.country if isinstance(c.attrs, PlaceDetails) else None
            country[c.value] = country.get(c.value) or given
        elif c.field is Field.actors and c.kind in _FIGHTING and isinstance(c.attrs, EventDetails):
            for p in c.attrs.places:
                country.setdefault(p, None)
        elif c.scope is not None and c.scope.place:
            country.setdefault(c.scope.place, None)
    order = {name: i for i, name in enumerate(event.places)}
    return sorted(country.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))


def named_places(claim: Claim) -> list[tuple[str, str | None]]:
    """Every place a claim names, with the country the text gives: its value (a place claim), an
    attack's places, the place a count is scoped to."""
    out: list[tuple[str, str | None]] = []
    if claim.field is Field.places and claim.value:
        out.append((claim.value, claim.attrs.country if isinstance(claim.attrs, PlaceDetails) else None))
    if claim.field is Field.actors and isinstance(claim.attrs, EventDetails):
        out.extend((p, None) for p in claim.attrs.places)
    if claim.scope is not None and claim.scope.place:
        out.append((claim.scope.place, None))
    return out


def place_id(name: str, given: str | None, countries: tuple[str, ...]) -> str:
    return "p" + hashlib.sha1("|".join([name, given or "", *countries]).encode("utf-8")).hexdigest()[:8]


@dataclass
class _Named:
    name: str
    given: str | None
    countries: tuple[str, ...]
    claims: dict[str, None] = field(default_factory=dict)
    events: dict[str, None] = field(default_factory=dict)
    articles: dict[str, None] = field(default_factory=dict)
    datelines: dict[str, None] = field(default_factory=dict)


def dateline_place(dateline: str | None) -> tuple[str, str | None] | None:
    """The place of a dateline and the country it names: 'YEREVAN, Armenia' -> ('YEREVAN', 'Armenia');
    of several ('LONDON/KYIV'), the first."""
    if not dateline or not dateline.strip():
        return None
    head, _, tail = dateline.partition(",")
    name = head.split("/")[0].strip()
    said = tail.strip()
    canonical = actor_lexicon().canonical(said) if said else None  # 'Congo' as actors.json names it
    facts = country_facts(canonical or said) if said else None
    return (name, facts.name if facts else None) if name else None


class _Places:
    """The places named so far, one per name, country given and story countries."""

    def __init__(self) -> None:
        self.named: dict[tuple[str, str | None, tuple[str, ...]], _Named] = {}

    def add(self, name: str, given: str | None, countries: tuple[str, ...]) -> _Named:
        key = (name, given, countries)
        if key not in self.named:
            self.named[key] = _Named(name, given, countries)
        return self.named[key]

    def records(self, known: Mapping[str, Location | None] | None = None) -> tuple[PlaceLocation, ...]:
        """The places' records; `known`: locations found before, by place ID, which are not looked up again."""
        known = known or {}
        prepare((n.name, n.given, n.countries) for n in self.named.values() if place_id(n.name, n.given, n.countries) not in known)
        out = []
        for n in self.named.values():
            pid = place_id(n.name, n.given, n.countries)
            if pid in known:
                location = known[pid]
            else:
                found = locate(n.name, n.given, prefer=n.countries)
                # an unknown place keeps its name, and precision 6 when the text gives its country
                location = found or (unresolved(n.name, n.given) if n.given else None)
            out.append(
                PlaceLocation(
                    id=pid,
                    name=n.name,
                    country_given=n.given,
                    countries=n.countries,
                    location=location,
                    claim_ids=tuple(n.claims),
                    event_ids=tuple(n.events),
                    articles=tuple(n.articles),
                    datelines=tuple(n.datelines),
                )
            )
        return tuple(sorted(out, key=lambda p: (p.name, p.country_given or "", p.countries)))


def _relevant(claims: Iterable[Claim]) -> list[Claim]:
    return [c for c in claims if named_places(c)]


def locate_places(
    rec: Reconciliation,
    articles: list[Article],
    claims: list[Claim],
    derived: CorpusDerived,
    known: Mapping[str, Location | None] | None = None,
) -> tuple[PlaceLocation, ...]:
    """Where every place the stored claims and datelines name is, for the store's derived rows.
    `known`: locations found before by place ID (a place's ID is what it is looked up by)."""
    derive = ClaimsAsDerived(derived)
    raw = {c.id: c for c in claims}
    by_id = {c.id: derive(c) for c in _relevant(claims)}  # place names spelled as the corpus spells them
    name_of = {a.id: a.name for a in articles}
    places = _Places()
    event_of: dict[str, Event] = {}
    article_countries: dict[str, dict[str, None]] = {}
    every: dict[str, None] = {}  # every story's countries: for an article of no event
    for event in rec.events:
        mine = [by_id[i] for i in event.claim_ids if i in by_id]
        countries = story_countries(event, [raw[i] for i in event.claim_ids if i in raw])
        every.update(dict.fromkeys(countries))
        given: dict[str, str | None] = dict(happening_places(event, mine))
        for c in mine:
            event_of[c.id] = event
            article_countries.setdefault(c.article_id, {}).update(dict.fromkeys(countries))
            for name, country in named_places(c):
                given[name] = given.get(name) or country
        for name in (*event.places, *given):
            places.add(name, given.get(name), countries).events[event.id] = None
        for c in mine:
            for name, _ in named_places(c):
                entry = places.add(name, given.get(name), countries)
                entry.claims[c.id] = None
                entry.articles[name_of.get(c.article_id, c.article_id)] = None
    for c in by_id.values():
        if c.id in event_of:
            continue
        countries = tuple(article_countries.get(c.article_id) or every)
        for name, country in named_places(c):
            entry = places.add(name, country, countries)
            entry.claims[c.id] = None
            entry.articles[name_of.get(c.article_id, c.article_id)] = None
    for a in articles:
        found = dateline_place(a.dateline)
        if found is not None:
            entry = places.add(found[0], found[1], tuple(article_countries.get(a.id) or every))
            entry.datelines[a.name] = None
            entry.articles[a.name] = None
    return places.records(known)
