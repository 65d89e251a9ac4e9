"""SQLite storage: one writer, WAL, numbered migrations, FTS5 over paragraphs."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from bot.core import vocab_index
from bot.core.dbfile import probe
from bot.core.errors import database_error
from bot.core.models import DocumentRecord
from bot.core.storage_read import READ_POOL, SCOPE_READS, ReadPool, read_scope
from bot.core.storage_schema import _migrations, _split_sql
from bot.core.symbols import symbol_key

T = TypeVar("T")
R = TypeVar("R")
INSERT_HOP = 32  # documents written per hop to the writer thread (fewer hand-overs)
SaveProgress = Callable[[int, int], None]  # (documents stored, documents in the call)

CORPUS_SCOPE = "corpus"
FTS_HASHSIZE = 16 * 2**20  # bytes of pending FTS5 terms held before a segment is written
BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another process's write lock


@dataclass(slots=True)
class StoredDocument:
    """A document row: enough to list, name and link it without its paragraphs."""

    id: int
    scope: str
    source: str
    symbols: list[str]
    title: str | None
    kind: str
    language: str | None
    date: str | None
    record: dict[str, Any]
    search_text: str

    @property
    def label(self) -> str:
        """What people call it: its symbols, else its file name."""
        if self.symbols:
            return "–".join(self.symbols)
        return Path(self.source).stem

    @property
    def file_stem(self) -> str:
        return Path(self.source).stem


@dataclass(slots=True, frozen=True)
class StoredSource:
    """A loaded file as its scope knows it: enough to say what an upload replaces."""

    id: int
    source: str
    sha256: str
    symbols: list[str]
    loaded_by: str | None
    loaded_at: str | None

    @property
    def label(self) -> str:
        return "–".join(self.symbols) if self.symbols else Path(self.source).stem


@dataclass(slots=True)
class StoredParagraph:
    id: int
    doc_id: int
    idx: int
    section: str
    text: str


@dataclass(slots=True)
class StoredCitation:
    doc_id: int
    symbol: str
    kind: str
    body: str
    paragraph: int | None
    surface: str
    year_inferred: bool


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


class Store:
    """Async access to the database. Writes go through one connection under a lock."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._write: aiosqlite.Connection | None = None
        self._read: aiosqlite.Connection | None = None
        self._write_lock = asyncio.Lock()
        self._reads = ReadPool()
        self._pending: _Pending | None = None  # vocabulary change of the load in progress
        self.generation = 0  # bumped on every change, so caches know when to refresh

    async def open(self) -> None:
        """Open, migrate and check the database. On failure every connection is closed (their
        threads would keep the process alive) and SQLite's error says what is wrong."""
        try:
            await self._open()
        except BaseException as e:
            await self.close()
            mapped = database_error(e, self.path)
            if mapped is not None and mapped is not e:
                raise mapped from e
            raise

    async def _open(self) -> None:
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            # A file SQLite cannot open or read fails here, before a connection thread exists.
            await asyncio.to_thread(probe, self.path, _migrations()[-1][0])
        self._write = await aiosqlite.connect(self.path, isolation_level=None)
        await self._write.execute("PRAGMA journal_mode=WAL")
        await self._write.execute("PRAGMA synchronous=NORMAL")
        await self._write.execute("PRAGMA foreign_keys=ON")
        await self._write.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        await self._write.execute("PRAGMA cache_size=-32000")  # bulk loads touch many pages
        await self._migrate()
        await self._fts_settings()
        cur = await self._write.execute("SELECT value FROM vocab_stats WHERE name = 'ready'")
        row = await cur.fetchone()
        if not row or not row[0]:
            await self._in_transaction(vocab_index.rebuild, CORPUS_SCOPE)
        if self.path == ":memory:":
            self._read = self._write
            read = self._read
            self._reads.share(lambda fn, *args: read._execute(fn, read._conn, *args))
        else:
            self._read = await aiosqlite.connect(self.path, isolation_level=None)
            await self._read.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            await self._read.execute("PRAGMA query_only=ON")
            await self._reads.open(self.path, BUSY_TIMEOUT_MS)

    async def _fts_settings(self) -> None:
        """FTS5 keeps up to FTS_HASHSIZE bytes of new terms in memory before it writes them as a
        segment (1 MB by default): a load's paragraphs then make one segment, not one per MB,
        so less merging while loading and fewer segments to look each term up in afterwards.
        Stored in the index's config table; written once."""
        assert self._write is not None
        cur = await self._write.execute("SELECT v FROM paragraphs_fts_config WHERE k = 'hashsize'")
        row = await cur.fetchone()
        if not row or row[0] != FTS_HASHSIZE:
            await self._write.execute(
                "INSERT INTO paragraphs_fts (paragraphs_fts, rank) VALUES ('hashsize', ?)",
                (FTS_HASHSIZE,),
            )

    async def run_read(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(connection, *args)` off the event loop on a pooled read connection.

        Whole read pipelines (find: vocabulary, FTS5, re-ranking) run in one call, so the loop
        never waits on SQLite or on CPU work, and at most READ_POOL of them run at once, at most
        SCOPE_READS of them for the scope in `read_scope`.
        """
        return await self._reads.run(fn, *args)

    async def _in_transaction(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(connection, *args)` in the writer's thread inside BEGIN IMMEDIATE/COMMIT."""
        assert self._write is not None
        try:
            return await self._write._execute(_transaction, fn, self._write._conn, *args)
        except sqlite3.Error as e:
            mapped = database_error(e, self.path)
            if mapped is not None:
                raise mapped from e
            raise

    async def close(self) -> None:
        self._reads.close()
        if self._read is not None and self._read is not self._write:
            await self._read.close()
        if self._write is not None:
            await self._write.close()
        self._read = self._write = None

    @property
    def db(self) -> aiosqlite.Connection:
        assert self._read is not None, "Store.open() first"
        return self._read

    async def _migrate(self) -> None:
        assert self._write is not None
        cur = await self._write.execute("PRAGMA user_version")
        row = await cur.fetchone()
        version = row[0] if row else 0
        # Foreign keys off while migrating (SQLite's own recipe for rebuilding a table): else
        # dropping the old `documents` in 006 would cascade to every paragraph and citation.
        # Each migration is checked before it commits, and the keys are back on after.
        await self._write.execute("PRAGMA foreign_keys=OFF")
        try:
            for number, sql in _migrations():
                if number <= version:
                    continue
                await self._write.execute("BEGIN IMMEDIATE")
                try:
                    for statement in _split_sql(sql):
                        await self._write.execute(statement)
                    cur = await self._write.execute("PRAGMA foreign_key_check")
                    broken = await cur.fetchone()
                    if broken is not None:
                        raise sqlite3.IntegrityError(
                            f"migration {number:03d} broke a foreign key: {tuple(broken)}"
                        )
                    await self._write.execute(f"PRAGMA user_version={number}")
                    await self._write.execute("COMMIT")
                except BaseException:
                    await _rollback(self._write)
                    raise
        finally:
            await self._write.execute("PRAGMA foreign_keys=ON")

    # ---- writes -------------------------------------------------------------------------

    async def source_hashes(self, scope: str) -> dict[str, str]:
        cur = await self.db.execute(
            "SELECT source, sha256 FROM documents WHERE scope = ?", (scope,)
        )
        return {r[0]: r[1] for r in await cur.fetchall()}

    async def save_documents(
        self,
        scope: str,
        items: Sequence[tuple[str, str, DocumentRecord]],
        loaded_by: str | None = None,
        progress: SaveProgress | None = None,
        terms: Counter[str] | None = None,
    ) -> list[int]:
        """Store (source, sha256, record) items in ONE transaction, replacing same-source rows.

        Either every item is stored or none is. `terms`: see save_stream.
        """

        async def one_batch() -> AsyncIterator[Sequence[tuple[str, str, DocumentRecord]]]:
            yield items

        return await self.save_stream(scope, one_batch(), loaded_by, progress, len(items), terms)

    async def save_stream(
        self,
        scope: str,
        batches: AsyncIterator[Sequence[tuple[str, str, DocumentRecord]]],
        loaded_by: str | None = None,
        progress: SaveProgress | None = None,
        total: int = 0,
        terms: Counter[str] | None = None,
    ) -> list[int]:
        """Store batches as they arrive (a bulk load parses the next files meanwhile), all in
        ONE transaction: every item is stored or none is, whatever fails, even the producer.

        Documents go to the writer's thread a few dozen at a time, and the vocabulary index is
        brought up to date in the same transaction. `terms`, when given, holds how many of the
        new paragraphs contain each term (the parsing processes count them as they parse), and
        must be complete when `batches` ends; otherwise the writer counts them itself.
        """
        assert self._write is not None
        async with self._write_lock:
            db = self._write
            counting: asyncio.Future[Counter[str]] | None = None
            try:
                await db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as e:  # another process kept the write lock: say so
                mapped = database_error(e, self.path, "nothing was loaded")
                if mapped is None:
                    raise
                raise mapped from e
            self._pending = _Pending(scope, count_new=False, unindexed=[])
            try:
                ids: list[int] = []
                saved: list[tuple[str, str, DocumentRecord]] = []
                async for batch in batches:
                    for first in range(0, len(batch), INSERT_HOP):
                        hop = batch[first : first + INSERT_HOP]
                        pending = self._pending
                        ids += await db._execute(
                            _insert_many, db._conn, scope, hop, loaded_by, pending
                        )
                        if terms is None:
                            saved.extend(hop)
                        if progress is not None:
                            progress(len(ids), max(total, len(ids)))
                pending = self._pending
                if terms is None:
                    # Counted in another thread while FTS5 indexes the paragraphs (SQLite lets
                    # go of the GIL), so the two overlap on two cores.
                    counting = asyncio.ensure_future(asyncio.to_thread(_count_terms, saved))
                # Every new paragraph into FTS5 in one statement (one segment), in this
                # transaction: a document is whole, text and index, or absent.
                await db._execute(_flush_fts, db._conn, pending)
                pending.terms.update(await counting if counting is not None else terms or {})
                await db._execute(
                    vocab_index.apply_delta, db._conn, pending.terms, pending.count, scope
                )
                await db.execute("COMMIT")
            except BaseException as e:
                await _rollback(db)
                if counting is not None:
                    await asyncio.gather(counting, return_exceptions=True)
                if isinstance(e, sqlite3.Error):  # disk full, read-only: say what to do
                    mapped = database_error(e, self.path, "nothing was loaded")
                    if mapped is not None:
                        raise mapped from e
                raise
            finally:
                self._pending = None
            self.generation += 1
            return ids

    @staticmethod
    async def _delete(db: aiosqlite.Connection, doc_id: int) -> None:
        await db._execute(_delete_docs_sync, db._conn, [doc_id])

    async def delete_document(self, doc_id: int) -> None:
        assert self._write is not None
        async with self._write_lock:
            await self._in_transaction(_delete_docs_sync, [doc_id])
            self.generation += 1

    async def delete_sources(self, scope: str, sources: Iterable[str]) -> int:
        """Remove documents whose files disappeared from data/."""
        assert self._write is not None
        sources = list(sources)
        async with self._write_lock:
            n = await self._in_transaction(_delete_sources_sync, scope, sources)
            if n:
                self.generation += 1
        return n

    # ---- reads --------------------------------------------------------------------------

    _DOC_COLS = "id, scope, source, symbols, title, kind, language, date, record, search_text"

    @staticmethod
    def _doc(row: Sequence[Any]) -> StoredDocument:
        return StoredDocument(
            id=row[0],
            scope=row[1],
            source=row[2],
            symbols=json.loads(row[3]),
            title=row[4],
            kind=row[5],
            language=row[6],
            date=row[7],
            record=json.loads(row[8]),
            search_text=row[9],
        )

    @staticmethod
    def _scope_sql(scopes: Sequence[str], alias: str = "") -> tuple[str, list[str]]:
        col = f"{alias}.scope" if alias else "scope"
        return f"{col} IN ({','.join('?' * len(scopes))})", list(scopes)

    async def _rows(
        self, sql: str, params: Sequence[Any], convert: Callable[[Sequence[Any]], R]
    ) -> list[R]:
        """Rows of a read query, fetched and converted on a pooled connection off the loop.

        Reads never queue behind one another on a single connection, nor decode JSON on the loop.
        """

        def run(conn: sqlite3.Connection) -> list[R]:
            return [convert(r) for r in conn.execute(sql, params).fetchall()]

        return await self.run_read(run)

    async def documents(self, scopes: Sequence[str]) -> list[StoredDocument]:
        where, args = self._scope_sql(scopes)
        return await self._rows(
            f"SELECT {self._DOC_COLS} FROM documents WHERE {where} ORDER BY scope, date, id",
            args,
            self._doc,
        )

    async def document(self, doc_id: int, scopes: Sequence[str]) -> StoredDocument | None:
        """The document with this id if one of `scopes` may see it; None otherwise, exactly as
        for an id that names nothing (so another server's document does not show it exists).
        Every path from a stored id (a channel's "it", a reply to an answer) comes here."""
        where, args = self._scope_sql(scopes)
        rows = await self._rows(
            f"SELECT {self._DOC_COLS} FROM documents WHERE id = ? AND {where}",
            [doc_id, *args],
            self._doc,
        )
        return rows[0] if rows else None

    async def sources(self, scope: str) -> dict[str, StoredSource]:
        """A scope's documents by file name, with who loaded each and when (for uploads that
        replace one, or repeat one's content)."""
        return {
            s.source: s
            for s in await self._rows(
                "SELECT id, source, sha256, symbols, loaded_by, loaded_at FROM documents"
                " WHERE scope = ? ORDER BY id",
                (scope,),
                lambda r: StoredSource(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]),
            )
        }

    async def paragraphs(self, doc_id: int) -> list[StoredParagraph]:
        return await self._rows(
            "SELECT id, doc_id, idx, section, text FROM paragraphs WHERE doc_id = ? ORDER BY idx",
            (doc_id,),
            lambda r: StoredParagraph(*r),
        )

    async def paragraph_text(self, doc_id: int, idx: int) -> str:
        rows = await self._rows(
            "SELECT text FROM paragraphs WHERE doc_id = ? AND idx = ?",
            (doc_id, idx),
            lambda r: r[0],
        )
        return rows[0] if rows else ""

    async def citations(self, doc_id: int) -> list[StoredCitation]:
        return await self._rows(
            "SELECT doc_id, symbol, kind, body, paragraph, surface, year_inferred FROM citations"
            " WHERE doc_id = ? ORDER BY rowid",
            (doc_id,),
            lambda r: StoredCitation(*r[:6], bool(r[6])),
        )

    async def citing(self, symbol: str, scopes: Sequence[str]) -> list[tuple[int, int, int | None]]:
        """(doc_id, mentions, first paragraph) for visible documents citing `symbol`."""
        where, args = self._scope_sql(scopes, "d")
        return await self._rows(
            "SELECT c.doc_id, COUNT(*), MIN(c.paragraph) FROM citations c"
            f" JOIN documents d ON d.id = c.doc_id WHERE c.symbol = ? AND {where}"
            " GROUP BY c.doc_id ORDER BY d.date, d.id",
            [symbol, *args],
            lambda r: (r[0], r[1], r[2]),
        )

    async def loaded_symbols(self, keys: Iterable[str], scopes: Sequence[str]) -> dict[str, int]:
        """Which of these symbol keys name a loaded document (key -> doc id)."""
        keys = list(keys)
        if not keys:
            return {}
        where, args = self._scope_sql(scopes, "d")
        rows = await self._rows(
            "SELECT s.key, s.doc_id FROM doc_symbols s JOIN documents d ON d.id = s.doc_id"
            f" WHERE s.key IN ({','.join('?' * len(keys))}) AND {where}",
            [*keys, *args],
            lambda r: (r[0], r[1]),
        )
        return dict(rows)

    async def vocabulary(self, scopes: Sequence[str]) -> list[tuple[str, int]]:
        """Every term the scopes' paragraphs hold, with the number of those paragraphs holding it."""
        where, args = self._scope_sql(scopes, "s")
        return await self._rows(
            "SELECT v.term, SUM(v.df) FROM vocab v JOIN vocab_scopes s ON s.id = v.sid"
            f" WHERE {where} GROUP BY v.term ORDER BY v.term",
            args,
            lambda r: (r[0], r[1]),
        )

    async def paragraph_count(self) -> int:
        cur = await self.db.execute("SELECT COUNT(*) FROM paragraphs")
        row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def integrity_check(self) -> str:
        cur = await self.db.execute("PRAGMA integrity_check")
        row = await cur.fetchone()
        return str(row[0]) if row else "?"


