"""Who asserts a sentence: the speaker of a reporting verb, or else the outlet.

The nearest reporting verb that governs the claim wins ("X said Y said it lost 50": Y);
then "according to X"; then any reporting verb in the sentence. A speaker printed as a
pronoun ("It said", "he added") or as a bare definite phrase ("The ministry said") is
resolved to the nearest earlier speaker in the previous few sentences.

Does not judge whether the speaker is reliable, does not follow quotes across
paragraphs, and does not resolve a pronoun that has no earlier speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from clashrecon.extract.actors import actor_of_phrase, actor_of_text, country_of_place
from clashrecon.extract.common import doc_entities, doc_sentences, doc_text, tokens_of
from clashrecon.extract.syntax import previous_sentences, subtree_span
from clashrecon.lexicon import actor_lexicon, load_data
from clashrecon.models import Article, ClaimantRole, SegmentType


@dataclass(frozen=True)
class Attribution:
    claimant: str | None  # canonical actor
    text: str | None  # as printed
    role: ClaimantRole
    verb: Token | None = None


def _data() -> dict:
    return load_data("attribution.json")


def reporting_lemmas() -> frozenset[str]:
    return frozenset(_data()["reporting_verbs"])


def _trim(span: Span) -> Span:
    """Drop leading and trailing punctuation and a trailing appositive's commas."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _subject_phrase(verb: Token) -> Span | None:
    """The verb's subject; a coordinated verb without one shares its head verb's ("X accused ... and reported")."""
    passive_speakers = frozenset(_data()["passive_speaker_verbs"]["words"])
    inverted = _inverted_speaker(verb)
    if inverted is not None:
        return inverted
    for _ in range(_data()["conjunct_subject_steps"]["steps"]):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None) if verb.lemma_.lower() in reporting_lemmas() else None
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if by is not None:
            return _trim(subtree_span(by))  # "... was reported by state media"
        # a passive subject is what was done or reported ("at least one impact was reported",
        # "657 people have been killed ..., claimed a rights group"), not who speaks
        dep_ok = ("nsubj", "nsubjpass") if verb.lemma_.lower() in passive_speakers else ("nsubj",)
        subjects = [c for c in verb.children if c.dep_ in dep_ok]
        if not subjects and any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        if subjects:
            # "Nine killed in raid, says army": of two subjects, one holding a count is the claim
            plain = [c for c in subjects if not any(t.like_num for t in c.subtree)]
            if not plain and all(c.like_num for c in subjects):
                return None  # "with 15 confirmed dead": the count is the verb's subject, nobody speaks
            subjects = plain or subjects
            # "Strikes killed 12, Ukrainian officials said": the parser may hang both noun
            # phrases on "said"; the speaker is the one nearest the verb
            before = [c for c in subjects if c.i < verb.i]
            child = before[-1] if before else subjects[0]
            if child.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
                child = verb.head  # "the Association ..., which says 3,240 civilians ..."
                return _trim(verb.doc[child.left_edge.i : verb.left_edge.i])
            return _speaker_span(child)
        # "X had given a toll of 606, telling the agency that 107 were killed": a participle
        # clause without a subject of its own reports for the reporting verb it hangs on
        # ("X called the last day the worst, saying ..."), when that verb's subject can speak:
        # a reporting verb's, or a name's; "The fighting began ..., saying" is not the fighting's
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and (
            verb.head.lemma_.lower() in reporting_lemmas()
            or any(c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")) for c in verb.head.children)
        )
        if verb.dep_ != "conj" and not participle:
            break
        verb = verb.head
    return None


def _speaker_span(subject: Token) -> Span:
    """The speaker a subject names, without what the parser wrongly hangs on it: when the
    subject's own words hold a count and a comma-joined item follows, that last item, nearest
    the verb ("rose to 40, all of them civilians, with 170 people injured, the district's health
    director, Karimullah Agha, said": the director); and not a relative clause set off by a comma ("Ali Haqmal, who speaks for the
    district, gave the figure": Ali Haqmal)."""
    doc = subject.doc
    joined = [c for c in subject.children if c.i > subject.i and (c.dep_ == "appos" or c.dep_ == "conj" and not any(g.dep_ == "cc" for g in subject.children))]
    if joined and any(t.pos_ == "NUM" for t in doc[subject.left_edge.i : joined[-1].left_edge.i]):
        subject = joined[-1]  # the part before holds a count: it is the claim, not its speaker
    issuer = _issuer(subject)
    if issuer is not None:
        return issuer  # "A statement from the ministry said ..."
    span = subtree_span(subject)
    for rel in subject.children:
        if rel.dep_ == "relcl" and rel.left_edge.i > subject.i and doc[rel.left_edge.i - 1].text == ",":
            span = doc[span.start : rel.left_edge.i - 1]
            break
    return _trim(span)


def _inverted_speaker(verb: Token) -> Span | None:
    """The speaker printed after a trailing reporting verb that the parser reads as its object:
    "657 people have been killed ..., claimed a human rights group on Friday". Only a finite
    verb right after a comma, with no subject and no clause of its own, is read so."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubjpass", "csubj", "ccomp", "xcomp") for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    # "9 troops, 31 villagers killed in cross-border shelling, reveals the army's press wing": a misparse
    # makes the counts the verb's subject; a subject holding a count is the claim, not a speaker
    if subjects and not any(t.like_num for c in subjects for t in c.subtree):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and c.i > verb.i), None)
    return _trim(subtree_span(obj)) if obj is not None else None


def _issuer(noun: Token) -> Span | None:
    """Who issued a statement that speaks: 'a statement issued by the Iranian Health Ministry',
    'a statement from the ministry', 'the army's statement'."""
    if noun.lemma_.lower() not in set(_data()["statement_nouns"]["words"]):
        return None
    doc = noun.doc
    for child in noun.children:
        if child.dep_ == "poss":
            return doc[child.left_edge.i : child.i + 1]  # without the "'s"
        issuer = None
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            issuer = next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "acl":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            issuer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if issuer is not None:
            return _trim(subtree_span(issuer))
    return None


def _according_to(sent: Span) -> Span | None:
    doc = sent.doc
    phrases = {tuple(p) for p in _data()["source_phrases"]["words"]}
    for tok in tokens_of(sent):
        if tok.i + 1 < sent.end and (tok.lower_, doc[tok.i + 1].lower_) in phrases:
            obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                return _issuer(obj) or _trim(subtree_span(obj))
            end = tok.i + 2
            while end < sent.end and not doc[end].is_punct:
                end += 1
            if end > tok.i + 2:
                return doc[tok.i + 2 : end]
    return None


def reporting_verbs(sent: Span) -> list[Token]:
    lemmas = reporting_lemmas()
    return [t for t in tokens_of(sent) if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lemmas and not _takes_lives(t)]


def _takes_lives(verb: Token) -> bool:
    """'The clashes claimed the lives of 23 soldiers': a verb whose object is lives kills, it does not report."""
    objects = frozenset(_data()["casualty_objects"]["words"])
    return any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in verb.children)


