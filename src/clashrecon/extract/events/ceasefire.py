"""Ceasefire claims: a ceasefire with its status (agreed, violated, failed, proposed), broker and time."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from clashrecon.extract.actors import actor_of_phrase, actor_of_token
from clashrecon.extract.common import make_claim, text_of, tokens_of
from clashrecon.extract.events.parties import agent_actor, modifier_actor
from clashrecon.extract.events.speakers import speaker
from clashrecon.extract.events.words import event_words
from clashrecon.extract.syntax import subject_of, subtree_span
from clashrecon.extract.times import best_time
from clashrecon.models import Article, CeasefireStatus, Claim, Field


def _ceasefire_status(sent: Span, anchor: Token) -> str:
    """failed, violated or agreed from the sentence's words; "proposed" when it is only called for."""
    lex = event_words()["ceasefire"]
    lemmas = {t.lemma_.lower() for t in sent}
    for status in (CeasefireStatus.failed, CeasefireStatus.violated, CeasefireStatus.agreed):  # first match wins
        if lemmas & set(lex[status.value]):
            return status.value
    return "proposed" if any(t.lemma_.lower() in lex["proposed"] for t in [anchor, *anchor.ancestors]) else "agreed"


def _broker(sent: Span, article: Article) -> str | None:
    """Who brokered it: subject of 'broker'/'negotiate', owner of 'Russia's attempt to broker', 'Russia-brokered'."""
    lex = event_words()["ceasefire"]
    for tok in tokens_of(sent):
        lemma = tok.lemma_.lower()
        if tok.i - 2 >= sent.start and (lemma.endswith("brokered") or (lemma in lex["broker_verbs"] and tok.nbor(-1).text == "-")):
            prev = tok.nbor(-2) if tok.nbor(-1).text == "-" else tok.nbor(-1)
            actor = actor_of_token(prev, article) if prev.i >= sent.start else None
            if actor:
                return actor
        if lemma in lex["broker_verbs"] and tok.pos_ == "VERB":
            agent = agent_actor(tok, article)
            if agent:
                return agent
            subj = subject_of(tok)
            if subj is not None:
                actor = actor_of_phrase(subtree_span(subj), article)
                if actor:
                    return actor
            up = tok.head
            if tok.dep_ in ("acl", "xcomp") and up.lemma_.lower() in lex["broker_nouns"]:
                actor = modifier_actor(up, article)
                if actor:
                    return actor
    return None


def ceasefire_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """A ceasefire mentioned with its status (agreed, violated, failed), broker and time words."""
    m = re.search(event_words()["ceasefire"]["pattern"], text_of(sent), re.I)
    if m is None:
        return
    anchor = next((t for t in tokens_of(sent) if t.idx >= sent.start_char + m.start()), sent.root)
    status = _ceasefire_status(sent, anchor)
    broker = _broker(sent, article)
    who = speaker(sent, anchor, article)
    when = best_time(text_of(sent))
    yield make_claim(
        article, sent, Field.actors, "ceasefire",
        span=(sent.start_char + m.start(), sent.start_char + m.end()),
        subject="ceasefire", value=status, claimant=who.actor, claimant_text=who.text, claimant_role=who.role,
        attrs={"broker": broker, "status": status, "time": when.ref.text if when else None, **who.attrs()},
    )
