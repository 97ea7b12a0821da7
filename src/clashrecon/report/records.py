"""What a brief says, as frozen records: built once from the store (content.py), written as HTML
or Markdown (html_page.py, markdown_page.py). Every text here is as stored; the writers escape it."""

from __future__ import annotations

from datetime import date

from pydantic import Field as F

from clashrecon.models import CasualtyKind, ContextRow, Field, Record, Relation, Tally


class Badge(Record):
    """One relation a figure stands in, as a desk reads it: 'updated', 'aggregate ✓', 'disputed'."""

    relation: Relation = F(description="The relation")
    text: str = F(description="The badge's words, e.g. 'aggregate ✓'")
    explanation: str = F(default="", description="The reconciliation's one line on it (a hover title)")
    alarm: bool = F(default=False, description="A conflict, or a total that does not add up: shown as a warning")


class FigureRow(Record):
    """One casualty fact of an event: its figures over time and how they relate."""

    fact_id: str = F(description="The fact's ID, as `clashrecon show` knows it")
    kind: CasualtyKind = F(description="killed, wounded, ...")
    scope: str = F(default="", description="The part it counts: 'in Gegharkunik', 'civilians'; empty for the whole side")
    value: str = F(description="The figures as reported over time: '≥49 → 105'")
    low: int | None = F(default=None, description="Reconciled low of the latest moment")
    best: int | None = F(default=None, description="Reconciled best of the latest moment")
    high: int | None = F(default=None, description="Reconciled high; None when only a floor was reported")
    conservative: int | None = F(default=None, description="The most conservative figure (ACLED practice)")
    articles: int = F(description="Articles carrying it")
    origins: int = F(description="Independent origins carrying it")
    claimants: tuple[str, ...] = F(default=(), description="Who gave the figures")
    note: str = F(default="", description="The reconciliation's arithmetic or explanation")
    badges: tuple[Badge, ...] = F(default=(), description="Its relations, conflicts first")


class SideFigures(Record):
    party: str = F(description="The victim side as shown: a country, 'both sides' or 'no side named'")
    rows: tuple[FigureRow, ...] = F(description="Its facts, the whole side's first")


class Finding(Record):
    """What an event's actor claims assert, e.g. who started it, value by value."""

    fact_id: str = F(description="The fact's ID")
    subject: str = F(description="What it is about, e.g. 'initiator (blame)'")
    value: str = F(description="The values side by side, 'vs' between disputed ones")
    articles: int = F(description="Articles carrying it")
    origins: int = F(description="Independent origins carrying it")
    badges: tuple[Badge, ...] = F(default=(), description="Its relation")


class ChartReport(Record):
    """One dot: every report of one figure, worded one way, by one side's count on one day."""

    day: date = F(description="The day it was reported (its article's date)")
    figure: int = F(description="The figure it puts forward ('at least 49' -> 49)")
    shown: str = F(description="The figure as worded: '≥49', '~100', '105'")
    exact: bool = F(description="Stated as an exact figure (a filled dot) rather than a floor, band or estimate")
    reports: tuple[str, ...] = F(description="Each report behind the dot: 'per Armenia — AP, 000_x.txt'")


class ChartStep(Record):
    """A side's reconciled figure on one reporting day: what the step line joins."""

    day: date = F(description="The reporting day")
    best: int = F(description="Reconciled best of that day's reports")
    low: int = F(description="The smallest figure reported that day")
    high: int = F(description="The largest figure reported that day")
    disagree: bool = F(description="The day's reports cannot all be true: drawn as a vertical range")


class ChartSeries(Record):
    party: str = F(description="The side as shown in the legend")
    both: bool = F(default=False, description="A both-sides total")
    reports: tuple[ChartReport, ...] = F(description="The dots, in day order")
    steps: tuple[ChartStep, ...] = F(description="The line, one step per reporting day")


