"""The words both writers print: figures, ranges, counts and dates as a desk reads them.

Plain text, never escaped here: each writer escapes what it prints.
"""

from __future__ import annotations

from clashrecon.lexicon import load_data
from clashrecon.models import BOTH
from clashrecon.reconcile.clustering import parse_iso
from clashrecon.report.records import Brief


def side(party: str | None) -> str:
    """A victim side as shown: 'both sides' for a both-sides count, 'no side named' for none."""
    return "both sides" if party == BOTH else (party or "no side named")


def number(n: int | None) -> str:
    return "–" if n is None else f"{n:,}"


def low_high(low: int | None, high: int | None) -> str:
    """'105', '0–100', '≥49' (only a floor reported), '–' (no figure)."""
    if low is None:
        return "–"
    if high is None:
        return f"≥{low:,}"
    return f"{low:,}" if low == high else f"{low:,}–{high:,}"


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def conflicts_text(n: int) -> str:
    """'1 discrepancy or dispute', '6 discrepancies or disputes', 'no discrepancy or dispute'."""
    if n == 0:
        return "no discrepancy or dispute"
    return "1 discrepancy or dispute" if n == 1 else f"{n:,} discrepancies or disputes"


def carried(articles: int, origins: int) -> str:
    """'5 articles, 3 independent origins'."""
    return f"{plural(articles, 'article')}, {plural(origins, 'independent origin')}"


def listing(names: tuple[str, ...] | list[str], limit: int = 6) -> str:
    """'a, b and c'; past `limit` names, 'a, b, … and 12 more'."""
    names = list(names)
    if not names:
        return ""
    if len(names) > limit:
        return f"{', '.join(names[:limit])} and {len(names) - limit:,} more"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def voices(names: tuple[str, ...] | list[str], limit: int = 4) -> str:
    """Claimants, '; ' between them: a claimant may itself be 'Armenia and Azerbaijan'."""
    names = list(names)
    if len(names) > limit:
        return f"{'; '.join(names[:limit])} and {len(names) - limit:,} more"
    return "; ".join(names)


def counted(articles: int, origins: int) -> str:
    """'5 art., 3 orig.': a table cell's short form of `carried`."""
    return f"{articles:,} art., {origins:,} orig."


def day_words(iso: str | None) -> str:
    """'Tue 13 Sep 2022'; the text as stored when it is no date; 'undated' for none."""
    d = parse_iso(iso)
    if d is None:
        return iso or "undated"
    return f"{d.strftime('%a')} {d.day} {d.strftime('%b')} {d.year}"


def per(claimant: str | None) -> str:
    return f"per {claimant}" if claimant else "unattributed"


def brief_line(brief: Brief) -> str:
    """'5 articles from 3 independent origins · 1 event, 2 earlier ones mentioned · 6 discrepancies or disputes'."""
    earlier = len(brief.background) + len(brief.folded)
    events = plural(len(brief.events), "event") + (f", {earlier:,} earlier {'one' if earlier == 1 else 'ones'} mentioned" if earlier else "")
    conflicts = sum(len(e.cards) for e in (*brief.events, *brief.background))
    return f"{plural(len(brief.sources), 'article')} from {plural(brief.origins, 'independent origin')} · {events} · {conflicts_text(conflicts)}"


FINAL_NOTE = (
    "The figure an analyst would report now, per story, side and kind: the latest word of the most authoritative "
    "claimant (the side's own government, then third parties, then the other side); low–high are the credible "
    "figures reported that day, conservative the smallest of them."
)
EARLIER_NOTE = "Figures the articles give for earlier fighting; not part of the events above."
FOLDED_NOTE = "One line each; `clashrecon show ID` prints one in full."


def sources_line(brief: Brief) -> str:
    return (
        f"{plural(len(brief.sources), 'article')} from {plural(brief.origins, 'independent origin')}: "
        "copies of one wire story count once (their origin)."
    )


def glossary() -> dict[str, str]:
    """Badge words -> what they mean."""
    return load_data("report.json")["glossary"]


def chart_caption(kind: str, undated: int) -> str:
    text = (
        f"Reported {kind} per side, by the day each report was published. A filled dot is a figure stated "
        "exactly, a hollow one a floor or an estimate (“at least 49”, “about 100”); a shaded bar spans "
        "reports of one day that cannot all be true; the line is each day's reconciled figure."
    )
    if undated:
        text += f" {plural(undated, 'undated report')} not drawn."
    return text
