"""What a brief says, read from the store: the seeds' brief as a desk reads it, and its parts."""

from __future__ import annotations

from datetime import date

import pytest

from clashrecon.errors import NothingToReport, UnknownId
from clashrecon.models import Article, CasualtyKind, Claim, ClaimantRole, Fact, Field, Precision, Published, Quantity, Relation, TimeBasis, TimeRef
from clashrecon.report import build_brief
from clashrecon.report.content import event_points, quoted, when_words
from clashrecon.report.series import chart_of
from clashrecon.store import Store


@pytest.fixture(scope="module")
def seeds_brief(seeds_db):
    with Store.open(seeds_db, create=False) as store:
        return build_brief(store)


def test_the_seeds_brief_has_one_episode_and_two_earlier_wars(seeds_brief):
    [episode] = seeds_brief.events
    assert episode.when == "13–14 Sep 2022 (from early 13 Sep)"
    assert seeds_brief.title == "Armenia and Azerbaijan: 13–14 Sep 2022"
    assert [e.when for e in seeds_brief.background] == ["1994", "2020"]
    assert {"Kalbajar", "Jermuk"} <= set(episode.places) and episode.actors[:2] == ("Armenia", "Azerbaijan")
    assert (episode.articles, episode.origins) == (5, 3)


def test_figures_per_side_carry_their_relations(seeds_brief):
    [episode] = seeds_brief.events
    sides = {s.party: s for s in episode.sides}
    assert list(sides) == ["Armenia", "Azerbaijan", "both sides"]
    armenia = sides["Armenia"].rows[0]
    assert (armenia.kind, armenia.value, armenia.best, armenia.low, armenia.high) == (CasualtyKind.killed, "≥49 → 105", 105, 105, 105)
    assert [b.text for b in armenia.badges] == ["updated"]
    both = sides["both sides"].rows[0]
    assert [b.text for b in both.badges] == ["updated", "aggregate ✓"]
    assert "155 = 105 + 50 ✓" in both.badges[1].explanation
    scoped = [(r.kind.value, r.scope, [b.text for b in r.badges]) for r in sides["Armenia"].rows if r.scope]
    assert scoped == [("killed", "in Gegharkunik", ["subtotal"]), ("wounded", "in Gegharkunik", ["subtotal"])]
    assert sides["Azerbaijan"].rows[0].best == 50 and [b.text for b in sides["Azerbaijan"].rows[0].badges] == ["single source"]


def test_the_disputed_initiator_is_a_finding_and_a_card(seeds_brief):
    [episode] = seeds_brief.events
    initiator = next(f for f in episode.findings if f.subject == "initiator (blame)")
    assert [b.relation for b in initiator.badges] == [Relation.disputed]
    card = next(c for c in episode.cards if c.subject == "initiator (blame)")
    assert card.kind is Relation.disputed
    assert [(p.value, p.claimants) for p in card.positions] == [("Armenia", ("Azerbaijan", "Turkey")), ("Azerbaijan", ("Armenia",))]
    quote = card.positions[1].quotes[0]
    assert quote.marked and quote.before + quote.marked + quote.after in _seed_sentences(card)
    assert {c.kind for c in episode.cards} == {Relation.disputed}
    [war] = [e for e in seeds_brief.background if e.cards]
    [discrepancy] = war.cards
    assert [p.value for p in discrepancy.positions] == [">6,600", ">6,700"]
    assert discrepancy.positions[0].quotes[0].marked == "more than 6,600"


def _seed_sentences(card):
    return {q.before + q.marked + q.after for p in card.positions for q in p.quotes}


