"""Corpus pass: spelling variants of one name across articles: "Sergey Lavrov" / "Sergei Lavrov", "cease-fire" / "ceasefire".

Pure Python (rapidfuzz only): the reconcilers call it on stored claims, so it must not import spaCy.
It does not decide that two different names denote one actor ("Kremlin" / "Russia"): that is the
actor lexicon's job. Two names the lexicon knows as different actors never merge, however close
their spelling ("Austria" / "Australia").
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator

from rapidfuzz import fuzz

from clashrecon.lexicon import actor_lexicon, load_data
from clashrecon.models import Claim, EventDetails, Field, NameKind, NamesDigest, Spelling


def min_ratio() -> float:
    """The one similarity threshold (0-100) for spelling variants, from data/actors.json."""
    return float(load_data("actors.json")["spelling_variants"]["min_ratio"])


# `merge_variants` compares every distinct name with every group: on a corpus naming thousands of
# people and places, each name is normalised and looked up hundreds of thousands of times.
@functools.lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Case, accents, hyphens, dots and spaces do not distinguish names ("cease-fire" == "Ceasefire")."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch for ch in plain.casefold() if ch.isalnum())


def are_variants(a: str, b: str, threshold: float | None = None) -> bool:
    """True if `a` and `b` spell the same name differently."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    ca, cb = _canonical(a), _canonical(b)
    if ca and cb:
        return ca == cb
    # A differing first letter is a different name far more often than a transliteration.
    if na[0] != nb[0]:
        return False
    return fuzz.ratio(na, nb) >= (min_ratio() if threshold is None else threshold)


@functools.lru_cache(maxsize=65536)
def _canonical(name: str) -> str | None:
    return actor_lexicon().canonical(name)


def merge_variants(names: Iterable[str]) -> dict[str, str]:
    """Map every name to its canonical spelling: the most frequent variant, the first seen on a tie.

    Every input name is a key (a name without variants maps to itself). Grouping is single-link
    against each group's canonical spelling, so a chain of small differences cannot drift far.
    """
    ordered = list(names)
    counts = Counter(ordered)
    first_seen: dict[str, int] = {}
    for i, n in enumerate(ordered):
        first_seen.setdefault(n, i)
    distinct = sorted(counts, key=lambda n: (-counts[n], first_seen[n]))
    groups = _Groups(min_ratio())
    for name in distinct:
        groups.add(name)
    return {name: group[0] for group in groups.groups for name in group}


class _Groups:
    """Groups of variant spellings, each named by its first: a name joins the first group whose
    name `are_variants` it. Found without testing every group: groups are indexed by their name
    normalised, by the actor the lexicon knows it as, and by its first letter, which the fuzzy
    test needs in common, so a corpus of thousands of names stays near-linear."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.groups: list[list[str]] = []
        self.by_form: dict[str, int] = {}  # normalised name -> its group
        self.by_actor: dict[str, int] = {}  # the lexicon's canonical actor -> the first group named as it
        self.by_letter: dict[str, list[tuple[int, str, bool]]] = {}  # (group, normalised name, known actor)

    def add(self, name: str) -> None:
        form = normalise(name)
        best = self._first(form, _canonical(name)) if form else None
        if best is not None:
            self.groups[best].append(name)
            return
        index = len(self.groups)
        self.groups.append([name])
        if form:  # a name that normalises to nothing is nobody's variant
            actor = _canonical(name)
            self.by_form.setdefault(form, index)
            if actor is not None:
                self.by_actor.setdefault(actor, index)
            self.by_letter.setdefault(form[0], []).append((index, form, actor is not None))

    def _first(self, form: str, actor: str | None) -> int | None:
        """The first group whose name `are_variants` this one (as `form` and the lexicon's `actor`)."""
        found = [i for i in (self.by_form.get(form), self.by_actor.get(actor) if actor else None) if i is not None]
        best = min(found, default=None)
        for i, other, known in self.by_letter.get(form[0], ()):
            if best is not None and i >= best:
                break
            if actor is not None and known:
                continue  # two actors the lexicon knows are variants only as one actor: by_actor has it
            if fuzz.ratio(other, form) >= self.threshold:
                return i
        return best


def names_digest(claims: Iterable[Claim]) -> NamesDigest:
    """The place names and speaking persons of one article's claims, in first-seen order, counted."""
    places: Counter[str] = Counter(c.value for c in claims if c.field is Field.places and c.value)
    persons: Counter[str] = Counter(
        c.attrs.claimant_person for c in claims if isinstance(c.attrs, EventDetails) and c.attrs.claimant_person
    )
    return NamesDigest(places=tuple(places.items()), persons=tuple(persons.items()))


def _spread(counted: Iterable[tuple[tuple[str, int], ...]]) -> Iterator[str]:
    """Names counted per article, in store order, as one run of names: what `merge_variants` reads."""
    for names in counted:
        for name, n in names:
            yield from [name] * n


def spellings_of(digests: Iterable[NamesDigest]) -> tuple[Spelling, ...]:
    """`spellings` from each article's names digest, in store order."""
    digests = list(digests)
    places = merge_variants(_spread(d.places for d in digests))
    persons = merge_variants(_spread(d.persons for d in digests))
    return tuple(
        Spelling(kind=kind, printed=printed, canonical=canonical)
        for kind, table in ((NameKind.place, places), (NameKind.person, persons))
        for printed, canonical in table.items()
        if printed != canonical
    )


def spellings(claims: list[Claim]) -> tuple[Spelling, ...]:
    """The variant spellings of place names and speaking persons across the corpus, each with the
    canonical one ("Verin Shorja" -> "Verin Shorzha"); a name without variants is not listed."""
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    return spellings_of(names_digest(cs) for cs in by_article.values())
