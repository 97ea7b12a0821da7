"""Attack claims: who attacked whom, with what weapons and where."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from clashrecon.extract.actors import actor_of_text, actor_of_token
from clashrecon.extract.common import claim_sentences, make_claim, text_of, tokens_of
from clashrecon.extract.events.denials import claim_owner
from clashrecon.extract.events.parties import agent_actor, modifier_actor
from clashrecon.extract.events.speakers import Speaker, speaker
from clashrecon.extract.events.words import event_words
from clashrecon.extract.places import sentence_places
from clashrecon.extract.syntax import is_negated, subject_of, subtree_span
from clashrecon.models import Article, Claim, ClaimantRole, Field


def opens_fire(tok: Token) -> bool:
    """'opened fire': an attack verb made of two words."""
    objects = event_words()["attack"]["phrasal"].get(tok.lemma_.lower())
    return bool(objects) and tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in tok.children)


def _ceasefire_tokens(sent: Span) -> set[int]:
    out: set[int] = set()
    for m in re.finditer(event_words()["ceasefire"]["pattern"], text_of(sent), re.I):
        s, e = sent.start_char + m.start(), sent.start_char + m.end()
        out.update(t.i for t in tokens_of(sent) if s <= t.idx < e)
    return out


def weapons(sent: Span) -> list[str]:
    """Weapon kinds a sentence names, from data/events.json."""
    text = text_of(sent).lower()
    found = []
    for kind, words in event_words()["weapons"].items():
        if any(re.search(rf"\b{re.escape(w)}s?\b", text) for w in words):
            found.append(kind)
    return found


def _attack_parts(tok: Token, article: Article) -> tuple[str | None, str | None, Token | None]:
    """Attacker, target actor and the target's head word for an attack verb or noun."""
    lex = event_words()["attack"]
    attacker = target = None
    target_tok = None
    if tok.pos_ == "VERB":
        subj = subject_of(tok)
        if subj is not None and subj.dep_ == "nsubj":
            attacker = actor_of_token(subj, article)
        elif tok.dep_ in ("advcl", "acl", "relcl") and tok.head.pos_ == "NOUN":
            attacker = actor_of_token(tok.head, article)
        attacker = attacker or agent_actor(tok, article)
        for child in tok.children:
            if child.dep_ == "dobj":
                target_tok = child
            elif child.dep_ == "prep" and child.lower_ in lex["target_preps"] and target_tok is None:
                target_tok = _place_object(child)
        if subj is not None and subj.dep_ == "nsubjpass" and target_tok is None:
            target_tok = subj
    else:
        attacker = agent_actor(tok, article) or modifier_actor(tok, article)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in lex["source_preps"] and attacker is None:
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                attacker = actor_of_token(obj, article) if obj is not None else None
            elif child.dep_ == "prep" and (child.lower_ in lex["target_preps"] or child.lower_ == "of"):
                # a noun's "of" names what was hit: "the invasion of Ukraine", "the shelling of Kharkiv"
                target_tok = _place_object(child) or target_tok
        if attacker is None and tok.head.pos_ == "VERB":
            # "Azerbaijani forces unleashing an artillery barrage"
            subj = subject_of(tok.head)
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
        words += [t.lower_ for t in subtree_span(target_tok) if t.pos_ not in ("DET", "PUNCT") and t.dep_ != "prep" and t.i <= target_tok.i]
    return " ".join(words)


def attack_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """Who attacked whom, with what and where; denied attacks as an asserted and a denied claim.

    Within a sentence an attack with a known target stands for the same attacker's untargeted ones.
    """
    found = list(_attack_claims(sent, article))
    targeted = {c.value for c in found if c.attrs.target and c.value not in ("asserted", "denied")}
    for c in found:
        if c.attrs.target is None and c.value in targeted:
            continue
        yield c


def _attack_claims(sent: Span, article: Article) -> Iterator[Claim]:
    lex = event_words()["attack"]
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
        is_verb = tok.pos_ == "VERB" and (lemma in lex["verbs"] or opens_fire(tok))
        is_noun = tok.pos_ == "NOUN" and lemma in lex["nouns"]
        if not (is_verb or is_noun) or is_negated(tok):
            continue
        attacker, target, target_tok = _attack_parts(tok, article)
        if attacker is None and target is None:
            continue
        if attacker is not None and attacker == target:
            continue
        if arms is None:
            arms = weapons(sent)
            places = [p.name for p in sentence_places(sent)]
        owned = claim_owner(tok, article)
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


def attacker_before(sent: Span, article: Article) -> str | None:
    """The attacker the claim sentence just before names: who 'the operation' or an agentless
    'civilians are being targeted' is about ("Baku launched an operation. Yerevan called it
    aggression")."""
    before = [s for s in claim_sentences(sent.doc, article) if s.end <= sent.start]
    if not before:
        return None
    found = [c.value for c in attack_claims(before[-1], article) if c.value not in (None, "asserted", "denied")]
    return found[0] if found else None
