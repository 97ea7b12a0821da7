"""The casualty kind of a counted phrase (killed, wounded, missing, captured, bodies) from the word that governs it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from clashrecon.extract.casualties.mentions import Mention, anchor_of, clause_subjects, increase_noun
from clashrecon.extract.casualties.vocab import is_numeral, kind_noun, verb_lemma, victim_group
from clashrecon.extract.casualties.words import casualty_words
from clashrecon.extract.syntax import has_negation, is_passive
from clashrecon.models import CasualtyKind, Claim, VictimGroup


def _kind_of_toll(tok: Token) -> str:
    lex = casualty_words()
    if tok.lemma_.lower() == "number":
        return _number_of_victims(tok) or CasualtyKind.casualties.value
    if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.verbs:
        return lex.verbs[tok.lemma_.lower()]
    for child in tok.children:
        if child.dep_ in ("compound", "amod") and child.lemma_.lower() in lex.toll_compounds:
            return lex.toll_compounds[child.lemma_.lower()]
    return CasualtyKind.killed.value


def _toll_near(verb: Token) -> Token | None:
    lex = casualty_words()
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            if child.lemma_.lower() in lex.toll:
                return child
            if child.lemma_.lower() == "number" and _number_of_victims(child) is not None:
                return child
        if child.dep_ == "csubj" and child.lemma_.lower() in lex.verbs:
            # misparse of "the number of Palestinians killed had risen to ...": the
            # participle becomes the clause's subject, with "number" as its own subject
            if any(g.dep_ == "nsubj" and g.lemma_.lower() == "number" for g in child.children):
                return child
    for subj in clause_subjects(verb):
        # "the death toll is likely to exceed 500": the toll is the subject of "is"
        if subj.lemma_.lower() in lex.toll or (subj.lemma_.lower() == "number" and _number_of_victims(subj) is not None):
            return subj
    return None


def earlier_figure(doc: Doc, m: Mention) -> bool:
    """Whether a "from" figure is the one a toll had before it changed ("the toll grew from 50
    on Friday", "raising the death toll from 358"): that is a figure as reported then, a claim
    like any other; "from" on anything else ("people from 12 villages") counts no victims."""
    prep = doc[m.start - 1]
    verb = prep.head
    return prep.dep_ == "prep" and verb.pos_ in ("VERB", "AUX") and (_toll_near(verb) is not None or _figure_subject(verb) is not None)


def _figure_subject(verb: Token) -> Token | None:
    """The casualty noun a figure verb gives its figure ("deaths rose to 49", "civilian
    casualties stand at 300", "fatalities are likely to exceed 500"): its subject, or the
    subject of the verb it completes."""
    lex = casualty_words()
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lex.figure_verbs:
        return None
    return next((s for s in clause_subjects(verb) if kind_noun(s) and s.lemma_.lower() not in lex.life_nouns), None)


def _kind_noun_set(verb: Token) -> Token | None:
    """The casualty noun a verb sets to a figure: "bringing the contingent's casualties to five"."""
    lex = casualty_words()
    for child in verb.children:
        if child.dep_ == "dobj" and kind_noun(child) and child.lemma_.lower() not in lex.life_nouns:
            return child
    return None


def _number_of_victims(tok: Token) -> str | None:
    """'the number of Palestinians killed' works like a death toll: the kind of its victims."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ not in ("pobj", "pcomp"):
                    continue
                described = kind_from_children(pobj) if kind_noun(pobj) == CasualtyKind.casualties.value else None
                if described is not None:
                    return described.kind  # "the number of dead victims": the adjective says which victims
                if kind_noun(pobj):
                    # "the number of wounded"; "the number of dead and wounded" is both kinds
                    joined = [c for t in (pobj, tok) for c in t.children if c.dep_ == "conj"]
                    other = {_kind_word(c) for c in joined} - {None, kind_noun(pobj)}
                    return CasualtyKind.casualties.value if other else kind_noun(pobj)
                found = kind_from_children(pobj)
                if found is not None:
                    return found.kind
    return None


def _kind_word(tok: Token) -> str | None:
    """The kind a bare casualty word names: 'dead', 'wounded', 'injuries'."""
    lex = casualty_words()
    return kind_noun(tok) or lex.adjectives.get(tok.lower_) or (lex.verbs.get(tok.lemma_.lower()) if tok.tag_ == "VBN" else None)


@dataclass
class Kind:
    kind: str
    token: Token  # the word that carries the kind
    path: list[Token]  # tokens walked from the counted phrase to it
    loser: Token | None = None  # subject of "lost"/"suffered": the victims' side
    subgroup: str | None = None  # "... and 15 were women": the sub-group a breakdown names
    referent: Claim | None = None  # "Four of them are children": the claim of the sentence before that "them" counts


def kind_from_children(node: Token) -> Kind | None:
    """'soldiers killed in ...', 'four dead', 'people who died', 'soldiers missing', 'a student
    who has been missing'."""
    lex = casualty_words()
    for child in [*node.children, *_stray_relatives(node)]:
        lemma = child.lemma_.lower()
        if child.dep_ in ("amod", "acomp", "oprd", "xcomp") and (child.lower_ in lex.adjectives or lemma in lex.adjectives):
            return Kind(lex.adjectives.get(child.lower_, lex.adjectives.get(lemma)), child, [node, child])
        marked = _marked_adjective(child)
        if marked is not None:
            return Kind(lex.adjectives[marked.lower_], marked, [node, child, marked])  # "79 were confirmed as injured"
        if child.dep_ in ("acl", "relcl") and lemma in lex.verbs and lemma not in lex.not_relative_clause and cause_holds(child):
            return Kind(lex.verbs[lemma], child, [node, child])
        if child.dep_ == "relcl" and child.lower_ in lex.adjectives:
            return Kind(lex.adjectives[child.lower_], child, [node, child])  # "who has been missing", tagged a verb
        found = _clause_kind(node, child) if child.dep_ in ("acl", "relcl") else None
        if found is not None:
            return found
        if child.dep_ == "acl" and lemma in lex.lose and node.lemma_.lower() in lex.life_nouns:
            return Kind(CasualtyKind.killed.value, child, [node, child])  # "the 28 lives lost in the shelling"
        if child.dep_ == "xcomp" and lemma in lex.victim_subject_verbs and node.pos_ in ("VERB", "AUX"):
            return Kind(lex.verbs[lemma], child, [node, child])  # "are believed to have died"
    return None


def _marked_adjective(child: Token) -> Token | None:
    """The casualty adjective an "as" joins to a verb: "confirmed as injured" (a clause marked
    by "as") or "listed as missing" (the object of "as")."""
    lex = casualty_words()
    if child.dep_ == "advcl" and child.lower_ in lex.adjectives and any(c.dep_ == "mark" and c.lower_ in lex.predicative_markers for c in child.children):
        return child
    if child.dep_ == "prep" and child.lower_ in lex.predicative_markers:
        return next((c for c in child.children if c.dep_ in ("pobj", "pcomp", "acomp", "amod") and c.lower_ in lex.adjectives), None)
    return None


def _clause_kind(node: Token, clause: Token) -> Kind | None:
    """A clause on the victims that is not a casualty verb itself but says what became of them:
    "soldiers who laid down their lives", "98 people taken to hospital", "30 men being detained
    and executed" (a participle joined to the first one, with no object of its own: not
    "gunmen who stormed the base and killed 10")."""
    lex = casualty_words()
    lives = lives_object(clause)
    if lives is not None:
        return Kind(CasualtyKind.killed.value, lives, [node, clause, lives])
    if to_hospital(clause) and not _has_object(clause):
        return Kind(CasualtyKind.wounded.value, clause, [node, clause])
    joined = _joined_participle(clause)
    return Kind(lex.verbs[joined.lemma_.lower()], joined, [node, clause, joined]) if joined is not None else None


def _joined_participle(verb: Token) -> Token | None:
    """The casualty participle joined to a passive participle that shares its subject and has
    no object of its own: "being detained and executed", "were rounded up and killed"."""
    lex = casualty_words()
    if verb.tag_ != "VBN":
        return None
    for joined in verb.children:
        lemma = joined.lemma_.lower()
        if joined.dep_ != "conj" or joined.tag_ != "VBN" or lemma not in lex.verbs or lemma in lex.not_relative_clause:
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in joined.children)
        if not own_subject and not _has_object(joined) and cause_holds(joined):
            return joined
    return None


def _has_object(verb: Token) -> bool:
    return any(c.dep_ == "dobj" for c in verb.children)


def lives_object(verb: Token) -> Token | None:
    """'lost their lives', 'laid down their lives': the life noun a verb of dying takes as object."""
    lex = casualty_words()
    idiom = lex.ultimate_sacrifice
    if verb.lemma_.lower() in idiom["verbs"]:
        # "nine soldiers made the ultimate sacrifice"
        return next(
            (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in idiom["nouns"] and any(a.lower_ in idiom["adjectives"] for a in c.children)),
            None,
        )
    if verb.lemma_.lower() not in lex.lose and verb.lemma_.lower() not in lex.life_verbs:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.life_nouns), None)


