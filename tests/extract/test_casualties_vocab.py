"""Casualty vocabulary, tolls stated with a copula or a verb of comparison, earlier figures of an
update, and title-case headlines.

Each case is a sentence in our own words with the shape of real copy; the expectations list
every casualty claim it yields (claims not listed count as false positives)."""

from __future__ import annotations

import pytest
from test_casualties_wire import Expect, claims_of, describe, score

K, W, M, C, X = "killed", "wounded", "missing", "captured", "casualties"

TOLLS: list[tuple[str, list[Expect]]] = [
    # copular and verbal tolls
    ("The death toll stood at 16 on Sunday evening.", [Expect(K, "exact", 16, 16, party=None, group="people")]),
    ("The combined toll from the two blasts has reached 47.", [Expect(K, "exact", 47, 47, party=None, group="people")]),
    ("Officials gave a toll of 30, but residents say the real figure is 60.",
     [Expect(K, "exact", 30, 30, party=None, group="people"), Expect(K, "exact", 60, 60, party=None, group="people")]),
    # a casualty noun as the subject of a figure verb
    ("Deaths from the flare-up have risen to 49, the ministry said.", [Expect(K, "exact", 49, 49, party=None, group="people")]),
    ("Civilian casualties now stand at 300, the monitor said.", [Expect(X, "exact", 300, 300, group="civilians", party=None)]),
    ("Fatalities had reached 112 by Thursday.", [Expect(K, "exact", 112, 112, party=None, group="people")]),
    ("Injuries climbed to 85 on Saturday.", [Expect(W, "exact", 85, 85, party=None, group="people")]),
    # a figure verb that puts the toll past its figure: a floor
    ("The dead in the camp have topped 200, aid workers said.", [Expect(K, "more_than", 201, None, party=None, group="people")]),
    ("Many were hurt and the casualties could exceed more than 40 people, the mayor said.",
     [Expect(X, "more_than", 41, None, claimant="the mayor", party=None, group="people")]),
    # the toll is the subject of the verb the figure verb completes
    ("The death toll in the province is likely to exceed 500, the health director said.",
     [Expect(K, "more_than", 501, None, party=None, group="people")]),
    ("The toll is expected to rise to 600 as rescuers dig through the rubble.",
     [Expect(K, "exact", 600, 600, party=None, group="people")]),
    ("Fatalities are likely to surpass 90, a doctor said.", [Expect(K, "more_than", 91, None, party=None, group="people")]),
    # a comparison
    ("A medic estimated that the toll was higher than 140.", [Expect(K, "more_than", 141, None, party=None, group="people")]),
    ("The toll is greater than 75, according to local sources.", [Expect(K, "more_than", 76, None, party=None, group="people")]),
    ("The toll could climb above 80, officials warned.", [Expect(K, "more_than", 81, None, party=None, group="people")]),
]

UPDATES: list[tuple[str, list[Expect]]] = [
    # the figure before an update is a claim as well
    ("The toll grew from 50 on Friday to 57 on Saturday, officials said.",
     [Expect(K, "exact", 50, 50, party=None, group="people"), Expect(K, "exact", 57, 57, party=None, group="people")]),
    ("The number of dead victims climbed from 64 on Monday, the city said.",
     [Expect(K, "exact", 64, 64, party=None, group="people")]),
    ("More than 300 people died in the bombing, the inquiry said, raising the death toll from 212.",
     [Expect(K, "more_than", 301, None, party=None, group="people"), Expect(K, "exact", 212, 212, party=None, group="people")]),
    ("Deaths rose from 112 to 140, hospital officials said.",
     [Expect(K, "exact", 112, 112, party=None, group="people"), Expect(K, "exact", 140, 140, party=None, group="people")]),
    # "an increase of N" is what the toll grew by, of the toll's kind
    ("The final number of deaths stood at 420, an increase of 35 bodies since the previous report.",
     [Expect(K, "exact", 420, 420, party=None, group="people"), Expect(K, "exact", 35, 35, scope="increment", party=None, group="people")]),
    ("The toll reached 96 on Wednesday, a rise of 14 from the day before.",
     [Expect(K, "exact", 96, 96, party=None, group="people"), Expect(K, "exact", 14, 14, scope="increment", party=None, group="people")]),
]