# ---- synchronous work, run in the writer's thread --------------------------------------------


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
    index_terms = vocab_index.index_terms
    for _, _, record in items:
        for p in record.paragraphs:
            terms.update(index_terms(p.text))
    return terms


def _transaction(fn: Callable[..., T], conn: sqlite3.Connection, *args: Any) -> T:
    conn.execute("BEGIN IMMEDIATE")
    try:
        out = fn(conn, *args)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite ends it by itself on some errors (disk full)
            conn.execute("ROLLBACK")
        raise
    return out


async def _rollback(db: aiosqlite.Connection) -> None:
    """ROLLBACK if a transaction is still open: on some errors (disk full, I/O) SQLite has
    rolled back already, and a second ROLLBACK's error would hide the first."""
    if db.in_transaction:
        await db.execute("ROLLBACK")


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
    # asdict() copies recursively: without the paragraphs and citations, which are not kept here.
    meta = asdict(replace(record, paragraphs=[], citations=[]))
    meta.pop("paragraphs")
    meta.pop("citations")
    date = record.letter_date or record.distribution_date or record.adoption_date
    cur = conn.execute(
        "INSERT INTO documents (scope, source, sha256, symbols, title, kind, language, date,"
        " record, search_text, loaded_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            scope,
            source,
            sha,
            json.dumps(record.symbols),
            record.title,
            record.kind,
            record.language,
            date,
            json.dumps(meta, ensure_ascii=False),
            document_search_text(record, source),
            loaded_by,
        ),
    )
    doc_id = cur.lastrowid
    assert doc_id is not None
    keys = {symbol_key(s) for s in record.symbols}
    conn.executemany(
        "INSERT OR IGNORE INTO doc_symbols (key, doc_id) VALUES (?, ?)",
        [(k, doc_id) for k in keys],
    )
    without_marks = vocab_index.without_marks
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
            terms.update(vocab_index.index_terms(p.text))
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


def _remove_doc(conn: sqlite3.Connection, doc_id: int, pending: _Pending) -> None:
    # The FTS delete trigger needs every paragraph it removes to be in the index.
    _flush_fts(conn, pending)
    # Paragraph rows first, explicitly, so the FTS delete trigger sees each one.
    n = 0
    for (text,) in conn.execute("SELECT text FROM paragraphs WHERE doc_id = ?", (doc_id,)):
        pending.terms.subtract(vocab_index.index_terms(text))
        n += 1
    pending.count -= n
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


def _delete_sources_sync(conn: sqlite3.Connection, scope: str, sources: Sequence[str]) -> int:
    ids = []
    for source in sources:
        row = conn.execute(
            "SELECT id FROM documents WHERE scope = ? AND source = ?", (scope, source)
        ).fetchone()
        if row:
            ids.append(row[0])
    return _delete_docs_sync(conn, ids)


__all__ = [
    "CORPUS_SCOPE",
    "READ_POOL",
    "SCOPE_READS",
    "Store",
    "StoredCitation",
    "StoredDocument",
    "StoredParagraph",
    "StoredSource",
    "_migrations",
    "_split_sql",
    "document_search_text",
    "read_scope",
]
