"""Event claims: attacks, ceasefires, blame, diplomatic contacts and protests, each with its claimant.

Blame claims carry subject "initiator" and value the actor blamed, so that reconciliation can set
"Armenia says Azerbaijan started it" against "Azerbaijan says Armenia started it". A claim reported
inside another party's denied claim ("rejected as an 'absolute lie' Armenia's claim that Azerbaijani
troops had fired on a Russian outpost") yields one claim asserted by its owner and one denied by the
denier. Words come from data/events.json.
Does NOT judge who is right, does not follow pronouns beyond what `actors.actor_of_phrase` resolves,
and does not read negated events ("did not attack") as events.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from clashrecon.extract.actors import (
    actor_of_phrase,
    actor_of_text,
    actor_of_token,
    affiliation_of_name,
    full_name,
    person_of_phrase,
)
from clashrecon.extract.attribution import attribute, reporting_lemmas
from clashrecon.extract.common import claim_sentences, doc_entities, make_claim, span_entities, text_of, tokens_of
from clashrecon.extract.places import sentence_places
from clashrecon.lexicon import load_data
from clashrecon.models import Article, Claim, ClaimantRole, Field, SegmentType


@cache
def _lex() -> dict:
    return load_data("events.json")


@dataclass(frozen=True)
class Speaker:
    actor: str | None  # canonical
    text: str | None  # as printed
    role: ClaimantRole
    person: str | None = None  # "Nikol Pashinyan (Armenia)" when a person speaks for the actor

    def attrs(self) -> dict:
        return {"claimant_person": self.person} if self.person else {}


def _speaker_of(phrase: Span, role: ClaimantRole, article: Article) -> Speaker:
    actor = actor_of_phrase(phrase, article)
    person = person_of_phrase(phrase)
    named = None
    if person is not None:
        full = full_name(person)
        named = f"{full} ({actor})" if actor else full
    return Speaker(actor, phrase.text, role, named)


def _phrase(tok: Token) -> Span:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1]


def _subject(verb: Token) -> Token | None:
    """The verb's subject, inherited from the first verb of a coordination ("denied ... and said") or
    from the verb it completes ("it sought to broker")."""
    while True:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ not in ("conj", "xcomp") or verb.head is verb:
            return subj
        verb = verb.head


def _speech_verbs() -> frozenset[str]:
    lex = _lex()
    return (
        reporting_lemmas()
        | frozenset(lex["blame"]["accuse_verbs"])
        | frozenset(lex["denial"]["verbs"])
        | frozenset(lex["stance_verbs"])
    )


def speaker(sent: Span, anchor: Token, article: Article) -> Speaker:
    """Who asserts the event at `anchor`: the subject of the nearest speech verb above it, else the
    shared attribution rules (reporting verbs, "according to", the outlet)."""
    headline = article.segment_at(sent.start_char) is SegmentType.headline
    role = ClaimantRole.headline if headline else ClaimantRole.speaker
    verbs = _speech_verbs()
    for tok in [anchor, *anchor.ancestors]:
        if tok.lemma_.lower() in verbs and tok.pos_ == "VERB":
            subj = _subject(tok)
            if subj is not None:
                return _speaker_of(_phrase(subj), role, article)
    who = attribute(sent, anchor, article, headline=headline)
    actor = None
    if who.role is not ClaimantRole.outlet and who.text:
        actor = who.claimant
    return Speaker(actor or who.claimant, who.text, who.role)


def _claim_owner(anchor: Token, article: Article) -> tuple[Token, str | None, Speaker | None] | None:
    """If the anchor sits in "X's claim that ..." under a denial verb: the claim noun, its owner, and the denier."""
    lex = _lex()["denial"]
    for tok in anchor.ancestors:
        if tok.lemma_.lower() in lex["claim_nouns"] and tok.pos_ == "NOUN":
            owner = next((c for c in tok.children if c.dep_ in ("poss", "amod", "compound") and actor_of_token(c, article)), None)
            owner_actor = actor_of_token(owner, article) if owner is not None else None
            if owner_actor is None and tok.i > 0:
                # "the Azerbaijani claim" parsed with "Azerbaijani" hanging elsewhere: the word before still owns it.
                prev = tok.nbor(-1)
                owner_actor = actor_of_text(prev.text) if prev.ent_type_ in ("NORP", "GPE", "ORG") else None
            denier = None
            for up in tok.ancestors:
                if up.lemma_.lower() in lex["verbs"]:
                    subj = _subject(up)
                    if subj is not None:
                        denier = _speaker_of(_phrase(subj), ClaimantRole.speaker, article)
                    break
            return tok, owner_actor, denier
    return None


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(c.dep_ == "neg" for c in tok.head.children if tok.dep_ in ("xcomp", "ccomp"))


def _actor_among(tokens, article: Article, exclude: set[str] = frozenset()) -> str | None:
    for tok in tokens:
        actor = actor_of_token(tok, article)
        if actor and actor not in exclude:
            return actor
    return None


def _agent(tok: Token, article: Article) -> str | None:
    """X in "... by X" under the token (directly, or through a participle: "committed by X")."""
    for child in tok.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return actor_of_token(obj, article)
        if child.dep_ == "acl":
            found = _agent(child, article)
            if found:
                return found
    # "what it called a 'large-scale provocation' by Azerbaijan", with "by" attached to "called"
    nxt = tok.i + 1
    while nxt < len(tok.doc) and tok.doc[nxt].is_punct:
        nxt += 1
    if nxt + 1 < len(tok.doc) and tok.doc[nxt].lower_ == "by" and tok.doc[nxt].head is not tok:
        obj = next((c for c in tok.doc[nxt].children if c.dep_ == "pobj"), None)
        if obj is not None:
            return actor_of_token(obj, article)
    return None


def _modifier_actor(tok: Token, article: Article) -> str | None:
    """The actor a noun's own modifiers name: "Armenian provocation", "Armenia's aggressive attitude"."""
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.pos_ != "PRON":
            actor = actor_of_token(child, article)
            if actor:
                return actor
    return None


