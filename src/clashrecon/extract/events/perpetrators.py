"""Who killed a side's dead, each claimant's own word: "the Congolese army, not the M23, killed the
South Africans" per Kagame beside "a mortar bomb fired by the M23 killed three of its soldiers" per
South Africa.

Claims are `attack` claims with subject "perpetrator of <victims> deaths" and value the killer, so
that reconciliation sets one side's culprit against the other's. Only named actors on both ends
make a claim ("shelling killed 21 civilians" names neither). A claim someone relays ("Kagame
claimed Ramaphosa had told him ...") is the relayer's: only their word for
it is on record. Does NOT count the dead (extract/casualties does) or judge who is right.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from clashrecon.extract.actors import actor_of_token
from clashrecon.extract.common import make_claim, tokens_of
from clashrecon.extract.events.parties import agent_actor
from clashrecon.extract.events.speakers import Speaker, speaker, speaker_of, speech_verbs
from clashrecon.extract.events.words import event_words
from clashrecon.extract.syntax import is_negated, subject_of, subtree_span
from clashrecon.models import Article, Claim, ClaimantRole, Field


def _with_conjuncts(tok: Token, article: Article) -> list[str]:
    """'M23 and Rwandan troops' -> both actors, in the order printed."""
    out: list[str] = []
    for t in [tok, *tok.conjuncts]:
        actor = actor_of_token(t, article)
        if actor and actor not in out:
            out.append(actor)
    return out


def _agents(tok: Token, article: Article) -> list[str]:
    """The 'by X (and Y)' under a word, directly or through a participle ('a bomb fired by the M23')."""
    for child in tok.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return _with_conjuncts(obj, article)
    one = agent_actor(tok, article)
    return [one] if one else []


def _killers(verb: Token, article: Article) -> list[str]:
    lex = event_words()["perpetrator"]
    subj = subject_of(verb)
    if subj is not None and subj.dep_ == "nsubj":
        if subj.lower_ in lex["relative_pronouns"] and verb.dep_ == "relcl":
            return _with_conjuncts(verb.head, article)  # "it was the Congolese army that killed them"
        return _agents(subj, article) or _with_conjuncts(subj, article)
    found = _agents(verb, article)
    if found:
        return found
    # "were killed when a mortar bomb fired by the M23 landed on their base"
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(m.lower_ in lex["cause_marks"] for m in clause.children if m.dep_ in ("mark", "advmod")):
            inner = subject_of(clause)
            if inner is not None:
                found = _agents(inner, article)
                if found:
                    return found
    return []


def _causes(verb: Token, article: Article) -> list[str]:
    """'died as a result of an escalation by the M23 and the RDF', 'died in an attack by X'."""
    lex = event_words()["perpetrator"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in lex["cause_preps"]:
            for t in prep.subtree:
                if t.pos_ == "NOUN" and t.lemma_.lower() in lex["cause_nouns"]:
                    found = _agents(t, article)
                    if found:
                        return found
    return []


def _victims(tok: Token | None, article: Article) -> str | None:
    """The actor whose dead they are: 'the South Africans', 'three more of its soldiers'."""
    if tok is None:
        return None
    if tok.pos_ in ("NUM", "ADJ") or tok.like_num:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        tok = obj or tok
    return actor_of_token(tok, article)


def _outer_speaker(sent: Span, anchor: Token, article: Article) -> Speaker:
    """The usual speaker, unless what they said is only relayed by someone else ("Kagame claimed
    Ramaphosa had told him ..."): then the one relaying it, whose word is all that is on record."""
    verbs = speech_verbs()
    relayed = set(event_words()["perpetrator"]["relayed_verbs"])
    inner = next((t for t in anchor.ancestors if t.lemma_.lower() in verbs and t.pos_ == "VERB" and subject_of(t) is not None), None)
    if inner is not None and inner.lemma_.lower() in relayed:
        for tok in inner.ancestors:
            if tok.lemma_.lower() in verbs and tok.pos_ == "VERB":
                subj = subject_of(tok)
                who = speaker_of(subtree_span(subj), ClaimantRole.speaker, article) if subj is not None else None
                if who is not None and who.actor:
                    return who
    return speaker(sent, anchor, article)


def perpetrator_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """Who a claimant says killed a named side's people (subject 'perpetrator of <victims> deaths')."""
    lex = event_words()["perpetrator"]
    seen: set[tuple[str, str]] = set()
    for tok in tokens_of(sent):
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or is_negated(tok):
            continue
        if lemma in lex["kill_verbs"]:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            subj = subject_of(tok)
            victims = _victims(obj if obj is not None else (subj if subj is not None and subj.dep_ == "nsubjpass" else None), article)
            killers = _killers(tok, article)
        elif lemma in lex["die_verbs"]:
            subj = subject_of(tok)
            victims = _victims(subj, article)
            killers = _causes(tok, article)
        else:
            continue
        if not victims:
            continue
        for killer in killers:
            if killer == victims or (killer, victims) in seen:
                continue
            seen.add((killer, victims))
            who = _outer_speaker(sent, tok, article)
            subject = f"perpetrator of {victims} deaths"
            yield make_claim(
                article, sent, Field.actors, "attack", span=(tok.idx, tok.idx + len(tok.text)), id_extra=f"kill|{killer}>{victims}",
                subject=subject, value=killer, claimant=who.actor, claimant_text=who.text, claimant_role=who.role,
                attrs={"attacker": killer, "target": victims, "weapons": [], "places": [], **who.attrs()},
            )
