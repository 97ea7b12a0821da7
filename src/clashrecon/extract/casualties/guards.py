"""Statements that are not counts of this clash: denials, 'no reports of casualties', 'without
giving numbers', deaths of hunger or in an accident, a zero over years, a picture's caption."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from clashrecon.extract.casualties.kinds import Kind
from clashrecon.extract.casualties.mentions import Mention
from clashrecon.extract.casualties.words import casualty_words
from clashrecon.extract.common import text_of


def denied(kind: Kind) -> bool:
    lex = casualty_words()
    return any(a.lemma_.lower() in lex.denial for a in kind.token.ancestors)


def reports_negated(m: Mention, doc: Doc) -> bool:
    """'no reports of casualties' is the absence of a report, not a count of zero."""
    if "zero" not in m.flags:
        return False
    head = doc[m.start].head
    return head.lemma_.lower() in casualty_words().report_nouns


def no_numbers_phrase(sent: Span) -> bool:
    lowered = text_of(sent).lower()
    return any(p in lowered for p in casualty_words().no_numbers)


def _objects(tok: Token, prepositions: frozenset[str]) -> list[Token]:
    """The objects of `tok`'s prepositions among `prepositions`, with their conjuncts ("of hunger and thirst")."""
    out = []
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in prepositions:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    out += [pobj, *(c for c in pobj.children if c.dep_ == "conj")]
    return out


def not_violent(kind: Kind) -> bool:
    """'She watched seven people die of hunger and thirst', 'deaths from cholera': what the
    victims died of is no attack, so they are not casualties of the clash."""
    lex = casualty_words()
    return any(t.lemma_.lower() in lex.non_violent_causes for t in _objects(kind.token, lex.cause_prepositions))


def accidental(kind: Kind) -> bool:
    """'killed in a road crash', 'the quake killed 20', 'died when their bus overturned', 'the
    helicopter had crashed ... but no one was killed': the dead of an accident or a disaster."""
    lex = casualty_words()
    word = kind.token
    if any(t.lemma_.lower() in lex.accident_nouns for t in _objects(word, lex.attack_prepositions | lex.cause_prepositions)):
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lex.accident_nouns for c in word.children):
        return True
    joined = [c for c in word.children if c.dep_ in ("conj", "advcl")]
    if word.dep_ in ("conj", "advcl") and word.head.i != word.i:
        joined.append(word.head)
    return any(_accident_verb(v) for v in joined)


def _accident_verb(verb: Token) -> bool:
    lex = casualty_words()
    if verb.lemma_.lower() not in lex.accident_verbs:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(c.lemma_.lower() in lex.attack_nouns for c in subjects)  # "a drone crashed into the market"


def no_toll(m: Mention, kind: Kind) -> bool:
    """'No one has died in such clashes for years': a zero over a long period or a class of
    events says how rare deaths are, not what an event's toll was."""
    if "zero" not in m.flags:
        return False
    lex = casualty_words()
    verb = kind.token
    # anywhere in the clause: the parser hangs "in decades" on the place before it as often as on the verb
    if any(t.dep_ == "pobj" and t.head.lower_ in lex.period_prepositions and t.lemma_.lower() in lex.period_nouns for t in verb.subtree):
        return True
    return any(c.lower_ in lex.generic_determiners for t in _objects(verb, lex.war_prepositions) for c in t.children)


def pictured(noun: Token | None, kind: Kind, closed: bool) -> bool:
    """'An injured university student is helped by paramedics': a line with no closing stop,
    whose only casualty word qualifies the victim while its verb, in the present, says what
    else is seen, is a picture's caption, not a count."""
    if closed or noun is None or kind.token.dep_ != "amod" or kind.token.head.i != noun.i:
        return False
    verb = noun.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in casualty_words().verbs:
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)
