"""The records that flow through clashrecon: files -> Article -> Claim -> Fact/Conflict/Event.

Every record is a frozen pydantic model so that a stage can never alter what an earlier
stage produced; a later stage makes a new record with `model_copy(update=...)`.
This module imports neither spaCy nor rich: the read-only commands load it.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field as F,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    computed_field,
    field_serializer,
    field_validator,
    model_validator,
)

from clashrecon.details import ClaimDetails, Details, EventDetails, NoDetails, PlaceDetails, TimeDetails
# the categories are re-exported: records and their categories are imported from here
from clashrecon.kinds import (  # noqa: F401
    CLAIM_SEGMENTS,
    CONFLICT_RELATIONS,
    CasualtyKind,
    ClaimKind,
    ClaimantRole,
    EventKind,
    Field,
    KIND_OF_FIELD,
    NameKind,
    PlaceKind,
    Precision,
    Qualifier,
    Relation,
    ScopeKind,
    SegmentType,
    TimeBasis,
    TimeKind,
    VictimGroup,
)


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


# --------------------------------------------------------------------------- article


class Segment(Record):
    start: int = F(description="Offset of the first character in the stored article text")
    end: int = F(description="Offset just past the last character")
    type: SegmentType = F(description="What this stretch of text is")


class Published(Record):
    date: str | None = F(default=None, description="ISO date the article was published, if known")
    basis: TimeBasis = F(default=TimeBasis.unknown, description="Where the date came from")


class Article(Record):
    id: str = F(description="SHA-256 of the stored text: the article's identity")
    name: str = F(description="File name (plus '#N' for records inside JSON/JSONL files)")
    path: str = F(description="Path the article was read from")
    format: str = F(default="txt", description="Reader used: txt, md, html, json, jsonl")
    text: str = F(description="Normalised article text; every offset refers to it")
    segments: tuple[Segment, ...] = F(default=(), description="Typed stretches of the text")
    title: str | None = F(default=None, description="Headline")
    outlet: str | None = F(default=None, description="Publishing outlet, where known")
    byline: str | None = F(default=None, description="Author(s), where known")
    url: str | None = F(default=None, description="Original address, where known")
    credit: str | None = F(default=None, description="Wire service credited (AP, Reuters, ...)")
    dateline: str | None = F(default=None, description="Dateline place, e.g. 'YEREVAN, Armenia'")
    published: Published = F(default_factory=Published, description="Publication date")
    origin: str | None = F(default=None, description="Independent-origin key shared by wire copies")
    origin_reason: str | None = F(default=None, description="Why this article has its origin")
    warnings: tuple[str, ...] = F(default=(), description="Non-fatal notes from reading")
    raw_hash: str | None = F(default=None, description="SHA-256 of the file's raw bytes (and its sidecar), to skip unchanged files cheaply")

    def segment_at(self, offset: int) -> SegmentType:
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg.type
        return SegmentType.body


# --------------------------------------------------------------------------- claims


class Quantity(Record):
    """A reported number as an interval. `high` None means unbounded above."""

    low: int | None = F(default=None, description="Lowest value the wording allows; None if unknown")
    high: int | None = F(default=None, description="Highest value the wording allows; None if unbounded or unknown")
    qualifier: Qualifier = F(default=Qualifier.exact, description="The wording's qualifier")
    stated: int | None = F(default=None, description="The number as printed ('at least 49' -> 49)")
    text: str = F(default="", description="The quantity's words as printed")

    @model_validator(mode="before")
    @classmethod
    def _ordered_bounds(cls, data: Any) -> Any:
        """low <= high always: bounds given the wrong way round ("20 to 10") are put in order."""
        if isinstance(data, dict):
            low, high = data.get("low"), data.get("high")
            if low is not None and high is not None and low > high:
                data = {**data, "low": high, "high": low}
        return data

    @classmethod
    def exact(cls, n: int, text: str = "") -> Quantity:
        return cls(low=n, high=n, qualifier=Qualifier.exact, stated=n, text=text)

    @classmethod
    def at_least(cls, n: int, text: str = "") -> Quantity:
        return cls(low=n, high=None, qualifier=Qualifier.at_least, stated=n, text=text)

    @classmethod
    def more_than(cls, n: int, text: str = "") -> Quantity:
        return cls(low=n + 1, high=None, qualifier=Qualifier.more_than, stated=n, text=text)

    @classmethod
    def up_to(cls, n: int, text: str = "") -> Quantity:
        return cls(low=0, high=n, qualifier=Qualifier.up_to, stated=n, text=text)

    @classmethod
    def between(cls, low: int, high: int, text: str = "") -> Quantity:
        low, high = min(low, high), max(low, high)
        return cls(low=low, high=high, qualifier=Qualifier.between, stated=None, text=text)

    @classmethod
    def unspecified(cls, text: str = "") -> Quantity:
        return cls(low=None, high=None, qualifier=Qualifier.unspecified, stated=None, text=text)

    @property
    def is_known(self) -> bool:
        return self.low is not None

    def bounds(self) -> tuple[float, float]:
        """The interval as floats, with unknown/unbounded ends as 0 and infinity."""
        low = float(self.low) if self.low is not None else 0.0
        high = float(self.high) if self.high is not None else math.inf
        return low, high

    def overlaps(self, other: Quantity) -> bool:
        a_lo, a_hi = self.bounds()
        b_lo, b_hi = other.bounds()
        return a_lo <= b_hi and b_lo <= a_hi

    def display(self) -> str:
        q, n = self.qualifier, self.stated
        if q is Qualifier.unspecified or self.low is None:
            return "unspecified"
        if q is Qualifier.exact:
            return str(self.low)
        if q is Qualifier.at_least:
            return f"≥{n}"
        if q is Qualifier.more_than:
            return f">{n}"
        if q is Qualifier.about:
            return f"~{n}" if n is not None else f"{self.low}–{self.high}"
        if q is Qualifier.up_to:
            return f"≤{n}"
        return f"{self.low}–{self.high}" if self.high is not None else f"≥{self.low}"


class TimeRef(Record):
    """When something happened. Raw parts are kept so the corpus pass can resolve them."""

    start: str | None = F(default=None, description="ISO start (date or datetime); None if unanchored")
    end: str | None = F(default=None, description="ISO end, inclusive")
    precision: Precision = F(default=Precision.unknown, description="Granularity of start/end")
    basis: TimeBasis = F(default=TimeBasis.unknown, description="How start/end were found")
    text: str = F(default="", description="The time expression as printed")
    # raw parts, filled by extraction, read by resolution
    year: int | None = F(default=None, description="Explicit year")
    month: int | None = F(default=None, description="Explicit month 1-12")
    day: int | None = F(default=None, description="Explicit day of month")
    weekday: int | None = F(default=None, description="Weekday named, Monday=0")
    part_of_day: str | None = F(default=None, description="early, morning, afternoon, evening, late, overnight, night")
    hour: int | None = F(default=None, description="Hour of day 0-23 when given")
    minute: int | None = F(default=None, description="Minute when given")
    relative_days: int | None = F(default=None, description="Offset in days from the reference (today=0, yesterday=-1)")
    relative_years: int | None = F(default=None, description="Offset in years from the reference (last year=-1)")
    this_week: bool = F(default=False, description="'this week'")
    since: bool = F(default=False, description="A window from this moment until the reference date")
    relative_day_index: int | None = F(default=None, description="'day N' when nothing anchors the date")

    def contract(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "precision": self.precision.value,
            "basis": self.basis.value,
        }


class Scope(Record):
    kind: ScopeKind = F(default=ScopeKind.event, description="What the count covers")
    place: str | None = F(default=None, description="Region or place for a place scope")
    group: str | None = F(default=None, description="Sub-group for a group scope")
    event: str | None = F(default=None, description="Label of a different event, for background")
    since: TimeRef | None = F(default=None, description="Start of a cumulative window")
    text: str = F(default="", description="Words that set the scope")


_DETAILS_OF_FIELD: dict[Field, type[Details]] = {
    Field.casualties: NoDetails,
    Field.actors: EventDetails,
    Field.places: PlaceDetails,
    Field.times: TimeDetails,
}


class Claim(Record):
    """One assertion found in one sentence of one article."""

    id: str = F(description="Stable ID: hash of article, field, kind and span")
    article: str = F(description="Source article's file name")
    article_id: str = F(description="Source article's content hash")
    field: Field = F(description="casualties, actors, places or times")
    kind: ClaimKind = F(description="What kind of casualty, event, place or time claim it is")
    subject: str | None = F(default=None, description="What the claim is about, canonical")
    value: str | None = F(default=None, description="What it asserts, canonical")
    quote: str = F(description="The sentence, exactly as stored")
    start: int = F(description="Offset of the sentence in the stored text")
    end: int = F(description="Offset just past the sentence")
    span_start: int | None = F(default=None, description="Offset of the number or key words")
    span_end: int | None = F(default=None, description="Offset just past them")
    claimant: str | None = F(default=None, description="Canonical actor asserting it")
    claimant_text: str | None = F(default=None, description="The claimant as printed")
    claimant_role: ClaimantRole = F(default=ClaimantRole.outlet, description="How the claimant was found")
    event_time: TimeRef | None = F(default=None, description="When the claimed thing happened")
    segment: SegmentType = F(default=SegmentType.body, description="Body or headline")
    quantity: Quantity | None = F(default=None, description="Casualty count")
    victim_party: str | None = F(default=None, description="Whose casualties: canonical actor or 'both'")
    victim_group: VictimGroup | None = F(default=None, description="military, civilians or people")
    scope: Scope | None = F(default=None, description="What the count covers")
    attrs: ClaimDetails = F(
        default_factory=dict,
        validate_default=True,
        description="Field-specific details (attacker, target, weapons, ...); JSON gives only the keys set",
    )

    @field_validator("kind", mode="wrap")
    @classmethod
    def _kind_of_field(cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
        """The kind from its field's enum ('ceasefire' is an event and a time kind); anything else
        goes to the union, which refuses unknown kinds. The direct look-up also spares most
        claims the union's cost."""
        enum = KIND_OF_FIELD.get(info.data.get("field"))
        member = enum._value2member_map_.get(value) if enum is not None and isinstance(value, str) else None
        return member if member is not None else handler(value)

    @field_validator("attrs", mode="before")
    @classmethod
    def _details_of_field(cls, value: Any, info: ValidationInfo) -> Any:
        """A dict (from an extractor, or stored JSON) becomes the details model of the claim's field."""
        model = _DETAILS_OF_FIELD.get(info.data.get("field"))
        if model is not None and isinstance(value, dict):
            return model.model_validate(value)
        return value

    @field_serializer("attrs")
    def _set_details(self, attrs: Details) -> dict[str, Any]:
        return attrs.dump()

    def contract(self) -> dict[str, Any]:
        """The `claims --json` object (README 'JSON output')."""
        out: dict[str, Any] = {
            "id": self.id,
            "article": self.article,
            "field": self.field.value,
            "kind": self.kind.value,
            "subject": self.subject,
            "value": self.value,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "span": [self.span_start, self.span_end] if self.span_start is not None else None,
            "claimant": self.claimant,
            "claimant_role": self.claimant_role.value,
            "segment": self.segment.value,
            "event_time": self.event_time.contract() if self.event_time else None,
        }
        if self.field is Field.casualties:
            q = self.quantity or Quantity.unspecified()
            out.update(
                low=q.low,
                high=q.high,
                qualifier=q.qualifier.value,
                victim_party=self.victim_party,
                victim_group=self.victim_group.value if self.victim_group else None,
                scope=self.scope.model_dump(mode="json", exclude_defaults=True) if self.scope else None,
            )
        if self.attrs.model_fields_set:
            out["attrs"] = self.attrs.dump()
        return out