def to_hospital(verb: Token) -> bool:
    """'admitted to hospital', 'taken to the clinic', 'airlifted for treatment', 'treated for
    burns and injuries', 'treated in hospital': the verb moves people to care or treats their wounds."""
    lex = casualty_words()
    lemma = verb.lemma_.lower()
    treated = lemma in lex.treatment_verbs
    if not treated and lemma not in lex.hospital_verbs:
        return False
    preps = lex.treatment_prepositions if treated else lex.hospital_prepositions
    for place in _objects_of(verb, preps):
        wound = treated and kind_noun(place) == CasualtyKind.wounded.value
        if place.lemma_.lower() in lex.hospital_nouns or place.lemma_.lower() in lex.care_nouns or wound:
            return True
    return False


def _objects_of(verb: Token, prepositions: frozenset[str]) -> list[Token]:
    """The objects of the verb's phrases under `prepositions`, with the ones joined to them
    ("for burns and injuries")."""
    return [
        o
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in prepositions
        for p in prep.children
        if p.dep_ == "pobj"
        for o in (p, *(c for c in p.children if c.dep_ == "conj"))
    ]


def in_care(verb: Token, dep: str) -> bool:
    """Whether the count that is `verb`'s `dep` is of people in medical care: the object or
    passive subject of a verb that takes them to care (`to_hospital`), or the subject of a
    patient verb ('14 remain in hospital', 'four more are in critical condition', 'twelve are
    receiving treatment'); also through a verb's open complement ('had to be airlifted abroad
    for treatment', 'eight are said to be serious')."""
    current: Token | None = verb
    for _ in range(3):
        patient = current.lemma_.lower() in casualty_words().patient_verbs
        if current is verb:
            cared_for = dep in ("nsubj", "nsubjpass") if patient else dep == "dobj" or (dep == "nsubjpass" and is_passive(current))
        else:
            cared_for = patient or is_passive(current)  # the subject raised to the verb above
        if cared_for and not has_negation(current) and (_patient_care(current) if patient else to_hospital(current)):
            return True
        current = next((c for c in current.children if c.dep_ == "xcomp"), None)
        if current is None:
            return False
    return False


