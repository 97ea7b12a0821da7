"""Run spaCy's tagger, parser and lemmatiser only on the sentences that can hold a claim.

Most of ingest's NLP cost is syntax, yet many sentences of wire copy (alliances, history,
colour) hold no casualty count, event or dated happening, and the extractors skip them.
`pipe` is a drop-in for `nlp.pipe` that works in two passes per batch:

1. the entity ruler, NER and the statistical sentence splitter (`senter`, shipped disabled
   in the English pipelines) run on every text, so entities, dates and sentence bounds are
   everywhere exactly as cheap pipelines give them;
2. tok2vec, tagger, parser, attribute ruler and lemmatiser run only on the candidate
   sentences, each on its own, and their annotation is copied into the Doc.

A sentence is a candidate when it has a word of the extractors' own lexicons: casualty
words (data/casualties.json), event triggers (data/events.json), time-claim words
(data/times.json) and place "happenings" (data/places.json), inflected without a tagger,
plus the stems and forms of data/prefilter.json. The sentence before a candidate that opens
by referring back ("It said ...", "The governor ...") is parsed too, so claimants resolve.
Other sentences get a flat placeholder tree (first token the root, the rest `dep` of it) and
no tags or lemmas.

What it does NOT do: understand anything, or change a character (the Doc's text is the
input text, so every offset holds). It errs towards parsing: a parsed sentence only costs
time, an unparsed one can lose a claim. CLASHRECON_PREFILTER=off turns it off.
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from weakref import WeakKeyDictionary

from clashrecon.extract.sentences import sentence_pieces
from clashrecon.lexicon import load_data

_WORD = re.compile(r"[a-z][a-z\-]*")
_OFF = ("0", "off", "no", "false")
_ENDS = re.compile(r"(?:[.!?…:;]['\"”’)\]]*\s*|\n\s*)$")


def _inflections(lemma: str) -> set[str]:
    """Regular English forms of a lemma: enough to recognise it in text without a tagger."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing", lemma + "er", lemma + "ers"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma[:-1] + "ion", lemma[:-1] + "ions"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # kidnap -> kidnapped
    return forms


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, v in value.items():
            if not str(key).startswith("_") and key != "pattern":
                yield from _strings(v)
    elif isinstance(value, Iterable):
        for v in value:
            yield from _strings(v)


def _at(data: dict, path: str) -> object:
    """The entry at a dotted path of a data file ("ultimate_sacrifice.nouns")."""
    node: object = data
    for key in path.split("."):
        node = node.get(key, {}) if isinstance(node, dict) else {}
    return node


@cache
def _lexicon() -> tuple[frozenset[str], tuple[str, ...], re.Pattern[str], tuple[str, ...]]:
    """(words, stems, refers-back pattern, phrases) built from the extractors' data files."""
    own = load_data("prefilter.json")
    lemmas: set[str] = set()
    casualties = load_data("casualties.json")
    for path in own["casualty_keys"]:
        lemmas.update(_strings(_at(casualties, path)))
    events = load_data("events.json")
    for path in own["event_paths"]:
        lemmas.update(_strings(_at(events, path)))
    for claim in load_data("times.json").get("time_claims", {}).values():
        if isinstance(claim, dict):
            lemmas.update(_strings([claim.get(k, ()) for k in own["time_claim_keys"]]))
    lemmas.update(load_data("places.json").get("happenings", {}))
    words: set[str] = set()
    phrases: set[str] = set()
    for entry in lemmas:
        first, *rest = entry.lower().split() or [""]
        forms = _inflections(first) if len(first) > 2 or first in own["short_words"] else set()
        if rest:  # a phrase counts only whole: "held captive", not every "held"
            phrases.update(" ".join([f, *rest]) for f in forms)
        else:
            words |= forms
    for forms in own["irregular_forms"].values():
        words.update(forms)
    stems = tuple(own["stems"])
    back = re.compile(r"^\W*(?:" + "|".join(re.escape(p) for p in own["refers_back"]) + r")\b", re.IGNORECASE)
    return frozenset(words), stems, back, tuple(sorted(phrases))


def needs_parse(sentence: str) -> bool:
    """True when a word or phrase of the sentence belongs to an extractor's lexicon."""
    words, stems, _, phrases = _lexicon()
    lowered = sentence.lower()
    return any(w in words or w.startswith(stems) for w in _WORD.findall(lowered)) or any(p in lowered for p in phrases)


