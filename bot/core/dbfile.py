"""The database file itself, looked at before SQLite connection threads are started."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from bot.core.errors import NotADatabase, SchemaTooNew

_SERVER_URL = re.compile(r"postgres(?:ql)?(?:\+\w+)?:/", re.IGNORECASE)


def is_server_url(target: str | Path) -> bool:
    """A database server's URL (`postgresql://…`), not a SQLite file: no lock file, nothing
    beside it. Also true of such a URL that went through Path (which makes `//` one `/`)."""
    return _SERVER_URL.match(str(target)) is not None


def probe(path: str, known: int) -> None:
    """Look at the file before anything writes to it, in a plain connection: what SQLite cannot
    open or read fails here, before a connection thread exists; so does a schema newer than
    `known` (the last migration here) or another program's database. A file cut short (an
    interrupted copy) is found by its size: SQLite would only fail on the first missing page."""
    file, wal = Path(path), Path(path + "-wal")
    if file.is_file() and not (wal.is_file() and wal.stat().st_size):  # a WAL may hold the rest
        with file.open("rb") as f:
            head = f.read(100)
        size = file.stat().st_size
        page_size = int.from_bytes(head[16:18], "big") if len(head) == 100 else 0
        pages = int.from_bytes(head[28:32], "big") if len(head) == 100 else 0
        expected = pages * (65536 if page_size == 1 else page_size)
        # The header's page count is valid only while its two change counters agree.
        if head.startswith(b"SQLite format 3\0") and head[24:28] == head[92:96] and size < expected:
            raise NotADatabase(
                "the database file is damaged",
                f"{path} is damaged (cut short: {size} of {expected} bytes); move it away "
                "(a new one is made) or restore a backup, or set RAPPORTEUR_DB",
            )
    conn = sqlite3.connect(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute(
            "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite%' LIMIT 3"
        ).fetchall()
    finally:
        conn.close()
    if version > known:
        raise SchemaTooNew(
            "the database was made by a newer Rapporteur",
            f"{path} was made by a newer Rapporteur (schema {version}, this one knows up to "
            f"{known}); upgrade Rapporteur or set RAPPORTEUR_DB to another database",
        )
    if version == 0 and tables:  # another program's file: adding our tables to it would be wrong
        raise NotADatabase(
            "the database belongs to another program",
            f"{path} is not a Rapporteur database (it holds tables "
            f"{', '.join(t[0] for t in tables)}); move it away or set RAPPORTEUR_DB",
        )
