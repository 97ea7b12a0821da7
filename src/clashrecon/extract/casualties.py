"""Casualty claims: who was killed, wounded, missing or captured, how many, and who says so.

For every counted phrase in a body or headline sentence ("at least 49 Armenian soldiers",
"dozens", "an unknown number of people", "no one") the extractor finds the casualty word
that governs it through the dependency parse (verb, adjective, noun or "death toll"),
then reads the victims' party and group, the claimant and the scope of the count.

What it does NOT do: it does not count victims named one by one ("a soldier and his
son"), does not add numbers up or compare them across sentences (the reconciler does),
does not resolve a pronoun beyond the sentence's speaker and the previous sentences'
speakers, and emits nothing for troop deployments, protester crowds, ages, durations,
dates, distances, money or percentages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from clashrecon.extract.actors import actor_of_phrase, actor_of_text
from clashrecon.extract.attribution import Attribution, attribute
from clashrecon.extract.common import claim_sentences, doc_lowers, doc_tokens, make_claim, text_of, tokens_of
from clashrecon.extract.quantities import (
    number_word_forms,
    parse_quantity,
    qualifier_phrases,
    vague_phrases,
)
from clashrecon.lexicon import actor_lexicon, load_data
from clashrecon.models import (
    Article,
    CasualtyKind,
    Claim,
    Field,
    Quantity,
    Scope,
    ScopeKind,
    SegmentType,
    TimeRef,
    VictimGroup,
)

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
_SKIP_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their", "our", "my", "your"})
_SUBJECT_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PARTS_OF_DAY = ("early", "morning", "afternoon", "evening", "late", "overnight", "night")


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, str]
    adjectives: dict[str, str]
    nouns: dict[str, str]
    toll: frozenset[str]
    toll_compounds: dict[str, str]
    lose: frozenset[str]
    prisoner_phrases: tuple[tuple[str, ...], ...]
    victims: dict[str, VictimGroup]
    group_markers: frozenset[str]
    increment_before: frozenset[str]
    both_sides: tuple[str, ...]
    war_nouns: frozenset[str]
    mutual_fighting: frozenset[str]
    own_forces: frozenset[str]
    place_nouns: frozenset[str]
    place_titles: frozenset[str]
    units: frozenset[str]
    denial: frozenset[str]
    report_nouns: frozenset[str]
    no_numbers: tuple[str, ...]


def _invert(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: kind for kind, words in table.items() for word in words}


@cache
def _lexicon() -> _Lexicon:
    raw = load_data("casualties.json")
    victims: dict[str, VictimGroup] = {}
    # civilians and military first so that their words win over the generic people list
    for group in ("civilians", "military", "people"):
        for word in raw["victim_nouns"][group]:
            victims.setdefault(word, VictimGroup(group))
    return _Lexicon(
        verbs=_invert(raw["kind_verbs"]),
        adjectives=_invert(raw["kind_adjectives"]),
        nouns=_invert(raw["kind_nouns"]),
        toll=frozenset(raw["toll_nouns"]),
        toll_compounds=raw["toll_compounds"],
        lose=frozenset(raw["lose_verbs"]),
        prisoner_phrases=tuple(tuple(p.split()) for p in raw["prisoner_phrases"]),
        victims=victims,
        group_markers=frozenset(raw["group_markers"]),
        increment_before=frozenset(raw["increment_markers"]),
        both_sides=tuple(raw["both_sides"]),
        war_nouns=frozenset(raw["war_nouns"]),
        mutual_fighting=frozenset(raw["mutual_fighting_nouns"]),
        own_forces=frozenset(raw["own_forces_nouns"]),
        place_nouns=frozenset(raw["place_nouns"]),
        place_titles=frozenset(raw["place_titles"]),
        units=frozenset(raw["unit_nouns"]),
        denial=frozenset(raw["denial_verbs"]),
        report_nouns=frozenset(raw["report_nouns"]),
        no_numbers=tuple(raw["no_numbers_phrases"]),
    )


# --------------------------------------------------------------------------- counted phrases


@dataclass
class _Mention:
    """A counted phrase in a sentence: tokens [start, end) of the doc, and what it counts."""

    start: int
    end: int
    quantity: Quantity
    noun: Token | None = None  # the counted noun ("soldiers"), if any
    increment: bool = False
    flags: set[str] = field(default_factory=set)
    limit: int = 0  # end of the sentence the phrase is in


def _is_numeral(tok: Token) -> bool:
    return bool(_DIGITS.match(tok.text)) or tok.lower_ in number_word_forms()


def _match_words(lowers: list[str], i: int, words: list[str] | tuple[str, ...], limit: int) -> bool:
    """True when the lower-cased tokens from i on are `words`, all before `limit`."""
    if i < 0 or i + len(words) > limit:
        return False
    return lowers[i : i + len(words)] == list(words)


@cache
def _vague_by_first_word() -> dict[str, list[list[str]]]:
    """vague_phrases() grouped by first word, longest first within each: only those can match at a token."""
    out: dict[str, list[list[str]]] = {}
    for words in vague_phrases():
        out.setdefault(words[0], []).append(words)
    return out


def _numeral_run(doc: Doc, i: int, limit: int) -> int:
    """End (exclusive) of the spelled or digit number starting at token i, or i if none."""
    scales = {"hundred", "thousand", "million", "billion", "dozen"}
    toks = doc_tokens(doc)
    j = i
    if toks[i].lower_ in ("a", "an"):
        if i + 1 < limit and toks[i + 1].lower_ in scales:
            j = i + 1
        else:
            return i
    if not _is_numeral(toks[j]):
        return i
    j += 1
    while j < limit:
        tok = toks[j]
        if _is_numeral(tok) and not (_DIGITS.match(tok.text) and _DIGITS.match(toks[j - 1].text)):
            if _DIGITS.match(tok.text) and toks[j - 1].lower_ not in scales:
                break
            j += 1
        elif tok.text in ("-", "–") and j + 1 < limit and toks[j + 1].lower_ in number_word_forms() and not _DIGITS.match(toks[j - 1].text):
            j += 1
        elif tok.lower_ == "and" and toks[j - 1].lower_ in scales and j + 1 < limit and toks[j + 1].lower_ in number_word_forms():
            j += 1
        else:
            break
    return j


@cache
def _unspecified_words() -> frozenset[str]:
    """'unknown', 'unspecified' ...: the adjectives of numbers.json's unspecified phrases."""
    return frozenset(p.split()[0] for p in load_data("numbers.json")["unspecified"])


@cache
def _zero_words() -> frozenset[str]:
    """'no', 'nobody', 'none': single words that count zero (numbers.json)."""
    return frozenset(p for p in load_data("numbers.json")["zero"] if " " not in p and p != "zero")