# --------------------------------------------------------------------------- derived by the corpus passes


class Lineage(Record):
    """The lineage pass's finding for one article: which independent origin it belongs to."""

    article_id: str = F(description="The article's content hash")
    origin: str = F(description="Independent-origin key shared by wire copies")
    reason: str = F(description="Why the article has this origin")


class ReportingDate(Record):
    """The chronology pass's date for an article whose metadata gives none."""

    article_id: str = F(description="The article's content hash")
    published: Published = F(description="The date inferred from the corpus or given by --reference-date")


class ResolvedTime(Record):
    """The chronology pass's calendar reading of one claim's time words."""

    claim_id: str = F(description="The claim's ID")
    event_time: TimeRef = F(description="The claim's time with start/end/precision/basis resolved")
    value: str | None = F(default=None, description="For a time claim, its value as resolved; None keeps the extracted value")


class Spelling(Record):
    """The name pass's finding: a printed spelling and the one used across the corpus."""

    kind: NameKind = F(description="Which names this spelling belongs to")
    printed: str = F(description="The spelling as extracted")
    canonical: str = F(description="The corpus-wide spelling it is shown as")


class CorpusDerived(Record):
    """Everything the corpus passes derived from the stored articles and claims, which they never change."""

    origins: tuple[Lineage, ...] = F(default=(), description="Each article's independent origin")
    dates: tuple[ReportingDate, ...] = F(default=(), description="Inferred dates of articles without one")
    times: tuple[ResolvedTime, ...] = F(default=(), description="Every claim's resolved time")
    spellings: tuple[Spelling, ...] = F(default=(), description="Spelling variants and their canonical form")


