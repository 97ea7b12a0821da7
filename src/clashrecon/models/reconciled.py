"""The reconciled picture: events, their facts, and the relations worth an analyst's attention."""

from __future__ import annotations

from typing import Any

from pydantic import Field as F
from pydantic import computed_field, model_validator

from clashrecon.invisible import flagged
from clashrecon.models.base import Record
from clashrecon.models.claims import TimeRef
from clashrecon.models.derived import StoryKeys
from clashrecon.models.kinds import CONFLICT_RELATIONS, CasualtyKind, ChangeKind, ContextKind, EventKind, Field, Relation


class Position(Record):
    value: str = F(description="The value this side asserts")
    claimants: tuple[str, ...] = F(default=(), description="Who asserts it")
    articles: tuple[str, ...] = F(default=(), description="Articles carrying it")
    origins: tuple[str, ...] = F(default=(), description="Independent origins carrying it")
    quotes: tuple[str, ...] = F(default=(), description="The sentences, one per article")
    claim_ids: tuple[str, ...] = F(default=(), description="Claims behind it")


BOTH = "both"  # the victim party of a both-sides count


def casualty_subject(party: str | None, kind: CasualtyKind, place: str | None = None, group: str | None = None) -> str:
    """What a casualty fact is about, e.g. 'Armenia · killed · in Gegharkunik'."""
    parts = ["both sides" if party == BOTH else (party or "no side named"), str(kind)]
    if place is not None:
        parts.append(f"in {place}")
    elif group is not None:
        parts.append(group)
    return " · ".join(parts)


class _DerivedSubject(Record):
    """A record whose `subject` is computed from its fields: dumps carry it and input drops it."""

    @model_validator(mode="before")
    @classmethod
    def _subject_is_derived(cls, data: Any) -> Any:
        if isinstance(data, dict) and "subject" in data:
            return {k: v for k, v in data.items() if k != "subject"}
        return data


class Fact(_DerivedSubject):
    """Claims about one quantity or proposition within one event, reconciled."""

    id: str = F(description="Stable ID")
    event_id: str = F(description="Event the fact belongs to")
    field: Field = F(description="casualties, actors, places or times")
    kind: CasualtyKind | EventKind = F(description="Casualty kind, or the event kind of an actor proposition")
    value: str = F(description="Reconciled value as shown, e.g. '≥49 → 105'")
    brief: str = F(default="", description="The value in a few figures when it is long: '3 → 41 (3–210 over 7 days)'")
    reports: int = F(default=0, description="Reports behind it (of a count, those giving a figure)")
    party: str | None = F(default=None, description="Victim party or actor concerned")
    place: str | None = F(default=None, description="The one place a casualty count covers, e.g. 'Gegharkunik'")
    group: str | None = F(default=None, description="The sub-group a casualty count covers, e.g. 'civilians'")
    label: str = F(default="", description="What an actor proposition is about, e.g. 'initiator (blame)'")
    low: int | None = F(default=None, description="Reconciled low estimate")
    best: int | None = F(default=None, description="Reconciled best estimate")
    high: int | None = F(default=None, description="Reconciled high estimate; None if unbounded")
    conservative: int | None = F(default=None, description="Most conservative figure (ACLED practice)")
    status: Relation = F(description="How its claims relate")
    articles: int = F(description="Articles carrying it")
    independent_sources: int = F(description="Independent origins carrying it")
    claimants: tuple[str, ...] = F(default=(), description="Who said it")
    claim_ids: tuple[str, ...] = F(default=(), description="Claims behind it")
    note: str = F(default="", description="Arithmetic or explanation")

    @computed_field(description="What the fact is about, e.g. 'Armenia · killed · in Gegharkunik' or an actor label")
    @property
    def subject(self) -> str:
        if self.field is Field.casualties:
            return casualty_subject(self.party, self.kind, self.place, self.group)
        return self.label

    def contract(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "field": self.field.value,
            # an actor fact's kind has always been shown as its label
            "kind": self.kind.value if self.field is Field.casualties else self.label,
            "subject": self.subject,
            "value": self.value,
            "status": self.status.value,
            "articles": self.articles,
            "independent_sources": self.independent_sources,
            "party": self.party,
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "conservative": self.conservative,
            "claimants": list(self.claimants),
            "note": self.note,
        }


