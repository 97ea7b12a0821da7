"""Victims counted by no numeral (one victim named by an article, a possessive or a pronoun, a
part the next sentence gives of the count before), vague counts the parse hides, and casualty
words that count no casualty of the clash: deaths of hunger or in an accident, a zero over years,
a picture's caption, one person of a set.

Every sentence is our own; the expectations list every claim it yields, as in the wire tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_casualties_wire import Expect, claims_of, describe, score

from clashrecon.extract.casualties import casualty_claims
from clashrecon.ingest.segments import build_article, claim_text

K, W, M, B, X = "killed", "wounded", "missing", "bodies", "casualties"

# One victim named by "a", "an", "another", a possessive or a personal pronoun, where the parse
# puts a victim: subject, object, complement, an "including" list, "the life of a ...".
SINGLES: list[tuple[str, list[Expect]]] = [
    ("A sergeant was killed when the patrol hit a mine, the army said.",
     [Expect(K, "exact", 1, 1, group="military", claimant="the army", scope="event")]),
    ("A teacher was wounded by shrapnel in the market.",
     [Expect(W, "exact", 1, 1, group="people", scope="event")]),
    # "another" adds one to a count told before
    ("Another policeman died of his wounds overnight.",
     [Expect(K, "exact", 1, 1, group="people", scope="increment")]),
    ("Another soldier wounded in the clash later died, the army said.",
     [Expect(K, "exact", 1, 1, group="military", scope="increment")]),  # his own verb, not the participle
    ("A soldier who was wounded last week died in hospital on Sunday.",
     [Expect(K, "exact", 1, 1, group="military", scope="event")]),
    ("A nine-year-old boy was among the dead, medics said.",
     [Expect(K, "exact", 1, 1, group="people", claimant="medics", scope="group")]),
    ("The shelling claimed the life of a nurse at the clinic.",
     [Expect(K, "exact", 1, 1, group="people", scope="event")]),
    # a personal pronoun governed by the casualty word of its own clause
    ("He was shot dead after refusing to hand over his phone, witnesses said.",
     [Expect(K, "exact", 1, 1, group="people", claimant="witnesses")]),
    ("She died in hospital two days later.",
     [Expect(K, "exact", 1, 1, group="people")]),
    ("Gunmen killed him outside his home.",
     [Expect(K, "exact", 1, 1, group="people")]),
    ("A victim was asked where he came from. He was killed after saying that he was from the south.",
     [Expect(K, "exact", 1, 1, group="people")]),  # the "he" of "he was from" is no second victim
    ("He said he was wounded in the leg.",
     [Expect(W, "exact", 1, 1, group="people")]),
    ("A soldier died after he was wounded by a sniper.",
     [Expect(K, "exact", 1, 1, group="military")]),  # "he" is the soldier already counted
    # possessives, kin
    ("Several relatives died, including his grandmother.",
     [Expect(K, "vague", 3, 9, group="people", scope="event"), Expect(K, "exact", 1, 1, group="people", scope="group")]),
    ("Her husband has been missing since the raid on the village.",
     [Expect(M, "exact", 1, 1, group="people")]),
    ("A farmer and his son were killed by a landmine.",
     [Expect(K, "exact", 1, 1, group="people"), Expect(K, "exact", 1, 1, group="people")]),
    # each item of an "including" list, the one after "the" too
    ("Clinic staff, including a nurse and the driver, were killed in the strike.",
     [Expect(K, "exact", 1, 1, group="people", scope="group"), Expect(K, "exact", 1, 1, group="people", scope="group")]),
    # a "who" clause the parser hangs on the place after the victim
    ("Relatives were looking for Samir, a pupil at the academy who has been missing since the shelling.",
     [Expect(M, "exact", 1, 1, group="people")]),
    # a rank is one soldier; "them" is the sentence before's dead
    ("Two officers died in the ambush. A major was among them.",
     [Expect(K, "exact", 2, 2, group="military", scope="event"), Expect(K, "exact", 1, 1, group="military", scope="group")]),
    ("The shelling killed at least 26 civilians, five children among them, and wounded 46 others.",
     [Expect(K, "at_least", 26, None, group="civilians", scope="event"), Expect(K, "exact", 5, 5, scope="group"),
      Expect(W, "exact", 46, 46, scope="event")]),
    # "of which" lists a part of the count before it, as "of whom" does
    ("Thirty others were injured, of which twelve are in a critical condition.",
     [Expect(W, "exact", 30, 30, scope="event"), Expect(W, "exact", 12, 12, scope="group")]),
    ("The strike killed 30 people, of which 12 were children.",
     [Expect(K, "exact", 30, 30, scope="event"), Expect(K, "exact", 12, 12, scope="group")]),
    ("Militants fired 300 rockets, of which 20 hit homes, killing four people.",
     [Expect(K, "exact", 4, 4)]),
    ("Eight soldiers were captured near the pass. Among them was a colonel.",
     [Expect("captured", "exact", 8, 8, group="military"), Expect("captured", "exact", 1, 1, group="military", scope="group")]),
    ("At least 20 people died in the blast, a medic said. Three of them are children, the mayor said.",
     [Expect(K, "at_least", 20, None, claimant="a medic", scope="event"), Expect(K, "exact", 3, 3, claimant="the mayor", scope="group")]),
    ("At least 20 people died in the blast.\n\nThree of them are children, the mayor said.",
     [Expect(K, "at_least", 20, None, scope="event"), Expect(K, "exact", 3, 3, claimant="the mayor", scope="group")]),
    # near misses: a speaker, a count of one list, a body of people, a "them" that says something else
    ("A spokesman said five soldiers were killed.",
     [Expect(K, "exact", 5, 5, group="military", claimant="A spokesman")]),
    ("A local doctor told reporters 12 people were wounded.",
     [Expect(W, "exact", 12, 12, claimant="A local doctor")]),
    ("The dead included four women and a child, villagers said.",
     [Expect(K, "exact", 4, 4)]),
    ("Ten soldiers were captured. Two of them were released on Monday.",
     [Expect("captured", "exact", 10, 10, group="military")]),
    ("Twenty people were killed and 60 injured. Five of them are children.",
     [Expect(K, "exact", 20, 20), Expect(W, "exact", 60, 60)]),  # which "them" is not said
    ("The army deployed 300 soldiers. Ten of them were officers.", []),
    ("A family was killed when their house was hit.", []),
    ("He said the army had withdrawn from the town.", []),
    ("She said that he was from the northern province.", []),
]

# Vague counts the parse hides: under the rubble, behind "remain", "of killed and injured",
# the set "one of dozens" belongs to.
VAGUE: list[tuple[str, list[Expect]]] = [
    ("Rescuers pulled 40 bodies from the collapsed school while dozens remain trapped under the rubble.",
     [Expect(B, "exact", 40, 40), Expect(M, "vague", 24, 99, group="people")]),
    ("Dozens of residents were buried beneath the ruins of the block, a rescuer said.",
     [Expect(M, "vague", 24, 99, group="people", claimant="a rescuer")]),
    ("More than 200 people are dead after the bombing in the capital and scores of others remain missing, officials said.",
     [Expect(K, "more_than", 201, None), Expect(M, "vague", 40, 199)]),
    ("Paramedics on site report dozens of killed and injured.",
     [Expect(X, "vague", 24, 99)]),
    ("Hospitals received hundreds of dead and wounded after the strike.",
     [Expect(X, "vague", 200, 999)]),
    ("Rescuers counted dozens of killed in the square.",
     [Expect(K, "vague", 24, 99)]),
    ("Her brother's body was one of dozens laid out in the school yard.",
     [Expect(B, "vague", 24, 99)]),
    ("His father found his body, one of scores lined up in the morgue.",
     [Expect(B, "vague", 40, 199)]),
    ("He was one of 12 soldiers killed in the ambush.",
     [Expect(K, "exact", 12, 12, group="military")]),  # the 12, not the one among them
    ("He said he had helped bury the bodies of 30 victims.",
     [Expect(B, "exact", 30, 30)]),
    ("The ministry confirmed the deaths of 12 victims.",
     [Expect(K, "exact", 12, 12)]),
    # near misses
    ("Thousands of civilians are trapped in the besieged city.", []),
    ("Twenty people remain in a school used as a shelter.", []),  # "remain" links, but not to a casualty word
    ("One of the 12 hostages released on Friday was wounded.",
     [Expect(W, "exact", 1, 1)]),
]

# Casualty words that count nothing of the clash.
NOT_THIS_EVENT: list[tuple[str, list[Expect]]] = [
    # what they died of was no attack
    ("She said she saw five people die of thirst on the road.", []),
    ("Aid groups said 30 children had died from malnutrition and disease in the camp.", []),
    ("Three soldiers died of their wounds in hospital.",
     [Expect(K, "exact", 3, 3, group="military")]),
    # accidents and disasters
    ("An army helicopter crashed during a training flight but no one was hurt, the ministry said.", []),
    ("Eleven people were killed in a road accident near the border.", []),
    ("Two Malian soldiers were killed in a road accident, the army said.", []),
    ("Twelve passengers died when their bus overturned on the highway.", []),
    ("The earthquake killed 20 people in the valley.", []),
    ("A drone crashed into the market, killing nine people.",
     [Expect(K, "exact", 9, 9)]),  # what crashed was the weapon
    ("Israel said 21 soldiers were killed when a building collapsed in central Gaza.",
     [Expect(K, "exact", 21, 21, party="Israel", group="military")]),
    # a zero over years or a class of events is no toll
    ("No one has died in such clashes for years, residents said.", []),
    ("No one has been killed at the crossing in decades.", []),
    ("No one was killed in the attack, police said.",
     [Expect(K, "exact", 0, 0, claimant="police")]),
    # a caption: no closing stop, the casualty word only on the victim, the verb in the present
    ("A wounded man is carried to an ambulance", []),
    ("Two injured students are helped by paramedics", []),
    ("A wounded man was carried to an ambulance.",
     [Expect(W, "exact", 1, 1)]),
    ("An injured soldier is being treated in hospital, the army said.",
     [Expect(W, "exact", 1, 1, group="military", claimant="the army")]),
    # the first of two days of the month
    ("At least 9 civilians died in strikes on 3 and 6 March on the market.",
     [Expect(K, "at_least", 9, None, group="civilians")]),
    ("The clashes killed 5 and wounded 7 in October.",
     [Expect(K, "exact", 5, 5), Expect(W, "exact", 7, 7)]),
    # one person of a set, as the owner of something
    ("I saw the hands of one of the victims still holding a phone.", []),
    ("One of the wounded was in a critical condition.",
     [Expect(W, "exact", 1, 1)]),
]


@pytest.mark.parametrize("text, expected", SINGLES, ids=[t[:60] for t, _ in SINGLES])
def test_one_victim_named_without_a_numeral_is_a_count_of_one(nlp, text, expected):
    claims = claims_of(nlp, text)
    _, fp, fn = score(claims, expected)
    assert (fp, fn) == (0, 0), describe(claims)


@pytest.mark.parametrize("text, expected", VAGUE, ids=[t[:60] for t, _ in VAGUE])
def test_vague_counts_the_parse_hides(nlp, text, expected):
    claims = claims_of(nlp, text)
    _, fp, fn = score(claims, expected)
    assert (fp, fn) == (0, 0), describe(claims)


@pytest.mark.parametrize("text, expected", NOT_THIS_EVENT, ids=[t[:60] for t, _ in NOT_THIS_EVENT])
def test_casualty_words_that_count_no_casualty_of_the_clash(nlp, text, expected):
    claims = claims_of(nlp, text)
    _, fp, fn = score(claims, expected)
    assert (fp, fn) == (0, 0), describe(claims)


def test_a_linked_headline_mid_text_is_page_chrome_and_counts_nothing(nlp):
    text = (
        "Shelling hits border town\n\n"
        "Shells struck the market on Monday, killing four people, the mayor said.\n\n"
        "ALSO READ: Nine killed, 40 hurt in drone strike on bus station\n\n"
        "Related\n- Army says 14 soldiers killed in ambush\n\n"
        "The town has been shelled every night this week.\n"
    )
    art = build_article(text, path=Path("t.txt"), name="t.txt", fmt="txt", meta={"outlet": "Wire"}, warnings=[])
    claims = list(casualty_claims(nlp(claim_text(art)), art))
    assert describe(claims) == [(K, "exact", 4, 4, None, "people", "the mayor", "event")]
