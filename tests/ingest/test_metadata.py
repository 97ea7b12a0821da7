"""Metadata read from the text: byline, wire credit, dateline place, outlet, the date a page prints
as its own; never a caption's or a sentence's date."""

from __future__ import annotations

from pathlib import Path

import pytest

from clashrecon.ingest import read_file
from clashrecon.ingest.boilerplate import classify
from clashrecon.ingest.metadata import byline_parts, dateline, from_text
from clashrecon.ingest.segments import build_article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize(
    "line, names, agency",
    [
        ("By Avet Demourian, AP", "Avet Demourian", "AP"),
        ("Avet Demourian, The Associated Press", "Avet Demourian", "AP"),
        ("By Idrees Ali and Phil Stewart | Reuters", "Idrees Ali and Phil Stewart", "Reuters"),
        ("By Maria Lopez", "Maria Lopez", None),
        ("Jon Gambrell, AP", "Jon Gambrell", "AP"),
        ("By Tuesday evening, the army said", None, None),
        ("By Grace Mbuyi, Kivu Morning Post", "Grace Mbuyi", None),
        ("By Jane Roe, Staff Writer", "Jane Roe", None),
        ("By Jane Roe, John Doe", "Jane Roe, John Doe", None),
    ],
)
def test_bylines(line, names, agency):
    assert byline_parts(line) == (names, agency)


@pytest.mark.parametrize(
    "line, outlet",
    [("By Grace Mbuyi, Kivu Morning Post", "Kivu Morning Post"), ("By Jane Roe, Staff Writer", None), ("By Avet Demourian, AP", None)],
)
def test_a_byline_may_name_the_outlet(line, outlet):
    from clashrecon.ingest.metadata import byline_outlet

    assert byline_outlet(line) == outlet


@pytest.mark.parametrize(
    "lede, place, agency",
    [
        ("YEREVAN, Armenia (AP) — Azerbaijani forces shelled", "YEREVAN, Armenia", "AP"),
        ("KYIV, Ukraine, March 3 (Reuters) - Russian missiles hit", "KYIV, Ukraine", "Reuters"),
        ("GAZA CITY (AFP) - Israeli strikes", "GAZA CITY", "AFP"),
        ("LONDON/KYIV, March 3 (Reuters) - Russian missiles", "LONDON/KYIV", "Reuters"),
        ("UNITED NATIONS (AP) — The Security Council", "UNITED NATIONS", "AP"),
        ("KHARTOUM, Sudan, April 16 (Reuters) - Fighting", "KHARTOUM, Sudan", "Reuters"),
        ("BEIRUT — Strikes on southern Lebanon", "BEIRUT", None),
        # a date with its year is skipped like one without: the place only, never the date
        ("TEHRAN, June 24, 2025 (AFP) - The health ministry said", "TEHRAN", "AFP"),
        ("YEREVAN, Sept. 28, 2020 (AFP) - Shelling went on", "YEREVAN", "AFP"),
        ("KYIV, Ukraine, March 3, 2022 (Reuters) - Russian missiles", "KYIV, Ukraine", "Reuters"),
        ("KABUL, Oct. 12, 2025 — Afghan officials said", "KABUL", None),
        ("DUBAI/JERUSALEM, June 14 (Reuters) - Iran and Israel traded", "DUBAI/JERUSALEM", "Reuters"),
        ("ISLAMABAD/NEW DELHI, May 10, 2025 (Reuters) - India and Pakistan", "ISLAMABAD/NEW DELHI", "Reuters"),
        ("In June 24, 2025 - a date alone is no dateline", None, None),
        # a title-case place is a dateline with a month-day date and a wire's credit, dash or none,
        # after a page template's machine date
        ("Jammu, May 29 (PTI) Ahead of the minister's visit", "Jammu", "PTI"),
        (" date 2025-05-09 Poonch/Rajouri, May 9 (PTI) Shelling went on", "Poonch/Rajouri", "PTI"),
        ("Muzaffarabad, May 8 (Reuters) - Officials said", "Muzaffarabad", "Reuters"),
        ("Monday, May 8 (AP) - a weekday is no place", None, None),
        ("Jammu, May 29 (the minister said) an aside is no credit", None, None),
        ("UN officials said on Monday - in a statement", None, None),
        ("A BIG day - no one", None, None),
    ],
)
def test_datelines(lede, place, agency):
    assert dateline(lede) == (place, agency)


