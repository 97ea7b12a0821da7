"""How facts and claims of one event relate: updated, discrepancy, aggregate, subtotal, disputed.

Each function returns `Relation`s: the kind, the positions being compared and a one-line
explanation an analyst can read without the code. Only discrepancy and disputed are
conflicts; the others are listed (`conflicts --all`) so a reader sees why they are not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from clashrecon.lexicon import load_data
from clashrecon.models import BOTH, Claim, ClaimantRole, EventKind, Field, Position, Relation, SegmentType, VictimGroup
from clashrecon.reconcile.clustering import chain_days, says_fighting_resumed
from clashrecon.reconcile.facts import FactDraft, FactKey, coalition_party, position, weekday_label
from clashrecon.reconcile.moments import Moment, group_display
from clashrecon.reconcile.values import Estimate


DENIED = "denied"  # the value extraction gives a denied attack, warning or blame (extract/events/rebuttals.py)


@dataclass(frozen=True)
class Found:
    """A relation found in one event, before it gets its stable ID."""

    kind: Relation
    field: Field
    subject: str
    positions: tuple[Position, ...]
    explanation: str
    key: str  # what makes it unique within the event


def within_fact(draft: FactDraft, origin: dict[str, str], label: str = "") -> list[Found]:
    """Updates across moments and discrepancies within a moment of one fact."""
    found: list[Found] = []
    if draft.residue:
        return found  # counts of unidentified sides are not one quantity to compare
    subject = draft.key.subject()
    same_day: dict = defaultdict(list)  # a day whose count rose and was also told two ways has two moments
    for m in draft.moments:
        if not m.consistent:
            same_day[m.as_of].append(m)
    for m in draft.moments:
        if m.consistent:
            continue
        positions = tuple(position(group_display(g), g, origin) for g in m.groups)
        origins = {o for p in positions for o in p.origins}
        figures = " vs ".join(p.value for p in positions)
        if len(origins) == 1 and not draft.background and _revises_itself(m.groups):
            relation, tag = Relation.updated, "rev"
            explanation = (
                f"one wire lineage gives {' and '.join(p.value for p in positions)} on "
                f"{weekday_label(m.as_of)}: the outlet revised its own figure, not a conflict"
            )
        else:
            if _headline_against_text(m.groups):
                lineage = "an article's headline and its own text give different figures"
            elif len(origins) > 1:
                lineage = f"from {len(origins)} independent origins"
            elif draft.background:
                lineage = "all from one wire lineage, so the outlet revised its own figure"
            else:
                lineage = "one wire story gives both, from different voices"
            frame = (label or "the same past event") if draft.background else f"reports of {weekday_label(m.as_of)}"
            relation, tag = Relation.discrepancy, "disc"
            explanation = f"same quantity, same time frame ({frame}), figures that cannot all be true: {figures}; {lineage}"
        key = f"{tag}|{subject}|{m.as_of}" + (f"|{positions[0].value}" if len(same_day[m.as_of]) > 1 else "")
        found.append(Found(relation, Field.casualties, subject, positions, explanation, key))
    known = [m for m in draft.moments if m.estimate is not None]
    if len(known) > 1:
        positions = tuple(
            position(f"{m.display()} ({weekday_label(m.as_of)})", m.claims, origin) for m in known
        )
        steps = " → ".join(f"{m.display()} ({weekday_label(m.as_of)})" for m in known)
        if draft.falls and draft.claimed_by is None:  # the enemy's kills, engagement by engagement, are no running count
            found.append(
                Found(
                    Relation.discrepancy,
                    Field.casualties,
                    subject,
                    positions,
                    f"a later report is lower than an earlier floor, which a running count cannot be: {steps}",
                    f"fall|{subject}",
                )
            )
        else:
            found.append(
                Found(
                    Relation.updated,
                    Field.casualties,
                    subject,
                    positions,
                    f"a later report of the running count supersedes the earlier one, not a conflict: {steps}",
                    f"upd|{subject}",
                )
            )
    return found


def _revises_itself(groups: list[list[Claim]]) -> bool:
    """One wire story printing two figures for a day's count tells its own revision when one
    voice gives both, or when all but one of the figures are worded as superseded ("Magen David
    Adom first said 16 … at least 23"). Two voices in one story (hospital sources' 17, civil
    society's 25) still disagree, and so do a headline and its own text ("26 injured" over a
    report of 23): a headline is written from the text, not before it."""
    if _headline_against_text(groups):
        return False
    voices = [{c.claimant for c in g} for g in groups]
    if len(set().union(*voices)) == 1:
        return True
    pattern = _superseded()
    return sum(1 for g in groups if not all(pattern.search(c.quote) for c in g)) == 1


def _headline_against_text(groups: list[list[Claim]]) -> bool:
    """One article's headline gives one figure and its text another."""
    headlines = [{c.article for c in g} for g in groups if all(c.segment is SegmentType.headline for c in g)]
    texts = [{c.article for c in g} for g in groups if all(c.segment is not SegmentType.headline for c in g)]
    return any(h & t for h in headlines for t in texts)


