"""Casualty claims of an article, sentence by sentence: counted phrases tied to a kind, victims, claimant and scope."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from clashrecon.extract.actors import actor_of_phrase, fights_the_state
from clashrecon.extract.attribution import Attribution, attribute
from clashrecon.extract.casualties.filters import is_measure, is_part_of_another_count
from clashrecon.extract.casualties.guards import accidental, denied, no_numbers_phrase, no_toll, not_violent, pictured, reports_negated
from clashrecon.extract.casualties.kinds import (
    Kind,
    back_reference,
    breakdown_continues,
    context_kind,
    earlier_figure,
    find_kind,
    headline_kind,
    title_cased,
)
from clashrecon.extract.casualties.mentions import Mention, anchor_of, scan, single_victim
from clashrecon.extract.casualties.party import (
    attackers_side,
    killer_side,
    location_country,
    mixed_sides,
    names_both_sides,
    number_place,
    origin_party,
    party_from_context,
    victim_party,
)
from clashrecon.extract.casualties.scope import after_group_marker, cumulative, group_scope, inside_since, locality_scope, partitive_group, place_scope
from clashrecon.extract.casualties.unquantified import unquantified_kind_nouns, unquantified_victims
from clashrecon.extract.casualties.victims import counted_noun, described_victims, every_one_was, victim_group_of
from clashrecon.extract.casualties.vocab import kind_noun, victim_group
from clashrecon.extract.casualties.wars import carried_background, sentence_background, war_background
from clashrecon.extract.casualties.words import casualty_words
from clashrecon.extract.common import claim_sentences, make_claim, text_of, tokens_of
from clashrecon.extract.sentences import sentence_pieces
from clashrecon.lexicon import actor_lexicon
from clashrecon.extract.syntax import has_negation
from clashrecon.models import BOTH, Article, Claim, Field, Qualifier, Quantity, Scope, ScopeKind, SegmentType, TimeRef, VictimGroup


def casualty_claims(doc: Doc, article: Article) -> Iterator[Claim]:
    """One claim per counted casualty phrase in the body and headline of `article`.

    Does not yield claims for sentences it cannot tie a casualty word to, so a count of
    deployed troops, protesters, districts or years never becomes a claim.
    """
    carry: tuple[str, int] | None = None
    referent: Claim | None = None
    earlier: list[str] = []  # the kinds of the article's claims so far, which "the victims" refer back to
    last: list[str] = []  # those of the sentence before, which "N more" follows
    for sent in _sentences(doc, article):
        headline = article.segment_at(sent.start_char) is SegmentType.headline
        claims = _sentence_claims(doc, sent, article, headline, carry, referent, earlier, last)
        last = [str(c.kind) for c in claims]
        earlier += last
        yield from claims
        # an earlier war named in this sentence frames "the fighting" in the next one only
        carry = sentence_background(sent)
        referent = _referent(claims)


def _referent(claims: list[Claim]) -> Claim | None:
    """The claim whose victims the next sentence's "them" means: the sentence's last, when all
    its claims are of one kind ("30 were killed and 100 injured. Four of them ..." is ambiguous)."""
    counted = [c for c in claims if c.quantity.qualifier is not Qualifier.unspecified and c.quantity.high != 0]
    return counted[-1] if counted and len({c.kind for c in claims}) == 1 else None


_SENTENCE_END = frozenset({".", "!", "?", "…", ":", ";", "”", '"', "’", "'", ")"})


def _sentences(doc: Doc, article: Article) -> Iterator[Span]:
    """Claim sentences, cut at every line break, and glued back where the splitter cut a
    line without any punctuation ("Fifteen | Thais have been killed ...")."""
    pending: Span | None = None
    for parsed in claim_sentences(doc, article):
        for piece in _lines_of(parsed):
            if pending is not None and pending.end == piece.start and pending[-1].text not in _SENTENCE_END and "\n" not in pending[-1].whitespace_:
                pending = doc[pending.start : piece.end]
                continue
            if pending is not None:
                yield pending
            pending = piece
    if pending is not None:
        yield pending


def _lines_of(sent: Span) -> Iterator[Span]:
    """The parser sometimes runs a headline or a short paragraph into the next one; a line
    break always ends a sentence in stored articles, so split where `sentence_pieces` does."""
    doc = sent.doc
    toks = tokens_of(sent)
    base = sent.start_char
    k = 0
    for _, piece_end in sentence_pieces(text_of(sent)):
        first = k
        while k < len(toks) and toks[k].idx < base + piece_end:
            k += 1
        end = k
        while end > first and toks[end - 1].is_space and "\n" in toks[end - 1].text:
            end -= 1  # the line break itself belongs to no sentence
        if any(not t.is_space for t in toks[first:end]):
            yield doc[toks[first].i : toks[end - 1].i + 1]


class _Previous(NamedTuple):
    """The claim before in the same sentence: "... and another 43 were wounded" borrows from it."""

    party: str | None
    group: VictimGroup | None
    kind: str
    scope: Scope | None
    token: Token
    claimant: str | None = None


def _sentence_claims(
    doc: Doc,
    sent: Span,
    article: Article,
    headline: bool,
    carry: tuple[str, int] | None,
    referent: Claim | None,
    earlier: list[str],
    last: list[str],
) -> list[Claim]:
    out: list[Claim] = []
    previous: _Previous | None = None
    taken: set[int] = set()
    groups_on: dict[int, set[VictimGroup | None]] = {}  # the groups each casualty word has counted so far
    for m in scan(sent):
        found = _kind_of_mention(doc, sent, m, previous, headline, referent)
        if found is None:
            continue
        noun, anchor, kind = found
        kind = _of_the_count_before(doc, m, kind, previous) or context_kind(kind, sent, earlier)
        taken.update(range(m.start, m.end))
        if noun is not None:
            taken.add(noun.i)
        taken.add(kind.token.i)
        who = attribute(sent, kind.token, article, headline=headline)
        them = _them_named_before(doc, sent, m) if noun is None and previous is None and kind.referent is None else None
        party, group = _victims(doc, sent, article, m, noun or them, kind, who, previous)
        if kind.referent is not None:
            # "Four of them are children": a part of the victims the sentence before counted
            party = party or kind.referent.victim_party
            group = group or kind.referent.victim_group
        kind_before = previous.kind if previous is not None else (last[-1] if last else None)
        scope, event_time = _scope(doc, sent, article, m, noun, anchor, kind, who, carry, previous, kind_before)
        if them is not None and scope is not None and scope.kind is ScopeKind.group:
            scope = None  # all of the fighters named before, not a part of some other count
        if scope is not None and scope.kind is ScopeKind.group and party is None and previous is not None:
            party = previous.party  # "13 of its people ..., including eight civilians": the same side's
        values = dict(
            quantity=m.quantity,
            victim_party=party,
            victim_group=group or VictimGroup.people,
            scope=scope or Scope(),
            claimant=who.claimant,
            claimant_text=who.text,
            claimant_role=who.role,
        )
        if event_time is not None:
            values["event_time"] = event_time
        killer = killer_side(kind) if party is None else None
        if killer is not None:
            values["attrs"] = {"killer": killer}
        start_char = doc[m.start].idx
        end_char = doc[m.end - 1].idx + len(doc[m.end - 1].text)
        out.append(make_claim(article, sent, Field.casualties, kind.kind, span=(start_char, end_char), **values))
        # "three more SANDF members were killed, and one soldier ... succumbed, bringing the total
        # to 13": a count with no side of its own passes on the side the sentence gave before it
        carried = party or (previous.party if previous is not None and previous.claimant == who.claimant else None)
        # "9 dead (8 civilians and one soldier) and 31 wounded": a word that counted several
        # groups hands none of them on
        groups_on.setdefault(kind.token.i, set()).add(group)
        previous = _Previous(carried, group if len(groups_on[kind.token.i]) == 1 else None, kind.kind, scope, kind.token, who.claimant)
    out += _unquantified_claims(sent, article, headline, taken)
    return out


def _kind_of_mention(
    doc: Doc, sent: Span, m: Mention, previous: _Previous | None, headline: bool, referent: Claim | None
) -> tuple[Token | None, Token, Kind] | None:
    """(counted noun, anchor, kind) when the counted phrase counts casualties, else None."""
    if is_measure(doc, m) or is_part_of_another_count(doc, m) or ("from" in m.flags and not earlier_figure(doc, m)) or reports_negated(m, doc):
        return None
    noun, is_people = (single_victim(doc[m.start]), True) if "single" in m.flags else counted_noun(doc, m, sent.end)
    if not is_people:
        return None
    if "zero" in m.flags and noun is None and doc[m.start].lower_ == "no" and m.end - m.start == 1:
        return None  # "no" before something that is not a victim or casualty word
    anchor = anchor_of(doc, m)
    kind = find_kind(doc, m, anchor, noun)
    if kind is None and previous is not None and previous.scope is not None and previous.scope.kind is ScopeKind.group:
        kind = breakdown_continues(anchor, previous.kind, previous.token)
    if kind is None and previous is not None and after_group_marker(doc, m.start):
        kind = Kind(previous.kind, previous.token, [anchor])  # "killed 32, including 11 members of one family"
    if kind is None and headline and title_cased(sent):
        kind = headline_kind(doc, m, noun)
    if kind is None and previous is None and referent is not None:
        pronoun = back_reference(doc, m, noun)
        if pronoun is not None:
            victim = noun or anchor
            kind = Kind(referent.kind, pronoun, [victim, victim.head, pronoun.head, pronoun], referent=referent)
    if kind is None or denied(kind) or not_violent(kind) or accidental(kind) or no_toll(m, kind):
        return None
    if pictured(noun, kind, sent[-1].text in _SENTENCE_END):
        return None
    if noun is not None and noun.tag_ == "PRP" and (previous is not None or not _in_clause_of(noun, kind.token)):
        # "He was shot dead after saying that he was from ...": the second "he" is no victim;
        # "A soldier died after he was wounded": "he" is the one already counted
        return None
    if has_negation(kind.token) and "zero" not in m.flags:
        return None
    return noun, anchor, kind


def _in_clause_of(pronoun: Token, word: Token) -> bool:
    """Whether a casualty word is the pronoun's own verb, or its complement there ("she is
    missing", "he was among the dead"): a pronoun is everywhere, so a word in a clause above
    never counts it."""
    verb = pronoun.head
    return any(t.i == verb.i for t in (word, word.head, word.head.head))


def _victims(
    doc: Doc, sent: Span, article: Article, m: Mention, noun: Token | None, kind: Kind, who: Attribution, previous: _Previous | None
) -> tuple[str | None, VictimGroup | None]:
    """The victims' party and group, from the phrase, the claim before it, the place or the context."""
    # "the number of South African troops killed ... to 14": the troops the participle describes
    victims = noun or described_victims(kind)
    named = (_named_count(doc, m, article) or origin_party(anchor_of(doc, m))) if noun is None else None
    group = every_one_was(doc, m, noun) or victim_group_of(victims, kind)
    if group is None and named is not None and actor_lexicon().kind_of(named) == "group":
        group = VictimGroup.military  # "40 Taliban killed": an armed group's people are its fighters
    if mixed_sides(victims or (_named_head(doc, m) if noun is None else None)):
        return None, group  # "five Wagner fighters and Malian soldiers": two sides' people, no one side
    party = (number_place(doc[m.start : m.end]) if noun is None else None) or named or victim_party(victims, kind, who, sent, article)
    if party == BOTH and group is VictimGroup.civilians and not names_both_sides(sent.text):
        # "the toll from the fighting in Spin Boldak rose to 40, all of them civilians": a
        # fighting kills both sides' soldiers, but civilians die where they live; the place decides
        party = None
    if kind.loser is not None and victim_group(kind.loser) is None:
        # "it had lost six men in the fighting": the losing actor's, or unknown, never a place's
        # or both sides'; "villagers lost 12 people" leave the side to the place as other counts do
        return party, group
    if previous is not None and (noun is None or noun.lower_ == "others"):
        # "four Armenian troops in his region were killed and another 43 were wounded"; not
        # from another speaker's count ("X said 21 were killed on its side; Y puts its dead at 36")
        if previous.claimant == who.claimant:
            party = party or previous.party
        described = noun is None and (
            any(c.dep_ == "relcl" for c in anchor_of(doc, m).children) or m.end < sent.end and doc[m.end].tag_ == "WP"
        )
        # nor "five soldiers were killed, taking the toll to 20": a toll counts everyone
        toll_of_all = noun is None and kind.token.lower_ in casualty_words().toll
        if (noun is None or previous.group in casualty_words().others_groups) and not described and not toll_of_all:
            # "two others": others of the same kind; not "and 204 who are still to be
            # identified", which its own clause describes
            group = previous.group or group
    toll = _toll_over(anchor_of(doc, m)) if party is None and (noun is None or kind_noun(noun)) else None
    if toll is not None:
        # "the ministry kept to its toll of 64 dead and over 290 injured": whose the toll is
        party = victim_party(None, Kind(kind.kind, toll, [toll]), who, sent, article)
    if party is None and noun is not None and m.end <= noun.i:
        # "14 rebel fighters" after the article named the rebels: whose fighters; not "30 other
        # troops", which are not the troops named before
        words = doc[m.end : noun.i + 1]
        if not any(t.lower_ in casualty_words().possessives or t.lower_ in casualty_words().other_words for t in words):
            party = actor_of_phrase(words, article)
    if party is None:
        party = attackers_side(noun)
    if party is None and group is not VictimGroup.military and noun is not None:
        party = location_country(sent, who, kind, article)
    if party is None:
        party = party_from_context(noun, kind, who, group)
    if party is None and noun is None and group is not VictimGroup.military:
        party = location_country(sent, who, kind, article)  # "Shelling of Congo displacement camp kills 17"
    if noun is not None and fights_the_state(noun) and actor_lexicon().kind_of(party or "") == "country":
        return None, group  # "some 20 rebels" after "Sudan's northern rebels": rebels fight the state they are in
    return party, group


