"""The one line-break sentence splitter, and the time parser staying free of spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from clashrecon.extract.sentences import sentence_pieces


@pytest.mark.parametrize(
    "text, at_stops, pieces",
    [
        (
            "Armenia says 49 soldiers killed\n\nYEREVAN (Reuters) - Armenia said on Tuesday that 49 of its soldiers were killed.",
            False,
            ["Armenia says 49 soldiers killed\n\n", "YEREVAN (Reuters) - Armenia said on Tuesday that 49 of its soldiers were killed."],
        ),
        (
            "Fighting erupted early on Tuesday. The ministry said 15 were wounded.\nTalks resumed on Aug. 31 in Moscow.",
            True,
            ["Fighting erupted early on Tuesday. ", "The ministry said 15 were wounded.\n", "Talks resumed on Aug. 31 in Moscow."],
        ),
        ("Shelling of Congo displacement camp kills 17\n   \n  GOMA, Congo (AP) — The toll rose to 23.", False, ["Shelling of Congo displacement camp kills 17\n   \n  ", "GOMA, Congo (AP) — The toll rose to 23."]),
        ("Talks resumed on Aug. 31 in Moscow.", True, ["Talks resumed on Aug. 31 in Moscow."]),
        ("", False, [""]),
    ],
)
def test_sentences_end_at_line_breaks_and_the_pieces_rebuild_the_text(text, at_stops, pieces):
    found = [text[a:b] for a, b in sentence_pieces(text, at_stops=at_stops)]
    assert found == pieces
    assert "".join(found) == text


@pytest.mark.parametrize(
    "module, name, call, expected",
    [
        (
            "clashrecon.extract.times",
            "time_expressions",
            "[(e.ref.text, e.ref.weekday, e.ref.part_of_day, e.ref.month, e.ref.day) for e in time_expressions("
            "'Azerbaijani forces shelled the town early on Tuesday, Sept. 13, the ministry said.')]",
            [("early on Tuesday", 1, "early", None, None), ("Sept. 13", None, None, 9, 13)],
        ),
        (
            "clashrecon.extract.times",
            "best_time",
            "(lambda r: (r.weekday, r.hour, r.minute))(best_time('The ceasefire took effect at 9 a.m. on Wednesday.').ref)",
            (2, 9, 0),
        ),
        (
            "clashrecon.extract.sentences",
            "sentence_pieces",
            "sentence_pieces('Clashes erupted overnight.\\nSix soldiers were killed.', at_stops=True)",
            [(0, 27), (27, 52)],
        ),
    ],
)
def test_the_time_parser_and_splitter_never_import_spacy(module, name, call, expected):
    code = f"import sys\nfrom {module} import {name}\nprint(repr({call}))\nprint('spacy' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    value, spacy_loaded = out.stdout.strip().split("\n")
    assert value == repr(expected)
    assert spacy_loaded == "False"