@cache
def _superseded() -> re.Pattern[str]:
    return re.compile("|".join(load_data("reconcile.json")["superseded_figure"]["patterns"]), re.IGNORECASE)


def _num(e: Estimate) -> str:
    return f"{e.best:,}"


def aggregates(drafts: list[FactDraft], origin: dict[str, str]) -> tuple[list[Found], dict[FactKey, list[str]]]:
    """Both-sides totals checked against the sum of the per-side facts of the same moment.

    Also returns, per total, the arithmetic lines its fact's note shows.
    """
    found: list[Found] = []
    notes: dict[FactKey, list[str]] = {}
    by_kind: dict[str, list[FactDraft]] = defaultdict(list)
    coalition = coalition_party()  # its members are counted already
    for d in drafts:
        if d.key.scope == ("all", None) and d.key.party not in (BOTH, None, coalition):
            by_kind[d.key.kind].append(d)
    for total in [d for d in drafts if d.key.is_total]:
        parts = sorted(by_kind.get(total.key.kind, []), key=lambda d: d.key.party or "")
        lines: list[str] = []
        bad: list[str] = []
        positions: list[Position] = []
        for m in total.moments:
            if m.estimate is None:
                continue
            known = _parts_at(parts, m.as_of, m.estimate)
            if not known:
                continue
            line, problem = _sum_check(m, known)
            lines.append(line)
            bad.extend([problem] if problem else [])
            positions.append(position(f"total {m.display()} ({weekday_label(m.as_of)})", m.claims, origin))
            for p, e in known:
                claims = [c for mm in p.moments if mm.estimate is e for c in mm.claims]
                positions.append(position(f"{p.key.party} {e.display()}", claims, origin))
        if not lines:
            continue
        notes[total.key] = lines
        subject = total.key.subject()
        explanation = "both-sides total against the sum of each side's own figure at the same moment: "
        found.append(Found(Relation.aggregate, Field.casualties, subject, tuple(positions), explanation + "; ".join(lines), f"agg|{subject}"))
        if bad:
            explanation = "the total does not add up: " + "; ".join(bad)
            found.append(Found(Relation.discrepancy, Field.casualties, subject, tuple(positions), explanation, f"aggbad|{subject}"))
    return found, notes


def _sum_check(m: Moment, known: list[tuple[FactDraft, Estimate]]) -> tuple[str, str | None]:
    """A total's moment against the sum of the sides' figures: the arithmetic line, and what is wrong if anything."""
    summed = known[0][1]
    for _, e in known[1:]:
        summed = summed.plus(e)
    arithmetic = " + ".join(_num(e) for _, e in known)
    names = " + ".join(p.key.party or "?" for p, _ in known)
    t = m.estimate
    total = _brief(m)
    problem = None
    beside = _parts_beside_the_total(m, known)
    if len(known) < 2:
        if t.interval.high < summed.low and beside:
            mark = "✗"
            problem = f"{total} is less than {names} alone ({arithmetic})"
        else:
            mark = "(other side not reported separately)" if t.interval.high >= summed.low else "(less than a side's figure from other reports: a narrower total)"
        line = f"{total} ⊇ {arithmetic} {names}"
    elif t.interval.contains(summed.best) or (t.high is not None and t.low == t.high == summed.best):
        mark = "✓"
        line = f"{_num(t) if t.low == t.high else total} = {arithmetic}"
    elif t.interval.overlaps(summed.interval):
        mark = "✓ (within the reported floors)"
        line = f"{total} vs {arithmetic} = {summed.best:,}"
    elif t.interval.low > summed.interval.high and not beside:
        # a side's figure lags the total, or counts one strike: only an article that prints the
        # total and the parts together contradicts itself by a total above their sum
        mark = "(more than the sides' latest figures: a side's count lags)"
        line = f"{total} ⊇ {arithmetic} {names}"
    elif not beside:
        # a total below parts gathered from other reports counts less than the whole (one
        # province's wounded, the civilians of one day): only its own article's parts refute it
        mark = "(less than the sides' figures from other reports: a narrower total)"
        line = f"{total} vs {arithmetic} = {summed.best:,}"
    else:
        mark = "✗"
        line = f"{total} ≠ {arithmetic} = {summed.best:,}"
        problem = f"{total} reported as the total, but {names} = {arithmetic} = {summed.best:,}"
    return f"{line} {mark}", problem


