"""Who asserts a sentence: the speaker of a reporting verb, or else the outlet.

Does not resolve pronouns across sentences beyond the previous speaker, and does not
judge whether the speaker is reliable.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from clashrecon.extract.actors import actor_of_phrase
from clashrecon.lexicon import load_data
from clashrecon.models import Article, ClaimantRole


@dataclass(frozen=True)
class Attribution:
    claimant: str | None  # canonical actor
    text: str | None  # as printed
    role: ClaimantRole
    verb: Token | None = None


def reporting_lemmas() -> frozenset[str]:
    return frozenset(load_data("attribution.json")["reporting_verbs"])


def _subject_phrase(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return verb.doc[child.left_edge.i : child.right_edge.i + 1]
    return None


def _according_to(sent: Span) -> Span | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(sent.doc) and sent.doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in sent.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                return sent.doc[obj.left_edge.i : obj.right_edge.i + 1]
    return None


def reporting_verbs(sent: Span) -> list[Token]:
    lemmas = reporting_lemmas()
    return [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in lemmas]


def attribute(sent: Span, anchor: Token | None, article: Article, *, headline: bool = False) -> Attribution:
    """The claimant for a claim anchored at `anchor` in `sent`.

    Prefers a reporting verb that governs the anchor, then any reporting verb in the
    sentence, then "according to X"; otherwise the outlet (or the wire credit).
    """
    verbs = reporting_verbs(sent)
    chosen: Token | None = None
    if anchor is not None:
        for v in verbs:
            if anchor in v.subtree and v is not anchor:
                chosen = v
                break
    if chosen is None and verbs:
        chosen = verbs[0]
    phrase = _subject_phrase(chosen) if chosen is not None else None
    if phrase is None:
        phrase = _according_to(sent)
    if phrase is not None:
        text = phrase.text
        canonical = actor_of_phrase(phrase, article)
        role = ClaimantRole.headline if headline else ClaimantRole.speaker
        return Attribution(claimant=canonical or text, text=text, role=role, verb=chosen)
    outlet = article.outlet or article.credit
    return Attribution(claimant=outlet, text=None, role=ClaimantRole.outlet)
