"""Protest claims: where a protest was and against whom or what."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from clashrecon.extract.actors import actor_of_token
from clashrecon.extract.common import make_claim, tokens_of
from clashrecon.extract.events.speakers import speaker
from clashrecon.extract.events.words import event_words
from clashrecon.extract.places import sentence_places
from clashrecon.extract.syntax import subtree_span
from clashrecon.models import Article, Claim, Field


def protest_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """Protests: where (a place in the sentence or the building named) and against whom or what."""
    lex = event_words()["protest"]
    reading = event_words()["protest_reading"]
    tok = next((t for t in tokens_of(sent) if (t.pos_ == "NOUN" and t.lemma_.lower() in lex["nouns"]) or (t.pos_ == "VERB" and t.lemma_.lower() in lex["verbs"])), None)
    if tok is None:
        return
    places = sentence_places(sent)
    where = places[0].name if places else None
    against = None
    for t in tokens_of(sent):
        if t.lemma_.lower() in reading["target_words"]:
            obj = next((c for c in t.children if c.dep_ in ("dobj", "pobj")), None)
            if obj is not None:
                # A person protested against stays that person, not their country.
                named = obj.doc[obj.left_edge.i : obj.i + 1].text
                against = named if obj.ent_type_ == "PERSON" else actor_of_token(obj, article) or named
                break
    if where is None:
        target = next((t for t in tokens_of(sent) if t.dep_ == "pobj" and t.head.lower_ in reading["site_preps"]), None)
        where = subtree_span(target).text if target is not None else None
    who = speaker(sent, tok, article)
    yield make_claim(
        article, sent, Field.actors, "protest", span=(tok.idx, tok.idx + len(tok.text)),
        subject="protest", value=where or "protest", claimant=who.actor, claimant_text=who.text, claimant_role=who.role,
        attrs={"where": where, "against": against, **who.attrs()},
    )
