"""Reconciliation: claims across articles -> events, facts and the relations between them.

Pure Python over stored records; never imports spaCy, so the read commands stay fast.
Steps: cluster claims into events (clustering.py), group each event's casualty claims into
facts tracked over reporting dates (facts.py), reconcile each fact's figures into
low/best/high/conservative (values.py), then name how claims and facts relate (relations.py).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from clashrecon.models import (
    BOTH,
    Article,
    CasualtyKind,
    Claim,
    Conflict,
    Event,
    Fact,
    Field,
    Reconciliation,
    Relation,
)
from clashrecon.reconcile.clustering import (
    Cluster,
    cluster_claims,
    cluster_when,
    parse_iso,
)
from clashrecon.reconcile.context import context_rows
from clashrecon.reconcile.facts import (
    FactDraft,
    FactKey,
    casualty_facts,
    relative_day,
    weekday_label,
)
from clashrecon.reconcile.governments import as_governments
from clashrecon.reconcile.moments import Told, first_told
from clashrecon.reconcile.places import place_disputes
from clashrecon.reconcile.relations import (
    Found,
    Proposition,
    aggregates,
    disputes,
    subtotals,
    time_discrepancies,
    victim_identity,
    within_fact,
)
from clashrecon.reconcile.running import claims_beyond_admissions, independent_against_official, running_count_discrepancies
from clashrecon.reconcile.summary import event_actors, event_places, summarize
from clashrecon.reconcile.tallies import StoryEvent, story_tallies

__all__ = ["combine", "reconcile", "undated_event_id"]

_ORDER = {Relation.disputed: 0, Relation.discrepancy: 1, Relation.updated: 2, Relation.aggregate: 3, Relation.subtotal: 4}


def _id(prefix: str, *parts: object) -> str:
    return prefix + hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:8]


def _as_of(claim: Claim, reference: dict[str, date | None]) -> date | None:
    """The day a count was reported as true: its article's reference date, else its own time."""
    day = reference.get(claim.article_id)
    if day is not None:
        return day
    t = claim.event_time
    return parse_iso(t.end) or parse_iso(t.start) if t is not None else None


def _fact_status(d: FactDraft, n_origins: int, notes: list[str]) -> Relation:
    if d.residue:
        return Relation.single_source if n_origins <= 1 else Relation.agreed
    if d.discrepant:
        return Relation.discrepancy
    if d.key.is_total and notes:
        return Relation.aggregate
    if d.key.scope != ("all", None):
        return Relation.subtotal
    if d.updated:
        return Relation.updated
    return Relation.single_source if n_origins <= 1 else Relation.agreed


def _casualty_fact(d: FactDraft, event_id: str, origin: dict[str, str], related: list[str]) -> Fact:
    """The fact of a draft; `related` are the note lines its relations to other facts gave."""
    # an "unknown number" report does not corroborate a figure
    counted = [c for c in d.claims if c.quantity is not None and c.quantity.is_known] or d.claims
    origins = {origin.get(c.article_id, c.article_id) for c in counted}
    est = d.estimate
    known = [m for m in d.moments if m.estimate is not None]
    notes = list(related)
    if d.residue:
        notes.append("side not identified; not compared")
    elif len(known) > 1 and not d.falls:
        last = known[-1].as_of
        notes.insert(0, f"updated {weekday_label(last)}" if last else "updated in a later report")
    return Fact(
        id=_id("f", event_id, "casualties", d.key.party, d.key.kind, d.key.scope),
        event_id=event_id,
        field=Field.casualties,
        kind=d.key.kind,
        party=d.key.party,
        place=d.key.place,
        group=d.key.group,
        value=d.display() or "unspecified",
        brief=d.brief(),
        reports=len(counted),
        low=est.low if est else None,
        best=est.best if est else None,
        high=est.high if est else None,
        conservative=est.conservative if est else None,
        status=_fact_status(d, len(origins), related),
        articles=len({c.article_id for c in counted}),
        independent_sources=len(origins),
        claimants=tuple(sorted({c.claimant for c in counted if c.claimant})),
        claim_ids=tuple(c.id for c in d.claims),
        note="; ".join(notes),
    )


