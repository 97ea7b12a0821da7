"""Actors: canonical names for countries, bodies, their institutions and their officials.

A state organ or official resolves to its country ("Armenia's Defense Ministry", "Kremlin spokesman
Dmitry Peskov" -> Russia); a person named again later ("Pashinyan", "Mr Pashinyan", "he") resolves
through what the same Doc said of them first.
Does not merge spelling variants across articles (`clashrecon.aliases` does), and does not guess an
affiliation the text does not state: "Secretary of State Antony Blinken" alone has none.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from clashrecon.extract.common import doc_entities, doc_sentences, doc_tokens, span_entities, tokens_of
from clashrecon.extract.syntax import subtree_span
from clashrecon.lexicon import actor_lexicon, country_place_entry, load_data
from clashrecon.models import Article

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][\w.'’\u00C0-\u024F-]*")
_PERSONS = "clashrecon_persons"


@cache
def _settings() -> dict:
    return load_data("actors.json")


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(_settings()["honorifics"]["words"])


_HOST = re.compile(r"\s(?:to|in)\s(?=\S)")


def actor_of_text(text: str) -> str | None:
    """The canonical actor a phrase names or is affiliated with, from its words alone.

    "Armenian Prime Minister Nikol Pashinyan" -> Armenia; "Azerbaijan's Foreign Ministry" -> Azerbaijan;
    "the Defense Ministry in Baku" -> Azerbaijan. The longest lexicon match wins; the first one in the
    phrase breaks ties.
    """
    host = _HOST.search(text)
    if host is not None:
        # "Iran's ambassador to the United Nations": the name after "to" hosts the speaker
        own = actor_of_text(text[: host.start()])
        if own is not None:
            return own
    # "a Washington-based group": the name before "-based" is where the body sits, not its side
    text = _seat_pattern().sub(" ", text)
    lex = actor_lexicon()
    acronyms = _acronyms()
    words = [w.rstrip(".") if not re.fullmatch(r"(?:[A-Z]\.)+", w) else w for w in _WORD.findall(text)]
    words = [w.removesuffix("'s").removesuffix("’s") for w in words]
    best: tuple[int, bool, int, str] | None = None
    longest = _settings()["longest_name_words"]["words"]
    for i in range(len(words)):
        for j in range(min(len(words), i + longest), i, -1):
            cand = " ".join(words[i:j])
            # "WHO" the body is not "who", "US" the country is not "us".
            if cand.lower() in acronyms and not cand.isupper():
                continue
            name = lex.canonical(cand)
            if name and j < len(words) and words[j] in _mastheads():
                break  # "The Washington Post" is a paper, not the United States
            if name:
                # An armed group outranks the country it operates in ("Colombia's ELN guerrillas").
                score = (j - i, lex.kind_of(name) == "group", -i)
                if best is None or score > best[:3]:
                    best = (*score, name)
                break
    return best[3] if best else None


@cache
def _mastheads() -> frozenset[str]:
    return frozenset(_settings()["outlet_mastheads"]["words"])


@cache
def _seat_pattern() -> re.Pattern[str]:
    suffixes = "|".join(map(re.escape, _settings()["seat_suffixes"]["words"]))
    return re.compile(rf"(?<![\w.])[\w.]+\s*[-–]\s*(?:{suffixes})\b")


def locality_of(text: str) -> str | None:
    """The district, town or city a place phrase names ("Poonch", "Petah Tikva"), not a region
    that is a whole side of the front ("Jammu and Kashmir") nor a country."""
    entry = country_place_entry(text)
    return entry[0] if entry is not None and entry[2] == "localities" else None


def country_of_place(text: str) -> str | None:
    """The country a place phrase lies in: its own country name ("eastern Congo"), else a region,
    district or town of data/places.json ("Poonch district", "JAMMU", "Azad Jammu and Kashmir" ->
    Pakistan, the longest name winning). A place is never an actor that speaks: callers use this
    for where, not who."""
    direct = actor_of_text(text)
    if direct is not None and actor_lexicon().kind_of(direct) == "country":
        return direct
    entry = country_place_entry(text)
    return entry[1] if entry is not None else None


@cache
def _acronyms() -> frozenset[str]:
    lex = actor_lexicon()
    surfaces = (s for a in lex.actors for s in (*a.aliases, *a.demonyms, *a.capitals))
    most = _settings()["acronym_max_letters"]["letters"]
    return frozenset(s.lower() for s in surfaces if s.isupper() and len(s.replace(".", "")) <= most)


def own_words(tok: Token) -> str:
    """A noun's own phrase without its conjuncts and clauses: in "Sudan's army and the Rapid Support
    Forces" the army is Sudan's, whatever the longer name beside it."""
    drop: set[int] = set()
    for child in tok.children:
        if child.dep_ in ("conj", "cc", "relcl", "acl", "advcl", "appos"):
            drop.update(t.i for t in child.subtree)
    return " ".join(t.text for t in tok.subtree if t.i not in drop)


