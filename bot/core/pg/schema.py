"""The PostgreSQL store's schema: numbered migrations in bot/core/pg/migrations/, applied in
order under an advisory lock (two processes starting at once migrate once)."""

from __future__ import annotations

from importlib import resources

from bot.core.pg.conn import PgConn

MIGRATE_LOCK = 0x52415050  # advisory lock key: one migrating process at a time


def migrations() -> list[tuple[int, str]]:
    folder = resources.files("bot.core.pg") / "migrations"
    out = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            out.append((int(name[:3]), entry.read_text(encoding="utf-8")))
    return sorted(out)


def migrate(conn: PgConn) -> int:
    """Apply the migrations this database lacks, each in its own transaction; the version."""
    conn.execute("SELECT pg_advisory_lock(?)", (MIGRATE_LOCK,))
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)")
        row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        version = row[0] if row and row[0] is not None else 0
        for number, sql in migrations():
            if number <= version:
                continue
            with conn.raw.transaction():
                conn.raw.execute(sql.encode())  # several statements: the simple protocol
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
            version = number
        return version
    finally:
        conn.execute("SELECT pg_advisory_unlock(?)", (MIGRATE_LOCK,))