# --------------------------------------------------------------------------- blame


def _initiation(words: str) -> bool:
    """Whether an accusation is about fighting ("of attacking", "of an unprovoked act of war"), not
    about something else ("of treason", "of war crimes")."""
    lemmas = set(_lex()["blame"]["initiation_words"])
    found = re.findall(r"[a-z-]+", words.lower())
    if any(w.rstrip("s") in _lex()["blame"]["not_initiation_words"] for w in found):
        return False
    return any(w in lemmas or w.rstrip("s") in lemmas or w.removesuffix("ing") in lemmas for w in re.findall(r"[a-z-]+", words.lower()))


def _blame_subject(what: str) -> str:
    words = {w.removesuffix("s") for w in re.findall(r"[a-z-]+", what.lower().replace(" - ", "-"))}
    return "ceasefire violation" if words & set(_lex()["blame"]["ceasefire_words"]) else "initiator"


def _mutual_parties(word: Token, article: Article) -> list[str]:
    """'Armenia and Azerbaijan accused each other', 'The governments of Azerbaijan and Armenia traded
    blame', 'Armenia and Azerbaijan trade blame' -> both parties, in the order printed."""
    subj = _subject(word) if word.pos_ in ("VERB", "AUX") else None
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


def _blames(sent: Span, article: Article) -> Iterator[Blame]:
    lex = _lex()["blame"]
    text_lower = text_of(sent).lower()
    mutual = any(m in text_lower for m in lex["mutual"])
    for tok in tokens_of(sent):
        lemma = tok.lemma_.lower()
        if lemma in lex["nouns"]:
            head = tok.head if tok.pos_ == "ADJ" else tok
            blamed = _agent(head, article) or _modifier_actor(head, article)
            if blamed is None:
                # "called on Yerevan to stop its provocations": the pronoun owner is the one addressed.
                pron = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
                if pron is not None:
                    before = [t for t in tokens_of(sent) if t.i < pron.i and t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")]
                    blamed = _actor_among(reversed(before), article)
            if blamed is None:
                # "Armenian armed forces continue attacks and provocations": the doer of the provocation.
                noun = head.head if head.dep_ == "conj" else head
                if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() not in _speech_verbs():
                    subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
                    blamed = actor_of_token(subj, article) if subj is not None else None
            if blamed:
                yield Blame(tok, blamed, _phrase(head).text)
        elif lemma in lex["accuse_verbs"] and tok.pos_ == "VERB" and not _negated(tok):
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            # What they are accused of: everything the verb governs after its object ("of treason").
            after = obj.i if obj is not None else tok.i
            what = " ".join(t.text for t in tok.subtree if t.i > after)
            if mutual and lemma in lex["mutual_verbs"]:
                parties = _mutual_parties(tok, article)
                if len(parties) == 2:
                    for a, b in (parties, parties[::-1]):
                        yield Blame(tok, b, what or text_of(sent), Speaker(a, a, ClaimantRole.speaker))
                continue
            if obj is not None and (_initiation(what) or lemma == "blame"):
                blamed = actor_of_token(obj, article)
                if blamed:
                    yield Blame(tok, blamed, what or _phrase(obj).text)
                continue
            # "charged that Armenian forces shelled its positions"
            comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if comp is not None and comp.lemma_.lower() in _lex()["attack"]["verbs"]:
                subj = _subject(comp)
                blamed = actor_of_token(subj, article) if subj is not None else None
                if blamed:
                    yield Blame(tok, blamed, _phrase(comp).text)
        elif lemma in lex["blame_nouns"] and tok.pos_ == "NOUN":
            # "placed the blame for the violence on Armenia"; "responsibility ... lies with Armenia"
            verb = tok.head
            traded = any(c.lemma_.lower() in lex["mutual_verbs"] for c in tok.children if c.dep_ == "compound")
            if mutual or traded or (lemma == "blame" and verb.lemma_.lower() in lex["mutual_verbs"]):
                parties = _mutual_parties(tok if traded or tok.dep_ == "ROOT" else verb, article)
                what = " ".join(c.text for c in tok.subtree)
                if len(parties) == 2:
                    for a, b in (parties, parties[::-1]):
                        yield Blame(tok, b, what, Speaker(a, a, ClaimantRole.speaker))
                continue
            # The one placing the blame is the verb's subject when it is a party ("Turkey placed the blame").
            subj = _subject(verb) if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in _speech_verbs() else None
            placer = _speaker_of(_phrase(subj), ClaimantRole.speaker, article) if subj is not None else None
            for prep in [*verb.children, *tok.subtree]:
                if prep.dep_ == "prep" and prep.lower_ in ("on", "with"):
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    blamed = actor_of_token(obj, article) if obj is not None else None
                    if blamed:
                        yield Blame(tok, blamed, _phrase(verb).text, placer if placer and placer.actor else None)
                        break
        elif lemma in lex["responsible_words"] and tok.pos_ == "ADJ" and not _negated(tok.head):
            # "Hemedti said Burhan was responsible for the bloodshed"
            subj = _subject(tok.head) if tok.dep_ == "acomp" else None
            blamed = actor_of_token(subj, article) if subj is not None else None
            if blamed:
                yield Blame(tok, blamed, _phrase(tok).text)
        elif lemma in lex["start_verbs"] and tok.pos_ == "VERB" and not _negated(tok) and _starts_fighting(tok):
            # "Kyrgyz troops started the fighting", "the rebels began their offensive"
            subj = _subject(tok)
            blamed = actor_of_token(subj, article) if subj is not None and subj.dep_ == "nsubj" else None
            if blamed:
                yield Blame(tok, blamed, _phrase(tok).text)
        elif lemma in lex["start_verbs"] and tok.pos_ == "VERB" and not _negated(tok) and _fighting_subject(tok):
            # "The fighting started after Armenian sabotage groups placed landmines"
            for clause in tok.children:
                if clause.dep_ == "advcl" and any(m.lower_ in ("after", "when") for m in clause.children if m.dep_ == "mark"):
                    subj = _subject(clause)
                    blamed = actor_of_token(subj, article) if subj is not None else None
                    if blamed:
                        yield Blame(tok, blamed, _phrase(clause).text)
                        break
        elif lemma in lex["response_nouns"] + lex["response_verbs"]:
            # "its attack was a response to Israeli strikes": the one responded to started it
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("to", "for", "against"):
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if obj is not None and obj.lemma_.lower() in _hostile_nouns():
                        blamed = _agent(obj, article) or _modifier_actor(obj, article)
                        if blamed:
                            yield Blame(tok, blamed, _phrase(tok).text)
        elif lemma in lex["violation_verbs"] and tok.pos_ == "VERB" and not _negated(tok):
            # "Thai forces had violated its territory"
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            subj = _subject(tok)
            if obj is not None and obj.lemma_.lower() in lex["violated_objects"] and subj is not None and subj.dep_ == "nsubj":
                blamed = actor_of_token(subj, article)
                if blamed:
                    yield Blame(tok, blamed, _phrase(tok).text)
        elif lemma in _lex()["attack"]["nouns"] + _lex()["attack"]["verbs"] or _open_fire(tok):
            # "Azerbaijan said it was attacked by Armenia", "came under attack by Armenia"
            blamed = _agent(tok, article)
            if blamed:
                yield Blame(tok, blamed, text_of(sent))
            elif tok.pos_ == "VERB" and not _negated(tok) and (_first(tok) or _counter_claim(tok)):
                # "Kyrgyz forces had attacked first"; "M23 denied it and said the army had shelled the camp"
                subj = _subject(tok)
                blamed = actor_of_token(subj, article) if subj is not None and subj.dep_ == "nsubj" else None
                if blamed:
                    yield Blame(tok, blamed, _phrase(tok).text)


def _starts_fighting(verb: Token) -> bool:
    objects = set(_lex()["blame"]["start_objects"])
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in objects for c in verb.children)


