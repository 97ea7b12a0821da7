"""Time claims: sentences that say when a happening (fighting_start, ceasefire, meeting, call) took
place, dated by the time-expression parser of `extract.times`; trigger words from data/times.json."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Span

from clashrecon.extract.attribution import attribute
from clashrecon.extract.common import claim_sentences, make_claim
from clashrecon.extract.times import DAY_RANK, best_time
from clashrecon.lexicon import load_data
from clashrecon.models import Article, Claim, Field, SegmentType


@cache
def _claim_triggers() -> dict[str, dict[str, frozenset[str]]]:
    out: dict[str, dict[str, frozenset[str]]] = {}
    for kind, spec in load_data("times.json")["time_claims"].items():
        if kind.startswith("_"):
            continue
        out[kind] = {k: frozenset(v) for k, v in spec.items()}
    return out


def _time_kind(sent: Span) -> tuple[str, int, int] | None:
    """Which timed happening the sentence reports, and the words that say so."""
    tokens = list(sent)  # once, not once per kind: iterating a Span makes new Token objects
    for kind, spec in _claim_triggers().items():
        for tok in tokens:
            lemma = tok.lemma_.lower()
            if "subjects" in spec:
                if tok.pos_ in ("VERB", "AUX") and lemma in spec["verbs"]:
                    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                    if any(c.lemma_.lower() in spec["subjects"] for c in subj):
                        return kind, tok.idx, tok.idx + len(tok.text)
                continue
            if lemma in spec.get("nouns", ()) and tok.pos_ in ("NOUN", "PROPN"):
                return kind, tok.idx, tok.idx + len(tok.text)
            if lemma in spec.get("verbs", ()) and tok.pos_ == "VERB":
                return kind, tok.idx, tok.idx + len(tok.text)
    return None


def time_claims(doc: Doc, article: Article) -> Iterator[Claim]:
    """Claims that a happening (fighting_start, ceasefire, meeting, call) took place at a day-level time.

    The value is the time as printed until `chronology.resolve_corpus` sets the resolved interval.
    Does not date sentences whose only time is a year or a month: those are background.
    """
    for sent in claim_sentences(doc, article):
        found = best_time(sent.text)
        if found is None or found.rank != DAY_RANK:
            continue
        kind = _time_kind(sent)
        if kind is None:
            continue
        name, s, e = kind
        anchor = next((t for t in sent if t.idx == s), None)
        who = attribute(sent, anchor, article, headline=article.segment_at(sent.start_char) is SegmentType.headline)
        yield make_claim(
            article,
            sent,
            Field.times,
            name,
            span=(sent.start_char + found.start, sent.start_char + found.end),
            subject=name,
            value=found.ref.text,
            event_time=found.ref,
            claimant=who.claimant,
            claimant_text=who.text,
            claimant_role=who.role,
            attrs={"trigger": article.text[s:e]},
        )