def _actor_fact(p: Proposition, event_id: str) -> Fact:
    """An actor proposition as a fact: its values side by side, 'vs' when disputed."""
    claims = [cid for pos in p.positions for cid in pos.claim_ids]
    origins = {o for pos in p.positions for o in pos.origins}
    shown = [f"{pos.value} (per {', '.join(pos.claimants) or 'unattributed'})" for pos in p.positions]
    if p.dispute is not None:
        value, status = " vs ".join(shown), Relation.disputed
    else:
        value = " / ".join(shown)
        status = Relation.single_source if len(origins) <= 1 else Relation.agreed
    return Fact(
        id=_id("f", event_id, "actors", p.label),
        event_id=event_id,
        field=Field.actors,
        kind=p.kind,
        label=p.label,
        value=value,
        brief=value,
        reports=len(claims),
        status=status,
        articles=len({a for pos in p.positions for a in pos.articles}),
        independent_sources=len(origins),
        claimants=tuple(sorted({n for pos in p.positions for n in pos.claimants})),
        claim_ids=tuple(claims),
    )


_KIND_ORDER = {k: i for i, k in enumerate(CasualtyKind)}


def _fact_order(f: Fact) -> tuple:
    if f.field is not Field.casualties:
        return (1, -f.articles, f.subject)
    scoped = f.place is not None or f.group is not None
    return (0, f.party == BOTH, f.party or "~", _KIND_ORDER.get(f.kind, 99), scoped, f.subject)


def _casualty_findings(drafts: list[FactDraft], origin: dict[str, str], label: str) -> tuple[list[Found], dict[FactKey, list[str]]]:
    """Relations within and between an event's casualty facts, and the note lines they give each fact."""
    found: list[Found] = []
    for d in drafts:
        found.extend(within_fact(d, origin, label))
    notes: dict[FactKey, list[str]] = defaultdict(list)
    found.extend(victim_identity(drafts, origin))
    for relate in (aggregates, subtotals):
        more, noted = relate(drafts, origin)
        found.extend(more)
        for key, lines in noted.items():
            notes[key].extend(lines)
    return found, notes


def _conflict(event_id: str, f: Found) -> Conflict:
    """A finding of an event, with its stable ID."""
    return Conflict(
        id=_id("x", event_id, f.key),
        event_id=event_id,
        field=f.field,
        subject=f.subject,
        kind=f.kind,
        positions=f.positions,
        explanation=f.explanation,
    )


def _event(
    cl: Cluster, origin: dict[str, str], reported_on: dict[str, date | None], told: Told
) -> tuple[Event, list[Conflict], StoryEvent]:
    key = cl.key
    event_id = _id("e", *key)
    as_of = {c.id: reported_on[c.id] for c in cl.claims}
    casualties = [c for c in cl.claims if c.field is Field.casualties]
    places = [c for c in cl.claims if c.field is Field.places]
    drafts = casualty_facts(casualties, as_of, cl.background, told, places)
    found, notes = _casualty_findings(drafts, origin, cl.label)
    facts = [_casualty_fact(d, event_id, origin, notes.get(d.key, [])) for d in drafts]
    for p in disputes(cl.claims, origin):
        if p.dispute is None and not p.label.startswith("initiator") and "(blame)" not in p.label:
            continue  # an undisputed attack or ceasefire report is detail, not a finding
        if p.dispute is not None:
            found.append(p.dispute)
        facts.append(_actor_fact(p, event_id))
    found.extend(time_discrepancies(cl.claims, origin))
    fighting = cl.fighting
    if not cl.background:
        found.extend(place_disputes(fighting, origin))
    conflicts = [_conflict(event_id, f) for f in found]
    places = event_places(fighting)
    actors = event_actors(fighting)
    when = cluster_when(cl, origin)
    event = Event(
        id=event_id,
        when=when,
        summary=summarize(fighting, background=cl.background, label=cl.label, places=places, actors=actors, when=when),
        background=cl.background,
        label=cl.label,
        actors=actors,
        places=places,
        facts=tuple(sorted(facts, key=_fact_order)),
        claim_ids=tuple(c.id for c in cl.claims),
        articles=len({c.article_id for c in cl.claims}),
        independent_sources=len({origin.get(c.article_id, c.article_id) for c in cl.claims}),
        conflict=any(c.is_conflict for c in conflicts),
        context=context_rows([c for c in cl.claims if c.id in cl.context]),
    )
    return event, conflicts, StoryEvent(story=_story_of(cl), event=event, drafts=drafts, as_of=as_of)


def _story_of(cl: Cluster) -> str:
    return str(cl.key[2]) if len(cl.key) > 2 and not cl.background else ""


def _told_already(f, conflicts: list[Conflict]) -> bool:
    """A story-level finding whose claims one conflict already sets against each other. An
    independent count against the official one is told only where the official figure is."""
    if f.key.startswith("indep|"):
        official, *counts = f.positions
        return all(_told_already(replace(f, positions=(official, c), key=""), conflicts) for c in counts)
    groups = [set(p.claim_ids) for p in f.positions]
    for c in conflicts:
        if not c.is_conflict or c.subject != f.subject:
            continue
        held = [set(p.claim_ids) for p in c.positions]
        if sum(1 for g in groups if any(g & h for h in held)) >= 2:
            return True
    return False


