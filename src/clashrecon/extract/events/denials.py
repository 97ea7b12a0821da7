"""Claims reported inside a denial: "rejected ... Armenia's claim that ...", "denied it and said ..."."""

from __future__ import annotations

from spacy.tokens import Token

from clashrecon.extract.actors import actor_of_text, actor_of_token
from clashrecon.extract.events.speakers import Speaker, speaker_of
from clashrecon.extract.events.words import event_words
from clashrecon.extract.syntax import subject_of, subtree_span
from clashrecon.models import Article, ClaimantRole


def claim_owner(anchor: Token, article: Article) -> tuple[Token, str | None, Speaker | None] | None:
    """If the anchor sits in "X's claim that ..." under a denial verb: the claim noun, its owner, and the denier."""
    lex = event_words()["denial"]
    for tok in anchor.ancestors:
        if tok.lemma_.lower() in lex["claim_nouns"] and tok.pos_ == "NOUN":
            owner = next((c for c in tok.children if c.dep_ in ("poss", "amod", "compound") and actor_of_token(c, article)), None)
            owner_actor = actor_of_token(owner, article) if owner is not None else None
            if owner_actor is None and tok.i > 0:
                # "the Azerbaijani claim" parsed with "Azerbaijani" hanging elsewhere: the word before still owns it.
                prev = tok.nbor(-1)
                owner_actor = actor_of_text(prev.text) if prev.ent_type_ in ("NORP", "GPE", "ORG") else None
            denier = None
            for up in tok.ancestors:
                if up.lemma_.lower() in lex["verbs"]:
                    subj = subject_of(up)
                    if subj is not None:
                        denier = speaker_of(subtree_span(subj), ClaimantRole.speaker, article)
                    break
            return tok, owner_actor, denier
    return None


def counter_claim(tok: Token) -> bool:
    """An attack a speaker asserts right after denying one: "denied it and said the army shelled the camp"."""
    denials = set(event_words()["denial"]["verbs"])
    path = [tok, *tok.ancestors]
    for below, up in zip(path, path[1:]):
        if up.lemma_.lower() in denials:
            return below.dep_ == "conj"
    return False