class Conflict(Record):
    """A relation worth an analyst's attention; only discrepancy and disputed are real conflicts."""

    id: str = F(description="Stable ID")
    event_id: str | None = F(default=None, description="Event it belongs to")
    field: Field = F(description="casualties, actors, places or times")
    subject: str = F(description="What is in question")
    kind: Relation = F(description="discrepancy, disputed, updated, aggregate or subtotal")
    positions: tuple[Position, ...] = F(default=(), description="The differing positions")
    explanation: str = F(description="One line on why it is or is not a conflict")

    @property
    def is_conflict(self) -> bool:
        return self.kind in CONFLICT_RELATIONS

    def contract(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_id": self.event_id,
            "field": self.field.value,
            "subject": self.subject,
            "kind": self.kind.value,
            "positions": [
                flagged(
                    {
                        "value": p.value,
                        "claimants": list(p.claimants),
                        "articles": list(p.articles),
                        "independent_sources": len(p.origins),
                        "quotes": list(p.quotes),
                    },
                    "quotes",
                )
                for p in self.positions
            ],
            "explanation": self.explanation,
        }


class ContextRow(Record):
    """Something reported about an episode on a day outside its fighting: talks, a truce, a late toll."""

    when: TimeRef = F(description="The day it was reported for; empty if undated")
    kind: ContextKind = F(description="figures, ceasefire, talks or statement")
    summary: str = F(description="One line, written from the claims' details, never a quoted sentence")
    claim_ids: tuple[str, ...] = F(default=(), description="The claims behind it")

    def contract(self) -> dict[str, Any]:
        return {"when": self.when.contract(), "kind": self.kind.value, "summary": self.summary, "claims": list(self.claim_ids)}


class Event(Record):
    id: str = F(description="Stable ID")
    when: TimeRef = F(description="When it happened")
    summary: str = F(description="One-line summary")
    background: bool = F(default=False, description="An earlier event mentioned as context")
    label: str = F(default="", description="Short label, e.g. '2020 war'")
    actors: tuple[str, ...] = F(default=(), description="Actors involved")
    places: tuple[str, ...] = F(default=(), description="Places named")
    facts: tuple[Fact, ...] = F(default=(), description="Reconciled facts")
    claim_ids: tuple[str, ...] = F(default=(), description="Every claim clustered into it")
    articles: int = F(default=0, description="Articles reporting it")
    independent_sources: int = F(default=0, description="Independent origins reporting it")
    conflict: bool = F(default=False, description="True if any fact is a discrepancy or disputed")
    context: tuple[ContextRow, ...] = F(default=(), description="Talks, truces and late figures on days outside the fighting")

    def contract(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "when": self.when.contract(),
            "summary": self.summary,
            "label": self.label,
            "background": self.background,
            "actors": list(self.actors),
            "places": list(self.places),
            "articles": self.articles,
            "independent_sources": self.independent_sources,
            "facts": [f.contract() for f in self.facts],
            "conflict": self.conflict,
            "context": [r.contract() for r in self.context],
        }


class Round(Record):
    """One round of fighting's figure within a tally: what an analyst adds up or replaces."""

    start: str = F(description="First day of the round's events")
    end: str = F(description="Last day of the round's events")
    best: int = F(description="The round's figure")
    claimant: str | None = F(default=None, description="Who gave it")
    reported: str | None = F(default=None, description="The day it was reported: ISO, or 'day N' in an undated story")
    cumulative: bool = F(default=False, description="A running total since earlier rounds, so it replaces them")
    increment: bool = F(default=False, description="Only steps ('three more killed'), so they add to the total")


