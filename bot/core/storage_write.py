"""The store's writer: one sqlite3 connection in a thread of its own, and the work it does there.

Whole write steps (a few dozen documents, the FTS5 flush, the vocabulary delta) run in that
thread as plain sqlite3 calls, one hand-over each, so a load is one transaction without the
event loop waiting on SQLite.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import sqlite3
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol, TypeVar

from bot.core import textnorm, vocab_index
from bot.core.cpu import in_thread
from bot.core.errors import database_error
from bot.core.models import DocumentRecord
from bot.core.symbols import symbol_key

T = TypeVar("T")
INSERT_HOP = 32  # documents written per hop to the writer thread (fewer hand-overs)
SaveProgress = Callable[[int, int], None]  # (documents stored, documents in the call)
Item = tuple[str, str, DocumentRecord]  # (source, sha256, record)


class Rows:
    """A statement's rows, fetched in the writer's thread (a cursor's read methods)."""

    def __init__(self, rows: list[Any]) -> None:
        self._rows = rows

    async def fetchone(self) -> Any:
        return self._rows[0] if self._rows else None

    async def fetchall(self) -> list[Any]:
        return self._rows


class Writer:
    """The one write connection. Made in, used in and closed in its own thread."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._thread = concurrent.futures.ThreadPoolExecutor(1, "write")
        self._db: sqlite3.Connection | None = None

    async def open(self) -> None:
        loop = asyncio.get_running_loop()
        self._db = await loop.run_in_executor(
            self._thread,
            lambda: sqlite3.connect(self.path, check_same_thread=False, isolation_level=None),
        )

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(connection, *args)` in the writer's thread."""
        assert self._db is not None, "Writer.open() first"
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, fn, self._db, *args)

    async def transaction(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(connection, *args)` in the writer's thread inside BEGIN IMMEDIATE/COMMIT."""
        try:
            return await self.run(_transaction, fn, *args)
        except sqlite3.Error as e:
            mapped = database_error(e, self.path)
            if mapped is not None:
                raise mapped from e
            raise

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        return Rows(await self.run(_fetchall, sql, params))

    async def execute_fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return await self.run(_fetchall, sql, params)

    @property
    def in_transaction(self) -> bool:
        return self._db is not None and self._db.in_transaction

    async def close(self) -> None:
        db, self._db = self._db, None
        if db is not None:
            await asyncio.get_running_loop().run_in_executor(self._thread, db.close)
        self._thread.shutdown(wait=False)  # idle: the close was its last job


def _fetchall(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> list[Any]:
    return conn.execute(sql, params).fetchall()


async def save_stream(
    writer: Writer,
    scope: str,
    batches: AsyncIterator[Sequence[Item]],
    loaded_by: str | None,
    progress: SaveProgress | None,
    total: int,
    terms: Counter[str] | None,
) -> list[int]:
    """Store.save_stream's work, in ONE transaction: see there. The caller holds the write lock."""
    counting: asyncio.Future[Counter[str]] | None = None
    try:
        await writer.run(_begin)
    except sqlite3.Error as e:  # another process kept the write lock: say so
        mapped = database_error(e, writer.path, "nothing was loaded")
        if mapped is None:
            raise
        raise mapped from e
    pending = _Pending(scope, count_new=False, unindexed=[])
    try:
        ids: list[int] = []
        saved: list[Item] = []
        async for batch in batches:
            for first in range(0, len(batch), INSERT_HOP):
                hop = batch[first : first + INSERT_HOP]
                ids += await writer.run(_insert_many, scope, hop, loaded_by, pending)
                if terms is None:
                    saved.extend(hop)
                if progress is not None:
                    progress(len(ids), max(total, len(ids)))
        if terms is None:
            # Counted in another thread while FTS5 indexes the paragraphs (SQLite lets
            # go of the GIL), so the two overlap on two cores.
            counting = asyncio.ensure_future(in_thread(_count_terms, saved))
        # Every new paragraph into FTS5 in one statement (one segment), in this
        # transaction: a document is whole, text and index, or absent.
        await writer.run(_flush_fts, pending)
        pending.terms.update(await counting if counting is not None else terms or {})
        await writer.run(vocab_index.apply_delta, pending.terms, pending.count, scope)
        await writer.run(_commit)
    except BaseException as e:
        await writer.run(_rollback)
        if counting is not None:
            await asyncio.gather(counting, return_exceptions=True)
        if isinstance(e, sqlite3.Error):  # disk full, read-only: say what to do
            mapped = database_error(e, writer.path, "nothing was loaded")
            if mapped is not None:
                raise mapped from e
        raise
    return ids


# One document's row, the same on both stores (PgStore adds RETURNING id).
INSERT_DOCUMENT = (
    "INSERT INTO documents (scope, source, sha256, symbols, title, kind, language, date,"
    " record, search_text, loaded_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
)


def document_values(
    scope: str, source: str, sha: str, record: DocumentRecord, loaded_by: str | None
) -> tuple[Any, ...]:
    """INSERT_DOCUMENT's values: the record without its paragraphs and citations, which have
    tables of their own, as JSON (asdict copies recursively, so they are emptied first)."""
    meta = asdict(replace(record, paragraphs=[], citations=[]))
    meta.pop("paragraphs")
    meta.pop("citations")
    return (
        scope,
        source,
        sha,
        json.dumps(record.symbols),
        record.title,
        record.kind,
        record.language,
        record.letter_date or record.distribution_date or record.adoption_date,
        json.dumps(meta, ensure_ascii=False),
        document_search_text(record, source),
        loaded_by,
    )


def document_search_text(record: DocumentRecord, source: str) -> str:
    """Words a person might use to name a document (title, sender, symbols, date, file)."""
    parts: list[str] = [*record.symbols, Path(source).stem.replace("_", " ")]
    for value in (
        record.title,
        record.subject,
        record.kind,
        record.letter_date,
        record.distribution_date,
        record.adoption_date,
    ):
        if value:
            parts.append(value)
    if record.sender:
        parts.extend(v for v in (record.sender.role, record.sender.entity) if v)
    parts.extend(record.signatories)
    for annex in record.annexes:
        parts.extend(v for v in (annex.title, annex.author) if v)
    return " \n".join(parts)


# ---- synchronous work, run in the writer's thread -----------------------------------------


@dataclass(slots=True)
class _Pending:
    scope: str  # the vocabulary the change goes to: the documents' scope
    terms: Counter[str] = field(default_factory=Counter)  # term -> change in paragraphs
    count: int = 0  # change in the number of paragraphs
    count_new: bool = True  # False: the caller counts the inserted paragraphs' terms itself
    # Documents whose paragraphs are stored but not yet in the FTS5 index (see _flush_fts);
    # None: each document is indexed as it is inserted.
    unindexed: list[int] | None = None


def _count_terms(items: Sequence[tuple[str, str, DocumentRecord]]) -> Counter[str]:
    """Paragraph frequencies of the terms of these documents' paragraphs."""
    terms: Counter[str] = Counter()
    index_terms = textnorm.index_terms
    for _, _, record in items:
        for p in record.paragraphs:
            terms.update(index_terms(p.text))
    return terms


def _transaction(conn: sqlite3.Connection, fn: Callable[..., T], *args: Any) -> T:
    conn.execute("BEGIN IMMEDIATE")
    try:
        out = fn(conn, *args)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite ends it by itself on some errors (disk full)
            conn.execute("ROLLBACK")
        raise
    return out


def _begin(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")


def _commit(conn: sqlite3.Connection) -> None:
    conn.execute("COMMIT")


def _rollback(conn: sqlite3.Connection) -> None:
    """ROLLBACK if a transaction is still open: on some errors (disk full, I/O) SQLite has
    rolled back already, and a second ROLLBACK's error would hide the first."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _insert_sync(
    conn: sqlite3.Connection,
    scope: str,
    source: str,
    sha: str,
    record: DocumentRecord,
    loaded_by: str | None,
    pending: _Pending,
) -> int:
    old = conn.execute(
        "SELECT id FROM documents WHERE scope = ? AND source = ?", (scope, source)
    ).fetchone()
    if old:
        _remove_doc(conn, old[0], pending)
    cur = conn.execute(INSERT_DOCUMENT, document_values(scope, source, sha, record, loaded_by))
    doc_id = cur.lastrowid
    assert doc_id is not None
    keys = {symbol_key(s) for s in record.symbols}
    conn.executemany(
        "INSERT OR IGNORE INTO doc_symbols (key, doc_id) VALUES (?, ?)",
        [(k, doc_id) for k in keys],
    )
    without_marks = textnorm.without_marks
    conn.executemany(
        "INSERT INTO paragraphs (doc_id, idx, section, text, fts_text) VALUES (?,?,?,?,?)",
        [(doc_id, p.index, p.section, p.text, without_marks(p.text)) for p in record.paragraphs],
    )
    if pending.unindexed is None:
        conn.execute(
            "INSERT INTO paragraphs_fts (rowid, text) SELECT id, text FROM paragraphs_fts_text"
            " WHERE doc_id = ?",
            (doc_id,),
        )
    else:
        pending.unindexed.append(doc_id)
    conn.executemany(
        "INSERT INTO citations (doc_id, symbol, kind, body, paragraph, surface, year_inferred)"
        " VALUES (?,?,?,?,?,?,?)",
        [
            (doc_id, c.symbol, c.kind, c.body, c.paragraph, c.surface, int(c.year_inferred))
            for c in record.citations
        ],
    )
    if pending.count_new:
        terms = pending.terms
        for p in record.paragraphs:
            terms.update(textnorm.index_terms(p.text))
    pending.count += len(record.paragraphs)
    return doc_id


def _insert_many(
    conn: sqlite3.Connection,
    scope: str,
    items: Sequence[tuple[str, str, DocumentRecord]],
    loaded_by: str | None,
    pending: _Pending,
) -> list[int]:
    return [
        _insert_sync(conn, scope, source, sha, record, loaded_by, pending)
        for source, sha, record in items
    ]


def _flush_fts(conn: sqlite3.Connection, pending: _Pending) -> None:
    """Index the paragraphs of the documents inserted but not yet indexed, in one statement."""
    if pending.unindexed:
        conn.execute(
            "INSERT INTO paragraphs_fts (rowid, text) SELECT id, text FROM paragraphs_fts_text"
            " WHERE doc_id IN (SELECT value FROM json_each(?)) ORDER BY id",
            (json.dumps(pending.unindexed),),
        )
        pending.unindexed.clear()


class TermDelta(Protocol):
    terms: Counter[str]
    count: int


def forget_paragraphs(conn: Any, doc_id: int, pending: TermDelta) -> None:
    """Take a document's paragraphs, about to be deleted, off the vocabulary's pending change
    (either store's connection: `execute` with `?` placeholders)."""
    n = 0
    for (text,) in conn.execute("SELECT text FROM paragraphs WHERE doc_id = ?", (doc_id,)):
        pending.terms.subtract(textnorm.index_terms(text))
        n += 1
    pending.count -= n


def _remove_doc(conn: sqlite3.Connection, doc_id: int, pending: _Pending) -> None:
    # The FTS delete trigger needs every paragraph it removes to be in the index.
    _flush_fts(conn, pending)
    forget_paragraphs(conn, doc_id, pending)
    # Paragraph rows first, explicitly, so the FTS delete trigger sees each one.
    conn.execute("DELETE FROM paragraphs WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def _delete_docs_sync(conn: sqlite3.Connection, doc_ids: Sequence[int]) -> int:
    pending: dict[str, _Pending] = {}  # each scope's vocabulary loses its own documents' terms
    for doc_id in doc_ids:
        row = conn.execute("SELECT scope FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row:
            _remove_doc(conn, doc_id, pending.setdefault(row[0], _Pending(row[0])))
    for p in pending.values():
        vocab_index.apply_delta(conn, p.terms, p.count, p.scope)
    return len(doc_ids)


def _set_guild_roles_sync(conn: sqlite3.Connection, guild_id: str, roles_json: str) -> None:
    conn.execute(
        "INSERT INTO guild_settings (guild_id, mod_roles) VALUES (?, ?)"
        " ON CONFLICT (guild_id) DO UPDATE SET mod_roles = excluded.mod_roles",
        (guild_id, roles_json),
    )


def _delete_sources_sync(conn: sqlite3.Connection, scope: str, sources: Sequence[str]) -> int:
    ids = []
    for source in sources:
        row = conn.execute(
            "SELECT id FROM documents WHERE scope = ? AND source = ?", (scope, source)
        ).fetchone()
        if row:
            ids.append(row[0])
    return _delete_docs_sync(conn, ids)
