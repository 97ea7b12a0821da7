"""Places: where things happened, with the country the text gives them.

Place mentions come from the model's GPE/LOC/FAC entities and from phrases such as "the village of X",
"the Kalbajar and Lachin districts of Azerbaijan" or "the Armenian resort town of Jermuk".
A place claim says what happened there (subject: "shelling", "meeting", ... or "mention").
Does NOT look places up in a gazetteer (a country is only what the text or the same article says),
does not treat countries or capitals used as actors ("Baku said") as places, and never reads captions
(they are not claim segments).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from clashrecon.extract.actors import actor_of_text
from clashrecon.extract.attribution import attribute
from clashrecon.extract.common import claim_sentences, doc_entities, make_claim, span_entities, text_of, tokens_of
from clashrecon.lexicon import actor_lexicon, load_data
from clashrecon.models import Article, Claim, Field, SegmentType

_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_NAMES = rf"{_NAME}(?:(?:\s*,\s*|\s*,?\s+and\s+){_NAME})*"


_PLACES = "clashrecon_sentence_places"  # doc.user_data key: (start, end) of a sentence -> its places


@dataclass(frozen=True)
class PlaceMention:
    name: str  # canonical: as printed, without "the" or a possessive
    country: str | None  # canonical actor, when the text says
    start: int  # offset in the stored text
    end: int


@cache
def _data() -> dict:
    return load_data("places.json")


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    d = _data()
    before = "|".join(sorted(d["kind_nouns_before"], key=len, reverse=True))
    after = "|".join(sorted(d["kind_nouns_after"], key=len, reverse=True))
    desc = "|".join(d["descriptors"])
    of_form = re.compile(
        rf"(?:\b(?P<demonym>[A-Z][a-z]+)\s+)?(?:(?:{desc})\s+)*\b(?:{before})\s+of\s+(?P<names>{_NAMES})"
        rf"(?:\s*,\s*(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
        rf"|\s+in\s+(?:the\s+)?(?:(?:{desc})\s+)*(?P<region_country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?"
    )
    after_form = re.compile(
        rf"(?P<names>{_NAMES})\s+(?:{after})\b(?:\s+(?:of|in)\s+(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?"
    )
    including = re.compile(
        rf"\b(?:{before})s?\b[^.;:]{{0,80}}?\bincluding\s+(?P<names>{_NAMES})"
    )
    return of_form, after_form, including


def _possessed(name: str, offset: int) -> tuple[str, int, str | None]:
    """"Pakistan's Khyber Pakhtunkhwa" -> ("Khyber Pakhtunkhwa", its offset, "Pakistan")."""
    m = re.match(r"(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s\s+(?P<rest>.+)", name)
    if m and _country(m.group("owner")):
        return m.group("rest"), offset + m.start("rest"), _country(m.group("owner"))
    return name, offset, None


def _split_names(names: str) -> list[tuple[str, int]]:
    """'Kalbajar, Lachin and Zangilan' -> each name with its offset inside the string."""
    out = []
    for m in re.finditer(_NAME, names):
        words = [w for w in m.group(0).split() if w not in _data()["not_names"]]
        if words:
            name = " ".join(words)
            out.append((name, m.start() + m.group(0).index(words[0])))
    return out


def _country(text: str | None) -> str | None:
    if not text:
        return None
    name = actor_of_text(text)
    return name if name and actor_lexicon().kind_of(name) == "country" else None


def _is_actor(name: str) -> bool:
    return actor_lexicon().canonical(name) is not None and not actor_lexicon().is_territory(name) or _only_peoples(_clean(name))


def _clean(name: str) -> str:
    name = re.sub(r"^(?:the|The)\s+", "", name.strip())
    return name.removesuffix("'s").removesuffix("’s").strip(" ,.-–—")


def _only_peoples(name: str) -> bool:
    """'Tajik-Kyrgyz' (of a border), 'One Tajik' (of a border guard): names of peoples or
    countries the entity tagger took for a place, with nothing of a place in them."""
    lex, numbers = actor_lexicon(), load_data("numbers.json")["units"]
    words = [w for w in re.split(r"[\s\-–]+", name) if w and w.lower() not in numbers]
    return bool(words) and all(lex.canonical(w) is not None and not lex.is_territory(w) for w in words)


def pattern_places(sent: Span) -> list[PlaceMention]:
    """Places named by "the town of X", "X and Y districts of Z", "the Armenian resort town of X",
    "several towns ..., including X, Y and Z"."""
    text = text_of(sent)
    base = sent.start_char
    found: list[PlaceMention] = []
    of_form, after_form, including = _patterns()
    for m in including.finditer(text):
        for name, off in _split_names(m.group("names")):
            if not _is_actor(name):
                s = base + m.start("names") + off
                found.append(PlaceMention(_clean(name), None, s, s + len(name)))
    for m in of_form.finditer(text):
        country = _country(m.group("country")) or _country(m.group("region_country")) or _country(m.group("demonym"))
        for name, off in _split_names(m.group("names")):
            if not _is_actor(name):
                s = base + m.start("names") + off
                found.append(PlaceMention(_clean(name), country, s, s + len(name)))
    for m in after_form.finditer(text):
        country = _country(m.group("country"))
        for name, off in _split_names(m.group("names")):
            name, off, owner = _possessed(name, off)
            if not _is_actor(name):
                s = base + m.start("names") + off
                found.append(PlaceMention(_clean(name), country or owner, s, s + len(name)))
    return found


def _strip_kind(name: str) -> str:
    """'Gegharkunik province' -> 'Gegharkunik': the same place however the kind noun is placed."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _data()["kind_nouns_after"]:
        return " ".join(words[:-1])
    return name


