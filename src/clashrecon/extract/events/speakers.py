"""Who asserts an event: the subject of the nearest speech verb above it, else the shared attribution rules."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from clashrecon.extract.actors import actor_of_phrase, full_name, person_of_phrase
from clashrecon.extract.attribution import attribute, reporting_lemmas
from clashrecon.extract.events.words import event_words
from clashrecon.extract.syntax import subject_of, subtree_span
from clashrecon.models import Article, ClaimantRole, SegmentType


@dataclass(frozen=True)
class Speaker:
    actor: str | None  # canonical
    text: str | None  # as printed
    role: ClaimantRole
    person: str | None = None  # "Nikol Pashinyan (Armenia)" when a person speaks for the actor

    def attrs(self) -> dict:
        return {"claimant_person": self.person} if self.person else {}


def speaker_of(phrase: Span, role: ClaimantRole, article: Article) -> Speaker:
    actor = actor_of_phrase(phrase, article)
    person = person_of_phrase(phrase)
    named = None
    if person is not None:
        full = full_name(person)
        named = f"{full} ({actor})" if actor else full
    return Speaker(actor, phrase.text, role, named)


def speech_verbs() -> frozenset[str]:
    lex = event_words()
    return (
        reporting_lemmas()
        | frozenset(lex["blame"]["accuse_verbs"])
        | frozenset(lex["denial"]["verbs"])
        | frozenset(lex["stance_verbs"])
    )


def speaker(sent: Span, anchor: Token, article: Article) -> Speaker:
    """Who asserts the event at `anchor`: the subject of the nearest speech verb above it, else the
    shared attribution rules (reporting verbs, "according to", the outlet)."""
    headline = article.segment_at(sent.start_char) is SegmentType.headline
    role = ClaimantRole.headline if headline else ClaimantRole.speaker
    verbs = speech_verbs()
    for tok in [anchor, *anchor.ancestors]:
        if tok.lemma_.lower() in verbs and tok.pos_ == "VERB":
            subj = subject_of(tok)
            if subj is not None:
                return speaker_of(subtree_span(subj), role, article)
    who = attribute(sent, anchor, article, headline=headline)
    actor = None
    if who.role is not ClaimantRole.outlet and who.text:
        actor = who.claimant
    return Speaker(actor or who.claimant, who.text, who.role)
