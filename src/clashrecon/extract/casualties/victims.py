"""The victims a counted phrase counts: the counted noun and the victims' group (civilians, military, people)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from clashrecon.extract.casualties.kinds import Kind, kind_from_children
from clashrecon.extract.casualties.mentions import Mention
from clashrecon.extract.casualties.vocab import demonym_plural, kind_noun, members_of, victim_group
from clashrecon.extract.casualties.words import casualty_words
from clashrecon.models import VictimGroup


def counted_noun(doc: Doc, m: Mention, limit: int) -> tuple[Token | None, bool]:
    """The noun a number counts and whether it names people or casualties.

    "49 Armenian soldiers" -> soldiers; "49 of its soldiers" -> soldiers; "2,000 tanks" -> tanks
    (not people); "49 were killed" -> None (the number stands alone).
    """
    lex = casualty_words()
    j = m.end
    if j < limit and doc[j].lower_ == "more":
        j += 1
    if j < limit and doc[j].lower_ == "of":
        pobj = next((c for c in doc[j].children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.i < limit:
            if pobj.lower_ in ("them", "whom", "those"):
                # "22 of those killed": the participle on "those" says what was counted
                return (pobj, True) if kind_from_children(pobj) is not None else (None, True)
            if victim_group(pobj) is not None or kind_noun(pobj):
                return pobj, True
        j += 1
        while j < limit and doc[j].pos_ in ("DET", "PRON", "ADJ", "NUM", "PART") and doc[j].lower_ not in ("them", "whom", "those"):
            j += 1
        if j < limit and doc[j].lower_ in ("them", "whom", "those"):
            return None, True
    skipped = 0
    while j < limit and skipped < lex.counted_noun_skip:
        tok = doc[j]
        if tok.is_quote:
            j += 1  # 'more than 200 “Taliban and affiliated terrorists”': a quote mark modifies nothing
            continue
        if victim_group(tok) is not None or tok.lemma_.lower() in lex.nouns:
            # "Palestinian civilians": skip the demonym and take the head noun
            nxt = doc[j + 1] if j + 1 < limit else None
            # not "took 20 soldiers hostage": a singular noun after a plural one is not its head
            head_after = nxt is not None and not (tok.tag_ in ("NNS", "NNPS") and nxt.tag_ == "NN")
            if head_after and nxt.pos_ in ("NOUN", "PROPN") and (victim_group(nxt) or nxt.lemma_.lower() in lex.nouns):
                j += 1
                skipped += 1
                continue
            return tok, True
        if (
            tok.pos_ in ("ADJ", "PROPN", "PUNCT") and tok.text not in (",", ".", ";", ":")
            or tok.ent_type_ == "NORP"
            or tok.pos_ == "NOUN" and tok.dep_ == "compound"
            or tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBG")  # "6 suspected militants"
            # "30 Taliban and allied fighters": a modifier coordinated with one already skipped
            or skipped and tok.dep_ in ("cc", "conj") and tok.head.i in range(m.end, j) and doc[tok.head.i].dep_ in ("nmod", "amod", "compound")
        ):
            j += 1
            skipped += tok.dep_ != "cc"  # "six Wagner and Malian government fighters": "and" is no modifier
            continue
        if tok.pos_ == "NOUN":
            return tok, False
        break
    return None, True


def victim_group_of(noun: Token | None, kind: Kind) -> VictimGroup | None:
    lex = casualty_words()
    if noun is not None:
        shared = _shared_noun(noun)
        group = victim_group(shared if shared is not None else noun)
        if group is VictimGroup.people:
            # "25 civilian residents", "military personnel": a group adjective narrows a noun of people;
            # "five members of India's armed forces": so do the people a "members of" names
            narrowed = next((lex.group_adjectives[c.lower_] for c in noun.children if c.dep_ == "amod" and c.lower_ in lex.group_adjectives), None)
            members = next((victim_group(o) for o in members_of(noun) if victim_group(o) in (VictimGroup.military, VictimGroup.civilians)), None)
            group = narrowed or members or group
        if group is not None:
            return group
    # "civilian deaths", "military casualties"; "civilian casualties stand at 300", where the
    # casualty noun is the figure's subject, not its counted noun
    # "the military death toll rose to 13": the toll's adjective says whose deaths it counts
    described = noun if noun is not None else kind.token if kind_noun(kind.token) or kind.token.lemma_.lower() in lex.toll else None
    for child in described.children if described is not None else ():
        if child.dep_ in ("amod", "compound") and child.lower_ in lex.group_adjectives:
            return lex.group_adjectives[child.lower_]
    # "deaths among Azerbaijani troops", "bodies of 100 soldiers"
    for head in (kind.token, noun):
        if head is None:
            continue
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in lex.victim_prepositions:
                for pobj in prep.children:
                    group = victim_group(pobj)
                    if pobj.dep_ == "pobj" and group is not None:
                        return group
    return None


def _shared_noun(noun: Token) -> Token | None:
    """The noun a bare demonym shares with the count coordinated after it: in "14 Ethiopian and
    31 Eritrean soldiers" the 14 are soldiers too. Not a plural demonym ("20 Palestinians and 3
    soldiers"), which is a noun of its own."""
    if noun.ent_type_ != "NORP" or noun.tag_ in ("NNPS", "NNS") or noun.lower_ in casualty_words().victims or demonym_plural(noun):
        return None
    return next((c for c in noun.children if c.dep_ == "conj" and victim_group(c) is not None and c.ent_type_ != "NORP"), None)


def described_victims(kind: Kind) -> Token | None:
    """The victims a participle describes when the figure hangs on the participle itself:
    in "raising the number of South African troops killed in the fighting to 14" the parser
    attaches "to 14" to "killed", so the number has no counted noun of its own, but it counts
    the troops that "the number of" names."""
    verb = kind.token
    if verb.dep_ != "acl" or verb.pos_ != "VERB":
        return None
    victims = verb.head
    prep = victims.head
    if victims.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() not in casualty_words().count_of_nouns:
        return None
    return victims


def every_one_was(doc: Doc, m: Mention, noun: Token | None) -> VictimGroup | None:
    """The group a figure's trailing "all of them civilians" (or "12 people, all soldiers") names."""
    lex = casualty_words()
    i = noun.i + 1 if noun is not None and noun.i >= m.end else m.end
    if i < len(doc) and doc[i].is_punct:
        i += 1
    if i >= len(doc) or doc[i].lower_ not in lex.all_of_them:
        return None
    for tok in doc[i + 1 : min(len(doc), i + 1 + lex.all_of_them_window)]:
        group = victim_group(tok)
        if group in (VictimGroup.civilians, VictimGroup.military):
            return group
        if tok.is_punct or tok.pos_ == "VERB":
            return None
    return None
