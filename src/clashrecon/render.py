"""All terminal output: rich tables and trees on stdout, messages on stderr, JSON as plain text.

The only module that imports rich. Text from articles is always wrapped in `Text` objects
(never parsed as markup) and stripped of control characters, so article text can never
drive the terminal.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from functools import wraps
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.table import Table
from rich.text import Text

from clashrecon import invisible, jsontext
from clashrecon.lexicon import load_data

if TYPE_CHECKING:
    from clashrecon.models import Change, Claim, Event, Fact, Location, PlaceLocation, Position, Round, Tally, TimeRef
    from clashrecon.pipeline import IngestReport, ReconcileReport
    from clashrecon.queries import ClaimStream, Conflicts, Shown, Timeline

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]|\x1b\[[0-?]*[ -/]*[@-~]")


_stdout: list[Console] = []  # the console stdout is printed through; a pager's while `paged` runs


def out() -> Console:
    if not _stdout:
        _stdout.append(Console(highlight=False, emoji=False, markup=False))
    return _stdout[-1]


_stderr: list[Console] = []  # likewise for messages: a terminal's go to the pager too, in order


def err() -> Console:
    if not _stderr:
        _stderr.append(Console(stderr=True, highlight=False, emoji=False, markup=False))
    return _stderr[-1]


def safe(value: object) -> str:
    """A value as printable text: control characters and escape sequences removed, and characters
    that would reorder or hide text shown as tags ('⟨U+202E⟩', see clashrecon.invisible)."""
    return invisible.shown(_CONTROL.sub("", "" if value is None else str(value)))


def t(value: object, style: str = "") -> Text:
    return Text(safe(value), style=style)


# ------------------------------------------------------------------------- messages


def error(message: str) -> None:
    line = safe(message).replace("\n", " ")
    err().print(Text("clashrecon: error: ", style="bold red") + Text(line), soft_wrap=True)


def warn(message: str) -> None:
    err().print(Text("warning: ", style="yellow") + t(message.replace("\n", " ")), soft_wrap=True)


def tell(message: str) -> None:
    """A plain message on stderr, never wrapped (so it greps as one line)."""
    err().print(t(message.replace("\n", " ")), soft_wrap=True)


def note(message: str) -> None:
    err().print(t(message.replace("\n", " "), style="dim"), soft_wrap=True)


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def pager_command() -> str | None:
    """The pager to show a read command's output through, or None to print it directly.

    As git does: only when stdout is a terminal; CLASHRECON_PAGER, else PAGER, else `less`;
    an empty value or `cat` turns paging off.
    """
    if not _stdout_is_terminal():
        return None
    command = os.environ.get("CLASHRECON_PAGER", os.environ.get("PAGER"))
    if command is None:
        return "less" if shutil.which("less") else None
    return None if command.strip() in ("", "cat") else command


@contextmanager
def paged(enabled: bool = True) -> Iterator[None]:
    """Everything printed to stdout inside goes through the pager (see `pager_command`).

    `less` gets LESS=FRX unless LESS is set, as git sets it: it quits at once when the output
    fits one screen, keeps colours, and leaves the text on the screen. Quitting the pager early
    ends the output quietly.
    """
    command = pager_command() if enabled else None
    if command is None:
        yield
        return
    screen = out()
    env = {"LESS": "FRX", "LV": "-c", **os.environ}
    pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env, text=True, encoding="utf-8", errors="replace")
    console = Console(file=pager.stdin, width=screen.width, force_terminal=True, highlight=False, emoji=False, markup=False)
    streams = [_stdout] + ([_stderr] if err().is_terminal else [])  # as git does, a terminal's stderr too
    for stream in streams:
        stream.append(console)
    try:
        yield
    except BrokenPipeError:
        pass  # the reader quit the pager before the end
    finally:
        for stream in streams:
            stream.pop()
        with suppress(BrokenPipeError):
            pager.stdin.close()
        # like git, wait for the pager with Ctrl-C left to it (less uses it to stop a search)
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            pager.wait()
        finally:
            signal.signal(signal.SIGINT, previous)


def _paged(render: Callable[..., None]) -> Callable[..., None]:
    """A read command's renderer, paged unless it prints JSON."""

    @wraps(render)
    def paged_render(*args: Any, as_json: bool, **kwargs: Any) -> None:
        with paged(enabled=not as_json):
            render(*args, as_json=as_json, **kwargs)

    return paged_render