def _hostile_nouns() -> frozenset[str]:
    lex = _lex()
    return frozenset(lex["attack"]["nouns"]) | frozenset(lex["blame"]["nouns"]) | {"aggression", "provocation", "violation", "incursion"}


def _open_fire(tok: Token) -> bool:
    """'opened fire': an attack verb made of two words."""
    objects = _lex()["attack"]["phrasal"].get(tok.lemma_.lower())
    return bool(objects) and tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in tok.children)


def _fighting_subject(verb: Token) -> bool:
    subj = _subject(verb)
    return subj is not None and subj.lemma_.lower() in set(_lex()["blame"]["start_objects"])


def _first(verb: Token) -> bool:
    return any(c.lower_ in _lex()["blame"]["first_words"] and c.dep_ in ("advmod", "npadvmod", "amod") for c in verb.children)


def _counter_claim(tok: Token) -> bool:
    """An attack a speaker asserts right after denying one: "denied it and said the army shelled the camp"."""
    denials = set(_lex()["denial"]["verbs"])
    path = [tok, *tok.ancestors]
    for below, up in zip(path, path[1:]):
        if up.lemma_.lower() in denials:
            return below.dep_ == "conj"
    return False


def blame_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """Who says who started it (subject "initiator") or who broke a ceasefire ("ceasefire violation")."""
    seen: set[tuple[str, str, str]] = set()
    for b in _blames(sent, article):
        who = b.claimant
        owned = _claim_owner(b.anchor, article) if who is None else None
        if owned is not None and owned[1]:
            # Reported inside another party's claim that the speaker rejects: it is that party's claim.
            who = Speaker(owned[1], owned[1], ClaimantRole.speaker)
        if who is None:
            who = speaker(sent, b.anchor, article)
        if not who.actor or who.actor == b.blamed:
            continue
        subject = _blame_subject(b.what)
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
            attrs={"accuser": who.actor, "blamed": b.blamed, "what": b.what.strip()[:200], **who.attrs()},
        )


