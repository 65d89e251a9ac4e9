"""Which store a database name means: a `postgresql://` (or `postgres://`) URL is PostgreSQL,
anything else a SQLite file (the default)."""

from __future__ import annotations

from pathlib import Path

from bot.core.dbfile import is_server_url
from bot.core.errors import StoreError
from bot.core.storage import Store
from bot.core.store_api import StoreAPI


def open_store(name: str | Path) -> StoreAPI:
    """The store for `name` (not opened yet: `await store.open()`)."""
    if not is_server_url(name):
        return Store(name)
    try:
        from bot.core.pg import PgStore
    except ImportError as e:  # psycopg is an optional extra
        raise StoreError(
            f"PostgreSQL support is not installed ({e.name} is missing)",
            "to use a postgresql:// database, install the `pg` extra: pip install -e '.[pg]'",
        ) from e
    return PgStore(str(name))
