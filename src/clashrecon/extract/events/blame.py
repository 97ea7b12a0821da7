"""Blame claims: who says who started it ("initiator") or who broke a ceasefire ("ceasefire violation")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from clashrecon.extract.actors import actor_of_phrase, actor_of_token
from clashrecon.extract.common import doc_entities, make_claim, text_of, tokens_of
from clashrecon.extract.events.attacks import attacker_before, opens_fire
from clashrecon.extract.events.denials import claim_owner, counter_claim
from clashrecon.extract.events.parties import actor_among, agent_actor, modifier_actor
from clashrecon.extract.events.speakers import Speaker, speaker, speaker_of, speech_verbs
from clashrecon.extract.events.words import event_words
from clashrecon.extract.syntax import is_negated, subject_of, subtree_span
from clashrecon.models import Article, Claim, ClaimantRole, Field


def _initiation(words: str) -> bool:
    """Whether an accusation is about fighting ("of attacking", "of an unprovoked act of war"), not
    about something else ("of treason", "of war crimes")."""
    lemmas = set(event_words()["blame"]["initiation_words"])
    found = re.findall(r"[a-z-]+", words.lower())
    if any(w.rstrip("s") in event_words()["blame"]["not_initiation_words"] for w in found):
        return False
    return any(w in lemmas or w.rstrip("s") in lemmas or w.removesuffix("ing") in lemmas for w in re.findall(r"[a-z-]+", words.lower()))


def _names_ceasefire(words: str) -> bool:
    return re.search(event_words()["ceasefire"]["pattern"], words, re.I) is not None


def _blame_subject(what: str) -> str:
    words = {w.removesuffix("s") for w in re.findall(r"[a-z-]+", what.lower().replace(" - ", "-"))}
    return "ceasefire violation" if words & set(event_words()["blame"]["ceasefire_words"]) else "initiator"


def _mutual_parties(word: Token, article: Article) -> list[str]:
    """'Armenia and Azerbaijan accused each other', 'The governments of Azerbaijan and Armenia traded
    blame', 'Armenia and Azerbaijan trade blame' -> both parties, in the order printed."""
    subj = subject_of(word) if word.pos_ in ("VERB", "AUX") else None
    if subj is not None:
        scope = [t for t in subj.subtree]
    else:
        scope = [t for c in word.children if c.dep_ in ("nmod", "nsubj", "compound") for t in c.subtree]
    parties: list[str] = []
    for ent in doc_entities(word.doc):
        if ent.start >= (scope[0].i if scope else 0) and scope and ent.end <= scope[-1].i + 1:
            actor = actor_of_phrase(ent, article)
            if actor and actor not in parties:
                parties.append(actor)
    return parties


@dataclass(frozen=True)
class Blame:
    anchor: Token
    blamed: str
    what: str
    claimant: Speaker | None = None  # set when the sentence itself names who blames (mutual blame, denied claims)
    subject: str | None = None  # set when the rule itself knows what is blamed ("breached the truce")


def _blames(sent: Span, article: Article) -> Iterator[Blame]:
    lex = event_words()["blame"]
    text_lower = text_of(sent).lower()
    mutual = any(m in text_lower for m in lex["mutual"])
    for tok in tokens_of(sent):
        yield from _blames_at(tok, sent, article, mutual)


def _blames_at(tok: Token, sent: Span, article: Article, mutual: bool) -> Iterator[Blame]:
    """The blame the word at `tok` expresses: the first rule whose words it matches decides."""
    lex = event_words()["blame"]
    lemma = tok.lemma_.lower()
    verb = tok.pos_ == "VERB"
    if lemma in lex["nouns"]:
        return _hostile_act(tok, sent, article)
    if lemma in lex["accuse_verbs"] and verb and not is_negated(tok):
        return _accusation(tok, sent, article, mutual)
    if lemma in lex["blame_nouns"] and tok.pos_ == "NOUN":
        return _blame_placed(tok, article, mutual)
    if lemma in lex["responsible_words"] and tok.pos_ == "ADJ" and not is_negated(tok.head):
        return _responsible(tok, article)
    if lemma in lex["start_verbs"] and verb and not is_negated(tok) and _starts_fighting(tok):
        return _started(tok, article)
    if lemma in lex["start_verbs"] and verb and not is_negated(tok) and _fighting_subject(tok):
        return _started_after(tok, article)
    if lemma in _response_words():
        return _response(tok, article)
    if lemma in lex["calling_verbs"] and verb and not is_negated(tok):
        return _called(tok, sent, article)
    if (lemma in lex["violation_verbs"] or lemma in lex["truce_breach_verbs"]) and verb and not is_negated(tok):
        return _violation(tok, sent, article)
    if lemma in lex["violation_nouns"] and tok.pos_ == "NOUN" and _names_ceasefire(text_of(sent)):
        return _violations_of(tok, article)
    if lemma in _attack_words() or opens_fire(tok):
        return _attacked(tok, sent, article)
    return iter(())


