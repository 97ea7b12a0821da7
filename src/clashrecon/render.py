"""All terminal output: rich tables and trees on stdout, messages on stderr, JSON as plain text.

The only module that imports rich. Text from articles is always wrapped in `Text` objects
(never parsed as markup) and stripped of control characters, so article text can never
drive the terminal.
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from clashrecon.models import Claim, Conflict, Event, Fact, Position, Round, Tally, TimeRef
    from clashrecon.pipeline import IngestReport
    from clashrecon.queries import Shown, Timeline

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]|\x1b\[[0-?]*[ -/]*[@-~]")


@cache
def out() -> Console:
    return Console(highlight=False, emoji=False, markup=False)


@cache
def err() -> Console:
    return Console(stderr=True, highlight=False, emoji=False, markup=False)


def safe(value: object) -> str:
    """A value as printable text: control characters and escape sequences removed."""
    return _CONTROL.sub("", "" if value is None else str(value))


def t(value: object, style: str = "") -> Text:
    return Text(safe(value), style=style)


# ------------------------------------------------------------------------- messages


def error(message: str) -> None:
    line = safe(message).replace("\n", " ")
    err().print(Text("clashrecon: error: ", style="bold red") + Text(line), soft_wrap=True)


def warn(message: str) -> None:
    err().print(Text("warning: ", style="yellow") + t(message.replace("\n", " ")), soft_wrap=True)


def note(message: str) -> None:
    err().print(t(message.replace("\n", " "), style="dim"), soft_wrap=True)


def emit_json(data: Any) -> None:
    """JSON on stdout and nothing else; non-ASCII kept, control characters escaped by json."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")
    sys.stdout.flush()


# ------------------------------------------------------------------------- ingest


class _RichProgress:
    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._p = Progress(
            TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err(), transient=True
        )
        self._task = None

    def start(self, total: int) -> None:
        self._p.start()
        self._task = self._p.add_task("extract", total=total)

    def advance(self, n: int = 1) -> None:
        if self._task is not None:
            self._p.advance(self._task, n)

    def stop(self) -> None:
        self._p.stop()


def ingest_progress(enabled: bool) -> _RichProgress | None:
    """A progress bar on stderr, only when stderr is a terminal and the user did not ask for quiet.

    None means no bar: the pipeline then reports to its own silent progress.
    """
    if enabled and err().is_terminal:
        return _RichProgress()
    return None


def ingest_report(report: IngestReport, *, as_json: bool, quiet: bool) -> None:
    for exc in report.failed:
        error(f"{exc.path}: {exc.reason}")
    if not quiet:
        for path, reason in report.skipped:
            note(f"skipped {path}: {reason}")
        for message in report.notes:
            note(message)
    summary = {
        "files": report.files,
        "new": report.new,
        "replaced": report.replaced,
        "unchanged": report.unchanged,
        "failed": len(report.failed),
        "skipped": len(report.skipped),
        "claims_added": report.claims_added,
        "model": report.model,
    }
    if as_json:
        emit_json(summary | {"errors": [{"path": e.path, "reason": e.reason} for e in report.failed]})
        return
    if not quiet:
        err().print(
            t(
                f"{report.files} files read: {report.new} new, {report.replaced} changed, "
                f"{report.unchanged} unchanged, {len(report.failed)} failed; {report.claims_added} claims added"
            ),
            soft_wrap=True,
        )


# ------------------------------------------------------------------------- timeline

_STATUS_MARK = {
    "discrepancy": ("⚠ discrepancy", "bold red"),
    "disputed": ("⚠ disputed", "bold red"),
    "single_source": ("single source", "yellow"),
}


