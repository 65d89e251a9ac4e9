"""SQLite storage: one writer, WAL, numbered migrations, FTS5 over paragraphs."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Sequence
from pathlib import Path

import aiosqlite

from bot.core import vocab_index
from bot.core.dbfile import probe
from bot.core.errors import database_error
from bot.core.models import DocumentRecord
from bot.core.storage_read import READ_POOL, SCOPE_READS, read_scope
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
from bot.core.store_base import (
    SqlStore,
    StoredCitation,
    StoredDocument,
    StoredParagraph,
    StoredSource,
)

CORPUS_SCOPE = "corpus"
BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another process's write lock


class Store(SqlStore):
    """Async access to the database. Writes go through one connection under a lock."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(str(path))
        self._write: Writer | None = None
        self._read: aiosqlite.Connection | None = None

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

    # ---- what SQLite does its own way ---------------------------------------------------

    async def paragraph_count(self) -> int:
        cur = await self.db.execute("SELECT COUNT(*) FROM paragraphs")
        row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def integrity_check(self) -> str:
        cur = await self.db.execute("PRAGMA integrity_check")
        row = await cur.fetchone()
        return str(row[0]) if row else "?"

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
    "SqlStore",
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
