"""Actors: canonical names for countries, bodies, their institutions and their officials.

Does not merge spelling variants across articles (that is the reconciler's job) and
does not guess an affiliation the text does not state.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from clashrecon.lexicon import actor_lexicon
from clashrecon.models import Article

_WORD = re.compile(r"[A-Za-z][\w.'’-]*")


def actor_of_text(text: str) -> str | None:
    """The canonical actor a phrase names or is affiliated with, from its words alone.

    "Armenian Prime Minister Nikol Pashinyan" -> Armenia; "Azerbaijan's Foreign Ministry" -> Azerbaijan.
    The longest lexicon match wins; the first one in the phrase breaks ties.
    """
    lex = actor_lexicon()
    words = _WORD.findall(text)
    best: tuple[int, int, str] | None = None
    for i in range(len(words)):
        for j in range(min(len(words), i + 6), i, -1):
            cand = " ".join(words[i:j])
            name = lex.canonical(cand)
            if name:
                score = (j - i, -i)
                if best is None or score > best[:2]:
                    best = (score[0], score[1], name)
                break
    return best[2] if best else None


def actor_of_phrase(phrase: Span, article: Article) -> str | None:
    return actor_of_text(phrase.text)
