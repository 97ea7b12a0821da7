"""The casualty lexicon of data/casualties.json, read once into look-up tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from clashrecon.lexicon import load_data
from clashrecon.models import VictimGroup




@dataclass(frozen=True)
class CasualtyWords:
    verbs: dict[str, str]
    adjectives: dict[str, str]
    nouns: dict[str, str]
    toll: frozenset[str]
    toll_compounds: dict[str, str]
    lose: frozenset[str]
    prisoner_phrases: tuple[tuple[str, ...], ...]
    victims: dict[str, VictimGroup]
    group_markers: frozenset[str]
    increment_before: frozenset[str]
    both_sides: tuple[str, ...]
    war_nouns: frozenset[str]
    mutual_fighting: frozenset[str]
    own_forces: frozenset[str]
    place_nouns: frozenset[str]
    place_titles: frozenset[str]
    units: frozenset[str]
    denial: frozenset[str]
    report_nouns: frozenset[str]
    no_numbers: tuple[str, ...]
    possessives: frozenset[str]
    subject_pronouns: frozenset[str]
    not_relative_clause: frozenset[str]
    not_phrase_kind_nouns: frozenset[str]
    captive_nouns: frozenset[str]
    held_verbs: frozenset[str]
    not_window_verbs: frozenset[str]
    speaker_place_lookback: int
    kind_walk_steps: int
    participle_window: int
    group_marker_lookback: int
    victim_subject_verbs: frozenset[str]
    listing_verbs: frozenset[str]
    body_nouns: frozenset[str]
    detention_verbs: frozenset[str]
    detained_nouns: frozenset[str]
    life_nouns: frozenset[str]
    claim_lives_verbs: frozenset[str]
    unquantified_verbs: frozenset[str]
    unquantified_quantifiers: frozenset[str]
    unquantified_modals: frozenset[str]
    group_adjectives: dict[str, VictimGroup]
    victim_prepositions: frozenset[str]
    counted_noun_skip: int
    people_next_window: int
    toll_prepositions: frozenset[str]
    side_prepositions: frozenset[str]
    attack_prepositions: frozenset[str]
    enemy_nouns: frozenset[str]
    not_place_prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    target_prepositions: frozenset[str]
    speaker_country_prepositions: frozenset[str]
    war_prepositions: frozenset[str]
    earlier_war_prepositions: frozenset[str]
    war_reference_prepositions: frozenset[str]
    war_year_heads: int
    side_nouns: frozenset[str]
    side_phrase_prepositions: frozenset[str]
    speaker_count_nouns: frozenset[str]
    attack_nouns: frozenset[str]
    others_groups: frozenset[VictimGroup]
    beyond_verbs: frozenset[str]
    figure_prepositions: frozenset[str]
    count_of_nouns: frozenset[str]
    whole_set_markers: frozenset[str]
    government_modifiers: frozenset[str]
    state_force_nouns: frozenset[str]
    attacker_nouns: frozenset[str]
    origin_prepositions: frozenset[str]
    other_words: frozenset[str]
    mediator_nouns: frozenset[str]


def _invert(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: kind for kind, words in table.items() for word in words}


@cache
def casualty_words() -> CasualtyWords:
    raw = load_data("casualties.json")
    victims: dict[str, VictimGroup] = {}
    # civilians and military first so that their words win over the generic people list
    for group in ("civilians", "military", "people"):
        for word in raw["victim_nouns"][group]:
            victims.setdefault(word, VictimGroup(group))
    return CasualtyWords(
        verbs=_invert(raw["kind_verbs"]),
        adjectives=_invert(raw["kind_adjectives"]),
        nouns=_invert(raw["kind_nouns"]),
        toll=frozenset(raw["toll_nouns"]),
        toll_compounds=raw["toll_compounds"],
        lose=frozenset(raw["lose_verbs"]),
        prisoner_phrases=tuple(tuple(p.split()) for p in raw["prisoner_phrases"]),
        victims=victims,
        group_markers=frozenset(raw["group_markers"]),
        increment_before=frozenset(raw["increment_markers"]),
        both_sides=tuple(raw["both_sides"]),
        war_nouns=frozenset(raw["war_nouns"]),
        mutual_fighting=frozenset(raw["mutual_fighting_nouns"]),
        own_forces=frozenset(raw["own_forces_nouns"]),
        place_nouns=frozenset(raw["place_nouns"]),
        place_titles=frozenset(raw["place_titles"]),
        units=frozenset(raw["unit_nouns"]),
        denial=frozenset(raw["denial_verbs"]),
        report_nouns=frozenset(raw["report_nouns"]),
        no_numbers=tuple(raw["no_numbers_phrases"]),
        possessives=frozenset(raw["possessive_pronouns"]),
        subject_pronouns=frozenset(load_data("attribution.json")["pronoun_speakers"]),
        not_relative_clause=frozenset(raw["not_relative_clause_verbs"]),
        not_phrase_kind_nouns=frozenset(raw["not_phrase_kind_nouns"]["words"]),
        captive_nouns=frozenset(raw["captive_nouns"]["words"]),
        held_verbs=frozenset(raw["held_verbs"]["words"]),
        not_window_verbs=frozenset(raw["not_window_verbs"]["words"]),
        speaker_place_lookback=raw["speaker_place_lookback"]["sentences"],
        kind_walk_steps=raw["kind_walk_steps"]["steps"],
        participle_window=raw["participle_window"]["tokens"],
        group_marker_lookback=raw["group_marker_lookback"]["tokens"],
        victim_subject_verbs=frozenset(raw["victim_subject_verbs"]["words"]),
        listing_verbs=frozenset(raw["listing_verbs"]["words"]),
        body_nouns=frozenset(raw["body_nouns"]["words"]),
        detention_verbs=frozenset(raw["detention_verbs"]["words"]),
        detained_nouns=frozenset(raw["detained_nouns"]["words"]),
        life_nouns=frozenset(raw["life_nouns"]["words"]),
        claim_lives_verbs=frozenset(raw["claim_lives_verbs"]["words"]),
        unquantified_verbs=frozenset(raw["unquantified_verbs"]["words"]),
        unquantified_quantifiers=frozenset(raw["unquantified_quantifiers"]["words"]),
        unquantified_modals=frozenset(raw["unquantified_modals"]["words"]),
        group_adjectives={word: VictimGroup(group) for word, group in raw["group_adjectives"]["words"].items()},
        victim_prepositions=frozenset(raw["victim_prepositions"]["words"]),
        counted_noun_skip=raw["counted_noun_skip"]["tokens"],
        people_next_window=raw["people_next_window"]["tokens"],
        toll_prepositions=frozenset(raw["toll_prepositions"]["words"]),
        side_prepositions=frozenset(raw["side_prepositions"]["words"]),
        attack_prepositions=frozenset(raw["attack_prepositions"]["words"]),
        enemy_nouns=frozenset(raw["enemy_nouns"]["words"]),
        not_place_prepositions=frozenset(raw["not_place_prepositions"]["words"]),
        place_prepositions=frozenset(raw["place_prepositions"]["words"]),
        target_prepositions=frozenset(raw["target_prepositions"]["words"]),
        speaker_country_prepositions=frozenset(raw["speaker_country_prepositions"]["words"]),
        war_prepositions=frozenset(raw["war_prepositions"]["words"]),
        earlier_war_prepositions=frozenset(raw["earlier_war_prepositions"]["words"]),
        war_reference_prepositions=frozenset(raw["war_reference_prepositions"]["words"]),
        war_year_heads=raw["war_year_heads"]["heads"],
        side_nouns=frozenset(raw["side_nouns"]["words"]),
        side_phrase_prepositions=frozenset(raw["side_phrase_prepositions"]["words"]),
        speaker_count_nouns=frozenset(raw["speaker_count_nouns"]["words"]),
        attack_nouns=frozenset(raw["attack_nouns"]["words"]),
        others_groups=frozenset(VictimGroup(g) for g in raw["others_groups"]["words"]),
        beyond_verbs=frozenset(raw["beyond_verbs"]["words"]),
        figure_prepositions=frozenset(raw["figure_prepositions"]["words"]),
        count_of_nouns=frozenset(raw["count_of_nouns"]["words"]),
        whole_set_markers=frozenset(raw["whole_set_markers"]["words"]),
        government_modifiers=frozenset(raw["government_modifiers"]["words"]),
        state_force_nouns=frozenset(raw["state_force_nouns"]["words"]),
        attacker_nouns=frozenset(raw["attacker_nouns"]["words"]),
        origin_prepositions=frozenset(raw["origin_prepositions"]["words"]),
        other_words=frozenset(raw["other_words"]["words"]),
        mediator_nouns=frozenset(raw["mediator_nouns"]["words"]),
    )