def stdout_closed() -> None:
    """The reader of stdout went away: point stdout at /dev/null so the interpreter's last
    flush does not fail again on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is not a file (tests capture it)
    finally:
        os.close(devnull)


def emit_json_stream(items: Iterable[Any], batch: int = 256) -> None:
    """A JSON array written a batch of items at a time, byte for byte what `emit_json` prints for
    the list (one `dumps` per batch: the indenting encoder is slow to set up per item)."""
    write = sys.stdout.write
    opened = False
    for chunk in iter(lambda: list(islice(items, batch)), []):
        text = invisible.escaped(jsontext.dumps(chunk))
        write(("," if opened else "[") + text[1:-2])  # the batch's items, without its brackets
        opened = True
    write("\n]\n" if opened else "[]\n")
    sys.stdout.flush()


def emit_json(data: Any) -> None:
    """JSON on stdout and nothing else; non-ASCII kept, control characters escaped by json and
    characters that reorder or hide text by `invisible.escaped`."""
    sys.stdout.write(invisible.escaped(jsontext.dumps(data)))
    sys.stdout.write("\n")
    sys.stdout.flush()


# ------------------------------------------------------------------------- ingest


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "-:--"
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes // 60}:{minutes % 60:02d}:{secs:02d}" if minutes >= 60 else f"{minutes}:{secs:02d}"


class _RichProgress:
    """One line on stderr: the extraction's bar, count and time left; then each later stage's name."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, Progress, ProgressColumn, TextColumn

        class CountAndTime(ProgressColumn):
            def render(self, task) -> Text:
                if task.total is None:  # a stage without a count: how long it has run
                    return Text(_clock(task.elapsed), style="dim")
                left = "" if task.finished else f" · {_clock(task.time_remaining)} left"
                return Text(f"{int(task.completed):,}/{int(task.total):,} articles{left}")

        self._p = Progress(TextColumn("{task.description}"), BarColumn(), CountAndTime(), console=err(), transient=True)
        self._task = None
        self._live = False

    def _show(self, description: str, total: int | None) -> None:
        if not self._live:
            self._p.start()
            self._live = True
        if self._task is not None:
            self._p.remove_task(self._task)
        self._task = self._p.add_task(description, total=total)

    def start(self, total: int) -> None:
        self._show("extracting", total)

    def advance(self, n: float = 1) -> None:
        if self._task is not None:
            self._p.advance(self._task, n)

    def stage(self, label: str) -> None:
        self._show(safe(label) + "…", None)

    def stop(self) -> None:
        if self._live:
            self._p.stop()
            self._live = False


def ingest_progress(enabled: bool) -> _RichProgress | None:
    """A progress line on stderr, only when stderr is a terminal and the user did not ask for quiet.

    None means no progress shown: the pipeline then reports to its own silent progress.
    """
    if enabled and err().is_terminal:
        return _RichProgress()
    return None


def ingest_summary(report: IngestReport) -> str:
    """'3 files read, 1 failed; 12 records: 10 new, 1 changed, 1 unchanged, 1 failed; 163 claims added'."""
    failed_files = len(report.failed) - report.failed_records
    files = f"{report.files:,} file{'' if report.files == 1 else 's'} read" + (f", {failed_files:,} failed" if failed_files else "")
    unchanged = f"{report.unchanged:,} unchanged" + (f" ({report.reextracted:,} extracted again: --force)" if report.reextracted else "")
    records = f"{report.records:,} record{'' if report.records == 1 else 's'}: {report.new:,} new, {report.replaced:,} changed, {unchanged}"
    if report.failed_records:
        records += f", {report.failed_records:,} failed"
    return f"{files}; {records}; {report.claims_added:,} claims added"