def _toll_over(anchor: Token) -> Token | None:
    """The toll noun a bare count is the 'of' figure of ('its toll of 78 dead and over 320 injured'),
    past the counts it is joined to."""
    tok = anchor
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() not in casualty_words().toll:
        return None
    return prep.head


def _named_count(doc: Doc, m: Mention, article: Article) -> str | None:
    """The actor a number counts when it modifies a name ('killed more than 200 “Taliban and
    affiliated terrorists”', '40 Taliban killed'): that actor's people, never the side of the
    count before it in the sentence ("it lost 17 troops and killed more than 150 Taliban")."""
    head = _named_head(doc, m)
    if head is None:
        return None
    return actor_of_phrase(doc[m.end : head.i + 1] if head.i >= m.end else doc[head.i : head.i + 1], article)


def _named_head(doc: Doc, m: Mention) -> Token | None:
    """The name a number modifies ('40 Taliban killed'), if it modifies one; or the country
    printed just before it in a list of tolls ('Iran reports 224 killed, Israel 14')."""
    anchor = anchor_of(doc, m)
    head = anchor.head
    if anchor.dep_ != "nummod" or head.pos_ != "PROPN":
        return None
    if head.i < m.end and not (head.i == m.start - 1 and head.ent_type_ == "GPE" and doc[m.start - 2 : m.start - 1].text in (",", ";")):
        return None
    return head


