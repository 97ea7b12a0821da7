"""Whose dead a count is when the text names the side in some less direct way, and no side
when it does not: a group the victims come from, a name beside a pronoun or a demonym, the
government an article is about, the one armed group that attacked, the actor that lost them.

Each case is a short text in our own words, shaped like the real pages' sentences; the
expectations list every casualty claim it yields.
"""

from __future__ import annotations

import pytest
from test_casualties_wire import Expect, claims_of, describe, score

from clashrecon.extract.actors import actor_of_text
from clashrecon.lexicon import load_data

K, W, CAP = "killed", "wounded", "captured"


def _check(nlp, text, expected):
    claims = claims_of(nlp, text)
    _, fp, fn = score(claims, expected)
    assert (fp, fn) == (0, 0), describe(claims)


# 1. "N fighters from <group>": the group the count's people come from is their side, wherever
#    the parser hangs the "from" phrase (on the noun, on the verb after it, on a bare number),
#    and a named group beats the nationality adjective that describes it
ORIGIN: list[tuple[str, list[Expect]]] = [
    ("Rebels in the north said on Friday they killed 60 fighters from the mercenary outfit Wagner and 35 Malian troops in the clashes.",
     [Expect(K, "exact", 60, 60, party="Wagner Group", group="military"), Expect(K, "exact", 35, 35, party="Mali", group="military")]),
    ("Its fighters killed 60 mercenaries from the Russian private army Wagner Group and 35 Malian troops, the coalition said.",
     [Expect(K, "exact", 60, 60, party="Wagner Group", group="military"), Expect(K, "exact", 35, 35, party="Mali", group="military")]),
    ("Russian bloggers wrote on Sunday that at least 15 from the Wagner group had been killed near Tinzaouaten.",
     [Expect(K, "at_least", 15, None, party="Wagner Group", group="military", claimant="Russia")]),
    ("Local officials said at least 9 from the Taliban died in the raid.",
     [Expect(K, "at_least", 9, None, party="Taliban", group="military")]),
    ("Officials said 12 soldiers from Chad were killed.", [Expect(K, "exact", 12, 12, party="Chad", group="military")]),
    # ... while a demonym on the weapon after "from" names the attacker, not the victims
    ("Officials said 20 people died from Russian shelling.", [Expect(K, "exact", 20, 20, party=None, group="people")]),
]


@pytest.mark.parametrize("text, expected", ORIGIN, ids=[t[-60:] for t, _ in ORIGIN])
def test_the_group_a_count_comes_from_is_its_side(nlp, text, expected):
    _check(nlp, text, expected)


# 2. a name beside the speaker's pronoun says whose they are: "their allied X mercenaries" are
#    X's, not the speaker's; the pronoun alone still names the speaker's side
POSSESSIVES: list[tuple[str, list[Expect]]] = [
    ("The rebels claimed to have killed at least 35 Malian soldiers and 60 of their allied Russian Wagner Group mercenaries.",
     [Expect(K, "at_least", 35, None, party="Mali", group="military"), Expect(K, "exact", 60, 60, party="Wagner Group", group="military")]),
    ("Mali's army said 12 of its soldiers were killed.", [Expect(K, "exact", 12, 12, party="Mali", group="military", claimant="Mali")]),
    # "the ministry said N of its citizens": the claimant's own side
    ("Kenya's foreign ministry said 6 of its citizens were killed in the attack.",
     [Expect(K, "exact", 6, 6, party="Kenya", group="people", claimant="Kenya")]),
    ("Kenya's foreign ministry said on Monday it was following the case. The ministry said 9 of its citizens were killed.",
     [Expect(K, "exact", 9, 9, party="Kenya", group="people", claimant="Kenya")]),
]


@pytest.mark.parametrize("text, expected", POSSESSIVES, ids=[t[-60:] for t, _ in POSSESSIVES])
def test_a_name_beside_a_possessive_says_whose(nlp, text, expected):
    _check(nlp, text, expected)