def changes(items: tuple[Change, ...] | list[Change]) -> None:
    """What the new reconciliation changed, one line each on stdout; the rest counted."""
    from clashrecon.lexicon import load_data

    if not items:
        return
    shown = load_data("reconcile.json")["changes"]["shown"]
    out().print(t("What changed:", "bold"))
    for c in items[:shown]:
        out().print(Text("  ") + t(c.line), soft_wrap=True)
    if len(items) > shown:
        out().print(t(f"  … and {len(items) - shown} more (`--json` lists them all; see `clashrecon figures` and `conflicts`)", "dim"))


def reconcile_report(report: ReconcileReport, *, as_json: bool, quiet: bool) -> None:
    summary = {
        "articles": report.articles,
        "claims": report.claims,
        "events": report.events,
        "conflicts": report.conflicts,
        "figures": report.figures,
        "saved": report.saved,
    }
    if as_json:
        emit_json(summary | {"changes": [c.contract() for c in report.changes]})
        return
    if not report.saved:
        warn("another ingest changed the store meanwhile, so these results were not saved; its own reconciliation covers them")
    if quiet:
        return
    changes(report.changes)
    err().print(
        t(
            f"reconciled {report.articles:,} articles and {report.claims:,} claims: {report.events:,} events, "
            f"{report.conflicts:,} conflicts, {report.figures:,} final figures"
        ),
        soft_wrap=True,
    )


def ingest_report(report: IngestReport, *, as_json: bool, quiet: bool) -> None:
    for exc in report.failed:
        error(f"{exc.path}: {exc.reason}")
    for path, reason in report.empty:
        warn(f"{path}: {reason}; nothing was read from it")
    if not quiet:
        for path, reason in report.skipped:
            note(f"skipped {path}: {reason}")
        for message in report.notes:
            note(message)
    summary = {
        "files": report.files,
        "records": report.records,
        "new": report.new,
        "replaced": report.replaced,
        "unchanged": report.unchanged,
        "reextracted": report.reextracted,
        "failed": len(report.failed),
        "failed_records": report.failed_records,
        "skipped": len(report.skipped),
        "claims_added": report.claims_added,
        "model": report.model,
    }
    if as_json:
        emit_json(
            summary
            | {"errors": [{"path": e.path, "reason": e.reason} for e in report.failed]}
            | {"empty": [{"path": p, "reason": r} for p, r in report.empty]}
            | {"changes": [c.contract() for c in report.changes]}
        )
        return
    if not quiet:
        changes(report.changes)
        tell(ingest_summary(report))


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


def brief_note(note: str, limit: int) -> str:
    """A fact's note cut to its first parts (they are joined by '; ') within `limit` characters."""
    if len(note) <= limit:
        return note
    parts = note.split("; ")
    kept = [parts[0]]
    for part in parts[1:]:
        if len("; ".join([*kept, part, "…"])) > limit:
            break
        kept.append(part)
    return "; ".join([*kept, "…"]) if len(kept[0]) <= limit else fit(kept[0], limit)


def _counts(f: Fact, full: bool) -> str:
    """'[5 art., 3 orig.]'; a summarised figure also says how many reports it sums up."""
    summarised = not full and f.brief and f.brief != f.value
    reports = f"{f.reports:,} reports, " if summarised and f.reports else ""
    return f" [{reports}{f.articles:,} art., {f.independent_sources:,} orig.]"


def _fact_line(f: Fact, full: bool = True) -> Text:
    """One fact: its figures (the brief form unless `full`), scope, note, sources and status."""
    value = f.value if full or not f.brief else f.brief
    line = Text()
    if f.field.value == "casualties":
        line.append(f"{safe(f.kind)} ")
        line.append(safe(value), style="bold")
        scope = f"in {f.place}" if f.place is not None else f.group
        if scope is not None:
            line.append(" " + safe(scope))
    else:
        line.append(f"{safe(f.subject)}: ")
        line.append(safe(value), style="bold")
    note_ = f.note if full else brief_note(f.note, load_data("terminal.json")["timeline"]["note_chars"])
    if note_:
        line.append(f" ({safe(note_)})", style="italic")
    line.append(_counts(f, full), style="dim")
    mark = _STATUS_MARK.get(f.status.value)
    if mark:
        line.append(f" {mark[0]}", style=mark[1])
    return line


