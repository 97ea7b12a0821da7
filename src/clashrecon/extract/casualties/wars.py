"""Background counts: a count that belongs to an earlier war ('a six-week war in 2020 that killed ...')."""

from __future__ import annotations

from spacy.tokens import Span, Token

from clashrecon.extract.casualties.kinds import Kind
from clashrecon.extract.casualties.vocab import YEAR, war_label
from clashrecon.extract.casualties.words import casualty_words
from clashrecon.extract.common import tokens_of
from clashrecon.models import Article


def _year_in(tok: Token) -> int | None:
    """A year in the phrase under `tok`, not counting a "since ..." phrase inside it."""
    blocked: set[int] = set()
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ in casualty_words().war_reference_prepositions and t.i != tok.i:
            blocked.update(s.i for s in t.subtree)
    for t in tok.subtree:
        if t.i not in blocked and YEAR.match(t.text) and not t.text.endswith("s"):
            return int(t.text)
    return None


def _published_year(article: Article) -> int | None:
    date = article.published.date if article.published else None
    return int(date[:4]) if date and date[:4].isdigit() else None


def war_background(kind: Kind, anchor: Token, article: Article) -> tuple[str, int] | None:
    """(label, year) when the count belongs to an earlier war: 'a six-week war in 2020 that killed ...'.

    A year that is not before the article's own year (when known) is the current event's.
    """
    found = _earlier_war(kind, anchor)
    published = _published_year(article)
    if found is not None and published is not None and found[1] >= published:
        return None
    return found


def _earlier_war(kind: Kind, anchor: Token) -> tuple[str, int] | None:
    lex = casualty_words()
    candidates: list[Token] = list(kind.token.ancestors)
    for tok in (kind.token, anchor):
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in lex.earlier_war_prepositions:
                candidates.extend(c for c in prep.children if c.dep_ == "pobj")
            if prep.dep_ in ("nsubj", "csubj"):
                candidates.append(prep)  # "The 1994 genocide killed ..."
    for cand in list(kind.token.ancestors)[: lex.war_year_heads]:
        if YEAR.match(cand.text) and cand.head.dep_ == "prep":
            # "fought a brief war in 2021 that killed ...": the clause hangs on the year
            verb = cand.head.head
            for obj in verb.children:
                label = war_label(obj) if obj.dep_ in ("dobj", "nsubj", "nsubjpass") else None
                if label:
                    return f"{cand.text} {label}", int(cand.text)
    for cand in candidates:
        label = war_label(cand)
        if label is None or cand.head.lower_ in lex.war_reference_prepositions:
            continue
        year = _year_in(cand)
        if year is None and cand.dep_ in ("nsubj", "csubj") and cand.head.i == kind.token.i:
            # "In 2014, the war in eastern Ukraine killed ...": the year hangs on the verb
            year = next((_year_in(p) for p in kind.token.children if p.dep_ == "prep" and p.lower_ == "in" and _year_in(p)), None)
        if year is not None:
            return f"{year} {label}", year
    return None


def carried_background(sent: Span, article: Article, previous: tuple[str, int] | None, kind: Kind) -> tuple[str, int] | None:
    """'More than 6,700 people died in the fighting' right after a sentence about the 2020 war."""
    if previous is None:
        return None
    if any(t.ent_type_ in ("DATE", "TIME") for t in tokens_of(sent)):
        return None
    for prep in kind.token.children:
        if prep.dep_ == "prep" and prep.lower_ in casualty_words().war_prepositions:
            for pobj in prep.children:
                if pobj.lemma_.lower() in casualty_words().war_nouns and any(c.lower_ in ("the", "that", "this") for c in pobj.children):
                    return previous
    return None


def sentence_background(sent: Span) -> tuple[str, int] | None:
    """(label, year) of an earlier war the sentence names: it frames "the fighting" of the next sentence."""
    for tok in tokens_of(sent):
        label = war_label(tok)
        if label and tok.head.lower_ not in casualty_words().war_reference_prepositions:
            year = _year_in(tok)
            if year is not None:
                return f"{year} {label}", year
    return None