def _hostile_act(tok: Token, sent: Span, article: Article) -> Iterator[Blame]:
    """'Armenian provocation', 'a provocation by Azerbaijan': the one the hostile act is pinned on."""
    head = tok.head if tok.pos_ == "ADJ" else tok
    blamed = agent_actor(head, article) or modifier_actor(head, article)
    if blamed is None:
        # "called on Yerevan to stop its provocations": the pronoun owner is the one addressed.
        pron = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if pron is not None:
            before = [t for t in tokens_of(sent) if t.i < pron.i and t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")]
            blamed = actor_among(reversed(before), article)
    if blamed is None:
        # "Armenian armed forces continue attacks and provocations": the doer of the provocation.
        noun = head.head if head.dep_ == "conj" else head
        if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() not in speech_verbs():
            subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            blamed = actor_of_token(subj, article) if subj is not None else None
    if blamed:
        yield Blame(tok, blamed, subtree_span(head).text)


def _accusation(tok: Token, sent: Span, article: Article, mutual: bool) -> Iterator[Blame]:
    """'accused Armenia of attacking', 'accused each other', 'charged that Armenian forces shelled'."""
    lex = event_words()["blame"]
    lemma = tok.lemma_.lower()
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    # What they are accused of: everything the verb governs after its object ("of treason").
    after = obj.i if obj is not None else tok.i
    what = " ".join(t.text for t in tok.subtree if t.i > after)
    # "each country accused the other of breaching it": what is breached is the ceasefire the sentence names
    breach = any(t.i > after and t.lemma_.lower() in _breach_words() for t in tok.subtree) and _names_ceasefire(text_of(sent))
    subject = "ceasefire violation" if breach else None
    if (mutual or _each_the_other(tok, obj)) and lemma in lex["mutual_verbs"]:
        parties = _mutual_parties(tok, article) or _last_pair(tok, article)
        yield from _each_other(parties, tok, what or text_of(sent), subject)
        return
    on = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children if o.dep_ == "pobj"), None)
    if lemma == "blame" and on is not None and (obj is None or not actor_of_token(obj, article)):
        # "the blasts, which it blamed on Armenian saboteurs", "blamed the attack on the rebels"
        blamed = actor_of_token(on, article)
        if blamed:
            yield Blame(tok, blamed, what or subtree_span(on).text, subject=subject)
            return
    if obj is not None and (_initiation(what) or lemma == "blame" or breach):
        blamed = actor_of_token(obj, article)
        if blamed:
            yield Blame(tok, blamed, what or subtree_span(obj).text, subject=subject)
        return
    # "charged that Armenian forces shelled its positions"
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if comp is not None and comp.lemma_.lower() in event_words()["attack"]["verbs"]:
        subj = subject_of(comp)
        blamed = actor_of_token(subj, article) if subj is not None else None
        if blamed:
            yield Blame(tok, blamed, subtree_span(comp).text)


def _each_the_other(verb: Token, obj: Token | None) -> bool:
    """'Each side accused the other': the mutual accusation spelt with 'each ... the other'."""
    pair = event_words()["blame"]["mutual_pair"]
    subj = subject_of(verb)
    if obj is None or obj.lower_ not in pair["objects"] or subj is None:
        return False
    return subj.lower_ in pair["subject_dets"] or any(c.dep_ == "det" and c.lower_ in pair["subject_dets"] for c in subj.children)


def _last_pair(word: Token, article: Article) -> list[str]:
    """The two parties of 'they accused each other' or 'each side accused the other', which the
    sentence does not name: the first two actors of the nearest sentence before it that names two."""
    sents = [s for s in word.doc.sents if s.end <= word.sent.start]
    for sent in reversed(sents):
        parties: list[str] = []
        for ent in doc_entities(word.doc):
            if sent.start <= ent.start and ent.end <= sent.end:
                actor = actor_of_phrase(ent, article)
                if actor and actor not in parties:
                    parties.append(actor)
        if len(parties) >= 2:
            return parties[:2]
    return []


def _each_other(parties: list[str], tok: Token, what: str, subject: str | None = None) -> Iterator[Blame]:
    """Two parties blaming each other: one blame each way, each claimed by its accuser."""
    if len(parties) == 2:
        for a, b in (parties, parties[::-1]):
            yield Blame(tok, b, what, Speaker(a, a, ClaimantRole.speaker), subject)