def _patient_care(verb: Token) -> bool:
    """'in hospital', 'in critical condition', a 'treatment' object or a 'serious' complement."""
    lex = casualty_words()
    located = verb.lemma_.lower() in lex.location_verbs
    for place in _objects_of(verb, lex.patient_prepositions):
        # "were in the hospital when it was shelled" is where they were, "are in hospital" is care
        if place.lemma_.lower() in lex.hospital_nouns and not (located and any(c.dep_ == "det" for c in place.children)):
            return True
        if _grave_condition(place):
            return True
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in lex.care_nouns:
            return True
        if child.dep_ == "acomp" and child.lower_ in lex.condition_adjectives:
            return True
    return False


def _grave_condition(noun: Token) -> bool:
    lex = casualty_words()
    return noun.lemma_.lower() in lex.condition_nouns and any(c.dep_ == "amod" and c.lower_ in lex.condition_adjectives for c in noun.children)


def cause_holds(verb: Token) -> bool:
    """False for a verb that counts casualties only with an attack as its cause and has none
    ("affected by the war"); True for every other verb."""
    lex = casualty_words()
    if verb.lemma_.lower() not in lex.cause_bound_verbs:
        return True
    return any(
        prep.dep_ in ("prep", "agent") and prep.lower_ in lex.affected_prepositions
        and any(o.dep_ == "pobj" and o.lemma_.lower() in lex.affected_causes for o in prep.children)
        for prep in verb.children
    )


