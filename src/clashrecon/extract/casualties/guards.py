"""Statements that are not counts: denials, 'no reports of casualties', 'without giving numbers'."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from clashrecon.extract.casualties.kinds import Kind
from clashrecon.extract.casualties.mentions import Mention
from clashrecon.extract.casualties.words import casualty_words
from clashrecon.extract.common import text_of


def denied(kind: Kind) -> bool:
    lex = casualty_words()
    return any(a.lemma_.lower() in lex.denial for a in kind.token.ancestors)


def reports_negated(m: Mention, doc: Doc) -> bool:
    """'no reports of casualties' is the absence of a report, not a count of zero."""
    if "zero" not in m.flags:
        return False
    head = doc[m.start].head
    return head.lemma_.lower() in casualty_words().report_nouns


def no_numbers_phrase(sent: Span) -> bool:
    lowered = text_of(sent).lower()
    return any(p in lowered for p in casualty_words().no_numbers)