# 3. "government troops" are the forces of the one state whose army or government the article
#    names; of none when it names two, or none at all
GOVERNMENT: list[tuple[str, list[Expect]]] = [
    ("The Malian army said it repelled an attack in the north. Rebels said they killed 35 government troops.",
     [Expect(K, "exact", 35, 35, party="Mali", group="military", claimant="Rebels")]),
    ("Myanmar's junta denied the report. The resistance said 20 regime soldiers died in the assault.",
     [Expect(K, "exact", 20, 20, party="Myanmar", group="military")]),
    ("Sudan's army and Chad's army traded blame. Rebels said they killed 35 government troops.",
     [Expect(K, "exact", 35, 35, party=None, group="military")]),
    ("Rebels said they killed 35 government troops.", [Expect(K, "exact", 35, 35, party=None, group="military")]),
]


@pytest.mark.parametrize("text, expected", GOVERNMENT, ids=[t[-60:] for t, _ in GOVERNMENT])
def test_government_troops_are_the_articles_state(nlp, text, expected):
    _check(nlp, text, expected)


# 4. unmarked attackers are the one armed group the article names as themselves (not as some
#    other group's "-linked" affiliation); nobody's when it names none or two
ATTACKERS: list[tuple[str, list[Expect]]] = [
    ("Gunmen from the militant group Boko Haram stormed a school on Monday. The governor said three gunmen were killed.",
     [Expect(K, "exact", 3, 3, party="Boko Haram", group="military")]),
    ("Gunmen from the militant group Boko Haram stormed a school on Monday. The governor said all three attackers were killed.",
     [Expect(K, "exact", 3, 3, party="Boko Haram", group="military")]),
    ("Gunmen from the al-Qaeda-linked group al-Shabab stormed a hotel. The minister said all four assailants died.",
     [Expect(K, "exact", 4, 4, party="al-Shabab", group="military")]),
    ("Gunmen from Boko Haram and fighters of ISWAP stormed a school on Monday. The governor said three gunmen were killed.",
     [Expect(K, "exact", 3, 3, party=None, group="military")]),
    ("Gunmen stormed a school on Monday. The governor said three gunmen were killed.",
     [Expect(K, "exact", 3, 3, party=None, group="military")]),
]


@pytest.mark.parametrize("text, expected", ATTACKERS, ids=[t[-60:] for t, _ in ATTACKERS])
def test_attackers_are_the_one_group_named(nlp, text, expected):
    _check(nlp, text, expected)


# 5. "it lost N men" is the losing actor's (a coalition named again as "the alliance"), and
#    never both sides' for being lost "in the fighting"
LOSSES: list[tuple[str, list[Expect]]] = [
    ("The Permanent Strategic Framework alliance said it had seized three trucks. "
     "The separatist alliance said it had captured eight Malian soldiers and that it had lost six men in the fighting.",
     [Expect(CAP, "exact", 8, 8, party="Mali", group="military", claimant="CSP-DPA"),
      Expect(K, "exact", 6, 6, party="CSP-DPA", group="people", claimant="CSP-DPA")]),
    ("The CSP said it lost six fighters.", [Expect(K, "exact", 6, 6, party="CSP-DPA", group="military", claimant="CSP-DPA")]),
    ("The alliance said it had lost six men in the fighting.", [Expect(K, "exact", 6, 6, party=None, group="people")]),
]


@pytest.mark.parametrize("text, expected", LOSSES, ids=[t[-60:] for t, _ in LOSSES])
def test_a_loss_is_the_losers(nlp, text, expected):
    _check(nlp, text, expected)


# The coalition's full names (both spellings) are taken from the lexicon rather than spelled out
# here: at ten words they are the longest names it holds, and must still be found whole.
_AZAWAD_FULL = [a for e in load_data("actors.json")["groups"] if e["name"] == "CSP-DPA" for a in e["aliases"] if len(a.split()) >= 8]


def test_the_azawad_coalition_has_its_full_names_in_both_spellings():
    assert len(_AZAWAD_FULL) == 2 and {a.split()[4] for a in _AZAWAD_FULL} == {"Defense", "Defence"}


@pytest.mark.parametrize(
    "text",
    [f"the {a}" for a in _AZAWAD_FULL]
    + [f"the {a} (CSP-DPA) alliance" for a in _AZAWAD_FULL]
    + ["the Permanent Strategic Framework", "The CSP-DPA", "the CSP"],
)
def test_the_azawad_coalition_is_one_group(text):
    assert actor_of_text(text) == "CSP-DPA"