def _stray_relatives(node: Token) -> list[Token]:
    """'a pupil at the school who has been missing': the parser hangs a "who" clause on the last
    noun before it, a place or a thing, when it describes the person before that."""
    if victim_group(node) is None:
        return []
    out = []
    for prep in node.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or victim_group(pobj) is not None or pobj.pos_ == "PROPN":
                continue
            out += [c for c in pobj.children if c.dep_ == "relcl" and any(g.tag_ == "WP" and g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    return out


# What one step up the parse tells `find_kind`, besides a Kind: keep walking (None), stop
# walking and try the fallbacks, or give up on the phrase altogether.
_STOP = "stop"
_GIVE_UP = "give up"


def find_kind(doc: Doc, m: Mention, anchor: Token, noun: Token | None) -> Kind | None:
    """The casualty word that governs the counted phrase: on the phrase itself, up to five heads
    above it, or (for fragments the parser misreads) right after it."""
    found = _find_kind(doc, m, anchor, noun)
    return _shared_kind(found) if found is not None else None


def _find_kind(doc: Doc, m: Mention, anchor: Token, noun: Token | None) -> Kind | None:
    increase = increase_noun(doc, m)
    if increase is not None:
        # "reached 412, an increase of 60 bodies": the toll the increase is of says what it counts
        step = _walk_up(increase, noun, [increase])
        if isinstance(step, Kind):
            return step
    node = noun if noun is not None else anchor
    found = _kind_at_phrase(doc, m, noun, node, [node]) or _own_clause_kind(doc, m, noun)
    if found is not None and not is_context_kind(found):
        return found
    path = [node]
    step = _walk_up(node, noun, path)
    if isinstance(step, Kind):
        return step  # "the bodies of 30 victims": a casualty word above "victims" names their kind
    if found is not None:
        return found
    if step is _GIVE_UP:
        return None
    return _fallback_kind(doc, m, noun, path)


def _shared_kind(found: Kind) -> Kind:
    """'killed or captured', 'either dead or seriously injured', 'killed and injured dozens':
    a casualty word coordinated with one of another kind, with nothing counted between them,
    shares its count, which is then a count of casualties (data/casualties.json coordinated_kinds)."""
    lex = casualty_words()
    tok = found.token
    if tok.pos_ not in ("VERB", "ADJ"):
        return found
    partners = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
    for partner in partners:
        other = lex.adjectives.get(partner.lower_) or (lex.verbs.get(verb_lemma(partner)) if partner.pos_ == "VERB" else None)
        if other is None or other == found.kind or has_negation(partner):
            continue
        lo, hi = sorted((tok.i, partner.i))
        between = tok.doc[lo + 1 : hi]
        if not all(t.pos_ in ("CCONJ", "ADV", "PUNCT", "AUX", "PART") for t in between):
            continue  # "five were killed and 12 injured": each verb has its own count
        if any(t.lower_ in lex.alternative_words for t in between) or {found.kind, other} <= lex.split_kinds:
            return Kind(CasualtyKind.casualties.value, tok, found.path, found.loser, found.subgroup)
    return found


def _walk_up(node: Token, noun: Token | None, path: list[Token]) -> Kind | str | None:
    """The Kind a casualty word above `node` gives, _GIVE_UP, or None (walk stopped or ran out);
    `path` collects the heads walked."""
    cur = node
    for _ in range(casualty_words().kind_walk_steps):
        head = cur.head
        if head.i == cur.i:
            break
        path.append(head)
        step = _kind_above(cur, head, noun, path)
        if step is _GIVE_UP or isinstance(step, Kind):
            return step
        if step is _STOP:
            break
        cur = head
    return None


def _own_clause_kind(doc: Doc, m: Mention, noun: Token | None) -> Kind | None:
    """'The dead include three women and five children, and more than 50 people have been
    wounded': the parser joins "50 people" to the listed dead and leaves "have been wounded"
    without a subject. A conjoined count followed by a casualty verb that has no subject of its
    own is that verb's subject, and takes its kind."""
    # "a toll of 64 dead and over 290 injured": a bare count joined to the one before it the same way
    joined = noun if noun is not None else anchor_of(doc, m)
    if joined.dep_ != "conj":
        return None
    found = _window_kind(doc, m, noun)
    if found is None or found.token.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in found.token.children):
        return None
    return found


def _kind_at_phrase(doc: Doc, m: Mention, noun: Token | None, node: Token, path: list[Token]) -> Kind | None:
    """'about 240 taken hostage', '49 deaths', 'four dead': the kind the phrase itself carries."""
    after = [t.lower_ for t in doc[m.end : min(m.limit, m.end + 2)]]
    if tuple(after) in casualty_words().prisoner_phrases:
        return Kind(CasualtyKind.captured.value, doc[m.end], path)
    listed = _listed_kinds(doc, m, noun, path) or _set_of_one(doc, m, path)
    if listed is not None:
        return listed
    if noun is not None and kind_noun(noun) and noun.lemma_.lower() not in casualty_words().not_phrase_kind_nouns:
        kind = kind_noun(noun)
        if is_context_kind(Kind(kind, noun, path)) and noun.dep_ in ("nsubj", "nsubjpass", "dobj") and in_care(noun.head, noun.dep_):
            kind = CasualtyKind.wounded.value  # "90 victims had to be flown abroad for treatment"
        if kind == CasualtyKind.bodies.value or not has_negation(noun):
            return _victims_of_kind_noun(noun, path) or Kind(kind, noun, path)
    found = kind_from_children(node)
    if found is not None and found.token.dep_ in ("relcl", "acl"):
        found = _own_verb_over_relative(node, path, finite=found.token.dep_ == "acl") or found
    return found or _kind_past_inclusion(noun, path)


def _listed_kinds(doc: Doc, m: Mention, noun: Token | None, path: list[Token]) -> Kind | None:
    """'dozens of killed and injured', 'hundreds of dead and wounded': casualty words the count
    is "of", joined with no number of their own, count one figure of all of them, so of
    casualties when their kinds differ. The parser takes a bare participle there for a verb,
    so the "of" object is read even when no counted noun was found."""
    lex = casualty_words()
    word = noun
    if word is None and m.end < m.limit and doc[m.end].lower_ == "of":
        word = next((c for c in doc[m.end].children if c.dep_ in ("pobj", "pcomp")), None)
    base = _kind_word(word) if word is not None and word.lemma_.lower() not in lex.not_phrase_kind_nouns else None
    if base is None:
        return None
    joined = [c for c in word.children if c.dep_ == "conj" and not any(t.like_num for t in c.subtree)]
    if word.i + 2 < m.limit and doc[word.i + 1].dep_ == "cc":
        joined.append(doc[word.i + 2])  # "hundreds of dead and wounded", the second word hung on the verb
    if {_kind_word(c) for c in joined} - {None, base}:
        return Kind(CasualtyKind.casualties.value, word, [*path, word])
    return Kind(base, word, [*path, word]) if noun is None else None


def _set_of_one(doc: Doc, m: Mention, path: list[Token]) -> Kind | None:
    """'saw his body – one of scores laid out in the yard': the set a casualty noun set off
    before "one of" belongs to is of that noun's kind (the parser rarely ties the apposition)."""
    k = m.start
    if k < 4 or [t.lower_ for t in doc[k - 2 : k]] != ["one", "of"] or not doc[k - 3].is_punct:
        return None
    owner = doc[k - 4]
    kind = kind_noun(owner)
    if kind is None or owner.lemma_.lower() in casualty_words().life_nouns:
        return None
    return Kind(kind, owner, [*path, owner])


def _victims_of_kind_noun(noun: Token, path: list[Token]) -> Kind | None:
    """'the burial of bodies of 30 victims', 'the deaths of 12 victims': a count of victims
    that is the "of" object of another casualty noun is counted as that noun says."""
    prep = noun.head
    if kind_noun(noun) != CasualtyKind.casualties.value or noun.dep_ != "pobj" or prep.lower_ != "of":
        return None
    owner = prep.head
    kind = kind_noun(owner)
    if kind is None or owner.lemma_.lower() in casualty_words().life_nouns:
        return None
    return Kind(kind, owner, [*path, prep, owner])


def _own_verb_over_relative(node: Token, path: list[Token], finite: bool = False) -> Kind | None:
    """'Two members who were injured in the attack died in hospital', 'another soldier wounded
    last week later died': the victims' own casualty verb says what became of them; the relative
    clause or participle only says what happened before. Over a participle, only a verb with a
    tense of its own (`finite`): in "one killed and 15 injured" the parser makes the first
    participle the second one's subject."""
    lex = casualty_words()
    verb = node.head
    lemma = verb.lemma_.lower()
    if node.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB" or lemma not in lex.verbs or has_negation(verb):
        return None
    if finite and verb.tag_ not in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    if lemma not in lex.victim_subject_verbs and not is_passive(verb):
        return None  # "Soldiers who were wounded killed ...": the killers
    return Kind(lex.verbs[lemma], verb, [*path, verb])


def _kind_past_inclusion(noun: Token | None, path: list[Token]) -> Kind | None:
    """'199 others including army and air force personnel injured': the parser hangs the
    participle on the last word of the uncounted 'including ...' list, but it says what
    happened to the whole count. A list with its own number ('including 20 soldiers
    injured') is that number's to read."""
    if noun is None:
        return None
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in casualty_words().group_markers:
            continue
        for pobj in prep.children:
            items = [pobj, *(c for c in pobj.children if c.dep_ == "conj")]
            if pobj.dep_ != "pobj" or any(c.dep_ == "nummod" for t in items for c in t.children):
                continue
            found = next((k for t in items if (k := kind_from_children(t)) is not None), None)
            if found is not None and found.token.dep_ == "acl" and found.token.pos_ == "VERB":
                return Kind(found.kind, found.token, [*path, found.token])
    return None


def reduced_passive(verb: Token) -> bool:
    """'88 casualties: 31 people killed and 57 injured': a casualty verb with no auxiliary and
    no object, whose subject (not a relative pronoun) is its victims (a killer kills someone: "Ten gunmen
    killed 12 villagers"). A coordinated verb's object counts for it ("killed and wounded 30")."""
    if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ in ("WDT", "WP"):
        return False  # "clashes that killed 155": the clashes did the killing
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ == "conj":
        verbs.append(verb.head)
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp") for v in verbs for c in v.children)


def _kind_above(cur: Token, head: Token, noun: Token | None, path: list[Token]) -> Kind | str | None:
    """One step up from `cur` to its head: a Kind, _STOP, _GIVE_UP, or None to keep walking."""
    lex = casualty_words()
    dep = cur.dep_
    lemma = head.lemma_.lower()
    # "the death toll rose to 49", "a toll of 49", "raising the toll to 49"
    if lemma in lex.toll:
        return Kind(_kind_of_toll(head), head, path)
    toll = _toll_near(head) if head.pos_ in ("VERB", "AUX") else None
    # "estimated the death toll to be greater than 90": a comparison the toll is the subject of
    compared = dep == "acomp" and cur.tag_ in ("JJR", "RBR")
    if toll is not None and (dep in ("pobj", "prep", "attr", "dobj", "npadvmod", "nummod", "appos", "conj") or compared):
        return Kind(_kind_of_toll(toll), toll, path)
    before = cur.doc[cur.i - 1] if cur.i > 0 else None
    if dep == "prep" and cur.lower_ in lex.figure_prepositions and before is not None and kind_noun(before) and before.lemma_.lower() not in lex.life_nouns:
        # "reported the deaths of 9 guards and injuries to 40 others": the parser hangs
        # "to 40 others" on the verb, but it is the casualty noun right before it that counts them
        return Kind(kind_noun(before), before, [*path, before])
    figure = _kind_noun_set(head) if head.pos_ == "VERB" and dep == "prep" and cur.lower_ in lex.figure_prepositions else None
    if figure is not None:
        return Kind(kind_noun(figure), figure, [*path, figure])  # "bringing the contingent's casualties to five"
    slot = dep in ("dobj", "attr") or dep == "prep" and cur.lower_ in lex.figure_verb_prepositions
    counted = _figure_subject(head) if slot else None
    if counted is not None:
        return Kind(kind_noun(counted), counted, [*path, counted])  # "deaths rose to 49", "casualties may exceed 50 people"
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        step = _kind_of_predicate(cur, head, noun, path)
        if step is not None:
            return step
    if head.pos_ in ("NOUN", "PROPN") and lemma in lex.nouns and lemma not in lex.life_nouns and dep in ("pobj", "prep", "appos", "compound", "nmod"):
        # "the bodies of 100 soldiers", "deaths of 12 civilians"
        return Kind(lex.nouns[lemma], head, path)
    if head.pos_ in ("NOUN", "PROPN") and dep in ("pobj", "prep") and lemma not in lex.victims:
        if not (cur.dep_ == "pobj" or cur.lower_ in lex.group_markers or cur.dep_ == "prep"):
            return _STOP
    return None


def _kind_of_predicate(cur: Token, head: Token, noun: Token | None, path: list[Token]) -> Kind | str | None:
    """A verb or adjective above the phrase: "lost 50 troops", "the dead included four women",
    "49 were killed"; _GIVE_UP when the verb counts something else."""
    dep = cur.dep_
    lex = casualty_words()
    lemma = verb_lemma(head)
    if lemma in lex.lose and dep in ("dobj", "nsubjpass", "attr"):
        if noun is not None and noun.lemma_.lower() in lex.nouns and noun.lemma_.lower() not in lex.life_nouns:
            kind = lex.nouns[noun.lemma_.lower()]
        else:
            kind = CasualtyKind.killed.value
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return Kind(kind, head, path, loser=subj)
    lives = lives_object(head) if dep == "nsubj" else None
    if lives is not None:
        # "17 people lost their lives"; "seven soldiers laid down their lives" (their lives
        # carry the kind: the subject of "laid" is the victims, not a killer)
        return Kind(CasualtyKind.killed.value, head if lemma in lex.lose else lives, path)
    if dep in ("nsubj", "nsubjpass", "dobj") and head.pos_ in ("VERB", "AUX") and in_care(head, dep):
        return Kind(CasualtyKind.wounded.value, head, path)  # "60 people were admitted to hospital", "14 remain in hospital"
    under = _under_rubble(head) if dep in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") else None
    if under is not None:
        return Kind(CasualtyKind.missing.value, under, [*path, under])  # "dozens remain trapped under the debris"
    if lemma in lex.listing_verbs and dep in ("dobj", "attr"):
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None and kind_noun(subj) and subj.lemma_.lower() not in lex.life_nouns:
            return Kind(kind_noun(subj), subj, [*path, subj])  # "the dead included four women"
    if lemma == "take" and dep not in ("prep", "agent") and _prisoner_phrase(head):
        # not "took the town hostage with 300 fighters": a count under a preposition is no captive
        return Kind(CasualtyKind.captured.value, head, path)
    joined = _joined_participle(head) if dep == "nsubjpass" else None
    if lemma in lex.verbs or head.lower_ in lex.adjectives:
        step = _kind_of_casualty_word(dep, head, noun, path)
        if step is _GIVE_UP and joined is not None:
            step = None  # "18 men being detained and executed": not captives, but killed
        if step is not None:
            return step
    if joined is not None:
        return Kind(lex.verbs[joined.lemma_.lower()], joined, [*path, joined])  # "were rounded up and killed"
    phrasal = _phrasal_kind(head) if dep in ("dobj", "nsubjpass") else None
    if phrasal is not None:
        # "rounded up hundreds of men"; not "police rounded up 30 protesters", an arrest
        return _GIVE_UP if noun is not None and noun.lemma_.lower() in lex.arrest_nouns else Kind(phrasal, head, path)
    reported = _object_before_speaker(cur, head, path) if dep == "nsubj" and lemma in lex.reporting_verbs else None
    if reported is not None:
        return reported
    if dep in ("nsubj", "nsubjpass", "dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        # "the dead included 13 children", "victims were 49 soldiers": one more hop only
        found = kind_from_children(head)
        if found and found.token.dep_ not in ("acl", "relcl"):
            return found
        if lemma == "be":
            found = _kind_among(head, path)
            if found is not None:
                return found
        if lemma not in lex.listing_verbs:
            return _STOP
    return None


def _under_rubble(verb: Token) -> Token | None:
    """The 'trapped'/'buried' of 'are buried under the ruins', 'remain trapped under the debris'
    (the verb itself or its complement), when its phrase names rubble (data/casualties.json rubble_words)."""
    lex = casualty_words()
    for word in (verb, *(c for c in verb.children if c.dep_ in ("acomp", "xcomp", "oprd"))):
        if word.lemma_.lower() not in lex.rubble_verbs or has_negation(word):
            continue
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ in lex.rubble_prepositions:
                if any(p.dep_ == "pobj" and (p.lower_ in lex.rubble_nouns or p.lemma_.lower() in lex.rubble_nouns) for p in prep.children):
                    return word
    return None


def _phrasal_kind(verb: Token) -> str | None:
    """The kind of a verb-and-particle phrase ('round up'), from data/casualties.json phrasal_kind_verbs."""
    if verb.pos_ != "VERB":
        return None
    phrasal = casualty_words().phrasal_verbs
    lemma = verb.lemma_.lower()
    return next((phrasal[(lemma, c.lower_)] for c in verb.children if c.dep_ == "prt" and (lemma, c.lower_) in phrasal), None)


def _object_before_speaker(cur: Token, verb: Token, path: list[Token]) -> Kind | None:
    """'A drone has killed at least 19 people in the valley, a doctor and a local
    farmer told Reuters': with two speakers the parser makes the count the subject of the reporting verb
    (and the speakers an apposition), but it is the object of the casualty verb right before it,
    the reported clause, which has no object of its own."""
    lex = casualty_words()
    for clause in verb.children:
        lemma = clause.lemma_.lower()
        if clause.dep_ != "ccomp" or clause.i >= cur.i or lemma not in lex.verbs or lemma in lex.victim_subject_verbs:
            continue
        if clause.i + 1 == cur.left_edge.i and not _has_object(clause):
            return Kind(lex.verbs[lemma], clause, [*path, clause])
    return None


def _kind_of_casualty_word(dep: str, head: Token, noun: Token | None, path: list[Token]) -> Kind | str | None:
    """A casualty verb or adjective above the phrase, unless its sense or its syntax says the
    number counts something else (_GIVE_UP)."""
    lex = casualty_words()
    lemma = verb_lemma(head)
    kind = lex.verbs.get(lemma) or lex.adjectives.get(head.lower_)
    # "the war claimed 26 lives", "the clashes claimed the lives of 23 soldiers"
    if lemma in lex.claim_lives_verbs and not any(t.lemma_.lower() in lex.life_nouns for t in (noun, *path) if t is not None):
        return _GIVE_UP
    if kind == CasualtyKind.bodies.value and not (noun is not None and noun.lemma_.lower() in lex.body_nouns):
        return _GIVE_UP
    if lemma in lex.detention_verbs and (noun is None or (victim_group(noun) is not VictimGroup.military and noun.lemma_.lower() not in lex.detained_nouns)):
        return _GIVE_UP
    if lemma in lex.direct_object_verbs and (noun is None or noun.head.i != head.i or noun.dep_ not in ("dobj", "nsubjpass")):
        return _GIVE_UP  # "held talks with 30 officers": only the soldiers held are captives
    if not cause_holds(head):
        return _GIVE_UP  # "2 million people affected by the war"
    bare_count = noun is None and path[0].like_num and not _has_object(head)  # "11 dead and 28 wounded": a count, tagged a past tense
    if dep == "nsubj" and lemma in lex.verbs and lemma not in lex.victim_subject_verbs and not is_passive(head) and head.pos_ == "VERB" and not reduced_passive(head) and not bare_count:
        return _GIVE_UP  # "Ten gunmen killed ...": the number counts the killers
    if dep in ("nsubj", "nsubjpass", "dobj", "npadvmod", "attr", "nummod", "advmod", "conj", "appos", "oprd", "pobj", "prep", "acomp", "amod", "compound", "ccomp", "dep"):
        return Kind(kind, head, path)
    return None


def _kind_among(head: Token, path: list[Token]) -> Kind | None:
    """'Eleven children were among the 30 people killed', '... was among the wounded'."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("among", "of"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and kind_noun(pobj):
                    return Kind(kind_noun(pobj), pobj, [*path, prep, pobj])
                inner = kind_from_children(pobj) if pobj.dep_ == "pobj" else None
                if inner is not None:
                    return Kind(inner.kind, inner.token, [*path, prep, pobj, inner.token])
    return None


def _fallback_kind(doc: Doc, m: Mention, noun: Token | None, path: list[Token]) -> Kind | None:
    """No casualty word above the phrase: a participle right after it, or hostages held."""
    found = _window_kind(doc, m, noun)
    if found is None and noun is not None and noun.lemma_.lower() in casualty_words().captive_nouns:
        held = noun.head.lemma_.lower() in casualty_words().held_verbs
        if held and noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
            return Kind(casualty_words().nouns[noun.lemma_.lower()], noun, path[:1])  # "holding more than 200 hostages"
    return found


def _prisoner_phrase(verb: Token) -> bool:
    """'taken hostage', and 'had taken seven soldiers hostage': the phrase's noun right after
    the verb or, with the captives between, as the verb's own object or complement."""
    lex = casualty_words()
    doc = verb.doc
    after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "advmod", "npadvmod", "attr")]
    for phrase in lex.prisoner_phrases:
        if verb.lemma_.lower() not in (phrase[0], "take", "hold"):
            continue
        if verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == phrase[1]:
            return True
        if any(c.lower_ == phrase[1] for c in after):
            return True
    return False


