"""The store: the one place SQL is written. `Store.open(path, create=...)` opens one."""

from clashrecon.store.base import DEFAULT_DB, Store, StoredSource, default_db_path
from clashrecon.store.migrations import MIGRATIONS, SCHEMA_VERSION

__all__ = ["DEFAULT_DB", "MIGRATIONS", "SCHEMA_VERSION", "Store", "StoredSource", "default_db_path"]