def test_csp_is_an_acronym_only_in_capitals():
    assert actor_of_text("a csp contract") is None


# 6. no side where the text gives none: two sides' people counted together, other people
#    than those named before, a venue or a host country
NO_SIDE: list[tuple[str, list[Expect]]] = [
    ("Five Wagner fighters and Malian soldiers were captured, the spokesman said.", [Expect(CAP, "exact", 5, 5, party=None, group="military")]),
    ("The rebels said six Wagner and Malian government fighters were captured.", [Expect(CAP, "exact", 6, 6, party=None, group="military")]),
    ("Six Wagner and Malian government fighters were captured, the rebels said.", [Expect(CAP, "exact", 6, 6, party=None, group="military")]),
    ("Rebels said they killed 35 Malian troops near the Algerian border. The separatists said some 25 other troops or fighters were wounded and flown to Gao.",
     [Expect(K, "exact", 35, 35, party="Mali", group="military"), Expect(W, "about", 22, 28, party=None, group="military")]),
    ("Rebels said they killed 35 government troops near the Algerian border. The separatists said some 25 other troops or fighters were wounded and flown to Gao.",
     [Expect(K, "exact", 35, 35, party=None, group="military"), Expect(W, "about", 22, 28, party=None, group="military")]),
    ("At least 12 people were killed in the raid, a rebel spokesman said at talks in Qatar.",
     [Expect(K, "at_least", 12, None, party=None, group="people")]),
    ("Speaking in Doha, the envoy said 40 people were killed in the camp.", [Expect(K, "exact", 40, 40, party=None, group="people")]),
    # a mediator counts the sides' dead, not its own country's
    ("Qatari mediators said 30 people were killed in the strikes.", [Expect(K, "exact", 30, 30, party=None, group="people", claimant="Qatar")]),
    ("Egyptian negotiators said at least 25 people had died in the shelling.", [Expect(K, "at_least", 25, None, party=None, group="people", claimant="Egypt")]),
    # an armed group's spokesman speaks for no state, not the one where it talks to reporters
    ("At least 12 people were killed, a rebel spokesman told reporters in Kenya.",
     [Expect(K, "at_least", 12, None, party=None, group="people", claimant="a rebel spokesman")]),
    ("In Nairobi, the militia spokesman said 12 people died in the raid.",
     [Expect(K, "exact", 12, 12, party=None, group="people", claimant="the militia spokesman")]),
    ("In Nairobi, the police spokesman said 12 people died in the raid.",
     [Expect(K, "exact", 12, 12, party="Kenya", group="people", claimant="Kenya")]),
    # rebels fight the state they are in: a country on them, or on their earlier mention, is no side
    ("Sudan's northern rebels claimed a raid on a garrison. Sudan's army said it lost two soldiers and killed some 20 rebels.",
     [Expect(K, "exact", 2, 2, party="Sudan", group="military", claimant="Sudan"),
      Expect(K, "about", 18, 22, party=None, group="military", claimant="Sudan")]),
    ("The army said it killed 20 Syrian insurgents.", [Expect(K, "exact", 20, 20, party=None, group="military")]),
    ("Congolese troops killed 12 M23 rebels.", [Expect(K, "exact", 12, 12, party="M23", group="military")]),
    # ... and rebels who speak are not the state they fight in, so "their" dead are no state's
    ("Separatist rebels in northern Mali said five of their fighters died.",
     [Expect(K, "exact", 5, 5, party=None, group="military", claimant="Separatist rebels in northern Mali")]),
    ("Rebels in Sudan said they lost 12 men.", [Expect(K, "exact", 12, 12, party=None, group="people", claimant="Rebels in Sudan")]),
    ("Syrian rebels said 12 of their fighters died.", [Expect(K, "exact", 12, 12, party=None, group="military", claimant="Syrian rebels")]),
    ("Houthi rebels said 12 of their fighters died.", [Expect(K, "exact", 12, 12, party="Houthis", group="military", claimant="Houthis")]),
    # ... while one side's people coordinated with more of them keep it, and the place of the
    # killing still names it past the speaker's venue
    ("Five Wagner fighters and commanders were captured.", [Expect(CAP, "exact", 5, 5, party="Wagner Group", group="military")]),
    ("Four Malian soldiers and 3 Wagner fighters were killed.",
     [Expect(K, "exact", 4, 4, party="Mali", group="military"), Expect(K, "exact", 3, 3, party="Wagner Group", group="military")]),
    ("The ministry said in Nairobi that 20 people died in clashes in Somalia.", [Expect(K, "exact", 20, 20, party="Somalia", group="people")]),
    ("Officials said 14 people were killed in Kenya.", [Expect(K, "exact", 14, 14, party="Kenya", group="people")]),
]


