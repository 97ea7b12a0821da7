"""Hand-built stores for brief tests: articles, claims and a reconciliation written straight into a
store, so every text a brief prints can be chosen (and made hostile) without spaCy."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from clashrecon.models import (
    Article,
    CasualtyKind,
    Claim,
    ClaimantRole,
    Conflict,
    ContextKind,
    ContextRow,
    Event,
    EventKind,
    Fact,
    Field,
    Position,
    Precision,
    Published,
    Quantity,
    Reconciliation,
    Relation,
    Tally,
    TimeBasis,
    TimeRef,
)
from clashrecon.store import Store

DAY = TimeRef(start="2023-03-01", end="2023-03-02", precision=Precision.day, basis=TimeBasis.resolved)


def article(ident: str, name: str, *, title: str, outlet: str, url: str | None, date: str, sentence: str) -> Article:
    return Article(
        id=ident,
        name=name,
        path=f"/in/{ident}.txt",
        text=f"{title}\n\n{sentence}\n",
        title=title,
        outlet=outlet,
        url=url,
        published=Published(date=date, basis=TimeBasis.explicit),
    )


def casualty(a: Article, n: int, party: str, claimant: str, *, figure: str | None = None) -> Claim:
    """A claim on the article's one sentence, its span on the figure's words."""
    start = a.text.index("\n\n") + 2
    sentence = a.text[start:].rstrip("\n")
    words = figure or str(n)
    at = sentence.index(words)
    return Claim(
        id=f"c-{a.id}-{n}",
        article=a.name,
        article_id=a.id,
        field=Field.casualties,
        kind=CasualtyKind.killed,
        quote=sentence,
        start=start,
        end=start + len(sentence),
        span_start=start + at,
        span_end=start + at + len(words),
        claimant=claimant,
        claimant_role=ClaimantRole.speaker,
        quantity=Quantity.exact(n),
        victim_party=party,
        event_time=DAY,
    )


def blame(a: Article, accused: str, claimant: str) -> Claim:
    start = a.text.index("\n\n") + 2
    sentence = a.text[start:].rstrip("\n")
    return Claim(
        id=f"b-{a.id}",
        article=a.name,
        article_id=a.id,
        field=Field.actors,
        kind=EventKind.blame,
        subject="initiator",
        value=accused,
        quote=sentence,
        start=start,
        end=start + len(sentence),
        claimant=claimant,
        claimant_role=ClaimantRole.speaker,
        event_time=DAY,
    )


def position(value: str, claimants: tuple[str, ...], claims: list[Claim], origins: tuple[str, ...]) -> Position:
    return Position(
        value=value,
        claimants=claimants,
        articles=tuple(c.article for c in claims),
        origins=origins,
        quotes=tuple(c.quote for c in claims),
        claim_ids=tuple(c.id for c in claims),
    )


def hostile_store(path: Path, text: str, url: str) -> Path:
    """A store whose every article string and every reconciled string is `text` in some form, and
    whose every article address is `url`: a discrepancy, a dispute, a chart and a final figure."""
    first = article("a", f"a {text}.txt", title=f"Title {text}", outlet=f"Outlet {text}", url=url, date="2023-03-01",
                    sentence=f"Officials said 12 soldiers of {text} were killed, {text} said.")
    second = article("b", f"b {text}.txt", title=f"Second {text}", outlet=f"Wire {text}", url=url, date="2023-03-02",
                     sentence=f"A hospital put the dead at 30 in {text} on Thursday.")
    third = article("c", f"c {text}.txt", title=f"Third {text}", outlet=f"Local {text}", url=url, date="2023-03-02",
                    sentence=f"The army of {text} blamed Osterlich for starting it.")
    party = f"Side {text}"
    low, high = casualty(first, 12, party, f"Claimant {text}"), casualty(second, 30, party, f"Hospital {text}")
    accusation = blame(third, "Osterlich", party)
    fact = Fact(
        id="f1", event_id="e1", field=Field.casualties, kind=CasualtyKind.killed, value=f"12 vs 30 {text}",
        party=party, low=12, best=12, high=30, conservative=12, status=Relation.discrepancy, articles=2,
        independent_sources=2, claimants=(f"Claimant {text}", f"Hospital {text}"), claim_ids=(low.id, high.id),
        note=f"note {text}",
    )
    dispute = Fact(
        id="f2", event_id="e1", field=Field.actors, kind=EventKind.blame, value=f"Osterlich (per {text})",
        label=f"initiator {text}", status=Relation.disputed, articles=1, independent_sources=1, claim_ids=(accusation.id,),
    )
    event = Event(
        id="e1", when=DAY, summary=f"Fighting in {text}", actors=(party, "Osterlich"), places=(f"Town {text}",),
        facts=(fact, dispute), claim_ids=(low.id, high.id, accusation.id), articles=3, independent_sources=3, conflict=True,
        context=(ContextRow(when=DAY, kind=ContextKind.talks, summary=f"Talks: {text}", claim_ids=()),),
    )
    conflicts = (
        Conflict(
            id="x1", event_id="e1", field=Field.casualties, subject=fact.subject, kind=Relation.discrepancy,
            positions=(position(f"12 {text}", (f"Claimant {text}",), [low], (f"Origin {text}",)),
                       position("30", (f"Hospital {text}",), [high], (second.name,))),
            explanation=f"explained {text}",
        ),
        Conflict(
            id="x2", event_id="e1", field=Field.actors, subject=dispute.subject, kind=Relation.disputed,
            positions=(position(f"Osterlich {text}", (party,), [accusation], (third.name,)),
                       position(party, ("Osterlich",), [accusation], (third.name,))),
            explanation=f"disputed {text}",
        ),
    )
    tally = Tally(
        id="t1", story="s1", party=party, kind=CasualtyKind.killed, low=12, best=30, high=30, conservative=12,
        claimant=f"Hospital {text}", authority="third party", reported="2023-03-02", note=f"rounds {text}",
    )
    with Store.open(path, create=True) as store:
        store.put_articles([(a.path, a, [c for c in (low, high, accusation) if c.article_id == a.id]) for a in (first, second, third)])
        assert store.save_reconciliation(Reconciliation(events=(event,), conflicts=conflicts, tallies=(tally,)))
    return path


class Markup(HTMLParser):
    """Every element and attribute of a page, and its text, as a browser's parser would find them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> Markup:
    m = Markup()
    m.feed(html)
    m.close()
    return m
