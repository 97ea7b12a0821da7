"""A short summary, the actors and the places of an event, from its claims' structured details.

It writes from the event claims' attributes (attacker, target, weapons, participants, places)
and falls back to the clause of the clearest sentence; it never paraphrases free text.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from clashrecon.lexicon import load_data
from clashrecon.models import BOTH, Claim, ClaimantRole, EventDetails, EventKind, Field, Precision, SegmentType, TimeKind, TimeRef
from clashrecon.reconcile.clustering import parse_iso


# event claims whose places are where something happened; talks and truces name venues
_HAPPENINGS = (EventKind.attack, EventKind.blame, EventKind.protest)


def _event_details(claim: Claim) -> EventDetails | None:
    return claim.attrs if isinstance(claim.attrs, EventDetails) else None


def _details_of(claims: list[Claim], kind: EventKind) -> list[EventDetails]:
    return [c.attrs for c in claims if c.field is Field.actors and c.kind is kind and isinstance(c.attrs, EventDetails)]


def _actors_named(d: EventDetails) -> list[str]:
    """Every actor an event claim's details name, attackers and targets first, brokers last."""
    names = [n for n in (d.attacker, d.target, d.accuser, d.blamed) if n]
    return names + [n for n in d.participants if n] + ([d.broker] if d.broker else [])


def event_actors(claims: list[Claim]) -> tuple[str, ...]:
    """Parties the event is about, most mentioned first (victims, attackers, targets, blamed)."""
    count: Counter = Counter()
    for c in claims:
        if c.victim_party and c.victim_party != BOTH:
            count[c.victim_party] += 1
        d = _event_details(c)
        outlet = c.claimant_role is ClaimantRole.outlet
        if d is not None:
            # an outlet blaming in its own voice is no party ("Clash between Pakistan and NationPress")
            count.update(n for n in _actors_named(d) if not (outlet and n == c.claimant))
        if c.field is Field.actors and c.kind is EventKind.blame and c.value:
            count[c.value] += 1
            if c.claimant and not outlet:
                count[c.claimant] += 1
    return tuple(name for name, _ in count.most_common())


def event_places(claims: list[Claim]) -> tuple[str, ...]:
    """Places where something happened, most named first; places only mentioned come last."""
    count: Counter = Counter()
    mentioned: Counter = Counter()
    for c in claims:
        if c.field is Field.places and c.value:
            (mentioned if c.subject in (None, "mention") else count)[c.value] += 1
        d = _event_details(c)
        if d is not None and c.kind in _HAPPENINGS:
            count.update(n for n in (*d.places, d.where) if n)
        if c.scope is not None and c.scope.place:
            count[c.scope.place] += 1
    # a place only mentioned (a capital where officials spoke, a venue) is where nothing happened
    return tuple(name for name, _ in count.most_common()) or tuple(name for name, _ in mentioned.most_common())


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _day(d: date) -> str:
    return f"{d.day} {d.strftime('%b')}"


def _span(when: TimeRef | None) -> str:
    """'13–14 Sep', '30 Jan–2 Feb', '13 Sep'; empty for an undated or relative event."""
    start = parse_iso(when.start) if when is not None else None
    if start is None or when.precision not in (Precision.day, Precision.part_of_day, Precision.hour):
        return ""
    end = parse_iso(when.end) or start
    if end == start:
        return _day(start)
    if (end.year, end.month) == (start.year, start.month):
        return f"{start.day}–{_day(end)}"
    return f"{_day(start)}–{_day(end)}"


def _ceasefire_day(claims: list[Claim]) -> str:
    """The day a ceasefire the claims report took hold, when one is dated; else empty."""
    days = sorted(
        d
        for c in claims
        if c.kind in (EventKind.ceasefire, TimeKind.ceasefire) and c.event_time is not None
        if c.event_time.precision in (Precision.day, Precision.part_of_day, Precision.hour)
        and (d := parse_iso(c.event_time.start)) is not None
    )
    return _day(Counter(days).most_common(1)[0][0]) if days else ""