def _scan(sent: Span) -> list[_Mention]:
    """Every counted phrase in the sentence, with its qualifier, range and increment marker."""
    doc = sent.doc
    limit = sent.end
    mentions: list[_Mention] = []
    i = sent.start
    vague = _vague_by_first_word()
    quals = qualifier_phrases()
    lowers = doc_lowers(doc)
    toks = doc_tokens(doc)
    while i < limit:
        tok = toks[i]
        start, end, flags = i, i, set()
        # vague words ("dozens", "tens of thousands of") and "an unknown number of"
        for words in vague.get(lowers[i], ()):
            if _match_words(lowers, i, words, limit):
                end = i + len(words)
                if words[-1] == "of":
                    end -= 1  # the "of" belongs to the counted noun
                flags.add("vague")
                break
        if end == i and tok.lower_ in _unspecified_words() and i + 1 < limit:
            nxt = toks[i + 1]
            if nxt.lemma_.lower() == "number":
                start = i - 1 if i > sent.start and toks[i - 1].lower_ in ("a", "an") else i
                end = i + 2
                flags.add("unspecified")
            elif nxt.lemma_.lower() in _lexicon().nouns:
                end = i + 1
                flags.add("unspecified")
        if end == i and tok.lower_ in _zero_words() and tok.ent_type_ == "":
            end = i + 2 if (tok.lower_ == "no" and i + 1 < limit and toks[i + 1].lower_ == "one") else i + 1
            flags.add("zero")
        if end == i:
            end = _numeral_run(doc, i, limit)
        if end == i and _single_victim(tok):
            end = i + 1
            flags.add("single")  # "a 15-year-old girl was killed": one victim
        if end == i:
            i += 1
            continue
        # ranges: "between 10 and 20", "10 to 20", "10-20", "two or three"
        if not flags and end + 1 < limit and toks[end].lower_ in ("and", "to", "or", "-", "–"):
            second = _numeral_run(doc, end + 1, limit)
            preceded_by_from = start > sent.start and toks[start - 1].lower_ == "from"
            if second > end + 1 and not preceded_by_from:
                between = start > sent.start and toks[start - 1].lower_ == "between"
                if toks[end].lower_ != "and" or between:
                    if between:
                        start -= 1
                    end = second
                    flags.add("range")
        if start > sent.start and toks[start - 1].lower_ == "from" and "range" not in flags:
            flags.add("from")  # "rose from 40 to 49": 40 is the superseded figure
        # a qualifier before the number ("at least", "more than", "as many as")
        if not flags & {"range", "unspecified", "zero"}:
            for words in quals:
                k = start - len(words)
                if k >= sent.start and _match_words(lowers, k, words, limit):
                    start = k
                    break
        if start > sent.start and toks[start - 1].lower_ in _lexicon().increment_before:
            flags.add("increment")
        if end < limit and toks[end].lower_ == "more" and not (end + 1 < limit and toks[end + 1].lower_ == "than"):
            flags.add("increment")
        text = doc[start:end].text
        if "zero" in flags:
            quantity = Quantity.exact(0, text)
        elif "unspecified" in flags:
            quantity = Quantity.unspecified(text)
        elif "single" in flags:
            quantity = Quantity.exact(1, text)
        else:
            quantity = parse_quantity(text)
        if quantity is not None:
            mentions.append(_Mention(start, end, quantity, increment="increment" in flags, flags=flags, limit=limit))
        i = max(end, i + 1)
    return mentions


# --------------------------------------------------------------------------- filters


def _is_part_of_another_count(doc: Doc, m: _Mention) -> bool:
    """'two of the 12 hostages', 'members of one family', 'one in ten residents': the number
    is a denominator or a ratio, not a count of victims."""
    if m.flags & {"zero", "unspecified", "single"}:
        return False
    k = m.start - 1
    if k >= 0 and doc[k].lower_ in ("the", "these", "those"):
        k -= 1
    if k >= 0 and doc[k].lower_ == "of":
        head = doc[k].head
        if head.pos_ == "NUM" or (_victim_group(head) is not None and not _kind_noun(head)):
            return True
    if k >= 0 and doc[k].lower_ == "in" and k - 1 >= 0 and _is_numeral(doc[k - 1]):
        return True
    if m.end < len(doc) and doc[m.start].lower_ == "one" and doc[m.end].lower_ == "another":
        return True  # "killed one another"
    if m.end + 1 < len(doc) and doc[m.end].lower_ in ("in", "out") and (_is_numeral(doc[m.end + 1]) or doc[m.end + 1].lower_ == "of"):
        return True
    return False


def _is_measure(doc: Doc, m: _Mention) -> bool:
    """Dates, durations, ages, distances, money, percentages, page chrome: never counts of people."""
    lex = _lexicon()
    if m.flags & {"zero", "unspecified"}:
        return False
    if _is_age(doc, m):
        return True
    nums = [t for t in doc[m.start : m.end] if _is_numeral(t)]
    if not nums:
        return False
    if any(t.ent_type_ in _SKIP_ENTS for t in nums) and not _counts_people_next(doc, m.end):
        # a bare number the model calls a DATE ("put the number at 35") is still a number;
        # years are caught below, and real dates carry a month or day word
        if not _bare_date(doc, nums):
            return True
    if len(nums) == 1 and _YEAR.match(nums[0].text) and not _counts_people_next(doc, m.end):
        return True
    if m.start > 0 and doc[m.start - 1].text in ("$", "€", "£", "#", "No.", "no."):
        return True
    if m.end < len(doc):
        nxt = doc[m.end]
        after = doc[m.end + 1] if m.end + 1 < len(doc) else None
        if nxt.text in ("-", "–") and after is not None and after.lemma_.lower() in lex.units:
            return True  # "six-week", "44-day", "40-minute", "15-year-old"
        if nxt.lemma_.lower() in lex.units or nxt.text in ("%", "a.m.", "p.m."):
            return True
        if nxt.lower_ in ("years", "year") and after is not None and after.lower_ == "old":
            return True
    return False


def _single_victim(tok: Token) -> bool:
    """'a'/'an' before one named victim ("a 15-year-old girl", "an Israeli soldier"), not
    one of a list ("four women and a child") and not a victim noun used as a speaker."""
    if tok.lower_ not in ("a", "an") or tok.dep_ != "det":
        return False
    noun = tok.head
    return noun.tag_ == "NN" and noun.dep_ in ("nsubj", "nsubjpass", "dobj") and _victim_group(noun) is not None


def _bare_date(doc: Doc, nums: list[Token]) -> bool:
    """Whether the model's DATE entity is nothing but the numerals themselves."""
    if any(t.ent_type_ != "DATE" for t in nums):
        return False
    first, last = nums[0].i, nums[-1].i
    before_is_date = first > 0 and doc[first - 1].ent_type_ == "DATE"
    after_is_date = last + 1 < len(doc) and doc[last + 1].ent_type_ == "DATE" and doc[last + 1].ent_iob_ == "I"
    return not before_is_date and not after_is_date


