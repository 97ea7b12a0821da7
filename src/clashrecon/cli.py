"""Command line: parse options into one frozen object, make one library call, render the result.

Heavy modules (pydantic models, the store, spaCy, rich) are imported inside the commands
so that `clashrecon --help` answers at once and the read commands never load spaCy.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    name="clashrecon",
    help="Reconcile conflicting news reports of an armed clash into one sourced timeline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class FieldChoice(str, Enum):
    casualties = "casualties"
    actors = "actors"
    places = "places"
    times = "times"
    all = "all"


class ClaimField(str, Enum):
    casualties = "casualties"
    actors = "actors"
    places = "places"
    times = "times"


DbOpt = Annotated[
    Optional[Path],
    typer.Option("--db", help="SQLite store [env CLASHRECON_DB, default ./clashrecon.db]", show_default=False),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON on stdout; messages go to stderr")]


@dataclass(frozen=True)
class ReadOptions:
    db: Path | None
    json: bool


def _db(db: Path | None) -> Path:
    from clashrecon.store import default_db_path

    return db if db is not None else default_db_path()


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
    raise typer.Exit(code or 0)


@contextmanager
def _open_read(opts: ReadOptions):
    """The store, open to read; one warning first if its results do not cover what it holds."""
    from clashrecon import queries, render
    from clashrecon.store import Store

    with Store.open(_db(opts.db), create=False) as store:
        stale = queries.staleness(store)
        if stale is not None:
            render.warn(stale)
        yield store




@dataclass(frozen=True)
class IngestCommand:
    db: Path | None
    json: bool
    quiet: bool
    paths: tuple[Path, ...]
    model: str | None
    glob: str | None
    force: bool
    jobs: int
    reference_date: date | None


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
    )
    with Store.open(_db(cmd.db), create=True) as store:
        progress = render.ingest_progress(enabled=not cmd.quiet and not cmd.json)
        report = ingest(store, options, progress)
    render.ingest_report(report, as_json=cmd.json, quiet=cmd.quiet)
    return report.exit_code


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders (walked recursively)")],
    db: DbOpt = None,
    json: JsonOpt = False,
    model: Annotated[
        Optional[str], typer.Option("--model", help="spaCy pipeline name or path [env CLASHRECON_MODEL]")
    ] = None,
    glob: Annotated[Optional[str], typer.Option("--glob", help="Only files whose name matches, e.g. '*.html'")] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-extract every article, changed or not")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=64, help="Processes for NLP")] = 1,
    reference_date: Annotated[
        Optional[str],
        typer.Option("--reference-date", help="YYYY-MM-DD to resolve 'Tuesday' etc. against, overriding inference"),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary")] = False,
) -> None:
    """Read articles, extract their claims and store them; then reconcile the whole store."""
    ref: date | None = None
    if reference_date is not None:
        try:
            ref = date.fromisoformat(reference_date)
        except ValueError:
            from clashrecon import render

            render.error(f"--reference-date {reference_date!r} is not a date; give it as YYYY-MM-DD, e.g. 2022-09-14")
            raise typer.Exit(2) from None
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
    )
    _run(_ingest, cmd)




@dataclass(frozen=True)
class ReconcileCommand:
    db: Path | None
    json: bool
    quiet: bool


def _reconcile(cmd: ReconcileCommand) -> int:
    from clashrecon import render
    from clashrecon.pipeline import reconcile_store
    from clashrecon.store import Store

    with Store.open(_db(cmd.db), create=False, write=True) as store:
        report = reconcile_store(store, render.ingest_progress(enabled=not cmd.quiet and not cmd.json))
    render.reconcile_report(report, as_json=cmd.json, quiet=cmd.quiet)
    return 0


@app.command("reconcile")
def reconcile_cmd(
    db: DbOpt = None,
    json: JsonOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary")] = False,
) -> None:
    """Redo the corpus passes and the reconciliation from the stored claims (no NLP), e.g. after an interrupted ingest."""
    _run(_reconcile, ReconcileCommand(db, json, quiet))


@dataclass(frozen=True)
class TimelineCommand:
    read: ReadOptions
    since: date | None
    until: date | None


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
    render.timeline(view, as_json=cmd.read.json)
    return 0


@app.command("timeline")
def timeline_cmd(
    db: DbOpt = None,
    json: JsonOpt = False,
    since: Annotated[Optional[str], typer.Option("--since", help="Only events on or after YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Only events on or before YYYY-MM-DD")] = None,
) -> None:
    """One entry per event in time order, with reconciled figures and their sources, then the final figures."""

    def run() -> int:
        cmd = TimelineCommand(ReadOptions(db, json), _parse_day("--since", since), _parse_day("--until", until))
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


@app.command("figures")
def figures_cmd(
    party: Annotated[
        Optional[str], typer.Option("--party", help="Only this victim side, e.g. Armenia, or 'both' for both-sides counts")
    ] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Only this casualty kind, e.g. killed or wounded")] = None,
    db: DbOpt = None,
    json: JsonOpt = False,
) -> None:
    """The final figure per story, side and kind: best, low-high, conservative, and whose word it is."""
    _run(_figures, FiguresCommand(ReadOptions(db, json), party, kind))


@dataclass(frozen=True)
class ConflictsCommand:
    read: ReadOptions
    field: str
    all: bool


def _conflicts(cmd: ConflictsCommand) -> int:
    from clashrecon import queries, render

    with _open_read(cmd.read) as store:
        conflicts = queries.conflicts(store, field=cmd.field, include_all=cmd.all)
    render.conflicts(conflicts, as_json=cmd.read.json, include_all=cmd.all)
    return 0


@app.command("conflicts")
def conflicts_cmd(
    field: Annotated[FieldChoice, typer.Option("--field", help="Which claims to compare")] = FieldChoice.all,
    all_relations: Annotated[
        bool, typer.Option("--all", help="Also list updates, aggregates and subtotals, and why they are not conflicts")
    ] = False,
    db: DbOpt = None,
    json: JsonOpt = False,
) -> None:
    """Real disagreements between sources: discrepancies and disputed claims."""
    _run(_conflicts, ConflictsCommand(ReadOptions(db, json), field.value, all_relations))


@dataclass(frozen=True)
class ClaimsCommand:
    read: ReadOptions
    field: str | None
    article: str | None


def _claims(cmd: ClaimsCommand) -> int:
    from clashrecon import queries, render

    with _open_read(cmd.read) as store:
        claims = queries.claims(store, field=cmd.field, article=cmd.article)
    render.claims(claims, as_json=cmd.read.json)
    return 0


@app.command("claims")
def claims_cmd(
    field: Annotated[Optional[ClaimField], typer.Option("--field", help="Only this field")] = None,
    article: Annotated[Optional[str], typer.Option("--article", help="Only this article (file name)")] = None,
    db: DbOpt = None,
    json: JsonOpt = False,
) -> None:
    """Every stored claim with its sentence, claimant and time."""
    _run(_claims, ClaimsCommand(ReadOptions(db, json), field.value if field else None, article))


def _sources(opts: ReadOptions) -> int:
    from clashrecon import queries, render

    with _open_read(opts) as store:
        rows = queries.sources(store)
    render.sources(rows, as_json=opts.json)
    return 0


@app.command("sources")
def sources_cmd(db: DbOpt = None, json: JsonOpt = False) -> None:
    """Each article with its outlet, byline, date and independent origin."""
    _run(_sources, ReadOptions(db, json))


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


@app.command("show")
def show_cmd(
    id: Annotated[str, typer.Argument(help="An event, fact, conflict or claim ID")],
    db: DbOpt = None,
    json: JsonOpt = False,
) -> None:
    """Every claim behind an event, fact or conflict, with its quote and article."""
    _run(_show, ShowCommand(ReadOptions(db, json), id))




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


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold file or folder of gold files")] = Path("data/gold"),
    json: JsonOpt = False,
    baseline: Annotated[
        Optional[Path], typer.Option("--baseline", help="Pinned floors [default: baseline.json beside the gold]")
    ] = None,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Pin the current scores as the new floors (raising only)")
    ] = False,
    allow_lower: Annotated[
        bool, typer.Option("--allow-lower", help="With --update-baseline: also lower floors that dropped")
    ] = False,
    model: Annotated[
        Optional[str], typer.Option("--model", help="spaCy pipeline name or path [env CLASHRECON_MODEL]")
    ] = None,
) -> None:
    """Score extraction against hand-made gold annotations; exit 1 if a score falls below the baseline."""
    _run(_eval, EvalCommand(gold, json, baseline, update_baseline, allow_lower, model))


def main() -> None:
    # Typer/click print usage errors themselves with exit code 2, as the contract wants.
    app(prog_name="clashrecon")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