class Chart(Record):
    kind: CasualtyKind = F(description="The casualty kind charted")
    series: tuple[ChartSeries, ...] = F(description="One per side with dated reports")
    undated: int = F(default=0, description="Reports left out because their day is unknown")


class Quoted(Record):
    """A sentence from an article, split around its number (or key words) to highlight it."""

    before: str = F(description="The sentence up to the highlighted words")
    marked: str = F(description="The highlighted words; empty when the claim has no span")
    after: str = F(description="The rest of the sentence")
    article: str = F(description="The article's name")
    outlet: str | None = F(default=None, description="Its outlet, where known")
    url: str | None = F(default=None, description="Its address as stored (the writers link only http and https)")
    published: str | None = F(default=None, description="Its date, ISO")


class CardPosition(Record):
    value: str = F(description="What this position asserts")
    claimants: tuple[str, ...] = F(default=(), description="Who asserts it")
    origins: tuple[str, ...] = F(default=(), description="The independent origins carrying it")
    articles: int = F(description="Articles carrying it")
    quotes: tuple[Quoted, ...] = F(default=(), description="Its sentences, one per article, the first few")


class ConflictCard(Record):
    """A discrepancy or dispute, position by position, with the sentences behind each."""

    id: str = F(description="The conflict's ID")
    kind: Relation = F(description="discrepancy or disputed")
    field: Field = F(description="casualties, actors, places or times")
    subject: str = F(description="What is in question")
    explanation: str = F(description="The reconciliation's one line on why")
    positions: tuple[CardPosition, ...] = F(description="The positions, the first few")
    more_positions: int = F(default=0, description="Positions not shown")


class MapPoint(Record):
    label: str = F(description="The place's name")
    latitude: float = F(description="Degrees north")
    longitude: float = F(description="Degrees east")


class EventBrief(Record):
    id: str = F(description="The event's ID")
    when: str = F(description="When, in words: '13–14 Sep 2022'")
    summary: str = F(description="The reconciliation's one-line summary")
    background: bool = F(default=False, description="An earlier event mentioned as context")
    places: tuple[str, ...] = F(default=(), description="Where something happened")
    actors: tuple[str, ...] = F(default=(), description="Who was involved")
    articles: int = F(description="Articles reporting it")
    origins: int = F(description="Independent origins reporting it")
    sides: tuple[SideFigures, ...] = F(default=(), description="Casualty figures per side")
    findings: tuple[Finding, ...] = F(default=(), description="Who says what about the fighting")
    chart: Chart | None = F(default=None, description="Reported tolls per side over time; None without dated figures")
    cards: tuple[ConflictCard, ...] = F(default=(), description="Its discrepancies and disputes")
    context: tuple[ContextRow, ...] = F(default=(), description="Talks, truces and late figures around it")
    points: tuple[MapPoint, ...] = F(default=(), description="Its places with coordinates")


class SourceRow(Record):
    article: str = F(description="The article's name")
    title: str | None = F(default=None, description="Its headline")
    outlet: str | None = F(default=None, description="Its outlet, else the wire it credits")
    url: str | None = F(default=None, description="Its address as stored")
    published: str | None = F(default=None, description="Its date, ISO")
    origin: str | None = F(default=None, description="Its independent origin (wire lineage)")
    origin_reason: str | None = F(default=None, description="Why it has that origin")
    claims: int = F(description="Claims extracted from it")


class Brief(Record):
    """Everything one brief shows."""

    title: str = F(description="The brief's heading")
    events: tuple[EventBrief, ...] = F(description="The episodes, in time order")
    background: tuple[EventBrief, ...] = F(default=(), description="Earlier events mentioned as context, the most reported")
    folded: tuple[EventBrief, ...] = F(default=(), description="Further earlier events, shown one line each")
    figures: tuple[Tally, ...] = F(default=(), description="Final figures per story, side and kind")
    sources: tuple[SourceRow, ...] = F(default=(), description="The articles behind it")
    origins: int = F(default=0, description="Independent origins among the sources")
    store: str = F(default="", description="The store it was read from, as named")