def core_phrase(phrase: Span) -> str:
    """The phrase without its relative and participial clauses: in "the governor of X province, one of
    the regions that came under Azerbaijani shelling" only "the governor of X province, one of the regions"
    says who the governor is."""
    drop: set[int] = set()
    for tok in phrase:
        if tok.dep_ in ("relcl", "acl", "advcl") and tok.head.i in range(phrase.start, phrase.end) and tok.i != phrase.root.i:
            drop.update(t.i for t in tok.subtree)
    if not drop:
        return phrase.text
    return " ".join(t.text for t in phrase if t.i not in drop)


def _title_before(ent: Span) -> str | None:
    """The affiliation in the title words just before a name: "Turkish Foreign Minister", "U.S. Secretary of State"."""
    cfg = _settings()["person_context"]
    stop, linkers = set(cfg["stop_pos"]), set(cfg["title_linkers"])
    words: list[Token] = []
    i = ent.start - 1
    while i >= ent.sent.start and len(words) < cfg["window"]:
        tok = ent.doc[i]
        if (tok.pos_ in stop or tok.is_punct) and tok.lower_ not in linkers and tok.ent_type_ not in ("GPE", "NORP", "ORG"):
            break
        words.append(tok)
        i -= 1
    if not words:
        return None
    found = actor_of_text(" ".join(t.text for t in reversed(words)))
    if found is None:
        # "Army chief General X": the institution named before
        nouns = set(_settings()["institutions"]["nouns"])
        inst = next((t for t in words if t.lemma_.lower() in nouns), None)
        if inst is not None:
            found = _resolve_institution(ent.doc[inst.i : inst.i + 1])
    return found


def _apposition(ent: Span) -> str | None:
    """The affiliation an apposition gives: "Charles Michel, president of the European Council",
    "his Azerbaijani counterpart, Jeyhun Bayramov", "Azerbaijan's president, Ilham Aliyev"."""
    root = ent.root
    doc = ent.doc
    # "Abdel Fattah al-Burhan of Sudan", "a commander from Hamas"
    if ent.end + 1 < len(doc) and doc[ent.end].lower_ in ("of", "from") and doc[ent.end + 1].ent_type_ in ("GPE", "ORG", "NORP"):
        found = actor_of_text(doc[ent.end + 1].text)
        if found:
            return found
    if root.dep_ == "appos" and root.head.i < ent.start:
        if ent.start > 0 and doc[ent.start - 1].text in _settings()["person_context"]["source_dashes"]:
            return None  # "... in Azerbaijani attack – Artsakh Ombudsman": the headline's source, no apposition
        head = root.head
        phrase = doc[head.left_edge.i : ent.start]
        return actor_of_text(phrase.text)
    for child in root.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            phrase = subtree_span(child)
            return actor_of_text(phrase.text)
    return None


