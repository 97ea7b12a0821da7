"""Article text made safe for a brief: escaped for HTML and SVG, and links only where a link is safe.

Every string that came from an article (titles, quotes, outlets, names, addresses) goes through
`esc` before it is written, so markup in it is shown, never obeyed; characters that would
reorder or hide text are shown as tags (clashrecon.invisible), as the terminal shows them.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from clashrecon import invisible

# what XML 1.0 (and so SVG and well-formed HTML) cannot hold: C0 and C1 controls but tab and
# line breaks, lone surrogates and the two non-characters
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(value: object) -> str:
    """A value as text a page can hold: illegal characters dropped, suspect ones shown as tags."""
    return invisible.shown(_ILLEGAL.sub("", "" if value is None else str(value)))


def esc(value: object) -> str:
    """A value as HTML/SVG text or attribute value: `& < > " '` escaped."""
    return html.escape(clean(value), quote=True)


def link_target(url: str | None) -> str | None:
    """The address to link to, or None: only absolute http and https addresses with a host are
    linked (never javascript:, data:, file: or a relative path a page could resolve elsewhere)."""
    if not url:
        return None
    url = url.strip()
    if _ILLEGAL.search(url) or invisible.found(url) or any(ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url
