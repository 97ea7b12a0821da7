"""Characters that change how text displays without being seen: bidirectional controls and
zero-width characters (the list is data/invisible.json).

Stored text keeps them (every quote equals the article text at its offsets); output shows them:
the terminal as a visible tag, JSON as an escape and a flag on the record.
"""

from __future__ import annotations

import re
from functools import cache

from clashrecon.lexicon import load_data

_LETTER_BEYOND_ASCII = r"[^\W\d_\x00-\x7f]"


@cache
def _pattern() -> re.Pattern[str]:
    data = load_data("invisible.json")
    shown = "".join(chr(int(code, 16)) for code in data["shown"])
    joiners = "".join(chr(int(code, 16)) for code in data["joiners"])
    # a joiner is harmless between two letters of a script that uses it, and suspect anywhere else
    return re.compile(
        f"[{re.escape(shown)}]|(?<!{_LETTER_BEYOND_ASCII})[{joiners}]|[{joiners}](?!{_LETTER_BEYOND_ASCII})"
    )


@cache
def _any() -> re.Pattern[str]:
    """Any of the characters `_pattern` may flag: a plain scan that rules most texts out at once."""
    data = load_data("invisible.json")
    return re.compile("[" + re.escape("".join(chr(int(code, 16)) for code in (*data["shown"], *data["joiners"]))) + "]")


def tag(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def found(text: str | None) -> list[str]:
    """The suspect characters in `text`, as 'U+202E', in order of first appearance."""
    if not text or not _any().search(text):
        return []
    return list(dict.fromkeys(tag(m.group()) for m in _pattern().finditer(text)))


def shown(text: str) -> str:
    """`text` with each suspect character replaced by a visible tag: '⟨U+202E⟩'."""
    if not _any().search(text):
        return text
    return _pattern().sub(lambda m: f"⟨{tag(m.group())}⟩", text)


def escaped(json_text: str) -> str:
    """JSON text with each suspect character written as its \\u escape: the same JSON, but one a
    terminal (`cat`, a pager) cannot be made to display reordered."""
    if not _any().search(json_text):
        return json_text
    return _pattern().sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


def flagged(record: dict, *keys: str) -> dict:
    """`record` with `invisible_characters` when any of `keys` (a string, or a list of them)
    holds some: for each such key, the characters found."""
    values = [record.get(key) for key in keys]
    texts = [t for v in values for t in (v if isinstance(v, list) else [v]) if isinstance(t, str)]
    if not _any().search("\n".join(texts)):  # most records hold none: one scan says so
        return record
    hits = {}
    for key in keys:
        value = record.get(key)
        texts = value if isinstance(value, list) else [value]
        chars = list(dict.fromkeys(ch for text in texts if isinstance(text, str) for ch in found(text)))
        if chars:
            hits[key] = chars
    return {**record, "invisible_characters": hits} if hits else record
