"""What a claim records beside its value: the typed `Claim.attrs`.

Each claim field has its own details model; an actors claim's details combine the keys each
event kind writes (AttackDetails, BlameDetails, ...). Extractors pass plain dicts, which
pydantic validates into the model of the claim's field; stored claims (JSON objects) load
the same way. Only the keys a claim was given are dumped, so the JSON keeps the keys and
values the dicts had. Imports neither spaCy nor rich.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field as F


class CeasefireStatus(StrEnum):
    agreed = "agreed"
    violated = "violated"
    failed = "failed"
    proposed = "proposed"  # only called for


class ContactMode(StrEnum):
    call = "call"
    meeting = "meeting"
    statement = "statement"
    appeal = "appeal"


def _plain(value: Any) -> Any:
    """A detail's value as JSON has it: an enum as its value, a tuple as a list (of strings)."""
    if value is None or type(value) is str:
        return value
    if type(value) is tuple:
        return [v if type(v) is str else _plain(v) for v in value]
    return value.value if isinstance(value, Enum) else value


class Details(BaseModel):
    """The base of every details model."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def dump(self) -> dict[str, Any]:
        """The keys that were set, JSON-ready, in the fields' order: what `claims --json` and the
        store show. Written out rather than `model_dump(mode="json", exclude_unset=True)`, which
        gives the same dict at three times the cost (tens of thousands of claims per read)."""
        given = self.model_fields_set
        return {name: _plain(value) for name, value in self.__dict__.items() if name in given}


class CasualtyDetails(Details):
    """A casualty claim keeps its count in quantity, victim and scope; these are the rest."""

    killer: str | None = F(
        default=None,
        description="The side the sentence names as doing the killing ('killed by Azerbaijani forces'), "
        "set only where the victims carry no side of their own: whoever they are, they are not its people",
    )


class AttackDetails(Details):
    attacker: str | None = F(default=None, description="Canonical actor that attacked, if named")
    target: str | None = F(default=None, description="Canonical actor attacked, if named")
    weapons: tuple[str, ...] = F(default=(), description="Weapon kinds the sentence names (data/events.json)")
    places: tuple[str, ...] = F(default=(), description="Places the sentence names")
    attack: str | None = F(
        default=None, description="The attack as a short canonical phrase, on an asserted or denied claim of it"
    )


class BlameDetails(Details):
    accuser: str | None = F(default=None, description="Canonical actor that blames")
    blamed: str | None = F(default=None, description="Canonical actor blamed")
    what: str | None = F(default=None, description="What they are blamed for, as printed (at most 200 characters)")


class CeasefireDetails(Details):
    broker: str | None = F(default=None, description="Canonical actor that brokered it, if named")
    status: CeasefireStatus | None = F(default=None, description="agreed, violated, failed or proposed")
    time: str | None = F(default=None, description="The sentence's time words, as printed")


class ContactDetails(Details):
    participants: tuple[str, ...] = F(default=(), description="Canonical actors the sentence names, sorted")
    mode: ContactMode | None = F(default=None, description="call, meeting, statement or appeal")


class ProtestDetails(Details):
    where: str | None = F(default=None, description="Place or building of the protest")
    against: str | None = F(default=None, description="Whom or what it is against: a person as printed, else an actor")


class SpeakerDetails(Details):
    claimant_person: str | None = F(
        default=None, description="The person speaking for the claimant, e.g. 'Nikol Pashinyan (Armenia)'"
    )
    claimant_person_printed: str | None = F(
        default=None,
        description="claimant_person as printed, where the read commands show the corpus name pass's "
        "spelling (corpus.view); never stored",
    )


# Fields are ordered last base first: each kind's keys in the order its extractor writes them.
class EventDetails(SpeakerDetails, ProtestDetails, ContactDetails, CeasefireDetails, BlameDetails, AttackDetails):
    """An actors claim's details: the keys of its event kind, plus who spoke for the claimant."""


class PlaceDetails(Details):
    country: str | None = F(default=None, description="Country the place lies in, where known")
    printed: str | None = F(
        default=None,
        description="The place as printed, where the read commands show the corpus name pass's "
        "spelling as the value (corpus.view); never stored",
    )


class TimeDetails(Details):
    trigger: str | None = F(default=None, description="The words naming what happened at that time, as printed")


ClaimDetails = EventDetails | PlaceDetails | TimeDetails | CasualtyDetails