def _inherited_scope(noun: Token | None, kind: Kind, previous: _Previous | None) -> Scope | None:
    """The scope the claim before lends this one: its place, or its running total."""
    if previous is None or previous.scope is None:
        return None
    if (noun is None or noun.lower_ == "others") and previous.scope.kind is ScopeKind.place:
        return previous.scope
    if previous.scope.kind is ScopeKind.cumulative and previous.kind == kind.kind and not inside_since(kind.token, previous.token):
        # "105 ... killed since fighting erupted, while Azerbaijan said it lost 50 troops"
        return previous.scope
    return None


def _scope(
    doc: Doc,
    sent: Span,
    article: Article,
    m: Mention,
    noun: Token | None,
    anchor: Token,
    kind: Kind,
    who: Attribution,
    carry: tuple[str, int] | None,
    previous: _Previous | None,
    kind_before: str | None,
) -> tuple[Scope | None, TimeRef | None]:
    """What the count covers, and the year of the earlier war it belongs to, if any;
    `kind_before` is the kind of the claim just before, in this sentence or the one before."""
    scope = None
    event_time = None
    background = war_background(kind, anchor, article) or carried_background(sent, article, carry, kind)
    if background is not None:
        scope = Scope(kind=ScopeKind.background, event=background[0], text=background[0])
        event_time = TimeRef(year=background[1], text=str(background[1]))
    if kind.subgroup and scope is None:
        scope = Scope(kind=ScopeKind.group, group=kind.subgroup, text=doc[m.start : kind.path[-1].i + 1].text)
    scope = (
        scope
        or partitive_group(doc, m, noun)
        # "killed over 220 people since Friday, including 70 women and children": the 70 are a
        # part of the running total, not a running total of their own
        or (group_scope(kind.path, noun, m.start) if after_group_marker(doc, m.start) else None)
        or cumulative(kind)
        or place_scope(noun, kind, who, sent)
        or locality_scope(doc, m, noun, previous is not None, previous.scope if previous is not None else None)
        or _inherited_scope(noun, kind, previous)
        or group_scope(kind.path, noun, m.start)
    )
    # "40 were killed. Seventeen more were being treated": more people, not more of the wounded
    increment = m.increment and not (kind_before is not None and kind_before != kind.kind) or _steps_to_a_toll(kind)
    if scope is None and increment:
        scope = Scope(kind=ScopeKind.increment, text=doc[m.start : m.end + 1].text)
    return scope, event_time


