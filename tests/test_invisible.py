"""Characters that reorder or hide text are shown and flagged, never passed through raw."""

from __future__ import annotations

import json

from clashrecon import invisible, render

SPOOF = "killed \u202e94\u202c soldiers"  # displays as "killed 49 soldiers"


def test_bidi_controls_and_zero_width_characters_are_found_and_shown_as_tags():
    text = SPOOF + " in \u2066Tavush\u2069\u200b"
    assert invisible.found(text) == ["U+202E", "U+202C", "U+2066", "U+2069", "U+200B"]
    assert invisible.shown(text) == "killed ⟨U+202E⟩94⟨U+202C⟩ soldiers in ⟨U+2066⟩Tavush⟨U+2069⟩⟨U+200B⟩"
    assert render.safe(text) == invisible.shown(text)


def test_joiners_stay_between_letters_of_scripts_that_need_them():
    persian = "می\u200cخواهم"  # the zero-width non-joiner is part of Persian spelling
    assert invisible.found(persian) == [] and render.safe(persian) == persian
    assert invisible.shown("4\u200d9 killed") == "4⟨U+200D⟩9 killed"


def test_json_writes_them_as_escapes_and_reads_back_the_same_text(capsys):
    render.emit_json({"quote": SPOOF})
    printed = capsys.readouterr().out
    assert "\\u202e94\\u202c" in printed and "\u202e" not in printed
    assert json.loads(printed) == {"quote": SPOOF}


def test_a_record_is_flagged_with_what_each_field_holds():
    record = {"quote": SPOOF, "quotes": ["clean", "x\u200by"], "title": "clean"}
    assert invisible.flagged(record, "quote", "quotes", "title")["invisible_characters"] == {
        "quote": ["U+202E", "U+202C"],
        "quotes": ["U+200B"],
    }
    assert "invisible_characters" not in invisible.flagged({"title": "clean"}, "title")
