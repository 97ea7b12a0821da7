"""Command line: parse options into one frozen object, make one library call, render the result.

Heavy modules (pydantic models, the store, spaCy, rich) are imported inside the commands
so that `clashrecon --help` answers at once and the read commands never load spaCy.
"""

from __future__ import annotations

import sys
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from clashrecon.cluster import Executor

app = typer.Typer(
    name="clashrecon",
    help="Reconcile conflicting news reports of an armed clash into one sourced timeline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


DbOpt = Annotated[
    Optional[str],
    typer.Option(
        "--db",
        metavar="PATH|URL",
        help="SQLite file, or postgresql://user@host:5432/name [env CLASHRECON_DB, default ./clashrecon.db]",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON on stdout; messages go to stderr")]


@dataclass(frozen=True)
class ReadOptions:
    db: str | None
    json: bool


class _Command(typer.core.TyperCommand):
    """Help that names each argument as its metavar reads ('PATH...', '[GOLD]'): typer would print
    '{paths}...' on the usage line and '<list[Path]>' beside it."""

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            named = param.param_type_name == "argument" and param.metavar
            pieces.extend([param.metavar] if named else param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx, formatter) -> None:
        params = self.get_params(ctx)
        arguments = [(p.metavar or p.name, p.help or "") for p in params if p.param_type_name == "argument"]
        options = [rv for p in params if p.param_type_name == "option" and (rv := p.get_help_record(ctx))]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def command(name: str, summary: str, *examples: str):
    """A command whose line in the top-level help is `summary` whole, and whose --help ends with examples."""
    shown = "\n".join(f"  {e}" for e in examples)
    return app.command(name, cls=_Command, short_help=summary, help=f"{summary}\n\n\b\nExamples:\n{shown}")


def _version(asked: bool) -> None:
    if asked:
        from clashrecon import __version__

        print(f"clashrecon {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Reconcile conflicting news reports of an armed clash into one sourced timeline."""


def _run(fn, *args) -> None:
    """Call the library; turn a user-caused failure into one line on stderr and its exit code."""
    from clashrecon.errors import ClashreconError

    try:
        code = fn(*args)
    except ClashreconError as exc:
        from clashrecon import render

        render.error(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        from clashrecon import render

        render.error("interrupted")
        raise typer.Exit(130) from None
    except BrokenPipeError:
        from clashrecon import render

        render.stdout_closed()  # the reader (`head`, a pager) has all it wanted, as with git
        raise typer.Exit(0) from None
    raise typer.Exit(code or 0)


@contextmanager
def _open_read(opts: ReadOptions):
    """The store, open to read; one warning first if its results do not cover what it holds."""
    from clashrecon import queries, render
    from clashrecon.store import Store

    with Store.open(opts.db, create=False) as store:
        stale = queries.staleness(store)
        if stale is not None:
            render.warn(stale)
        yield store




@dataclass(frozen=True)
class IngestCommand:
    db: str | None
    json: bool
    quiet: bool
    paths: tuple[Path, ...]
    model: str | None
    glob: str | None
    force: bool
    jobs: int
    reference_date: date | None
    executor: Executor = Executor.local
    scheduler: str | None = None


def _ingest(cmd: IngestCommand) -> int:
    from clashrecon import render
    from clashrecon.pipeline import IngestOptions, ingest
    from clashrecon.store import Store

    options = IngestOptions(
        paths=cmd.paths,
        model=cmd.model,
        glob=cmd.glob,
        force=cmd.force,
        jobs=cmd.jobs,
        reference_date=cmd.reference_date,
        executor=cmd.executor,
        scheduler=cmd.scheduler,
    )
    with Store.open(cmd.db, create=True) as store:
        progress = render.ingest_progress(enabled=not cmd.quiet and not cmd.json)
        report = ingest(store, options, progress)
    render.ingest_report(report, as_json=cmd.json, quiet=cmd.quiet)
    return report.exit_code


@command(
    "ingest",
    "Read articles, extract their claims and store them; then reconcile the whole store.",
    "clashrecon ingest seeds/",
    "clashrecon ingest ~/saved/ --glob '*.html' --jobs 2",
    "clashrecon ingest story.txt wire/ --reference-date 2022-09-14",
    "clashrecon ingest feeds/ --executor dask --scheduler tcp://scheduler:8786 --db postgresql://desk@db:5432/clashes",
)
def ingest_cmd(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH...", help="Article files or folders (walked recursively)", show_default=False)
    ],
    db: DbOpt = None,
    json: JsonOpt = False,
    model: Annotated[
        Optional[str], typer.Option("--model", metavar="NAME", help="spaCy pipeline name or path [env CLASHRECON_MODEL]")
    ] = None,
    glob: Annotated[
        Optional[str], typer.Option("--glob", metavar="PATTERN", help="Only files whose name matches, e.g. '*.html'")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-extract every article, changed or not")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=64, metavar="N", help="Processes for NLP")] = 1,
    executor: Annotated[
        Executor,
        typer.Option("--executor", help="Where the NLP runs: local processes (--jobs), or a Dask cluster"),
    ] = Executor.local,
    scheduler: Annotated[
        Optional[str],
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Dask scheduler, e.g. tcp://host:8786 [env DASK_SCHEDULER_ADDRESS; default: --jobs local workers]",
        ),
    ] = None,
    reference_date: Annotated[
        Optional[str],
        typer.Option(
            "--reference-date", metavar="YYYY-MM-DD", help="The day to resolve 'Tuesday' etc. against, overriding inference"
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary")] = False,
) -> None:
    ref: date | None = None
    if reference_date is not None:
        try:
            ref = date.fromisoformat(reference_date)
        except ValueError:
            from clashrecon import render

            render.error(f"--reference-date {reference_date!r} is not a date; give it as YYYY-MM-DD, e.g. 2022-09-14")
            raise typer.Exit(2) from None
    if scheduler is not None and executor is not Executor.dask:
        from clashrecon import render

        render.error(f"--scheduler {scheduler} is for --executor dask; add --executor dask, or leave --scheduler out")
        raise typer.Exit(2)
    cmd = IngestCommand(
        db=db,
        json=json,
        quiet=quiet,
        paths=tuple(paths),
        model=model,
        glob=glob,
        force=force,
        jobs=jobs,
        reference_date=ref,
        executor=executor,
        scheduler=scheduler,
    )
    _run(_ingest, cmd)




@dataclass(frozen=True)
class ReconcileCommand:
    db: str | None
    json: bool
    quiet: bool


def _reconcile(cmd: ReconcileCommand) -> int:
    from clashrecon import render
    from clashrecon.pipeline import reconcile_store
    from clashrecon.store import Store

    with Store.open(cmd.db, create=False, write=True) as store:
        report = reconcile_store(store, render.ingest_progress(enabled=not cmd.quiet and not cmd.json))
    render.reconcile_report(report, as_json=cmd.json, quiet=cmd.quiet)
    return 0


@command(
    "reconcile",
    "Redo the corpus passes and the reconciliation from the stored claims (no NLP), e.g. after an interrupted ingest.",
    "clashrecon reconcile",
    "clashrecon reconcile --db desk.db --json",
)
def reconcile_cmd(
    db: DbOpt = None,
    json: JsonOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary")] = False,
) -> None:
    _run(_reconcile, ReconcileCommand(db, json, quiet))


@dataclass(frozen=True)
class TimelineCommand:
    read: ReadOptions
    since: date | None
    until: date | None
    full: bool = False


def _parse_day(name: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        from clashrecon.errors import UsageError

        raise UsageError(f"{name} {value!r} is not a date; give it as YYYY-MM-DD") from None


def _timeline(cmd: TimelineCommand) -> int:
    from clashrecon import queries, render

    with _open_read(cmd.read) as store:
        view = queries.timeline(store, since=cmd.since, until=cmd.until)
    render.timeline(view, as_json=cmd.read.json, full=cmd.full)
    return 0


@command(
    "timeline",
    "One entry per event in time order, with reconciled figures and their sources, then the final figures.",
    "clashrecon timeline",
    "clashrecon timeline --since 2022-09-13 --until 2022-09-14",
    "clashrecon timeline --all",
    "clashrecon timeline --json | jq '.[].summary'",
)
def timeline_cmd(
    db: DbOpt = None,
    json: JsonOpt = False,
    since: Annotated[Optional[str], typer.Option("--since", metavar="YYYY-MM-DD", help="Only events on or after this day")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="YYYY-MM-DD", help="Only events on or before this day")] = None,
    full: Annotated[
        bool, typer.Option("--all", help="Every event with every figure, however long (a long timeline is summarised)")
    ] = False,
) -> None:

    def run() -> int:
        cmd = TimelineCommand(ReadOptions(db, json), _parse_day("--since", since), _parse_day("--until", until), full)
        return _timeline(cmd)

    _run(run)


@dataclass(frozen=True)
class FiguresCommand:
    read: ReadOptions
    party: str | None
    kind: str | None


def _figures(cmd: FiguresCommand) -> int:
    from clashrecon import queries, render

    with _open_read(cmd.read) as store:
        tallies = queries.figures(store, party=cmd.party, kind=cmd.kind)
    render.figures(tallies, as_json=cmd.read.json, filtered=cmd.party is not None or cmd.kind is not None)
    return 0


@command(
    "figures",
    "The final figure per story, side and kind: best, low-high, conservative, and whose word it is.",
    "clashrecon figures",
    "clashrecon figures --kind killed",
    "clashrecon figures --party armenia --json",
)
def figures_cmd(
    party: Annotated[
        Optional[str],
        typer.Option("--party", metavar="SIDE", help="Only this victim side, e.g. Armenia, or 'both' for both-sides counts"),
    ] = None,
    kind: Annotated[
        Optional[str], typer.Option("--kind", metavar="KIND", help="Only this casualty kind, e.g. killed or wounded")
    ] = None,
    db: DbOpt = None,
    json: JsonOpt = False,
) -> None:
    _run(_figures, FiguresCommand(ReadOptions(db, json), party, kind))


@dataclass(frozen=True)
class ConflictsCommand:
    read: ReadOptions
    field: str
    all: bool
    since: date | None = None
    until: date | None = None
    limit: int | None = None


def _conflicts(cmd: ConflictsCommand) -> int:
    from clashrecon import queries, render

    with _open_read(cmd.read) as store:
        found = queries.conflicts(
            store, field=cmd.field, include_all=cmd.all, since=cmd.since, until=cmd.until, limit=cmd.limit
        )
    render.conflicts(found, as_json=cmd.read.json)
    return 0


@command(
    "conflicts",
    "Real disagreements between sources: discrepancies and disputed claims.",
    "clashrecon conflicts --field casualties",
    "clashrecon conflicts --all",
    "clashrecon conflicts --since 2022-09-13 --limit 10",
)
def conflicts_cmd(
    field: Annotated[
        str, typer.Option("--field", metavar="FIELD", help="Which claims to compare: casualties, actors, places, times or all")
    ] = "all",
    all_relations: Annotated[
        bool, typer.Option("--all", help="Also list updates, aggregates and subtotals, and why they are not conflicts")
    ] = False,
    since: Annotated[
        Optional[str], typer.Option("--since", metavar="YYYY-MM-DD", help="Only findings of events on or after this day")
    ] = None,
    until: Annotated[
        Optional[str], typer.Option("--until", metavar="YYYY-MM-DD", help="Only findings of events on or before this day")
    ] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", metavar="N", help="At most N, most important first")] = None,
    db: DbOpt = None,
    json: JsonOpt = False,
) -> None:

    def run() -> int:
        window = _parse_day("--since", since), _parse_day("--until", until)
        return _conflicts(ConflictsCommand(ReadOptions(db, json), field, all_relations, *window, limit))

    _run(run)


@dataclass(frozen=True)
class ClaimsCommand:
    read: ReadOptions
    field: str | None
    article: str | None


def _claims(cmd: ClaimsCommand) -> int:
    from clashrecon import queries, render

    with _open_read(cmd.read) as store, closing(queries.claims(store, field=cmd.field, article=cmd.article)) as stream:
        render.claims(stream, as_json=cmd.read.json)  # claims are read while they are printed
    return 0


@command(
    "claims",
    "Every stored claim with its sentence, claimant and time.",
    "clashrecon claims --field casualties",
    "clashrecon claims --article 002_e9d03dd66f68ed55.txt",
    "clashrecon claims --json | jq -r '.[] | select(.qualifier == \"at_least\") | .quote'",
)
def claims_cmd(
    field: Annotated[
        Optional[str], typer.Option("--field", metavar="FIELD", help="Only this field: casualties, actors, places or times")
    ] = None,
    article: Annotated[
        Optional[str], typer.Option("--article", metavar="NAME", help="Only this article (its name, as sources shows it)")
    ] = None,
    db: DbOpt = None,
    json: JsonOpt = False,
) -> None:
    _run(_claims, ClaimsCommand(ReadOptions(db, json), field, article))


def _sources(opts: ReadOptions) -> int:
    from clashrecon import queries, render

    with _open_read(opts) as store:
        rows = queries.sources(store)
    render.sources(rows, as_json=opts.json)
    return 0


@command(
    "sources",
    "Each article with its outlet, byline, date and independent origin.",
    "clashrecon sources",
    "clashrecon sources --json | jq -r '.[] | [.article, .origin] | @tsv'",
)
def sources_cmd(db: DbOpt = None, json: JsonOpt = False) -> None:
    _run(_sources, ReadOptions(db, json))


@dataclass(frozen=True)
class PlacesCommand:
    read: ReadOptions
    unresolved: bool


def _places(cmd: PlacesCommand) -> int:
    from clashrecon import queries, render

    with _open_read(cmd.read) as store:
        found = queries.places(store, unresolved=cmd.unresolved)
    render.places(found, as_json=cmd.read.json, unresolved=cmd.unresolved)
    return 0


@command(
    "places",
    "Every place the articles name, with its coordinates and precision, as geocoded at ingest.",
    "clashrecon places",
    "clashrecon places --unresolved",
    "clashrecon places --json | jq -r '.[] | select(.resolved | not) | .name'",
)
def places_cmd(
    unresolved: Annotated[
        bool, typer.Option("--unresolved", help="Only the places the gazetteer does not know, with the articles naming them")
    ] = False,
    db: DbOpt = None,
    json: JsonOpt = False,
) -> None:
    _run(_places, PlacesCommand(ReadOptions(db, json), unresolved))


@dataclass(frozen=True)
class ShowCommand:
    read: ReadOptions
    id: str


def _show(cmd: ShowCommand) -> int:
    from clashrecon import queries, render

    with _open_read(cmd.read) as store:
        shown = queries.show(store, cmd.id)
    render.show(shown, as_json=cmd.read.json)
    return 0


@command(
    "show",
    "Every claim behind an event, fact or conflict, with its quote and article.",
    "clashrecon show ee0b3cb04",
    "clashrecon show ee0b3cb04 --json",
)
def show_cmd(
    id: Annotated[str, typer.Argument(metavar="ID", help="An event, fact, conflict or claim ID", show_default=False)],
    db: DbOpt = None,
    json: JsonOpt = False,
) -> None:
    _run(_show, ShowCommand(ReadOptions(db, json), id))


@dataclass(frozen=True)
class ReportCommand:
    read: ReadOptions
    output: Path | None
    format: str | None
    event: str | None


def _report(cmd: ReportCommand) -> int:
    from clashrecon import render
    from clashrecon.report import ReportOptions, report

    progress = render.ingest_progress(enabled=not cmd.read.json)
    try:
        with _open_read(cmd.read) as store:
            written = report(store, ReportOptions(output=cmd.output, format=cmd.format, event=cmd.event), progress)
    finally:
        if progress is not None:
            progress.stop()
    if cmd.read.json:
        render.emit_json(written.contract())
    else:
        render.tell(written.line)
    return 0


@command(
    "report",
    "Write the brief: one self-contained HTML page (or Markdown) to read, send and print.",
    "clashrecon report",
    "clashrecon report --output desk/brief.html --event eea9a30ca",
    "clashrecon report --format md --output brief.md",
)
def report_cmd(
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="PATH", help="File to write [default: brief.html, or brief.md with --format md]"),
    ] = None,
    format: Annotated[
        Optional[str],
        typer.Option("--format", metavar="FORMAT", help="html or md [default: from the --output suffix, else html]"),
    ] = None,
    event: Annotated[Optional[str], typer.Option("--event", metavar="ID", help="Only this event (IDs: `clashrecon timeline`)")] = None,
    db: DbOpt = None,
    json: JsonOpt = False,
) -> None:
    _run(_report, ReportCommand(ReadOptions(db, json), output, format, event))




@dataclass(frozen=True)
class ExportCommand:
    db: str | None
    format: str
    table: str
    event: str | None
    background: bool
    output: Path | None


def _write_export(pieces, output: Path | None) -> None:
    """Write the export to stdout, or to `output` whole: into a sibling file renamed when complete,
    so a failed export never leaves half a file where a good one was."""
    if output is None:
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    partial = output.with_name(output.name + ".part")
    try:
        with open(partial, "w", encoding="utf-8", newline="") as fh:
            for piece in pieces:
                fh.write(piece)
        partial.replace(output)
    except OSError as exc:
        from clashrecon.errors import UsageError

        raise UsageError(
            f"cannot write --output {output}: {exc.strerror or exc}; give a file in a folder you can write, or leave --output out for stdout"
        ) from None
    finally:
        partial.unlink(missing_ok=True)


def _export(cmd: ExportCommand) -> int:
    from clashrecon.export import ExportOptions, export

    with _open_read(ReadOptions(cmd.db, False)) as store, closing(
        export(store, ExportOptions(cmd.format, cmd.table, cmd.event, cmd.background))
    ) as pieces:
        _write_export(pieces, cmd.output)  # the store is read while the export is written
    return 0


@command(
    "export",
    "Write the reconciled events as UCDP GED, ACLED or PLOVER records, or facts, claims and places as CSV or JSONL.",
    "clashrecon export --format ged > events.csv",
    "clashrecon export --format acled --output acled.csv",
    "clashrecon export --format plover --event eea9a30ca",
    "clashrecon export --format csv --table claims --output claims.csv",
    "clashrecon export --format jsonl --table places | jq -c 'select(.resolved | not)'",
)
def export_cmd(
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="ged, acled, plover, csv or jsonl", show_default=False)
    ],
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout")
    ] = None,
    event: Annotated[Optional[str], typer.Option("--event", metavar="ID", help="Only this event (IDs as timeline shows them)")] = None,
    background: Annotated[
        bool, typer.Option("--background", help="Also earlier events mentioned as context (the 2020 war)")
    ] = False,
    table: Annotated[
        str, typer.Option("--table", metavar="TABLE", help="For csv and jsonl: facts, claims or places")
    ] = "facts",
    db: DbOpt = None,
) -> None:
    _run(_export, ExportCommand(db, format, table, event, background, output))


@dataclass(frozen=True)
class EvalCommand:
    gold: Path
    json: bool
    baseline: Path | None
    update_baseline: bool
    allow_lower: bool
    model: str | None


def _eval(cmd: EvalCommand) -> int:
    from clashrecon import render
    from clashrecon.evaluate import EvalOptions, evaluate

    report = evaluate(
        EvalOptions(
            gold=cmd.gold,
            baseline=cmd.baseline,
            update_baseline=cmd.update_baseline,
            allow_lower=cmd.allow_lower,
            model=cmd.model,
        )
    )
    render.eval_report(report, as_json=cmd.json)
    return report.exit_code


@command(
    "eval",
    "Score extraction against hand-made gold annotations; exit 1 if a score falls below the baseline.",
    "clashrecon eval data/gold",
    "clashrecon eval data/gold/realtext --baseline data/gold/realtext/baseline.json",
    "clashrecon eval data/gold --update-baseline",
)
def eval_cmd(
    gold: Annotated[
        Path, typer.Argument(metavar="[GOLD]", help="Gold file or folder of gold files [default: data/gold]", show_default=False)
    ] = Path("data/gold"),
    json: JsonOpt = False,
    baseline: Annotated[
        Optional[Path], typer.Option("--baseline", metavar="PATH", help="Pinned floors [default: baseline.json beside the gold]")
    ] = None,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Pin the current scores as the new floors (raising only)")
    ] = False,
    allow_lower: Annotated[
        bool, typer.Option("--allow-lower", help="With --update-baseline: also lower floors that dropped")
    ] = False,
    model: Annotated[
        Optional[str], typer.Option("--model", metavar="NAME", help="spaCy pipeline name or path [env CLASHRECON_MODEL]")
    ] = None,
) -> None:
    _run(_eval, EvalCommand(gold, json, baseline, update_baseline, allow_lower, model))


def main() -> None:
    # Typer/click print usage errors themselves with exit code 2, as the contract wants.
    app(prog_name="clashrecon")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