# --------------------------------------------------------------------------- attacks


def _ceasefire_tokens(sent: Span) -> set[int]:
    out: set[int] = set()
    for m in re.finditer(_lex()["ceasefire"]["pattern"], text_of(sent), re.I):
        s, e = sent.start_char + m.start(), sent.start_char + m.end()
        out.update(t.i for t in tokens_of(sent) if s <= t.idx < e)
    return out


def weapons(sent: Span) -> list[str]:
    """Weapon kinds a sentence names, from data/events.json."""
    text = text_of(sent).lower()
    found = []
    for kind, words in _lex()["weapons"].items():
        if any(re.search(rf"\b{re.escape(w)}s?\b", text) for w in words):
            found.append(kind)
    return found


def _attack_parts(tok: Token, article: Article) -> tuple[str | None, str | None, Token | None]:
    """Attacker, target actor and the target's head word for an attack verb or noun."""
    lex = _lex()["attack"]
    attacker = target = None
    target_tok = None
    if tok.pos_ == "VERB":
        subj = _subject(tok)
        if subj is not None and subj.dep_ == "nsubj":
            attacker = actor_of_token(subj, article)
        elif tok.dep_ in ("advcl", "acl", "relcl") and tok.head.pos_ == "NOUN":
            attacker = actor_of_token(tok.head, article)
        attacker = attacker or _agent(tok, article)
        for child in tok.children:
            if child.dep_ == "dobj":
                target_tok = child
            elif child.dep_ == "prep" and child.lower_ in lex["target_preps"] and target_tok is None:
                target_tok = _place_object(child)
        if subj is not None and subj.dep_ == "nsubjpass" and target_tok is None:
            target_tok = subj
    else:
        attacker = _agent(tok, article) or _modifier_actor(tok, article)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in lex["source_preps"] and attacker is None:
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                attacker = actor_of_token(obj, article) if obj is not None else None
            elif child.dep_ == "prep" and (child.lower_ in lex["target_preps"] or child.lower_ == "of"):
                # a noun's "of" names what was hit: "the invasion of Ukraine", "the shelling of Kharkiv"
                target_tok = _place_object(child) or target_tok
        if attacker is None and tok.head.pos_ == "VERB":
            # "Azerbaijani forces unleashing an artillery barrage"
            subj = _subject(tok.head)
            if subj is not None and subj.dep_ == "nsubj" and tok.dep_ == "dobj":
                attacker = actor_of_token(subj, article)
    if target_tok is not None:
        target = _head_actor(target_tok, article)
    return attacker, target, target_tok