def _of_the_count_before(doc: Doc, m: Mention, kind: Kind, previous: _Previous | None) -> Kind | None:
    """"N of them" right after another count of its sentence is a part of those victims, so it has
    their kind, whatever verb further back the parser hangs it on: "nine died and over 1,500 were
    hurt, around 150 of them badly" counts 150 of the hurt, not of the dead."""
    if previous is None or m.end + 1 >= m.limit or doc[m.end].lower_ != "of" or doc[m.end + 1].lower_ not in ("them", "whom"):
        return None
    if previous.kind == kind.kind or not kind.token.i < previous.token.i < m.start:
        return None
    return Kind(previous.kind, previous.token, [doc[m.start], previous.token])


def _them_named_before(doc: Doc, sent: Span, m: Mention) -> Token | None:
    """The people "N of them" counts when its sentence names them before it and counts nobody
    else: "Taliban fighters opened fire first, and 15 to 20 of them were killed"."""
    if m.end + 1 >= len(doc) or doc[m.end].lower_ != "of" or doc[m.end + 1].lower_ != "them":
        return None
    named = [t for t in doc[sent.start : m.start] if t.pos_ == "NOUN" and t.tag_ == "NNS" and victim_group(t) is not None]
    return named[-1] if named else None


def _steps_to_a_toll(kind: Kind) -> bool:
    """The count's verb carries a toll forward: "five soldiers were killed, taking the toll to 20"."""
    lex = casualty_words()
    verb = kind.token
    if verb.pos_ != "VERB":
        return False
    return any(
        step.dep_ == "advcl" and step.tag_ == "VBG" and step.lemma_.lower() in lex.toll_step_verbs
        and any(o.dep_ == "dobj" and (o.lemma_.lower() in lex.toll or o.lemma_.lower() in lex.count_of_nouns) for o in step.children)
        for step in verb.children
    )