def _is_age(doc: Doc, m: _Mention) -> bool:
    """'The soldier, 22, was killed': a number set off by commas after a person is an age."""
    if m.start < 2 or m.end >= len(doc):
        return False
    return doc[m.start - 1].text == "," and doc[m.end].text == "," and doc[m.start - 2].pos_ in ("NOUN", "PROPN")


def _counts_people_next(doc: Doc, end: int) -> bool:
    lex = _lexicon()
    for tok in doc[end : min(len(doc), end + 3)]:
        if _victim_group(tok) is not None or tok.lemma_.lower() in lex.nouns:
            return True
        if tok.pos_ not in ("ADJ", "PROPN") and tok.ent_type_ != "NORP":
            return False
    return False


# --------------------------------------------------------------------------- victims


def _kind_noun(tok: Token) -> str | None:
    """The casualty kind a noun names ("deaths", "the wounded", "bodies"), if any."""
    nouns = _lexicon().nouns
    return nouns.get(tok.lower_) or (nouns.get(tok.lemma_.lower()) if tok.pos_ in ("NOUN", "PROPN") else None)


def _victim_group(tok: Token) -> VictimGroup | None:
    lex = _lexicon()
    for key in (tok.lower_, tok.lemma_.lower()):
        if key in lex.victims:
            return lex.victims[key]
    if tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS", "NNP"):
        return VictimGroup.people  # "20 Palestinians"
    if _demonym_plural(tok):
        return VictimGroup.people  # "Fifteen Thais", a plural the lexicon lacks
    return None


def _demonym_plural(tok: Token) -> str | None:
    """The actor a capitalised plural of a known demonym names ("Thais" -> Thailand)."""
    text = tok.text
    if len(text) > 3 and text[0].isupper() and text.endswith("s") and tok.pos_ in ("PROPN", "NOUN"):
        return actor_of_text(text[:-1])
    return None