def refers_back(sentence: str) -> bool:
    """True when a sentence opens with a word that points to someone named earlier ("It said ...")."""
    return bool(_lexicon()[2].search(sentence))


def _units(doc) -> list[tuple[int, int]]:
    """Token ranges of the senter's sentences, rejoined where a sentence does not end like one.

    The statistical splitter is cheaper than the parser but cuts oddly formatted sentences
    (say, at a bracket); a piece that does not end in closing punctuation or a line break runs
    on into the next, and the parser then splits the whole as it would have.
    """
    units: list[tuple[int, int]] = []
    for sent in doc.sents:
        if units and not _ENDS.search(doc[units[-1][0] : units[-1][1]].text_with_ws):
            units[-1] = (units[-1][0], sent.end)
        else:
            units.append((sent.start, sent.end))
    return units


def _sentence_plan(doc) -> list[tuple[int, int]]:
    """Token ranges that need a parse: runs of candidate sentences, counting the sentence
    before one that refers back as a candidate."""
    units = _units(doc)
    texts = [doc[s:e].text for s, e in units]
    full = [needs_parse(t) for t in texts]
    for i in range(1, len(units)):
        if full[i] and refers_back(texts[i]):
            full[i - 1] = True
    # Neighbouring candidates are parsed as one piece: fewer, longer Docs cost less per token
    # and the parser sees the same context it would in the whole text. (Cutting pieces at line
    # breaks would let more of them repeat, but parsing a lead paragraph without its headline
    # lost a claim of the Sake gold story's wire copy.)
    runs: list[tuple[int, int]] = []
    for (s, e), f in zip(units, full):
        if f and runs and runs[-1][1] == s and "\n" not in doc[s - 1].text_with_ws:
            runs[-1] = (runs[-1][0], e)
        elif f:
            runs.append((s, e))
    return runs


def paragraphs(text: str) -> list[str]:
    """The text cut after each line break and the white space that follows it: pieces that
    concatenate back to the text exactly, and that syndicated copies repeat word for word."""
    return [text[a:b] for a, b in sentence_pieces(text)]


