"""The scope of a count: a sub-group, a running total since a moment, the speaker's own region, an increment."""

from __future__ import annotations


from spacy.tokens import Doc, Span, Token

from clashrecon.extract.actors import country_of_place, locality_of
from clashrecon.extract.attribution import Attribution
from clashrecon.extract.casualties.kinds import Kind
from clashrecon.extract.casualties.mentions import Mention, anchor_of
from clashrecon.extract.casualties.vocab import demonym_plural, kind_noun
from clashrecon.extract.casualties.words import casualty_words
from clashrecon.extract.syntax import previous_sentences, subtree_span
from clashrecon.extract.times import best_time
from clashrecon.models import Scope, ScopeKind, TimeRef


def _since(phrase: str) -> TimeRef:
    """The moment a running total counts from ("since fighting erupted early on Tuesday"), as the
    one time-expression parser reads it; the whole phrase stays its text."""
    found = best_time(phrase)
    parts = found.ref.model_copy(update={"text": phrase, "since": True}) if found else None
    return parts or TimeRef(text=phrase, since=True)


def cumulative(kind: Kind) -> Scope | None:
    """'... have died since hostilities reignited', 'killed since the war began'."""
    verb = kind.token
    doc = verb.doc
    coordinated = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    # a trailing participle ("..., killing 1,200") is often hung on the wrong clause
    governing = [] if verb.tag_ == "VBG" and verb.dep_ == "advcl" else list(verb.ancestors)[:1]
    for tok in [verb, *coordinated, *governing]:
        for child in tok.children:
            since = child if child.lower_ == "since" else next((g for g in child.children if g.lower_ == "since" and g.dep_ == "mark"), None)
            if since is not None and any(t.tag_ == "JJS" for t in doc[min(verb.i, since.i) : since.i]):
                continue  # "the deadliest attack since 2021" dates the comparison, not the count
            if child.lower_ == "since" and child.dep_ in ("prep", "mark"):
                phrase = doc[child.i : child.head.right_edge.i + 1] if child.dep_ == "mark" else doc[child.i : child.right_edge.i + 1]
                return Scope(kind=ScopeKind.cumulative, since=_since(phrase.text), text=phrase.text)
            if child.dep_ == "advcl" and any(g.lower_ == "since" and g.dep_ == "mark" for g in child.children):
                phrase = subtree_span(child)
                return Scope(kind=ScopeKind.cumulative, since=_since(phrase.text), text=phrase.text)
    return None


def place_scope(noun: Token | None, kind: Kind, who: Attribution, sent: Span) -> Scope | None:
    """'four Armenian troops in his region': the speaker's own region."""
    lex = casualty_words()
    for head in (noun, kind.token):
        if head is None:
            continue
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from"):
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in lex.place_nouns:
                    if any(c.lower_ in casualty_words().possessives for c in pobj.children):
                        text = sent.doc[prep.i : pobj.right_edge.i + 1].text
                        return Scope(kind=ScopeKind.place, place=_speaker_place(who, sent) or text, text=text)
    return None