def test_the_chart_plots_each_sides_reports_by_day(seeds_brief):
    [episode] = seeds_brief.events
    chart = episode.chart
    assert chart.kind is CasualtyKind.killed and chart.undated == 0
    lines = {s.party: [(st.day.isoformat(), st.best) for st in s.steps] for s in chart.series}
    assert lines == {
        "Armenia": [("2022-09-13", 49), ("2022-09-14", 105)],
        "Azerbaijan": [("2022-09-13", 50), ("2022-09-14", 50)],
        "both sides": [("2022-09-13", 99), ("2022-09-14", 155)],
    }
    armenia = next(s for s in chart.series if s.party == "Armenia")
    floor = next(r for r in armenia.reports if r.shown == "≥49")
    assert not floor.exact and len(floor.reports) >= 3  # every outlet printing the floor, in one dot
    assert all("per Armenia" in who for who in floor.reports)
    assert not any(st.disagree for s in chart.series for st in s.steps)
    assert all(e.chart is None for e in seeds_brief.background)


def test_sources_and_final_figures(seeds_brief):
    assert [s.origin for s in seeds_brief.sources].count("AP") == 3 and seeds_brief.origins == 3
    assert {s.published for s in seeds_brief.sources} == {"2022-09-13", "2022-09-14"}
    assert {(t.subject, t.best) for t in seeds_brief.figures} >= {("Armenia · killed", 105), ("Azerbaijan · killed", 50)}


def test_one_event_brings_only_its_own_sources(seeds_db):
    with Store.open(seeds_db, create=False) as store:
        war = next(e for e in store.load_reconciliation().events if e.when.start == "1994-01-01")
        brief = build_brief(store, event=war.id)
    assert brief.events == () and [e.id for e in brief.background] == [war.id]
    assert len(brief.sources) == war.articles == 1 and brief.figures == ()
    assert brief.title == war.summary


def test_an_unknown_event_names_the_events_there_are(seeds_db):
    with Store.open(seeds_db, create=False) as store, pytest.raises(UnknownId, match="no event has ID 'e000'; events: e"):
        build_brief(store, event="e000")


def test_a_store_without_results_has_nothing_to_report(tmp_path):
    with Store.open(tmp_path / "empty.db", create=True) as store, pytest.raises(NothingToReport, match="clashrecon ingest"):
        build_brief(store)


@pytest.mark.parametrize(
    "start, end, precision, part, words",
    [
        ("2022-09-13", "2022-09-14", Precision.day, None, "13–14 Sep 2022"),
        ("2022-09-13", "2022-09-13", Precision.day, None, "13 Sep 2022"),
        ("2022-09-13", "2022-09-13", Precision.part_of_day, "early", "13 Sep 2022 (early)"),
        ("2022-09-13", "2022-09-14", Precision.part_of_day, "early", "13–14 Sep 2022 (from early 13 Sep)"),
        ("2023-01-30", "2023-02-02", Precision.day, None, "30 Jan – 2 Feb 2023"),
        ("2022-12-30", "2023-01-02", Precision.day, None, "30 Dec 2022 – 2 Jan 2023"),
        ("2020-09-01", "2020-11-30", Precision.month, None, "Sep 2020 – Nov 2020"),
        ("1994-01-01", "1994-12-31", Precision.year, None, "1994"),
        (None, None, Precision.unknown, None, "undated"),
    ],
)
def test_when_in_words(start, end, precision, part, words):
    assert when_words(TimeRef(start=start, end=end, precision=precision, part_of_day=part)) == words


def _report(ident: str, n: int, day: str, claimant: str, qualifier: str = "exact") -> tuple[Claim, Article]:
    article = Article(id=ident, name=f"{ident}.txt", path=ident, text="", outlet=f"Outlet {ident}",
                      published=Published(date=day, basis=TimeBasis.explicit))
    quantity = Quantity.exact(n) if qualifier == "exact" else Quantity.at_least(n)
    claim = Claim(id=f"c{ident}", article=article.name, article_id=ident, field=Field.casualties, kind=CasualtyKind.killed,
                  quote=f"{n} killed.", start=0, end=9, claimant=claimant, claimant_role=ClaimantRole.speaker,
                  quantity=quantity, victim_party="Ruritania")
    return claim, article