def _governing_verb(sent: Span, anchor: Token | None, verbs: list[Token]) -> Token | None:
    """The nearest reporting verb above the anchor in the parse, within the sentence."""
    if anchor is None:
        return None
    candidates = set(v.i for v in verbs)
    below = anchor
    for tok in anchor.ancestors:
        if tok.i < sent.start or tok.i >= sent.end:
            break
        # "... and 5,332 injured ..., while a rights group put the number at 1,000", parsed with
        # the count as a subject of "put": a verb of saying does not speak for its own subject
        reached_as_subject = below.dep_ == "nsubj" and any(c.dep_ == "nsubj" and c.i != below.i for c in tok.children)
        below = tok
        if tok.i in candidates and not reached_as_subject:
            # "According to the Indian army, shelling killed 21 ...; Pakistan puts its dead at 36":
            # a reporting verb past a semicolon speaks for its own clause only
            between = sent.doc[min(tok.i, anchor.i) : max(tok.i, anchor.i)]
            return None if any(t.text == ";" for t in between) else tok
    return None


def _is_pronoun(phrase: Span) -> bool:
    return len(phrase) == 1 and phrase[0].lower_ in set(_data()["pronoun_speakers"])


def _is_own_outlet(phrase: Span, article: Article) -> bool:
    """Whether the speaker is the article's own outlet ('The South African', 'The Hindu'), whose
    name may read like a demonym or a country's."""
    def bare(text: str) -> str:
        return re.sub(r"^the\s+", "", text.strip().lower())

    return bool(article.outlet) and bare(phrase.text) == bare(article.outlet)