def test_a_dated_lede_gives_the_article_its_place_but_not_its_date():
    a = article("Iran puts its toll at 600\n\nTEHRAN, June 24, 2025 (AFP) - Iran's health ministry said on Tuesday that 600 people had been killed.\n")
    assert (a.dateline, a.credit, a.published.date) == ("TEHRAN", "AFP", None)


def article(text: str, **meta):
    return build_article(text, path=Path("x.txt"), name="x.txt", fmt="txt", meta=meta, warnings=[])


def test_a_credit_line_names_the_wire_and_a_photo_credit_never_does():
    a = article(
        "Clashes on the border kill 12\n\n"
        "Troops at a checkpoint on the border. Name Surname / AFP via Getty Images\n"
        "/ Source: Reuters\n\n"
        "At least 12 soldiers were killed in clashes on the border on Monday, the ministry said."
    )
    assert a.credit == "Reuters"
    b = article(
        "Clashes on the border kill 12\n\n"
        "Troops at a checkpoint on the border. Name Surname / AFP via Getty Images\n\n"
        "At least 12 soldiers were killed in clashes on the border on Monday, the ministry said."
    )
    assert b.credit is None


def test_a_copyright_line_gives_the_outlet_or_the_wire():
    body = "Fighting killed eight people in the north of the country on Friday, medics said.\n\n"
    assert article("Eight killed in the north\n\n" + body + "© 2024 Valley Gazette Media. All rights reserved.").outlet == "Valley Gazette Media"
    wire = article("Eight killed in the north\n\n" + body + "Copyright 2024 The Associated Press. All rights reserved.")
    assert (wire.outlet, wire.credit) == (None, "AP")


def test_file_metadata_wins_over_the_text_and_no_caption_or_sentence_dates_the_article():
    text = (
        "Eight killed in the north\n\n"
        "Soldiers walk near the front line on June 18, 2021.\n"
        "Soldiers walk near the front line. Name Surname / AFP via Getty Images\n\n"
        "By Jane Roe, Reuters\n\n"
        "Fighting killed eight people on Friday, September 2, 2022, medics said."
    )
    assert article(text).published.date is None  # neither the caption's date nor the body's
    given = article(text, title="Given title", byline="Someone Else", credit="Agence France-Presse", published="2022-09-03")
    assert (given.title, given.byline, given.credit, given.published.date) == ("Given title", "Someone Else", "AFP", "2022-09-03")


@pytest.mark.parametrize(
    "seed, credit, byline, place",
    [
        ("000_41b26c68895a8303.txt", "AP", None, "YEREVAN, Armenia"),
        ("001_39cca2ebeafa4fc9.txt", "Reuters", None, None),
        ("002_e9d03dd66f68ed55.txt", "AP", "Avet Demourian", "YEREVAN, Armenia"),
        ("003_3737467c3f90d56b.txt", None, None, None),
        ("004_9930d5a469ed8c22.txt", "AP", "Avet Demourian", None),
    ],
)
def test_seed_metadata(seed, credit, byline, place):
    a = read_file(SEEDS / seed).articles[0].article
    assert (a.credit, a.byline, a.dateline) == (credit, byline, place)
    assert a.published.date is None


def test_from_text_reads_a_title_only_from_a_headline_segment():
    text = "Pashinyan said at least 49 soldiers were killed on Tuesday, his office said in a statement.\nMore text follows here."
    assert from_text(text, classify(text)).title is None


@pytest.mark.parametrize(
    "headline, title, site",
    [
        ("Shelling kills 12 in border town | The Daily Ledger", "Shelling kills 12 in border town", "The Daily Ledger"),
        ("Israel strikes Gaza overnight - BBC News", "Israel strikes Gaza overnight", "BBC News"),
        ("Clashes on the border with Armenia - Azerbaijan", "Clashes on the border with Armenia - Azerbaijan", None),
        ("Ukraine war - live updates", "Ukraine war - live updates", None),
        ("Armenia says 49 soldiers killed", "Armenia says 49 soldiers killed", None),
    ],
)
def test_a_site_name_after_the_headline_is_the_outlet(headline, title, site):
    from clashrecon.ingest.metadata import split_site_name

    assert split_site_name(headline) == (title, site)


