"""Which kind a count gets (killed, wounded, missing, captured, bodies, casualties), above all
where clauses are joined or a later sentence refers back to an earlier count.

Every case is a short text in our own words shaped like wire copy; its expectations list every
casualty claim it yields, so an extra claim or a claim of the wrong kind fails it.
"""

from __future__ import annotations

import pytest
from test_casualties_wire import ANY, Expect, claims_of, describe, score

K, W, M, C, B, X = "killed", "wounded", "missing", "captured", "bodies", "casualties"


def _e(kind: str, qualifier: str, low: int | None, high: int | None, group: str = "people", scope: str = "event", party=None) -> Expect:
    """An expectation that pins kind, number, side, group and scope."""
    return Expect(kind, qualifier, low, high, party=party, group=group, scope=scope)


# 1. Two verbs of two kinds, each with its own count: the second verb keeps its kind, also the
#    verb "wound" the tagger calls a past tense (whose lemma the model gives as "wind")
HEADLINES: list[tuple[str, list[Expect]]] = [
    ("Gunmen kill 30 people and wound 52 in market attack", [_e(K, "exact", 30, 30), _e(W, "exact", 52, 52)]),
    ("Drone strikes kill four and wound 11 in border town, officials say", [_e(K, "exact", 4, 4), _e(W, "exact", 11, 11)]),
    ("Bombers kill 12 people and wound 40 at bus station", [_e(K, "exact", 12, 12), _e(W, "exact", 40, 40)]),
]

COORDINATED: list[tuple[str, list[Expect]]] = [
    # 1a. "N dead and M wounded" with "wounded" tagged a past tense: M is a count, not attackers;
    #     a word that counted two groups ("(8 civilians and one soldier)") hands neither on
    ("The minister gave figures of 9 dead (8 civilians and one soldier) and 31 wounded, including 25 civilians and six military personnel.",
     [_e(K, "exact", 9, 9), _e(K, "exact", 8, 8, "civilians"), _e(K, "exact", 1, 1, "military"), _e(W, "exact", 31, 31),
      _e(W, "exact", 25, 25, "civilians", scope="group"), _e(W, "exact", 6, 6, "military", scope="group")]),
    # 1b. "N hurt" after "N dead and": the parser takes "hurt" for a noun, which counts the wounded
    ("Officials said no fewer than 12 people were dead and 80 hurt.", [_e(K, "at_least", 12, None), _e(W, "exact", 80, 80)]),
    ("The mission said its figures so far showed no fewer than 17 civilians dead and 346 hurt in the district.",
     [_e(K, "at_least", 17, None, "civilians"), _e(W, "exact", 346, 346, ANY)]),
    # 2. "while N were confirmed as injured": the casualty word after "as" is the count's kind
    ("Officials said at least 60 villagers were killed, while 41 were confirmed as wounded.",
     [_e(K, "at_least", 60, None), _e(W, "exact", 41, 41)]),
    ("Officials said 31 people died, while 57 were confirmed as wounded.", [_e(K, "exact", 31, 31), _e(W, "exact", 57, 57)]),
    ("Officials said nine soldiers were killed, while 14 were listed as missing.",
     [_e(K, "exact", 9, 9, "military"), _e(M, "exact", 14, 14, "military")]),
    ("The army listed 12 soldiers as missing after the ambush.", [_e(M, "exact", 12, 12, "military")]),
    ("Nine people were reported as dead by the ministry.", [_e(K, "exact", 9, 9)]),
    # 3. "N others were injured" after a death are the hurt; the critically hurt who
    #    "succumbed" are dead
    ("An officer was killed and at least 6 others were injured.", [_e(K, "exact", 1, 1, "military"), _e(W, "at_least", 6, None, "military")]),
    ("Three others who had been critically wounded later succumbed, the ministry said.", [_e(K, "exact", 3, 3)]),
]

