"""What the read commands ask of the store: the reconciled picture and the claims as the corpus passes see them."""

from __future__ import annotations

from datetime import date

import pytest

from clashrecon import queries
from clashrecon.errors import UnknownId, UsageError
from clashrecon.models import Field
from clashrecon.store import Store


@pytest.fixture
def store(seeds_db):
    with Store.open(seeds_db, create=False) as s:
        yield s


def test_claims_carry_the_times_the_corpus_pass_resolved(store):
    times = {(c.article[:3], c.kind): c.value for c in queries.claims(store, field="times")}
    assert times[("000", "fighting_start")] == "2022-09-13T00:00/2022-09-13T00:59"
    assert times[("003", "meeting")] == "2022-08-31"
    stored = {c.id: c for c in store.claims(field="times")}
    assert all(stored[c.id].event_time.start is None for c in queries.claims(store, field="times") if stored[c.id].event_time.weekday is not None)


@pytest.mark.parametrize(
    "options, message",
    [
        ({"field": "casualty"}, "unknown field 'casualty'; choose one of casualties, actors, places, times or all"),
        ({"article": "missing.txt"}, "no article named 'missing.txt' in the store; stored: 000_"),
    ],
)
def test_claims_refuse_what_names_nothing(store, options, message):
    with pytest.raises(UsageError, match=message.replace("(", r"\(")):
        queries.claims(store, **options)


def test_sources_show_each_articles_origin_and_claim_count(store):
    rows = {r["article"][:3]: r for r in queries.sources(store)}
    assert [rows[k]["origin"] for k in ("000", "002", "004")] == ["AP"] * 3
    assert rows["001"]["origin"] == "Reuters"
    # the seeds carry no dates: the chronology pass infers them from the text
    assert [rows[k]["published"]["date"] for k in sorted(rows)] == ["2022-09-13"] * 4 + ["2022-09-14"]
    assert {r["published"]["basis"] for r in rows.values()} == {"inferred"}
    assert sum(r["claims"] for r in rows.values()) == store.counts()["claims"]


@pytest.mark.parametrize(
    "since, until, labels",
    [
        (None, None, ["1994", "2020", "2022-09-13"]),
        (date(2022, 9, 1), None, ["2022-09-13"]),
        (None, date(2020, 12, 31), ["1994", "2020"]),
    ],
)
def test_the_timeline_keeps_events_that_overlap_the_window(store, since, until, labels):
    events = queries.timeline(store, since=since, until=until).events
    assert [e.when.start[: len(label)] for e, label in zip(events, labels)] == labels
    assert len(events) == len(labels)


@pytest.mark.parametrize(
    "since, until, subjects",
    [
        (None, None, ["Armenia · killed", "Armenia · bodies", "Azerbaijan · killed", "Azerbaijan · wounded", "both sides · killed"]),
        (date(2022, 9, 14), None, ["Armenia · killed", "Armenia · bodies", "Azerbaijan · killed", "Azerbaijan · wounded", "both sides · killed"]),
        (None, date(2020, 12, 31), []),  # only the background wars: their figures are no story's final one
    ],
)
def test_the_timeline_keeps_the_final_figures_with_a_round_inside_the_window(store, since, until, subjects):
    assert [f.subject for f in queries.timeline(store, since=since, until=until).figures] == subjects


def test_figures_of_one_side_in_any_case_and_of_one_kind(store):
    assert [f.subject for f in queries.figures(store, party="ARMENIA")] == ["Armenia · killed", "Armenia · bodies"]
    assert [f.subject for f in queries.figures(store, party="both sides", kind="killed")] == ["both sides · killed"]
    assert queries.figures(store, kind="captured") == []


@pytest.mark.parametrize(
    "options, message",
    [
        ({"kind": "dead"}, "unknown kind 'dead'; choose one of killed, wounded, missing, captured, bodies or casualties"),
        ({"party": "Armenian"}, "no final figures for party 'Armenian'; parties with figures: Armenia, Azerbaijan, both"),
    ],
)
def test_figures_refuse_what_names_nothing(store, options, message):
    with pytest.raises(UsageError, match=message):
        queries.figures(store, **options)


def test_conflicts_filter_by_field_and_keep_relations_only_with_all(store):
    real = queries.conflicts(store)
    everything = queries.conflicts(store, include_all=True)
    assert real and all(c.is_conflict for c in real)
    assert len(everything) > len(real)
    assert all(c.field is Field.actors for c in queries.conflicts(store, field="actors", include_all=True))


def test_show_finds_an_event_a_fact_and_a_claim_with_the_claims_behind_them(store):
    [event] = [e for e in queries.timeline(store).events if not e.background]
    fact = event.facts[0]
    shown_event, shown_fact = queries.show(store, event.id), queries.show(store, fact.id)
    assert (shown_event.type, shown_fact.type) == ("event", "fact")
    assert {c.id for c in shown_fact.claims} == set(fact.claim_ids)
    claim = shown_fact.claims[0]
    assert shown_fact.texts[claim.article_id][claim.start : claim.end] == claim.quote
    assert queries.show(store, claim.id).record == claim


def test_show_names_where_ids_come_from_when_one_is_unknown(store):
    with pytest.raises(UnknownId, match="IDs are shown by `timeline`, `conflicts` and `claims`"):
        queries.show(store, "e00000000")