def _brief(m: Moment) -> str:
    """A total's moment as a note shows it: whole when short, else the spread of its reports."""
    full = m.display()
    return full if len(full) <= load_data("reconcile.json")["brief"]["max_chars"] else m.short()


def _parts_beside_the_total(m: Moment, known: list[tuple[FactDraft, Estimate]]) -> bool:
    """Every side's figure is printed in an article that prints the total too ("45 killed:
    10 Israelis and 20 Lebanese"), not gathered from other reports of the day."""
    total_articles = {c.article_id for c in m.claims}
    return all(
        any(c.article_id in total_articles for mm in p.moments if mm.estimate is e for c in mm.claims)
        for p, e in known
    )


def _parts_at(parts: list[FactDraft], when, total: Estimate) -> list[tuple[FactDraft, Estimate]]:
    """Each side's figure as known when the total was reported.

    Normally the latest figure reported on or before that day. When reports are undated (or
    several figures share the day) the moment is ambiguous: the combination of each side's
    candidate figures that adds up to the total is taken, if one does.
    """
    latest = [(p, p.estimate_at(when)) for p in parts]
    latest = [(p, e) for p, e in latest if e is not None]
    if not latest or total.interval.contains(sum(e.best for _, e in latest)):
        return latest
    # a side's running count never falls: a day's lower figure (one strike's ~60 beside the
    # 78 of the day before) leaves the side at its highest so far
    highest = [(p, max((m.estimate for m in p.moments if m.estimate is not None and (when is None or m.as_of is None or m.as_of <= when)),
                       key=lambda e: e.best, default=e)) for p, e in latest]
    if total.interval.contains(sum(e.best for _, e in highest)):
        return highest
    options = [
        [m.estimate for m in p.moments if m.estimate is not None and (when is None or m.as_of is None or m.as_of == when)]
        for p, _ in latest
    ]
    combos = 1
    for o in options:
        combos *= max(1, len(o))
    if combos > 64 or not all(options):
        return latest
    from itertools import product

    for pick in product(*options):
        if total.interval.contains(sum(e.best for e in pick)):
            return [(p, e) for (p, _), e in zip(latest, pick)]
    return latest


def subtotals(drafts: list[FactDraft], origin: dict[str, str]) -> tuple[list[Found], dict[FactKey, list[str]]]:
    """Counts for one place or group checked against their party's overall count.

    Also returns, per subtotal, the line its fact's note shows.
    """
    found: list[Found] = []
    notes: dict[FactKey, list[str]] = {}
    overall = {(d.key.party, d.key.kind): d for d in drafts if d.key.scope == ("all", None) and not d.residue}
    for sub in [d for d in drafts if d.key.scope != ("all", None) and d.claimed_by is None]:
        est = sub.estimate
        if est is None:
            continue
        parent = overall.get((sub.key.party, sub.key.kind))
        where = f"in {sub.key.scope[1]}" if sub.key.scope[0] == "place" else f"among {sub.key.scope[1]}"
        positions = [position(f"{sub.display()} {where}", sub.claims, origin)]
        parent_est = parent.estimate_at(sub.moments[-1].as_of) if parent is not None else None
        if parent is None or parent_est is None:
            text = (
                f"{sub.display()} {sub.key.kind} {where} is a partial count; "
                f"no overall figure for {sub.key.party or 'this party'} was reported to check it against"
            )
            notes[sub.key] = ["partial count; no overall figure reported"]
            found.append(Found(Relation.subtotal, Field.casualties, sub.key.subject(), tuple(positions), text, f"sub|{sub.key.id_text()}"))
            continue
        positions.append(position(f"{parent.display()} overall", parent.claims, origin))
        parent_day = next((m.as_of for m in reversed(parent.moments) if m.estimate is parent_est), None)
        if est.low > parent_est.interval.high and parent_day is not None and parent_day < sub.moments[-1].as_of:
            # the overall count is older than the part: it lags, nothing contradicts
            text = f"{sub.display()} {where} exceeds {sub.key.party}'s last overall figure {parent_est.display()}, reported earlier"
            notes[sub.key] = [f"more than the earlier overall {parent_est.display()}"]
            found.append(Found(Relation.subtotal, Field.casualties, sub.key.subject(), tuple(positions), text, f"sub|{sub.key.id_text()}"))
        elif est.low > parent_est.interval.high and _sibling_part(sub, parent, parent_est):
            # "13 civilians and seven soldiers": the soldiers stand for the side's toll only
            # because no overall figure was printed; they are the other part, not the whole
            text = f"{sub.display()} {where} and {parent_est.display()} of another group are two parts of one sentence's count"
            notes[sub.key] = [f"beside {parent_est.display()} of another group in the same sentence"]
            found.append(Found(Relation.subtotal, Field.casualties, sub.key.subject(), tuple(positions), text, f"sub|{sub.key.id_text()}"))
        elif est.low > parent_est.interval.high:
            text = f"{sub.display()} {where} exceeds the overall {parent_est.display()} of the same moment"
            notes[sub.key] = [f"exceeds overall {parent_est.display()} ✗"]
            found.append(Found(Relation.discrepancy, Field.casualties, sub.key.subject(), tuple(positions), text, f"subbad|{sub.key.id_text()}"))
        else:
            text = f"{sub.display()} {where} is part of {sub.key.party}'s overall {parent.display()} ({est.low:,} ≤ {parent_est.best:,} ✓)"
            notes[sub.key] = [f"part of {parent.trail()} ✓"]
            found.append(Found(Relation.subtotal, Field.casualties, sub.key.subject(), tuple(positions), text, f"sub|{sub.key.id_text()}"))
    return found, notes