def _places_line(kind: str, facts: list[Fact]) -> Text:
    """One line for a side's counts of one kind in several places, instead of a line each."""
    line = Text(f"{safe(kind)} in {len(facts)} places: ")
    for i, f in enumerate(facts):
        if i:
            line.append(", ")
        line.append(f"{safe(f.place)} ")
        line.append(safe(f.brief or f.value), style="bold")
    notes = {f.note for f in facts}
    if len(notes) == 1 and (shared := notes.pop()):
        line.append(f" (each {safe(brief_note(shared, load_data('terminal.json')['timeline']['note_chars']))})", style="italic")
    line.append(f" [{sum(f.articles for f in facts):,} art.]", style="dim")
    flagged = Counter(f.status.value for f in facts if f.status.value in ("discrepancy", "disputed"))
    for status, n in sorted(flagged.items()):
        line.append(f" ⚠ {n} {status}", style="bold red")
    return line


def _party_lines(facts: list[Fact], full: bool) -> list[Text]:
    """A side's facts, one line each; unless `full`, its place counts of one kind on one line."""
    group_min = load_data("terminal.json")["timeline"]["group_places"]
    by_kind: dict[str, list[Fact]] = {}
    for f in facts:
        if f.place is not None:
            by_kind.setdefault(f.kind.value, []).append(f)
    grouped = {k: fs for k, fs in by_kind.items() if not full and len(fs) >= group_min}
    lines, done = [], set()
    for f in facts:
        kind = f.kind.value
        if f.place is not None and kind in grouped:
            if kind not in done:
                lines.append(_places_line(kind, grouped[kind]))
                done.add(kind)
            continue
        lines.append(_fact_line(f, full))
    return lines


def fact_rows(e: Event, full: bool = True) -> list[tuple[str, Text]]:
    """An event's facts as (lead, line): a line per side ('• Armenia: killed …', its further
    figures under it), then one per other finding. Unless `full`, long figures are brief and a
    side's place counts of one kind share a line."""
    parties: dict[str, list[Fact]] = {}
    others: list[Fact] = []
    for f in e.facts:
        if f.field.value == "casualties":
            parties.setdefault(f.party or "no side named", []).append(f)
        else:
            others.append(f)
    rows: list[tuple[str, Text]] = []
    figureless = [] if full else sorted(p for p, fs in parties.items() if all(f.best is None for f in fs))
    if len(figureless) < 2 or len(figureless) == len(parties):
        figureless = []  # one such side keeps its own line, and sides are merged only beside sides with figures
    for party in sorted(parties, key=lambda p: (p == "both", p)):
        if party in figureless:
            continue
        lines = _party_lines(parties[party], full)
        head = Text("both sides" if party == "both" else safe(party), style="cyan")
        rows.append(("• ", head + Text(": ") + lines[0]))
        rows.extend(("    ", line) for line in lines[1:])  # a side's further figures, under its first
    if figureless:  # sides only said to have casualties, without a number: one line for them all
        facts = [f for p in figureless for f in parties[p]]
        line = Text("no figure given: ") + Text(", ".join(f"{safe(f.party)} {safe(f.kind)}" for f in facts), style="cyan")
        line.append(f" [{sum(f.articles for f in facts):,} art.]", style="dim")
        rows.append(("• ", line))
    rows.extend(("• ", _fact_line(f, full)) for f in others)
    # talks, truces and late figures on days outside the fighting: context under the episode
    shown = e.context if full else e.context[: load_data("terminal.json")["timeline"]["context_rows"]]
    rows.extend(("◦ ", Text(f"{row.when.start or 'undated'}: {safe(row.summary)}", style="dim")) for row in shown)
    if len(shown) < len(e.context):
        rows.append(("◦ ", Text(f"{len(e.context) - len(shown)} more context rows (`clashrecon show {e.id}`)", style="dim")))
    return rows