def _name_keys(text: str) -> list[str]:
    honorifics = _honorifics()
    words = [w for w in text.replace("’s", "").replace("'s", "").split() if w.lower() not in honorifics]
    if not words:
        return []
    keys = [" ".join(words).lower()]
    if len(words) > 1:
        keys.append(words[-1].lower())
    # "al-Burhan" is later "Burhan"
    particle = re.fullmatch(r"(?:al|el|ul|ad|ar|as|an|at|az)-(.+)", words[-1], re.I)
    if particle:
        keys.append(particle.group(1).lower())
    return keys


def person_affiliations(doc: Doc) -> dict[str, str]:
    """Person name (full and surname, lower-cased) -> canonical actor, from titles and appositions.

    Built once per Doc and cached on `doc.user_data`; the first affiliation a Doc gives a name wins.
    """
    cached = doc.user_data.get(_PERSONS)
    if cached is not None:
        return cached
    out: dict[str, str] = {}
    # Cached before it is filled: a title resolved through an institution may look persons up.
    doc.user_data[_PERSONS] = out
    for ent in doc_entities(doc):
        if ent.label_ != "PERSON":
            continue
        actor = _title_before(ent) or _apposition(ent)
        if actor is None:
            continue
        for key in _name_keys(ent.text):
            out.setdefault(key, actor)
    # A first word stands for its person only when no other affiliated person shares it:
    # surname-first names ("Mao Ning" ... "Mao said").
    firsts: dict[str, set[str]] = {}
    honorifics = _honorifics()
    for ent in doc_entities(doc):
        words = [w for w in ent.text.split() if w.lower() not in honorifics]
        if ent.label_ == "PERSON" and len(words) > 1 and affiliation_of_name(ent.text, doc):
            firsts.setdefault(words[0].lower(), set()).add(affiliation_of_name(ent.text, doc))
    for first, actors in firsts.items():
        if len(actors) == 1:
            out.setdefault(first, next(iter(actors)))
    return out


def person_of_phrase(phrase: Span) -> Span | None:
    """The first PERSON entity inside a phrase."""
    return next((e for e in doc_entities(phrase.doc) if e.label_ == "PERSON" and e.start >= phrase.start and e.end <= phrase.end), None)


def full_name(person: Span) -> str:
    """The fullest form of a person's name the Doc gives: "Mr Pashinyan" -> "Nikol Pashinyan"."""
    keys = _name_keys(person.text)
    if not keys:
        return person.text
    surname = keys[-1]
    honorifics = _honorifics()
    for ent in doc_entities(person.doc):
        if ent.label_ == "PERSON":
            words = [w for w in ent.text.replace("’s", "").replace("'s", "").split() if w.lower() not in honorifics]
            if len(words) > 1 and words[-1].lower() == surname:
                return " ".join(words)
    return " ".join(w for w in person.text.split() if w.lower() not in honorifics) or person.text


def affiliation_of_name(text: str, doc: Doc) -> str | None:
    """The affiliation the Doc gives a person's name or surname, if any."""
    known = person_affiliations(doc)
    return next((known[k] for k in _name_keys(text) if k in known), None)


def _earlier_sentences(phrase: Span) -> list[Span]:
    """The phrase's own sentence (up to the phrase) and a few sentences before it, nearest first."""
    doc = phrase.doc
    n = _settings()["person_context"]["look_back_sentences"]
    sents = [s for s in doc_sentences(doc) if s.start < phrase.start]
    out = []
    for s in reversed(sents[-(n + 1) :]):
        out.append(doc[s.start : min(s.end, phrase.start)])
    return out