# 4. People in medical care are the wounded: taken or rushed to hospital, treated for injuries,
#    in hospital, receiving treatment, hospitalised, in a grave condition
CARE: list[tuple[str, list[Expect]]] = [
    ("The governor said 40 people had died in the strike, and a further 85 – including 12 children – had been taken to hospital.",
     [_e(K, "exact", 40, 40), _e(W, "exact", 85, 85), _e(W, "exact", 12, 12, scope="group")]),
    ("Medics said 26 people were rushed to hospitals in the capital.", [_e(W, "exact", 26, 26)]),
    ("Thirteen were killed and two more are in critical condition, the hospital said.", [_e(K, "exact", 13, 13), _e(W, "exact", 2, 2)]),
    # ... also when it is the next sentence that says so, which is more people, not an increment
    ("Police said 40 were killed in the attack. Seventeen more were being treated for burns and injuries.",
     [_e(K, "exact", 40, 40), _e(W, "exact", 17, 17)]),
    ("Thirty people died in the blast. Forty-two more are being treated for injuries, the doctor said.",
     [_e(K, "exact", 30, 30), _e(W, "exact", 42, 42)]),
    ("Doctors said 14 people remain in hospital.", [_e(W, "exact", 14, 14)]),
    ("Twelve are receiving treatment, the ministry said.", [_e(W, "exact", 12, 12)]),
    ("Eleven people were hospitalised after the attack.", [_e(W, "exact", 11, 11)]),
    ("Ten doctors treated 50 people for injuries.", [_e(W, "exact", 50, 50)]),  # not the ten doctors
    # near misses: moved between hospitals, died in one, bodies taken to one, an economy's condition
    ("Staff said 300 patients were moved to another hospital.", []),
    ("Four people died in hospital.", [_e(K, "exact", 4, 4)]),
    ("Two bodies were taken to the hospital.", [_e(B, "exact", 2, 2)]),
    ("The economy is in a serious condition, 12 economists said.", []),
]

# 5. A sub-total of the wounded: "of which N are serious", "of whom N remain in critical condition"
SUBTOTALS: list[tuple[str, list[Expect]]] = [
    ("Twenty others were wounded, of which eight are said to be serious.", [_e(W, "exact", 20, 20), _e(W, "exact", 8, 8, scope="group")]),
    ("At least 15 people died and 40 others were hurt, of which six remain in critical condition.",
     [_e(K, "at_least", 15, None), _e(W, "exact", 40, 40), _e(W, "exact", 6, 6, scope="group")]),
    ("Twelve others are wounded, of whom five are said to be in serious condition.",
     [_e(W, "exact", 12, 12), _e(W, "exact", 5, 5, scope="group")]),
    # a group that makes up, accounts for or forms a share of the victims
    ("A nurse at the district hospital said women and children made up more than 80 of the wounded.",
     [_e(W, "more_than", 81, None, scope="group")]),
    ("Women and children accounted for 30 of the dead, the ministry said.", [_e(K, "exact", 30, 30, scope="group")]),
    ("Civilians made up 12 of those killed, officials said.", [_e(K, "exact", 12, 12, scope="group")]),
    # near misses: no share of victims
    ("The army said it had made 30 of the attackers surrender.", []),
]

# 6. "N of them are children" right after a sentence with one kind of count is that kind's
#    sub-group; not after a sentence of two kinds, nor when its own verb says something else
PARTITIVE_AFTER: list[tuple[str, list[Expect]]] = [
    ("A medic said at the scene that at least 30 people had died. Five of them are children, the police said.",
     [_e(K, "at_least", 30, None), _e(K, "exact", 5, 5, scope="group")]),
    ("Rescuers said 18 people were hurt in the blast. Six of them are women.", [_e(W, "exact", 18, 18), _e(W, "exact", 6, 6, scope="group")]),
    ("A medic said at least 30 people had died. Five of them were arrested later.", [_e(K, "at_least", 30, None)]),
    ("Officials said 200 people were evacuated. Five of them are children.", []),
    ("A medic said 30 people had died and 60 were hurt. Five of them are children.", [_e(K, "exact", 30, 30), _e(W, "exact", 60, 60)]),
]

