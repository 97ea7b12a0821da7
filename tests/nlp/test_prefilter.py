"""The prefilter: which sentences get a parse, and Docs that still read as the full pipeline's."""

from __future__ import annotations

import pytest

from clashrecon.nlp import prefilter

TEXT = (
    "Moscow has engaged in a delicate balancing act with both nations. "
    "The governor said that four soldiers in his region were killed and another 43 were wounded. "
    "It said two civilians were injured by the shelling.\n\n"
    "The region is known for its mineral water."
)


@pytest.mark.parametrize(
    ("sentence", "parse"),
    [
        ("The health ministry said 12 people were killed in the strike.", True),
        ("Rebels abducted three aid workers near Goma.", True),
        ("Two soldiers remain missing after the ambush.", True),
        ("The death toll rose to 31 on Friday.", True),
        ("Both sides agreed to a truce brokered by Qatar.", True),
        ("Protesters rallied outside parliament.", True),
        ("The town is famous for its mineral water and spas.", False),
        ("Moscow has engaged in a delicate balancing act with both nations.", False),
        # a phrase of the lexicon counts only whole: "held" alone is not "held hostage"
        ("The summit was held in a hotel.", True),  # "summit" is a meeting word
        ("The festival was held in a park.", False),
        # a dotted casualty key takes one part of an entry: the idiom's nouns, not its verbs
        ("Eight troops made the ultimate sacrifice.", True),
        ("They made a deal and went home.", False),
    ],
)
def test_needs_parse_follows_the_extractors_lexicons(sentence, parse):
    assert prefilter.needs_parse(sentence) is parse


def test_a_pronoun_speaker_points_back():
    assert prefilter.refers_back("It said two civilians were injured.")
    assert prefilter.refers_back("“The governor said four were killed.")
    assert not prefilter.refers_back("Azerbaijan said it lost 50 troops.")


def test_the_doc_keeps_the_text_entities_and_parses_only_candidates(nlp, monkeypatch):
    monkeypatch.delenv("CLASHRECON_PREFILTER", raising=False)
    (doc,) = prefilter.pipe(nlp, [TEXT])
    full = nlp(TEXT)
    assert doc.text == TEXT
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
        (e.start_char, e.end_char, e.label_) for e in full.ents
    ]
    killed = next(t for t in doc if t.text == "killed")
    assert killed.lemma_ == "kill" and killed.tag_ == "VBN"
    water = next(t for t in doc if t.text == "water")
    assert water.lemma_ == "" and water.dep_ == "dep"  # not a candidate: placeholder tree only
    assert any(s.text.startswith("It said") for s in doc.sents)


def test_a_sentence_the_splitter_cuts_oddly_is_parsed_whole(nlp, monkeypatch):
    monkeypatch.delenv("CLASHRECON_PREFILTER", raising=False)
    text = "Eleven soldiers were killed in [link=x]Tavush[/link], the [b]ministry[/b] said. The sea is calm."
    (doc,) = prefilter.pipe(nlp, [text])
    assert [s.text for s in doc.sents][0] == text[: text.index(" The sea")]


def test_off_switch_gives_the_plain_pipeline(nlp, monkeypatch):
    monkeypatch.setenv("CLASHRECON_PREFILTER", "off")
    (doc,) = prefilter.pipe(nlp, [TEXT])
    assert next(t for t in doc if t.text == "water").lemma_ == "water"


@pytest.mark.parametrize(
    "text",
    ["", "One line.", "Headline\n\nLead.\n \n  Next.\n", "  lead\n\nz", "a\r\nb\n\n\n\tc", "no breaks at all " * 3],
)
def test_paragraphs_concatenate_back_to_the_text(text):
    pieces = prefilter.paragraphs(text)
    assert "".join(pieces) == text
    assert all(p.strip() for p in pieces[1:])  # white space stays with the paragraph before it


HEADLINE_STORY = (
    "Armenia says 49 soldiers killed in clashes with Azerbaijan\n\n"
    "YEREVAN, Armenia (AP) — Azerbaijani forces shelled Armenian territory on Tuesday, the ministry said.\n\n"
    "It said two civilians were injured by the shelling."
)


def test_a_headline_without_a_full_stop_stays_its_own_sentence(nlp, monkeypatch):
    monkeypatch.delenv("CLASHRECON_PREFILTER", raising=False)
    (doc,) = prefilter.pipe(nlp, [HEADLINE_STORY])
    assert [s.text.strip() for s in doc.sents][:2] == [
        "Armenia says 49 soldiers killed in clashes with Azerbaijan",
        "YEREVAN, Armenia (AP) — Azerbaijani forces shelled Armenian territory on Tuesday, the ministry said.",
    ]


def test_a_repeated_paragraph_is_analysed_once_and_reads_the_same(nlp, monkeypatch):
    """Syndicated copies repeat paragraphs word for word: the second copy comes from memory."""
    monkeypatch.delenv("CLASHRECON_PREFILTER", raising=False)
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, SENT_START, TAG

    attrs = [TAG, POS, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, SENT_START]
    shared = "Azerbaijan said it lost 50 troops in the fighting near Kalbajar, the ministry said.\n\n"
    first = "Armenia says 49 soldiers killed\n\n" + shared + "Moscow urged calm.\n\nThe sea is calm."
    second = "Death toll rises in Caucasus clashes\n\n" + shared + "It said the truce held."
    prefilter._MEMOS.pop(nlp, None)
    calls: list[list[str]] = []
    real = type(nlp).pipe

    def counting(self, texts, **kwargs):
        calls.append(list(texts))
        return real(self, calls[-1], **kwargs)

    monkeypatch.setattr(type(nlp), "pipe", counting)
    a, b = prefilter.pipe(nlp, [first, second])
    assert [call.count(shared) for call in calls] == [1, 1]  # entities once, syntax once
    calls.clear()
    alone_b = next(iter(prefilter.pipe(nlp, [second])))  # now wholly from memory
    assert all(not call for call in calls)
    assert b.text == alone_b.text == second
    assert (b.to_array(attrs) == alone_b.to_array(attrs)).all()
    start = len("Armenia says 49 soldiers killed\n\n")
    in_a = a.char_span(start, start + len(shared.strip()))
    in_b = b.char_span(len("Death toll rises in Caucasus clashes\n\n"), len("Death toll rises in Caucasus clashes\n\n") + len(shared.strip()))
    assert [(t.lemma_, t.dep_, t.ent_type_) for t in in_a] == [(t.lemma_, t.dep_, t.ent_type_) for t in in_b]


def test_memory_keeps_only_the_most_recent_pieces():
    memo = prefilter._Memo(limit=2)
    for key in ("a", "b", "c"):
        memo.put(key, key.upper())
    assert memo.get("a") is None and memo.get("c") == "C"


def test_a_forgotten_memory_analyses_again_and_reads_the_same(nlp, monkeypatch):
    """An ingest forgets its paragraphs once extraction is done; the next one analyses them afresh, alike."""
    monkeypatch.delenv("CLASHRECON_PREFILTER", raising=False)
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, SENT_START, TAG

    attrs = [TAG, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, SENT_START]
    text = "Armenia says 49 soldiers killed\n\nAzerbaijan said it lost 50 troops near Kalbajar on Tuesday."
    before = next(iter(prefilter.pipe(nlp, [text])))
    assert nlp in prefilter._MEMOS
    prefilter.forget(nlp)
    assert nlp not in prefilter._MEMOS
    after = next(iter(prefilter.pipe(nlp, [text])))
    assert (before.to_array(attrs) == after.to_array(attrs)).all()