def _blame_placed(tok: Token, article: Article, mutual: bool) -> Iterator[Blame]:
    """'placed the blame for the violence on Armenia'; 'responsibility ... lies with Armenia'; 'traded blame'."""
    lex = event_words()["blame"]
    verb = tok.head
    traded = any(c.lemma_.lower() in lex["mutual_verbs"] for c in tok.children if c.dep_ == "compound")
    if mutual or traded or (tok.lemma_.lower() == "blame" and verb.lemma_.lower() in lex["mutual_verbs"]):
        parties = _mutual_parties(tok if traded or tok.dep_ == "ROOT" else verb, article)
        yield from _each_other(parties, tok, " ".join(c.text for c in tok.subtree))
        return
    # The one placing the blame is the verb's subject when it is a party ("Turkey placed the blame").
    subj = subject_of(verb) if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in speech_verbs() else None
    placer = speaker_of(subtree_span(subj), ClaimantRole.speaker, article) if subj is not None else None
    for prep in [*verb.children, *tok.subtree]:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "with"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            blamed = actor_of_token(obj, article) if obj is not None else None
            if blamed:
                yield Blame(tok, blamed, subtree_span(verb).text, placer if placer and placer.actor else None)
                break


def _responsible(tok: Token, article: Article) -> Iterator[Blame]:
    """'Hemedti said Burhan was responsible for the bloodshed'."""
    subj = subject_of(tok.head) if tok.dep_ == "acomp" else None
    blamed = actor_of_token(subj, article) if subj is not None else None
    if blamed:
        yield Blame(tok, blamed, subtree_span(tok).text)


def _started(tok: Token, article: Article) -> Iterator[Blame]:
    """'Kyrgyz troops started the fighting', 'the rebels began their offensive'."""
    subj = subject_of(tok)
    blamed = actor_of_token(subj, article) if subj is not None and subj.dep_ == "nsubj" else None
    if blamed:
        yield Blame(tok, blamed, subtree_span(tok).text)


def _started_after(tok: Token, article: Article) -> Iterator[Blame]:
    """'The fighting started after Armenian sabotage groups placed landmines'."""
    for clause in tok.children:
        if clause.dep_ == "advcl" and any(m.lower_ in ("after", "when") for m in clause.children if m.dep_ == "mark"):
            subj = subject_of(clause)
            blamed = actor_of_token(subj, article) if subj is not None else None
            if blamed:
                yield Blame(tok, blamed, subtree_span(clause).text)
                break


def _response(tok: Token, article: Article) -> Iterator[Blame]:
    """'its attack was a response to Israeli strikes': the one responded to started it."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "for", "against"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in _hostile_nouns():
                blamed = agent_actor(obj, article) or modifier_actor(obj, article)
                if blamed:
                    yield Blame(tok, blamed, subtree_span(tok).text)


def _called(tok: Token, sent: Span, article: Article) -> Iterator[Blame]:
    """'Yerevan described the operation as aggression', 'calling what was happening an act of
    aggression', 'condemned Chile's offensive as an act of war': the speaker pins the start on the
    one whose operation it names so, that doer taken from the operation's own words, else from the
    attacker the sentence before names ('Baku launched an operation. Yerevan called it aggression').
    Not when the aggression is someone else's ('a response to Armenian aggression')."""
    lex = event_words()["blame"]
    after = [t for t in tok.subtree if t.i > tok.i]
    words = " ".join(t.lower_ for t in after)
    hostile = [t for t in after if t.lemma_.lower() in lex["aggression_words"]]
    if not hostile and not any(p in words for p in lex["aggression_phrases"]):
        return
    if any(t.lemma_.lower() in _response_words() for t in after):
        return
    if any(agent_actor(t, article) or modifier_actor(t, article) for t in hostile):
        return  # "called it Armenian aggression": the hostile-act rule pins it on its own owner
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "ccomp")), None)
    named = None
    if obj is not None and obj.dep_ == "dobj":
        named = agent_actor(obj, article) or modifier_actor(obj, article) or actor_of_token(obj, article)
    blamed = named or attacker_before(sent, article)
    subj = subject_of(tok) or (subject_of(tok.head) if tok.dep_ == "advcl" else None)
    who = speaker_of(subtree_span(subj), ClaimantRole.speaker, article) if subj is not None else None
    if blamed:
        yield Blame(tok, blamed, " ".join(t.text for t in after), who if who is not None and who.actor else None)


