"""Hand-built articles and claims for reconciliation tests: the extraction contract, without spaCy."""

from __future__ import annotations

import itertools

from clashrecon.models import (
    Article,
    Claim,
    ClaimantRole,
    Field,
    Precision,
    Published,
    Quantity,
    Qualifier,
    Scope,
    ScopeKind,
    SegmentType,
    TimeBasis,
    TimeRef,
    VictimGroup,
)
from clashrecon.reconcile.values import about_band

_seq = itertools.count()


def article(name: str, origin: str, published: str | None = None, *, basis: TimeBasis = TimeBasis.inferred) -> Article:
    """`basis` explicit: the date is the article's own (its metadata), not one the corpus passes inferred."""
    return Article(
        id=f"id-{name}",
        name=name,
        path=name,
        text="",
        origin=origin,
        published=Published(date=published, basis=basis if published else TimeBasis.unknown),
    )


def day(iso: str, part: str | None = None, basis: TimeBasis = TimeBasis.resolved) -> TimeRef:
    return TimeRef(
        start=iso,
        end=iso,
        precision=Precision.part_of_day if part else Precision.day,
        part_of_day=part,
        basis=basis,
        text=iso,
    )


def year(y: int) -> TimeRef:
    return TimeRef(start=f"{y}-01-01", end=f"{y}-12-31", precision=Precision.year, basis=TimeBasis.explicit, text=str(y))


def since(iso: str, until: str) -> TimeRef:
    return TimeRef(start=iso, end=until, precision=Precision.day, basis=TimeBasis.resolved, since=True, text=f"since {iso}")


def quantity(n: int, qualifier: str = "exact") -> Quantity:
    if qualifier == "about":
        lo, hi = about_band(n)
        return Quantity(low=lo, high=hi, qualifier=Qualifier.about, stated=n, text=f"about {n}")
    if qualifier == "unspecified":
        return Quantity.unspecified()
    if qualifier == "vague":  # "several": the vague-number table's 3-9
        return Quantity.vague(3, 9, text="several")
    return {"exact": Quantity.exact, "at_least": Quantity.at_least, "more_than": Quantity.more_than, "up_to": Quantity.up_to}[
        qualifier
    ](n)


def casualty(
    art: Article,
    n: int,
    party: str | None,
    *,
    qualifier: str = "exact",
    kind: str = "killed",
    when: TimeRef | None = None,
    scope: Scope | None = None,
    claimant: str | None = None,
    group: VictimGroup | None = VictimGroup.military,
    quote: str | None = None,
    start: int | None = None,
    headline: bool = False,
) -> Claim:
    i = next(_seq)
    q = quantity(n, qualifier)
    text = quote or f"{claimant or 'Officials'} said {q.display()} {party or ''} {kind} (claim {i})."
    s = start if start is not None else i * 1000
    return Claim(
        id=f"c{i:05d}",
        article=art.name,
        article_id=art.id,
        field=Field.casualties,
        kind=kind,
        quote=text,
        start=s,
        end=s + len(text),
        span_start=s,
        span_end=s + 2,
        claimant=claimant,
        claimant_role=ClaimantRole.speaker if claimant else ClaimantRole.outlet,
        event_time=when,
        quantity=q,
        victim_party=party,
        victim_group=group,
        scope=scope,
        segment=SegmentType.headline if headline else SegmentType.body,
    )


def actor_claim(
    art: Article,
    kind: str,
    subject: str,
    value: str,
    claimant: str | None,
    *,
    when: TimeRef | None = None,
    attrs: dict | None = None,
    quote: str | None = None,
) -> Claim:
    i = next(_seq)
    text = quote or f"{claimant} says {subject}: {value} (claim {i})."
    return Claim(
        id=f"c{i:05d}",
        article=art.name,
        article_id=art.id,
        field=Field.actors,
        kind=kind,
        subject=subject,
        value=value,
        quote=text,
        start=i * 1000,
        end=i * 1000 + len(text),
        claimant=claimant,
        claimant_role=ClaimantRole.speaker if claimant else ClaimantRole.outlet,
        event_time=when,
        attrs=attrs or {},
    )


def place_claim(
    art: Article,
    name: str,
    *,
    subject: str | None = "attack",
    quote: str | None = None,
    claimant: str | None = None,
    role: ClaimantRole = ClaimantRole.outlet,
    country: str | None = None,
    start: int = 0,
    end: int | None = None,
    spanned: bool = False,
) -> Claim:
    """A place claim: `name` in the sentence at `start` (the whole quote unless `end` says where
    the claim's own record ends), where `subject` (attack, casualties, mention, talks ...) happened."""
    text = quote or f"It happened in {name}."
    return Claim(
        id=f"p-{art.name}-{name}-{claimant}-{subject}-{start}",
        article=art.name,
        article_id=art.id,
        field=Field.places,
        kind="place",
        subject=subject,
        value=name,
        quote=text,
        start=start,
        end=start + len(text) if end is None else end,
        span_start=start if spanned else None,
        span_end=start + len(name) if spanned else None,
        claimant=claimant,
        claimant_role=role,
        segment=SegmentType.body,
        attrs={"country": country} if country else {},
    )


def background(label: str, y: int) -> Scope:
    return Scope(kind=ScopeKind.background, event=label)


def place(name: str) -> Scope:
    return Scope(kind=ScopeKind.place, place=name)


def cumulative(start: str, until: str) -> Scope:
    return Scope(kind=ScopeKind.cumulative, since=since(start, until))