VOCAB: list[tuple[str, list[Expect]]] = [
    # verbs of dying
    ("Fourteen soldiers were martyred when militants attacked the checkpoint, the army said.",
     [Expect(K, "exact", 14, 14, group="military", party=None)]),
    ("Two of the policemen succumbed to their wounds in hospital on Tuesday.",
     [Expect(K, "exact", 2, 2, group="people", party=None)]),
    ("At least 31 pilgrims perished when the bus was hit by a rocket.",
     [Expect(K, "at_least", 31, None, group="people", party=None)]),
    ("Nine villagers lost their lives in the overnight raid, residents said.",
     [Expect(K, "exact", 9, 9, group="people", party=None)]),
    ("Eleven border guards laid down their lives defending the outpost, the ministry said.",
     [Expect(K, "exact", 11, 11, party=None, group="military")]),
    ("Six firefighters gave their lives trying to reach the burning depot.",
     [Expect(K, "exact", 6, 6, group="people", party=None)]),
    ("The 23 Indian soldiers who laid down their lives in the clash were honoured on Monday.",
     [Expect(K, "exact", 23, 23, party="India", group="military")]),
    # the wounded, by where they were taken
    ("Some 45 people were admitted to hospital after the market bombing, doctors said.",
     [Expect(W, "about", 40, 50, group="people", party=None)]),
    ("Sixteen people were killed and a further 70 were taken to hospital, the governor said.",
     [Expect(K, "exact", 16, 16, party=None, group="people"), Expect(W, "exact", 70, 70, party=None, group="people")]),
    ("Ambulances rushed 38 people to the clinic in the town centre.",
     [Expect(W, "exact", 38, 38, party=None, group="people")]),
    ("Twenty-two people were hospitalised after the shelling of the district.",
     [Expect(W, "exact", 22, 22, party=None, group="people")]),
    ("Thirty-eight people are being treated for injuries from the blast, the official said.",
     [Expect(W, "exact", 38, 38, party=None, group="people", claimant="the official")]),
    ("Doctors treated 40 people at the hospital overnight.",
     [Expect(W, "exact", 40, 40, party=None, group="people")]),
    # a casualty adjective joined by "as"
    ("Nine people were confirmed as dead and 26 were listed as missing after the raid.",
     [Expect(K, "exact", 9, 9, party=None, group="people"), Expect(M, "exact", 26, 26, party=None, group="people")]),
    ("At least 64 were reported as injured in the attack on the camp.",
     [Expect(W, "at_least", 64, None, party=None, group="people")]),
    # "wound", which the lemmatizer reads as the past of "wind"
    ("Gunmen kill 31 people and wound 52 in attack on market", [Expect(K, "exact", 31, 31, party=None, group="people"),
                                                                  Expect(W, "exact", 52, 52, party=None, group="people")]),
    # casualty nouns
    ("The health ministry recorded 19 fatalities in the southern province.",
     [Expect(K, "exact", 19, 19, party=None, group="people")]),
    ("The ambush caused 27 casualties among the troops.",
     [Expect(X, "exact", 27, 27, group="military", party=None)]),
    # "affected" with an attack as its cause: the killed and hurt together
    ("At least 90 people were affected by the blast at the fuel depot, officials said.",
     [Expect(X, "at_least", 90, None, claimant="officials", party=None, group="people")]),
    ("Rescuers said 60 people were affected in the drone strike on the bus station.",
     [Expect(X, "exact", 60, 60, claimant="Rescuers", party=None, group="people")]),
    # executions are killings
    ("Footage shows at least 18 men being detained and executed by gunmen.",
     [Expect(K, "at_least", 18, None, group="people", party=None)]),
    ("Witnesses described the summary executions of dozens of detainees at the base.",
     [Expect(K, "vague", 24, 99, party=None, group="people")]),
    ("The monitor documented the execution of 14 civilians in the village.",
     [Expect(K, "exact", 14, 14, group="civilians", party=None)]),
    ("Survivors said at least 12 prisoners were rounded up and killed.",
     [Expect(K, "at_least", 12, None, party=None, group="people")]),
]

SPEAKERS: list[tuple[str, list[Expect]]] = [
    # two speakers after the count: the count is still the casualty verb's object
    ("A drone strike has killed at least 19 people in the northern region, a nurse and a teacher told AFP on Sunday.",
     [Expect(K, "at_least", 19, None, party=None, group="people")]),
    ("Shelling wounded 14 people in the market, a doctor and a nurse told Reuters.",
     [Expect(W, "exact", 14, 14, claimant="a doctor and a nurse", party=None, group="people")]),
]

