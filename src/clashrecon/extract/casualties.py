"""Casualty claims: who was killed, wounded, missing or captured, how many, and who says so.

First version: digits and number words next to a casualty word in the same clause.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from clashrecon.extract.actors import actor_of_text
from clashrecon.extract.attribution import attribute
from clashrecon.extract.common import claim_sentences, make_claim
from clashrecon.lexicon import load_data
from clashrecon.models import Article, Claim, ClaimantRole, Field, Quantity, SegmentType, VictimGroup

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _kind_lemmas() -> dict[str, str]:
    out = {}
    for kind, lemmas in load_data("casualties.json")["kind_lemmas"].items():
        for lemma in lemmas:
            out[lemma] = kind
    return out


def _number(tok: Token) -> int | None:
    t = tok.text.replace(",", "")
    if t.isdigit():
        return int(t)
    return WORDS.get(tok.lower_)


def _kind_for(num: Token, sent: Span, lemmas: dict[str, str]) -> str | None:
    head = num.head
    for cand in (head, head.head, head.head.head):
        if cand.lemma_.lower() in lemmas:
            return lemmas[cand.lemma_.lower()]
    return None


def casualty_claims(doc: Doc, article: Article) -> Iterator[Claim]:
    lemmas = _kind_lemmas()
    for sent in claim_sentences(doc, article):
        for tok in sent:
            if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"):
                continue
            n = _number(tok)
            if n is None:
                continue
            kind = _kind_for(tok, sent, lemmas)
            if kind is None:
                continue
            noun = tok.head
            party = actor_of_text(" ".join(c.text for c in noun.children if c.dep_ in ("amod", "compound", "poss")))
            group = VictimGroup.military if noun.lemma_ in ("soldier", "troop", "serviceman") else VictimGroup.people
            headline = article.segment_at(sent.start_char) is SegmentType.headline
            who = attribute(sent, tok, article, headline=headline)
            yield make_claim(
                article,
                sent,
                Field.casualties,
                kind,
                span=(tok.idx, tok.idx + len(tok.text)),
                quantity=Quantity.exact(n, tok.text),
                victim_party=party,
                victim_group=group,
                claimant=who.claimant,
                claimant_text=who.text,
                claimant_role=who.role if who.claimant else ClaimantRole.outlet,
            )
