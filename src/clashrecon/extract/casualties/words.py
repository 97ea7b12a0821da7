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
    direct_object_verbs: frozenset[str]
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
    share_verbs: frozenset[str]
    figure_verbs: frozenset[str]
    figure_verb_prepositions: frozenset[str]
    increment_nouns: frozenset[str]
    life_verbs: frozenset[str]
    ultimate_sacrifice: dict[str, frozenset[str]]
    hospital_verbs: frozenset[str]
    hospital_prepositions: frozenset[str]
    treatment_verbs: frozenset[str]
    treatment_prepositions: frozenset[str]
    predicative_markers: frozenset[str]
    hospital_nouns: frozenset[str]
    cause_bound_verbs: frozenset[str]
    affected_causes: frozenset[str]
    affected_prepositions: frozenset[str]
    reporting_verbs: frozenset[str]
    title_case_share: float
    title_case_min_letters: int
    headline_window: int
    headline_skip_words: frozenset[str]
    single_determiners: frozenset[str]
    single_pronouns: frozenset[str]
    collective_victims: frozenset[str]
    ranks: frozenset[str]
    back_pronouns: frozenset[str]
    linking_verbs: frozenset[str]
    non_violent_causes: frozenset[str]
    cause_prepositions: frozenset[str]
    accident_nouns: frozenset[str]
    accident_verbs: frozenset[str]
    period_nouns: frozenset[str]
    period_prepositions: frozenset[str]
    generic_determiners: frozenset[str]
    alternative_words: frozenset[str]
    split_kinds: frozenset[str]
    phrasal_verbs: dict[tuple[str, str], str]
    arrest_nouns: frozenset[str]
    patient_verbs: frozenset[str]
    patient_prepositions: frozenset[str]
    location_verbs: frozenset[str]
    care_nouns: frozenset[str]
    condition_nouns: frozenset[str]
    condition_adjectives: frozenset[str]
    rubble_verbs: frozenset[str]
    rubble_prepositions: frozenset[str]
    rubble_nouns: frozenset[str]
    context_kind_nouns: frozenset[str]
    as_killed: frozenset[str]
    dead_over: frozenset[str]
    government_modifiers: frozenset[str]
    state_force_nouns: frozenset[str]
    attacker_nouns: frozenset[str]
    origin_prepositions: frozenset[str]
    sending_verbs: frozenset[str]
    other_words: frozenset[str]
    mediator_nouns: frozenset[str]
    toll_step_verbs: frozenset[str]
    all_of_them: frozenset[str]
    member_nouns: frozenset[str]
    formation_nouns: frozenset[str]
    all_of_them_window: int


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
        direct_object_verbs=frozenset(raw["direct_object_verbs"]["words"]),
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
        share_verbs=frozenset(raw["share_verbs"]["words"]),
        # the beyond_verbs give a casualty noun its figure as well as a toll
        figure_verbs=frozenset(raw["figure_verbs"]["words"]) | frozenset(raw["beyond_verbs"]["words"]),
        figure_verb_prepositions=frozenset(raw["figure_verbs"]["prepositions"]),
        increment_nouns=frozenset(raw["increment_nouns"]["words"]),
        life_verbs=frozenset(raw["life_verbs"]["words"]),
        ultimate_sacrifice={k: frozenset(v) for k, v in raw["ultimate_sacrifice"].items()},
        hospital_verbs=frozenset(raw["hospital_verbs"]["words"]),
        hospital_prepositions=frozenset(raw["hospital_verbs"]["prepositions"]),
        treatment_verbs=frozenset(raw["treatment_verbs"]["words"]),
        treatment_prepositions=frozenset(raw["treatment_verbs"]["prepositions"]),
        predicative_markers=frozenset(raw["predicative_markers"]["words"]),
        hospital_nouns=frozenset(raw["hospital_nouns"]["words"]),
        cause_bound_verbs=frozenset(raw["affected_causes"]["verbs"]),
        affected_causes=frozenset(raw["affected_causes"]["causes"]),
        affected_prepositions=frozenset(raw["affected_causes"]["prepositions"]),
        reporting_verbs=frozenset(load_data("attribution.json")["reporting_verbs"]),
        title_case_share=raw["title_case_headlines"]["share"],
        title_case_min_letters=raw["title_case_headlines"]["min_letters"],
        headline_window=raw["title_case_headlines"]["window"],
        headline_skip_words=frozenset(raw["title_case_headlines"]["skip_words"]),
        single_determiners=frozenset(raw["single_determiners"]["words"]),
        single_pronouns=frozenset(raw["single_pronouns"]["words"]),
        collective_victims=frozenset(raw["collective_victim_nouns"]["words"]),
        ranks=frozenset(raw["rank_nouns"]["words"]),
        back_pronouns=frozenset(raw["back_reference_pronouns"]["words"]),
        linking_verbs=frozenset(raw["window_linking_verbs"]["words"]),
        non_violent_causes=frozenset(raw["non_violent_causes"]["words"]),
        cause_prepositions=frozenset(raw["cause_prepositions"]["words"]),
        accident_nouns=frozenset(raw["accident_nouns"]["words"]),
        accident_verbs=frozenset(raw["accident_verbs"]["words"]),
        period_nouns=frozenset(raw["period_nouns"]["words"]),
        period_prepositions=frozenset(raw["period_prepositions"]["words"]),
        generic_determiners=frozenset(raw["generic_determiners"]["words"]),
        alternative_words=frozenset(raw["coordinated_kinds"]["alternatives"]),
        split_kinds=frozenset(raw["coordinated_kinds"]["split_kinds"]),
        phrasal_verbs={
            tuple(phrase.split()): kind
            for kind, phrases in raw["phrasal_kind_verbs"].items()
            if not kind.startswith("_")
            for phrase in phrases
        },
        arrest_nouns=frozenset(raw["arrest_nouns"]["words"]),
        patient_verbs=frozenset(raw["patient_verbs"]["words"]),
        patient_prepositions=frozenset(raw["patient_verbs"]["prepositions"]),
        location_verbs=frozenset(raw["patient_verbs"]["location_verbs"]),
        care_nouns=frozenset(raw["care_nouns"]["words"]),
        condition_nouns=frozenset(raw["care_conditions"]["nouns"]),
        condition_adjectives=frozenset(raw["care_conditions"]["adjectives"]),
        rubble_verbs=frozenset(raw["rubble_words"]["verbs"]),
        rubble_prepositions=frozenset(raw["rubble_words"]["prepositions"]),
        rubble_nouns=frozenset(raw["rubble_words"]["nouns"]),
        context_kind_nouns=frozenset(raw["context_kind_nouns"]["words"]),
        as_killed=frozenset(raw["context_kind_nouns"]["as_killed"]),
        dead_over=frozenset(raw["context_kind_nouns"]["dead_over"]),
        government_modifiers=frozenset(raw["government_modifiers"]["words"]),
        state_force_nouns=frozenset(raw["state_force_nouns"]["words"]),
        attacker_nouns=frozenset(raw["attacker_nouns"]["words"]),
        origin_prepositions=frozenset(raw["origin_prepositions"]["words"]),
        sending_verbs=frozenset(raw["sending_verbs"]["words"]),
        other_words=frozenset(raw["other_words"]["words"]),
        mediator_nouns=frozenset(raw["mediator_nouns"]["words"]),
        toll_step_verbs=frozenset(raw["toll_step_verbs"]["words"]),
        all_of_them=frozenset(raw["all_of_them"]["words"]),
        member_nouns=frozenset(raw["member_nouns"]["words"]),
        formation_nouns=frozenset(raw["formation_nouns"]["words"]),
        all_of_them_window=raw["all_of_them"]["window"],
    )
