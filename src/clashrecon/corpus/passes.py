"""All corpus passes, from scratch or from what the last run left.

Each pass reads a digest of every article (`ArticleDigest`: what it needs of the article and its
claims, computed once from them) instead of the texts and claims themselves. A run that starts
from the last one's state (`PassState`) redoes only what the articles added since can change:
the lineage candidates of articles printing their paragraphs or their neighbours, the reference
dates of their stories, the times of claims whose article's reference moved. Every step is the
function from-scratch passes compute, fed the same inputs, so both give the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from clashrecon.corpus.chronology import (
    chronology_digest,
    chronology_groups,
    references,
    reporting_date,
    resolve_claims,
    telling,
)
from clashrecon.corpus.lineage import LineageMemory, Traced, lineage_digest, rank, trace
from clashrecon.corpus.names import names_digest, spellings_of
from clashrecon.corpus.stories import own_day, stories_of, story_keys
from clashrecon.models import (
    Article,
    ArticleDigest,
    ChronologyDigest,
    Claim,
    CorpusDerived,
    LineageDigest,
    NamesDigest,
    Reference,
    Spelling,
    StoryKeys,
)


def article_digests(articles: Iterable[Article], claims: Iterable[Claim]) -> list[ArticleDigest]:
    """The digest of each article (in the given order) from it and its claims."""
    articles = list(articles)
    by_article: dict[str, list[Claim]] = {a.id: [] for a in articles}
    for c in claims:
        if c.article_id in by_article:
            by_article[c.article_id].append(c)
    return [
        ArticleDigest(
            article_id=a.id,
            lineage=lineage_digest(a),
            story=story_keys(by_article[a.id], own_day(a)),
            chronology=chronology_digest(a, by_article[a.id]),
            names=names_digest(by_article[a.id]),
        )
        for a in articles
    ]


@dataclass(frozen=True)
class PassState:
    """What the last run of the passes left, by article id."""

    groups: dict[str, str]  # the story each article was dated in (chronology's grouping)
    references: dict[str, Reference]
    memory: LineageMemory
    spellings: tuple[Spelling, ...]
    reference_date: date | None


@dataclass(frozen=True)
class Digests:
    """The digests a run reads, by article id in store order; chronology's are read only for the
    stories whose dates are redone."""

    lineage: dict[str, LineageDigest]
    story: dict[str, StoryKeys]
    names: dict[str, NamesDigest]
    chronology: Callable[[list[str]], Mapping[str, ChronologyDigest]]


@dataclass(frozen=True)
class PassResult:
    """What a run found, with what moved since the state it started from."""

    origins: Traced
    groups: dict[str, str]
    references: dict[str, Reference]
    spellings: tuple[Spelling, ...]
    redated: frozenset[str]  # articles new, changed or whose reference moved: their claims' times are redone
    respelled: frozenset[str]  # printed names whose canonical spelling is new or moved


def run_passes(
    digests: Digests,
    reference_date: date | None,
    previous: PassState | None = None,
    added: frozenset[str] = frozenset(),
    changed: frozenset[str] = frozenset(),
) -> PassResult:
    """The passes over every article's digest.

    With `previous`, the state of the last run, and the articles `added` and `changed` (given new
    metadata, rewritten or removed) since: when only articles were added, lineage re-finds the
    candidates only where they can change them (see `lineage.trace`), else all of them, reusing
    the pairs compared before. Chronology redoes a story's reference dates only when its articles
    are not the ones it was dated with, or one of them changed; without `previous` every story is dated.
    """
    ids = list(digests.story)
    story = stories_of(digests.story, {a: date.fromisoformat(k.own_day) for a, k in digests.story.items() if k.own_day})
    sided = [a for a, k in digests.story.items() if k.parties]
    grouped = chronology_groups(story, sided, ids)
    groups = {a: key for key, members in grouped.items() for a in members}
    if previous is None or previous.reference_date != reference_date:
        redo = list(grouped)
    else:
        regrouped = _regrouped(grouped, previous)
        redo = [key for key, members in grouped.items() if key in regrouped or changed.intersection(members)]
    refs = {a: previous.references[a] for a in ids if previous is not None and a in previous.references}
    wanted = [a for key in redo for a in grouped[key]]
    read = digests.chronology(wanted)
    for key in redo:
        refs.update(references({a: telling(read[a]) for a in grouped[key]}, reference_date))
    before = previous.references if previous is not None else {}
    # a changed article's claims may be stored anew: their times are resolved again whatever its reference
    redated = frozenset(a for a in ids if before.get(a) != refs[a] or a in changed)

    ranked = rank(list(digests.lineage.items()))
    if previous is None:
        traced = trace(ranked)
    else:
        traced = trace(ranked, previous.memory, None if changed else added)

    spellings = spellings_of(digests.names.values())
    old = {(s.kind, s.printed): s.canonical for s in previous.spellings} if previous is not None else {}
    new = {(s.kind, s.printed): s.canonical for s in spellings}
    respelled = frozenset(printed for key in old.keys() | new.keys() if old.get(key) != new.get(key) for printed in [key[1]])
    return PassResult(traced, groups, refs, spellings, redated, respelled)


def _regrouped(grouped: dict[str, list[str]], previous: PassState) -> set[str]:
    """The stories whose articles are not exactly those they were last dated with."""
    was: dict[str, set[str]] = {}
    for a, key in previous.groups.items():
        was.setdefault(key, set()).add(a)
    return {key for key, members in grouped.items() if was.get(key) != set(members)}


def corpus_passes(
    articles: list[Article], claims: list[Claim], reference_date: date | None = None, digests: list[ArticleDigest] | None = None
) -> CorpusDerived:
    """Every pass over the articles and claims, from scratch (`digests` of them, if already made)."""
    made = digests if digests is not None else article_digests(articles, claims)
    by_id = {d.article_id: d for d in made}
    order = [a.id for a in articles]
    found = run_passes(
        Digests(
            lineage={a: by_id[a].lineage for a in order},
            story={a: by_id[a].story for a in order},
            names={a: by_id[a].names for a in order},
            chronology=lambda wanted: {a: by_id[a].chronology for a in wanted},
        ),
        reference_date,
    )
    dates = tuple(
        rd for a in order if not by_id[a].chronology.dated and (rd := reporting_date(a, found.references[a])) is not None
    )
    origins = {o.article_id: o for o in found.origins.origins}
    return CorpusDerived(
        origins=tuple(origins[a] for a in order),
        dates=dates,
        times=tuple(resolve_claims(claims, found.references)),
        spellings=found.spellings,
    )