def _place_object(prep: Token) -> Token | None:
    """The object of a preposition, unless it is a time ("on Tuesday")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ in ("DATE", "TIME"):
        return None
    return obj


def _head_actor(tok: Token, article: Article) -> str | None:
    """The actor a noun and its own left modifiers name: "Armenian towns" -> Armenia, but not
    "towns near the border with Azerbaijan" (the border is not the target)."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return actor_of_token(tok, article)
    words = [c for c in tok.children if c.i < tok.i and c.dep_ in ("amod", "compound", "poss", "nmod")]
    return actor_of_text(" ".join(t.text for t in [*words, tok]))


def _describe(tok: Token, target_tok: Token | None) -> str:
    """'fire on Russian military outpost': the attack as a short canonical phrase."""
    words = [tok.lemma_.lower()]
    if target_tok is not None:
        if target_tok.head is not tok and target_tok.head.dep_ == "prep":
            words.append(target_tok.head.lower_)
        words += [t.lower_ for t in _phrase(target_tok) if t.pos_ not in ("DET", "PUNCT") and t.dep_ != "prep" and t.i <= target_tok.i]
    return " ".join(words)


def attack_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """Who attacked whom, with what and where; denied attacks as an asserted and a denied claim.

    Within a sentence an attack with a known target stands for the same attacker's untargeted ones.
    """
    found = list(_attack_claims(sent, article))
    targeted = {c.value for c in found if c.attrs.get("target") and c.value not in ("asserted", "denied")}
    for c in found:
        if c.attrs.get("target") is None and c.value in targeted:
            continue
        yield c