def _window_kind(doc: Doc, m: Mention, noun: Token | None) -> Kind | None:
    """Fallback for fragments the parser misreads: a participle right after the count
    ("one hundred and five wounded", "49 soldiers killed"), with no other verb between."""
    lex = casualty_words()
    j = (noun.i + 1) if noun is not None else m.end
    sent_end = m.limit
    for tok in doc[j : min(sent_end, j + lex.participle_window)]:
        lower = tok.lower_
        # "missing" is often tagged a gerund ("remain missing")
        if tok.tag_ in ("VBN", "JJ", "VBD", "VBG") and (lower in lex.adjectives or (tok.lemma_.lower() in lex.verbs and tok.tag_ == "VBN")):
            kind = lex.adjectives.get(lower) or lex.verbs.get(tok.lemma_.lower())
            if kind in (CasualtyKind.bodies.value,) or tok.lemma_.lower() in lex.not_window_verbs or not cause_holds(tok):
                return None
            return Kind(kind, tok, [tok])
        if tok.pos_ in ("AUX", "ADV", "PART") or tok.dep_ in ("aux", "auxpass") or tok.lemma_.lower() in lex.linking_verbs:
            continue  # "scores of others remain missing", with "scores" hung on another noun
        return None
    return None


def title_cased(sent: Span) -> bool:
    """Whether most of the sentence's longer words are capitalised, as in a title-case headline."""
    lex = casualty_words()
    words = [t for t in sent if t.is_alpha and len(t.text) >= lex.title_case_min_letters]
    return bool(words) and sum(t.text[0].isupper() for t in words) >= lex.title_case_share * len(words)


