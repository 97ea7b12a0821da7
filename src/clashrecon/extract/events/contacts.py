"""Diplomatic contact claims: calls, meetings, statements and appeals between actors."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from clashrecon.extract.actors import actor_of_phrase, affiliation_of_name
from clashrecon.extract.common import make_claim, span_entities, tokens_of
from clashrecon.extract.events.speakers import speaker
from clashrecon.extract.events.words import event_words
from clashrecon.models import Article, Claim, ContactMode, Field


def _participants(sent: Span, article: Article) -> list[str]:
    """Every actor the sentence names, persons through their affiliation ("Pashinyan called Putin")."""
    out: list[str] = []
    covered: set[int] = set()
    for ent in span_entities(sent):
        if ent.label_ in ("GPE", "NORP", "ORG", "PERSON"):
            covered.update(range(ent.start, ent.end))
            actor = actor_of_phrase(ent, article)
            if actor and actor not in out:
                out.append(actor)
    for tok in tokens_of(sent):
        # a surname the model left untagged
        if tok.pos_ == "PROPN" and tok.i not in covered:
            actor = affiliation_of_name(tok.text, sent.doc)
            if actor and actor not in out:
                out.append(actor)
    return sorted(out)


def _contact_mode(sent: Span) -> tuple[str, Token] | None:
    lex = event_words()["contact"]
    for tok in tokens_of(sent):
        lemma = tok.lemma_.lower()
        preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
        if lemma == "call" and tok.pos_ == "VERB":
            # "called on Yerevan to stop", "called for restraint", "called Burhan a criminal"
            if preps & set(lex["statement"]["call_preps"]) or any(c.dep_ in ("xcomp", "oprd", "ccomp") for c in tok.children):
                return "statement", tok
            if any(c.dep_ == "dobj" and c.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") for c in tok.children):
                return "call", tok
            continue
        if lemma in lex["talk_verbs"]["words"] and tok.pos_ == "VERB":
            if any(t.lower_ in lex["call"]["markers"] for t in tok.subtree):
                return "call", tok
            if "with" in preps:
                return "meeting", tok
            continue
        if tok.pos_ == "NOUN" and lemma in lex["call"]["nouns"] and lemma != "phone":
            return "call", tok
        for mode in (ContactMode.meeting, ContactMode.appeal, ContactMode.statement):  # in this order
            spec = lex[mode.value]
            if (tok.pos_ == "VERB" and lemma in spec["verbs"]) or (tok.pos_ == "NOUN" and lemma in spec["nouns"]):
                if mode is ContactMode.appeal and lemma != "appeal" and not any(t.lemma_.lower() in spec["objects"] for t in tok.subtree):
                    continue
                return mode.value, tok
    return None


def contact_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """Calls, meetings, statements and appeals between actors (subject: the mode; value: the participants)."""
    found = _contact_mode(sent)
    if found is None:
        return
    mode, tok = found
    people = _participants(sent, article)
    if not people:
        return
    who = speaker(sent, tok, article)
    yield make_claim(
        article, sent, Field.actors, "diplomatic_contact", span=(tok.idx, tok.idx + len(tok.text)),
        subject=mode, value=" & ".join(people), claimant=who.actor, claimant_text=who.text, claimant_role=who.role,
        attrs={"participants": people, "mode": mode, **who.attrs()},
    )