@cache
def _locative_preps() -> frozenset[str]:
    return frozenset(_data()["locative_preps"]["words"])


@cache
def _speaker_verbs() -> frozenset[str]:
    """Verbs whose place-entity subject speaks: the reporting verbs and a few more (data/places.json)."""
    return frozenset(load_data("attribution.json")["reporting_verbs"]) | frozenset(_data()["speaker_extra_verbs"]["words"])


def _locative(ent: Span) -> bool:
    """A capital is a place only where the sentence puts something there ("talks in Brussels")."""
    prev = ent.doc[ent.start - 1] if ent.start > 0 else None
    if prev is None or prev.lower_ not in _locative_preps():
        return False
    # "the Defense Ministry in Baku" locates an institution, not a happening.
    return prev.head.lemma_.lower() not in load_data("actors.json")["institutions"]["nouns"]


@cache
def _capitals() -> frozenset[str]:
    """Every actor's capital, lower-cased."""
    return frozenset(c.lower() for a in actor_lexicon().actors for c in a.capitals)


def entity_places(sent: Span) -> list[PlaceMention]:
    """GPE/LOC/FAC entities that are not countries, bodies or groups; capitals only in place position."""
    lex = actor_lexicon()
    out = []
    for ent in span_entities(sent):
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        name, offset, owner = _possessed(_strip_kind(_clean(ent.text)), 0)  # offset: fallback only
        if not name or name.isupper() and len(name) > 3:  # datelines: "YEREVAN, Armenia (AP)"
            continue
        actor = lex.canonical(ent.text) or lex.canonical(name)
        if actor is None and _only_peoples(name):
            continue  # "One Tajik" (border guard)
        is_capital = actor is not None and name.lower() in _capitals()
        if actor is not None and not lex.is_territory(name) and not (is_capital and _locative(ent)):
            continue
        doc = ent.doc
        country = None
        if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
            country = _country(doc[ent.end + 1].text) if doc[ent.end + 1].ent_type_ == "GPE" else None
        if is_capital:
            country = actor
        at = ent.text.find(name)
        start = ent.start_char + (at if at >= 0 else offset)
        # one region however it is spelt: "Artsakh" and "Nagorno Karabakh" are Nagorno-Karabakh
        out.append(PlaceMention(lex.territory_name(name) or name, country or owner, start, start + len(name)))
    return out


