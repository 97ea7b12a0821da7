"""A store given by a URL instead of a file path: which server store it is, and whether its client is installed.

Only `Store.open` calls this, for a `--db` (or CLASHRECON_DB) holding '://'; the server's client
library is imported here, so a user of the SQLite default never loads it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from clashrecon.errors import StoreError
from clashrecon.store.base import Store

SCHEMES = {"postgresql": "postgres", "postgres": "postgres"}  # URL scheme -> the extra that installs its client


def open_url(url: str, *, create: bool, write: bool) -> Store:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        raise StoreError(
            f"store {url.split('@')[-1]!r} has URL scheme {scheme!r}, which clashrecon cannot use; give --db "
            "postgresql://user@host:5432/name, or a SQLite file path"
        )
    try:
        from clashrecon.store.postgres import PostgresStore
    except ImportError as exc:
        raise StoreError(
            f"a PostgreSQL store needs psycopg 3, which is not installed ({exc}); "
            f"pip install 'clashrecon[{SCHEMES[scheme]}]', or give --db a SQLite file path"
        ) from exc
    return PostgresStore.open(url, create=create, write=write)