def headline_kind(doc: Doc, m: Mention, noun: Token | None) -> Kind | None:
    """A title-case headline's count that the parse ties to no casualty word: "35 Feared Dead in
    ...", "At Least 40 Villagers Including Women Slaughtered in ...", "Twelve Miners Kidnapped".
    The parser reads such a headline as a run of names, so its words are read instead: a
    casualty adjective or a casualty verb's past participle shortly after the count, past the
    capitalised words of the victims' phrase, hedges, auxiliaries and an "including ..." list.
    Punctuation, a lower-case word or another participle ("50 Civilians Evacuated") ends the search."""
    lex = casualty_words()
    j = (noun.i + 1) if noun is not None else m.end
    for tok in doc[j : min(m.limit, j + lex.headline_window)]:
        word = tok.lower_
        kind = lex.adjectives.get(word) or _participle_kind(word)
        if kind is not None:
            return Kind(kind, tok, [tok])
        if word in lex.group_markers or word in lex.headline_skip_words or tok.pos_ == "CCONJ" or is_numeral(tok):
            continue
        if tok.is_punct or not tok.text[0].isupper() or word.endswith("ed"):
            return None
    return None


def _participle_kind(word: str) -> str | None:
    """The kind of the casualty verb whose regular past participle `word` is ("massacred",
    "kidnapped", "died"), for words the parse gave no verb lemma; not the verbs the participle
    window leaves alone, which need a noun the parse has to show."""
    lex = casualty_words()
    if not word.endswith("ed"):
        return None
    stem = word[:-2]
    doubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None
    for lemma in (stem, word[:-1], doubled):
        if lemma is None or lemma not in lex.verbs:
            continue
        if lex.verbs[lemma] == CasualtyKind.bodies.value or lemma in lex.not_window_verbs or lemma in lex.cause_bound_verbs:
            return None
        return lex.verbs[lemma]
