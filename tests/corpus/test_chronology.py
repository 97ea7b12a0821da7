"""Reference dates and resolved event times, without dateparser and without spaCy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clashrecon.corpus.passes import corpus_passes
from clashrecon.corpus.chronology import article_references, infer_anchor, resolve_time, resolve_weekday, Reference
from clashrecon.corpus.view import articles_as_derived, claims_as_derived
from clashrecon.extract.times import best_time, time_expressions
from clashrecon.ingest import read_file
from clashrecon.ingest.segments import build_article
from clashrecon.models import Article, Claim, Field, Precision, Published, Segment, SegmentType, TimeBasis, TimeRef

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
WEDNESDAY = date(2022, 9, 14)
TUESDAY = date(2022, 9, 13)


def resolve_corpus(articles: list[Article], claims: list[Claim], reference: date | None = None):
    """Articles and claims as the later stages read them after the corpus passes."""
    derived = corpus_passes(articles, claims, reference)
    return articles_as_derived(articles, derived), claims_as_derived(claims, derived)


def article(name: str, text: str, *, published: str | None = None, caption: str | None = None) -> Article:
    full = text if caption is None else f"{caption}\n{text}"
    art = build_article(full, path=Path(name), name=name, fmt="txt", meta={"published": published} if published else {}, warnings=[])
    segs = [Segment(start=0, end=len(art.text), type=SegmentType.body)]
    if caption is not None:
        segs = [Segment(start=0, end=len(caption), type=SegmentType.caption), Segment(start=len(caption) + 1, end=len(art.text), type=SegmentType.body)]
    return art.model_copy(update={"segments": tuple(segs)})


def when(text: str, reference: date | None, basis: TimeBasis = TimeBasis.inferred) -> TimeRef:
    found = best_time(text)
    return resolve_time(found.ref if found else None, Reference(day=reference, basis=basis))


# --------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    "weekday, reference, expected",
    [
        (2, WEDNESDAY, WEDNESDAY),  # dateparser sends "Wednesday" to the week before
        (1, WEDNESDAY, TUESDAY),
        (0, WEDNESDAY, date(2022, 9, 12)),
        (3, WEDNESDAY, date(2022, 9, 8)),  # a Thursday told on a Wednesday is last week's
        (6, date(2024, 3, 4), date(2024, 3, 3)),
    ],
)
def test_weekdays_resolve_into_the_past_and_the_same_weekday_is_the_reference_day(weekday, reference, expected):
    assert resolve_weekday(weekday, reference) == expected


def test_every_weekday_lands_within_the_week_before_the_reference():
    for offset in range(14):
        reference = date(2023, 1, 1 + offset)
        for weekday in range(7):
            d = resolve_weekday(weekday, reference)
            assert d.weekday() == weekday and 0 <= (reference - d).days <= 6


# --------------------------------------------------------------------------- resolving (dateparser traps)


@pytest.mark.parametrize(
    "text, start, end, precision",
    [
        ("Shelling began early Tuesday.", "2022-09-13T00:00", "2022-09-13T09:00", Precision.part_of_day),  # dateparser: nothing
        ("The talks were held on Wednesday.", "2022-09-14", "2022-09-14", Precision.day),  # dateparser: a week early
        ("Drones struck late Monday.", "2022-09-12T18:00", "2022-09-13T00:00", Precision.part_of_day),
        ("Drones struck overnight.", "2022-09-13T22:00", "2022-09-14T06:00", Precision.part_of_day),
        ("Hostilities erupted minutes after midnight.", "2022-09-14T00:00", "2022-09-14T00:59", Precision.hour),
        ("They agreed a 9 a.m. truce.", "2022-09-14T09:00", "2022-09-14T09:59", Precision.hour),
        ("They signed a pact last year.", "2021-01-01", "2021-12-31", Precision.year),
        ("155 troops died since hostilities reignited this week.", "2022-09-12", "2022-09-14", Precision.day),
        ("105 were killed since fighting erupted early on Tuesday.", "2022-09-13T00:00", "2022-09-14", Precision.part_of_day),
        ("The leaders met Aug. 31 in Brussels.", "2022-08-31", "2022-08-31", Precision.day),
        ("The leaders met Dec. 30 in Vienna.", "2021-12-30", "2021-12-30", Precision.day),
        ("The war was halted in November 2020.", "2020-11-01", "2020-11-30", Precision.month),
        ("The war ended in 1994.", "1994-01-01", "1994-12-31", Precision.year),
        ("The offensive began in September.", "2022-09-01", "2022-09-14", Precision.month),
        ("The offensive began in December.", "2021-12-01", "2021-12-31", Precision.month),
        ("Two soldiers died two days ago.", "2022-09-12", "2022-09-12", Precision.day),
        ("The drone struck at dawn.", "2022-09-14T04:00", "2022-09-14T07:00", Precision.part_of_day),
    ],
)
def test_relative_words_resolve_against_the_reference(text, start, end, precision):
    t = when(text, WEDNESDAY)
    assert (t.start, t.end, t.precision) == (start, end, precision)
    assert t.basis in (TimeBasis.resolved, TimeBasis.explicit, TimeBasis.inferred)


def test_bases_say_where_a_date_came_from():
    assert when("The war ended in 1994.", WEDNESDAY).basis is TimeBasis.explicit
    assert when("Rebels attacked on Tuesday.", WEDNESDAY).basis is TimeBasis.resolved
    assert when("Rebels attacked the town.", WEDNESDAY).basis is TimeBasis.inferred


def test_without_a_reference_nothing_is_invented():
    t = when("Rebels attacked early Tuesday.", None, TimeBasis.unknown)
    assert (t.start, t.end, t.basis) == (None, None, TimeBasis.unknown)
    assert when("The war ended in 1994.", None).start == "1994-01-01"


# --------------------------------------------------------------------------- reference dates from the corpus


def seed_articles() -> list[Article]:
    return [item.article for path in sorted(SEEDS.glob("*.txt")) for item in read_file(path).articles]


def test_seeds_infer_tuesday_13_and_wednesday_14_september_2022():
    refs = article_references(seed_articles())
    by_prefix = {name[:3]: ref for name, ref in refs.items()}
    assert {k: (r.day, r.basis) for k, r in by_prefix.items()} == {
        "000": (TUESDAY, TimeBasis.inferred),
        "001": (TUESDAY, TimeBasis.inferred),
        "002": (TUESDAY, TimeBasis.inferred),
        "003": (TUESDAY, TimeBasis.inferred),
        "004": (WEDNESDAY, TimeBasis.inferred),
    }


def test_an_explicit_date_anchors_the_year_its_weekday_agrees_with():
    arts = [
        article("a.txt", "Clashes erupted on Friday. The truce signed in 2019 collapsed."),
        article("b.txt", "Officials buried those killed on March 3 in the Friday clashes. On Saturday talks began."),
    ]
    exprs = {a.name: [e.ref for e in time_expressions(a.text)] for a in arts}
    assert infer_anchor(exprs) == date(2023, 3, 3)  # the first Friday 3 March not before 2019
    refs = article_references(arts)
    assert refs["a.txt"].day == date(2023, 3, 3)
    assert refs["b.txt"].day == date(2023, 3, 4)


def test_dates_in_captions_never_anchor():
    caption = "Soldiers in a trench near the border on June 18, 2021."
    arts = [article("a.txt", "Fighting erupted on Tuesday, officials said.", caption=caption)]
    assert article_references(arts)["a.txt"].day is None


def test_without_any_anchor_weekdays_become_relative_days():
    arts = [
        article("a.txt", "Fighting erupted late Sunday, officials said."),
        article("b.txt", "The fighting that began on Sunday continued on Monday."),
    ]
    refs = article_references(arts)
    assert (refs["a.txt"].day, refs["a.txt"].day_index) == (None, 1)
    assert (refs["b.txt"].day, refs["b.txt"].day_index) == (None, 2)
    t = resolve_time(best_time("The ceasefire held on Monday.").ref, refs["b.txt"])
    assert (t.start, t.relative_day_index, t.precision) == (None, 2, Precision.relative)


def test_metadata_and_the_given_reference_date_override_inference():
    arts = [
        article("a.txt", "Rebels attacked early Tuesday, officials said.", published="2024-05-01"),
        article("b.txt", "Rebels attacked early Tuesday, officials said."),
    ]
    refs = article_references(arts, reference_date=date(2024, 5, 2))
    assert (refs["a.txt"].day, refs["a.txt"].basis) == (date(2024, 5, 1), TimeBasis.explicit)
    assert (refs["b.txt"].day, refs["b.txt"].basis) == (date(2024, 5, 2), TimeBasis.resolved)


def _claim(art: Article, sentence: str, field: Field = Field.actors, event_time: TimeRef | None = None) -> Claim:
    start = art.text.index(sentence)
    return Claim(
        id=f"c{start}", article=art.name, article_id=art.id, field=field, kind="attack", quote=sentence,
        start=start, end=start + len(sentence), event_time=event_time,
    )


def test_resolve_corpus_dates_articles_and_every_claim():
    arts = seed_articles()
    lead = next(a for a in arts if a.name.startswith("004"))
    sentence = "Armenian Prime Minister Nikol Pashinyan said 105 of his country’s troops have been killed since fighting erupted early on Tuesday, while Azerbaijan said it lost 50 troops."
    timed = _claim(lead, sentence, Field.times, best_time(sentence).ref)
    untimed = _claim(lead, "Azerbaijani authorities said they were ready to unilaterally hand over the bodies of up to 100 Armenian soldiers.")
    given = TimeRef(start="2020-09-27", end="2020-11-10", precision=Precision.day, basis=TimeBasis.explicit, text="2020 war")
    background = _claim(lead, "During a six-week war in 2020, Azerbaijan reclaimed broad swaths of Nagorno-Karabakh and adjacent territories held by Armenian forces.", event_time=given)
    dated, claims = resolve_corpus(arts, [timed, untimed, background])
    assert next(a for a in dated if a.name == lead.name).published == Published(date="2022-09-14", basis=TimeBasis.inferred)
    t, u, b = (c.event_time for c in claims)
    assert (t.start, t.end, t.precision, t.basis) == ("2022-09-13T00:00", "2022-09-14", Precision.part_of_day, TimeBasis.resolved)
    assert claims[0].value == "2022-09-13T00:00/2022-09-14"
    assert (u.start, u.end, u.precision, u.basis) == ("2022-09-14", "2022-09-14", Precision.day, TimeBasis.inferred)
    assert b == given  # a time set by an extractor is never overridden


def test_a_new_reference_date_resolves_the_extracted_claim_anew():
    arts = [article("a.txt", "Rebels attacked early Tuesday, officials said.")]
    claim = _claim(arts[0], "Rebels attacked early Tuesday, officials said.", event_time=best_time("early Tuesday").ref)
    _, first = resolve_corpus(arts, [claim], date(2024, 5, 1))
    _, second = resolve_corpus(arts, [claim], date(2024, 5, 8))
    assert claim.event_time.start is None  # the extracted claim itself is never changed
    assert first[0].event_time.start.startswith("2024-04-30")
    assert second[0].event_time.start.startswith("2024-05-07")


def test_an_old_date_recalled_in_a_later_story_does_not_anchor_it():
    arts = [article("a.txt", "Missiles hit Kharkiv on Monday, officials said. Russia invaded on Feb. 24, 2022.")]
    assert article_references(arts)["a.txt"].day is None


def test_a_full_date_with_its_weekday_anchors_and_plans_do_not_move_the_reference():
    arts = [
        article("a.txt", "Fighting killed 24 people on Monday, March 11, 2024, officials said. Talks will resume on Friday."),
        article("b.txt", "The toll rose on Tuesday, officials said."),
    ]
    refs = article_references(arts)
    assert (refs["a.txt"].day, refs["b.txt"].day) == (date(2024, 3, 11), date(2024, 3, 12))


def test_an_abbreviated_month_is_not_a_sentence_end():
    arts = [article("a.txt", "Leaders met Sept. 13 after clashes that day. Troops withdrew on Tuesday. The truce of 2019 failed.")]
    exprs = {"a.txt": [e.ref for e in time_expressions(arts[0].text)]}
    assert infer_anchor(exprs) == date(2022, 9, 13)
    assert article_references(arts)["a.txt"].day == date(2022, 9, 13)


@pytest.mark.parametrize(
    "lede, expected, basis",
    [
        ("KYIV, Ukraine, March 11, 2024 (Reuters) - Russian missiles struck the city overnight.", date(2024, 3, 11), TimeBasis.explicit),
        ("GAZA, Oct 9 (Reuters) - Israeli jets struck the strip on Monday, officials said in 2023 reports.", date(2023, 10, 9), TimeBasis.inferred),
    ],
)
def test_a_dateline_date_is_the_day_of_telling(lede, expected, basis):
    arts = [article("a.txt", lede)]
    ref = article_references(arts)["a.txt"]
    assert (ref.day, ref.basis) == (expected, basis)
    dated, _ = resolve_corpus(arts, [])
    assert dated[0].published == Published(date=expected.isoformat(), basis=basis)


def test_a_date_inside_the_lede_is_not_a_dateline():
    arts = [article("a.txt", "Fighting that began on March 3 killed 12 people, officials said on Friday. The 2019 truce failed.")]
    from clashrecon.corpus.chronology import dateline_date

    assert dateline_date(arts[0]) is None


def test_a_sibling_articles_publication_date_anchors_the_others():
    arts = [
        article("a.txt", "Rebels attacked early Tuesday, officials said.", published="2024-05-07"),
        article("b.txt", "The toll rose on Wednesday, officials said."),
    ]
    refs = article_references(arts)
    assert (refs["b.txt"].day, refs["b.txt"].basis) == (date(2024, 5, 8), TimeBasis.inferred)


@pytest.mark.parametrize(
    "text, start",
    [
        ("Russian drones attacked Odesa late on Monday night, the governor said.", "2024-03-11T18:00"),
        ("The strike happened at around 3:40 a.m. local time on Wednesday.", "2024-03-13T03:40"),
        ("Fighting resumed on Tuesday afternoon after a brief lull.", "2024-03-12T12:00"),
        ("Israeli jets struck the camp before dawn on Sunday.", "2024-03-10T04:00"),
        ("The shelling began on March 9 and continued for three days.", "2024-03-09"),
        ("Clashes on the border have killed 40 people since Saturday.", "2024-03-09"),
        ("The army retook the village on Tuesday evening, state media reported.", "2024-03-12T18:00"),
        ("A truce took effect at midnight on Friday.", "2024-03-08T00:00"),
        ("Officials said on Wednesday that talks had stalled.", "2024-03-13"),
    ],
)
def test_wire_phrasing_from_other_conflicts(text, start):
    """Written after the resolver; all resolved right on the first run."""
    assert when(text, date(2024, 3, 13)).start == start


# --------------------------------------------------------------------------- the pass over its own output


TOLD_TUESDAY = "Rebels attacked early Tuesday, officials said. Shelling went on."


def _extracted(art: Article) -> list[Claim]:
    """Claims of `art` as extraction leaves them: in the article told on Tuesday, one dated by the
    weekday, one with no time of its own (it takes the article's day) and one with a time an
    extractor set; in every article, one claim per place after "Places:"."""
    claims = []
    if TOLD_TUESDAY in art.text:
        lead, rest = TOLD_TUESDAY.split(". ", 1)
        given = TimeRef(start="2020-09-27", end="2020-11-10", precision=Precision.day, basis=TimeBasis.explicit, text="2020 war")
        claims = [
            _claim(art, lead + ".", Field.times, best_time(lead).ref),
            _claim(art, rest),
            _claim(art, rest, event_time=given).model_copy(update={"id": "given"}),
        ]
    start = art.text.find("Places:")
    places = [p.strip(" .") for p in art.text[start + len("Places:") :].split(",")] if start >= 0 else []
    return claims + [
        Claim(id=f"{art.name}{i}", article=art.name, article_id=art.id, field=Field.places, kind="place", value=place, quote=art.text[start:], start=start, end=len(art.text))
        for i, place in enumerate(places)
    ]


@pytest.mark.parametrize(
    "earlier",
    [
        [],  # alone, nothing anchors the calendar: the first pass leaves "day N"
        [article("b.txt", "The toll rose, officials said.", published="2024-05-01")],  # anchored a week earlier
    ],
)
def test_a_later_article_moves_what_an_earlier_pass_found(earlier):
    a = article("a.txt", TOLD_TUESDAY + " Places: Khan Younis, Khan Younis, Khan Yunis.")
    c = article("c.txt", "The toll rose on Wednesday, officials said. Places: Khan Yunis, Khan Yunis.", published="2024-05-08")
    # The first ingest sees `a` (and `earlier`); the second adds `c`, which moves a's day to
    # Tuesday 7 May and makes the spelling most sources print the canonical one.
    _, first = resolve_corpus([a, *earlier], _extracted(a))
    at_once = resolve_corpus([a, *earlier, c], _extracted(a) + _extracted(c))
    assert first[0].event_time != at_once[1][0].event_time
    assert {p.value for p in first if p.field is Field.places} == {"Khan Younis"}
    timed, untimed, given = at_once[1][:3]
    assert timed.event_time.start == "2024-05-07T00:00"
    assert untimed.event_time.start == "2024-05-07"
    assert given.event_time.start == "2020-09-27"  # a time an extractor set is kept through every pass
    assert {p.value for p in at_once[1] if p.field is Field.places} == {"Khan Yunis"}


def test_an_undated_articles_own_date_places_it_not_the_storys_last_day():
    """Dated siblings run from 7 to 29 May; an undated piece names the 10 May truce and Monday:
    it was told on Monday 12 May, not in June. The 22 April attack it recalls places nothing."""
    arts = [
        article("a.txt", "Missiles struck before dawn on Wednesday, officials said.", published="2025-05-07"),
        article("b.txt", "The toll was revised on Thursday, officials said.", published="2025-05-29"),
        article(
            "c.txt",
            "The attack of April 22 set off the crisis. The truce agreed on May 10 held on Monday, officials said.",
        ),
        article("d.txt", "The attack of April 22 set off the crisis. Shelling resumed on Sunday, officials said."),
    ]
    refs = article_references(arts)
    assert refs["c.txt"].day == date(2025, 5, 12)
    assert refs["d.txt"].day != date(2025, 4, 27)


def test_an_undated_report_is_placed_where_the_dated_reports_print_its_figures():
    """Dated siblings run from 7 to 29 May. An undated piece saying 26 died in strikes 'early
    Wednesday' is the first night's report (7 May prints 26), not the Wednesday nearest 29 May;
    one whose figures no dated report prints falls back on the latest day."""
    arts = [
        article("a.txt", "Missiles struck early Wednesday, officials said.", published="2025-05-07"),
        article("b.txt", "The toll was revised on Thursday, officials said.", published="2025-05-29"),
        article("c.txt", "India fired missiles early Wednesday, killing at least 26 people, officials said."),
        article("d.txt", "Shelling killed 41 people on Wednesday, officials said."),
    ]
    figures = {"a.txt": {26, 8}, "b.txt": {13}, "c.txt": {26}, "d.txt": {41}}
    refs = article_references(arts, figures=figures)
    assert refs["c.txt"].day == date(2025, 5, 7)
    assert refs["d.txt"].day == date(2025, 5, 28)


def test_an_undated_report_is_placed_after_the_truce_the_dated_reports_date():
    """The dated reports put the truce on Saturday 10 May (one also recalls the 2021 truce). An
    undated piece saying the truce was announced Saturday and families returned Sunday was told on
    Sunday 11 May, not the Saturday nearest the story's last report; one that says the truce held
    'overnight into Sunday' is the truce's first Sunday."""
    sat = TimeRef(weekday=5, text="Saturday")
    sun = TimeRef(weekday=6, text="Sunday", part_of_day="overnight")
    arts = [
        article("a.txt", "Missiles struck early Wednesday, officials said.", published="2025-05-07"),
        article("b.txt", "The truce agreed on May 10 held, officials said on Tuesday.", published="2025-05-13"),
        article("c.txt", "The toll was revised on Thursday, officials said.", published="2025-05-29"),
        article("d.txt", "Despite a ceasefire announced Saturday, few families returned home on Sunday."),
        article("e.txt", "Both sides observed the ceasefire overnight into Sunday."),
    ]
    happenings = {
        "b.txt": [("ceasefire", TimeRef(month=5, day=10, text="May 10")), ("ceasefire", TimeRef(year=2021, month=2, day=25))],
        "d.txt": [("ceasefire", sat)],
        "e.txt": [("ceasefire", sun)],
    }
    refs = article_references(arts, happenings=happenings)
    assert refs["d.txt"].day == date(2025, 5, 11)
    assert refs["e.txt"].day == date(2025, 5, 11)


# --------------------------------------------------------------------------- since-dates, plans and figures


@pytest.mark.parametrize(
    "undated, expected",
    [
        # its only day and month starts a count: nearest the story's reports, not the Sunday after 13 June
        ("Medics said 31 people were hurt early Sunday. Officials say 27 have died since the war began on June 13.", date(2025, 6, 22)),
        ("Rescuers said on Sunday that 31 were wounded, and 27 killed since the start of the conflict on 13 June.", date(2025, 6, 22)),
        # an own date that is no since-date still places it
        ("The truce agreed on June 21 held on Sunday, officials said.", date(2025, 6, 22)),
    ],
)
def test_a_since_date_is_never_the_day_of_telling(undated, expected):
    arts = [
        article("a.txt", "Jets struck before dawn on Friday, officials said.", published="2025-06-13"),
        article("b.txt", "Sirens sounded again on Tuesday, the army said.", published="2025-06-24"),
        article("c.txt", undated),
    ]
    assert article_references(arts)["c.txt"].day == expected


@pytest.mark.parametrize(
    "undated, expected",
    [
        # placed next to the Friday report, the Tuesday would fall on the 10th, before the count began
        ("The ministry said on Tuesday that 402 people had died since the start of the war on June 13.", date(2025, 6, 17)),
        ("Officials said on Tuesday that 58 had been killed since the fighting broke out on 13 June.", date(2025, 6, 17)),
        # no since-date: the Tuesday nearest the report is the one before it
        ("The ministry said on Tuesday that 402 people had died.", date(2025, 6, 10)),
    ],
)
def test_a_weekday_told_after_a_since_date_falls_after_it(undated, expected):
    arts = [
        article("a.txt", "Jets struck before dawn on Friday, officials said.", published="2025-06-13"),
        article("b.txt", undated),
    ]
    assert article_references(arts)["b.txt"].day == expected


def _timed(art: Article, sentence: str, kind: str) -> Claim:
    return _claim(art, sentence, Field.times, best_time(sentence).ref).model_copy(update={"kind": kind})


@pytest.mark.parametrize(
    "sentence, placed_after_it",
    [
        ("The two leaders will hold talks in Penang on Monday.", False),
        ("Talks are scheduled to open on Monday in Penang.", False),
        ("Envoys prepared to hold talks with both sides on Monday.", False),
        ("The two leaders held talks in Penang on Monday.", True),
        ("Both sides agreed on Monday to a truce that will see troops pull back.", True),
    ],
)
def test_a_planned_meeting_places_nothing_after_it(sentence, placed_after_it):
    from clashrecon.corpus.chronology import chronology_digest, telling

    art = article("a.txt", sentence)
    kind = "ceasefire" if "truce" in sentence else "meeting"
    found = telling(chronology_digest(art, [_timed(art, sentence, kind)])).happenings
    assert bool(found) is placed_after_it


def test_an_undated_report_with_a_planned_meeting_is_told_before_it():
    """The dated reports put talks on Monday 28 July. An undated piece announcing those talks and
    naming Sunday's shelling was told on Sunday 27 July, not after the talks."""
    dated = [
        article("a.txt", "Rockets hit a market on Thursday, officials said.", published="2025-07-24"),
        article("b.txt", "The leaders held talks on Monday in Penang, officials said.", published="2025-07-29"),
        article("c.txt", "A truce held on Wednesday, both armies said.", published="2025-07-30"),
    ]
    undated = article("d.txt", "The leaders will hold talks on Monday in Penang. On Sunday, shelling hit two temples, officials said.")
    arts = [*dated, undated]
    claims = [_timed(dated[1], "The leaders held talks on Monday in Penang, officials said.", "meeting"), _timed(undated, "The leaders will hold talks on Monday in Penang.", "meeting")]
    from clashrecon.corpus.chronology import story_references

    refs = story_references(arts, claims)
    assert refs[undated.id].day == date(2025, 7, 27)


@pytest.mark.parametrize(
    "undated, expected",
    [
        # 13 and 71 are Saturday's figures; it also names Sunday, so it was told on Sunday
        ("Shelling went on on Saturday, when Cambodia said 13 had died and 71 were hurt. On Sunday, a temple was hit.", date(2025, 7, 27)),
        ("Shelling resumed on Saturday; Cambodia said 13 had died and 71 were hurt.", date(2025, 7, 26)),
    ],
)
def test_a_report_placed_by_its_figures_is_told_on_the_latest_weekday_it_names(undated, expected):
    arts = [
        article("a.txt", "Rockets hit a market on Thursday, officials said.", published="2025-07-24"),
        article("b.txt", "Fighting went on for a third day on Saturday.", published="2025-07-26"),
        article("c.txt", "A truce held on Wednesday, both armies said.", published="2025-07-30"),
        article("d.txt", undated),
    ]
    figures = {"a.txt": {12}, "b.txt": {13, 71}, "c.txt": {43}, "d.txt": {13, 71}}
    assert article_references(arts, figures=figures)["d.txt"].day == expected


def test_figures_place_a_report_before_a_truce_it_names_by_another_clauses_weekday():
    """The dated reports put the truce on Saturday 26 July. An undated piece printing Saturday's
    figures names Friday only for a meeting that called for the truce: it is Saturday's report,
    not the truce's first Friday a week later."""
    arts = [
        article("a.txt", "Rockets hit a market on Thursday, officials said.", published="2025-07-24"),
        article("b.txt", "A truce was agreed on Saturday.", published="2025-07-26"),
        article("c.txt", "A truce held on Wednesday, both armies said.", published="2025-07-30"),
        article("d.txt", "Envoys urged a ceasefire on Friday. Cambodia said 13 had died and 71 were hurt on Saturday."),
    ]
    figures = {"a.txt": {12}, "b.txt": {13, 71}, "c.txt": {43}, "d.txt": {13, 71}}
    happenings = {"b.txt": [("ceasefire", TimeRef(weekday=5, text="Saturday"))], "d.txt": [("ceasefire", TimeRef(weekday=4, text="Friday"))]}
    assert article_references(arts, figures=figures, happenings=happenings)["d.txt"].day == date(2025, 7, 26)


@pytest.mark.parametrize(
    "undated, expected",
    [
        # the page's last update is the 25th: "on Tuesday" is the 24th, and so is the article
        ("  • Last Update\n    25-Jun-2025\nOfficials said on Tuesday that 58 had been killed.", date(2025, 6, 24)),
        # told after the story's last dated report, it is still never after its update
        ("  • Last Update\n    27-Jun-2025\nOfficials said on Friday that 58 had been killed.", date(2025, 6, 27)),
        ("Last updated: June 20, 2025\nOfficials said on Monday that 58 had been killed.", date(2025, 6, 16)),
        # a page naming no weekday was told on its update day
        ("  • Last Update\n    19-Jun-2025\nOfficials said 58 had been killed.", date(2025, 6, 19)),
    ],
)
def test_a_pages_last_update_is_the_latest_day_it_was_told(undated, expected):
    arts = [
        article("a.txt", "Jets struck before dawn on Friday, officials said.", published="2025-06-13"),
        article("b.txt", "Sirens sounded again on Tuesday, the army said.", published="2025-06-24"),
        article("c.txt", undated),
    ]
    assert article_references(arts)["c.txt"].day == expected


def test_an_article_reporting_a_window_of_days_was_told_after_its_last_day():
    arts = [
        article("a.txt", "Rebels entered the city on Monday, officials said.", published="2025-01-27"),
        article("b.txt", "The toll rose again on Saturday.", published="2025-02-01"),
        article("c.txt", "Hospitals counted 700 dead between 26 and 30 January, the envoy told reporters on Friday."),
    ]
    assert article_references(arts)["c.txt"].day == date(2025, 1, 31)


@pytest.mark.parametrize(
    "undated, expected",
    [
        # the offensive of 19 and 20 September was "last week": said on Wednesday the 27th
        ("The ministry said on Wednesday that 192 soldiers died in last week's offensive of September 19 and 20.", date(2023, 9, 27)),
        ("The ministry said on Wednesday that 192 soldiers died in the offensive a week ago, on September 20.", date(2023, 9, 27)),
        # told of as this week's, the same Wednesday
        ("The ministry said on Wednesday that 192 soldiers died in the offensive of September 19 and 20.", date(2023, 9, 20)),
    ],
)
def test_an_article_telling_of_last_weeks_days_was_told_the_week_after(undated, expected):
    arts = [
        article("a.txt", "Shelling began on Tuesday, officials said.", published="2023-09-19"),
        article("b.txt", "Refugees crossed the border on Thursday.", published="2023-09-28"),
        article("c.txt", undated),
    ]
    assert article_references(arts)["c.txt"].day == expected


def _count(art: Article, sentence: str, figure: int) -> Claim:
    from clashrecon.models import Quantity

    return _claim(art, sentence, Field.casualties).model_copy(update={"kind": "killed", "quantity": Quantity(low=figure, high=figure, stated=figure)})


@pytest.mark.parametrize(
    "sentence, counted",
    [
        ("At least 200 people were killed, the ombudsman said on Wednesday.", True),
        ("Officials said earlier that at least 200 people were killed.", False),
        ("The ministry had previously put the toll at 200.", False),
    ],
)
def test_a_figure_a_report_recalls_does_not_place_other_reports_on_its_day(sentence, counted):
    from clashrecon.corpus.chronology import chronology_digest, telling

    art = article("a.txt", sentence)
    assert (200 in telling(chronology_digest(art, [_count(art, sentence, 200)])).figures) is counted


def test_an_undated_report_sharing_figures_with_two_days_is_placed_on_the_earlier():
    """Wednesday 20 September prints 200 and so does Wednesday 27 September: a later report may
    print an earlier figure again, an earlier one never prints a later figure."""
    arts = [
        article("a.txt", "The ombudsman said on Wednesday that 200 were hurt.", published="2023-09-20"),
        article("b.txt", "Opposition media put the toll above 200 on Wednesday.", published="2023-09-27"),
        article("c.txt", "At least 200 were killed, a separatist official said Wednesday."),
    ]
    figures = {"a.txt": {200}, "b.txt": {200}, "c.txt": {200}}
    assert article_references(arts, figures=figures)["c.txt"].day == date(2023, 9, 20)


@pytest.mark.parametrize(
    "undated, dated",
    [
        # a page calling the story's month past was told a year or more later: no year is invented
        ("At least 223 people were killed during last September's offensive, an official said late on Thursday.", False),
        ("At least 223 people were killed during the offensive in September, an official said late on Thursday.", True),
        # another month called past is the story's own past: the page is placed as before
        ("The talks of last August failed; at least 32 were killed, an official said on Thursday.", True),
    ],
)
def test_a_page_calling_the_storys_month_past_is_not_placed_in_the_story(undated, dated):
    arts = [
        article("a.txt", "Shelling began on Tuesday, officials said.", published="2023-09-19"),
        article("b.txt", "Refugees crossed the border on Thursday.", published="2023-09-28"),
        article("c.txt", undated),
    ]
    assert (article_references(arts)["c.txt"].day is not None) is dated
