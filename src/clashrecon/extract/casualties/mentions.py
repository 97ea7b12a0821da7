"""Counted phrases: every number, vague amount or zero word in a sentence, with its qualifier, range and increment marker."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from clashrecon.extract.casualties.vocab import DIGITS, is_numeral, kind_noun, victim_group
from clashrecon.extract.casualties.words import casualty_words
from clashrecon.extract.common import doc_lowers, doc_tokens
from clashrecon.extract.quantities import number_word_forms, parse_quantity, qualifier_phrases, vague_phrases
from clashrecon.lexicon import load_data
from clashrecon.models import Qualifier, Quantity


@dataclass
class Mention:
    """A counted phrase in a sentence: tokens [start, end) of the doc, and what it counts."""

    start: int
    end: int
    quantity: Quantity
    noun: Token | None = None  # the counted noun ("soldiers"), if any
    increment: bool = False
    flags: set[str] = field(default_factory=set)
    limit: int = 0  # end of the sentence the phrase is in


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


@cache
def _scale_words() -> frozenset[str]:
    """'hundred', 'thousand', ... and 'dozen': the words numbers.json multiplies by."""
    return frozenset([*load_data("numbers.json")["scales"], "dozen"])


def _numeral_run(doc: Doc, i: int, limit: int) -> int:
    """End (exclusive) of the spelled or digit number starting at token i, or i if none."""
    scales = _scale_words()
    toks = doc_tokens(doc)
    j = i
    if toks[i].lower_ in ("a", "an"):
        if i + 1 < limit and toks[i + 1].lower_ in scales:
            j = i + 1
        else:
            return i
    if not is_numeral(toks[j]):
        return i
    j += 1
    while j < limit:
        tok = toks[j]
        if is_numeral(tok) and not (DIGITS.match(tok.text) and DIGITS.match(toks[j - 1].text)):
            if DIGITS.match(tok.text) and toks[j - 1].lower_ not in scales:
                break
            j += 1
        elif tok.text in ("-", "–") and j + 1 < limit and toks[j + 1].lower_ in number_word_forms() and not DIGITS.match(toks[j - 1].text):
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


def scan(sent: Span) -> list[Mention]:
    """Every counted phrase in the sentence, with its qualifier, range and increment marker."""
    doc = sent.doc
    mentions: list[Mention] = []
    i = sent.start
    while i < sent.end:
        start, end, flags = _phrase_at(sent, i)
        if end == i:
            i += 1
            continue
        start, end = _widen(sent, start, end, flags)
        quantity = _quantity(doc[start:end].text, flags)
        if quantity is not None and quantity.qualifier is Qualifier.exact and _passed_figure(doc, start, end, sent.start):
            quantity = Quantity.more_than(quantity.low, quantity.text)  # "Iran's toll passes 200"
        if quantity is not None:
            mentions.append(Mention(start, end, quantity, increment="increment" in flags, flags=flags, limit=sent.end))
        i = max(end, i + 1)
    return mentions


def _phrase_at(sent: Span, i: int) -> tuple[int, int, set[str]]:
    """(start, end, flags) of the counted phrase that begins at token i; end == i when none does."""
    doc = sent.doc
    limit = sent.end
    lowers = doc_lowers(doc)
    toks = doc_tokens(doc)
    tok = toks[i]
    start, end, flags = i, i, set()
    # vague words ("dozens", "tens of thousands of") and "an unknown number of"
    for words in _vague_by_first_word().get(lowers[i], ()):
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
        elif nxt.lemma_.lower() in casualty_words().nouns:
            end = i + 1
            flags.add("unspecified")
    if end == i and tok.lower_ in _zero_words() and tok.ent_type_ == "":
        end = i + 2 if (tok.lower_ == "no" and i + 1 < limit and toks[i + 1].lower_ == "one") else i + 1
        flags.add("zero")
    if end == i:
        end = _numeral_run(doc, i, limit)
    if end == i and single_victim(tok) is not None:
        end = i + 1
        flags.add("single")  # "a 15-year-old girl was killed": one victim
        if tok.lower_ in casualty_words().increment_before:
            flags.add("increment")  # "another policeman died"
    return start, end, flags


def _widen(sent: Span, start: int, end: int, flags: set[str]) -> tuple[int, int]:
    """The phrase grown to its range and qualifier, `flags` marking range, "from" and increment."""
    doc = sent.doc
    limit = sent.end
    toks = doc_tokens(doc)
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
        flags.add("from")  # "rose from 40 to 49": 40 is the earlier figure, "people from 12 villages" no count
    # a qualifier before the number ("at least", "more than", "as many as")
    if not flags & {"range", "unspecified", "zero"}:
        lowers = doc_lowers(doc)
        for words in qualifier_phrases():
            k = start - len(words)
            if k >= sent.start and _match_words(lowers, k, words, limit):
                start = k
                break
    if start > sent.start and toks[start - 1].lower_ in casualty_words().increment_before:
        flags.add("increment")
    if start > sent.start + 1 and toks[start - 1].lower_ == "of" and _increment_noun(toks[start - 2]):
        flags.update(("increment", "increase"))  # "an increase of 60 bodies on the previous day"
    if end < limit and toks[end].lower_ == "more" and not (end + 1 < limit and toks[end + 1].lower_ == "than"):
        flags.add("increment")
    return start, end


def _increment_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in casualty_words().increment_nouns


def increase_noun(doc: Doc, m: Mention) -> Token | None:
    """The noun of "an increase of 75 bodies" a counted phrase is the figure of, if any."""
    return doc[m.start - 2] if "increase" in m.flags else None


def _passed_figure(doc: Doc, start: int, end: int, sent_start: int) -> bool:
    """Whether the figure is what a toll went beyond: the object of a verb like "passes",
    "tops" or "exceeds" (data/casualties.json beyond_verbs) whose subject is a toll or a count
    ("Iran's toll passes 200", "the number of dead has crossed 1,000", "the toll is likely
    to exceed 500")."""
    lex = casualty_words()
    if start <= sent_start:
        return False
    verb = doc[start - 1]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.beyond_verbs:
        return False
    if not any(t.head.i == verb.i and t.dep_ == "dobj" for t in doc[start:end]):
        return False
    return any(c.lemma_.lower() in lex.toll or c.lemma_.lower() in lex.count_of_nouns or kind_noun(c) for c in clause_subjects(verb))


def clause_subjects(verb: Token) -> list[Token]:
    """The subjects of a verb; for a verb with none that completes another ("the toll is
    likely to exceed 500", "is expected to rise to 600"), those of the verb it completes."""
    tok = verb
    while True:
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or tok.dep_ not in ("xcomp", "acomp") or tok.head.i == tok.i:
            return subjects
        tok = tok.head


def _quantity(text: str, flags: set[str]) -> Quantity | None:
    if "zero" in flags:
        return Quantity.exact(0, text)
    if "unspecified" in flags:
        return Quantity.unspecified(text)
    if "single" in flags:
        return Quantity.exact(1, text)
    return parse_quantity(text)


def single_victim(tok: Token) -> Token | None:
    """The one victim a determiner, a possessive or a pronoun stands for, or None.

    "a 15-year-old girl was killed", "another policeman died", "his mother was among them",
    "He was killed after ...": the victim noun (or the pronoun) where the parse puts a victim,
    as a clause's subject or object, in an "including ..." list ("including a doctor and the
    driver"), as the "of" object of a casualty noun ("the life of a nurse") or in apposition to
    a name ("Samir, a pupil who has been missing").
    Not one of a counted list ("four women and a child"), not a noun for a body of people
    ("a family"), and not a victim noun used as a speaker: the kind reader decides that."""
    lex = casualty_words()
    if tok.tag_ == "PRP":
        return tok if tok.lower_ in lex.single_pronouns and tok.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    noun = tok.head
    if tok.dep_ not in ("det", "poss") or noun.i == tok.i or noun.tag_ != "NN" or victim_group(noun) is None:
        return None
    if noun.lemma_.lower() in lex.collective_victims or noun.lower_ in lex.collective_victims:
        return None
    if tok.lower_ in lex.single_determiners or (tok.dep_ == "poss" and tok.tag_ in ("PRP$", "WP$")):
        return noun if _victim_place(noun) else None
    if tok.lower_ == "the" and (_listed(noun) or _joined_to_single(noun)):
        return noun  # "including a doctor and the ambulance driver": one victim each
    return None


def _victim_place(noun: Token) -> bool:
    """Whether the noun stands where a victim does: subject, object, complement ("among them was a
    colonel"), apposition to a name ("Samir, a pupil who is missing"), an item of an
    "including" list or of a single victim's coordination, or the "of" object of a casualty noun."""
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") or (noun.dep_ == "appos" and noun.head.pos_ == "PROPN"):
        return True
    if _listed(noun) or _joined_to_single(noun):
        return True
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and kind_noun(prep.head) is not None


def _listed(noun: Token) -> bool:
    """'..., including a doctor': the object of a group marker that lists parts."""
    lex = casualty_words()
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in lex.group_markers and prep.lower_ not in lex.whole_set_markers


def _joined_to_single(noun: Token) -> bool:
    """'a soldier and his son': a conjunct of a noun that is itself one victim."""
    first = noun.head
    if noun.dep_ != "conj" or first.i == noun.i or first.tag_ != "NN":
        return False
    det = next((c for c in first.children if c.dep_ in ("det", "poss")), None)
    one = single_victim(det) if det is not None else None
    return one is not None and one.i == first.i


def anchor_of(doc: Doc, m: Mention) -> Token:
    """The token of the counted phrase the parser attaches to the rest of the sentence."""
    toks = list(doc[m.start : m.end])
    inside = {t.i for t in toks}
    for t in reversed(toks):
        if t.head.i not in inside and (is_numeral(t) or m.flags):
            return t
    return toks[-1]
