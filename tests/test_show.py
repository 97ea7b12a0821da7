"""`clashrecon show ID`: every claim behind an event, fact, conflict or claim, with its quote and number."""

from __future__ import annotations

import pytest

from clashrecon import render
from clashrecon.models import Claim, Field
from conftest import cli_json, run_cli


@pytest.fixture(scope="module")
def ids(runner, seeds_db):
    timeline = cli_json(runner, "timeline", "--db", str(seeds_db))
    conflicts = cli_json(runner, "conflicts", "--all", "--db", str(seeds_db))
    claims = cli_json(runner, "claims", "--db", str(seeds_db))
    event = next(e for e in timeline if not e["background"])
    fact = next(f for f in event["facts"] if f["subject"] == "Armenia · killed")
    return {"event": event["id"], "fact": fact["id"], "conflict": conflicts[0]["id"], "claim": claims[0]["id"]}


@pytest.mark.parametrize("kind", ["event", "fact", "conflict", "claim"])
def test_show_resolves_every_kind_of_id(runner, seeds_db, ids, kind):
    data = cli_json(runner, "show", ids[kind], "--db", str(seeds_db))
    assert data["type"] == kind and data["claims"]
    for c in data["claims"]:
        assert c["quote"] and c["article"]


def test_show_of_a_fact_lists_every_claim_with_its_article(runner, seeds_db, ids):
    result = run_cli(runner, "show", ids["fact"], "--db", str(seeds_db))
    assert result.exit_code == 0
    assert "low 105 · best 105 · high 105 · conservative 105" in result.stdout
    for name in ("000_", "001_", "002_", "003_", "004_"):
        assert name in result.stdout
    assert "105 of his country’s troops" in result.stdout


def test_the_number_is_highlighted_in_its_sentence():
    quote = "Azerbaijan said it lost 50 troops."
    claim = Claim(id="c1", article="a.txt", article_id="x", field=Field.casualties, kind="killed", quote=quote,
                  start=100, end=100 + len(quote), span_start=124, span_end=126)
    text = render._highlighted(claim.quote, claim.start, (claim.span_start, claim.span_end))
    [span] = [s for s in text.spans if "reverse" in str(s.style)]
    assert text.plain[span.start : span.end] == "50"