# 7. Captured: abductions, kidnappings and captures of a count, "take N people hostage" with the
#    captives between, and "round up"; not arrests, towns or a count under a preposition
CAPTURED: list[tuple[str, list[Expect]]] = [
    ("The agency condemned the killing of more than 200 patients, along with the abduction of five nurses, at the clinic on Monday.",
     [_e(K, "more_than", 201, None), _e(C, "exact", 5, 5)]),
    ("The raid ended in the killing of dozens of patients and the abduction of three doctors.",
     [_e(K, "vague", 24, 99), _e(C, "exact", 3, 3)]),
    ("The army confirmed the capture of 14 soldiers near the border.", [_e(C, "exact", 14, 14, "military")]),
    ("Rights groups documented the kidnapping of 40 students in the north.", [_e(C, "exact", 40, 40)]),
    ("The army announced the capture of three towns.", []),
    ("The rebels said they had taken seven aid workers hostage and had lost nine men in the fighting.",
     [_e(C, "exact", 7, 7), _e(K, "exact", 9, 9, party="both")]),
    ("The gunmen took 20 villagers hostage.", [_e(C, "exact", 20, 20)]),
    ("The gunmen took 20 soldiers hostage.", [_e(C, "exact", 20, 20, "military")]),  # "hostage" is not the head noun
    ("The group took the town hostage with 300 fighters.", []),
    ("Fighters on motorbikes rounded up hundreds of men near the town over the weekend.", [_e(C, "vague", 200, 999)]),
    ("About 60 men were rounded up by the fighters.", [_e(C, "about", 54, 66)]),
    # "holding" soldiers holds captives; holding talks with officers does not
    ("A government spokesman said the army was holding 18 soldiers who had surrendered.", [_e(C, "exact", 18, 18, "military")]),
    ("The army held talks with 30 officers of the other side.", []),
    ("Police rounded up 30 protesters after the march.", []),
    ("Twenty men were hired as guards.", []),
]

# 8. Two casualty words of different kinds that share one count: casualties, one figure for both
#    fates; not when each verb has its own count, nor "kidnapped and killed", which both befell
SHARED: list[tuple[str, list[Expect]]] = [
    ("At least 12 soldiers were killed or captured as the army withdrew.", [_e(X, "at_least", 12, None, "military")]),
    ('Officials said about 40 other fighters, either "dead or badly wounded," were flown to the capital.',
     [_e(X, "about", 36, 44, "military")]),
    ("The rebels said they had killed and wounded dozens of soldiers in the fighting.", [_e(X, "vague", 24, 99, "military")]),
    ("The insurgents said they killed and injured at least 30 troops.", [_e(X, "at_least", 30, None, "military")]),
    ("Such raids kill and wound dozens every month, the agency said.", [_e(X, "vague", 24, 99)]),
    ("Thirty people are dead or missing after the landslide.", [_e(X, "exact", 30, 30)]),
    ("Officials report dozens of killed and injured at the station.", [_e(X, "vague", 24, 99)]),
    ("Gunmen kidnapped and killed five aid workers.", [_e(K, "exact", 5, 5)]),
    ("Five people were killed and 12 injured in the blast.", [_e(K, "exact", 5, 5), _e(W, "exact", 12, 12)]),
    ("Ten were killed but none were injured.", [_e(K, "exact", 10, 10), _e(W, "exact", 0, 0)]),
]