def _counted_noun(doc: Doc, m: _Mention, limit: int) -> tuple[Token | None, bool]:
    """The noun a number counts and whether it names people or casualties.

    "49 Armenian soldiers" -> soldiers; "49 of its soldiers" -> soldiers; "2,000 tanks" -> tanks
    (not people); "49 were killed" -> None (the number stands alone).
    """
    lex = _lexicon()
    j = m.end
    if j < limit and doc[j].lower_ == "more":
        j += 1
    if j < limit and doc[j].lower_ == "of":
        pobj = next((c for c in doc[j].children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.i < limit:
            if pobj.lower_ in ("them", "whom", "those"):
                # "22 of those killed": the participle on "those" says what was counted
                return (pobj, True) if _kind_from_children(pobj) is not None else (None, True)
            if _victim_group(pobj) is not None or _kind_noun(pobj):
                return pobj, True
        j += 1
        while j < limit and doc[j].pos_ in ("DET", "PRON", "ADJ", "NUM", "PART") and doc[j].lower_ not in ("them", "whom", "those"):
            j += 1
        if j < limit and doc[j].lower_ in ("them", "whom", "those"):
            return None, True
    skipped = 0
    while j < limit and skipped < 4:
        tok = doc[j]
        if _victim_group(tok) is not None or tok.lemma_.lower() in lex.nouns:
            # "Palestinian civilians": skip the demonym and take the head noun
            nxt = doc[j + 1] if j + 1 < limit else None
            if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and (_victim_group(nxt) or nxt.lemma_.lower() in lex.nouns):
                j += 1
                skipped += 1
                continue
            return tok, True
        if (
            tok.pos_ in ("ADJ", "PROPN", "PUNCT") and tok.text not in (",", ".", ";", ":")
            or tok.ent_type_ == "NORP"
            or tok.pos_ == "NOUN" and tok.dep_ == "compound"
            or tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBG")  # "6 suspected militants"
        ):
            j += 1
            skipped += 1
            continue
        if tok.pos_ == "NOUN":
            return tok, False
        break
    return None, True


# --------------------------------------------------------------------------- kind


def _kind_of_toll(tok: Token) -> str:
    lex = _lexicon()
    if tok.lemma_.lower() == "number":
        return _number_of_victims(tok) or CasualtyKind.casualties.value
    if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.verbs:
        return lex.verbs[tok.lemma_.lower()]
    for child in tok.children:
        if child.dep_ in ("compound", "amod") and child.lemma_.lower() in lex.toll_compounds:
            return lex.toll_compounds[child.lemma_.lower()]
    return CasualtyKind.killed.value


def _toll_near(verb: Token) -> Token | None:
    lex = _lexicon()
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
    return None


def _number_of_victims(tok: Token) -> str | None:
    """'the number of Palestinians killed' works like a death toll: the kind of its victims."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ not in ("pobj", "pcomp"):
                    continue
                if _kind_noun(pobj):
                    return _kind_noun(pobj)  # "the number of wounded"
                found = _kind_from_children(pobj)
                if found is not None:
                    return found.kind
    return None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN"


@dataclass
class _Kind:
    kind: str
    token: Token  # the word that carries the kind
    path: list[Token]  # tokens walked from the counted phrase to it
    loser: Token | None = None  # subject of "lost"/"suffered": the victims' side
    subgroup: str | None = None  # "... and 15 were women": the sub-group a breakdown names


def _kind_from_children(node: Token) -> _Kind | None:
    """'soldiers killed in ...', 'four dead', 'people who died', 'soldiers missing'."""
    lex = _lexicon()
    for child in node.children:
        lemma = child.lemma_.lower()
        if child.dep_ in ("amod", "acomp", "oprd", "xcomp") and (child.lower_ in lex.adjectives or lemma in lex.adjectives):
            return _Kind(lex.adjectives.get(child.lower_, lex.adjectives.get(lemma)), child, [node, child])
        if child.dep_ in ("acl", "relcl") and lemma in lex.verbs and lemma not in ("claim", "recover", "exhume", "retrieve", "detain", "seize"):
            return _Kind(lex.verbs[lemma], child, [node, child])
        if child.dep_ == "xcomp" and lemma in ("die", "perish") and node.pos_ in ("VERB", "AUX"):
            return _Kind(lex.verbs[lemma], child, [node, child])  # "are believed to have died"
    return None


def _find_kind(doc: Doc, m: _Mention, anchor: Token, noun: Token | None) -> _Kind | None:
    lex = _lexicon()
    node = noun if noun is not None else anchor
    path = [node]
    after = [t.lower_ for t in doc[m.end : min(m.limit, m.end + 2)]]
    if tuple(after) in lex.prisoner_phrases:
        return _Kind(CasualtyKind.captured.value, doc[m.end], path)  # "about 240 taken hostage"
    if noun is not None and _kind_noun(noun) and noun.lemma_.lower() not in ("prisoner", "hostage", "life"):
        kind = _kind_noun(noun)
        if kind == CasualtyKind.bodies.value or not _negated_context(noun):
            return _Kind(kind, noun, path)
    found = _kind_from_children(node)
    if found:
        return found
    cur = node
    for _ in range(5):
        head = cur.head
        if head.i == cur.i:
            break
        dep = cur.dep_
        lemma = head.lemma_.lower()
        path.append(head)
        # "the death toll rose to 49", "a toll of 49", "raising the toll to 49"
        if lemma in lex.toll:
            return _Kind(_kind_of_toll(head), head, path)
        toll = _toll_near(head) if head.pos_ in ("VERB", "AUX") else None
        if toll is not None and dep in ("pobj", "prep", "attr", "dobj", "npadvmod", "nummod", "appos", "conj"):
            return _Kind(_kind_of_toll(toll), toll, path)
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            if lemma in lex.lose and dep in ("dobj", "nsubjpass", "attr"):
                if noun is not None and noun.lemma_.lower() in lex.nouns and noun.lemma_.lower() != "life":
                    kind = lex.nouns[noun.lemma_.lower()]
                else:
                    kind = CasualtyKind.killed.value
                subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
                return _Kind(kind, head, path, loser=subj)
            if lemma in lex.lose and dep == "nsubj" and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in head.children):
                return _Kind(CasualtyKind.killed.value, head, path)  # "17 people lost their lives"
            if lemma in ("include", "be") and dep in ("dobj", "attr"):
                subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
                if subj is not None and _kind_noun(subj) and subj.lemma_.lower() not in ("life",):
                    return _Kind(_kind_noun(subj), subj, [*path, subj])  # "the dead included four women"
            if lemma == "take" and _prisoner_phrase(head):
                return _Kind(CasualtyKind.captured.value, head, path)
            if lemma in lex.verbs or head.lower_ in lex.adjectives:
                kind = lex.verbs.get(lemma) or lex.adjectives.get(head.lower_)
                if lemma == "claim" and not (noun is not None and noun.lemma_.lower() == "life"):
                    return None
                if kind == CasualtyKind.bodies.value and not (noun is not None and noun.lemma_.lower() in ("body", "remains")):
                    return None
                if lemma in ("detain", "seize") and (noun is None or (_victim_group(noun) is not VictimGroup.military and noun.lemma_.lower() not in ("hostage", "prisoner"))):
                    return None
                if dep == "nsubj" and lemma in lex.verbs and lemma not in ("die", "perish") and not _passive(head) and head.pos_ == "VERB":
                    return None  # "Ten gunmen killed ...": the number counts the killers
                if dep in ("nsubj", "nsubjpass", "dobj", "npadvmod", "attr", "nummod", "advmod", "conj", "appos", "oprd", "pobj", "prep", "acomp", "amod", "compound", "ccomp", "dep"):
                    return _Kind(kind, head, path)
            if dep in ("nsubj", "nsubjpass", "dobj", "attr") and head.pos_ in ("VERB", "AUX"):
                # "the dead included 13 children", "victims were 49 soldiers": one more hop only
                found = _kind_from_children(head)
                if found and found.token.dep_ not in ("acl", "relcl"):
                    return found
                if lemma == "be":
                    # "Eleven children were among the 30 people killed"
                    for prep in head.children:
                        if prep.dep_ == "prep" and prep.lower_ in ("among", "of"):
                            for pobj in prep.children:
                                if pobj.dep_ == "pobj" and _kind_noun(pobj):
                                    return _Kind(_kind_noun(pobj), pobj, [*path, prep, pobj])  # "was among the wounded"
                                inner = _kind_from_children(pobj) if pobj.dep_ == "pobj" else None
                                if inner is not None:
                                    return _Kind(inner.kind, inner.token, [*path, prep, pobj, inner.token])
                if lemma not in ("include", "be"):
                    break
        if head.pos_ in ("NOUN", "PROPN") and lemma in lex.nouns and lemma not in ("life",) and dep in ("pobj", "prep", "appos", "compound", "nmod"):
            # "the bodies of 100 soldiers", "deaths of 12 civilians"
            return _Kind(lex.nouns[lemma], head, path)
        if head.pos_ in ("NOUN", "PROPN") and dep in ("pobj", "prep") and lemma not in lex.victims:
            if not (cur.dep_ == "pobj" or cur.lower_ in lex.group_markers or cur.dep_ == "prep"):
                break
        cur = head
    found = _window_kind(doc, m, noun)
    if found is None and noun is not None and noun.lemma_.lower() in ("prisoner", "hostage", "captive"):
        held = noun.head.lemma_.lower() in ("hold", "keep", "remain", "be", "take", "seize", "capture")
        if held and noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
            return _Kind(lex.nouns[noun.lemma_.lower()], noun, path[:1])  # "holding more than 200 hostages"
    return found


def _prisoner_phrase(verb: Token) -> bool:
    lex = _lexicon()
    doc = verb.doc
    for phrase in lex.prisoner_phrases:
        if verb.lemma_.lower() in (phrase[0], "take", "hold") and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == phrase[1]:
            return True
    return False


def _window_kind(doc: Doc, m: _Mention, noun: Token | None) -> _Kind | None:
    """Fallback for fragments the parser misreads: a participle right after the count
    ("one hundred and five wounded", "49 soldiers killed"), with no other verb between."""
    lex = _lexicon()
    j = (noun.i + 1) if noun is not None else m.end
    sent_end = m.limit
    for tok in doc[j : min(sent_end, j + 3)]:
        lower = tok.lower_
        if tok.tag_ in ("VBN", "JJ", "VBD") and (lower in lex.adjectives or (tok.lemma_.lower() in lex.verbs and tok.tag_ == "VBN")):
            kind = lex.adjectives.get(lower) or lex.verbs.get(tok.lemma_.lower())
            if kind in (CasualtyKind.bodies.value,) or tok.lemma_.lower() in ("claim", "detain", "seize"):
                return None
            return _Kind(kind, tok, [tok])
        if tok.pos_ in ("AUX", "ADV", "PART") or tok.dep_ in ("aux", "auxpass"):
            continue
        return None
    return None


def _negated_context(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


# --------------------------------------------------------------------------- party, group, scope


def _resolve_pronoun(who: Attribution, sent: Span, article: Article | None = None) -> str | None:
    """'its/his/their/our' -> the speaker's side, else the sentence's first named subject's
    ("Aliyev expressed condolences to ... our servicemen")."""
    if who.role.value != "outlet" and who.claimant and actor_of_text(who.claimant):
        return actor_of_text(who.claimant)
    doc = sent.doc
    for tok in tokens_of(sent):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PROPN":
            phrase = doc[tok.left_edge.i : tok.i + 1]
            name = actor_of_phrase(phrase, article) if article is not None else actor_of_text(phrase.text)
            if name:
                return name
    return None


def _both_sides(text: str) -> bool:
    lowered = text.lower()
    return any(p in lowered for p in _lexicon().both_sides)


def _victim_party(noun: Token | None, kind: _Kind, who: Attribution, sent: Span, article: Article) -> str | None:
    doc = sent.doc
    if kind.loser is not None:
        if kind.loser.lower_ in _SUBJECT_PRONOUNS:
            return _resolve_pronoun(who, sent, article)
        return actor_of_phrase(doc[kind.loser.left_edge.i : kind.loser.right_edge.i + 1], article)
    heads = [t for t in (noun, kind.token if kind.token.pos_ in ("NOUN", "PROPN") else None) if t is not None]
    if noun is None:
        # "the number of Palestinians killed": the victims hang off "number"
        numbers = [kind.token, *(c for c in kind.token.children if c.dep_ == "nsubj")]
        for tok in numbers:
            if tok.lemma_.lower() == "number":
                heads.extend(p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj")
    for head in heads:
        if head.ent_type_ == "NORP" or _demonym_plural(head):
            name = actor_of_text(head.text) or _demonym_plural(head)
            if name:
                return name
        if head.lemma_.lower() in _lexicon().toll:
            # "the death toll in Thailand"; "the toll in Kyrgyz-Tajik border fighting" is both sides'
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "among", "from"):
                    for pobj in prep.children:
                        name = actor_of_text(pobj.text) if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "NORP") else None
                        if name:
                            return name
                        label = _war_label(pobj) if pobj.dep_ == "pobj" else None
                        if label and label.split()[-1] in _lexicon().mutual_fighting:
                            return "both"
        for child in head.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i < head.i:
                if child.lower_ in _POSSESSIVE_PRONOUNS:
                    return _resolve_pronoun(who, sent, article)
                if child.dep_ == "poss" and any(g.lower_ in _POSSESSIVE_PRONOUNS for g in child.children):
                    return _resolve_pronoun(who, sent, article)  # "his country's troops"
                phrase = doc[child.left_edge.i : child.i + 1]
                if child.ent_type_ in ("NORP", "GPE", "ORG") or child.dep_ == "poss":
                    name = actor_of_text(phrase.text)
                    if name:
                        return name
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "of", "on", "among"):
                obj_text = doc[prep.i : prep.right_edge.i + 1].text
                if _both_sides(obj_text):
                    return "both"
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and prep.lower_ != "of":
                    name = actor_of_text(doc[pobj.left_edge.i : pobj.i + 1].text)
                    if name:
                        return name
                    if any(c.lower_ in _POSSESSIVE_PRONOUNS for c in pobj.children):
                        return _resolve_pronoun(who, sent, article)
    clause = kind.token if kind.token.pos_ in ("VERB", "AUX", "ADJ") else kind.token.head
    if _both_sides(doc[clause.left_edge.i : clause.right_edge.i + 1].text) or (noun is None and _both_sides(text_of(sent))):
        return "both"
    return None


def _location_country(sent: Span, who: Attribution, kind: _Kind, article: Article) -> str | None:
    """The one country a sentence places the killing in ("... near Sake in eastern Congo",
    "Shelling of Congo displacement camp kills 17"): whose civilians were hit. A lead that
    opens with the story's dateline ("GOMA, Congo (AP) — The death toll from the shelling of
    a camp near Sake has risen to 23") and names no country itself is placed by the dateline.

    Names in the speaker's phrase or in a "by ..." agent phrase do not count; two
    different countries mean no answer.
    """
    lex = actor_lexicon()
    doc = sent.doc
    skip: set[int] = set()
    if who.verb is not None:
        for child in who.verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                skip.update(t.i for t in child.subtree)
    for tok in tokens_of(sent):
        if tok.dep_ == "agent" or (tok.dep_ == "prep" and tok.lower_ in ("by", "from", "between", "with", "against")):
            skip.update(t.i for t in tok.subtree)
    found: set[str] = set()
    for tok in tokens_of(sent):
        if tok.i in skip or tok.ent_type_ != "GPE":
            continue
        name = actor_of_text(tok.text)
        if name is None or lex.kind_of(name) != "country":
            continue
        locative = (
            # "Congo displacement camp", "Sudan clashes"; not "U.S. strikes", which names the attacker
            tok.dep_ in ("compound", "amod", "nmod") and (tok.head.lemma_.lower() in _lexicon().place_nouns or tok.head.lemma_.lower() in _lexicon().mutual_fighting)
            or tok.dep_ == "pobj" and tok.head.lower_ in ("in", "near", "inside", "across", "of")
            or tok.dep_ == "poss" and tok.head.lemma_.lower() in _lexicon().place_nouns  # "Russia's Belgorod region"
        )
        if locative:
            found.add(name)
    if not found and article.dateline and text_of(sent).startswith(article.dateline):
        name = actor_of_text(article.dateline)
        if name is not None and lex.kind_of(name) == "country":
            found.add(name)
    return found.pop() if len(found) == 1 else None


def _agent(kind: _Kind) -> Token | None:
    """Who did the killing: the subject of an active casualty verb, or of the clause a
    relative clause hangs on ("a war in 2021 that killed ...", "clashes that killed 155")."""
    verb = kind.token
    if verb.pos_ not in ("VERB", "AUX") or _passive(verb) and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if verb.lemma_.lower() in ("die", "perish") or verb.lemma_.lower() in _lexicon().lose:
        return None  # their subject is the victims' side
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is not None and subj.lower_ in ("that", "which") and verb.dep_ == "relcl":
        return verb.head
    if subj is None and verb.dep_ == "relcl":
        return verb.head
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        # "the shelling damaged infrastructure and injured ..."
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None and verb.dep_ == "acl" and any(c.dep_ == "dobj" for c in verb.children):
        return verb.head  # misparse of "Russian strikes killed 12 civilians, officials said"
    return subj


def _attacker_nearby(kind: _Kind) -> Token | None:
    """Who attacked, for a passive count: 'wounded by Israeli fire', '... killed when a
    Russian drone hit a building'."""
    verb = kind.token
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "advcl" and any(g.lower_ == "when" for g in child.children):
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is not None and any(t.ent_type_ in ("NORP", "GPE") for t in subj.subtree):
                return subj
    return None


def _party_from_context(noun: Token | None, kind: _Kind, who: Attribution, group: VictimGroup | None) -> str | None:
    """Whose victims, when the victims themselves carry no side.

    - fighting between sides ("clashes that killed 155", "a war that killed 6,600") kills
      on both sides, and so does a count two sides report together;
    - an attacker named by its side ("Azerbaijani shelling injured ...", "Russian strikes
      killed ...") hits the other side, when a country's speaker reports it;
    - a country that reports its own unmarked soldiers killed ("Armenia says 49 soldiers
      have been killed") speaks of its own.
    """
    lex = _lexicon()
    lexicon = actor_lexicon()
    speaker = who.claimant if who.role.value != "outlet" else None
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
    if agent is None and kind.token.pos_ == "VERB" and group is not VictimGroup.military:
        for prep in kind.token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "during"):
                for pobj in prep.children:
                    label = _war_label(pobj) if pobj.dep_ == "pobj" else None
                    if label and label.split()[-1].split("-")[0] in lex.mutual_fighting:
                        return "both"  # "More than 6,700 people died in the fighting"
    if agent is not None:
        label = _war_label(agent)
        if label and label.split()[-1].split("-")[0] in lex.mutual_fighting:
            return "both" if group is not VictimGroup.civilians else None
        phrase = agent.doc[agent.left_edge.i : agent.i + 1]
        attacker = actor_of_text(phrase.text) if any(t.ent_type_ in ("NORP", "GPE") for t in phrase) else None
        if attacker and speaker and lexicon.kind_of(speaker) == "country" and speaker != attacker:
            return speaker
        return None
    if speaker and " and " in speaker and all(lexicon.kind_of(p) for p in speaker.split(" and ")):
        return "both"  # "Armenia, Azerbaijan report 99 troops killed"
    return None


def _victim_group_of(noun: Token | None, kind: _Kind) -> VictimGroup | None:
    if noun is not None:
        group = _victim_group(noun)
        if group is not None:
            return group
        for child in noun.children:
            # "civilian deaths", "military casualties"
            if child.dep_ in ("amod", "compound") and child.lower_ in ("civilian", "military"):
                return VictimGroup.civilians if child.lower_ == "civilian" else VictimGroup.military
    # "deaths among Azerbaijani troops", "bodies of 100 soldiers"
    for head in (kind.token, noun):
        if head is None:
            continue
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("among", "of", "from"):
                for pobj in prep.children:
                    group = _victim_group(pobj)
                    if pobj.dep_ == "pobj" and group is not None:
                        return group
    return None


def _year_in(tok: Token) -> int | None:
    """A year in the phrase under `tok`, not counting a "since ..." phrase inside it."""
    blocked: set[int] = set()
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ in ("since", "after", "before") and t.i != tok.i:
            blocked.update(s.i for s in t.subtree)
    for t in tok.subtree:
        if t.i not in blocked and _YEAR.match(t.text) and not t.text.endswith("s"):
            return int(t.text)
    return None


def _published_year(article: Article) -> int | None:
    date = article.published.date if article.published else None
    return int(date[:4]) if date and date[:4].isdigit() else None


def _background(kind: _Kind, anchor: Token, article: Article) -> tuple[str, int] | None:
    """(label, year) when the count belongs to an earlier war: 'a six-week war in 2020 that killed ...'.

    A year that is not before the article's own year (when known) is the current event's.
    """
    found = _earlier_war(kind, anchor)
    published = _published_year(article)
    if found is not None and published is not None and found[1] >= published:
        return None
    return found


def _war_label(tok: Token) -> str | None:
    """'war', 'conflict', 'flare-up' ...: the noun (with its compound) if it names a war or clash."""
    wars = _lexicon().war_nouns
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    compounds = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    if tok.lemma_.lower() in wars:
        return tok.lemma_.lower()
    if compounds and compounds[0].lemma_.lower() in wars:
        return tok.doc[compounds[0].i : tok.i + 1].text.lower()  # "flare-up"
    return None


def _earlier_war(kind: _Kind, anchor: Token) -> tuple[str, int] | None:
    candidates: list[Token] = list(kind.token.ancestors)
    for tok in (kind.token, anchor):
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "during", "throughout"):
                candidates.extend(c for c in prep.children if c.dep_ == "pobj")
            if prep.dep_ in ("nsubj", "csubj"):
                candidates.append(prep)  # "The 1994 genocide killed ..."
    for cand in list(kind.token.ancestors)[:3]:
        if _YEAR.match(cand.text) and cand.head.dep_ == "prep":
            # "fought a brief war in 2021 that killed ...": the clause hangs on the year
            verb = cand.head.head
            for obj in verb.children:
                label = _war_label(obj) if obj.dep_ in ("dobj", "nsubj", "nsubjpass") else None
                if label:
                    return f"{cand.text} {label}", int(cand.text)
    for cand in candidates:
        label = _war_label(cand)
        if label is None or cand.head.lower_ in ("since", "after", "before"):
            continue
        year = _year_in(cand)
        if year is None and cand.dep_ in ("nsubj", "csubj") and cand.head.i == kind.token.i:
            # "In 2014, the war in eastern Ukraine killed ...": the year hangs on the verb
            year = next((_year_in(p) for p in kind.token.children if p.dep_ == "prep" and p.lower_ == "in" and _year_in(p)), None)
        if year is not None:
            return f"{year} {label}", year
    return None