def sentence_places(sent: Span) -> list[PlaceMention]:
    """Every place in a sentence, once each, pattern readings (which carry a country) first.

    Kept per sentence on the Doc: the event and place extractors both ask for it.
    """
    known = sent.doc.user_data.setdefault(_PLACES, {})
    key = (sent.start, sent.end)
    if key not in known:
        known[key] = _sentence_places(sent)
    return list(known[key])


def _sentence_places(sent: Span) -> list[PlaceMention]:
    seen: dict[str, PlaceMention] = {}
    for p in [*pattern_places(sent), *entity_places(sent)]:
        key = p.name.lower()
        if key not in seen or (seen[key].country is None and p.country is not None):
            seen[key] = p if key not in seen or p.country else seen[key]
    return sorted(seen.values(), key=lambda p: p.start)


def happening(sent: Span) -> str:
    """What the sentence says happened, as a place claim's subject ('shelling', 'meeting'), else 'mention'."""
    words = _data()["happenings"]
    for tok in tokens_of(sent):
        label = words.get(tok.lemma_.lower())
        if label:
            return label
    return "mention"


def _speakers(doc: Doc) -> set[str]:
    """Names that speak ("Hemedti told Al Arabiya"): people or bodies, whatever the model's label."""
    verbs = _speaker_verbs()
    out = set()
    for ent in doc_entities(doc):
        if ent.label_ in ("GPE", "LOC", "FAC") and ent.root.dep_ == "nsubj" and ent.root.head.lemma_.lower() in verbs:
            if actor_lexicon().canonical(ent.text) is None:
                out.add(ent.text.lower())
    return out


def place_claims(doc: Doc, article: Article) -> Iterator[Claim]:
    """One claim per place per sentence: subject what happened there, value the place, attrs its country.

    A place's country, once the article states it, holds for the rest of the article.
    """
    countries: dict[str, str] = {}
    sentences = list(claim_sentences(doc, article))
    mentions = [(sent, sentence_places(sent)) for sent in sentences]
    # A name the article once shows to be a place is a place wherever else it appears there,
    # even where the model tags it as an organisation or a person.
    known = {p.name for _, places in mentions for p in places if len(p.name) > 2}
    if known:
        names = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, known), key=len, reverse=True)) + r")\b")
        for i, (sent, places) in enumerate(mentions):
            have = {p.name.lower() for p in places}
            extra = [
                PlaceMention(m.group(0), None, sent.start_char + m.start(), sent.start_char + m.end())
                for m in names.finditer(text_of(sent))
                if m.group(0).lower() not in have
            ]
            if extra:
                mentions[i] = (sent, sorted([*places, *extra], key=lambda p: p.start))
    for _, places in mentions:
        for p in places:
            if p.country:
                countries.setdefault(p.name.lower(), p.country)
    # A name the model also tags as a person in this article is a person ("Burhan"), not a place.
    persons = {w.lower() for e in doc_entities(doc) if e.label_ == "PERSON" for w in (e.text, e.text.split()[-1], e.text.split()[-1].split("-")[-1])}
    persons |= _speakers(doc)
    # ... unless the text itself calls it a place ("the town of Jermuk").
    persons -= {p.name.lower() for sent in sentences for p in pattern_places(sent)}
    mentions = [(sent, [p for p in places if p.name.lower() not in persons]) for sent, places in mentions]
    for sent, places in mentions:
        subject = happening(sent)
        headline = article.segment_at(sent.start_char) is SegmentType.headline
        for p in places:
            country = p.country or countries.get(p.name.lower())
            # whose account puts something there: two sides naming different places is a dispute
            who = attribute(sent, next((t for t in sent if t.idx >= p.start), None), article, headline=headline)
            yield make_claim(
                article,
                sent,
                Field.places,
                "place",
                span=(p.start, p.end),
                subject=subject,
                value=p.name,
                claimant=who.claimant,
                claimant_text=who.text,
                claimant_role=who.role,
                attrs={"country": country} if country else {},
            )