def _is_place(phrase: Span) -> bool:
    """'Poonch district', 'the province': a phrase whose head is a place noun, or a bare name of a
    country's district or town ('Poonch recorded 14 of those deaths') (data/places.json)."""
    places = load_data("places.json")
    if phrase.root.lemma_.lower() in {*places["kind_nouns_before"], *places["kind_nouns_after"]}:
        return True
    return all(t.pos_ == "PROPN" for t in phrase) and actor_of_text(phrase.text) is None and country_of_place(phrase.text) is not None


def _is_bare_definite(phrase: Span) -> bool:
    """'The ministry', 'the governor': a speaker named by role alone, no proper noun."""
    return len(phrase) <= 3 and phrase[0].lower_ in ("the", "this") and not any(t.pos_ == "PROPN" for t in phrase)


def _earlier_speakers(sent: Span, lookback: int) -> list[Span]:
    """Speaker phrases of the previous sentences, nearest first."""
    out: list[Span] = []
    for prev in previous_sentences(sent, lookback):
        out.extend(p for v in reversed(reporting_verbs(prev)) if (p := _subject_phrase(v)) is not None)
        according = _according_to(prev)
        if according is not None:
            out.append(according)
    return out


def _mentions_of(head_lemma: str, sent: Span, lookback: int) -> list[Span]:
    """Earlier noun phrases whose head is `head_lemma` ('the Armenian Defense Ministry' for 'the ministry')."""
    return [
        subtree_span(tok)
        for prev in previous_sentences(sent, lookback)
        for tok in reversed(list(prev))
        if tok.lemma_.lower() == head_lemma and tok.pos_ in ("NOUN", "PROPN")
    ]


def _joint(phrase: Span, article: Article) -> str | None:
    """'Armenia and Azerbaijan said ...': both speakers, in the order printed."""
    names: list[str] = []
    for tok in phrase:
        if tok.i == phrase.root.i or (tok.dep_ in ("conj", "nmod", "appos") and tok.pos_ == "PROPN" and tok.head.i in range(phrase.start, phrase.end)):
            found = actor_of_phrase(phrase.doc[tok.i : tok.i + 1], article)
            if found and found not in names:
                names.append(found)
    return " and ".join(names) if len(names) > 1 else None


def _dissents(phrase: Span) -> bool:
    return any(t.lower_ in _data()["dissenting_voices"]["words"] for t in phrase)


