"""The store's schema: numbered migrations in bot/core/migrations/, applied in order."""

from __future__ import annotations

import sqlite3
from importlib import resources

FTS_HASHSIZE = 16 * 2**20  # bytes of pending FTS5 terms held before a segment is written


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("bot.core") / "migrations"
    out = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            out.append((int(name[:3]), entry.read_text(encoding="utf-8")))
    return sorted(out)


def prepare(conn: sqlite3.Connection, migrations: list[tuple[int, str]], busy_ms: int) -> bool:
    """Set the writer's connection up and migrate; True if the vocabulary index is ready."""
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={busy_ms}")
    conn.execute("PRAGMA cache_size=-32000")  # bulk loads touch many pages
    migrate(conn, migrations)
    fts_settings(conn)
    row = conn.execute("SELECT value FROM vocab_stats WHERE name = 'ready'").fetchone()
    return bool(row and row[0])


def migrate(conn: sqlite3.Connection, migrations: list[tuple[int, str]]) -> None:
    row = conn.execute("PRAGMA user_version").fetchone()
    version = row[0] if row else 0
    # Foreign keys off while migrating (SQLite's own recipe for rebuilding a table): else
    # dropping the old `documents` in 006 would cascade to every paragraph and citation.
    # Each migration is checked before it commits, and the keys are back on after.
    conn.execute("PRAGMA foreign_keys=OFF")
    try:
        for number, sql in migrations:
            if number <= version:
                continue
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split_sql(sql):
                    conn.execute(statement)
                broken = conn.execute("PRAGMA foreign_key_check").fetchone()
                if broken is not None:
                    raise sqlite3.IntegrityError(
                        f"migration {number:03d} broke a foreign key: {tuple(broken)}"
                    )
                conn.execute(f"PRAGMA user_version={number}")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:  # SQLite ends it by itself on some errors (disk full)
                    conn.execute("ROLLBACK")
                raise
    finally:
        conn.execute("PRAGMA foreign_keys=ON")


def fts_settings(conn: sqlite3.Connection) -> None:
    """FTS5 keeps up to FTS_HASHSIZE bytes of new terms in memory before it writes them as a
    segment (1 MB by default): a load's paragraphs then make one segment, not one per MB,
    so less merging while loading and fewer segments to look each term up in afterwards.
    Stored in the index's config table; written once."""
    row = conn.execute("SELECT v FROM paragraphs_fts_config WHERE k = 'hashsize'").fetchone()
    if not row or row[0] != FTS_HASHSIZE:
        conn.execute(
            "INSERT INTO paragraphs_fts (paragraphs_fts, rank) VALUES ('hashsize', ?)",
            (FTS_HASHSIZE,),
        )


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    statements: list[str] = []
    buf: list[str] = []
    depth = 0
    for line in sql.splitlines():
        stripped = line.strip()
        if not buf and (not stripped or stripped.startswith("--")):
            continue
        buf.append(line)
        upper = stripped.upper()
        if upper.endswith("BEGIN"):
            depth += 1
        if stripped.endswith(";"):
            if depth and upper.startswith("END"):
                depth -= 1
            if depth == 0:
                statements.append("\n".join(buf))
                buf = []
    if buf and "".join(buf).strip():
        statements.append("\n".join(buf))
    return statements
