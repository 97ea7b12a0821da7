"""Reading printed numbers and their qualifiers into `Quantity` intervals.

"at least 49" -> [49, ∞); "about 100" -> a documented tolerance band; "dozens" -> a bounded
interval from the vague-number table in data/numbers.json; "an unknown number" -> unspecified.
Pure string functions: this module does not decide whether a number counts casualties,
and does not read dates, ages, percentages or money (callers filter those out first).
"""

from __future__ import annotations

import math
import re
from functools import cache

from clashrecon.lexicon import load_data
from clashrecon.models import Qualifier, Quantity

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_SPACES = re.compile(r"\s+")


@cache
def _table() -> dict:
    return load_data("numbers.json")


def _words(text: str) -> list[str]:
    text = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # "twenty-four" -> "twenty four"
    return [w for w in _SPACES.split(text.strip()) if w]


def _digits(word: str) -> float | None:
    m = _DIGITS.match(word)
    if not m:
        return None
    whole = int(m.group(1).replace(",", ""))
    return float(f"{whole}.{m.group(2)}") if m.group(2) else float(whole)


def parse_number(text: str) -> int | None:
    """The integer a printed number stands for: "49", "6,600", "Twenty-four", "a hundred",
    "two dozen", "1.2 million", "one hundred and five"; None for anything else."""
    t = _table()
    units, tens, scales = t["units"], t["tens"], t["scales"]
    words = _words(text)
    if not words:
        return None
    total = 0
    current = 0.0
    seen_number = False
    for i, w in enumerate(words):
        value = _digits(w)
        if value is not None:
            if seen_number and current and not float(current).is_integer():
                return None
            if seen_number and current:
                return None  # two numerals in a row ("49 50") are not one number
            current += value
            seen_number = True
        elif w in units or w in tens:
            current += units.get(w, tens.get(w, 0))
            seen_number = True
        elif w in ("a", "an"):
            # only "a hundred", "a dozen", "a million" ...
            if i + 1 >= len(words) or (words[i + 1] not in scales and words[i + 1] != "dozen") or seen_number:
                return None
            current = 1
            seen_number = True
        elif w == "and":
            if not seen_number or i + 1 >= len(words):
                return None
        elif w == "dozen":
            current = (current or 1) * t["dozen"]
            seen_number = True
        elif w in scales:
            scale = scales[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            seen_number = True
        else:
            return None
    if not seen_number:
        return None
    result = total + current
    if not float(result).is_integer():
        return None  # "12.5" is a measurement, not a head count
    return int(result)


def _about(n: int, *, nearly: bool = False, text: str = "") -> Quantity:
    rel = _table()["about_tolerance"]["relative"]
    band = max(1.0, n * rel)
    low = max(0, math.floor(n - band))
    high = n if nearly else math.ceil(n + band)
    return Quantity(low=low, high=high, qualifier=Qualifier.about, stated=n, text=text)


def vague_interval(text: str) -> tuple[int, int] | None:
    """The [low, high] the vague-number table gives a phrase such as "dozens" or "tens of thousands"."""
    key = " ".join(_words(text))
    found = _table()["vague"].get(key)
    return (found[0], found[1]) if found else None


def _qualified(qualifier: str, n: int, text: str) -> Quantity:
    if qualifier == "at_least":
        return Quantity.at_least(n, text)
    if qualifier == "more_than":
        return Quantity.more_than(n, text)
    if qualifier == "about":
        return _about(n, text=text)
    if qualifier == "nearly":
        return _about(n, nearly=True, text=text)
    if qualifier == "up_to":
        return Quantity.up_to(n, text)
    if qualifier == "fewer_than":
        return Quantity(low=0, high=max(0, n - 1), qualifier=Qualifier.up_to, stated=n, text=text)
    raise ValueError(f"unknown qualifier {qualifier!r} in numbers.json")


def _range(words: list[str]) -> tuple[int, int] | None:
    """"between 10 and 20", "10 to 20", "10-20", "two or three"."""
    between = bool(words) and words[0] == "between"
    body = words[1:] if between else words
    joined = " ".join(body)
    seps = (" and ",) if between else (" to ", " or ", " - ", "-")
    for sep in seps:
        if sep in joined:
            left, right = joined.split(sep, 1)
            a, b = parse_number(left), parse_number(right)
            if a is not None and b is not None and a < b:
                return a, b
    return None


def parse_quantity(text: str) -> Quantity | None:
    """A Quantity for a counted phrase: "at least 49", "more than 6,600", "between 10 and 20",
    "dozens", "an unknown number", "no one"; None if the phrase is not a count."""
    t = _table()
    printed = text.strip()
    words = _words(printed)
    if not words:
        return None
    if words[0] in ("an", "a") and len(words) > 1 and " ".join(words[1:]) in t["unspecified"]:
        return Quantity.unspecified(printed)
    joined = " ".join(words)
    if joined in t["unspecified"]:
        return Quantity.unspecified(printed)
    if joined in t["zero"]:
        return Quantity.exact(0, printed)
    span = _range(words)
    if span:
        return Quantity.between(span[0], span[1], printed)
    for phrase in sorted(t["qualifiers"], key=lambda p: -len(p.split())):
        q_words = phrase.split()
        if words[: len(q_words)] == q_words and len(words) > len(q_words):
            rest = words[len(q_words) :]
            n = parse_number(" ".join(rest))
            if n is not None:
                return _qualified(t["qualifiers"][phrase], n, printed)
            vague = vague_interval(" ".join(rest))
            if vague:
                return Quantity.vague(vague[0], vague[1], printed)
            return None
    vague = vague_interval(joined)
    if vague:
        return Quantity.vague(vague[0], vague[1], printed)
    n = parse_number(joined)
    if n is not None:
        return Quantity.exact(n, printed)
    return None


@cache
def number_word_forms() -> frozenset[str]:
    """Every word that can be part of a spelled-out number (for token scanners)."""
    t = _table()
    return frozenset([*t["units"], *t["tens"], *t["scales"], "dozen"])


@cache
def qualifier_phrases() -> list[list[str]]:
    """Qualifier phrases as word lists, longest first (built once: scanners read it per number)."""
    return sorted((p.split() for p in _table()["qualifiers"]), key=len, reverse=True)


def vague_phrases() -> list[list[str]]:
    """Vague-number phrases as word lists, longest first."""
    return sorted((p.split() for p in _table()["vague"] if not p.startswith("_")), key=len, reverse=True)
