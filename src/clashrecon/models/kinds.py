"""The categories clashrecon's records use: every one an enum, so a stage can only name one that exists.

`models` re-exports them, so they are imported from there. Imports neither spaCy nor rich.
"""

from __future__ import annotations

from enum import Enum, StrEnum


class Field(str, Enum):
    """Which part of the story a claim speaks to."""

    casualties = "casualties"
    actors = "actors"
    places = "places"
    times = "times"


class Qualifier(str, Enum):
    """How a reported number bounds the true value. See README 'Qualifier semantics'."""

    exact = "exact"
    at_least = "at_least"
    more_than = "more_than"
    about = "about"
    up_to = "up_to"
    between = "between"
    vague = "vague"  # "dozens", "hundreds": an interval from data/numbers.json, no number printed
    unspecified = "unspecified"


# Claim kinds are StrEnums: str() and f-strings give the value, so IDs hashed from kinds and
# text built from them stay as they were when kinds were plain strings.


class CasualtyKind(StrEnum):
    """What a casualties claim counts (data/casualties.json)."""

    killed = "killed"
    wounded = "wounded"
    missing = "missing"
    captured = "captured"
    bodies = "bodies"
    casualties = "casualties"


class EventKind(StrEnum):
    """What an actors claim reports (extract/events.py, words in data/events.json)."""

    attack = "attack"
    blame = "blame"
    ceasefire = "ceasefire"
    diplomatic_contact = "diplomatic_contact"
    protest = "protest"


class PlaceKind(StrEnum):
    """A places claim names where something happened."""

    place = "place"


class TimeKind(StrEnum):
    """What a times claim dates (data/times.json 'time_claims')."""

    fighting_start = "fighting_start"
    ceasefire = "ceasefire"
    meeting = "meeting"
    call = "call"


ClaimKind = CasualtyKind | EventKind | PlaceKind | TimeKind
# The enum a claim of each field takes its kind from.
KIND_OF_FIELD: dict[Field, type[StrEnum]] = {
    Field.casualties: CasualtyKind,
    Field.actors: EventKind,
    Field.places: PlaceKind,
    Field.times: TimeKind,
}


class VictimGroup(str, Enum):
    military = "military"
    civilians = "civilians"
    people = "people"


class ClaimantRole(str, Enum):
    """How the claimant was found."""

    speaker = "speaker"  # the subject of a reporting verb or "according to"
    outlet = "outlet"  # unattributed: the outlet itself asserts it
    headline = "headline"  # a headline's "X says ..."


class Precision(str, Enum):
    year = "year"
    month = "month"
    day = "day"
    part_of_day = "part_of_day"
    hour = "hour"
    relative = "relative"  # "day 2": nothing anchors it to the calendar
    unknown = "unknown"


class TimeBasis(str, Enum):
    explicit = "explicit"  # the text gives the calendar date itself
    resolved = "resolved"  # relative words resolved against the article's reference date
    inferred = "inferred"  # taken from context (the article's own date, the event's window)
    unknown = "unknown"


class SegmentType(str, Enum):
    """What a stretch of an article's stored text is. Only body and headline yield claims."""

    body = "body"
    headline = "headline"
    headline_repeat = "headline_repeat"
    chrome = "chrome"  # site furniture: share buttons, "Read More", browser notices
    caption = "caption"  # photo captions and credits
    credit = "credit"  # wire credit lines such as "/ Source: Reuters"
    byline = "byline"
    contributor = "contributor"  # "... contributed to this report."
    repeat = "repeat"  # a paragraph printed again verbatim further down


CLAIM_SEGMENTS = frozenset({SegmentType.body, SegmentType.headline})


class Relation(str, Enum):
    """How the claims behind a fact, or two facts, relate. See README 'Relations'."""

    agreed = "agreed"
    updated = "updated"
    aggregate = "aggregate"
    subtotal = "subtotal"
    discrepancy = "discrepancy"
    disputed = "disputed"
    single_source = "single_source"


class ContextKind(str, Enum):
    """What a context row under an episode reports (reconcile/context.py)."""

    figures = "figures"  # a later toll or casualty report about the episode
    ceasefire = "ceasefire"
    talks = "talks"  # a meeting, call or other diplomatic contact
    statement = "statement"  # blame, a denial, a reaction


CONFLICT_RELATIONS = frozenset({Relation.discrepancy, Relation.disputed})


class ScopeKind(str, Enum):
    event = "event"  # the event the article reports (default)
    place = "place"  # a count for one region or place only
    group = "group"  # a count for a sub-group ("including 13 civilians")
    cumulative = "cumulative"  # a running total since a moment
    increment = "increment"  # "12 more bodies": adds to an earlier count
    background = "background"  # a different, earlier event (the 2020 war)


class NameKind(str, Enum):
    """Which names the corpus name pass spells one way across articles."""

    place = "place"  # a place claim's value
    person = "person"  # the person a claim is attributed to (its claimant_person)
