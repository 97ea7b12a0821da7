"""Counted phrases that are never counts of victims: measures, dates, ages, denominators and ratios."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from clashrecon.extract.casualties.mentions import Mention
from clashrecon.extract.casualties.vocab import YEAR, is_numeral, kind_noun, victim_group
from clashrecon.extract.casualties.words import casualty_words
from clashrecon.extract.common import doc_text
from clashrecon.lexicon import load_data


_SKIP_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"})


def is_part_of_another_count(doc: Doc, m: Mention) -> bool:
    """'two of the 12 hostages', 'members of one family', 'one in ten residents': the number
    is a denominator or a ratio, not a count of victims. But "one of dozens lined up", "one of
    12 soldiers killed", with no article, tells the whole set's number for the first time."""
    if m.flags & {"zero", "unspecified", "single"}:
        return False
    k = m.start - 1
    if k >= 0 and doc[k].lower_ in ("the", "these", "those"):
        k -= 1
    if k >= 0 and doc[k].lower_ == "of":
        head = doc[k].head
        introduced = head.lower_ == "one" and k == m.start - 1
        if (head.pos_ == "NUM" and not introduced) or (victim_group(head) is not None and not kind_noun(head)):
            return True
    if k >= 0 and doc[k].lower_ == "in" and k - 1 >= 0 and is_numeral(doc[k - 1]):
        return True
    if doc[m.start].lower_ == "one" and m.end + 1 < len(doc) and doc[m.end].lower_ == "of":
        after = doc[m.end + 1]
        if is_numeral(after) or after.ent_type_ == "CARDINAL":
            return True  # "one of 12 soldiers killed": one member of the set the next number counts
        anchor = doc[m.start]
        owner = anchor.head.head
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and owner.pos_ == "NOUN" and not kind_noun(owner) and victim_group(owner) is None:
            return True  # "the bones of one of the victims": one person of a set, as the owner of something
    if m.end < len(doc) and doc[m.start].lower_ == "one" and doc[m.end].lower_ == "another":
        return True  # "killed one another"
    if m.end + 1 < len(doc) and doc[m.end].lower_ in ("in", "out") and (is_numeral(doc[m.end + 1]) or doc[m.end + 1].lower_ == "of"):
        return True
    return False


def is_measure(doc: Doc, m: Mention) -> bool:
    """Dates, durations, ages, distances, money, percentages, page chrome: never counts of people."""
    lex = casualty_words()
    if m.flags & {"zero", "unspecified"}:
        return False
    if _is_age(doc, m):
        return True
    nums = [t for t in doc[m.start : m.end] if is_numeral(t)]
    if not nums:
        return False
    if any(_in_numeric_date(t) for t in nums):
        return True
    if any(t.ent_type_ in _SKIP_ENTS for t in nums) and not _counts_people_next(doc, m.end):
        # a bare number the model calls a DATE ("put the number at 35") is still a number;
        # years are caught below, and real dates carry a month or day word
        if not _bare_date(doc, nums):
            return True
    if len(nums) == 1 and YEAR.match(nums[0].text) and not _counts_people_next(doc, m.end):
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
        if len(nums) == 1 and nxt.is_title and nxt.lower_.rstrip(".") in _months():
            return True  # "said on Sunday, 12 October 2025, that ...": a day of the month
        if len(nums) == 1 and nums[0].head.pos_ == "PROPN" and nums[0].head.lemma_.lower() in lex.formation_nouns and nums[0].head.i >= m.end:
            return True  # "Lance Naik Dinesh Kumar of 5 Field Regiment": a unit's number, not a count
        if len(nums) == 1 and nxt.lower_ in ("and", "or", "to", "-", "–") and m.end + 2 < len(doc) and is_numeral(doc[m.end + 1]):
            month = doc[m.end + 2]
            if month.is_title and month.lower_.rstrip(".") in _months():
                return True  # "attacks on 5 and 7 October": the first of two days
    return False


@cache
def _numeric_dates() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in load_data("numbers.json")["numeric_dates"]["patterns"])


def _in_numeric_date(tok: Token) -> bool:
    """Whether the run of text with no space around `tok` is a written date ("2025-10-15")."""
    text = doc_text(tok.doc)
    start, end = tok.idx, tok.idx + len(tok.text)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    run = text[start:end].rstrip(".,;:)")
    return any(p.match(run) for p in _numeric_dates())


@cache
def _months() -> frozenset[str]:
    """Month names and their abbreviations (data/times.json), after which a number is a day."""
    return frozenset(load_data("times.json")["months"])


def _bare_date(doc: Doc, nums: list[Token]) -> bool:
    """Whether the model's DATE entity is nothing but the numerals themselves."""
    if any(t.ent_type_ != "DATE" for t in nums):
        return False
    first, last = nums[0].i, nums[-1].i
    before_is_date = first > 0 and doc[first - 1].ent_type_ == "DATE"
    after_is_date = last + 1 < len(doc) and doc[last + 1].ent_type_ == "DATE" and doc[last + 1].ent_iob_ == "I"
    return not before_is_date and not after_is_date


def _is_age(doc: Doc, m: Mention) -> bool:
    """'The soldier, 22, was killed': a number set off by commas after a person is an age."""
    if m.start < 2 or m.end >= len(doc):
        return False
    return doc[m.start - 1].text == "," and doc[m.end].text == "," and doc[m.start - 2].pos_ in ("NOUN", "PROPN")


def _counts_people_next(doc: Doc, end: int) -> bool:
    lex = casualty_words()
    for tok in doc[end : min(len(doc), end + lex.people_next_window)]:
        if victim_group(tok) is not None or tok.lemma_.lower() in lex.nouns:
            return True
        if tok.pos_ not in ("ADJ", "PROPN") and tok.ent_type_ != "NORP":
            return False
    return False