def _resolve(phrase: Span, sent: Span, article: Article, verb: Token | None = None) -> str | None:
    joint = _joint(phrase, article)
    if joint:
        return joint
    # the head names the speaker before its modifiers do: "Yemen's Houthis" are the Houthis
    root = phrase[phrase.root.i - phrase.start : phrase.root.i - phrase.start + 1]
    canonical = (actor_of_phrase(root, article) if phrase.root.ent_iob_ == "B" and phrase.root.ent_type_ in ("ORG", "GPE", "NORP") else None) or actor_of_phrase(phrase, article)
    if canonical and _dissents(phrase) and actor_lexicon().kind_of(canonical) == "country":
        return None  # "opposition media outlets in Azerbaijan" do not speak for Azerbaijan
    if canonical:
        return canonical
    lookback = int(_data()["lookback_sentences"])
    if _is_pronoun(phrase):
        earlier_speakers = _earlier_speakers(sent, lookback)
        for earlier in earlier_speakers:
            found = actor_of_phrase(earlier, article)
            if found:
                return found
        # an earlier speaker no lexicon names ("the National Unity Government") is still who "it" is
        named = [e for e in earlier_speakers if not _is_pronoun(e)]
        return named[0].text if named else None
    if _is_bare_definite(phrase):
        head = phrase.root.lemma_.lower()
        if head in set(_data()["statement_nouns"]["words"]):
            # "ISPR said in a statement that ... The injured included 78 soldiers, the statement said."
            found = next((f for e in _earlier_speakers(sent, lookback) if (f := actor_of_phrase(e, article))), None)
            if found:
                return found
        for earlier in [*_earlier_speakers(sent, lookback), *_mentions_of(head, sent, lookback)]:
            if earlier.root.lemma_.lower() == head:
                found = actor_of_phrase(earlier, article)
                if found:
                    return found
    return _dateline_official(phrase, article, verb)


_CAPITALS_OPENING = re.compile(r"^(?P<place>[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+)*)\s*(?:,|\(|—|–|-)")


def dateline_place(article: Article) -> str | None:
    """The story's dateline place: the one ingest read, else the capitals the first body line opens
    with ("TEHRAN, June 24, 2025 (AFP) - ...", a date form the ingest reader does not take)."""
    if article.dateline:
        return article.dateline
    body = next((seg for seg in article.segments if seg.type is SegmentType.body), None)
    if body is None:
        return None
    limit = load_data("boilerplate.json")["dateline_max_chars"]
    m = _CAPITALS_OPENING.match(article.text[body.start : min(body.end, body.start + limit)].lstrip())
    if m is None or len(m.group("place").strip(".")) < 2:
        return None
    return m.group("place")


def _dateline_official(phrase: Span, article: Article, verb: Token | None = None) -> str | None:
    """An official named by role alone ("the provincial governor", "The governor, Karen
    Sarkisyan", "police"), or a name under a title that names no country ("Health Minister
    Mohammad-Reza Zafarqandi"), in a story datelined in a country speaks for that country;
    one the sentence places elsewhere ("In Islamabad, Information Minister X told parliament")
    speaks for the country of that place."""
    roles = set(_data()["official_roles"])
    titled = any(t.lemma_.lower() in roles or t.lower_ in roles for t in phrase if t.i <= phrase.root.i)
    if not titled:
        return None
    armed = set(load_data("actors.json")["institutions"]["armed_group_nouns"])
    if any(t.lemma_.lower() in armed for t in phrase if t.i < phrase.root.i):
        return None  # "a rebel spokesman told reporters in Kenya": an armed group's official speaks for no state
    where = _speaking_place(verb) if verb is not None else None
    if where is not None:
        return where
    place = dateline_place(article)
    if not place:
        return None
    country = country_of_place(place)  # "YEREVAN", or a region's town: "JAMMU", "RAWALPINDI"
    return None if country is None or dateline_is_bureau(article, phrase.doc, country) else country