def back_reference(doc: Doc, m: Mention, noun: Token | None) -> Token | None:
    """The pronoun through which a count in a "be" clause with no casualty word of its own
    counts the victims of the sentence before: "Four of them are children", "A major was among
    them", "Among them was a nurse". Only "be": "Two of them were released" says something else."""
    lex = casualty_words()
    victim = noun if noun is not None else anchor_of(doc, m)
    verb = victim.head
    if victim.dep_ not in ("nsubj", "attr") or verb.lemma_.lower() != "be":
        return None
    if m.end + 1 < m.limit and doc[m.end].lower_ == "of" and doc[m.end + 1].lower_ in lex.back_pronouns:
        return doc[m.end + 1]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in lex.group_markers:
            pronoun = next((p for p in prep.children if p.dep_ == "pobj" and p.lower_ in lex.back_pronouns), None)
            if pronoun is not None:
                return pronoun
    return None


def is_context_kind(kind: Kind) -> bool:
    """Whether the kind is only a context noun's ('victims'), which context_kind settles."""
    tok = kind.token
    return kind.kind == CasualtyKind.casualties.value and tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in casualty_words().context_kind_nouns


def context_kind(kind: Kind, sent: Span, earlier: Collection[str]) -> Kind:
    """The kind of a count of 'victims' (data/casualties.json context_kind_nouns): that of the
    casualty words of its own sentence, else that of the article's claims before it."""
    if not is_context_kind(kind):
        return kind
    lex = casualty_words()
    own = {_as_context(k) for t in sent if t.i != kind.token.i and (k := _sentence_kind_word(t)) is not None}
    if own:
        return kind if len(own) > 1 else Kind(own.pop(), kind.token, kind.path, kind.loser, kind.subgroup)
    before = {_as_context(k) for k in earlier} - {CasualtyKind.casualties.value}
    if len(before) == 1 or (CasualtyKind.killed.value in before and before - {CasualtyKind.killed.value} <= lex.dead_over):
        chosen = before.pop() if len(before) == 1 else CasualtyKind.killed.value
        return Kind(chosen, kind.token, kind.path, kind.loser, kind.subgroup)
    return kind