def _violation(tok: Token, sent: Span, article: Article) -> Iterator[Blame]:
    """'Thai forces had violated its territory'; 'Pakistan violated the agreement', 'the night of
    Pakistan breaching the truce' (a ceasefire violation)."""
    lex = event_words()["blame"]
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return
    subj = subject_of(tok)
    doer = subj if subj is not None and subj.dep_ == "nsubj" else None
    if doer is None and subj is None and tok.i > sent.start and tok.nbor(-1).pos_ == "PROPN":
        doer = tok.nbor(-1)  # "of Pakistan breaching the truce", the doer parsed as the preposition's object
    blamed = actor_of_token(doer, article) if doer is not None else None
    if not blamed:
        return
    if tok.lemma_.lower() in lex["violation_verbs"] and obj.lemma_.lower() in lex["violated_objects"]:
        yield Blame(tok, blamed, subtree_span(tok).text)
    elif tok.lemma_.lower() in lex["truce_breach_verbs"] and (
        _names_ceasefire(obj.text) or (obj.lemma_.lower() in lex["truce_nouns"] and _names_ceasefire(text_of(sent)))
    ):
        yield Blame(tok, blamed, subtree_span(tok).text, subject="ceasefire violation")


def _violations_of(tok: Token, article: Article) -> Iterator[Blame]:
    """'India's relentless ceasefire violations', 'Indian violations of the ceasefire', 'the
    violations were India's': the one the violations are pinned on, in a sentence about a truce."""
    blamed = agent_actor(tok, article) or modifier_actor(tok, article)
    if blamed is None and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        attr = next((c for c in tok.head.children if c.dep_ in ("attr", "acomp")), None)
        blamed = actor_of_token(attr, article) if attr is not None else None
    if blamed and not is_negated(tok.head):
        yield Blame(tok, blamed, subtree_span(tok).text, subject="ceasefire violation")


def _attacked(tok: Token, sent: Span, article: Article) -> Iterator[Blame]:
    """'Azerbaijan said it was attacked by Armenia', 'came under attack by Armenia', 'had attacked
    first', 'M23 denied it and said the army had shelled the camp'."""
    blamed = agent_actor(tok, article)
    if blamed:
        yield Blame(tok, blamed, text_of(sent))
    elif tok.pos_ == "VERB" and not is_negated(tok) and (_first(tok) or counter_claim(tok)):
        subj = subject_of(tok)
        blamed = actor_of_token(subj, article) if subj is not None and subj.dep_ == "nsubj" else None
        if blamed:
            yield Blame(tok, blamed, subtree_span(tok).text)


@cache
def _response_words() -> frozenset[str]:
    lex = event_words()["blame"]
    return frozenset(lex["response_nouns"] + lex["response_verbs"])


@cache
def _breach_words() -> frozenset[str]:
    lex = event_words()["blame"]
    return frozenset(lex["truce_breach_verbs"] + lex["violation_nouns"])


@cache
def _attack_words() -> frozenset[str]:
    lex = event_words()["attack"]
    return frozenset(lex["nouns"] + lex["verbs"])


def _starts_fighting(verb: Token) -> bool:
    objects = set(event_words()["blame"]["start_objects"])
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in objects for c in verb.children)


@cache
def _hostile_nouns() -> frozenset[str]:
    lex = event_words()
    return frozenset(lex["attack"]["nouns"]) | frozenset(lex["blame"]["nouns"]) | frozenset(lex["blame"]["hostile_nouns"])


def _fighting_subject(verb: Token) -> bool:
    subj = subject_of(verb)
    return subj is not None and subj.lemma_.lower() in set(event_words()["blame"]["start_objects"])


def _first(verb: Token) -> bool:
    return any(c.lower_ in event_words()["blame"]["first_words"] and c.dep_ in ("advmod", "npadvmod", "amod") for c in verb.children)


def blame_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """Who says who started it (subject "initiator") or who broke a ceasefire ("ceasefire violation")."""
    seen: set[tuple[str, str, str]] = set()
    for b in _blames(sent, article):
        who = b.claimant
        owned = claim_owner(b.anchor, article) if who is None else None
        if owned is not None and owned[1]:
            # Reported inside another party's claim that the speaker rejects: it is that party's claim.
            who = Speaker(owned[1], owned[1], ClaimantRole.speaker)
        if who is None:
            who = speaker(sent, b.anchor, article)
        if not who.actor or who.actor == b.blamed:
            continue
        subject = b.subject or _blame_subject(b.what)
        key = (who.actor, b.blamed, subject)
        if key in seen:
            continue
        seen.add(key)
        yield make_claim(
            article,
            sent,
            Field.actors,
            "blame",
            span=(b.anchor.idx, b.anchor.idx + len(b.anchor.text)),
            id_extra=f"{who.actor}>{b.blamed}",
            subject=subject,
            value=b.blamed,
            claimant=who.actor,
            claimant_text=who.text,
            claimant_role=who.role,
            attrs={"accuser": who.actor, "blamed": b.blamed, "what": b.what.strip()[: event_words()["blamed_what_chars"]["chars"]], **who.attrs()},
        )