def when_text(w: TimeRef) -> str:
    """An event's date at its precision: '1994', '2022-09-13 early', '2022-09-13 → 2022-09-14', 'day 2'."""
    if w.start is None:
        return f"day {w.relative_day_index}" if w.relative_day_index is not None else "undated"
    prec = w.precision.value
    if prec == "year":
        text, end = w.start[:4], (w.end or "")[:4]
    elif prec == "month":
        text, end = w.start[:7], (w.end or "")[:7]
    else:
        text, end = w.start[:10], (w.end or "")[:10]
    if w.part_of_day:
        text += f" {w.part_of_day}"
    if end and end != w.start[: len(end)]:
        text += f" → {end}"
    return text


def _fact_line(f: Fact, with_party: bool) -> Text:
    line = Text()
    if f.field.value == "casualties":
        line.append(f"{safe(f.kind)} ")
        line.append(safe(f.value), style="bold")
        scope = f"in {f.place}" if f.place is not None else f.group
        if scope is not None:
            line.append(" " + safe(scope))
    else:
        line.append(f"{safe(f.subject)}: ")
        line.append(safe(f.value), style="bold")
    if f.note:
        line.append(f" ({safe(f.note)})", style="italic")
    line.append(f" [{f.articles} art., {f.independent_sources} orig.]", style="dim")
    mark = _STATUS_MARK.get(f.status.value)
    if mark:
        line.append(f" {mark[0]}", style=mark[1])
    return line


def event_body(e: Event) -> Text:
    """An event's summary and its reconciled figures, one line per party."""
    body = Text()
    body.append(safe(e.summary), style="bold")
    body.append(f"  [{e.id}]", style="dim")
    parties: dict[str, list[Fact]] = {}
    others: list[Fact] = []
    for f in e.facts:
        if f.field.value == "casualties":
            parties.setdefault(f.party or "no side named", []).append(f)
        else:
            others.append(f)
    for party in sorted(parties, key=lambda p: (p == "both", p)):
        body.append("\n• ")
        body.append("both sides" if party == "both" else safe(party), style="cyan")
        body.append(": ")
        facts = parties[party]
        for i, f in enumerate(facts):
            if i:  # a party's further figures each on a line of their own, under the first
                body.append("\n    ")
            body.append_text(_fact_line(f, with_party=False))
    for f in others:
        body.append("\n• ")
        body.append_text(_fact_line(f, with_party=True))
    for row in e.context:  # talks, truces and late figures on days outside the fighting
        body.append("\n◦ ", style="dim")
        body.append(f"{row.when.start or 'undated'}: ", style="dim")
        body.append(safe(row.summary), style="dim")
    return body


def timeline(view: Timeline, *, as_json: bool) -> None:
    """The events table, then a short table of the stories' final figures when there are any."""
    events = view.events
    if as_json:
        emit_json([e.contract() for e in events])  # the events only: figures have their own command
        return
    if not events:
        err().print(t("no events in the store yet; run `clashrecon ingest PATH`"))
        return
    table = Table(title="Reconciled timeline", show_lines=True, expand=True)
    # narrow date and source columns leave the width to the figures, which are what is read
    table.add_column("when", no_wrap=True)
    table.add_column("event", ratio=1)
    table.add_column("sources", justify="right", no_wrap=True)
    for e in events:
        when = t(when_text(e.when).replace(" → ", "\n→ "))
        if e.background:
            when.append("\nbackground", style="dim")
        sources = t(f"{e.articles} art.\n{e.independent_sources} orig.")
        if e.conflict:
            sources.append("\n⚠ conflict", style="bold red")
        table.add_row(when, event_body(e), sources)
    out().print(table)
    if view.figures:
        out().print(figures_table(view.figures, full=False))
    conflicts = sum(e.conflict for e in events)
    note(f"{len(events)} events; {conflicts} with a discrepancy or dispute (see `clashrecon conflicts`)")
    if view.figures:
        note("final figures: rounds of fighting and reporting days in `clashrecon figures`")


# ------------------------------------------------------------------------- final figures


def _day(iso: str | None) -> str:
    return (iso or "")[:10]