def _as_context(kind: str) -> str:
    return CasualtyKind.killed.value if kind in casualty_words().as_killed else kind


def _sentence_kind_word(tok: Token) -> str | None:
    """The kind a casualty word of the sentence names, for context_kind; not the verbs that
    name a kind only with their own nouns ('claimed responsibility', 'recovered weapons')."""
    lex = casualty_words()
    lemma = verb_lemma(tok)
    if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in lex.context_kind_nouns:
        return None
    if tok.pos_ == "VERB" and lemma in lex.verbs and lemma not in lex.not_relative_clause and cause_holds(tok):
        return lex.verbs[lemma]
    # "40 hurt" is sometimes tagged a noun: the adjective's kind whatever the tag
    return kind_noun(tok) or lex.adjectives.get(tok.lower_)


def breakdown_continues(anchor: Token, kind: str, token: Token) -> Kind | None:
    """'22 of those killed were children and 15 were women': the second count is the same
    kind of victim, another sub-group."""
    head = anchor.head
    if anchor.dep_ != "nsubj" or head.lemma_.lower() != "be":
        return None
    attr = next((c for c in head.children if c.dep_ == "attr"), None)
    if attr is None or victim_group(attr) is None:
        return None
    return Kind(kind, token, [anchor, head, attr], subgroup=attr.text.lower())
