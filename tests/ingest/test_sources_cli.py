"""`clashrecon sources --json` on the seeds: wire origins with their reasons, metadata from the text."""

from __future__ import annotations

from conftest import cli_json


def test_seed_origins_ap_reuters_and_003_alone(runner, seeds_db):
    rows = {r["article"][:3]: r for r in cli_json(runner, "sources", "--db", str(seeds_db))}
    assert rows["000"]["origin"] == rows["002"]["origin"] == rows["004"]["origin"]
    others = {rows["001"]["origin"], rows["003"]["origin"]}
    assert len(others) == 2 and rows["000"]["origin"] not in others
    assert rows["001"]["origin_reason"] == "wire credit Reuters"
    assert rows["003"]["origin_reason"] == "no wire credit and no shared text: its own origin"
    assert "shares" in rows["000"]["origin_reason"] and "002_e9d03dd66f68ed55.txt" in rows["000"]["origin_reason"]


def test_seed_metadata_is_read_from_the_text_and_never_from_a_caption(runner, seeds_db):
    rows = {r["article"][:3]: r for r in cli_json(runner, "sources", "--db", str(seeds_db))}
    assert (rows["002"]["byline"], rows["002"]["credit"], rows["002"]["dateline"]) == ("Avet Demourian", "AP", "YEREVAN, Armenia")
    assert rows["001"]["title"] == "Armenia says 49 soldiers killed in clashes with Azerbaijan"
    assert rows["003"]["title"] is None
    # 001 prints "June 18, 2021" in a photo caption: no date of 2021 may reach the article
    assert not (rows["001"]["published"]["date"] or "").startswith("2021")