def event_body(e: Event, full: bool = True) -> Text:
    """An event's summary and ID, then its facts (see `fact_rows`)."""
    body = Text()
    body.append(safe(e.summary), style="bold")
    body.append(f"  [{e.id}]", style="dim")
    for lead, line in fact_rows(e, full):
        body.append("\n" + lead)
        body.append_text(line)
    return body


def window_text(since: date | None, until: date | None) -> str:
    """'between 2022-09-01 and 2022-09-10', 'on or after 2022-09-01', 'on or before ...'."""
    if since is not None and until is not None:
        return f"between {since.isoformat()} and {until.isoformat()}"
    if since is not None:
        return f"on or after {since.isoformat()}"
    return f"on or before {until.isoformat()}" if until is not None else ""


def _nothing_in_window(
    what: str, stored: int, since: date | None, until: date | None, first: Event | None, last: Event | None
) -> str:
    """Why a listing is empty: an empty store, or a window that misses what the store holds (and where it lies)."""
    if not stored:
        return f"no {what} in the store yet; run `clashrecon ingest PATH`"
    if since is None and until is None:
        return f"no {what}"
    span = ""
    if first is not None and last is not None:
        begin = first.when.model_copy(update={"end": None})
        end = last.when.model_copy(update={"start": last.when.end or last.when.start, "end": None, "part_of_day": None})
        span = f"; the store's events run from {when_text(begin)} to {when_text(end)}"
    return f"no {what} {window_text(since, until)}{span}; widen --since/--until or leave them out"


def fold_background(events: list[Event], listed: int) -> tuple[list[Event], list[Event]]:
    """(events shown, background events folded away): past `listed` earlier events mentioned as
    context, only the most reported ones are shown, in time order."""
    background = [e for e in events if e.background]
    if len(background) <= listed:
        return events, []
    kept = {e.id for e in sorted(background, key=lambda e: -e.articles)[:listed]}
    return [e for e in events if not e.background or e.id in kept], [e for e in background if e.id not in kept]


def in_full(events: list[Event], listed: int) -> set[str]:
    """The events shown with their facts: every one, or past `listed` the most reported."""
    if len(events) <= listed:
        return {e.id for e in events}
    return {e.id for e in sorted(events, key=lambda e: (-e.articles, -e.independent_sources))[:listed]}


def _event_head(e: Event) -> Text:
    """'2022-09-13 early → 2022-09-14  5 art., 3 orig.  ⚠ conflict  [ee0b3cb04]'."""
    head = Text(safe(when_text(e.when)), style="bold")
    if e.background:
        head.append("  background", style="dim")
    head.append(f"  {e.articles:,} art., {e.independent_sources:,} orig.")
    if e.conflict:
        head.append("  ⚠ conflict", style="bold red")
    head.append(f"  [{e.id}]", style="dim")
    return head


def hanging(lead: str, line: Text, width: int, indent: int | None = None) -> list[Text]:
    """`lead` and `line` wrapped at word boundaries to `width`, the further lines indented by
    `indent` cells (by default as far as the lead reaches)."""
    indent = cell_len(lead) if indent is None else indent
    whole = Text(lead) + line
    first = whole.wrap(out(), width)[0]
    lines = [first]
    rest = whole[len(first.plain):]
    rest = rest[len(rest.plain) - len(rest.plain.lstrip()):]
    if rest.plain:
        lines.extend(Text(" " * indent) + part for part in rest.wrap(out(), max(20, width - indent)))
    for part in lines:
        part.rstrip()
    return lines


def _event_block(e: Event, full: bool, width: int) -> list[Text]:
    """An event with its facts: its date and sources, its summary, a line per side and finding."""
    lines = [*hanging("", _event_head(e), width), *hanging("  ", t(e.summary, "bold"), width)]
    for lead, line in fact_rows(e, full):
        lines.extend(hanging("  " + lead, line, width))
    return [*lines, Text()]


def _event_line(e: Event, width: int) -> list[Text]:
    """An event without its facts, for a long timeline: date, summary, sources, ID."""
    line = t(e.summary)
    line.append(f"  {e.articles:,} art.", style="dim")
    if e.conflict:
        line.append("  ⚠ conflict", style="bold red")
    line.append(f"  [{e.id}]", style="dim")
    return hanging(f"{safe(when_text(e.when))}  ", line, width, indent=4)


