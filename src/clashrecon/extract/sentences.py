"""The one line-break sentence splitter: in stored articles a line break always ends a sentence.

Pure Python over plain text (no spaCy), so the prefilter, the corpus pass in `clashrecon.chronology`
and the casualty extractor cut text at the same places.
"""

from __future__ import annotations

import re

_BREAK = re.compile(r"\n\s*(?=\S)")  # a line break and the white space after it, before more text
# ... or, between sentences of one line, a stop before a capital ("Aug. 31" is no end)
_BREAK_OR_STOP = re.compile(r"[.!?][”\"’']?\s+(?=[A-Z“\"])|\n\s*(?=\S)")


def sentence_pieces(text: str, *, at_stops: bool = False) -> list[tuple[int, int]]:
    """(start, end) of the pieces of `text` cut after each line break and the white space that
    follows it, and with `at_stops` also after a sentence stop followed by a capital.

    The pieces concatenate back to the text exactly, each keeping its trailing white space.
    """
    pattern = _BREAK_OR_STOP if at_stops else _BREAK
    cuts = [m.end() for m in pattern.finditer(text)]
    return list(zip([0, *cuts], [*cuts, len(text)]))