def _carried_background(sent: Span, article: Article, previous: tuple[str, int] | None, kind: _Kind) -> tuple[str, int] | None:
    """'More than 6,700 people died in the fighting' right after a sentence about the 2020 war."""
    if previous is None:
        return None
    if any(t.ent_type_ in ("DATE", "TIME") for t in tokens_of(sent)):
        return None
    for prep in kind.token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during"):
            for pobj in prep.children:
                if pobj.lemma_.lower() in _lexicon().war_nouns and any(c.lower_ in ("the", "that", "this") for c in pobj.children):
                    return previous
    return None


def _time_of(text: str) -> TimeRef:
    lowered = text.lower()
    weekday = next((i for i, d in enumerate(_WEEKDAYS) if d in lowered), None)
    part = next((p for p in _PARTS_OF_DAY if re.search(rf"\b{p}\b", lowered)), None)
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", lowered)
    return TimeRef(text=text, weekday=weekday, part_of_day=part, year=int(year.group(1)) if year else None, since=True)


def _cumulative(kind: _Kind) -> Scope | None:
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
                return Scope(kind=ScopeKind.cumulative, since=_time_of(phrase.text), text=phrase.text)
            if child.dep_ == "advcl" and any(g.lower_ == "since" and g.dep_ == "mark" for g in child.children):
                phrase = doc[child.left_edge.i : child.right_edge.i + 1]
                return Scope(kind=ScopeKind.cumulative, since=_time_of(phrase.text), text=phrase.text)
    return None