def dateline_is_bureau(article: Article, doc: Doc, country: str) -> bool:
    """A dateline the reporter files from, not where the story happens: the lead paragraph places
    its events in another country, and neither names the dateline's own nor uses its demonym
    ("NAIROBI (Reuters) - An air strike in Ethiopia's Amhara region killed 20 people"), so the
    dateline's country is neither its officials' nor its dead's. A country named only as an
    actor ("KABUL - Pakistani strikes killed 12, officials said, and Pakistan denied it") does
    not move the story."""
    first = next((s for s in doc_sentences(doc) if s.text.strip() and article.segment_at(s[0].idx if not s[0].is_space else s[-1].idx) is SegmentType.body), None)
    if first is None:
        return False
    start = first.start_char + len(first.text) - len(first.text.lstrip())
    text = doc_text(doc)
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    place = dateline_place(article) or ""
    dateline_end = start + len(place) if text.startswith(place, start) else start
    others = False
    for ent in doc_entities(doc):
        if ent.label_ in ("GPE", "NORP") and dateline_end <= ent.start_char and ent.end_char <= end:
            found = country_of_place(ent.text)
            if found == country:
                return False  # "GOMA, Congo - ... the eastern Congolese city": the story is the dateline's
            others = others or found is not None and ent.label_ == "GPE" and _locative(ent.root)
    return others


def _locative(tok: Token) -> bool:
    """A country named as where something is ("in northern Mali", "Ethiopia's Amhara region"),
    not as an actor ("Pakistan denied", "Myanmar's military")."""
    places = load_data("casualties.json")
    if tok.dep_ == "pobj":
        return tok.head.lower_ in places["place_prepositions"]["words"]
    return tok.dep_ in ("poss", "compound") and tok.head.lemma_.lower() in places["place_nouns"]


def _speaking_place(verb: Token) -> str | None:
    """The country of the place a reporting verb is said in: "In Islamabad, X told parliament"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _data()["speaking_place_prepositions"]["words"]:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ in ("GPE", "LOC"):
                found = country_of_place(subtree_span(pobj).text)
                if found:
                    return found
    return None


def _describes_another_noun(verb: Token, anchor: Token | None) -> bool:
    """A reporting participle or relative clause on a noun whose phrase holds neither the claim
    nor a figure ("a ceasefire announced by Trump"), unlike "the figure of 58 soldiers announced
    by the army"."""
    if verb.dep_ not in ("acl", "relcl") or anchor is None:
        return False
    clause = {t.i for t in verb.subtree}
    own = [t for t in verb.head.subtree if t.i not in clause]
    return not any(t.i == anchor.i or t.like_num for t in own)


def _other_clause(verb: Token, anchor: Token | None) -> bool:
    """A reporting verb across a semicolon speaks for its own clause only: "Missiles kill
    three in Israel; Tehran says 60 died" does not make Tehran the claimant of the three."""
    if anchor is None:
        return False
    low, high = sorted((verb.i, anchor.i))
    return any(t.text == ";" for t in verb.doc[low:high])


def _outer_speaker(sent: Span, verb: Token, verbs: list[Token]) -> tuple[Token, Span] | None:
    """The nearest reporting verb above `verb` in the sentence whose subject is not a pronoun."""
    outer = _governing_verb(sent, verb, verbs)
    while outer is not None:
        phrase = _subject_phrase(outer)
        if phrase is not None and len(phrase) and not _is_pronoun(phrase):
            return outer, phrase
        outer = _governing_verb(sent, outer, verbs)
    return None