HEADLINES: list[tuple[str, list[Expect]]] = [
    ("41 Feared Dead in Harbour Ferry Strike", [Expect(K, "exact", 41, 41, party=None, group="people")]),
    ("At Least 30 Villagers Including Children Massacred in Night Raid", [Expect(K, "at_least", 30, None, group="people", party=None)]),
    ("Dozens Believed Killed as Shells Hit Crowded Market", [Expect(K, "vague", 24, 99, party=None, group="people")]),
    ("Twelve Miners Kidnapped, Four Wounded in Highway Ambush",
     [Expect(C, "exact", 12, 12, party=None, group="people"), Expect(W, "exact", 4, 4, party=None, group="people")]),
    ("Nine Soldiers Injured as Convoy Hits Roadside Bomb", [Expect(W, "exact", 9, 9, group="military", party=None)]),
    ("Five Soldiers and Two Civilians Killed in Drone Strike",
     [Expect(K, "exact", 5, 5, party=None, group="military"), Expect(K, "exact", 2, 2, party=None, group="civilians")]),
    # only the count the participle follows: the homes are not victims
    ("100 Homes Hit, Five Killed in Shelling of Town", [Expect(K, "exact", 5, 5, party=None, group="people")]),
    # a headline in sentence case is read by its parse, as before
    ("Drone strike on village mosque kills 64", [Expect(K, "exact", 64, 64, party=None, group="people")]),
]

NOT_CLAIMS: list[tuple[str, bool]] = [
    # "from" on a count that no toll changes
    ("Volunteers from 12 villages joined the search.", False),
    ("Observers from three countries monitored the vote.", False),
    # an increase of something that is no toll
    ("The army reported an increase of 300 troops at the border.", False),
    # a comparison with no figure of people
    ("The toll this year is higher than in 2019.", False),
    # a figure verb whose subject is no casualty noun
    ("Prices have risen to 49 dollars a barrel.", False),
    ("Attendance reached 300 at the memorial service.", False),
    # "affected" with no attack as its cause
    ("Two million people have been affected by the war, the agency said.", False),
    ("Some 4,000 families were affected by the floods in the valley.", False),
    # taken somewhere that is not a hospital, treated for no wound
    ("About 300 residents were taken to a shelter outside the city.", False),
    ("The hospital admitted 20 new patients on Tuesday.", False),
    ("A field commander admitted to the killings in a video.", False),
    ("Twelve people were treated for shock after the alarm.", False),
    ("The mayor was listed as a speaker at the meeting of 40 delegates.", False),
    # a relative clause joined to a verb with an object of its own
    ("Three men who were arrested and questioned by police were later freed.", False),
    # lives given to something else; an execution of no people
    ("Four veterans who gave their time to the project were thanked.", False),
    ("The court ordered the execution of 3 contracts by Friday.", False),
    # two speakers after a count that no casualty verb governs
    ("Shelling hit the market, 30 residents and a doctor told Reuters.", False),
    # title-case headlines that count no casualties
    ("Over 300 Troops Deployed to Border Region", True),
    ("50 Civilians Evacuated From Besieged Town", True),
    ("2,000 Families Displaced by Fighting in North", True),
    ("Ten Villagers Rescued After Flood Waters Rise", True),
]


CASES = [*TOLLS, *UPDATES, *VOCAB, *SPEAKERS]


@pytest.mark.parametrize("sentence, expected", CASES, ids=[s[:50] for s, _ in CASES])
def test_sentence_yields_exactly_the_expected_claims(nlp, sentence, expected):
    claims = claims_of(nlp, sentence)
    tp, fp, fn = score(claims, expected)
    assert (fp, fn) == (0, 0), describe(claims)


@pytest.mark.parametrize("headline, expected", HEADLINES, ids=[s[:50] for s, _ in HEADLINES])
def test_headline_yields_exactly_the_expected_claims(nlp, headline, expected):
    claims = claims_of(nlp, headline, headline=True)
    tp, fp, fn = score(claims, expected)
    assert (fp, fn) == (0, 0), describe(claims)


@pytest.mark.parametrize("text, headline", NOT_CLAIMS, ids=[s[:50] for s, _ in NOT_CLAIMS])
def test_near_misses_yield_nothing(nlp, text, headline):
    assert describe(claims_of(nlp, text, headline=headline)) == []