def _resolve_pronoun(phrase: Span, personal: bool) -> str | None:
    """'he'/'his' -> the last affiliated person named before; 'it'/'its' -> the last speaker named
    before ("it said" continues the last speaker more often than the last subject), else the last
    actor-subject."""
    for sent in _earlier_sentences(phrase):
        if personal:
            persons = [e for e in span_entities(sent) if e.label_ == "PERSON"]
            for ent in reversed(persons):
                actor = affiliation_of_name(ent.text, phrase.doc)
                if actor:
                    return actor
        else:
            # "it said" continues the last speaker more often than the last subject, but not past
            # an earlier sentence that reports nothing: "Iran has not issued tolls. Its last
            # update ..."; the pronoun's own sentence lends its speakers only ("Taliban fighters
            # were killed, it said")
            subjects = [t for t in tokens_of(sent) if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"]
            speakers = [t for t in subjects if t.head.lemma_.lower() in _reporting()]
            own = sent.start == phrase.sent.start
            reports = any(t.lemma_.lower() in _reporting() and t.pos_ in ("VERB", "AUX") for t in tokens_of(sent))
            # an active subject whose clause holds the pronoun's ("Azerbaijan moved in after what
            # it said was a mine attack on its officers") is who "it" is
            governing = [t for t in subjects if own and t.dep_ == "nsubj" and t.i < phrase.start and phrase.root in t.head.subtree] if not personal else []
            found = _first_actor(reversed(speakers)) or _first_actor(reversed(governing)) or (None if own or reports else _first_actor(reversed(subjects)))
            if found:
                return found
    if not personal:
        for sent in _earlier_sentences(phrase):
            found = _first_actor(reversed([t for t in tokens_of(sent) if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"]))
            if found:
                return found
    return None


def _first_actor(subjects) -> str | None:
    for tok in subjects:
        span = subtree_span(tok)
        actor = actor_of_text(core_phrase(span)) or _resolve_institution(span)
        if actor:
            return actor
    return None


@cache
def _reporting() -> frozenset[str]:
    return frozenset(load_data("attribution.json")["reporting_verbs"])


def _bare_definite(phrase: Span) -> bool:
    """'The military', 'the army': one institution named by 'the' alone, not 'its army' (the
    pronoun's owner's) nor 'the two militaries' (more than one)."""
    return phrase[0].lower_ == "the" and not any(t.like_num or t.pos_ == "PRON" for t in phrase)


def _same_institution(head: Token) -> frozenset[str]:
    """The words naming the institution a bare head noun names: 'the military' is also the last
    'army' or 'armed forces' named."""
    own = {head.lemma_.lower(), head.lower_}
    for group in _settings()["institutions"]["same_institution"]["groups"]:
        if own & set(group):
            own.update(group)
    return frozenset(own)


def _resolve_institution(phrase: Span) -> str | None:
    """'the ministry said' -> the country of the last ministry named before it in the article."""
    nouns = set(_settings()["institutions"]["nouns"])
    head = phrase.root
    if head.lemma_.lower() not in nouns and head.lower_ not in nouns:
        # "army artillery": a modifier may name the institution
        head = next((t for t in tokens_of(phrase) if t.i != phrase.root.i and t.pos_ == "NOUN" and t.lemma_.lower() in nouns), None)
        if head is None:
            return None
    own = frozenset({head.lemma_.lower(), head.lower_})
    # the same word first ("the army" is "Sudan's army", not the "Rapid Support Forces" after it);
    # then, for a bare "the military", another common word for the same armed forces
    passes = [own, _same_institution(head) - own] if _bare_definite(phrase) else [own]
    for same, names_too in zip(passes, (True, False)):
        for tok in reversed(doc_tokens(phrase.doc)[: phrase.start]):
            if (tok.lemma_.lower() in same or tok.lower_ in same) and (names_too or tok.pos_ != "PROPN"):
                chunk = subtree_span(tok)
                actor = actor_of_text(own_words(tok))
                if actor is None:
                    person = person_of_phrase(chunk)
                    actor = affiliation_of_name(person.text, phrase.doc) if person is not None else None
                if actor:
                    return actor
    # "the rebels" is the last armed group named; "civil society groups" or "rights groups" name
    # some other kind of group by their modifiers
    armed = set(_settings()["institutions"]["armed_group_nouns"])
    qualified = any(c.dep_ in ("amod", "compound") and c.lemma_.lower() not in nouns and c.lemma_.lower() not in armed for c in head.children)
    if head.lemma_.lower() in armed and not qualified:
        lex = actor_lexicon()
        for ent in reversed([e for e in doc_entities(phrase.doc) if e.end <= phrase.start]):
            if _affiliation_only(ent):
                continue  # "Islamic State-linked groups" are some other group
            actor = lex.canonical(ent.text)
            if actor and lex.kind_of(actor) == "group":
                return actor
    return None


def _affiliation_only(ent: Span) -> bool:
    """A group's name used as a modifier of some other group: 'Islamic State-linked groups'."""
    doc = ent.doc
    suffixes = set(_settings()["affiliation_suffixes"]["words"])
    return ent.end + 1 < len(doc) and doc[ent.end].text in ("-", "–") and doc[ent.end + 1].lower_ in suffixes


def armed_groups_named(doc: Doc) -> frozenset[str]:
    """The armed groups a Doc names as themselves, not only as some other group's affiliation."""
    lex = actor_lexicon()
    found = set()
    for ent in doc_entities(doc):
        actor = lex.canonical(ent.text)
        if actor and lex.kind_of(actor) == "group" and not _affiliation_only(ent):
            found.add(actor)
    return frozenset(found)


def fights_the_state(tok: Token) -> bool:
    """A noun for people who fight a state ('rebels', 'separatists'): no country is theirs."""
    words = _settings()["institutions"]["anti_state_nouns"]["words"]
    return tok.lemma_.lower() in words or tok.lower_ in words


def actor_of_phrase(phrase: Span, article: Article | None = None) -> str | None:
    """The canonical actor a phrase of a Doc stands for, using what the Doc said earlier.

    In order: the phrase's own words ("Armenia's Defense Ministry"), a person's title or
    apposition anywhere in the Doc ("Mr Pashinyan" after "Armenian Prime Minister Nikol Pashinyan"),
    a pronoun ("his office", "it") or a bare institution ("the ministry") through the sentences before.
    """
    if len(phrase) == 0:
        return None
    direct = actor_of_text(core_phrase(phrase))
    if direct and fights_the_state(phrase.root) and actor_lexicon().kind_of(direct) == "country":
        direct = None  # "rebels in Sudan", "Sudan's northern rebels": where they fight, not who they are
    if direct:
        return direct
    person = person_of_phrase(phrase)
    if person is not None:
        actor = affiliation_of_name(person.text, phrase.doc)
        if actor:
            return actor
    # A surname the model did not tag as a PERSON ("Pashinyan said").
    for tok in phrase:
        if tok.pos_ == "PROPN" or (tok.is_title and not tok.is_sent_start) or (tok.is_title and len(phrase) == 1):
            actor = affiliation_of_name(tok.text, phrase.doc)
            if actor:
                return actor
    cfg = _settings()["person_context"]
    lowered = {t.lower_ for t in phrase}
    if lowered & set(cfg["personal_pronouns"]):
        return _resolve_pronoun(phrase, personal=True)
    institution = _resolve_institution(phrase)
    if institution:
        return institution
    if len(phrase) <= _settings()["thing_pronoun_phrase_max"]["tokens"] and lowered & set(cfg["thing_pronouns"]):
        return _resolve_pronoun(phrase, personal=False)
    return None


def actor_of_token(tok: Token, article: Article | None = None) -> str | None:
    """The actor of the noun phrase a token heads, without its conjuncts and clauses."""
    words = own_words(tok)
    direct = actor_of_text(words)
    if direct:
        return direct
    return actor_of_phrase(subtree_span(tok), article)
