"""SQLite storage: one writer, WAL, numbered migrations, FTS5 over paragraphs."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from bot.core import vocab_index
from bot.core.dbfile import probe
from bot.core.errors import database_error
from bot.core.models import DocumentRecord
from bot.core.storage_read import READ_POOL, SCOPE_READS, ReadPool, read_scope
from bot.core.storage_schema import FTS_HASHSIZE, _migrations, _split_sql, prepare
from bot.core.storage_write import (
    INSERT_HOP,
    SaveProgress,
    Writer,
    _delete_docs_sync,
    _delete_sources_sync,
    _set_guild_roles_sync,
    document_search_text,
    save_stream,
)

T = TypeVar("T")
R = TypeVar("R")
CORPUS_SCOPE = "corpus"
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


class Store:
    """Async access to the database. Writes go through one connection under a lock."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._write: Writer | None = None
        self._read: aiosqlite.Connection | None = None
        self._write_lock = asyncio.Lock()
        self._reads = ReadPool()
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
        self._write = Writer(self.path)
        await self._write.open()
        ready = await self._write.run(prepare, _migrations(), BUSY_TIMEOUT_MS)
        if not ready:
            await self._write.transaction(vocab_index.rebuild, CORPUS_SCOPE)
        if self.path == ":memory:":
            self._reads.share(self._write.run)  # one connection: reads go to the writer's
        else:
            self._read = await aiosqlite.connect(self.path, isolation_level=None)
            await self._read.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            await self._read.execute("PRAGMA query_only=ON")
            await self._reads.open(self.path, BUSY_TIMEOUT_MS)

    async def run_read(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(connection, *args)` off the event loop on a pooled read connection.

        Whole read pipelines (find: vocabulary, FTS5, re-ranking) run in one call, so the loop
        never waits on SQLite or on CPU work, and at most READ_POOL of them run at once, at most
        SCOPE_READS of them for the scope in `read_scope`.
        """
        return await self._reads.run(fn, *args)

    async def close(self) -> None:
        self._reads.close()
        if self._read is not None:
            await self._read.close()
        if self._write is not None:
            await self._write.close()
        self._read = self._write = None

    @property
    def db(self) -> aiosqlite.Connection | Writer:
        """A connection for ad-hoc queries (scripts, tests); an in-memory database's writer."""
        if self._read is None:
            assert self._write is not None, "Store.open() first"
            return self._write
        return self._read

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
            ids = await save_stream(self._write, scope, batches, loaded_by, progress, total, terms)
            self.generation += 1
            return ids

    async def delete_document(self, doc_id: int) -> None:
        assert self._write is not None
        async with self._write_lock:
            await self._write.transaction(_delete_docs_sync, [doc_id])
            self.generation += 1

    async def delete_sources(self, scope: str, sources: Iterable[str]) -> int:
        """Remove documents whose files disappeared from data/."""
        assert self._write is not None
        sources = list(sources)
        async with self._write_lock:
            n = await self._write.transaction(_delete_sources_sync, scope, sources)
            if n:
                self.generation += 1
        return n

    async def set_guild_roles(self, guild_id: str, roles: list[str]) -> None:
        """A server's own moderator role names (an empty list is kept: the server has none)."""
        assert self._write is not None
        async with self._write_lock:
            await self._write.transaction(
                _set_guild_roles_sync, str(guild_id), json.dumps(list(roles), ensure_ascii=False)
            )

    # ---- reads --------------------------------------------------------------------------

    async def guild_roles(self) -> dict[str, list[str]]:
        """Every server's own moderator role names, by server id (read once at start)."""
        rows = await self._rows(
            "SELECT guild_id, mod_roles FROM guild_settings ORDER BY guild_id",
            (),
            lambda r: (r[0], json.loads(r[1])),
        )
        return {gid: [str(r) for r in roles] for gid, roles in rows}

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
            lambda r: StoredCitation(
                doc_id=r[0],
                symbol=r[1],
                kind=r[2],
                body=r[3],
                paragraph=r[4],
                surface=r[5],
                year_inferred=bool(r[6]),
            ),
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

    # ---- named read pipelines (store_api.DocumentStore): whole, in one pooled read ---------
    # Imported when called: those modules import this one.

    async def refresh(self) -> int:
        """This process's generation: one process writes a SQLite file (console.claim_database)."""
        return self.generation

    async def detail_rows(
        self, doc_id: int, max_chars: int, preview_chars: int
    ) -> tuple[list[tuple[int, str, str]], int, int]:
        from bot.core.fairness import detail_rows

        return await self.run_read(detail_rows, doc_id, max_chars, preview_chars)

    async def summary_parts(self, doc_id: int, chars: int) -> tuple[list[str], list[str], int]:
        from bot.core.store_reads import summary_parts

        return await self.run_read(summary_parts, doc_id, chars)

    async def find(
        self,
        queries: list[tuple[str, float, frozenset[str]]],
        scopes: Sequence[str],
        within: int | None,
        limit: int,
        cache: dict,
        stats: dict[str, int],
    ) -> tuple[list[Any], dict[int, StoredDocument], list[int]]:
        from bot.core.store_reads import find_with_documents

        return await self.run_read(
            find_with_documents, queries, list(scopes), within, limit, cache, stats
        )

    async def body_hits(self, terms: list[tuple[str, str]]) -> dict[int, dict[str, int]]:
        from bot.core.lookup import body_hits

        return await self.run_read(body_hits, terms)


__all__ = [
    "CORPUS_SCOPE",
    "FTS_HASHSIZE",
    "INSERT_HOP",
    "READ_POOL",
    "SCOPE_READS",
    "SaveProgress",
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
