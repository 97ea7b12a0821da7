"""Lines typed by class: chrome, captions, credits, bylines, contributors, headline and repeats.

Most lines here are invented, from other conflicts and other sites, to show that the rules
are about classes of lines and not the seed strings; the seed cases come last.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clashrecon.ingest import read_file
from clashrecon.ingest.boilerplate import classify, wire_agency
from clashrecon.ingest.segments import claim_text
from clashrecon.models import SegmentType as S

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BODY = "Rebel fighters attacked an army post near the town overnight, killing six soldiers, the army said."


def typed(text: str, title: str | None = None) -> dict[str, S]:
    return {text[s.start : s.end]: s.type for s in classify(text, title=title)}


def type_of(line: str) -> S | None:
    """The type of `line` placed between a headline and two body paragraphs."""
    text = f"Six soldiers killed in attack on army post\n\n{BODY}\n\n{line}\n\n{BODY.replace('six', 'seven')}"
    return typed(text).get(line)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Share on WhatsApp", S.chrome),
        ("Tweet this story", S.chrome),
        ("Sign up for our morning newsletter", S.chrome),
        ("Your browser is out of date. Please update it to read this site.", S.chrome),
        ("This video player is not supported on your device", S.chrome),
        ("Get the app for breaking news alerts", S.chrome),
        ("Related coverage", S.chrome),
        ("5 min read", S.chrome),
        ("12 minutes read", S.chrome),
        ("© 2024 Valley Gazette Media Group", S.chrome),
        ("Copyright 2024 Thomson Reuters. All rights reserved.", S.chrome),
        ("A man inspects a destroyed house in the village. (Mohammed Salem/Reuters via AP)", S.caption),
        ("Smoke rises over the city after an air strike. Ahmad Gharabli / AFP via Getty Images", S.caption),
        ("Soldiers patrol the border, © EPA/Stringer", S.caption),
        ("Photo: Reuters", S.caption),
        ("A rescuer searches the rubble in Kahramanmaras, Turkey. (AP Photo/Hussein Malla)", S.caption),
        ("Reporting by Idrees Ali; Editing by Sandra Maler", S.contributor),
        ("Associated Press writers Jon Gambrell in Dubai and Samy Magdy in Cairo contributed to this report.", S.contributor),
        ("Additional reporting by Tom Balmforth in London", S.contributor),
        ("Source: AFP", S.credit),
        ("Agence France-Presse", S.credit),
        ("By Samy Magdy, Associated Press", S.byline),
        ("By Idrees Ali and Phil Stewart | Reuters", S.byline),
        ("Jon Gambrell, AP", S.byline),
        ("By Nidal al-Mughrabi and Maayan Lubell", S.byline),
        ("Image source, Getty Images", S.caption),
        ("Palestinians inspect the damage after an air strike [Mohammed Salem/Reuters]", S.caption),
        ("FILE - Soldiers fire a howitzer near the front line. (AP Photo/Efrem Lukatsky, File)", S.caption),
        ("Image caption, Smoke rises over Gaza City after an Israeli strike", S.caption),
        ("Published On 10 Oct 2023", S.chrome),
        ("Updated: September 13, 2022 10:04 AM", S.chrome),
        ("Save", S.chrome),
        ("Our Standards: The Thomson Reuters Trust Principles.", S.chrome),
        # a link to another story, whatever its headline says and however long it is
        ("ALSO READ: Three killed, 20 hurt as shells hit border market", S.chrome),
        ("Read also: Militia fighters overrun two army posts in the north after a week of clashes along the river", S.chrome),
        ("RELATED: Why the rebels want the airport", S.chrome),
        ("Related – Dozens feared dead in mine attack", S.chrome),
        ("Recommended", S.chrome),
    ],
)
def test_classes_of_non_body_lines(line, expected):
    assert type_of(line) is expected


@pytest.mark.parametrize(
    "line",
    [
        "Armenia and Azerbaijan share a long and heavily militarised border.",
        "By Tuesday evening the death toll had risen to 12, officials said.",
        "The army said it would subscribe to the ceasefire terms.",
        "Reuters could not independently verify the report.",
        "The photo showed soldiers standing next to a burned-out tank.",
        "Two people were killed, the AP reported.",
        "Police said the attack was carried out via a drone launched from across the river.",
        "The ministry said in a statement that the border was calm (via Telegram).",
        "Save the Children said 12 children were killed in the strikes.",
        "Posted by the ministry on Telegram, the video showed 12 dead.",
        "Updated figures from the ministry put the toll at 31.",
        "Leaders of the alliance (CSTO/ODKB) will meet in Moscow next week to discuss the fighting.",
        "Related talks are due to resume in Geneva next week, the mediators said.",
        "Also reading the statement, the minister said 12 soldiers had died.",
    ],
)
def test_body_sentences_with_similar_words_stay_body(line):
    assert type_of(line) is None


def test_a_caption_without_credit_just_above_its_credited_twin_is_a_caption():
    text = (
        "Floods and fighting displace thousands\n\n"
        f"{BODY}\n"
        "Displaced families shelter in a school in Gaza City on May 3, 2024.\n"
        "Displaced families shelter in a school in Gaza City. Omar Al-Qattaa / AFP via Getty Images\n\n"
        "Aid groups said the school held more than 2,000 people and had no running water."
    )
    types = typed(text)
    assert types["Displaced families shelter in a school in Gaza City on May 3, 2024."] is S.caption
    assert BODY not in types


def test_a_short_line_above_a_bare_photo_credit_is_a_caption():
    text = f"Ceasefire collapses in the north\n\n{BODY}\n\nA burned tank on the road to the airport\nPhoto: AFP\n\nThe airport has been closed since Monday."
    types = typed(text)
    assert types["A burned tank on the road to the airport"] is S.caption
    assert types["Photo: AFP"] is S.caption


@pytest.mark.parametrize(
    "block",
    [
        "ALSO READ:\n- Five killed, 30 injured as shells land in border town\n- Schools close as shelling goes on",
        "Related\n\nRebels say they shot down an army drone over the hills",
        "More on this story:\n• Army says 14 soldiers killed in ambush\n• Talks stall in the capital",
    ],
)
def test_a_link_label_and_the_headlines_it_lists_are_chrome_and_the_prose_after_them_is_body(block):
    after = "He said the 1,000 troops stationed there had come under fire from the rebels twice."
    text = f"Ceasefire collapses in the north\n\n{BODY}\n{block}\n{after}\n\n{BODY.replace('six', 'seven')}"
    types = typed(text)
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    assert [types.get(line) for line in lines] == [S.chrome] * len(lines)
    assert after not in types and BODY not in types


def test_a_headline_under_a_bare_link_label_ends_the_list_at_a_blank_line():
    subhead = "Residents say the army could have done more"
    text = f"Ceasefire collapses in the north\n\n{BODY}\n\nRELATED\nWhy the rebels want the airport\n\n{subhead}\n\n{BODY.replace('six', 'seven')}"
    types = typed(text)
    assert types["Why the rebels want the airport"] is S.chrome and subhead not in types


def test_headline_is_the_first_line_after_leading_chrome_and_its_repeats_are_marked():
    text = (
        "Skip to main content\n"
        "Militants storm hotel in Mogadishu\n\n"
        "MILITANTS STORM HOTEL IN MOGADISHU Militants Storm Hotel In Mogadishu\n"
        f"{BODY}\n\n"
        "Militants storm hotel in Mogadishu\n"
    )
    assert [(text[s.start : s.end], s.type) for s in classify(text)] == [
        ("Skip to main content", S.chrome),
        ("Militants storm hotel in Mogadishu", S.headline),
        ("MILITANTS STORM HOTEL IN MOGADISHU Militants Storm Hotel In Mogadishu", S.headline_repeat),
        ("Militants storm hotel in Mogadishu", S.headline_repeat),
    ]


@pytest.mark.parametrize("kicker", ["World", "Middle East", "Russia-Ukraine war"])
def test_a_section_label_above_the_headline_is_chrome(kicker):
    text = f"{kicker}\nMilitants storm hotel in Mogadishu\n\n{BODY}\n"
    assert typed(text) == {kicker: S.chrome, "Militants storm hotel in Mogadishu": S.headline}


def test_an_article_opening_on_its_lede_has_no_headline():
    text = f"{BODY}\n{BODY.replace('six', 'nine')}\n"
    assert typed(text) == {}


def test_a_block_printed_twice_is_marked_once_as_repeat():
    first = "Gunmen attacked a convoy on the highway north of the capital on Sunday, killing four guards."
    second = "The interior ministry said security forces had launched a search for the attackers in the hills."
    text = f"{first}\n{second}\n{BODY}\n{first}\n{second}\n"
    segs = classify(text)
    assert [(text[s.start : s.end], s.type) for s in segs] == [(first, S.repeat), (second, S.repeat)]
    assert all(s.start > text.index(BODY) for s in segs)


def test_a_metadata_title_marks_the_matching_first_line_as_headline_even_with_a_full_stop():
    text = f"Twelve killed in raid on village.\n\n{BODY}"
    assert typed(text, title="Twelve killed in raid on village.")["Twelve killed in raid on village."] is S.headline


@pytest.mark.parametrize(
    "words, agency",
    [("The Associated Press", "AP"), ("AP", "AP"), ("Agence France-Presse", "AFP"), ("reuters", "Reuters"), ("ap", None), ("Daily Planet", None)],
)
def test_wire_agencies_are_recognised_by_alias(words, agency):
    assert wire_agency(words) == agency


def test_claim_text_blanks_every_non_claim_segment_keeping_offsets():
    item = read_file(SEEDS / "004_9930d5a469ed8c22.txt").articles[0]
    a = item.article
    blanked = claim_text(a)
    assert len(blanked) == len(a.text)
    for seg in a.segments:
        stretch = blanked[seg.start : seg.end]
        if seg.type in (S.headline, S.body):
            assert stretch == a.text[seg.start : seg.end]
        else:
            assert not stretch.strip()
    assert "Share this article" not in blanked and "Press Association Images" not in blanked


# ----------------------------------------------------------------- the seeds' own classes


@pytest.mark.parametrize(
    "seed, line, expected",
    [
        ("000_41b26c68895a8303.txt", "Vladimir Isachenkov in Moscow contributed to this report.", S.contributor),
        ("000_41b26c68895a8303.txt", "Leave a Comment", S.chrome),
        ("001_39cca2ebeafa4fc9.txt", "IE 11 is not supported. For an optimal experience visit our site on another browser.", S.chrome),
        ("001_39cca2ebeafa4fc9.txt", "Armenia says 49 soldiers killed in clashes with Azerbaijan", S.headline),
        ("001_39cca2ebeafa4fc9.txt", "/ Source: Reuters", S.credit),
        ("002_e9d03dd66f68ed55.txt", "·3 min read", S.chrome),
        ("002_e9d03dd66f68ed55.txt", "Avet Demourian, The Associated Press", S.byline),
        ("004_9930d5a469ed8c22.txt", "Armenia Azerbaijan, © AP/Press Association Images", S.caption),
        ("004_9930d5a469ed8c22.txt", "Armenian Prime minister Nikol Pashinyan (Tigran Mehrabyan/PAN Photo via AP)", S.caption),
        ("004_9930d5a469ed8c22.txt", "By Avet Demourian, AP", S.byline),
        ("004_9930d5a469ed8c22.txt", "Want us to email you top stories each lunch time?", S.chrome),
        ("004_9930d5a469ed8c22.txt", "Download our Apps", S.chrome),
        ("004_9930d5a469ed8c22.txt", "© 2023, developed by Square1 and powered by", S.chrome),
    ],
)
def test_seed_lines(seed, line, expected):
    a = read_file(SEEDS / seed).articles[0].article
    assert {a.text[s.start : s.end]: s.type for s in a.segments}[line] is expected


def test_seed_captions_with_a_date_are_captions_and_the_repeated_headline_is_marked():
    a = read_file(SEEDS / "001_39cca2ebeafa4fc9.txt").articles[0].article
    captions = [a.text[s.start : s.end] for s in a.segments if s.type is S.caption]
    assert len(captions) == 2 and "June 18, 2021" in captions[0]
    b = read_file(SEEDS / "004_9930d5a469ed8c22.txt").articles[0].article
    repeats = [b.text[s.start : s.end] for s in b.segments if s.type is S.headline_repeat]
    assert repeats and repeats[0].startswith("Armenia And Azerbaijan Trade Blame")


def test_seed_003_opens_on_its_lede_so_nothing_is_a_headline():
    a = read_file(SEEDS / "003_3737467c3f90d56b.txt").articles[0].article
    assert all(s.type is not S.headline for s in a.segments)
    assert a.title is None


LINE_PIECES = [
    BODY, "Share this article", "By Jane Roe, AP", "Photo: AFP", "© 2024 Daily Ledger", "3 min read", "World",
    "Soldiers walk. (AP Photo/Staff)", "Six soldiers killed in attack", "", "", "Jane Roe in Kyiv contributed to this report.",
]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=14))
def test_segments_are_ordered_disjoint_and_cover_whole_lines(pieces):
    text = "\n".join(pieces)
    segs = classify(text)
    for a, b in zip(segs, segs[1:]):
        assert a.end <= b.start
    for s in segs:
        assert text[s.start : s.end] == text[s.start : s.end].strip() and text[s.start : s.end]
        assert s.start == 0 or text[s.start - 1] == "\n"
        assert s.end == len(text) or text[s.end] == "\n"
