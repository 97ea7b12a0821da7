"""Token and dependency helpers that several extractors share: phrases, subjects, negation, voice,
the sentences before a sentence. Pure functions of spaCy tokens; no word lists."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token


def subtree_span(tok: Token) -> Span:
    """The phrase `tok` heads: every token of its subtree, as one span."""
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1]


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, inherited from the first verb of a coordination ("denied ... and said") or
    from the verb it completes ("it sought to broker")."""
    while True:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ not in ("conj", "xcomp") or verb.head is verb:
            return subj
        verb = verb.head


def has_negation(tok: Token) -> bool:
    """Whether `tok` itself carries a negation ("not killed", "did not attack")."""
    return any(c.dep_ == "neg" for c in tok.children)


def is_negated(tok: Token) -> bool:
    """Negated itself, or the complement of a negated verb ("did not try to attack")."""
    return has_negation(tok) or (tok.dep_ in ("xcomp", "ccomp") and has_negation(tok.head))


def is_passive(verb: Token) -> bool:
    """A passive or participial verb: "were killed", "soldiers killed in ..."."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN"


def previous_sentences(sent: Span, lookback: int) -> Iterator[Span]:
    """Up to `lookback` sentences before `sent`, nearest first."""
    doc = sent.doc
    start = sent.start
    for _ in range(lookback):
        if start <= 0:
            return
        prev = doc[start - 1].sent
        start = prev.start
        yield prev