class _Memo:
    """The analyses of the most recently seen pieces of text, least recently used dropped first."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.items: OrderedDict[str, object] = OrderedDict()

    def get(self, key: str):
        found = self.items.get(key)
        if found is not None:
            self.items.move_to_end(key)
        return found

    def put(self, key: str, value) -> None:
        self.items[key] = value
        self.items.move_to_end(key)
        while len(self.items) > self.limit:
            self.items.popitem(last=False)


_MEMOS: WeakKeyDictionary = WeakKeyDictionary()


def _memos(nlp) -> tuple[_Memo, _Memo]:
    """(paragraph -> entities and sentences, piece -> syntax) for this pipeline, in this process."""
    found = _MEMOS.get(nlp)
    if found is None:
        limit = int(load_data("prefilter.json")["memo_pieces"])
        found = _MEMOS[nlp] = (_Memo(limit), _Memo(limit))
    return found


def forget(nlp) -> None:
    """Drop what this process remembers of the pipeline's analyses: once an ingest has extracted
    its last batch nothing reads them, and the corpus passes that follow need the memory."""
    _MEMOS.pop(nlp, None)


Tick = Callable[[float], None]  # told how many texts' worth of analysis was just done


def _no_tick(done: float) -> None:
    pass


def pipe(nlp, texts: Iterable[str], batch_size: int = 64, tick: Tick = _no_tick) -> Iterator:
    """Like `nlp.pipe(texts)`, but tagger, parser and lemmatiser run only on candidate sentences,
    and no paragraph or candidate piece is analysed twice.

    NER (with clashrecon's entity ruler) and the statistical sentence splitter run on every
    paragraph (the text between line breaks), each on its own; each run of candidate sentences
    within a paragraph is then tagged, parsed and lemmatised on its own and its annotation
    copied into the Doc. Other sentences get a flat placeholder tree (first token the root,
    the rest attached to it as `dep`) and no tags or lemmas. Because every paragraph and every
    piece is analysed alone, its analysis is the same wherever it appears, and a paragraph seen
    before (in a copy of the same wire story, or an earlier version of it) is taken from memory.
    Plain `nlp.pipe` for a pipeline without NER, senter or parser, or when
    CLASHRECON_PREFILTER=off (to measure the difference, or to rule it out).

    `tick` hears of the work as it is done, in texts' worth, a batch's two passes half each
    (a progress bar moves within a batch, whose Docs all come out at its end).
    """
    names = set(nlp.component_names)
    if os.environ.get("CLASHRECON_PREFILTER", "").lower() in _OFF or not {"ner", "senter", "parser"} <= names:
        for doc in nlp.pipe(texts, batch_size=batch_size):
            tick(1.0)
            yield doc
        return
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= batch_size:
            yield from _pipe_batch(nlp, batch, batch_size, tick)
            batch = []
    if batch:
        yield from _pipe_batch(nlp, batch, batch_size, tick)


def _analyse(nlp, pieces: list[str], memo: _Memo, batch_size: int, keep, tick: Tick, worth: float) -> dict[str, object]:
    """piece -> its Doc (analysed now) or keep(its Doc) (remembered from before) for every piece,
    each distinct piece analysed once and remembered as keep(Doc); `worth` texts' worth of work
    told to `tick` as the fresh pieces are analysed."""
    found: dict[str, object] = {}
    fresh: list[str] = []
    for piece in pieces:
        if piece in found:
            continue
        hit = memo.get(piece)
        found[piece] = hit
        if hit is None:
            fresh.append(piece)
    for piece, doc in zip(fresh, nlp.pipe(fresh, batch_size=batch_size)):
        found[piece] = doc
        memo.put(piece, keep(doc))
        tick(worth / len(fresh))
    if not fresh:
        tick(worth)
    return found


def _pipe_batch(nlp, texts: list[str], batch_size: int, tick: Tick) -> Iterator:
    import numpy
    from spacy.attrs import DEP, ENT_ID, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
    from spacy.tokens import Doc

    cheap = [n for n in nlp.pipe_names if n in ("ner", "senter") or n.startswith("clashrecon_")]
    syntax = [n for n in nlp.pipe_names if n not in cheap and n != "senter"]
    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
    # a paragraph is remembered as its entities and sentence starts, not as its Doc: a tenth of the memory
    marks = [ENT_IOB, ENT_TYPE, ENT_ID, SENT_START]
    by_paragraph, by_piece = _memos(nlp)
    chunked = [paragraphs(text) for text in texts]
    senter_was_disabled = "senter" in nlp.disabled
    if senter_was_disabled:
        nlp.enable_pipe("senter")
    try:
        with nlp.select_pipes(enable=[*cheap, "senter"]):
            found = _analyse(
                nlp, [c for chunks in chunked for c in chunks], by_paragraph, batch_size, lambda d: d.to_array(marks),
                tick, len(texts) / 2,
            )
    finally:
        if senter_was_disabled:
            nlp.disable_pipe("senter")
    for chunk, analysed in found.items():
        if not isinstance(analysed, Doc):  # remembered: the same tokens again, and their marks
            found[chunk] = nlp.make_doc(chunk)
            found[chunk].from_array(marks, analysed)
    docs = []
    for chunks in chunked:
        parts = [found[c] for c in chunks]
        docs.append(parts[0].copy() if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"]))
    plans = [_sentence_plan(doc) for doc in docs]
    pieces = [[doc[s:e].text for s, e in plan] for doc, plan in zip(docs, plans)]
    with nlp.select_pipes(enable=syntax):
        parsed = _analyse(
            nlp, [p for ps in pieces for p in ps], by_piece, batch_size, lambda d: d.to_array(attrs).astype("int64"),
            tick, len(texts) / 2,
        )
    parsed = {p: a if isinstance(a, numpy.ndarray) else a.to_array(attrs).astype("int64") for p, a in parsed.items()}
    root, dep = nlp.vocab.strings.add("ROOT"), nlp.vocab.strings.add("dep")
    for doc, plan, texts_of_plan in zip(docs, plans, pieces):
        rows = numpy.zeros((len(doc), len(attrs)), dtype="int64")
        start = 0
        for tok in doc:  # placeholder tree: each sentence's first token is its root
            if tok.is_sent_start or tok.i == 0:
                start = tok.i
                rows[tok.i, 5] = root
            else:
                rows[tok.i, 4] = start - tok.i
                rows[tok.i, 5] = dep
        for (s, e), piece in zip(plan, texts_of_plan):
            analysed = parsed[piece]
            if len(analysed) != e - s:  # tokenised differently on its own: keep the placeholder
                continue
            rows[s:e] = analysed
        doc.from_array(attrs, rows.astype("uint64"))
        yield doc
