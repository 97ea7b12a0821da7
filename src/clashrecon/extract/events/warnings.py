"""Whether a warning was given, each side's own word: "X says its president warned Y that more
firing would be a declaration of war" beside "a warning Y says was never given".

Claims are `attack` claims with subject "warning" and value "asserted" or "denied", the shape of
a denied attack's pair (extract/events/attacks.py), so that reconciliation sets one claimant's
"asserted" against the other's "denied". A warning counts only when it names who was warned
(warn_verbs with an actor object) or, for tell_verbs, carries a threat phrase ("a declaration
of war"); "he warned that the rebels were near" is not one. Does NOT judge who is right.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from clashrecon.extract.actors import actor_of_token
from clashrecon.extract.common import make_claim, text_of, tokens_of
from clashrecon.extract.events.speakers import Speaker, speaker
from clashrecon.extract.events.words import event_words
from clashrecon.extract.syntax import has_negation, is_negated, subject_of
from clashrecon.models import Article, Claim, Field


def _warned(tok: Token, sent: Span, article: Article) -> str | None:
    """The actor a warn or tell verb warns, if it is a warning."""
    lex = event_words()["warning"]
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or is_negated(tok) or lemma not in (*lex["warn_verbs"], *lex["tell_verbs"]):
        return None
    if lemma in lex["tell_verbs"] and not any(p in text_of(sent).lower() for p in lex["threats"]):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    return actor_of_token(obj, article) if obj is not None else None


def _denied_warning(tok: Token) -> bool:
    """'a warning X says was never given', 'no warning was given', 'Y was never warned'."""
    lex = event_words()["warning"]
    nouns = set(lex["nouns"])
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns:
        return any(c.dep_ in ("det", "neg") and c.lower_ in lex["no_words"] for c in tok.children)
    if tok.pos_ != "VERB" or not has_negation(tok):
        return False
    if tok.lemma_.lower() in lex["warn_verbs"]:
        return True
    subj = subject_of(tok)
    if subj is not None and subj.lemma_.lower() in nouns:
        return True
    # the gap of a relative clause: "a warning [Kagame says] was never given"
    for up in tok.ancestors:
        if up.dep_ == "relcl":
            return up.head.lemma_.lower() in nouns
        if up.dep_ not in ("ccomp", "xcomp"):
            break
    return False


def _speaker_above(sent: Span, tok: Token, article: Article) -> Speaker:
    """Who says it: the nearest speaker above the word that names an actor, not the word's own
    subject (the one who warned; "no warning" under "was given")."""
    who = speaker(sent, tok, article)
    for up in tok.ancestors:
        who = speaker(sent, up, article)
        if who.actor:
            return who
    return who


def warning_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """'asserted' per whoever says a warning was given, 'denied' per whoever says it was not."""
    seen: set[tuple[str, str]] = set()
    for tok in tokens_of(sent):
        if _warned(tok, sent, article):
            who, value = _speaker_above(sent, tok, article), "asserted"
        elif _denied_warning(tok):
            who, value = _speaker_above(sent, tok, article), "denied"
        else:
            continue
        if not who.actor or (who.actor, value) in seen:
            continue
        seen.add((who.actor, value))
        yield make_claim(
            article, sent, Field.actors, "attack", span=(tok.idx, tok.idx + len(tok.text)), id_extra=f"warning|{who.actor}|{value}",
            subject="warning", value=value, claimant=who.actor, claimant_text=who.text, claimant_role=who.role,
            attrs={"attacker": None, "target": None, "weapons": [], "places": [], **who.attrs()},
        )