# --------------------------------------------------------------------------- reconciled


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


def _legacy_event_kind(label: str) -> str:
    """The event kind of an actor fact stored when its kind was its label ('initiator (blame)', 'who attacked')."""
    head, _, tail = label.rpartition(" (")
    if head and tail[:-1] in EventKind._value2member_map_:
        return tail[:-1]
    from clashrecon.lexicon import load_data

    labels = load_data("reconcile.json")["disputes"]["labels"]
    return next((kind for kind, text in labels.items() if text == label), label)


class Fact(Record):
    """Claims about one quantity or proposition within one event, reconciled."""

    id: str = F(description="Stable ID")
    event_id: str = F(description="Event the fact belongs to")
    field: Field = F(description="casualties, actors, places or times")
    kind: CasualtyKind | EventKind = F(description="Casualty kind, or the event kind of an actor proposition")
    value: str = F(description="Reconciled value as shown, e.g. '≥49 → 105'")
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

    @model_validator(mode="before")
    @classmethod
    def _fields_of_subject(cls, data: Any) -> Any:
        """`subject` is derived, so dumps carry it and input drops it. A fact stored before party,
        kind, place, group and label were kept apart has only the subject: they are read from it."""
        if not isinstance(data, dict) or "subject" not in data:
            return data
        data = dict(data)
        subject = data.pop("subject")
        if any(k in data for k in ("place", "group", "label")):
            return data
        if data.get("field") in (Field.casualties, Field.casualties.value):
            scope = subject.split(" · ", 2)[2:]
            if scope and scope[0].startswith("in "):
                data["place"] = scope[0][3:]
            elif scope:
                data["group"] = scope[0]
        else:
            data["label"] = subject
            data["kind"] = _legacy_event_kind(str(data.get("kind", subject)))
        return data

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
                {
                    "value": p.value,
                    "claimants": list(p.claimants),
                    "articles": list(p.articles),
                    "independent_sources": len(p.origins),
                    "quotes": list(p.quotes),
                }
                for p in self.positions
            ],
            "explanation": self.explanation,
        }


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
        }


class Reconciliation(Record):
    """Everything the read commands show, computed once after each ingest."""

    events: tuple[Event, ...] = F(default=(), description="Events in time order")
    conflicts: tuple[Conflict, ...] = F(default=(), description="Relations between claims and facts")