def _unquantified_claims(sent: Span, article: Article, headline: bool, taken: set[int]) -> list[Claim]:
    """Claims for casualties no number counts, on tokens no counted claim took."""
    out: list[Claim] = []
    unquantified: list[tuple[Token, Kind, Token | None]] = []
    if no_numbers_phrase(sent):
        unquantified += [(tok, Kind(kind_noun(tok), tok, [tok]), None) for tok in unquantified_kind_nouns(sent, taken)]
    unquantified += unquantified_victims(sent, taken)
    for tok, kind, noun in unquantified:
        if not_violent(kind) or accidental(kind):
            continue  # "soldiers were killed in a road accident"
        who = attribute(sent, kind.token, article, headline=headline)
        party = victim_party(noun, kind, who, sent, article)
        if noun is not None and party is None:
            continue  # "soldiers died" with no side is too vague to code
        out.append(
            make_claim(
                article,
                sent,
                Field.casualties,
                kind.kind,
                span=(tok.idx, tok.idx + len(tok.text)),
                quantity=Quantity.unspecified(tok.text),
                victim_party=party,
                victim_group=victim_group_of(noun, kind) or VictimGroup.people,
                scope=Scope(),
                claimant=who.claimant,
                claimant_text=who.text,
                claimant_role=who.role,
            )
        )
    return out