def _folded_line(folded: list[Event], width: int) -> list[Text]:
    text = Text(f"{len(folded)} more earlier events mentioned as context, each in at most "
                f"{max(e.articles for e in folded):,} articles (`clashrecon timeline --all` lists them)", style="dim")
    return hanging(f"{when_text(folded[0].when)} → {when_text(folded[-1].when)}  ", text, width, indent=4)


@_paged
def timeline(view: Timeline, *, as_json: bool, full: bool = False) -> None:
    """Events in time order, then a short table of the stories' final figures when there are any.

    Unless `full` (data/terminal.json): long figures in brief, a side's place counts on one
    line, past a few earlier events mentioned as context only the most reported, and in a long
    timeline only the most reported events with their facts, the others a line each.
    """
    events = view.events
    if as_json:
        # the events only (figures have their own command), each place with where it is
        emit_json([e.contract() | {"locations": view.located(e)} for e in events])
        return
    if not events:
        if view.unreconciled:  # the staleness warning above names the fix; an ingest hint would contradict it
            tell("no events reconciled yet; run `clashrecon reconcile` to reconcile the stored articles")
        else:
            tell(_nothing_in_window("events", view.stored, view.since, view.until, view.first, view.last))
        return
    cfg = load_data("terminal.json")["timeline"]
    shown, folded = (events, []) if full else fold_background(events, cfg["background_listed"])
    detailed = {e.id for e in shown} if full else in_full(shown, cfg["events_in_full"])
    console = out()
    console.print(Text("Reconciled timeline", style="bold underline"))
    console.print()
    width = console.width
    first_folded = folded[0].id if folded else None
    lines: list[Text] = []
    after_line = False  # one-line events run together; a blank line ends the run
    for e in events:
        if e.id == first_folded:
            lines.extend(_folded_line(folded, width))
            after_line = True
        if e not in shown:
            continue
        if e.id in detailed:
            lines.extend([Text()] if after_line else [])
            lines.extend(_event_block(e, full, width))
            after_line = False
        else:
            lines.extend(_event_line(e, width))
            after_line = True
    lines.extend([Text()] if after_line else [])
    for line in lines:
        console.print(line, soft_wrap=True)  # wrapped already, each within its indent
    if view.figures:
        console.print(figures_table(view.figures, full=False))
    conflicts = sum(e.conflict for e in events)
    note(f"{len(events)} events; {conflicts} with a discrepancy or dispute (see `clashrecon conflicts`)")
    summarised = folded or len(detailed) < len(shown) or any(f.brief and f.brief != f.value for e in shown for f in e.facts)
    if summarised:
        note("a long timeline is summarised; `clashrecon timeline --all` shows every event and figure, `clashrecon show ID` one")
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


@_paged
def figures(tallies: list[Tally], *, as_json: bool, filtered: bool) -> None:
    if as_json:
        emit_json([f.contract() for f in tallies])
        return
    if not tallies:
        if filtered:
            tell("no final figures match those options; `clashrecon figures` lists them all")
        else:
            tell("no final figures in the store yet; run `clashrecon ingest PATH`")
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


def listed(names: Iterable[str], limit: int | None) -> str:
    """'a, b, c' or, past `limit` names, 'a, b, c and 695 more'."""
    names = [safe(n) for n in names]
    if limit is None or len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])} and {len(names) - limit:,} more"


def _position_lines(p: Position, quotes: int, articles: int | None = None) -> list[Text]:
    """A position and its first quotes, wrapped under their bullet."""
    line = Text()
    line.append(safe(p.value), style="bold")
    line.append(f" — {', '.join(map(safe, p.claimants)) or 'unattributed'}")
    line.append(
        f"; {len(p.articles)} article(s), {len(p.origins)} independent origin(s): {listed(p.articles, articles)}",
        style="dim",
    )
    width = out().width
    lines = hanging("  • ", line, width)
    for q in p.quotes[:quotes]:
        lines.extend(hanging("      ", t(f"“{' '.join(q.split())}”", "dim"), width))
    return lines


