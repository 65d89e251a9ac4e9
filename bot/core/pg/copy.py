"""`python -m bot migrate --to postgresql://...`: a SQLite library copied whole into PostgreSQL.

Every row keeps its id (documents, paragraphs, citations, vocabulary), so references stay
right, and the identity sequences continue after the highest, so ids are never reused. The copy
is one transaction: a failure leaves the target as it was. The target must hold no document.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from bot.core.errors import BadInput
from bot.core.pg.conn import PgConn
from bot.core.pg.store import PgStore
from bot.core.pg.text import paragraph_tsvector
from bot.core.pg.write import bump_generation, settle
from bot.core.storage import Store

CHUNK = 5_000

# (table, SQLite SELECT, PostgreSQL columns): in an order foreign keys accept.
TABLES: list[tuple[str, str, str]] = [
    (
        "documents",
        "SELECT id, scope, source, sha256, symbols, title, kind, language, date, record,"
        " search_text, loaded_by, loaded_at FROM documents ORDER BY id",
        "id, scope, source, sha256, symbols, title, kind, language, date, record, search_text,"
        " loaded_by, loaded_at",
    ),
    ("doc_symbols", "SELECT key, doc_id FROM doc_symbols", "key, doc_id"),
    (
        "paragraphs",
        "SELECT p.id, p.doc_id, d.scope, p.idx, p.section, p.text FROM paragraphs p"
        " JOIN documents d ON d.id = p.doc_id ORDER BY p.id",
        "id, doc_id, scope, idx, section, text, tsv",
    ),
    (
        "citations",
        "SELECT rowid, doc_id, symbol, kind, body, paragraph, surface, year_inferred"
        " FROM citations ORDER BY rowid",
        "id, doc_id, symbol, kind, body, paragraph, surface, year_inferred",
    ),
    ("vocab_scopes", "SELECT id, scope, paragraphs FROM vocab_scopes", "id, scope, paragraphs"),
    ("vocab", "SELECT id, sid, term, df FROM vocab", "id, sid, term, df"),
    ("vocab_del", "SELECT sid, key, term_id FROM vocab_del", "sid, key, term_id"),
]
IDENTITY = ["documents", "paragraphs", "citations", "vocab_scopes", "vocab"]


async def copy_library(source: str | Path, url: str) -> dict[str, int]:
    """Copy the SQLite library at `source` into the PostgreSQL database at `url`; rows per
    table. The SQLite file is brought to the current schema first (as opening it would)."""
    if not Path(source).is_file():
        raise BadInput(f"there is no SQLite database at {source}")
    sqlite_store = Store(source)
    await sqlite_store.open()  # its migrations and vocabulary, up to date
    await sqlite_store.close()
    target = PgStore(url)
    await target.open()
    try:
        counts = await target.writer.transaction(_copy, str(source))
        await target.writer.run(settle, True)
        await target.refresh()
        return counts
    finally:
        await target.close()


def _copy(conn: PgConn, source: str) -> dict[str, int]:
    if conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone():
        raise BadInput("the PostgreSQL database already holds documents: copy into an empty one")
    conn.execute("LOCK TABLE documents IN EXCLUSIVE MODE")  # no load meanwhile
    lite = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    counts: dict[str, int] = {}
    try:
        conn.execute("DELETE FROM vocab_del")
        conn.execute("DELETE FROM vocab")
        conn.execute("DELETE FROM vocab_scopes")
        for table, select, columns in TABLES:
            rows: Iterable[tuple[Any, ...]] = _rows(lite, select)
            if table == "paragraphs":
                rows = ((*r, paragraph_tsvector(r[5])[0]) for r in rows)
            counts[table] = _copy_rows(conn, table, columns, rows)
        counts["guild_settings"] = _copy_settings(conn, lite)
        used = _sqlite_sequence(lite)
    finally:
        lite.close()
    for table in IDENTITY:  # new rows continue after the copied ids (and removed documents')
        conn.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
            f" GREATEST((SELECT MAX(id) FROM {table}), ?,"
            f" nextval(pg_get_serial_sequence('{table}', 'id'))))",
            (used if table == "documents" else 0,),
        )
    bump_generation(conn)
    return counts  # the caller analyzes: fresh planner statistics for the copied rows


def _rows(lite: sqlite3.Connection, select: str) -> Iterator[tuple[Any, ...]]:
    cur = lite.execute(select)
    while batch := cur.fetchmany(CHUNK):
        yield from batch


def _copy_rows(conn: PgConn, table: str, columns: str, rows: Iterable[tuple[Any, ...]]) -> int:
    n = 0
    with conn.raw.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            n += 1
    return n


def _copy_settings(conn: PgConn, lite: sqlite3.Connection) -> int:
    """Guild settings, when the SQLite library keeps them (guild_id, mod_roles as JSON)."""
    has = lite.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'guild_settings'"
    ).fetchone()
    if not has:
        return 0
    rows = lite.execute("SELECT guild_id, mod_roles FROM guild_settings").fetchall()
    for guild_id, roles in rows:
        conn.execute(
            "INSERT INTO guild_settings (guild_id, mod_roles) VALUES (?, ?)"
            " ON CONFLICT (guild_id) DO UPDATE SET mod_roles = excluded.mod_roles",
            (str(guild_id), roles),
        )
    return len(rows)


def _sqlite_sequence(lite: sqlite3.Connection) -> int:
    """The highest document id SQLite's AUTOINCREMENT ever gave (removed documents' too)."""
    try:
        row = lite.execute("SELECT seq FROM sqlite_sequence WHERE name = 'documents'").fetchone()
    except sqlite3.Error:
        return 0
    return int(row[0]) if row and row[0] else 0
