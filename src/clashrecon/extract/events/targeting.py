"""Whether civilians were targeted, each side's own word: "civilian homes are being targeted" per
one side's ombudsman beside "our forces only targeted military objects" per the other.

Claims are `attack` claims with subject "civilian targeting by <attacker>" and value "asserted" or
"denied", the shape of a denied attack (attacks.py), so that reconciliation sets the accuser's
"asserted" against the accused's "denied". Asserted: one of targeting.verbs whose object (its
own words, or a passive subject) is civilian ("accused Peru of targeting civilians", "rockets
targeted civilian homes"). Denied: such a verb with "only" and a military object ("only targeted
military objects", "targeted only rebel positions"), or negated, or under a denial verb, with a
civilian object ("denies hitting civilians"). Only a claimant's word counts: an outlet's own
report that a strike hit homes is no accusation. The attacker is the verb's subject or agent, the
one accused of it ("blasted Peru for targeting civilians"), else the attacker of the sentence
before ("Chile pressed on with its offensive. Civilian areas are also being targeted").
Does NOT count the civilian dead (extract/casualties does) or judge who is right.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from clashrecon.extract.actors import actor_of_token
from clashrecon.extract.common import make_claim, tokens_of
from clashrecon.extract.events.attacks import attacker_before
from clashrecon.extract.events.parties import agent_actor
from clashrecon.extract.events.speakers import speaker
from clashrecon.extract.events.words import event_words
from clashrecon.extract.syntax import has_negation, subject_of
from clashrecon.models import Article, Claim, ClaimantRole, Field

SUBJECT = "civilian targeting by {attacker}"


def _objects(verb: Token) -> list[Token]:
    """What the verb hits: its object, its passive subject, or the object of 'at' ('aimed at')."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    found += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" for o in c.children if o.dep_ == "pobj"]
    return found


def _own_words(tok: Token) -> set[str]:
    """A noun and the words that say what kind it is: 'civilian homes', 'military objects'."""
    return {tok.lemma_.lower(), *(c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "advmod"))}


def _kind_of_target(verb: Token) -> tuple[bool, bool]:
    """(civilian, military): whether the verb's objects are civilians or military things."""
    lex = event_words()["targeting"]
    words = set().union(*(_own_words(o) for o in _objects(verb))) if _objects(verb) else set()
    return bool(words & set(lex["civilian_words"])), bool(words & set(lex["military_words"]))


def _only(verb: Token) -> bool:
    only = event_words()["targeting"]["only_words"]
    return any(c.lower_ in only for c in verb.children) or any(c.lower_ in only for o in _objects(verb) for c in o.children)


def _under_denial(verb: Token) -> bool:
    """'denies hitting civilians': the verb completes a denial verb."""
    denials = set(event_words()["denial"]["verbs"])
    return verb.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") and verb.head.lemma_.lower() in denials


def _accused(verb: Token, article: Article) -> str | None:
    """'accused Peru of targeting civilians', 'blasted Peru for targeting civilians': the one the
    speech verb above the gerund names as its object."""
    for up in verb.ancestors:
        if up.pos_ == "VERB":
            obj = next((c for c in up.children if c.dep_ == "dobj"), None)
            return actor_of_token(obj, article) if obj is not None else None
    return None


def _attacker(verb: Token, sent: Span, article: Article) -> str | None:
    subj = subject_of(verb)
    if subj is not None and subj.dep_ == "nsubj":
        return actor_of_token(subj, article)
    return agent_actor(verb, article) or _accused(verb, article) or attacker_before(sent, article)


def targeting_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """'asserted' per whoever says the attacker targeted civilians, 'denied' per whoever says not."""
    verbs = set(event_words()["targeting"]["verbs"])
    seen: set[tuple[str, str]] = set()
    for verb in tokens_of(sent):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
            continue
        civilian, military = _kind_of_target(verb)
        denied = has_negation(verb) or _under_denial(verb)
        if civilian and not denied:
            value = "asserted"
        elif (civilian and denied) or (military and _only(verb) and not denied):
            value = "denied"
        else:
            continue
        who = speaker(sent, verb, article)
        attacker = _attacker(verb, sent, article) or (who.actor if value == "denied" else None)
        if not who.actor or who.role is ClaimantRole.outlet or not attacker or (who.actor == attacker and value == "asserted") or (attacker, value) in seen:
            continue  # a side saying it hit civilians itself is no accusation to weigh
        seen.add((attacker, value))
        yield make_claim(
            article, sent, Field.actors, "attack", span=(verb.idx, verb.idx + len(verb.text)), id_extra=f"targeting|{attacker}|{value}",
            subject=SUBJECT.format(attacker=attacker), value=value, claimant=who.actor, claimant_text=who.text, claimant_role=who.role,
            attrs={"attacker": None, "target": None, "weapons": [], "places": [], **who.attrs()},
        )