def attribute(sent: Span, anchor: Token | None, article: Article, *, headline: bool = False) -> Attribution:
    """The claimant for a claim anchored at `anchor` in `sent`.

    Prefers the nearest reporting verb that governs the anchor, then "according to X",
    then any reporting verb in the sentence; otherwise the outlet (or the wire credit).
    """
    verbs = reporting_verbs(sent)
    chosen = _governing_verb(sent, anchor, verbs)
    phrase = _subject_phrase(chosen) if chosen is not None else None
    if phrase is not None and chosen is not None and _is_place(phrase):
        # "Poonch district, which recorded 14 of the 28 deaths, officials said": a place that
        # records a toll does not speak; the sentence's outer speaker does
        outer = _outer_speaker(sent, chosen, verbs)
        if outer is not None:
            chosen, phrase = outer
    if phrase is not None and chosen is not None and _is_pronoun(phrase):
        # "The group said it had counted 657 killed": "it" is the outer speaker
        outer = _outer_speaker(sent, chosen, verbs)
        if outer is not None:
            chosen, phrase = outer
    if phrase is None:
        phrase = _according_to(sent)
    if phrase is None and headline:
        phrase = _headline_credit(sent)
    if phrase is None and verbs:
        # "... killed in Beersheba ahead of a ceasefire announced by Trump": a participle that
        # describes some other noun says nothing of the count
        chosen = next((v for v in verbs if not _describes_another_noun(v, anchor) and not _other_clause(v, anchor)), None)
        phrase = _subject_phrase(chosen) if chosen is not None else None
    if phrase is not None and chosen is not None:
        phrase = _cited_source(chosen) or phrase
    if phrase is not None and len(phrase) and _is_own_outlet(phrase, article):
        phrase = None  # "The South African previously reported that ...": the outlet itself, not a country
    if phrase is not None and len(phrase):
        text = phrase.text
        canonical = _resolve(phrase, sent, article, chosen)
        role = ClaimantRole.headline if headline else ClaimantRole.speaker
        return Attribution(claimant=canonical or text, text=text, role=role, verb=chosen)
    outlet = article.outlet or article.credit
    return Attribution(claimant=outlet, text=None, role=ClaimantRole.outlet)


def _cited_source(verb: Token) -> Span | None:
    """"a Russian agency said so, citing Tajikistan's border service": a reporter
    citing a source passes that source's word on, so the source is the claimant."""
    cites = [verb] if verb.lemma_.lower() == "cite" else [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() == "cite"]
    for cite in cites:
        obj = next((o for o in cite.children if o.dep_ == "dobj"), None)
        if obj is not None:
            return verb.doc[obj.left_edge.i : obj.right_edge.i + 1]
    return None


def _headline_credit(sent: Span) -> Span | None:
    """The source a headline names after a closing dash: "Two dead, 26 hurt in Azerbaijani shelling – Artsakh",
    "Twenty-five killed in Karabakh -separatist officials". At most a few words, after the last
    dash, and not a place's number or a date range."""
    # a dash set off by spaces, not a hyphen inside a name ("Kyiv-Odesa")
    dashes = [t for t in sent if t.text in ("-", "–", "—") and t.i > sent.start and t.doc[t.i - 1].whitespace_ and t.whitespace_]
    if not dashes:
        return None
    after = sent.doc[dashes[-1].i + 1 : sent.end]
    while len(after) and after[-1].is_punct:
        after = after[: len(after) - 1]
    words = [t for t in after if not t.is_punct]
    most = int(_data()["headline_credit_words"]["words"])
    if not words or len(words) > most or any(t.like_num for t in words) or not any(t.pos_ in ("PROPN", "NOUN") or t.is_title for t in words):
        return None
    return after


def speaker_side(who: Attribution, sent: Span, article: Article | None = None) -> str | None:
    """The side a pronoun of the speaker's stands for ('its/his/their/our' soldiers): the speaker's
    own actor, else the sentence's first named subject's ("Aliyev expressed condolences to ... our
    servicemen"). The one place a speaker is resolved to a side; extractors call it."""
    # a claimant left as printed is one no actor resolves: its words are not read again, so
    # "rebels in Sudan", which the resolver declines to call Sudan, stay nobody's
    resolved = who.claimant is not None and who.claimant != who.text
    if who.role.value != "outlet" and who.claimant and (resolved or actor_lexicon().kind_of(who.claimant)) and actor_of_text(who.claimant):
        return actor_of_text(who.claimant)
    doc = sent.doc
    for tok in tokens_of(sent):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PROPN":
            phrase = doc[tok.left_edge.i : tok.i + 1]
            name = actor_of_phrase(phrase, article) if article is not None else actor_of_text(phrase.text)
            if name:
                return name
    return None