def _sibling_part(sub: FactDraft, parent: FactDraft, parent_est: Estimate) -> bool:
    """The overall figure of the moment comes only from sentences that also give the part, as a
    count of another group of victims."""
    sentences = {(c.article_id, c.start) for c in sub.claims}
    groups = {c.victim_group for c in sub.claims}
    behind = [c for m in parent.moments if m.estimate is parent_est for c in m.claims]
    return bool(behind) and all((c.article_id, c.start) in sentences and c.victim_group not in groups for c in behind)


@dataclass(frozen=True)
class Proposition:
    """What an event's actor claims assert about one (kind, subject), value by value."""

    kind: EventKind
    label: str  # e.g. 'initiator (blame)', 'who attacked'
    positions: tuple[Position, ...]
    dispute: Found | None  # None when all claimants agree


def disputes(claims: list[Claim], origin: dict[str, str]) -> list[Proposition]:
    """Actor-field propositions whose values differ between claimants who share none of them.

    The kinds of `disputes.kinds`, plus the subjects of `also_subjects` (who asked for the
    truce). A denial of a blame's subject ("Cambodia denied this", valued `denied`) joins that
    blame; blame and truce requests are disputed only when the one named answers back.
    Returns every (kind, subject) proposition, disputed or not, so the caller can show
    undisputed propositions as facts too.
    """
    cfg = load_data("reconcile.json")["disputes"]
    kinds = set(cfg["kinds"])
    also = {(EventKind(k), subject) for k, subjects in cfg["also_subjects"]["subjects"].items() for subject in subjects}
    answer_back = {EventKind(k) for k in cfg["answer_back_kinds"]["kinds"]}
    answered = set(cfg["denials_answer_blame"]["subjects"])
    groups: dict[tuple[EventKind, str], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.field is Field.actors and (c.kind in kinds or (c.kind, c.subject) in also) and c.subject and c.value:
            if c.claimant == c.value:
                continue  # a side saying it struck is an admission, not an accusation to weigh
            kind = c.kind
            if kind is EventKind.attack and c.value == DENIED and c.subject in answered:
                kind = EventKind.blame  # "Cambodia denied this" answers the blame of the same subject
            groups[(kind, c.subject)][c.value].append(c)
    out = []
    for (kind, subject), by_value in sorted(groups.items()):
        ranked = sorted(by_value.items(), key=lambda kv: -len(kv[1]))
        positions = tuple(position(v, cs, origin) for v, cs in ranked)
        label = cfg["labels"].get(kind, kind) if subject == kind else subject if (kind, subject) in also else f"{subject} ({kind})"
        # the voices behind each position; an outlet telling both accusations is neither side's voice
        voices = [{c.claimant for c in cs if c.claimant and c.claimant_role is not ClaimantRole.outlet} for _, cs in ranked]
        claimant_sets = [v for v in voices if v]
        opposed = any(not (a & b) for i, a in enumerate(claimant_sets) for b in claimant_sets[i + 1 :])
        if opposed and kind in answer_back and not _accused_answers_back(positions):
            opposed = False  # third parties naming different culprits (or askers) is not two sides' dispute
        found = None
        if len(positions) > 1 and opposed:
            sides = "; ".join(f"{p.value} according to {', '.join(p.claimants) or 'unattributed reports'}" for p in positions)
            explanation = f"opposing parties assert incompatible things: {sides}"
            found = Found(Relation.disputed, Field.actors, label, positions, explanation, f"disp|{kind}|{subject}")
        out.append(Proposition(kind, label, positions, found))
    return out


def victim_identity(drafts: list[FactDraft], origin: dict[str, str]) -> list[Found]:
    """Who the dead were, disputed: a side's own count of civilians against the other side's
    count of that side's fighters (Pakistan's 26 civilians; India's more than 100 militants)."""
    found = []
    for claim in [d for d in drafts if d.claimed_by is not None]:
        told = [c for c in claim.claims if not _killed_attacking(c.quote)]
        if not told:
            continue  # fighters the enemy says fell in their own assault are not the dead the side calls civilians
        claim = replace(claim, claims=told)
        civilians = [
            c
            for d in drafts
            if d.key.party == claim.key.party and d.key.kind == claim.key.kind and d.claimed_by is None and not d.residue
            for c in d.claims
            if c.claimant == claim.key.party and c.victim_group is VictimGroup.civilians
        ]
        if not civilians:
            continue
        positions = (
            position(f"civilians: {group_display(civilians)}", civilians, origin),
            position(f"fighters: {group_display(claim.claims)}", claim.claims, origin),
        )
        subject = f"victim identity: {claim.key.party}'s {claim.key.kind}"
        found.append(
            Found(
                Relation.disputed,
                Field.actors,
                subject,
                positions,
                f"who the dead were is disputed: civilians according to {claim.key.party}, "
                f"fighters according to {claim.claimed_by}",
                f"victims|{claim.key.party}|{claim.key.kind}|{claim.claimed_by}",
            )
        )
    return found


@cache
def _assault_words() -> re.Pattern[str]:
    words = load_data("reconcile.json")["victim_identity"]["own_assault_words"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)


def _killed_attacking(quote: str) -> bool:
    """The enemy's count is of fighters killed in their own assault: 'bringing the number of
    attackers it says died to more than 40', '15 to 20 of them were killed when the attack was repulsed'."""
    return _assault_words().search(quote) is not None


def _accused_answers_back(positions: tuple[Position, ...]) -> bool:
    """Two sides blaming each other, or the one blamed denying it: some position's culprit is
    among another position's claimants, whose value is that position's claimant or a denial."""
    return any(
        (p.value in q.claimants and (q.value in p.claimants or q.value == DENIED))
        or (q.value in p.claimants and p.value == DENIED)
        for i, p in enumerate(positions)
        for q in positions[i + 1 :]
    )


def time_discrepancies(claims: list[Claim], origin: dict[str, str]) -> list[Found]:
    """One-moment time claims (when the fighting started) dated differently by different origins."""
    kinds = set(load_data("reconcile.json")["times"]["single_valued_kinds"])
    continuing = re.compile(load_data("reconcile.json")["times"]["continuing_day"], re.IGNORECASE)
    groups: dict[tuple[str, str | None], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.field is Field.times and c.kind in kinds and c.event_time is not None and c.event_time.start:
            if says_fighting_resumed(c.quote):
                continue  # "the clashes resumed on Wednesday" dates a new round, not the first day
            if c.event_time.end and c.event_time.end[:10] != c.event_time.start[:10]:
                continue  # "began ... earlier this week" bounds the day, it names none
            if continuing.search(c.quote):
                continue  # "the clashes began for a third day on Saturday": a day of the fighting
            groups[(c.kind, c.subject)][c.event_time.start[:10]].append(c)
    lull = load_data("reconcile.json")["clustering"]["lull_days"]
    found = []
    for (kind, subject), all_days in groups.items():
        # dates further apart than a lull are the starts of different rounds, not two datings
        # of one moment ("began Saturday night" and "erupted overnight" four days later)
        ordinals = {date.fromisoformat(d).toordinal(): d for d in all_days}
        for n, run in enumerate(chain_days(ordinals, lull)):
            by_day = {ordinals[o]: all_days[ordinals[o]] for o in run}
            if len(by_day) < 2:
                continue
            origins = [{origin.get(c.article_id, c.article_id) for c in cs} for cs in by_day.values()]
            if all(o == origins[0] for o in origins):
                continue
            positions = tuple(position(day, cs, origin) for day, cs in sorted(by_day.items()))
            label = subject or kind.replace("_", " ")
            found.append(
                Found(
                    Relation.discrepancy,
                    Field.times,
                    label,
                    positions,
                    f"sources date {label} differently: {' vs '.join(p.value for p in positions)}",
                    f"time|{kind}|{subject}" + (f"|{n}" if n else ""),
                )
            )
    return found
