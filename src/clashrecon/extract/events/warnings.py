"""Whether a warning was given, each side's own word: "X says its president warned Y that more
firing would be a declaration of war" beside "a warning Y says was never given".

Claims are `attack` claims with subject "warning" and value "asserted" or "denied", the shape of
a denied attack's pair (extract/events/attacks.py), so that reconciliation sets one claimant's
"asserted" against the other's "denied". A warning counts only when it names who was warned
(warn_verbs with an actor object) or, for tell_verbs, carries a threat phrase ("a declaration
of war"); "he warned that the rebels were near" is not one. A passive notice of a plan to
strike ("the Russian command was informed of the plan to launch the operation") is a warning
given to the one informed. A warning a speaker of no known side reports ("the defence minister
said Ramaphosa warned Kigali") is the warner's own word: whoever gave a warning says so.
Does NOT judge who is right.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from clashrecon.extract.actors import actor_of_token
from clashrecon.extract.attribution import attribute
from clashrecon.extract.common import make_claim, text_of, tokens_of
from clashrecon.extract.events.speakers import Speaker, speaker, speaker_of, speech_verbs
from clashrecon.extract.events.words import event_words
from clashrecon.extract.syntax import has_negation, is_negated, subject_of, subtree_span
from clashrecon.models import Article, Claim, ClaimantRole, Field, SegmentType


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


def _notified(tok: Token, article: Article) -> str | None:
    """The actor a passive notice names: 'the Russian command was informed of the plan to attack'
    (notice_verbs with the notified as subject and a notice_topics word in the 'about'/'of' phrase)."""
    lex = event_words()["warning"]
    if tok.pos_ != "VERB" or is_negated(tok) or tok.lemma_.lower() not in lex["notice_verbs"]:
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return None
    topics = set(lex["notice_topics"])
    # "informed in advance about its plan": the phrase may hang on a word below the verb
    told = set(subj.subtree)
    about = [t for p in tok.subtree if p.dep_ == "prep" and p.lower_ in ("about", "of") and p not in told for t in p.subtree]
    if not any(t.lemma_.lower() in topics for t in about):
        return None
    return actor_of_token(subj, article)


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


def _speaker_above(sent: Span, tok: Token, article: Article, denied: bool = False) -> Speaker:
    """Who says it: the nearest speaker above the word that names an actor, not the word's own
    subject (the one who warned; "no warning" under "was given"); for a denied warning noun, the
    speaker of the relative clause on it ("a warning Kagame says was never given")."""
    nouns = set(event_words()["warning"]["nouns"]) if denied else set()
    for noun in [tok, *tok.children]:
        if noun.lemma_.lower() not in nouns:
            continue
        for clause in noun.children:
            subj = subject_of(clause) if clause.dep_ == "relcl" and clause.lemma_.lower() in speech_verbs() else None
            if subj is not None:
                who = speaker_of(subtree_span(subj), ClaimantRole.speaker, article)
                if who.actor:
                    return who
    who = speaker(sent, tok, article)
    for up in tok.ancestors:
        who = speaker(sent, up, article)
        if who.actor:
            return who
    return who


def _warner(tok: Token, article: Article) -> Speaker | None:
    """The one who gave the warning, as its own claimant: 'Ramaphosa warned Kigali'."""
    subj = subject_of(tok)
    if subj is None or subj.dep_ != "nsubj":
        return None
    who = speaker_of(subtree_span(subj), ClaimantRole.speaker, article)
    return who if who.actor else None


def _notice_speaker(sent: Span, tok: Token, article: Article) -> Speaker:
    """Who says a notice was given: a speech verb above it or 'according to', never the notice
    verb's own subject ('inform' is also a reporting verb: the ones informed do not speak)."""
    for up in tok.ancestors:
        if up.lemma_.lower() in speech_verbs() and up.pos_ == "VERB" and subject_of(up) is not None:
            return speaker(sent, up, article)
    headline = article.segment_at(sent.start_char) is SegmentType.headline
    who = attribute(sent, tok, article, headline=headline)
    actor = who.claimant if who.role is not ClaimantRole.outlet and who.text else None
    return Speaker(actor or who.claimant, who.text, who.role)


def warnings_in(sent: Span, article: Article) -> Iterator[tuple[Token, Speaker, str]]:
    """(word, who says it, 'asserted' or 'denied') for each warning the sentence tells of."""
    for tok in tokens_of(sent):
        if _warned(tok, sent, article):
            who = _speaker_above(sent, tok, article)
            if not who.actor:
                who = _warner(tok, article) or who
            yield tok, who, "asserted"
        elif _notified(tok, article):
            yield tok, _notice_speaker(sent, tok, article), "asserted"
        elif _denied_warning(tok):
            yield tok, _speaker_above(sent, tok, article, denied=True), "denied"


def warning_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """'asserted' per whoever says a warning was given, 'denied' per whoever says it was not."""
    seen: set[tuple[str, str]] = set()
    for tok, who, value in warnings_in(sent, article):
        if not who.actor or (who.actor, value) in seen:
            continue
        seen.add((who.actor, value))
        yield make_claim(
            article, sent, Field.actors, "attack", span=(tok.idx, tok.idx + len(tok.text)), id_extra=f"warning|{who.actor}|{value}",
            subject="warning", value=value, claimant=who.actor, claimant_text=who.text, claimant_role=who.role,
            attrs={"attacker": None, "target": None, "weapons": [], "places": [], **who.attrs()},
        )