def test_a_day_whose_reports_cannot_all_be_true_is_a_range():
    reports = [_report("a", 23, "2023-05-01", "army"), _report("b", 58, "2023-05-01", "Taliban"),
               _report("c", 60, "2023-05-02", "army", "at_least")]
    fact = Fact(id="f", event_id="e", field=Field.casualties, kind=CasualtyKind.killed, value="23 vs 58 → ≥60",
                party="Ruritania", best=60, status=Relation.discrepancy, articles=3, independent_sources=3,
                claim_ids=tuple(c.id for c, _ in reports))
    chart = chart_of([fact], {c.id: c for c, _ in reports}, {a.id: a for _, a in reports})
    [series] = chart.series
    first, second = series.steps
    assert (first.day, first.low, first.high, first.disagree) == (date(2023, 5, 1), 23, 58, True)
    assert (second.best, second.disagree) == (60, False)
    assert [(r.figure, r.exact) for r in series.reports] == [(23, True), (58, True), (60, False)]
    assert series.reports[1].reports == ("58 per Taliban — Outlet b, b.txt",)


def test_no_chart_without_a_dated_figure():
    claim, article = _report("a", 5, "2023-05-01", "army")
    undated = article.model_copy(update={"published": Published()})
    fact = Fact(id="f", event_id="e", field=Field.casualties, kind=CasualtyKind.killed, value="5", party="Ruritania",
                best=5, status=Relation.single_source, articles=1, independent_sources=1, claim_ids=(claim.id,))
    assert chart_of([fact], {claim.id: claim}, {article.id: undated}) is None
    assert chart_of([], {}, {}) is None


@pytest.mark.parametrize("span, marked", [((15, 17), "12"), ((None, None), ""), ((90, 95), "")])
def test_a_quote_is_split_around_its_span(span, marked):
    claim = Claim(id="c", article="a.txt", article_id="a", field=Field.casualties, kind=CasualtyKind.killed,
                  quote="Officials said 12 died.", start=0, end=23, span_start=span[0], span_end=span[1])
    q = quoted(claim, {})
    assert q.marked == marked and q.before + q.marked + q.after == claim.quote


class _Where:
    def __init__(self, latitude: float, longitude: float) -> None:
        self.latitude, self.longitude = latitude, longitude


def test_map_points_are_the_places_a_geocoder_finds(seeds_db):
    with Store.open(seeds_db, create=False) as store:
        episode = next(e for e in store.load_reconciliation().events if not e.background)
    known = {"Jermuk": _Where(39.84, 45.67), "Kalbajar": _Where(40.10, 46.04)}
    points = event_points(episode, known.get)
    assert [(p.label, p.latitude) for p in points] == sorted(
        [(name, known[name].latitude) for name in known], key=lambda p: episode.places.index(p[0])
    )
    assert event_points(episode, None) == ()


def test_the_seeds_map_shows_where_the_fighting_was_from_the_stored_locations(seeds_brief):
    """Geocoded at ingest, read back by the brief: the towns both sides name, never Brussels,
    where the ministers met."""
    [episode] = seeds_brief.events
    points = {p.label: (p.latitude, p.longitude) for p in episode.points}
    assert {"Kalbajar", "Lachin", "Jermuk", "Goris", "Kapan"} <= set(points)
    assert "Brussels" not in points
    assert all(38.5 < lat < 41.5 and 44.5 < lon < 47.5 for lat, lon in points.values())


def test_past_a_few_earlier_events_the_less_reported_are_one_line_each(seeds_db, monkeypatch, tmp_path):
    from clashrecon.report import Format, content, write_brief

    cfg = {**content.settings(), "background_in_full": 1}
    monkeypatch.setattr(content, "settings", lambda: cfg)
    with Store.open(seeds_db, create=False) as store:
        brief = build_brief(store)
    assert [e.when for e in brief.background] == ["2020"]  # 5 articles, against 1994's one
    [folded] = brief.folded
    assert folded.when == "1994"
    page = write_brief(brief, tmp_path / "b.html", Format.html).path.read_text(encoding="utf-8")
    assert "1 more earlier event, less reported" in page and f"<code>{folded.id}</code>" in page
    assert f'id="{folded.id}"' not in page  # no section of its own
    assert "1 event, 2 earlier ones mentioned" in page