def _attack_claims(sent: Span, article: Article) -> Iterator[Claim]:
    lex = _lex()["attack"]
    skip = _ceasefire_tokens(sent)
    text_lower = text_of(sent).lower()
    if any(p in text_lower for p in lex["not_attacks"]):
        skip.update(t.i for t in tokens_of(sent) if t.lower_ == "attack" and text_lower.count("attack") == 1)
    arms: list[str] | None = None  # weapons and places only once the sentence has an attack
    places: list[str] = []
    seen: set[tuple] = set()
    for tok in tokens_of(sent):
        if tok.i in skip:
            continue
        lemma = tok.lemma_.lower()
        is_verb = tok.pos_ == "VERB" and (lemma in lex["verbs"] or _open_fire(tok))
        is_noun = tok.pos_ == "NOUN" and lemma in lex["nouns"]
        if not (is_verb or is_noun) or _negated(tok):
            continue
        attacker, target, target_tok = _attack_parts(tok, article)
        if attacker is None and target is None:
            continue
        if attacker is not None and attacker == target:
            continue
        if arms is None:
            arms = weapons(sent)
            places = [p.name for p in sentence_places(sent)]
        owned = _claim_owner(tok, article)
        attrs = {"attacker": attacker, "target": target, "weapons": arms, "places": places}
        span = (tok.idx, tok.idx + len(tok.text))
        if owned is not None and owned[2] is not None and owned[1]:
            described = _describe(tok, target_tok)
            asserted = Speaker(owned[1], owned[1], ClaimantRole.speaker)
            for who, value in ((asserted, "asserted"), (owned[2], "denied")):
                if not who.actor:
                    continue
                yield make_claim(
                    article, sent, Field.actors, "attack", span=span, id_extra=f"{who.actor}|{value}",
                    subject=described, value=value, claimant=who.actor, claimant_text=who.text,
                    claimant_role=who.role, attrs=attrs | {"attack": described} | who.attrs(),
                )
            continue
        key = (attacker, target)
        if key in seen:
            continue
        seen.add(key)
        who = speaker(sent, tok, article)
        yield make_claim(
            article, sent, Field.actors, "attack", span=span, id_extra=f"{attacker}>{target}",
            subject=f"attack on {target}" if target else "attack", value=attacker,
            claimant=who.actor, claimant_text=who.text, claimant_role=who.role, attrs=attrs | who.attrs(),
        )


# --------------------------------------------------------------------------- ceasefires


def _ceasefire_status(sent: Span, anchor: Token) -> str:
    """failed, violated or agreed from the sentence's words; "proposed" when it is only called for."""
    lex = _lex()["ceasefire"]
    lemmas = {t.lemma_.lower() for t in sent}
    for status in ("failed", "violated", "agreed"):
        if lemmas & set(lex[status]):
            return status
    return "proposed" if any(t.lemma_.lower() in lex["proposed"] for t in [anchor, *anchor.ancestors]) else "agreed"


def _broker(sent: Span, article: Article) -> str | None:
    """Who brokered it: subject of 'broker'/'negotiate', owner of 'Russia's attempt to broker', 'Russia-brokered'."""
    lex = _lex()["ceasefire"]
    for tok in tokens_of(sent):
        lemma = tok.lemma_.lower()
        if tok.i - 2 >= sent.start and (lemma.endswith("brokered") or (lemma in lex["broker_verbs"] and tok.nbor(-1).text == "-")):
            prev = tok.nbor(-2) if tok.nbor(-1).text == "-" else tok.nbor(-1)
            actor = actor_of_token(prev, article) if prev.i >= sent.start else None
            if actor:
                return actor
        if lemma in lex["broker_verbs"] and tok.pos_ == "VERB":
            agent = _agent(tok, article)
            if agent:
                return agent
            subj = _subject(tok)
            if subj is not None:
                actor = actor_of_phrase(_phrase(subj), article)
                if actor:
                    return actor
            up = tok.head
            if tok.dep_ in ("acl", "xcomp") and up.lemma_.lower() in lex["broker_nouns"]:
                actor = _modifier_actor(up, article)
                if actor:
                    return actor
    return None


def ceasefire_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """A ceasefire mentioned with its status (agreed, violated, failed), broker and time words."""
    m = re.search(_lex()["ceasefire"]["pattern"], text_of(sent), re.I)
    if m is None:
        return
    anchor = next((t for t in tokens_of(sent) if t.idx >= sent.start_char + m.start()), sent.root)
    status = _ceasefire_status(sent, anchor)
    broker = _broker(sent, article)
    who = speaker(sent, anchor, article)
    from clashrecon.extract.times import best_time

    when = best_time(text_of(sent))
    yield make_claim(
        article, sent, Field.actors, "ceasefire",
        span=(sent.start_char + m.start(), sent.start_char + m.end()),
        subject="ceasefire", value=status, claimant=who.actor, claimant_text=who.text, claimant_role=who.role,
        attrs={"broker": broker, "status": status, "time": when.ref.text if when else None, **who.attrs()},
    )


# --------------------------------------------------------------------------- contacts and protests


