"""What a new reconciliation changed in the picture a desk last saw: figures that moved, new conflicts."""

from __future__ import annotations

from reconcile_kit import article, casualty, day

from clashrecon.models import ChangeKind
from clashrecon.reconcile import reconcile
from clashrecon.reconcile.changes import picture_changes

TUE, WED = "2022-09-13", "2022-09-14"


def test_a_later_toll_is_one_line_with_its_claimant_and_day():
    ap = article("ap", "AP", TUE)
    first = [casualty(ap, 49, "Armenia", qualifier="at_least", when=day(TUE), claimant="Armenia")]
    later = article("ap2", "AP", WED)
    before = reconcile([ap], first)
    after = reconcile([ap, later], [*first, casualty(later, 105, "Armenia", when=day(WED), claimant="Armenia")])
    [change] = picture_changes(before, after)
    assert change.type is ChangeKind.figure
    assert (change.before, change.after, change.claimant, change.reported) == ("49", "105", "Armenia", WED)
    assert change.line == "Armenia · killed: 49 → 105 (per Armenia, Wed 2022-09-14)"


def test_a_new_side_and_a_new_conflict_are_named():
    ap, rt = article("ap", "AP", TUE), article("rt", "Reuters", TUE)
    first = [casualty(ap, 49, "Armenia", when=day(TUE), claimant="Armenia")]
    before = reconcile([ap], first)
    after = reconcile(
        [ap, rt],
        [
            *first,
            casualty(rt, 50, "Azerbaijan", when=day(TUE), claimant="Azerbaijan"),
            casualty(rt, 80, "Armenia", when=day(TUE), claimant="Azerbaijan"),
        ],
    )
    lines = [c.line for c in picture_changes(before, after)]
    assert "new figure: Azerbaijan · killed 50 (per Azerbaijan, Tue 2022-09-13)" in lines
    assert any(line.startswith("new conflict: discrepancy Armenia · killed: ") for line in lines), lines


def test_the_same_picture_again_changes_nothing():
    ap = article("ap", "AP", TUE)
    rec = reconcile([ap], [casualty(ap, 49, "Armenia", when=day(TUE), claimant="Armenia")])
    assert picture_changes(rec, rec) == ()


def test_a_figure_whose_reports_went_is_no_longer_reported():
    ap, rt = article("ap", "AP", TUE), article("rt", "Reuters", TUE)
    both = [casualty(ap, 49, "Armenia", when=day(TUE), claimant="Armenia"), casualty(rt, 50, "Azerbaijan", when=day(TUE))]
    before = reconcile([ap, rt], both)
    after = reconcile([ap], both[:1])
    assert [c.line for c in picture_changes(before, after)] == ["no longer reported: Azerbaijan · killed (was 50)"]
