"""What a single token means to the casualty extractor: a numeral, a casualty noun, a victim noun, a war noun."""

from __future__ import annotations

import re

from spacy.tokens import Token

from clashrecon.extract.actors import actor_of_text
from clashrecon.extract.casualties.words import casualty_words
from clashrecon.extract.quantities import number_word_forms
from clashrecon.models import VictimGroup


DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")


def is_numeral(tok: Token) -> bool:
    return bool(DIGITS.match(tok.text)) or tok.lower_ in number_word_forms()


def verb_lemma(tok: Token) -> str:
    """A verb's lemma; its own form where that is a casualty verb the lemmatizer took for
    another verb's past tense ("killed 148 people and wound 79": "wound" read as "wind")."""
    lemma = tok.lemma_.lower()
    verbs = casualty_words().verbs
    return tok.lower_ if lemma not in verbs and tok.lower_ in verbs and tok.pos_ == "VERB" else lemma


def kind_noun(tok: Token) -> str | None:
    """The casualty kind a noun names ("deaths", "the wounded", "bodies"), if any."""
    nouns = casualty_words().nouns
    return nouns.get(tok.lower_) or (nouns.get(tok.lemma_.lower()) if tok.pos_ in ("NOUN", "PROPN") else None)


def victim_group(tok: Token) -> VictimGroup | None:
    lex = casualty_words()
    # a title-case plural the tagger took for a name ("Twelve Miners Kidnapped") has no lemma: its singular
    singular = tok.lower_[:-1] if tok.pos_ == "PROPN" and tok.lower_.endswith("s") else None
    for key in (tok.lower_, tok.lemma_.lower(), singular):
        if key in lex.victims:
            return lex.victims[key]
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.ranks:
        return VictimGroup.military  # "a major was among them", not "three major attacks"
    if tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS", "NNP"):
        return VictimGroup.people  # "20 Palestinians"
    if demonym_plural(tok):
        return VictimGroup.people  # "Fifteen Thais", a plural the lexicon lacks
    return None


def members_of(noun: Token) -> list[Token]:
    """What a "members of" noun names its people by ("five members of India's armed forces": the
    forces); nothing for any other noun."""
    if noun.lemma_.lower() not in casualty_words().member_nouns:
        return []
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def demonym_plural(tok: Token) -> str | None:
    """The actor a capitalised plural of a known demonym names ("Thais" -> Thailand)."""
    text = tok.text
    if len(text) > 3 and text[0].isupper() and text.endswith("s") and tok.pos_ in ("PROPN", "NOUN"):
        return actor_of_text(text[:-1])
    return None




def war_label(tok: Token) -> str | None:
    """'war', 'conflict', 'flare-up' ...: the noun (with its compound) if it names a war or clash."""
    wars = casualty_words().war_nouns
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    compounds = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    if tok.lemma_.lower() in wars:
        return tok.lemma_.lower()
    if compounds and compounds[0].lemma_.lower() in wars:
        return tok.doc[compounds[0].i : tok.i + 1].text.lower()  # "flare-up"
    return None
