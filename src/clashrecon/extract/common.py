"""What every extractor shares: which sentences may yield claims, and how a claim is built."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from clashrecon.models import CLAIM_SEGMENTS, Article, Claim, ClaimantRole, Field, SegmentType


def claim_id(article_id: str, field: Field, kind: str, start: int, end: int, extra: str = "") -> str:
    key = f"{article_id}|{field.value}|{kind}|{start}|{end}|{extra}"
    return "c" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:11]


def claim_sentences(doc: Doc, article: Article) -> Iterator[Span]:
    """Sentences of the body and the headline; never chrome, captions, credits or repeats.

    The Doc is built from `claim_text(article)`, in which non-claim segments are blanked,
    so offsets in the Doc are offsets in the stored text.
    """
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        first = next((t for t in sent if not t.is_space), None)
        if first is None:
            continue
        if article.segment_at(first.idx) in CLAIM_SEGMENTS:
            yield sent


def sentence_bounds(sent: Span) -> tuple[int, int]:
    """Character offsets of the sentence without surrounding white space."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    return sent.start_char + lead, sent.end_char - trail


def make_claim(
    article: Article,
    sent: Span,
    field: Field,
    kind: str,
    *,
    span: tuple[int, int] | None = None,
    id_extra: str = "",
    **values,
) -> Claim:
    """A Claim for one sentence, with provenance filled in; `values` are the other Claim fields."""
    start, end = sentence_bounds(sent)
    span_start, span_end = span if span else (None, None)
    segment = article.segment_at(start)
    if segment is not SegmentType.headline:
        segment = SegmentType.body
    values.setdefault("claimant_role", ClaimantRole.outlet)
    return Claim(
        id=claim_id(article.id, field, kind, span_start if span_start is not None else start, span_end or end, id_extra),
        article=article.name,
        article_id=article.id,
        field=field,
        kind=kind,
        quote=article.text[start:end],
        start=start,
        end=end,
        span_start=span_start,
        span_end=span_end,
        segment=segment,
        **values,
    )