def _participants(sent: Span, article: Article) -> list[str]:
    """Every actor the sentence names, persons through their affiliation ("Pashinyan called Putin")."""
    out: list[str] = []
    covered: set[int] = set()
    for ent in span_entities(sent):
        if ent.label_ in ("GPE", "NORP", "ORG", "PERSON"):
            covered.update(range(ent.start, ent.end))
            actor = actor_of_phrase(ent, article)
            if actor and actor not in out:
                out.append(actor)
    for tok in tokens_of(sent):
        # a surname the model left untagged
        if tok.pos_ == "PROPN" and tok.i not in covered:
            actor = affiliation_of_name(tok.text, sent.doc)
            if actor and actor not in out:
                out.append(actor)
    return sorted(out)


def _contact_mode(sent: Span) -> tuple[str, Token] | None:
    lex = _lex()["contact"]
    for tok in tokens_of(sent):
        lemma = tok.lemma_.lower()
        preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
        if lemma == "call" and tok.pos_ == "VERB":
            # "called on Yerevan to stop", "called for restraint", "called Burhan a criminal"
            if preps & set(lex["statement"]["call_preps"]) or any(c.dep_ in ("xcomp", "oprd", "ccomp") for c in tok.children):
                return "statement", tok
            if any(c.dep_ == "dobj" and c.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") for c in tok.children):
                return "call", tok
            continue
        if lemma in ("speak", "talk") and tok.pos_ == "VERB":
            if any(t.lower_ in lex["call"]["markers"] for t in tok.subtree):
                return "call", tok
            if "with" in preps:
                return "meeting", tok
            continue
        if tok.pos_ == "NOUN" and lemma in lex["call"]["nouns"] and lemma != "phone":
            return "call", tok
        for mode in ("meeting", "appeal", "statement"):
            spec = lex[mode]
            if (tok.pos_ == "VERB" and lemma in spec["verbs"]) or (tok.pos_ == "NOUN" and lemma in spec["nouns"]):
                if mode == "appeal" and lemma != "appeal" and not any(t.lemma_.lower() in spec["objects"] for t in tok.subtree):
                    continue
                return mode, tok
    return None


def contact_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """Calls, meetings, statements and appeals between actors (subject: the mode; value: the participants)."""
    found = _contact_mode(sent)
    if found is None:
        return
    mode, tok = found
    people = _participants(sent, article)
    if not people:
        return
    who = speaker(sent, tok, article)
    yield make_claim(
        article, sent, Field.actors, "diplomatic_contact", span=(tok.idx, tok.idx + len(tok.text)),
        subject=mode, value=" & ".join(people), claimant=who.actor, claimant_text=who.text, claimant_role=who.role,
        attrs={"participants": people, "mode": mode, **who.attrs()},
    )


def protest_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """Protests: where (a place in the sentence or the building named) and against whom or what."""
    lex = _lex()["protest"]
    tok = next((t for t in tokens_of(sent) if (t.pos_ == "NOUN" and t.lemma_.lower() in lex["nouns"]) or (t.pos_ == "VERB" and t.lemma_.lower() in lex["verbs"])), None)
    if tok is None:
        return
    places = sentence_places(sent)
    where = places[0].name if places else None
    against = None
    for t in tokens_of(sent):
        if t.lemma_.lower() in ("accuse", "against", "demand"):
            obj = next((c for c in t.children if c.dep_ in ("dobj", "pobj")), None)
            if obj is not None:
                # A person protested against stays that person, not their country.
                named = obj.doc[obj.left_edge.i : obj.i + 1].text
                against = named if obj.ent_type_ == "PERSON" else actor_of_token(obj, article) or named
                break
    if where is None:
        target = next((t for t in tokens_of(sent) if t.dep_ == "pobj" and t.head.lower_ in ("on", "outside", "at", "in")), None)
        where = _phrase(target).text if target is not None else None
    who = speaker(sent, tok, article)
    yield make_claim(
        article, sent, Field.actors, "protest", span=(tok.idx, tok.idx + len(tok.text)),
        subject="protest", value=where or "protest", claimant=who.actor, claimant_text=who.text, claimant_role=who.role,
        attrs={"where": where, "against": against, **who.attrs()},
    )


def event_claims(doc: Doc, article: Article) -> Iterator[Claim]:
    """Every event claim of an article's body and headline, sentence by sentence."""
    for sent in claim_sentences(doc, article):
        yield from blame_claims(sent, article)
        yield from attack_claims(sent, article)
        yield from ceasefire_claims(sent, article)
        yield from contact_claims(sent, article)
        yield from protest_claims(sent, article)
