"""What extraction finds in a sentence: a claim, its quantity, time and scope."""

from __future__ import annotations

import math
from typing import Any

from pydantic import Field as F, ValidationInfo, ValidatorFunctionWrapHandler, field_serializer, field_validator, model_validator

from clashrecon.invisible import flagged
from clashrecon.models.base import Record
from clashrecon.models.details import (
    CasualtyDetails,
    ClaimDetails,
    Details,
    EventDetails,
    PlaceDetails,
    TimeDetails,
)
from clashrecon.models.kinds import (
    KIND_OF_FIELD,
    ClaimantRole,
    ClaimKind,
    Field,
    Precision,
    Qualifier,
    ScopeKind,
    SegmentType,
    TimeBasis,
    VictimGroup,
)


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
    def vague(cls, low: int, high: int, text: str = "") -> Quantity:
        """ "dozens": the vague-number table's interval, so exports can apply their own conventions."""
        return cls(low=min(low, high), high=max(low, high), qualifier=Qualifier.vague, stated=None, text=text)

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
    Field.casualties: CasualtyDetails,
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
                stated=q.stated,
                qualifier=q.qualifier.value,
                victim_party=self.victim_party,
                victim_group=self.victim_group.value if self.victim_group else None,
                scope=self.scope.model_dump(mode="json", exclude_defaults=True) if self.scope else None,
            )
        if self.attrs.model_fields_set:
            out["attrs"] = self.attrs.dump()
        return flagged(out, "quote", "subject", "value", "claimant", "article")