def _place_scope(noun: Token | None, kind: _Kind, who: Attribution, sent: Span) -> Scope | None:
    """'four Armenian troops in his region': the speaker's own region."""
    lex = _lexicon()
    for head in (noun, kind.token):
        if head is None:
            continue
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from"):
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in lex.place_nouns:
                    if any(c.lower_ in _POSSESSIVE_PRONOUNS for c in pobj.children):
                        text = sent.doc[prep.i : pobj.right_edge.i + 1].text
                        return Scope(kind=ScopeKind.place, place=_speaker_place(who, sent) or text, text=text)
    return None


def _speaker_place(who: Attribution, sent: Span) -> str | None:
    """The place an official speaks for: 'the governor of Gegharkunik province' -> Gegharkunik.

    Looks in the speaker phrase, then back through the three previous sentences.
    """
    lex = _lexicon()
    doc = sent.doc
    texts: list[Span] = []
    start = sent.start
    for _ in range(4):
        if start <= 0:
            break
        prev = doc[start - 1].sent
        texts.append(prev)
        start = prev.start
    candidates = [sent, *texts]
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


def _inside_since(tok: Token, verb: Token) -> bool:
    """Whether `tok` sits in the "since ..." clause of `verb` ("since Oct. 7, when militants
    attacked, killing 1,200": that 1,200 is its own event, not part of the running count)."""
    for child in verb.children:
        mark = child.lower_ == "since" or any(g.lower_ == "since" for g in child.children)
        if mark and tok in child.subtree:
            return True
    return False


