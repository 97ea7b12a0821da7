"""The data files load, and the actor lexicon resolves aliases, demonyms and capitals to one canonical name."""

from __future__ import annotations

import pytest

from clashrecon.lexicon import actor_lexicon, load_data


@pytest.mark.parametrize(
    "name, key",
    [("actors.json", "countries"), ("events.json", "attack"), ("reconcile.json", "disputes"), ("times.json", "time_claims")],
)
def test_data_files_load_once_as_parsed_json(name, key):
    data = load_data(name)
    assert key in data
    assert load_data(name) is data  # cached: every caller shares one parse


@pytest.mark.parametrize(
    "surface, canonical",
    [
        ("Armenia", "Armenia"),
        ("Armenian", "Armenia"),
        ("Azeris", "Azerbaijan"),
        ("Baku", "Azerbaijan"),
        ("the Kremlin", "Russia"),
        ("Russia's", "Russia"),
        ("Türkiye’s", "Turkey"),
        ("  U.S.  ", "United States"),
        ("Hizbollah", "Hezbollah"),
        ("the Taliban", "Taliban"),
        ("ISIL", "Islamic State"),
    ],
)
def test_a_surface_form_resolves_to_its_canonical_actor(surface, canonical):
    assert actor_lexicon().canonical(surface) == canonical


@pytest.mark.parametrize("surface", ["Gegharkunik", "officials", "the ministry", ""])
def test_words_that_name_no_actor_resolve_to_none(surface):
    assert actor_lexicon().canonical(surface) is None


@pytest.mark.parametrize(
    "name, kind",
    [("Armenia", "country"), ("United Nations", "organization"), ("Hamas", "group"), ("Gegharkunik", None)],
)
def test_each_actor_has_the_kind_of_its_section(name, kind):
    assert actor_lexicon().kind_of(name) == kind


def test_an_actor_is_its_own_first_alias_and_gets_its_sections_label():
    armenia = next(a for a in actor_lexicon().actors if a.name == "Armenia")
    assert armenia.aliases[0] == "Armenia" and armenia.label == "GPE"
    assert "Yerevan" in armenia.capitals and "Armenians" in armenia.demonyms