def test_the_dateline_may_follow_a_standfirst():
    a = article(
        "Raid kills 11 in northeast Nigeria\n\n"
        "The attack is the deadliest this year in the region\n\n"
        "MAIDUGURI, Nigeria (AP) — Gunmen killed 11 villagers in an overnight raid, police said."
    )
    assert (a.dateline, a.credit) == ("MAIDUGURI, Nigeria", "AP")


# A page's own date near its top: labelled, alone on a line, or a masthead's (never the article's).
RIVER_LEDE = "Shelling killed nine people in the river towns on Monday, officials said.\n"


@pytest.mark.parametrize(
    "top, published",
    [
        ("Published: 3 March 2024, 10:15 AM\n", "2024-03-03"),
        ("Valley Desk Published 3 Mar, 2024 10:15am\n", "2024-03-03"),
        ("published : 3 Mar 2024 at 10:15\n", "2024-03-03"),
        ("Posted on March 3, 2024\n", "2024-03-03"),
        # an update is no publication: the article was told then or before (the chronology's bound)
        ("  • Last Update\n    04-Mar-2024\n", None),
        # a publication label beside an update label; an all-digit date that cannot be swapped
        ("Desk | Updated: 24-03-2024 20:13 | Created: 23-03-2024 09:00\n", "2024-03-23"),
        ("Updated: 05-03-2024 20:13\n", None),  # 5 March or 3 May: not read
        ("Sunday, March 3, 2024\n", "2024-03-03"),
        ("March 3, 2024 - 14:28 GMT\n", "2024-03-03"),
        # the site bar's day (the day the page was saved) is never the article's
        ("Friday 12th of April 2024 Valleynews.com | Otherpaper.net\n", None),
        ("Apr 12, 2024  |  \n", None),
        ("Friday 12th of April 2024 Valleynews.com | Otherpaper.net\n  • Last Update\n    04-Mar-2024\n", None),
        # a date in a sentence or a caption is an event's
        ("Soldiers patrol the river bank on March 2, 2024. Name Surname / AFP via Getty Images\n", None),
        ("The ministry updated on March 2, 2024 its count of the dead from the river shelling, officials said in a long statement.\n", None),
    ],
)
def test_the_date_a_page_prints_near_its_top_is_its_publication_date(top, published):
    a = article("Nine killed in river towns\n" + top + "\n" + RIVER_LEDE)
    assert (a.published.date, a.published.basis.value if published else None) == (published, "explicit" if published else None)


def test_file_metadata_wins_over_the_date_a_page_prints():
    a = article("Nine killed in river towns\nPublished: 3 March 2024\n\n" + RIVER_LEDE, published="2024-03-04")
    assert a.published.date == "2024-03-04"


@pytest.mark.parametrize(
    "line", ["Friday 12th of April 2024 Valleynews.com | Otherpaper.net", "  • Last Update", "Sunday, March 3, 2024", "Apr 12, 2024  |  "]
)
def test_a_pages_date_lines_are_chrome_so_their_weekdays_date_nothing(line):
    from clashrecon.models import SegmentType

    text = "Nine killed in river towns\n" + line + "\n\n" + RIVER_LEDE
    typed = {text[s.start : s.end].strip(): s.type for s in classify(text)}
    assert typed[line.strip()] is SegmentType.chrome


@pytest.mark.parametrize(
    "top, updated",
    [
        ("  • Last Update\n    04-Mar-2024\n", "2024-03-04"),
        ("Desk | Updated: 24-03-2024 20:13 | Created: 23-03-2024 09:00\n", "2024-03-24"),
        ("Last updated on March 4, 2024\n", "2024-03-04"),
        ("Published: 3 March 2024\n", None),
    ],
)
def test_an_update_label_gives_the_day_the_article_was_told_on_or_before(top, updated):
    from clashrecon.ingest.page_dates import update_date

    assert update_date(("Nine killed in river towns\n" + top + "\n" + RIVER_LEDE).split("\n")) == updated