def round_days(r: Round) -> str:
    """A round's days: '2022-09-13 → 09-14' (the end without the year it shares), '2022-09-20', 'undated'."""
    start, end = _day(r.start), _day(r.end)
    if not start:
        return "undated"
    if end in ("", start):
        return start
    return f"{start} → {end[5:] if end[:4] == start[:4] else end}"


def round_text(r: Round, claimant: str | None = None) -> str:
    """One round of several: its days and figure, 'running total' if stated as one, its claimant if not the final one's."""
    text = f"{round_days(r)}: {r.best:,}"
    if r.cumulative:
        text += ", running total"
    if r.claimant != claimant:
        text += f", per {r.claimant or 'unattributed'}"
    return text


def _rounds_cell(f: Tally) -> Text:
    """One round: its days (its figure is the final one). Several: a line each, then the arithmetic."""
    if len(f.rounds) == 1:
        cell = t(round_days(f.rounds[0]))
    else:
        cell = t("\n".join(round_text(r, f.claimant) for r in f.rounds))
    if f.note:
        cell.append(("\n" if f.rounds else "") + safe(f.note), style="italic")
    return cell


def figures_table(tallies: list[Tally], *, full: bool) -> Table:
    """One row per final figure; `full` adds the conservative figure, reporting day and rounds, else a note if any.

    No column rules and one space between columns, so that all seven columns fit 80 characters.
    """
    table = Table(title="Final figures", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    table.add_column("subject")
    table.add_column("best", justify="right", no_wrap=True)  # figures never wrap; the words around them do
    table.add_column("low–high", justify="right", no_wrap=True)
    if full:
        table.add_column("conservative", justify="right", no_wrap=True)
    table.add_column("per")
    if full:
        table.add_column("reported", no_wrap=True)
        table.add_column("rounds / note")
    notes = not full and any(f.note for f in tallies)  # the short table has a note column only when there is one
    if notes:
        table.add_column("note")
    for i, f in enumerate(tallies):
        if i and f.story != tallies[i - 1].story:
            table.add_section()  # another story: another clash, not more of the same one
        figure = [t(f.subject, "cyan"), t(f"{f.best:,}", "bold"), t(f"{f.low:,}–{f.high:,}")]
        per = t(f.claimant or "unattributed") + t(f" ({f.authority})", "dim")
        if full:
            table.add_row(*figure, t(f"{f.conservative:,}"), per, t(f.reported or "undated"), _rounds_cell(f))
        else:
            table.add_row(*figure, per, *([t(f.note, "italic")] if notes else []))
    return table


def figures(tallies: list[Tally], *, as_json: bool, filtered: bool) -> None:
    if as_json:
        emit_json([f.contract() for f in tallies])
        return
    if not tallies:
        if filtered:
            err().print(t("no final figures match those options; `clashrecon figures` lists them all"))
        else:
            err().print(t("no final figures in the store yet; run `clashrecon ingest PATH`"))
        return
    out().print(figures_table(tallies, full=True))
    note(
        f"{len(tallies)} final figure{'' if len(tallies) == 1 else 's'}; best: the latest figure of the most "
        "authoritative claimant (own side, then third party, then other side); low–high: the credible figures "
        "reported that day"
    )


# ------------------------------------------------------------------------- conflicts

_KIND_STYLE = {
    "discrepancy": "bold red",
    "disputed": "bold red",
    "updated": "bold green",
    "aggregate": "bold green",
    "subtotal": "bold green",
}


def _position_lines(p: Position, quotes: int) -> list[Text]:
    line = Text("  • ")
    line.append(safe(p.value), style="bold")
    line.append(f" — {', '.join(map(safe, p.claimants)) or 'unattributed'}")
    line.append(
        f"; {len(p.articles)} article(s), {len(p.origins)} independent origin(s): {', '.join(map(safe, p.articles))}",
        style="dim",
    )
    lines = [line]
    for q in p.quotes[:quotes]:
        lines.append(t(f"      “{' '.join(q.split())}”", "dim"))
    return lines


def conflicts(items: list[Conflict], *, as_json: bool, include_all: bool) -> None:
    if as_json:
        emit_json([c.contract() for c in items])
        return
    if not items:
        err().print(t("no conflicts found" + ("" if include_all else " (use --all to see updates, aggregates and subtotals)")))
        return
    for c in items:
        head = Text()
        head.append(f"{c.kind.value.upper()}", style=_KIND_STYLE.get(c.kind.value, "bold"))
        head.append("" if c.is_conflict else " (not a conflict)", style="green")
        head.append(f"  {safe(c.subject)}  ", style="bold")
        head.append(f"[{c.id}] ({c.field.value})", style="dim")
        out().print(head)
        out().print(t(f"  {c.explanation}", "italic"))
        for p in c.positions:
            for line in _position_lines(p, 2 if c.is_conflict else 1):
                out().print(line)
        out().print()
    if not include_all:
        note("only discrepancies and disputes are shown; --all also lists updates, aggregates and subtotals")


# ------------------------------------------------------------------------- claims, sources, show


def claims(items: list[Claim], *, as_json: bool) -> None:
    if as_json:
        emit_json([c.contract() for c in items])
        return
    if not items:
        err().print(t("no claims"))
        return
    table = Table(show_lines=False, expand=True)
    for col in ("id", "article", "field", "kind", "value", "claimant", "when", "quote"):
        table.add_column(col, overflow="fold")
    for c in items:
        if c.quantity is not None:
            value = f"{c.quantity.display()} {c.victim_party or '?'} {c.victim_group.value if c.victim_group else ''}"
        else:
            value = " → ".join(x for x in (c.subject, c.value) if x)
        when = c.event_time.start if c.event_time and c.event_time.start else ""
        table.add_row(t(c.id), t(c.article), t(c.field.value), t(c.kind), t(value), t(c.claimant), t(when), t(c.quote))
    out().print(table)


def sources(rows: list[dict[str, Any]], *, as_json: bool) -> None:
    if as_json:
        emit_json(rows)
        return
    if not rows:
        err().print(t("no articles in the store"))
        return
    table = Table(title="Sources", expand=True)
    for col in ("article", "title", "outlet", "published", "origin", "why", "claims"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            t(r["article"]),
            t(r["title"]),
            t(r["outlet"] or r.get("credit")),
            t(r["published"]["date"] or "?"),
            t(r["origin"]),
            t(r["origin_reason"]),
            t(r["claims"]),
        )
    out().print(table)
    origins = {r["origin"] for r in rows}
    out().print(t(f"{len(rows)} articles from {len(origins)} independent origin(s)"))


def _highlighted(quote: str, start: int, span: tuple[int | None, int | None]) -> Text:
    text = t(quote)
    s, e = span
    if s is not None and e is not None:
        text.stylize("bold reverse", s - start, e - start)
    return text


def _record_lines(shown: Shown) -> list[Text]:
    """What the ID names, before the claims behind it."""
    r = shown.record
    lines: list[Text] = []
    if shown.type == "event":
        lines.append(t(f"when: {when_text(r.when)}{'  (background)' if r.background else ''}"))
        lines.append(t(f"sources: {r.articles} article(s), {r.independent_sources} independent origin(s)"))
        lines.append(event_body(r))
    elif shown.type == "fact":
        lines.append(Text("value: ") + t(r.value, "bold") + t(f"  ({r.status.value})"))
        if r.best is not None:
            high = "∞" if r.high is None else f"{r.high:,}"
            lines.append(t(f"low {r.low:,} · best {r.best:,} · high {high} · conservative {r.conservative:,}"))
        if r.note:
            lines.append(t(r.note, "italic"))
        lines.append(
            t(f"sources: {r.articles} article(s), {r.independent_sources} independent origin(s); "
              f"claimants: {', '.join(r.claimants) or 'unattributed'}")
        )
    elif shown.type == "conflict":
        lines.append(Text(r.kind.value.upper(), style=_KIND_STYLE.get(r.kind.value, "bold")) + t(f"  {r.explanation}", "italic"))
        for p in r.positions:
            lines.extend(_position_lines(p, 0))
    return lines


def show(shown: Shown, *, as_json: bool) -> None:
    if as_json:
        emit_json(
            {
                "id": shown.id,
                "type": shown.type,
                "title": shown.title,
                "record": shown.record.model_dump(mode="json"),
                "claims": [c.contract() for c in shown.claims],
            }
        )
        return
    out().print(Text(f"{shown.type} {shown.id}: ", style="bold") + t(shown.title))
    for line in _record_lines(shown):
        out().print(line)
    if shown.type != "claim":
        out().print(t(f"\n{len(shown.claims)} claim(s) behind it:", "bold"))
    for c in shown.claims:
        head = Text(f"\n{c.id} ", style="dim")
        head.append(safe(c.article), style="cyan")
        head.append(f" [{c.start}:{c.end}] ", style="dim")
        head.append(f"{c.field.value}/{c.kind}")
        if c.quantity is None and c.value:
            head.append(f" → {safe(c.value)}", style="bold")
        if c.claimant:
            head.append(f" — claimant {safe(c.claimant)}")
        if c.event_time is not None and c.event_time.start:
            head.append(f" — {safe(c.event_time.start)}", style="dim")
        out().print(head)
        out().print(Text("  ") + _highlighted(c.quote, c.start, (c.span_start, c.span_end)))


def _story_table(report: Any) -> None:
    """One row per story and one for all: final figures in range, conflicts flagged, false alarms."""
    table = Table(title="Judgement on whole stories")
    table.add_column("story", no_wrap=True)
    for col in ("final figures in range", "conflicts flagged", "false alarms", "events/episodes", "floors"):
        table.add_column(col, justify="right")

    def row(s: Any, floors: dict[str, float]) -> None:
        floor = "/".join(
            f"{floors[k]:.2f}" for k in ("final figures within range", "conflicts flagged", "flags not false alarms") if k in floors
        )
        table.add_row(
            t(s.name),
            f"{s.figures_within}/{s.figures} {s.within_ratio:.0%}",
            f"{s.conflicts_flagged}/{s.conflicts} {s.flagged_ratio:.0%}",
            f"{s.false_alarms}/{s.flags} {s.false_alarm_ratio:.0%}",
            f"{s.events}/{s.episodes}" if s.episodes else "",
            floor,
        )

    for s in report.stories:
        row(s, report.baseline.get(f"{s.name} / story", {}))
    if len(report.stories) > 1:
        row(report.overall, {})
    out().print(table)
    for s in report.stories:
        for line in s.lines:
            note(f"{s.name}: {line}")


def eval_report(report: Any, *, as_json: bool) -> None:
    """`clashrecon eval`: one row per gold set and score, the floor beside it; misses on stderr."""
    if as_json:
        emit_json(report.to_json())
        return
    table = Table(title="Quality against gold annotations")
    for col in ("gold", "score", "tp", "fp", "fn", "precision", "recall", "F1", "floor F1"):
        table.add_column(col, justify="left" if col in ("gold", "score") else "right")
    for r in report.results:
        for name, s in r.scores.items():
            floor = report.baseline.get(f"{r.name} / {name}", {}).get("f1")
            table.add_row(
                t(r.name), t(name), str(s.tp), str(s.fp), str(s.fn),
                f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", "" if floor is None else f"{floor:.3f}",
            )
    if report.results:
        out().print(table)
    if report.stories:
        _story_table(report)
    for r in report.results:
        for label, items in (("missed", r.missed), ("extra", r.extra), ("wrong", r.wrong)):
            for item in items:
                note(f"{r.name} {label}: {item}")
    for line in report.regressions:
        error(f"below baseline: {line}")
    if report.updated:
        note(f"baseline written to {report.baseline_path}")