def _after_group_marker(doc: Doc, start: int) -> bool:
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    return before[-1:] == ["including"] or " ".join(before) in _lexicon().group_markers


def _breakdown_continues(anchor: Token, kind: str, token: Token) -> _Kind | None:
    """'22 of those killed were children and 15 were women': the second count is the same
    kind of victim, another sub-group."""
    head = anchor.head
    if anchor.dep_ != "nsubj" or head.lemma_.lower() != "be":
        return None
    attr = next((c for c in head.children if c.dep_ == "attr"), None)
    if attr is None or _victim_group(attr) is None:
        return None
    return _Kind(kind, token, [anchor, head, attr], subgroup=attr.text.lower())


def _partitive_group(doc: Doc, m: _Mention, noun: Token | None) -> Scope | None:
    """'eight of the dead were children', 'four of them seriously': a sub-group of the victims."""
    if m.end + 1 < len(doc) and doc[m.end].lower_ == "of" and doc[m.end + 1].lower_ in ("them", "whom"):
        return Scope(kind=ScopeKind.group, text=doc[m.start : m.end + 2].text)
    if noun is None or not (_kind_noun(noun) or noun.lower_ == "those") or m.end >= len(doc) or doc[m.end].lower_ != "of":
        return None
    anchor = _anchor(doc, m)
    if anchor.head.lemma_.lower() != "be":
        return None
    attr = next((c for c in anchor.head.children if c.dep_ in ("attr", "acomp")), None)
    if attr is None:
        return None
    return Scope(kind=ScopeKind.group, group=attr.text.lower(), text=doc[m.start : attr.i + 1].text)


def _group_scope(path: list[Token], noun: Token | None, start: int | None = None) -> Scope | None:
    lex = _lexicon()
    for tok in path:
        if tok.lower_ in lex.group_markers and tok.dep_ in ("prep", "amod", "advcl", "acl", "conj"):
            group = noun.text.lower() if noun is not None else None
            return Scope(kind=ScopeKind.group, group=group, text=tok.text)
        if tok.dep_ == "prep" and tok.lower_ in lex.group_markers:
            return Scope(kind=ScopeKind.group, group=noun.text.lower() if noun is not None else None, text=tok.text)
    if start is not None:
        doc = path[0].doc
        # "..., including 13 civilians", "..., among them eight children", "of whom 5 were"
        before = [t.lower_ for t in doc[max(0, start - 2) : start]]
        if before[-1:] == ["including"] or " ".join(before) in lex.group_markers:
            return Scope(kind=ScopeKind.group, group=noun.text.lower() if noun is not None else None, text=" ".join(before))
    if noun is not None:
        for tok in noun.doc[max(noun.sent.start, noun.i - 6) : noun.i]:
            if tok.lower_ in lex.group_markers and tok.dep_ == "prep" and noun in tok.subtree:
                return Scope(kind=ScopeKind.group, group=noun.text.lower(), text=tok.text)
    return None


# --------------------------------------------------------------------------- guards


def _denied(kind: _Kind) -> bool:
    lex = _lexicon()
    return any(a.lemma_.lower() in lex.denial for a in kind.token.ancestors)


def _reports_negated(m: _Mention, doc: Doc) -> bool:
    """'no reports of casualties' is the absence of a report, not a count of zero."""
    if "zero" not in m.flags:
        return False
    head = doc[m.start].head
    return head.lemma_.lower() in _lexicon().report_nouns


def _no_numbers_phrase(sent: Span) -> bool:
    lowered = text_of(sent).lower()
    return any(p in lowered for p in _lexicon().no_numbers)


def _unquantified_victims(sent: Span, taken: set[int]) -> list[tuple[Token, _Kind, Token | None]]:
    """'our servicemen who died', 'Armenian soldiers were killed': victims of one side,
    counted by no number. Only past, affirmative statements; the caller drops victims
    that carry no side."""
    lex = _lexicon()
    out = []
    for noun in tokens_of(sent):
        if noun.i in taken or noun.tag_ != "NNS" or _victim_group(noun) is None:
            continue
        if any(c.dep_ in ("nummod", "det", "quantmod") or c.lower_ in ("many", "some", "several", "few", "more", "most", "other") for c in noun.children):
            continue
        verb = None
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in ("die", "kill", "wound", "injure"):
            verb = noun.head
        for child in noun.children:
            if child.dep_ == "relcl" and child.lemma_.lower() in ("die", "kill", "wound", "injure"):
                verb = child
        nxt = noun.doc[noun.i + 1] if noun.i + 1 < sent.end else None
        if verb is None and nxt is not None and nxt.lower_ == "who" and nxt.head.dep_ == "relcl" and nxt.head.lemma_.lower() in ("die", "kill", "wound", "injure"):
            verb = nxt.head  # "families of our servicemen who died": the parser hangs the clause on "families"
        if verb is None or verb.tag_ not in ("VBD", "VBN") or _negated_context(verb):
            continue
        if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "may", "might", "should") for c in verb.children):
            continue
        if noun.dep_ == "nsubj" and verb.lemma_.lower() != "die" and not _passive(verb):
            continue  # "soldiers killed ...": the soldiers did the killing
        taken.add(noun.i)
        out.append((noun, _Kind(lex.verbs[verb.lemma_.lower()], verb, [noun, verb]), noun))
    return out


def _unquantified_kind_nouns(sent: Span, taken: set[int]) -> Iterator[Token]:
    """'It reported deaths among Azerbaijani troops, without giving numbers.'"""
    lex = _lexicon()
    for tok in tokens_of(sent):
        if tok.i in taken or tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.nouns:
            continue
        if tok.tag_ != "NNS" or any(c.dep_ in ("nummod", "det") for c in tok.children):
            continue
        yield tok


# --------------------------------------------------------------------------- claims


def _anchor(doc: Doc, m: _Mention) -> Token:
    """The token of the counted phrase the parser attaches to the rest of the sentence."""
    toks = list(doc[m.start : m.end])
    inside = {t.i for t in toks}
    for t in reversed(toks):
        if t.head.i not in inside and (_is_numeral(t) or m.flags):
            return t
    return toks[-1]