def locality_scope(doc: Doc, m: Mention, noun: Token | None, after_count: bool, previous: Scope | None = None) -> Scope | None:
    """A count in one district, town or city of a country (data/places.json country_places)
    that breaks down a count before it in the sentence: "The toll rose to eight: four dead in
    Petah Tikva, three in Haifa". A count in a region that is a whole side of the front ("28
    killed in Jammu and Kashmir") is no part, and neither is a town's count told alone, which
    may be the whole story's ("2,900 killed in Goma")."""
    after = noun.i + 1 if noun is not None and noun.i == m.end else m.end  # "five dead in Bat Yam"
    if not after_count or after + 1 >= len(doc) or doc[after].lower_ != "in" or doc[after].dep_ != "prep":
        return None
    pobj = next((c for c in doc[after].children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.pos_ != "PROPN":
        return None
    name = doc[pobj.left_edge.i : pobj.i + 1].text
    place = locality_of(name)
    if place is None and previous is not None and previous.kind is ScopeKind.place and country_of_place(name) is None:
        place = name  # "three in Haifa and one in Tamra": the next town of the breakdown, known or not
    return Scope(kind=ScopeKind.place, place=place, text=doc[after : pobj.i + 1].text) if place else None


def _speaker_place(who: Attribution, sent: Span) -> str | None:
    """The place an official speaks for: 'the governor of Gegharkunik province' -> Gegharkunik.

    Looks in the sentence, then back through the previous sentences (data/casualties.json
    speaker_place_lookback).
    """
    lex = casualty_words()
    candidates = [sent, *previous_sentences(sent, lex.speaker_place_lookback)]
    for span in candidates:
        for tok in span:
            if tok.lemma_.lower() in lex.place_titles:
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                        if pobj is None:
                            continue
                        names = [t.text for t in pobj.subtree if t.pos_ == "PROPN"]
                        if names:
                            return " ".join(names)
    return None


def inside_since(tok: Token, verb: Token) -> bool:
    """Whether `tok` sits in the "since ..." clause of `verb` ("since Oct. 7, when militants
    attacked, killing 1,200": that 1,200 is its own event, not part of the running count)."""
    for child in verb.children:
        mark = child.lower_ == "since" or any(g.lower_ == "since" for g in child.children)
        if mark and tok in child.subtree:
            return True
    return False


def after_group_marker(doc: Doc, start: int) -> bool:
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    return before[-1:] == ["including"] or " ".join(before) in casualty_words().group_markers


def partitive_group(doc: Doc, m: Mention, noun: Token | None) -> Scope | None:
    """'eight of the dead were children', 'four of them seriously': a sub-group of the victims."""
    if m.end + 1 < len(doc) and doc[m.end].lower_ == "of" and doc[m.end + 1].lower_ in ("them", "whom"):
        return Scope(kind=ScopeKind.group, text=doc[m.start : m.end + 2].text)
    if noun is None or not (kind_noun(noun) or noun.lower_ == "those") or m.end >= len(doc) or doc[m.end].lower_ != "of":
        return None
    anchor = anchor_of(doc, m)
    verb = anchor.head if anchor.dep_ != "pobj" else anchor.head.head
    if verb.lemma_.lower() in casualty_words().share_verbs:
        # "women and children made up more than 80 of the wounded": the subject is the group
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            group = " ".join(t.text for t in subject.subtree).lower()
            return Scope(kind=ScopeKind.group, group=group, text=doc[min(subject.left_edge.i, m.start) : m.end + 2].text)
    if anchor.head.lemma_.lower() != "be":
        return None
    attr = next((c for c in anchor.head.children if c.dep_ in ("attr", "acomp")), None)
    if attr is None:
        return None
    return Scope(kind=ScopeKind.group, group=attr.text.lower(), text=doc[m.start : attr.i + 1].text)


def _whole_or_side(marker: Token, noun: Token | None) -> bool:
    """Whether a group marker on the path does not make the count a sub-group: the count is the
    marker's own object ("Eleven children were among the 30 people killed": the 30 are the
    whole), or a side's people among victims no number counts ("One Uruguayan was among the
    dead": all the Uruguayan dead this sentence knows of, not a part of a figure)."""
    if marker.lower_ not in casualty_words().whole_set_markers or noun is None:
        return False
    if noun.head.i == marker.i and noun.dep_ == "pobj":
        return True
    whole = [c for c in marker.children if c.dep_ == "pobj"]
    side = noun.ent_type_ == "NORP" or demonym_plural(noun) is not None
    return side and bool(whole) and not any(c.dep_ == "nummod" or c.like_num for w in whole for c in w.subtree)


def group_scope(path: list[Token], noun: Token | None, start: int | None = None) -> Scope | None:
    lex = casualty_words()
    for tok in path:
        if _whole_or_side(tok, noun):
            continue
        if tok.lower_ in lex.group_markers and tok.dep_ in ("prep", "amod", "advcl", "acl", "conj"):
            group = noun.text.lower() if noun is not None else None
            return Scope(kind=ScopeKind.group, group=group, text=tok.text)
        if tok.dep_ == "prep" and tok.lower_ in lex.group_markers:
            return Scope(kind=ScopeKind.group, group=noun.text.lower() if noun is not None else None, text=tok.text)
        at = noun.i if noun is not None else start
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.group_markers and any(c.dep_ == "nsubj" for c in tok.children) and at is not None and at > tok.i:
            # "The dead include 240 civilians, 151 army personnel and 204 not yet identified":
            # what the dead include are parts of them, not rival tolls
            return Scope(kind=ScopeKind.group, group=noun.text.lower() if noun is not None else None, text=tok.text)
    if start is not None:
        doc = path[0].doc
        # "..., including 13 civilians", "..., among them eight children", "of whom 5 were"
        before = [t.lower_ for t in doc[max(0, start - 2) : start]]
        if before[-1:] == ["including"] or " ".join(before) in lex.group_markers:
            return Scope(kind=ScopeKind.group, group=noun.text.lower() if noun is not None else None, text=" ".join(before))
    if noun is not None:
        for prep in noun.children:
            # "killed 26 civilians, five children among them": the marker after the victims, on a pronoun for the whole
            if prep.dep_ == "prep" and prep.lower_ in lex.group_markers and any(p.lower_ in lex.back_pronouns for p in prep.children):
                return Scope(kind=ScopeKind.group, group=noun.text.lower(), text=prep.text)
        for tok in noun.doc[max(noun.sent.start, noun.i - lex.group_marker_lookback) : noun.i]:
            if tok.lower_ in lex.group_markers and tok.dep_ == "prep" and noun in tok.subtree and not _whole_or_side(tok, noun):
                return Scope(kind=ScopeKind.group, group=noun.text.lower(), text=tok.text)
    return None
