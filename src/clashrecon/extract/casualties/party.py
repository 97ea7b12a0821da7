"""The victims' side: from the counted noun's modifiers, the speaker, the place named, or who did the killing."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from clashrecon.extract.actors import actor_of_phrase, actor_of_text, armed_groups_named
from clashrecon.extract.attribution import Attribution, dateline_is_bureau, reporting_lemmas, speaker_side
from clashrecon.extract.casualties.kinds import Kind, reduced_passive
from clashrecon.extract.casualties.vocab import demonym_plural, kind_noun, members_of, victim_group, war_label
from clashrecon.extract.casualties.words import casualty_words
from clashrecon.extract.common import text_of, tokens_of
from clashrecon.extract.syntax import is_passive, subtree_span
from clashrecon.lexicon import actor_lexicon
from clashrecon.models import Article, VictimGroup

_STATE = "clashrecon.casualties.article_state"


def names_both_sides(text: str) -> bool:
    lowered = text.lower()
    return any(p in lowered for p in casualty_words().both_sides)


def victim_party(noun: Token | None, kind: Kind, who: Attribution, sent: Span, article: Article) -> str | None:
    doc = sent.doc
    if kind.loser is not None:
        if kind.loser.lower_ in casualty_words().subject_pronouns:
            return speaker_side(who, sent, article)
        return actor_of_phrase(subtree_span(kind.loser), article)
    count = _speakers_count(who)
    heads = [t for t in (noun, kind.token if _nominal(kind.token) else None, count) if t is not None]
    if noun is not None:
        heads.extend(members_of(noun))  # "five members of India's armed forces": whose forces they are
    if noun is None:
        # "the number of Palestinians killed": the victims hang off "number"
        numbers = [kind.token, *(c for c in kind.token.children if c.dep_ == "nsubj")]
        for tok in numbers:
            if tok.lemma_.lower() == "number":
                heads.extend(p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj")
    for head in heads:
        if head.ent_type_ == "NORP" or demonym_plural(head):
            name = actor_of_text(head.text) or demonym_plural(head)
            if name:
                return name
        if head.lemma_.lower() in casualty_words().toll:
            # "the death toll in Thailand"; "the toll in Kyrgyz-Tajik border fighting" is both sides'
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in casualty_words().toll_prepositions:
                    for pobj in prep.children:
                        name = actor_of_text(pobj.text) if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "NORP") else None
                        if name:
                            return name
                        label = war_label(pobj) if pobj.dep_ == "pobj" else None
                        owned = any(c.dep_ == "poss" and c.lower_ in casualty_words().possessives for c in head.children)
                        if label and label.split()[-1] in casualty_words().mutual_fighting and not owned and not _against_a_country(pobj):
                            # not "its toll from the border fighting" (the speaker's own), nor "the
                            # toll of the border clashes with Cambodia" (the other side named)
                            return "both"
        possessive = government = False
        for child in head.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i < head.i:
                # "its soldiers", "his country's troops": the speaker's, unless a name beside the
                # pronoun says whose ("their allied Russian Wagner Group mercenaries")
                if child.lower_ in casualty_words().possessives or child.dep_ == "poss" and any(g.lower_ in casualty_words().possessives for g in child.children):
                    possessive = True
                    continue
                government = government or child.lower_ in casualty_words().government_modifiers
                phrase = doc[child.left_edge.i : child.i + 1]
                if child.ent_type_ in ("NORP", "GPE", "ORG") or child.dep_ == "poss":
                    name = actor_of_text(phrase.text)
                    if name:
                        return name
        if possessive:
            return speaker_side(who, sent, article)
        counted = noun is not None and head.i == noun.i
        if government and counted and victim_group(head) is VictimGroup.military:
            name = article_state(doc)  # "35 government troops": the government the article is about
            if name:
                return name
        origin = (origin_party(head) or _sender(head)) if counted else None
        if origin:
            return origin
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in casualty_words().side_prepositions:
                obj_text = doc[prep.i : prep.right_edge.i + 1].text
                if names_both_sides(obj_text):
                    return "both"
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                # "soldiers from Armenia", "deaths among Azerbaijani troops"; not "deaths from
                # Pakistani shelling", where the demonym on the weapon names the attacker
                # "one border guard soldier of Tajikistan": a force of a country is its soldiers
                of_a_force = prep.lower_ == "of" and victim_group(head) is VictimGroup.military and pobj is not None and pobj.ent_type_ == "GPE"
                if pobj is not None and (prep.lower_ != "of" or of_a_force) and (_named(pobj) or prep.lower_ not in casualty_words().attack_prepositions):
                    name = actor_of_text(_name_words(pobj))
                    if name:
                        return name
                    if any(c.lower_ in casualty_words().possessives for c in pobj.children):
                        return speaker_side(who, sent, article)
    side = _side_phrase(noun, kind, who, sent, article)
    if side is not None:
        return side
    if count is not None and _speakers_own_count(count, noun):
        speaker = speaker_side(who, sent, article)
        if speaker and actor_lexicon().kind_of(speaker) == "country":
            return speaker  # "Iran raises war toll to 610 dead"
    clause = kind.token if kind.token.pos_ in ("VERB", "AUX", "ADJ") else kind.token.head
    if names_both_sides(subtree_span(clause).text) or (noun is None and names_both_sides(text_of(sent))):
        return "both"
    if any(_fighting_of_two_countries(t) for t in subtree_span(clause) if t.dep_ == "pobj" and t.head.lower_ in casualty_words().place_prepositions):
        return "both"  # "about 100 dead in the Kyrgyzstan and Tajikistan border conflict"
    return None


def _named(pobj: Token) -> bool:
    """An object that is a name, or a noun a name stands beside ("the Wagner group", "the Russian
    paramilitary Wagner Group"); not "Russian shelling", where only a demonym modifies a weapon."""
    if pobj.ent_type_ in ("GPE", "NORP", "ORG") or pobj.pos_ == "PROPN":
        return True
    return any(c.dep_ in ("compound", "appos") and c.ent_type_ in ("GPE", "ORG") for c in pobj.children)


def _name_words(pobj: Token) -> str:
    """An object's words up to the name in apposition to it, without what is coordinated after:
    "the Russian paramilitary Wagner Group", not "... and 35 Malian troops"."""
    doc = pobj.doc
    words = doc[pobj.left_edge.i : pobj.i + 1].text
    for appos in pobj.children:
        if appos.dep_ == "appos" and appos.i > pobj.i:
            words += " " + doc[appos.left_edge.i : appos.i + 1].text
    return words


def _sender(tok: Token) -> str | None:
    """The side that sent the counted people: "the 40 peacekeepers deployed by Russia" are Russia's."""
    for acl in tok.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in casualty_words().sending_verbs:
            for agent in acl.children:
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent.dep_ == "agent" else None
                name = actor_of_text(_name_words(pobj)) if pobj is not None and _named(pobj) else None
                if name and actor_lexicon().is_belligerent(name):
                    return name
    return None


def origin_party(tok: Token) -> str | None:
    """The named side a "from" phrase on a count gives its people ("60 fighters from the
    mercenary outfit Wagner", "at least 15 from the Wagner group"), also where the parser hangs the
    phrase on the verb right after the counted noun. Not "from Russian shelling": a weapon is no side."""
    lex = casualty_words()
    doc = tok.doc
    preps = [c for c in tok.children if c.dep_ == "prep"]
    after = tok.right_edge.i + 1
    if after < len(doc) and doc[after].dep_ == "prep" and doc[after].head.i == tok.head.i and tok.dep_ in ("dobj", "nsubj", "nsubjpass"):
        preps.append(doc[after])
    for prep in preps:
        if prep.lower_ not in lex.origin_prepositions:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and _named(pobj):
            name = actor_of_text(_name_words(pobj))
            if name:
                return name
    return None


def mixed_sides(noun: Token | None) -> bool:
    """A count of two sides' people ("five Wagner fighters and Malian soldiers", "six Wagner and
    Malian government fighters") is no one side's: the names on the counted noun, on the modifiers
    coordinated with them and on victim nouns coordinated with it that carry no number of their own
    name more than one actor."""
    if noun is None:
        return False
    doc = noun.doc
    nouns = [noun, *(c for c in noun.conjuncts if c.i > noun.i and victim_group(c) is not None and not any(n.dep_ == "nummod" for n in c.children))]
    sides = set()
    for tok in nouns:
        name = actor_of_text(tok.text) if tok.ent_type_ in ("NORP", "GPE", "ORG") else None
        if name:
            sides.add(name)  # "six Wagner and Malian government fighters", parsed with the name as the head
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < tok.i and child.ent_type_ in ("NORP", "GPE", "ORG"):
                for mod in (child, *child.conjuncts):
                    name = actor_of_text(doc[mod.left_edge.i : mod.i + 1].text) if mod.ent_type_ in ("NORP", "GPE", "ORG") else None
                    if name:
                        sides.add(name)
    return len(sides) > 1


def article_state(doc: Doc) -> str | None:
    """The one country whose state forces or government the article names ("the Malian army",
    "Mali's junta", "Sudanese soldiers"): whose "government troops" a count is. None when it names
    several, so "government troops" in a story of two states' war stay unassigned."""
    cached = doc.user_data.get(_STATE)
    if cached is not None:
        return cached or None
    lex = casualty_words()
    found = set()
    for tok in tokens_of(doc):
        if tok.lemma_.lower() not in lex.state_force_nouns and tok.lower_ not in lex.state_force_nouns:
            continue
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i < tok.i and child.ent_type_ in ("NORP", "GPE"):
                name = actor_of_text(doc[child.left_edge.i : child.i + 1].text)
                if name and actor_lexicon().kind_of(name) == "country":
                    found.add(name)
    state = next(iter(found)) if len(found) == 1 else ""
    doc.user_data[_STATE] = state
    return state or None


def attackers_side(noun: Token | None) -> str | None:
    """Unmarked attackers ("three gunmen were killed", "all three attackers died") are the one
    armed group the article names; when it names none or several they are nobody's."""
    if noun is None or noun.lemma_.lower() not in casualty_words().attacker_nouns and noun.lower_ not in casualty_words().attacker_nouns:
        return None
    groups = armed_groups_named(noun.doc)
    return next(iter(groups)) if len(groups) == 1 else None


def _nominal(tok: Token) -> bool:
    """A noun, or an adjective used as one ("puts Iran's dead at 639"): its modifiers name the victims."""
    return tok.pos_ in ("NOUN", "PROPN") or bool(kind_noun(tok)) and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr")


def _speakers_count(who: Attribution) -> Token | None:
    """The figure a speaker reports as its verb's object: "raised its toll to 31", "puts its death toll at 50"."""
    if who.verb is None or who.role.value == "outlet":
        return None
    return next((c for c in who.verb.children if c.dep_ == "dobj" and c.lemma_.lower() in casualty_words().speaker_count_nouns), None)


def _speakers_own_count(count: Token, noun: Token | None) -> bool:
    """A reported figure that names no one else's dead ("its toll from India's strikes", "war toll"),
    of victims that name no one ("31 dead"), is the speaker's count of its own; "the toll of
    militants killed" counts someone else."""
    lex = casualty_words()
    for prep in count.children:
        if prep.dep_ == "prep" and prep.lower_ in lex.victim_prepositions:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and not (kind_noun(pobj) or pobj.lemma_.lower() in lex.war_nouns or pobj.lemma_.lower() in lex.attack_nouns):
                    return False
    return _unmarked_people(noun)


def _side_phrase(noun: Token | None, kind: Kind, who: Attribution, sent: Span, article: Article) -> str | None:
    """The side a side phrase on the count's clause names: "On the Indian side, officials said 13
    people were killed", "shelling killed 21 civilians on its side of the border", "deaths on both
    sides". The walk up stops at a second reporting clause ("..., while Pakistan said ...")."""
    lex = casualty_words()
    doc = sent.doc
    reporting = reporting_lemmas()
    heads: list[Token] = [noun] if noun is not None else []
    tok: Token | None = kind.token
    while tok is not None and sent.start <= tok.i < sent.end:
        heads.append(tok)
        if tok.dep_ == "conj" and tok.lemma_.lower() in reporting or tok.head.i == tok.i:
            break
        tok = tok.head
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in lex.side_phrase_prepositions:
                continue
            for side in prep.children:
                if side.dep_ != "pobj" or side.lemma_.lower() not in lex.side_nouns:
                    continue
                words = doc[side.left_edge.i : side.i + 1]
                if names_both_sides(words.text):
                    return "both"
                if any(t.lower_ in lex.possessives for t in words):
                    return speaker_side(who, sent, article)
                name = actor_of_text(words.text)
                if name:
                    return name
    return None


def _against_a_country(fighting: Token) -> bool:
    """'clashes with Cambodia': the fighting named by the side it was against."""
    return any(
        prep.dep_ == "prep" and prep.lower_ == "with" and any(o.dep_ == "pobj" and o.ent_type_ == "GPE" for o in prep.children)
        for prep in fighting.children
    )


def _fighting_of_two_countries(tok: Token) -> bool:
    """'Kyrgyzstan-Tajikistan border clashes', 'the Kyrgyzstan and Tajikistan border conflict': a
    fighting noun its two warring countries name, whose dead are both sides', not the first's."""
    if tok.lemma_.lower() not in casualty_words().mutual_fighting and tok.lower_ not in casualty_words().mutual_fighting:
        return False
    names: set[str] = set()
    for child in tok.children:
        if child.dep_ in ("compound", "nmod", "amod") and child.i < tok.i:
            for t in [child, *(c for c in child.subtree if c.dep_ in ("conj", "compound"))]:
                name = actor_of_text(t.text) if t.ent_type_ in ("GPE", "NORP") else None
                if name is not None and actor_lexicon().kind_of(name) == "country":
                    names.add(name)
    return len(names) >= 2


def number_place(mention_tokens: Span) -> str | None:
    """The country a place phrase printed right after a bare number names: "the war killed 655
    people - 627 in Iran and 28 in Israel". A place on the number itself beats a side the
    sentence gives all its counts."""
    doc = mention_tokens.doc
    lex = casualty_words()
    j = mention_tokens.end
    if j >= len(doc) or doc[j].pos_ != "ADP" or doc[j].lower_ not in lex.place_prepositions or doc[j].lower_ == "of":
        return None
    k = j + 1
    while k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    if k >= len(doc) or doc[k].ent_type_ != "GPE" or any(_fighting_of_two_countries(c) for c in doc[j].children if c.dep_ == "pobj"):
        return None
    end = k
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    name = actor_of_text(doc[k : end + 1].text)
    return name if name is not None and actor_lexicon().kind_of(name) == "country" else None


def location_country(sent: Span, who: Attribution, kind: Kind, article: Article) -> str | None:
    """The one country a sentence places the killing in ("... near Sake in eastern Congo",
    "Shelling of Congo displacement camp kills 17"): whose civilians were hit. A lead that
    opens with the story's dateline ("GOMA, Congo (AP) — The death toll from the shelling of
    a camp near Sake has risen to 23") and names no country itself is placed by the dateline.

    Names in the speaker's phrase or in a "by ..." agent phrase do not count; two
    different countries mean no answer.
    """
    lex = actor_lexicon()
    skip: set[int] = set()
    if who.verb is not None:
        for child in who.verb.children:
            # the speaker, and where or how it spoke ("said at talks in Qatar", "speaking in
            # Doha"): a venue or a host country is not where the victims died
            spoke = child.dep_ in ("prep", "advcl") and not any(t.i == kind.token.i for t in child.subtree)
            if child.dep_ in ("nsubj", "nsubjpass") or spoke:
                skip.update(t.i for t in child.subtree)
    # "strikes on Iran" names whose dead they are only in the count's own clause
    # ("killed and 1,200 hurt in strikes on Iran" shares it; "killed seven and led to an attack on Israel" does not)
    joined = [c for c in kind.token.children if c.dep_ == "conj" and c.lemma_.lower() not in casualty_words().verbs]
    own_clause = {t.i for t in kind.token.subtree} - {t.i for c in joined for t in c.subtree}
    if kind.token.dep_ == "conj" and kind.token.head.lemma_.lower() in casualty_words().verbs:
        own_clause |= {t.i for t in kind.token.head.subtree}
    for tok in tokens_of(sent):
        if tok.dep_ == "agent" or (tok.dep_ == "prep" and tok.lower_ in casualty_words().not_place_prepositions and not (_names_target(tok) and tok.i in own_clause)):
            skip.update(t.i for t in tok.subtree)
        if tok.dep_ in ("prep", "mark") and tok.lower_ in casualty_words().war_reference_prepositions:
            # "died in unrest that broke out after blasts in Herat": the place of the event
            # the fighting is dated from, not of the killing
            skip.update(t.i for t in (tok.subtree if tok.dep_ == "prep" else tok.head.subtree))
    found: set[str] = set()
    for tok in tokens_of(sent):
        place = tok.head
        if (
            tok.i not in skip
            and tok.ent_type_ == "NORP"
            and tok.dep_ == "amod"
            and place.ent_type_ in ("LOC", "GPE")
            and place.dep_ == "pobj"
            and place.head.lower_ in casualty_words().place_prepositions
        ):
            # "killed 13 people in Indian Kashmir", "in Pakistani Punjab": the adjective says whose ground
            name = actor_of_text(tok.text)
            if name is not None and lex.kind_of(name) == "country":
                found.add(name)
    for tok in tokens_of(sent):
        if tok.i in skip or tok.ent_type_ != "GPE" or lex.is_territory(tok.text):
            continue  # a held region ("Nagorno-Karabakh") is contested ground: its dead may be either side's
        name = actor_of_text(tok.text)
        if name is None or lex.kind_of(name) != "country":
            continue
        # "the Afghanistan-Pakistan border": the first country hangs on the second, and both name the border
        place = tok.head if tok.dep_ == "compound" and tok.head.ent_type_ == "GPE" and tok.head.dep_ == "compound" else tok
        if place.dep_ == "conj":
            place = place.head  # "the Kyrgyzstan and Tajikistan border conflict": the pair names it
        if place.dep_ in ("compound", "amod", "nmod") and _fighting_of_two_countries(place.head):
            continue  # the fighting's name, not the victims' ground
        locative = (
            # "Congo displacement camp", "Sudan clashes"; not "U.S. strikes", which names the attacker
            place.dep_ in ("compound", "amod", "nmod") and (place.head.lemma_.lower() in casualty_words().place_nouns or place.head.lemma_.lower() in casualty_words().mutual_fighting)
            or place.dep_ == "pobj" and place.head.lower_ in casualty_words().place_prepositions
            or place.dep_ == "pobj" and _names_target(place.head) and place.i in own_clause  # "strikes on Iran": the country struck
            or place.dep_ == "poss" and place.head.lemma_.lower() in casualty_words().place_nouns  # "Russia's Belgorod region"
        )
        if locative:
            found.add(name)
    if not found and article.dateline and text_of(sent).startswith(article.dateline):
        name = actor_of_text(article.dateline)
        if name is not None and lex.kind_of(name) == "country" and not dateline_is_bureau(article, sent.doc, name):
            found.add(name)
    return found.pop() if len(found) == 1 else None


def _names_target(prep: Token) -> bool:
    """'on'/'against' after an attack noun: "Israeli strikes on Iran" names the country struck."""
    return prep.dep_ == "prep" and prep.lower_ in casualty_words().target_prepositions and prep.head.lemma_.lower() in casualty_words().attack_nouns


def _agent(kind: Kind) -> Token | None:
    """Who did the killing: the subject of an active casualty verb, or of the clause a
    relative clause hangs on ("a war in 2021 that killed ...", "clashes that killed 155")."""
    verb = kind.token
    if verb.pos_ not in ("VERB", "AUX") or is_passive(verb) and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if verb.lemma_.lower() in casualty_words().victim_subject_verbs or verb.lemma_.lower() in casualty_words().lose:
        return None  # their subject is the victims' side
    if reduced_passive(verb):
        return None  # "88 casualties: 31 people killed and 57 injured": the subject is the victims
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is not None and subj.lower_ in ("that", "which") and verb.dep_ == "relcl":
        return verb.head
    if subj is None and verb.dep_ == "relcl":
        return verb.head
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        # "the shelling damaged infrastructure and injured ..."
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
        # "Azerbaijani troops attacked a vehicle, killing five people": the attack's subject killed
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None and verb.dep_ == "acl" and any(c.dep_ == "dobj" for c in verb.children):
        return verb.head  # misparse of "Russian strikes killed 12 civilians, officials said"
    return subj


def _attacker_nearby(kind: Kind) -> Token | None:
    """Who attacked, for a passive count: 'wounded by Israeli fire', '... killed when a
    Russian drone hit a building'."""
    verb = kind.token
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ in casualty_words().attack_prepositions:
            # "killed in Israeli attacks", "wounded by Iranian missile fire"
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and any(t.ent_type_ == "NORP" and t.i < pobj.i for t in pobj.lefts):
                return pobj
            if pobj is not None and pobj.lemma_.lower() in casualty_words().attack_nouns and any(t.dep_ == "poss" and t.ent_type_ in ("NORP", "GPE") for t in pobj.lefts):
                return pobj  # "killed in India's missile strikes"
        if child.dep_ == "advcl" and any(g.lower_ == "when" for g in child.children):
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is not None and any(t.ent_type_ in ("NORP", "GPE") for t in subj.subtree):
                return subj
    return None


def party_from_context(noun: Token | None, kind: Kind, who: Attribution, group: VictimGroup | None) -> str | None:
    """Whose victims, when the victims themselves carry no side.

    - fighting between sides ("clashes that killed 155", "a war that killed 6,600") kills
      on both sides, and so does a count two sides report together;
    - an attacker named by its side ("Azerbaijani shelling injured ...", "Russian strikes
      killed ...") hits the other side, when a country's speaker reports it;
    - a country that reports its own unmarked soldiers killed ("Armenia says 49 soldiers
      have been killed") speaks of its own.
    """
    lex = casualty_words()
    lexicon = actor_lexicon()
    speaker = who.claimant if who.role.value != "outlet" and not _mediates(who) else None
    agent = _agent(kind) or _attacker_nearby(kind)
    if (
        agent is None
        and speaker
        and lexicon.kind_of(speaker) == "country"
        and group is VictimGroup.military
        and noun is not None
        and noun.lemma_.lower() in lex.own_forces
    ):
        return speaker
    # "Kyrgyzstan says 24 killed in border fighting with Tajikistan": a government counting
    # unmarked people in the fighting counts its own (below), not both sides'
    own_count = bool(speaker) and lexicon.kind_of(speaker) == "country" and _unmarked_people(noun)
    if agent is None and kind.token.pos_ == "VERB" and group is not VictimGroup.military and not own_count:
        for prep in kind.token.children:
            if prep.dep_ == "prep" and prep.lower_ in lex.war_prepositions:
                for pobj in prep.children:
                    label = war_label(pobj) if pobj.dep_ == "pobj" else None
                    if label and label.split()[-1].split("-")[0] in lex.mutual_fighting:
                        return "both"  # "More than 6,700 people died in the fighting"
    if agent is not None:
        label = war_label(agent)
        if label and label.split()[-1].split("-")[0] in lex.mutual_fighting:
            return "both" if group is not VictimGroup.civilians else None
        attacker = _named_attacker(agent, ("NORP", "GPE"))
        if attacker and speaker and lexicon.kind_of(speaker) == "country" and speaker != attacker:
            return speaker
        return None
    if speaker and " and " in speaker and all(lexicon.kind_of(p) for p in speaker.split(" and ")):
        return "both"  # "Armenia, Azerbaijan report 99 troops killed"
    if speaker and lexicon.kind_of(speaker) == "country" and group is not VictimGroup.military and _unmarked_people(noun):
        # "Iran's health ministry said 224 people had been killed": with no killer named, a
        # government counting unmarked people counts its own
        return speaker
    if agent is None and group is not VictimGroup.military and _unmarked_people(noun):
        return _speakers_country(who)  # "the Human Rights Activists in Iran said ... 974 fatalities"
    return None


def killer_side(kind: Kind) -> str | None:
    """The country or armed group the sentence names as doing the killing: the subject of an
    active casualty verb or of the attack it hangs on ("Azerbaijani troops attacked a car,
    killing five"), or the attacker of a passive one ("killed by Azerbaijani forces")."""
    agent = _agent(kind) or _attacker_nearby(kind)
    name = _named_attacker(agent, ("NORP", "GPE", "ORG")) if agent is not None else None
    return name if name and actor_lexicon().is_belligerent(name) else None


def _named_attacker(agent: Token, labels: tuple[str, ...]) -> str | None:
    """The actor the attacker's phrase names ("Russian strikes", "Azerbaijani forces"), when one of
    its words is an entity of one of these labels."""
    phrase = agent.doc[agent.left_edge.i : agent.i + 1]
    return actor_of_text(phrase.text) if any(t.ent_type_ in labels for t in phrase) else None


def _mediates(who: Attribution) -> bool:
    """A speaker that mediates between the sides ("Qatari mediators said 30 people were killed")
    counts others' dead, never its own country's."""
    words = set(re.findall(r"[a-z]+", (who.text or "").lower()))
    return bool(words & casualty_words().mediator_nouns)


def _speakers_country(who: Attribution) -> str | None:
    """The one country a non-state speaker's own name places its work in: "Human Rights
    Activists in Iran, a monitor which has its office in the US" works in Iran."""
    if who.role.value != "speaker" or who.verb is None or who.claimant is None or actor_lexicon().kind_of(who.claimant) == "country":
        return None
    subject = next((c for c in who.verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    found = set()
    for prep in subject.children:  # the name's own prepositions, not those of its relative clauses
        if prep.dep_ == "prep" and prep.lower_ in casualty_words().speaker_country_prepositions:
            for pobj in prep.children:
                name = actor_of_text(pobj.text) if pobj.dep_ == "pobj" and pobj.ent_type_ == "GPE" else None
                if name and actor_lexicon().kind_of(name) == "country":
                    found.add(name)
    return found.pop() if len(found) == 1 else None


def _unmarked_people(noun: Token | None) -> bool:
    """A count of people that names no one ('224 people', 'eight'), not 'Taliban fighters' or 'attackers'."""
    if noun is None:
        return True
    if noun.lemma_.lower() in casualty_words().enemy_nouns:
        return False
    return not any(t.ent_type_ in ("NORP", "GPE", "ORG") or t.pos_ == "PROPN" for t in noun.subtree)