def casualty_claims(doc: Doc, article: Article) -> Iterator[Claim]:
    """One claim per counted casualty phrase in the body and headline of `article`.

    Does not yield claims for sentences it cannot tie a casualty word to, so a count of
    deployed troops, protesters, districts or years never becomes a claim.
    """
    carry: tuple[str, int] | None = None
    for sent in _sentences(doc, article):
        headline = article.segment_at(sent.start_char) is SegmentType.headline
        yield from _sentence_claims(doc, sent, article, headline, carry)
        # an earlier war named in this sentence frames "the fighting" in the next one only
        carry = _sentence_background(sent)


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
    break always ends a sentence in stored articles, so split there."""
    doc = sent.doc
    start = sent.start
    for tok in tokens_of(sent):
        if tok.is_space and "\n" in tok.text:
            if any(not t.is_space for t in doc[start : tok.i]):
                yield doc[start : tok.i]
            start = tok.i + 1
        elif "\n" in tok.whitespace_ and tok.i + 1 < sent.end:
            if any(not t.is_space for t in doc[start : tok.i + 1]):
                yield doc[start : tok.i + 1]
            start = tok.i + 1
    if any(not t.is_space for t in doc[start : sent.end]):
        yield doc[start : sent.end]


def _sentence_background(sent: Span) -> tuple[str, int] | None:
    lex = _lexicon()
    for tok in tokens_of(sent):
        label = _war_label(tok)
        if label and tok.head.lower_ not in ("since", "after", "before"):
            year = _year_in(tok)
            if year is not None:
                return f"{year} {label}", year
    return None


class _Previous(NamedTuple):
    """The claim before in the same sentence: "... and another 43 were wounded" borrows from it."""

    party: str | None
    group: VictimGroup | None
    kind: str
    scope: Scope | None
    token: Token


def _sentence_claims(doc: Doc, sent: Span, article: Article, headline: bool, carry: tuple[str, int] | None) -> list[Claim]:
    out: list[Claim] = []
    previous: _Previous | None = None
    taken: set[int] = set()
    for m in _scan(sent):
        if _is_measure(doc, m) or _is_part_of_another_count(doc, m) or "from" in m.flags or _reports_negated(m, doc):
            continue
        noun, is_people = (doc[m.start].head, True) if "single" in m.flags else _counted_noun(doc, m, sent.end)
        if not is_people:
            continue
        if "zero" in m.flags and noun is None and doc[m.start].lower_ == "no" and m.end - m.start == 1:
            continue  # "no" before something that is not a victim or casualty word
        anchor = _anchor(doc, m)
        kind = _find_kind(doc, m, anchor, noun)
        if kind is None and previous is not None and previous.scope is not None and previous.scope.kind is ScopeKind.group:
            kind = _breakdown_continues(anchor, previous.kind, previous.token)
        if kind is None and previous is not None and _after_group_marker(doc, m.start):
            kind = _Kind(previous.kind, previous.token, [anchor])  # "killed 32, including 11 members of one family"
        if kind is None or _denied(kind):
            continue
        if _negated_context(kind.token) and "zero" not in m.flags:
            continue
        taken.update(range(m.start, m.end))
        if noun is not None:
            taken.add(noun.i)
        taken.add(kind.token.i)
        who = attribute(sent, kind.token, article, headline=headline)
        party = _victim_party(noun, kind, who, sent, article)
        group = _victim_group_of(noun, kind)
        inherited_scope = None
        if previous is not None and (noun is None or noun.lower_ == "others"):
            # "four Armenian troops in his region were killed and another 43 were wounded"
            party = party or previous.party
            group = previous.group or group  # "two others": others of the same kind
            if previous.scope is not None and previous.scope.kind is ScopeKind.place:
                inherited_scope = previous.scope
        if party is None and noun is not None and m.end <= noun.i:
            # "14 rebel fighters" after the article named the rebels: whose fighters
            words = doc[m.end : noun.i + 1]
            if not any(t.lower_ in _POSSESSIVE_PRONOUNS for t in words):
                party = actor_of_phrase(words, article)
        if party is None and group is not VictimGroup.military and noun is not None:
            party = _location_country(sent, who, kind, article)
        if party is None:
            party = _party_from_context(noun, kind, who, group)
        if party is None and noun is None and group is not VictimGroup.military:
            party = _location_country(sent, who, kind, article)  # "Shelling of Congo displacement camp kills 17"
        if (
            previous is not None
            and previous.scope is not None
            and previous.scope.kind is ScopeKind.cumulative
            and previous.kind == kind.kind
            and not _inside_since(kind.token, previous.token)
        ):
            # "105 ... killed since fighting erupted, while Azerbaijan said it lost 50 troops"
            inherited_scope = inherited_scope or previous.scope
        increment = m.increment and not (previous is not None and previous.kind != kind.kind)
        scope = None
        event_time = None
        background = _background(kind, anchor, article) or _carried_background(sent, article, carry, kind)
        if background is not None:
            scope = Scope(kind=ScopeKind.background, event=background[0], text=background[0])
            event_time = TimeRef(year=background[1], text=str(background[1]))
        if kind.subgroup and scope is None:
            scope = Scope(kind=ScopeKind.group, group=kind.subgroup, text=doc[m.start : kind.path[-1].i + 1].text)
        scope = scope or _partitive_group(doc, m, noun) or _cumulative(kind) or _place_scope(noun, kind, who, sent) or inherited_scope or _group_scope(kind.path, noun, m.start)
        if scope is not None and scope.kind is ScopeKind.group and party is None and previous is not None:
            party = previous.party  # "13 of its people ..., including eight civilians": the same side's
        if scope is None and increment:
            scope = Scope(kind=ScopeKind.increment, text=doc[m.start : m.end + 1].text)
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
        start_char = doc[m.start].idx
        end_char = doc[m.end - 1].idx + len(doc[m.end - 1].text)
        out.append(make_claim(article, sent, Field.casualties, kind.kind, span=(start_char, end_char), **values))
        previous = _Previous(party, group, kind.kind, scope, kind.token)
    unquantified: list[tuple[Token, _Kind, Token | None]] = []
    if _no_numbers_phrase(sent):
        unquantified += [(tok, _Kind(_kind_noun(tok), tok, [tok]), None) for tok in _unquantified_kind_nouns(sent, taken)]
    unquantified += _unquantified_victims(sent, taken)
    for tok, kind, noun in unquantified:
        who = attribute(sent, kind.token, article, headline=headline)
        party = _victim_party(noun, kind, who, sent, article)
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
                victim_group=_victim_group_of(noun, kind) or VictimGroup.people,
                scope=Scope(),
                claimant=who.claimant,
                claimant_text=who.text,
                claimant_role=who.role,
            )
        )
    return out
