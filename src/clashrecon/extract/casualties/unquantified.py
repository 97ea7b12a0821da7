"""Casualties no number counts: 'our servicemen who died', 'reported deaths among Azerbaijani troops'."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from clashrecon.extract.casualties.kinds import Kind
from clashrecon.extract.casualties.vocab import victim_group
from clashrecon.extract.casualties.words import casualty_words
from clashrecon.extract.common import tokens_of
from clashrecon.extract.syntax import has_negation, is_passive


def unquantified_victims(sent: Span, taken: set[int]) -> list[tuple[Token, Kind, Token | None]]:
    """'our servicemen who died', 'Armenian soldiers were killed': victims of one side,
    counted by no number. Only past, affirmative statements; the caller drops victims
    that carry no side."""
    lex = casualty_words()
    out = []
    for noun in tokens_of(sent):
        if noun.i in taken or noun.tag_ != "NNS" or victim_group(noun) is None:
            continue
        if any(c.dep_ in ("nummod", "det", "quantmod") or c.lower_ in lex.unquantified_quantifiers for c in noun.children):
            continue
        verb = None
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in lex.unquantified_verbs:
            verb = noun.head
        for child in noun.children:
            if child.dep_ == "relcl" and child.lemma_.lower() in lex.unquantified_verbs:
                verb = child
        nxt = noun.doc[noun.i + 1] if noun.i + 1 < sent.end else None
        if verb is None and nxt is not None and nxt.lower_ == "who" and nxt.head.dep_ == "relcl" and nxt.head.lemma_.lower() in lex.unquantified_verbs:
            verb = nxt.head  # "families of our servicemen who died": the parser hangs the clause on "families"
        if verb is None or verb.tag_ not in ("VBD", "VBN") or has_negation(verb):
            continue
        if any(c.dep_ == "aux" and c.lower_ in lex.unquantified_modals for c in verb.children):
            continue
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children) and not any(c.dep_ == "auxpass" for c in verb.children)
        if noun.dep_ == "nsubj" and verb.lemma_.lower() != "die" and (not is_passive(verb) or perfect):
            continue  # "soldiers killed ...", "its forces had killed 58 soldiers": the subject did the killing
        taken.add(noun.i)
        out.append((noun, Kind(lex.verbs[verb.lemma_.lower()], verb, [noun, verb]), noun))
    return out


def unquantified_kind_nouns(sent: Span, taken: set[int]) -> Iterator[Token]:
    """'It reported deaths among Azerbaijani troops, without giving numbers.'"""
    lex = casualty_words()
    for tok in tokens_of(sent):
        if tok.i in taken or tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.nouns:
            continue
        if tok.tag_ != "NNS" or any(c.dep_ in ("nummod", "det") for c in tok.children):
            continue
        yield tok