class Tally(_DerivedSubject):
    """The final figure of one side and kind over a whole story (README 'The final figure')."""

    id: str = F(description="Stable ID")
    story: str = F(description="The story the figure belongs to")
    party: str = F(description="Victim side, or 'both'")
    kind: CasualtyKind = F(description="killed, wounded, ...")
    low: int = F(description="Lowest credible figure at the time of the final one")
    best: int = F(description="The latest figure from the most authoritative claimant")
    high: int = F(description="Highest credible figure at that time")
    conservative: int = F(description="The most conservative credible figure (ACLED practice)")
    claimant: str | None = F(default=None, description="Who gave the best figure")
    authority: str = F(description="own side, third party or other side: why that claimant was chosen")
    reported: str | None = F(default=None, description="The day the best figure was reported: ISO, or 'day N' in an undated story")
    rounds: tuple[Round, ...] = F(default=(), description="Each round's figure, in time order")
    note: str = F(default="", description="The arithmetic over rounds, e.g. '23 + 6 = 29'")
    claim_ids: tuple[str, ...] = F(default=(), description="Claims behind it")

    @computed_field(description="What the figure is about, e.g. 'Armenia · killed'")
    @property
    def subject(self) -> str:
        return casualty_subject(self.party, self.kind)

    def contract(self) -> dict[str, Any]:
        """`figures --json` (README 'JSON output'): the figure, whose word it is, and each round's."""
        return {
            "id": self.id,
            "story": self.story,
            "subject": self.subject,
            "party": self.party,
            "kind": self.kind.value,
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "conservative": self.conservative,
            "claimant": self.claimant,
            "authority": self.authority,
            "reported": self.reported,
            "rounds": [
                {
                    "start": r.start,
                    "end": r.end,
                    "best": r.best,
                    "claimant": r.claimant,
                    "reported": r.reported,
                    "cumulative": r.cumulative,
                }
                for r in self.rounds
            ],
            "note": self.note,
        }


class Reconciliation(Record):
    """Everything the read commands show, computed once after each ingest."""

    events: tuple[Event, ...] = F(default=(), description="Events in time order")
    conflicts: tuple[Conflict, ...] = F(default=(), description="Relations between claims and facts")
    tallies: tuple[Tally, ...] = F(default=(), description="Final figure per story, side and kind")


class Change(Record):
    """One change in the reconciled picture against the results stored before, as a desk reads it."""

    type: ChangeKind = F(description="What changed")
    id: str = F(description="The final figure's or conflict's ID, as `show` and `figures` know it")
    subject: str = F(description="What it is about, e.g. 'Armenia · killed'")
    before: str | None = F(default=None, description="The figure or positions before; None for something new")
    after: str | None = F(default=None, description="The figure or positions now; None for something gone")
    claimant: str | None = F(default=None, description="Whose word a new figure is")
    reported: str | None = F(default=None, description="The day a new figure was reported")
    line: str = F(description="One line, e.g. 'Armenia · killed: 49 → 105 (per Armenia, Wed 2022-09-14)'")

    def contract(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class BackgroundBucket(Record):
    """A background event a claim may be filed under (the clustering's bucket), as scoping reads it."""

    kind: str = F(description="bg-day, bg-year or bg-label")
    value: str = F(description="The bucket's day, year or (lower-cased) label")
    label: str = F(default="", description="The claim's own label of the event, lower-cased ('' for none)")
    blocks: bool = F(default=False, description="A claim certainly filed there keeps the bucket from folding into episodes")


class ArticleScope(Record):
    """What the last reconciliation read of one article, for scoping the next to the stories it changes."""

    story: str = F(description="The story the article's claims were reconciled in")
    keys: StoryKeys = F(description="Sides, places and pairs of its claims as the reconciliation reads them")
    background: tuple[BackgroundBucket, ...] = F(default=(), description="Background events its claims may be filed under")