def summarize(
    claims: list[Claim],
    *,
    background: bool,
    label: str,
    places: tuple[str, ...],
    actors: tuple[str, ...] = (),
    when: TimeRef | None = None,
) -> str:
    cfg = load_data("reconcile.json")["summary"]
    where = f" in {_join(list(places[: cfg['max_places']]))}" if places else ""
    attacks = _details_of(claims, EventKind.attack)
    pairs = Counter((d.attacker, d.target) for d in attacks if d.attacker and d.target and d.attacker != d.target)
    if background and label:
        return _clip(f"{label[0].upper()}{label[1:]} (earlier event mentioned as context)", cfg["max_chars"])
    if pairs:
        (a, t), _ = pairs.most_common(1)[0]
        both_ways = (t, a) in pairs
        weapons = Counter(w for d in attacks for w in d.weapons if w)
        arms = f" ({', '.join(w for w, _ in weapons.most_common(3))})" if weapons else ""
        head = f"Fighting between {a} and {t}" if both_ways else f"{a} attacks {t}"
        tail = _tail(claims, when)
        # what gives way when the line is long: the weapons first, then places beyond the first two
        for text in (f"{head}{arms}{where}{tail}", f"{head}{where}{tail}", f"{head} in {_join(list(places[:2]))}{tail}" if places else ""):
            if text and len(text) <= cfg["max_chars"]:
                return text
        return _clip(f"{head}{where}{tail}", cfg["max_chars"])
    contacts = _details_of(claims, EventKind.diplomatic_contact)
    if contacts and len(contacts) >= len(claims) / 2:
        who = Counter(n for d in contacts for n in d.participants if n)
        names = [n for n, _ in who.most_common(4)]
        mode = Counter(d.mode for d in contacts if d.mode).most_common(1)
        kind = mode[0][0] if mode else "contact"
        return _clip(f"Diplomatic {kind}" + (f": {_join(names)}" if names else "") + where, cfg["max_chars"])
    protests = [c for c in claims if c.field is Field.actors and c.kind is EventKind.protest]
    if protests and len(protests) >= len(claims) / 2:
        return _clip(f"Protest{where}", cfg["max_chars"])
    actors = actors or event_actors(claims)
    if len(actors) >= 2 and not background:
        return _clip(f"Clash between {actors[0]} and {actors[1]}{where}{_tail(claims, when)}", cfg["max_chars"])
    best = min(claims, key=lambda c: (c.segment is not SegmentType.headline, len(c.quote)))
    text = (_clause(best) if background else best.quote).strip(" ,;.")
    if places and places[0] not in text:
        text += f" ({places[0]})"
    summary = _clip(text, cfg["max_chars"])
    return summary[0].upper() + summary[1:] if summary else (label or "Reported event")


def _tail(claims: list[Claim], when: TimeRef | None) -> str:
    """', 13–14 Sep; blame traded, ceasefire 13 Sep': the span, then what else the episode held."""
    extra = []
    if any(c.kind is EventKind.blame for c in claims if c.field is Field.actors):
        extra.append("blame traded")
    truce = _ceasefire_day(claims)
    if truce:
        extra.append(f"ceasefire {truce}")
    elif any(c.kind is EventKind.ceasefire for c in claims if c.field is Field.actors):
        extra.append("ceasefire efforts")
    span = _span(when)
    return (f", {span}" if span else "") + (f"; {', '.join(extra)}" if extra else "")


_CLAUSE_BREAKS = (", ", "; ", " since ", " when ", " after ", " which ", " that ")


def _clause(claim: Claim) -> str:
    """The clause holding a background claim's time words: 'a separatist war there ended in 1994'."""
    quote = claim.quote
    when = claim.event_time.text if claim.event_time is not None else ""
    at = quote.find(when) if when else -1
    if at < 0:
        return quote
    end = at + len(when)
    start = max(quote.rfind(b, 0, at) + len(b) if quote.rfind(b, 0, at) >= 0 else 0 for b in _CLAUSE_BREAKS)
    clause = quote[start:end]
    return clause if len(clause.split()) >= 4 else quote