def _print_lines(lines: Iterable[Text]) -> None:
    for line in lines:
        out().print(line, soft_wrap=True)  # wrapped already, each under its lead


@_paged
def conflicts(found: Conflicts, *, as_json: bool) -> None:
    items = found.shown
    if as_json:
        emit_json([c.contract() for c in items])
        return
    if not items:
        if found.stored and (found.since is not None or found.until is not None):
            tell(f"no conflicts {window_text(found.since, found.until)}; widen --since/--until or leave them out")
        else:
            tell("no conflicts found" + ("" if found.include_all else " (use --all to see updates, aggregates and subtotals)"))
        return
    cfg = load_data("terminal.json")["conflicts"]
    for c in items:
        head = Text()
        head.append(f"{c.kind.value.upper()}", style=_KIND_STYLE.get(c.kind.value, "bold"))
        head.append("" if c.is_conflict else " (not a conflict)", style="green")
        head.append(f"  {safe(c.subject)}  ", style="bold")
        head.append(f"[{c.id}] ({c.field.value})", style="dim")
        out().print(head)
        _print_lines(hanging("  ", t(fit(c.explanation, cfg["explanation_chars"]), "italic"), out().width))
        for p in c.positions[: cfg["positions_listed"]]:
            _print_lines(_position_lines(p, 2 if c.is_conflict else 1, cfg["articles_listed"]))
        if len(c.positions) > cfg["positions_listed"]:
            more = len(c.positions) - cfg["positions_listed"]
            out().print(t(f"  … {more:,} more positions; `clashrecon show {c.id}` lists every one", "dim"))
        out().print()
    if found.matched > len(items):
        note(f"{len(items)} of {found.matched} shown, most important first; raise --limit to see more")
    if not found.include_all:
        note("only discrepancies and disputes are shown; --all also lists updates, aggregates and subtotals")


# ------------------------------------------------------------------------- claims, sources, show


CLAIM_COLUMNS = ("id", "article", "kind", "value", "side", "claimant", "when")


def claim_cells(c: Claim) -> dict[str, str]:
    """A claim's columns as short printable text; the quote on one line."""
    if c.quantity is not None:
        value = c.quantity.display()
        side = " ".join(x for x in (c.victim_party, c.victim_group.value if c.victim_group else None) if x)
    else:
        subject = c.subject if c.subject != c.kind.value else None  # "attack → Azerbaijan", not "attack attack → …"
        value, side = " → ".join(x for x in (subject, c.value) if x), ""
    t_ = c.event_time
    when = (t_.start or "")[:10] if t_ is not None and t_.start else (f"day {t_.relative_day_index}" if t_ and t_.relative_day_index else "")
    cells = {
        "id": c.id, "article": c.article, "kind": c.kind.value, "value": value,
        "side": side, "claimant": c.claimant or "", "when": when, "quote": c.quote,
    }
    return {k: " ".join(safe(v).split()) for k, v in cells.items()}


def fit(text: str, width: int) -> str:
    """Text cut to `width` cells with '…' when longer (never padded)."""
    if text.isascii():  # one cell per character: most article text, and far quicker to measure
        return text if len(text) <= width else text[: max(0, width - 1)] + "…" if width > 0 else ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(0, width - 1)) + "…" if width > 0 else ""


def pad(text: str, width: int) -> str:
    """Text cut or padded to exactly `width` cells."""
    text = fit(text, width)
    return text.ljust(width) if text.isascii() else set_cell_size(text, width)


def claim_widths(sample: list[dict[str, str]], width: int, names_width: int) -> dict[str, int] | None:
    """Column widths that leave the quote its minimum, or None when no table fits `width`."""
    cfg = load_data("terminal.json")["claims"]
    cols = cfg["columns"]
    widths = {}
    for name in CLAIM_COLUMNS:
        widest = max([len(name), *(cell_len(row[name]) for row in sample)])
        if name == "article":
            widest = max(widest, names_width)
        cap = cols[name]["max"]
        widths[name] = widest if cap is None else min(widest, cap)

    def quote_room() -> int:
        return width - sum(widths.values()) - len(widths)  # one space after each column

    while quote_room() < cfg["min_quote"]:
        shrinkable = [n for n in CLAIM_COLUMNS if cols[n]["min"] is not None and widths[n] > cols[n]["min"]]
        if not shrinkable:
            return None
        widths[max(shrinkable, key=lambda n: widths[n] - cols[n]["min"])] -= 1
    widths["quote"] = quote_room()
    return widths


