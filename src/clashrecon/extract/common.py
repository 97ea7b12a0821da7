"""What every extractor shares: which sentences may yield claims, and how a claim is built."""

from __future__ import annotations

import hashlib
from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from clashrecon.models import CLAIM_SEGMENTS, Article, Claim, ClaimantRole, Field, SegmentType


def claim_id(article_id: str, field: Field, kind: str, start: int, end: int, extra: str = "") -> str:
    key = f"{article_id}|{field.value}|{kind}|{start}|{end}|{extra}"
    return "c" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:11]


# Keys of what is computed once per Doc and kept on `doc.user_data`: spaCy rebuilds `doc.sents`
# and `doc.ents` as new Span objects on every access, and every extractor walks them many times.
_SENTS = "clashrecon_sents"
_ENTS = "clashrecon_ents"
_CLAIM_SENTS = "clashrecon_claim_sents"
_LOWERS = "clashrecon_lowers"
_TOKENS = "clashrecon_tokens"
_TEXT = "clashrecon_text"


def doc_sentences(doc: Doc) -> list[Span]:
    """`list(doc.sents)`, built once per Doc (the Doc must not be re-split afterwards)."""
    cached = doc.user_data.get(_SENTS)
    if cached is None:
        cached = doc.user_data[_SENTS] = list(doc.sents)
    return cached


def _entities(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        ents = tuple(doc.ents)
        cached = doc.user_data[_ENTS] = (ents, [e.start for e in ents])
    return cached


def doc_entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per Doc."""
    return _entities(doc)[0]


def span_entities(span: Span) -> list[Span]:
    """`span.ents` (the entities wholly inside the span, as spaCy selects them) from the Doc's cached entities."""
    if isinstance(span, Doc):
        return list(doc_entities(span))
    ents, starts = _entities(span.doc)
    out = []
    for ent in ents[bisect_left(starts, span.start) :]:
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def doc_tokens(doc: Doc) -> list[Token]:
    """`list(doc)`, built once per Doc: `doc[i]` and iterating a Span make a new Token every time."""
    cached = doc.user_data.get(_TOKENS)
    if cached is None:
        cached = doc.user_data[_TOKENS] = list(doc)
    return cached


def tokens_of(span: Span | Doc) -> list[Token]:
    """The span's tokens from the Doc's cached list: the same as `list(span)`, without new Token objects."""
    if isinstance(span, Doc):
        return doc_tokens(span)
    return doc_tokens(span.doc)[span.start : span.end]


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc: spaCy joins every token's text on each access."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def text_of(span: Span) -> str:
    """`span.text`, sliced from the Doc's text instead of joined token by token."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def doc_lowers(doc: Doc) -> list[str]:
    """Every token's `lower_`, built once per Doc: word matching reads them millions of times."""
    cached = doc.user_data.get(_LOWERS)
    if cached is None:
        cached = doc.user_data[_LOWERS] = [t.lower_ for t in doc_tokens(doc)]
    return cached


def claim_sentences(doc: Doc, article: Article) -> list[Span]:
    """Sentences of the body and the headline; never chrome, captions, credits or repeats.

    The Doc is built from `claim_text(article)`, in which non-claim segments are blanked,
    so offsets in the Doc are offsets in the stored text. Computed once per Doc and article.
    """
    cached = doc.user_data.get(_CLAIM_SENTS)
    if cached is not None and cached[0] is article:
        return cached[1]
    out = []
    for sent in doc_sentences(doc):
        if not text_of(sent).strip():
            continue
        first = next((t for t in tokens_of(sent) if not t.is_space), None)
        if first is None:
            continue
        if article.segment_at(first.idx) in CLAIM_SEGMENTS:
            out.append(sent)
    doc.user_data[_CLAIM_SENTS] = (article, out)
    return out


def sentence_bounds(sent: Span) -> tuple[int, int]:
    """Character offsets of the sentence without surrounding white space."""
    text = text_of(sent)
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
