"""The join the later stages read: stored articles and claims with what the corpus passes derived.

Nothing here is stored: the extracted rows stay as ingest wrote them, and each read of the
reconciled picture (reconciliation itself, `claims`, `sources`, `show`) applies the passes' rows.
"""

from __future__ import annotations

from clashrecon.models import Article, Claim, CorpusDerived, EventDetails, Field, NameKind, Published, TimeBasis


def articles_as_derived(articles: list[Article], derived: CorpusDerived) -> list[Article]:
    """Articles with their origin, and the inferred date of those whose metadata gives none."""
    origins = {o.article_id: o for o in derived.origins}
    dates = {d.article_id: d.published for d in derived.dates}
    out = []
    for a in articles:
        update: dict = {}
        lineage = origins.get(a.id)
        if lineage is not None:
            update.update(origin=lineage.origin, origin_reason=lineage.reason)
        if a.published.basis is not TimeBasis.explicit:
            update["published"] = dates.get(a.id, Published())
        out.append(a.model_copy(update=update) if update else a)
    return out


class ClaimsAsDerived:
    """Claims with their resolved time, and place names and speaking persons spelled one way.

    The look-ups are built once, so a stream of claims can be derived one at a time.
    A respelled claim keeps its extracted spelling in attrs["printed"] (places) or
    attrs["claimant_person_printed"] (persons), so a reader sees what the article printed.
    """

    def __init__(self, derived: CorpusDerived) -> None:
        self.times = {t.claim_id: t for t in derived.times}
        self.places = {s.printed: s.canonical for s in derived.spellings if s.kind is NameKind.place}
        self.persons = {s.printed: s.canonical for s in derived.spellings if s.kind is NameKind.person}

    def __call__(self, c: Claim) -> Claim:
        update: dict = {}
        resolved = self.times.get(c.id)
        if resolved is not None:
            update["event_time"] = resolved.event_time
            if resolved.value is not None:
                update["value"] = resolved.value
        if c.field is Field.places and c.value in self.places:
            update["value"] = self.places[c.value]
            update["attrs"] = c.attrs.model_copy(update={"printed": c.value})
        attrs = update.get("attrs", c.attrs)
        person = attrs.claimant_person if isinstance(attrs, EventDetails) else None
        if person in self.persons:
            update["attrs"] = attrs.model_copy(
                update={"claimant_person": self.persons[person], "claimant_person_printed": person}
            )
        return c.model_copy(update=update) if update else c


def claims_as_derived(claims: list[Claim], derived: CorpusDerived) -> list[Claim]:
    """`ClaimsAsDerived` over a list."""
    derive = ClaimsAsDerived(derived)
    return [derive(c) for c in claims]