# 9. "Victims" take their kind from context: a casualty word above them, care, the casualty words
#    of their own sentence (two kinds: casualties), or the article's counts before them (the dead
#    when they include deaths and injuries); "casualties" and victims with no context stay casualties
VICTIMS: list[tuple[str, list[Expect]]] = [
    ("The number of civilians killed in the strike on the market rose to 40, with 90 people hurt. The victims included six children.",
     [_e(K, "exact", 40, 40, "civilians"), _e(W, "exact", 90, 90), _e(K, "exact", 6, 6, scope="group")]),
    ("A bomb killed 35 people at the station. Among the victims were 14 women and 9 children.",
     [_e(K, "exact", 35, 35), _e(K, "exact", 14, 14, scope="group"), _e(K, "exact", 9, 9, scope="group")]),
    ("The toll in the village rose to 120. About 80 victims are from the village itself.", [_e(K, "exact", 120, 120), _e(K, "about", 72, 88)]),
    ("The blast wounded 30 people. The victims included four children.", [_e(W, "exact", 30, 30), _e(W, "exact", 4, 4, scope="group")]),
    ("Gunmen abducted 50 students from the school. The victims included 20 girls.",
     [_e(C, "exact", 50, 50), _e(C, "exact", 20, 20, scope="group")]),
    ("The group said 200 people were seriously injured and 90 victims had to be flown abroad for treatment.",
     [_e(W, "exact", 200, 200), _e(W, "exact", 90, 90)]),
    ("A witness said he had helped with the burial of the bodies of 25 victims.", [_e(B, "exact", 25, 25)]),
    ("Gunmen killed 12 victims in the village.", [_e(K, "exact", 12, 12)]),
    # near misses that stay casualties
    ("The attack left 60 victims, 20 dead and 40 injured.", [_e(X, "exact", 60, 60), _e(K, "exact", 20, 20), _e(W, "exact", 40, 40)]),
    ("The attack caused 100 casualties. The victims included 12 children.", [_e(X, "exact", 100, 100), _e(X, "exact", 12, 12, scope="group")]),
    ("Rescuers said 40 victims were found.", [_e(X, "exact", 40, 40)]),
]


# 10. Trapped or buried under rubble: missing; not trapped in a besieged city, nor bodies
RUBBLE: list[tuple[str, list[Expect]]] = [
    ("More than 75 bodies have so far been pulled from the ruins, while dozens remain trapped under debris and concrete.",
     [_e(B, "more_than", 76, None), _e(M, "vague", 24, 99)]),
    ("Rescuers said 30 people were trapped under the rubble of the building.", [_e(M, "exact", 30, 30)]),
    ("At least 40 people are still buried under the ruins.", [_e(M, "at_least", 40, None)]),
    # "N of them" right after a second count is a part of that count, whatever verb the parser
    # hangs it on (here the sentence's first one, "died")
    ("According to the health ministry, at least nine people died on Monday and more than 1,500 were injured, some 150 of them seriously, by the blasts.",
     [_e(K, "at_least", 9, None), _e(W, "more_than", 1501, None), _e(W, "about", 135, 165, scope="group")]),
    ("Officials said at least 12 people died and more than 400 were wounded, some 60 of them critically, in the attack.",
     [_e(K, "at_least", 12, None), _e(W, "more_than", 401, None), _e(W, "about", 54, 66, scope="group")]),
    ("Thousands of civilians remain trapped in the besieged city.", []),
    ("Rescuers said 12 bodies were buried under the rubble.", [_e(B, "exact", 12, 12)]),
    ("Villagers buried 30 people in a mass grave.", []),
]

@pytest.mark.parametrize("text, expected", HEADLINES, ids=[t[:50] for t, _ in HEADLINES])
def test_a_headline_with_two_kinds_yields_both(nlp, text, expected):
    claims = claims_of(nlp, text, headline=True)
    _, fp, fn = score(claims, expected)
    assert (fp, fn) == (0, 0), describe(claims)


CASES = [*COORDINATED, *CARE, *SUBTOTALS, *PARTITIVE_AFTER, *CAPTURED, *SHARED, *VICTIMS, *RUBBLE]


@pytest.mark.parametrize("text, expected", CASES, ids=[t[:60] for t, _ in CASES])
def test_each_count_gets_its_kind(nlp, text, expected):
    claims = claims_of(nlp, text)
    _, fp, fn = score(claims, expected)
    assert (fp, fn) == (0, 0), describe(claims)
