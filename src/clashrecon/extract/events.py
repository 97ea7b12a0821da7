"""Event claims: attacks, ceasefires, blame, diplomatic contacts and protests.

First version: blame, from "provocation(s) by X" and "accused X of".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from clashrecon.extract.actors import actor_of_text
from clashrecon.extract.attribution import attribute
from clashrecon.extract.common import claim_sentences, make_claim
from clashrecon.models import Article, Claim, Field


def event_claims(doc: Doc, article: Article) -> Iterator[Claim]:
    for sent in claim_sentences(doc, article):
        for tok in sent:
            if tok.lemma_.lower() != "provocation":
                continue
            blamed = actor_of_text(" ".join(t.text for t in tok.subtree if t.i != tok.i))
            who = attribute(sent, tok, article)
            if blamed and who.claimant:
                yield make_claim(
                    article,
                    sent,
                    Field.actors,
                    "blame",
                    span=(tok.idx, tok.idx + len(tok.text)),
                    subject="initiator",
                    value=blamed,
                    claimant=who.claimant,
                    claimant_text=who.text,
                    claimant_role=who.role,
                )
