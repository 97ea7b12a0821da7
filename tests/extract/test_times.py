"""Time expressions: raw parts of the times a sentence names, and time claims."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_casualties_wire import claims_of

from clashrecon.extract import with_sentence_time
from clashrecon.extract.time_claims import time_claims
from clashrecon.extract.times import best_time, time_expressions
from clashrecon.ingest.segments import build_article, claim_text
from clashrecon.models import Article, Field, Segment, SegmentType


def article_of(text: str) -> Article:
    art = build_article(text, path=Path("t.txt"), name="t.txt", fmt="txt", meta={"outlet": "Wire"}, warnings=[])
    return art.model_copy(update={"segments": (Segment(start=0, end=len(art.text), type=SegmentType.body),)})


@pytest.mark.parametrize(
    "sentence, parts",
    [
        ("Speaking in parliament early on Tuesday, the prime minister said", {"weekday": 1, "part_of_day": "early"}),
        ("Rebels shelled the town late Monday.", {"weekday": 0, "part_of_day": "late"}),
        ("As the fighting raged overnight, the president called his allies.", {"part_of_day": "overnight"}),
        ("As the fighting raged overnight Tuesday, he called Putin.", {"weekday": 1, "part_of_day": "overnight"}),
        ("Hostilities erupted minutes after midnight, with artillery fire.", {"hour": 0, "minute": 0}),
        ("They urged both sides to abide by a 9 a.m. cease-fire.", {"hour": 9, "minute": 0}),
        ("The strike hit the depot at 5:30 p.m. on Friday.", {"hour": 17, "minute": 30, "weekday": 4}),
        ("The towns were shelled in the early hours of Tuesday.", {"weekday": 1, "part_of_day": "early"}),
        ("The ministers spoke on Tuesday morning.", {"weekday": 1, "part_of_day": "morning"}),
        ("The two leaders met Aug. 31 in Brussels.", {"month": 8, "day": 31, "year": None}),
        ("Soldiers died on September 13 while repelling the attack.", {"month": 9, "day": 13}),
        ("The offensive began on 24 February 2022.", {"year": 2022, "month": 2, "day": 24}),
        ("The war was halted in November 2020 by a truce.", {"year": 2020, "month": 11, "day": None}),
        ("The separatist war ended in 1994.", {"year": 1994}),
        ("The two allies signed a defense pact last year.", {"relative_years": -1}),
        ("155 troops have died since hostilities reignited this week.", {"this_week": True}),
        ("105 troops have been killed since fighting erupted early on Tuesday.", {"weekday": 1, "part_of_day": "early", "since": True}),
        ("Militants attacked a checkpoint yesterday, officials said.", {"relative_days": -1}),
        ("Residents said the shelling began shortly before dawn on Thursday.", {"weekday": 3, "part_of_day": "dawn"}),
        ("Two soldiers died two days ago, the army said.", {"relative_days": -2}),
        ("Fighting has raged since mid-March.", {"month": 3, "year": None, "since": True}),
        ("The offensive began in September.", {"month": 9, "day": None}),
        ("The log dates the strike 2023-10-07.", {"year": 2023, "month": 10, "day": 7}),
        ("They met at midday on Monday.", {"weekday": 0, "hour": 12}),
    ],
)
def test_raw_parts_of_the_sentence_time(sentence, parts):
    found = best_time(sentence)
    assert found is not None
    for name, value in parts.items():
        assert getattr(found.ref, name) == value, name


@pytest.mark.parametrize(
    "sentence",
    [
        "Armenia appealed to Russia for assistance under a 1997 mutual-defense treaty.",
        "It was the deadliest fighting since a 2020 war between the two nations.",
        "The war killed more than 6,600 people and 2,000 troops were deployed.",
        "Fighting has raged for decades over the region.",
        "Protesters may march in the capital.",
    ],
)
def test_named_events_counts_and_durations_do_not_date_a_sentence(sentence):
    assert best_time(sentence) is None


@pytest.mark.parametrize(
    "sentence, dated_by",
    [
        # the date names the attack; the count's own time is the night the shelling went on
        ("Shelling that followed the response to the May 3 Ridgeview terrorist attack caused two more deaths since Monday night, "
         "taking the toll to 11, the ministries said Tuesday.", "Monday night"),
        ("Since the rebels' June 9 attack on the garrison, 40 soldiers have died.", "June 9"),  # a since-date all the same
        ("The May 3 attack killed 26 people.", "May 3"),  # the attack's own count: nothing else dates it
        ("Gunmen killed 26 people on May 3 in the valley.", "May 3"),
    ],
)
def test_a_date_naming_an_attack_dates_the_sentence_only_when_nothing_else_does(sentence, dated_by):
    assert best_time(sentence).ref.text == dated_by


def test_a_clock_time_borrows_the_day_named_in_the_sentence():
    found = best_time("On Wednesday the shelling resumed at 6 a.m. near the river.")
    assert (found.ref.weekday, found.ref.hour) == (2, 6)


def test_every_expression_is_listed_in_text_order():
    texts = [e.ref.text for e in time_expressions("Clashes began late Monday and early Tuesday after talks in 2021.")]
    assert texts == ["late Monday", "early Tuesday", "2021"]


@pytest.mark.parametrize(
    "text, kind, when",
    [
        ("Hostilities erupted minutes after midnight, the ministry said.", "fighting_start", "minutes after midnight"),
        ("Fighting broke out early on Sunday in the capital, witnesses said.", "fighting_start", "early on Sunday"),
        ("A ceasefire took effect at 9 a.m., the army said.", "ceasefire", "9 a.m."),
        ("The two foreign ministers held a meeting on Friday in Doha.", "meeting", "on Friday"),
    ],
)
def test_time_claims_say_what_happened_when(nlp, text, kind, when):
    art = article_of(text)
    claims = list(time_claims(nlp(claim_text(art)), art))
    assert [(c.field, c.kind, c.value, c.event_time.text) for c in claims] == [(Field.times, kind, when, when)]
    assert art.text[claims[0].span_start : claims[0].span_end] == when


def test_no_time_claim_for_a_background_year(nlp):
    art = article_of("Fighting erupted in 2020 and lasted six weeks.")
    assert list(time_claims(nlp(claim_text(art)), art)) == []


@pytest.mark.parametrize(
    ("quote", "count", "dated"),
    [
        # a lede's dateline is the day of telling; the count is dated by the day named nearest it
        ("JAMMU, May 29 — The minister will visit on Friday, as officials put the civilians killed "
         "between May 7 and May 10 at 28.", "28", (5, 10)),
        # with no other day in the sentence, the dateline dates it, as before
        ("KABUL, Oct. 16 — The toll from the border fighting rose to 40, officials said.", "40", (10, 16)),
        # a sentence that is no dateline keeps its first, most specific day
        ("On May 29 the ministry said 28 people were killed on May 10.", "28", (5, 29)),
    ],
)
def test_a_count_in_a_lede_is_dated_past_its_dateline(quote, count, dated):
    from clashrecon.extract import with_sentence_time
    from clashrecon.models import Claim

    at = quote.index(count)
    claim = Claim(id="c", article="a.txt", article_id="a", field=Field.casualties, kind="killed", quote=quote,
                  start=0, end=len(quote), span_start=at, span_end=at + len(count))
    t = with_sentence_time(claim).event_time
    assert (t.month, t.day) == dated


@pytest.mark.parametrize(
    "sentence, since",
    [
        ("Relations have soured since 3 March, when militants shot dead 19 pilgrims in the valley.", False),  # the day it names
        ("At least 40 people have died since Tuesday.", True),  # a running count since then
    ],
)
def test_a_count_in_the_when_clause_of_a_since_date_happened_on_that_date(nlp, sentence, since):
    (claim,) = claims_of(nlp, sentence)
    assert with_sentence_time(claim).event_time.since is since


@pytest.mark.parametrize(
    "sentence, since_text",
    [
        ("The ministry said 402 people had died since the start of the war with its neighbour on June 13.", "June 13"),
        ("It was the worst day since the outbreak of the air war on 13 June, the minister said.", "13 June"),
        ("Medics counted 58 dead since the beginning of the offensive on Sunday.", "on Sunday"),
        # an unrelated "since" far back in a long clause still marks nothing
        ("Aid has been cut since the donors met and talked about the matter at great length on Monday.", None),
    ],
)
def test_a_since_phrase_naming_the_start_of_the_war_may_be_long(sentence, since_text):
    marked = [e.ref.text for e in time_expressions(sentence) if e.ref.since]
    assert marked == ([since_text] if since_text else [])


def _count_time(quote: str, count: str):
    from clashrecon.extract import with_sentence_time
    from clashrecon.models import Claim

    at = quote.index(count)
    claim = Claim(id="c", article="a.txt", article_id="a", field=Field.casualties, kind="killed", quote=quote,
                  start=0, end=len(quote), span_start=at, span_end=at + len(count))
    return with_sentence_time(claim).event_time


@pytest.mark.parametrize(
    ("quote", "count", "dated"),
    [
        # the years are the earlier round's, which the toll is compared with
        ("Medics say 41 villagers have died, pushing the toll higher than in the border war between 1998 and 2000.", "41", None),
        ("Medics say 41 villagers have died on Friday, a toll higher than in the last round of fighting in 2011.", "41", "on Friday"),
        # the count after "than" is the comparison's own, dated by its year
        ("The toll is now higher than the 38 killed in the clashes of 2011.", "38", "2011"),
        # "more than 400" is a qualifier: the day after it still dates the count
        ("More than 400 people were killed, the ministry said on Monday.", "400", "on Monday"),
    ],
)
def test_a_count_is_not_dated_by_what_it_is_compared_with(quote, count, dated):
    t = _count_time(quote, count)
    assert (t.text if t else None) == dated


@pytest.mark.parametrize(
    ("quote", "count", "dated"),
    [
        # the plan's weekday is not the count's: the sentence's own calendar date is
        ("The minister will tour the valley beginning Friday and meet the families of the 28 killed between May 7 and 10, officials said.", "28", (5, 10)),
        # with no calendar date, the count takes the article's day
        ("The governor will visit on Sunday the families of the 12 villagers killed in the shelling.", "12", None),
        # a weekday in another clause than the plan still dates the count
        ("The bodies will be returned once a truce holds, he said, adding that 14 soldiers were killed on Sunday.", "14", (None, None)),
    ],
)
def test_a_plans_weekday_never_dates_a_count(quote, count, dated):
    t = _count_time(quote, count)
    if dated is None:
        assert t is None
    elif dated == (None, None):
        assert t.weekday == 6
    else:
        assert (t.month, t.day) == dated


@pytest.mark.parametrize(
    ("quote", "count", "since"),
    [
        ("More than 70 people were killed in violence that erupted after blasts in the capital on Oct. 9.", "70", True),
        ("At least 15 soldiers are missing after the fighting which broke out on 19 September.", "15", True),
        ("At least 15 soldiers were killed on 19 September, the army said.", "15", False),
    ],
)
def test_a_count_of_fighting_that_began_on_a_day_runs_from_it(quote, count, since):
    assert _count_time(quote, count).since is since


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Between January 26 and 30, 2,880 people were hurt.", (1, 26), (1, 30)),
        ("from 26 to 30 January 2025, hospitals counted 2,880 wounded", (1, 26), (1, 30)),
        ("192 troops were killed during the offensive on September 19-20.", (9, 19), (9, 20)),
        ("the civilians killed between May 7 and May 10", (5, 7), (5, 10)),
        # without "between" or "from", "and" joins a date to another number, not to a day
        ("Shelling on May 7 and 10 more deaths followed.", (5, 7), None),
    ],
)
def test_a_window_of_days_keeps_its_first_and_last_day(text, first, last):
    found = best_time(text)
    assert ((found.ref.month, found.ref.day), (found.last.month, found.last.day) if found.last else None) == (first, last)


@pytest.mark.parametrize(
    ("quote", "count", "dated"),
    [
        ("Between January 26 and 30, 2,880 people were hurt.", "2,880", (1, 30)),
        ("192 troops were killed during the offensive on September 19-20.", "192", (9, 20)),
    ],
)
def test_a_count_over_a_window_of_days_stands_on_its_last_day(quote, count, dated):
    t = _count_time(quote, count)
    assert (t.month, t.day) == dated


@pytest.mark.parametrize(
    ("quote", "count", "dated"),
    [
        # each day's count takes the day named right after it
        ("The minister said 19 people were killed on Thursday and 7 on Wednesday, in two separate blasts.", "7", "on Wednesday"),
        ("The minister said 19 people were killed on Thursday and 7 on Wednesday, in two separate blasts.", "19", "on Thursday"),
        # a number between them: the day is the other count's, not this one's
        ("Shelling killed 5 soldiers and wounded 3 villagers on Monday, the army said.", "5", "on Monday"),
        ("The army said on Monday that 40 soldiers had died and 12 were missing on March 3.", "40", "on Monday"),
        # a calendar date right after the count is its own too, over the sentence's first weekday
        ("The fighting began after the army struck camps across the border on Wednesday, saying it was avenging "
         "the killing of 31 people at Ridgeview in the valley on March 3.", "31", "March 3"),
    ],
)
def test_a_day_named_right_after_a_count_is_its_own(quote, count, dated):
    t = _count_time(quote, count)
    assert (t.text if t else None) == dated
