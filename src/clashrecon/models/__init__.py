"""The records that flow through clashrecon: files -> Article -> Claim -> Fact/Conflict/Event.

One module per stage's records (article, claims, derived, reconciled), their categories (kinds)
and claim details (details); every name is imported from here.

Every record is a frozen pydantic model so that a stage can never alter what an earlier
stage produced; a later stage makes a new record with `model_copy(update=...)`.
This module imports neither spaCy nor rich: the read-only commands load it.
"""

from clashrecon.models.base import (
    Record,
)
from clashrecon.models.kinds import (
    CLAIM_SEGMENTS,
    CONFLICT_RELATIONS,
    KIND_OF_FIELD,
    CasualtyKind,
    ClaimKind,
    ClaimantRole,
    ContextKind,
    EventKind,
    Field,
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
from clashrecon.models.details import (
    AttackDetails,
    BlameDetails,
    CeasefireDetails,
    CeasefireStatus,
    ClaimDetails,
    ContactDetails,
    ContactMode,
    Details,
    EventDetails,
    NoDetails,
    PlaceDetails,
    ProtestDetails,
    SpeakerDetails,
    TimeDetails,
)
from clashrecon.models.article import (
    Article,
    Published,
    Segment,
)
from clashrecon.models.claims import (
    Claim,
    Quantity,
    Scope,
    TimeRef,
)
from clashrecon.models.derived import (
    CorpusDerived,
    Lineage,
    ReportingDate,
    ResolvedTime,
    Spelling,
)
from clashrecon.models.reconciled import (
    BOTH,
    Conflict,
    ContextRow,
    Event,
    Fact,
    Position,
    Reconciliation,
    Round,
    Tally,
    casualty_subject,
)

__all__ = [
    "Article",
    "AttackDetails",
    "BOTH",
    "BlameDetails",
    "CLAIM_SEGMENTS",
    "CONFLICT_RELATIONS",
    "CasualtyKind",
    "CeasefireDetails",
    "CeasefireStatus",
    "Claim",
    "ClaimDetails",
    "ClaimKind",
    "ClaimantRole",
    "Conflict",
    "ContactDetails",
    "ContactMode",
    "ContextKind",
    "CorpusDerived",
    "Details",
    "ContextRow",
    "Event",
    "EventDetails",
    "EventKind",
    "Fact",
    "Field",
    "KIND_OF_FIELD",
    "Lineage",
    "NameKind",
    "NoDetails",
    "PlaceDetails",
    "PlaceKind",
    "Position",
    "Precision",
    "ProtestDetails",
    "Published",
    "Qualifier",
    "Quantity",
    "Reconciliation",
    "Round",
    "Tally",
    "Record",
    "Relation",
    "ReportingDate",
    "ResolvedTime",
    "Scope",
    "ScopeKind",
    "Segment",
    "SegmentType",
    "SpeakerDetails",
    "Spelling",
    "TimeBasis",
    "TimeDetails",
    "TimeKind",
    "TimeRef",
    "VictimGroup",
    "casualty_subject",
]