def _figures_shown(positions) -> frozenset[str]:
    """The figures a finding sets against each other, their reporting days left out."""
    return frozenset(p.value.split(" (")[0] for p in positions)


def _when_order(e: Event) -> tuple:
    w = e.when
    if w.start:
        return (0, w.start, w.end or "", e.id)
    if w.relative_day_index is not None:
        return (1, f"{w.relative_day_index:06d}", "", e.id)
    return (2, "", "", e.id)


def _reference_days(articles: list[Article], claims: list[Claim]) -> dict[str, date | None]:
    """Each article's reporting day: its date, else its latest relative day ('day 2') as a stand-in.

    Relative days map onto the first days of year 1, so they order as days do but can never
    be mistaken for a calendar date (facts.weekday_label prints them as 'day N').
    """
    reference = {a.id: parse_iso(a.published.date) for a in articles}
    relative: dict[str, int] = {}
    for c in claims:
        t = c.event_time
        if reference.get(c.article_id) is None and t is not None and t.start is None and t.relative_day_index is not None:
            relative[c.article_id] = max(relative.get(c.article_id, 1), t.relative_day_index)
    for name, index in relative.items():
        reference[name] = relative_day(index)
    return reference


def reconcile(articles: list[Article], claims: list[Claim], story: Mapping[str, str] | None = None) -> Reconciliation:
    """Cluster every claim into events, reconcile their facts, and name the relations found.

    `story`: each article's story, where the caller reconciles whole stories of a larger store
    (see `scope.py`); else they are found from these claims."""
    # keyed by content hash: two files of one name in different folders are two articles
    origin = {a.id: a.origin or a.name for a in articles}
    claims = as_governments(articles, claims)
    reference = _reference_days(articles, claims)
    events: list[Event] = []
    conflicts: list[Conflict] = []
    reported: list[StoryEvent] = []
    clusters = cluster_claims(articles, claims, story)
    reported_on = {c.id: _as_of(c, reference) for c in claims}
    # every figure's first reporting day in its story, so a later event knows an old toll told again
    by_story: dict[str, list[Claim]] = defaultdict(list)
    for cl in clusters:
        if not cl.background:
            by_story[_story_of(cl)].extend(c for c in cl.claims if c.field is Field.casualties)
    told = {story: first_told(cs, reported_on) for story, cs in by_story.items()}
    for cl in clusters:
        event, found, story_event = _event(cl, origin, reported_on, told.get(_story_of(cl), {}))
        events.append(event)
        conflicts.extend(found)
        if not cl.background:
            reported.append(story_event)
    said = {(c.subject, _figures_shown(c.positions)) for c in conflicts if c.is_conflict}
    for event_id, f in [
        *running_count_discrepancies(reported, origin),
        *claims_beyond_admissions(reported, origin),
        *independent_against_official(reported, origin),
    ]:
        shown = (f.subject, _figures_shown(f.positions))
        if shown not in said and not _told_already(f, conflicts):  # else an event's own finding says it
            conflicts.append(_conflict(event_id, f))
            said.add(shown)
    return _ordered(events, conflicts, story_tallies(reported))


def _ordered(events: list[Event], conflicts: list[Conflict], tallies: list) -> Reconciliation:
    """Events in time order; conflicts by relation, then their event's place, then how many articles
    carry them (a stable sort: ties keep the order they were found in); final figures by story."""
    events = sorted(events, key=_when_order)
    rank = {e.id: i for i, e in enumerate(events)}
    conflicts = sorted(
        conflicts,
        key=lambda c: (_ORDER.get(c.kind, 9), rank.get(c.event_id or "", 0), -sum(len(p.articles) for p in c.positions), c.subject),
    )
    return Reconciliation(events=tuple(events), conflicts=tuple(conflicts), tallies=tuple(sorted(tallies, key=lambda t: t.story)))


def combine(kept: Reconciliation, fresh: Reconciliation) -> Reconciliation:
    """The picture of a whole store from the results of some of its stories reconciled again
    (`fresh`) and the stored results of the others (`kept`), in the order `reconcile` gives."""
    return _ordered([*kept.events, *fresh.events], [*kept.conflicts, *fresh.conflicts], [*kept.tallies, *fresh.tallies])


def undated_event_id(story: str) -> str:
    """The ID of a story's event of claims that nothing dates, if it has one."""
    return _id("e", "undated", story)
