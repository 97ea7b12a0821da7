"""Text hygiene: decoding, Unicode normalisation, control characters and ANSI escapes."""

from __future__ import annotations

import re
import unicodedata

ANSI_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
# C0/C1 controls except tab and newline; \r is folded into \n first
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class UndecodableText(ValueError):
    pass


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes to text: UTF-8 (with or without BOM) first, then UTF-16 by BOM, then a detected encoding.

    Returns the text and a warning when the encoding was not UTF-8.
    Raises UndecodableText for binary data.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "decoded as UTF-16 (byte-order mark)"
        except UnicodeDecodeError as exc:
            raise UndecodableText("invalid UTF-16 after a byte-order mark") from exc
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise UndecodableText("binary data (NUL bytes), not text")
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    western = _western(data)
    if western is not None:
        return western, "not valid UTF-8; decoded as cp1252 (Windows Western / Latin-1)"
    from charset_normalizer import from_bytes  # only needed for the rare non-UTF-8 file

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise UndecodableText("not valid UTF-8 and no other text encoding fits")
    text = data.decode(best.encoding, errors="replace")
    if _looks_binary(text):
        raise UndecodableText("binary data, not text")
    return text, f"not valid UTF-8; decoded as {best.encoding}"


def _damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few broken bytes, decoded as UTF-8 with replacement characters.

    A legacy code page almost never yields a well-formed UTF-8 multi-byte sequence by chance
    (a lead byte such as 'Ã' must be followed by a continuation byte), so a file that has some,
    and not overwhelmingly more broken bytes, was UTF-8 damaged in places; reading all of it in a
    legacy code page would turn every accented name into mojibake to rescue those few bytes.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    well_formed = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if well_formed and broken <= 4 * well_formed + 8:
        return text, f"not valid UTF-8: {broken} broken byte sequence(s) replaced with \ufffd"
    return None


# Latin letters, typographic punctuation and symbols a Western news text uses
WESTERN = re.compile(r"[\u00a0-\u00ff\u2013\u2014\u2018-\u201e\u2022\u2026\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e]")


def _western(data: bytes) -> str | None:
    """The text as cp1252 when every non-ASCII character it yields is a Western letter or punctuation.

    Statistical detectors guess Baltic or DOS code pages for short Latin-1 texts; cp1252, the
    web's reading of "Latin-1", is the likely legacy encoding of a saved news page.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    extra = [ch for ch in text if ord(ch) > 127]
    if not extra or any(not WESTERN.match(ch) for ch in extra):
        return None
    # in a Western language accented letters are a few per word; a Cyrillic or Greek code page read
    # as cp1252 turns most letters into accented ones
    letters = sum(ch.isalpha() for ch in text)
    return text if letters and len(extra) / letters <= 0.2 else None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\t\r")
    return bad / len(sample) > 0.05


def normalise(text: str) -> str:
    """NFC, newlines as \\n, ANSI escapes and control characters removed, trailing spaces trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ANSI_ESCAPE.sub("", text)
    text = CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text.strip("\n")


def one_line(text: str) -> str:
    """A name or path as text to store and print: escapes and control characters removed, line
    breaks and tabs as spaces (the file on disk keeps its own name)."""
    text = re.sub(r"[\t\n\r\x0b\x0c]+", " ", ANSI_ESCAPE.sub("", text))
    return unicodedata.normalize("NFC", CONTROL.sub("", text))


QUOTE_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"'})


def fold_quotes(text: str) -> str:
    """Curly and straight quotes and apostrophes alike, for matching only (never for storage)."""
    return text.translate(QUOTE_FOLD)
