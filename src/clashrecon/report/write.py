"""Writing a brief to disk: one HTML file, or a Markdown file with each chart's SVG beside it.

Every file is written to a temporary name in its folder and then renamed over the target, so a
reader (or a browser reloading it) never sees half a brief, and a failed write leaves nothing.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from clashrecon.errors import UnwritableOutput, UsageError
from clashrecon.report.chart import chart_svg
from clashrecon.report.content import Locate, Stages, build_brief, counts
from clashrecon.report.html_page import page
from clashrecon.report.markdown_page import document
from clashrecon.report.records import Brief, EventBrief
from clashrecon.store import Store


class Format(str, Enum):
    html = "html"
    md = "md"


DEFAULT_OUTPUT = {Format.html: Path("brief.html"), Format.md: Path("brief.md")}


def choose_format(output: Path | None, fmt: str | None) -> tuple[Path, Format]:
    """The output path and format: `fmt` when given, else what the output's suffix names, else HTML."""
    if fmt is not None:
        try:
            chosen = Format(fmt.strip().lower())
        except ValueError:
            close = difflib.get_close_matches(fmt.strip().lower(), [f.value for f in Format], n=1, cutoff=0.5)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise UsageError(f"unknown format {fmt!r}; {hint}choose html or md") from None
    elif output is not None and output.suffix.lower() in (".md", ".markdown"):
        chosen = Format.md
    else:
        chosen = Format.html
    return (output if output is not None else DEFAULT_OUTPUT[chosen]), chosen


@dataclass(frozen=True)
class ReportOptions:
    output: Path | None = None
    format: str | None = None
    event: str | None = None


@dataclass(frozen=True)
class Written:
    """What `report` wrote: the brief and, for Markdown, its charts' SVG files."""

    path: Path
    format: Format
    charts: tuple[Path, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def line(self) -> str:
        """'wrote brief.html: 3 events, 6 discrepancies or disputes, 1 chart, 5 sources'."""
        c = self.counts
        beside = f"; charts beside it: {', '.join(p.name for p in self.charts)}" if self.charts else ""
        return (
            f"wrote {self.path}: {c['events']} event{'s' * (c['events'] != 1)}, {c['conflicts']} "
            f"{'discrepancy or dispute' if c['conflicts'] == 1 else 'discrepancies or disputes'}, "
            f"{c['charts']} chart{'s' * (c['charts'] != 1)}, {c['sources']} source{'s' * (c['sources'] != 1)}{beside}"
        )

    def contract(self) -> dict[str, Any]:
        """`report --json`."""
        return {"output": str(self.path), "format": self.format.value, "chart_files": [str(p) for p in self.charts], **self.counts}


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _write_text(path: Path, text: str) -> None:
    folder = path.parent
    if path.is_dir():
        raise UnwritableOutput(f"cannot write the brief to {path}: it is a folder; give --output a file name, e.g. {path / 'brief.html'}")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UnwritableOutput(
            f"cannot write the brief to {path}: {exc.strerror or exc}; give --output a path in a folder that exists and you may write"
        ) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # as open() would have made it; mkstemp makes 0600
        os.replace(tmp, path)
    except OSError as exc:
        os.unlink(tmp)
        raise UnwritableOutput(f"cannot write the brief to {path}: {exc.strerror or exc}; give --output another path") from None
    except BaseException:
        os.unlink(tmp)
        raise


def chart_path(output: Path, e: EventBrief) -> Path:
    """Where a Markdown brief's chart of an event goes: beside it, 'brief-<event id>.svg'."""
    return output.with_name(f"{output.stem}-{e.id}.svg")


def write_brief(brief: Brief, output: Path, fmt: Format) -> Written:
    charts: list[Path] = []
    if fmt is Format.html:
        _write_text(output, page(brief))
    else:
        events = [e for e in (*brief.events, *brief.background) if e.chart is not None]
        for e in events:
            title = f"Reported {e.chart.kind.value} per side over time"
            path = chart_path(output, e)
            _write_text(path, '<?xml version="1.0" encoding="UTF-8"?>\n' + chart_svg(e.chart, title=title, ident=f"chart-{e.id}") + "\n")
            charts.append(path)
        _write_text(output, document(brief, lambda e: chart_path(output, e).name if e.chart is not None else None))
    return Written(path=output, format=fmt, charts=tuple(charts), counts=counts(brief))


def report(store: Store, options: ReportOptions, progress: Stages | None = None, locate: Locate | None = None) -> Written:
    """`clashrecon report`: the brief of the store (or one event of it), written where asked."""
    output, fmt = choose_format(options.output, options.format)
    brief = build_brief(store, event=options.event, progress=progress, locate=locate)
    return write_brief(brief, output, fmt)