def claim_row(cells: dict[str, str], widths: dict[str, int]) -> str:
    parts = [pad(cells[n], widths[n]) for n in CLAIM_COLUMNS]
    return " ".join(parts) + " " + fit(cells["quote"], widths["quote"])


def claim_line(cells: dict[str, str]) -> str:
    """One claim as one whole line: its fields, then the quote (a narrow terminal wraps it)."""
    figure = " ".join(x for x in (cells["kind"], cells["value"], cells["side"]) if x)
    head = "  ".join(
        x for x in (cells["id"], cells["article"], figure, f"per {cells['claimant']}" if cells["claimant"] else "", cells["when"]) if x
    )
    return f"{head}  “{cells['quote']}”"


@_paged
def claims(stream: ClaimStream, *, as_json: bool) -> None:
    """Claims as they are read: JSON objects, a table that fits the width, or one line per claim."""
    if as_json:
        emit_json_stream(stream.records())
        return
    rows = (claim_cells(c) for c in stream)
    sample = list(islice(rows, load_data("terminal.json")["claims"]["lookahead"]))
    if not sample:
        tell("no claims")
        return
    console = out()
    widths = claim_widths(sample, console.width, stream.names_width)
    if widths is not None:
        header = {n: n for n in (*CLAIM_COLUMNS, "quote")}
        console.print(Text(claim_row(header, widths), style="bold"), soft_wrap=True)
    write = console.file.write
    for cells in chain(sample, rows):
        write((claim_row(cells, widths) if widths is not None else claim_line(cells)) + "\n")
    console.file.flush()


@_paged
def sources(rows: list[dict[str, Any]], *, as_json: bool) -> None:
    if as_json:
        emit_json(rows)
        return
    if not rows:
        tell("no articles in the store")
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


def _coordinates(loc: Location | None) -> str:
    if loc is None or loc.latitude is None or loc.longitude is None:
        return ""
    return f"{loc.latitude:.4f}, {loc.longitude:.4f}"


@_paged
def places(found: list[PlaceLocation], *, as_json: bool, unresolved: bool) -> None:
    """Each place with its country, what it is, its precision (GED where_prec) and position; the
    unresolved with the country the text gives (precision 6) and the articles naming them."""
    if as_json:
        emit_json([p.contract() for p in found])
        return
    if not found:
        tell("every place the articles name is located" if unresolved else "no places named in the store")
        return
    table = Table(title="Unresolved places" if unresolved else "Places", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    table.add_column("place", overflow="fold")
    table.add_column("country", overflow="fold")
    if unresolved:
        table.add_column("prec", justify="right", no_wrap=True)
        table.add_column("articles naming it", overflow="fold")
    else:
        table.add_column("is", no_wrap=True)
        table.add_column("prec", justify="right", no_wrap=True)
        table.add_column("lat, lon", no_wrap=True)
        table.add_column("art.", justify="right", no_wrap=True)
    for p in found:
        loc = p.location
        country = t((loc.country if loc else None) or p.country_given or "")
        precision = t(int(loc.precision) if loc else "", "bold")
        name = t(p.name, "" if p.resolved else "yellow")
        if unresolved:
            table.add_row(name, country, precision, t("\n".join(p.articles) or "(an event's place only)"))
        else:
            what = loc.feature.value if loc is not None and loc.feature else "unresolved"
            table.add_row(name, country, t(what, "dim" if p.resolved else "yellow"), precision, t(_coordinates(loc)), t(len(p.articles)))
    out().print(table)
    missing = sum(not p.resolved for p in found)
    note = "; precision 6: only the country the text gives" if any(not p.resolved and p.location for p in found) else ""
    out().print(t(f"{len(found)} place(s), {missing} unresolved{note}"))


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


@_paged
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