@pytest.mark.parametrize("text, expected", NO_SIDE, ids=[t[-60:] for t, _ in NO_SIDE])
def test_no_side_where_the_text_gives_none(nlp, text, expected):
    _check(nlp, text, expected)


# 7. coordinated and appositive counts split by side, each taking the noun they share
SPLITS: list[tuple[str, list[Expect]]] = [
    ("At least 14 Ethiopian and 31 Eritrean soldiers died in the battle, the report said.",
     [Expect(K, "at_least", 14, None, party="Ethiopia", group="military"), Expect(K, "exact", 31, 31, party="Eritrea", group="military")]),
    ("The clashes killed 8 Sudanese and 5 Chadian soldiers.",
     [Expect(K, "exact", 8, 8, party="Sudan", group="military"), Expect(K, "exact", 5, 5, party="Chad", group="military")]),
    ("The fighting left 52 dead — 30 Sudanese and 22 Chadian — officials said.",
     [Expect(K, "exact", 52, 52, party=None, group="people"), Expect(K, "exact", 30, 30, party="Sudan", group="people"),
      Expect(K, "exact", 22, 22, party="Chad", group="people")]),
    # a plural demonym is a noun of its own, not a share of the next count's noun
    ("Officials said 20 Palestinians and 3 Israeli soldiers were killed.",
     [Expect(K, "exact", 20, 20, party="Palestine", group="people"), Expect(K, "exact", 3, 3, party="Israel", group="military")]),
]


@pytest.mark.parametrize("text, expected", SPLITS, ids=[t[-60:] for t, _ in SPLITS])
def test_coordinated_counts_split_by_side(nlp, text, expected):
    _check(nlp, text, expected)


# 8. a dateline the reporter files from is no side: when the lead places the story in another
#    country and never names the dateline's own, the dateline's officials and dead are not its
DATELINES: list[tuple[str, list[Expect]]] = [
    ("NAIROBI, May 3 (Reuters) - An air strike on a market in Ethiopia's Tigray region killed at least 20 people, a hospital official said.\n\n"
     "The hospital official said five people died at the hospital.",
     [Expect(K, "at_least", 20, None, party="Ethiopia", group="people", claimant="a hospital official"),
      Expect(K, "exact", 5, 5, party=None, group="people", claimant="The hospital official")]),
    ("DAKAR, Senegal (AFP) - Rebels in northern Mali said on Friday they had shot down a drone.\n\nThe police chief said 12 people died in the town.",
     [Expect(K, "exact", 12, 12, party=None, group="people", claimant="The police chief")]),
    # ... while a dateline whose country the lead names, or whose story names the other side
    # only as an actor, still places the officials and the dead
    ("GOMA, Congo (AP) - Shelling of a camp near the eastern Congolese city killed 17 people, the provincial governor said.",
     [Expect(K, "exact", 17, 17, party="Democratic Republic of the Congo", group="people", claimant="Democratic Republic of the Congo")]),
    ("KABUL, May 3 - Pakistani strikes hit three villages overnight and Pakistan denied it.\n\nThe provincial governor said 8 people were wounded.",
     [Expect(W, "exact", 8, 8, party="Afghanistan", group="people", claimant="Afghanistan")]),
]


@pytest.mark.parametrize("text, expected", DATELINES, ids=[t[:40] for t, _ in DATELINES])
def test_a_bureau_dateline_is_no_side(nlp, text, expected):
    _check(nlp, text, expected)
