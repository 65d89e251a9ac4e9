"""PgStore: the store over PostgreSQL (a `postgresql://` URL), beside the SQLite `Store`.

It is a `SqlStore` whose connections are psycopg's: the reads both stores share (documents,
sources, paragraphs, citing, vocabulary...) run unchanged through the `?`-placeholder adapter on
a read pool of the same fairness, and the read pipelines (find, summary, a document's rows) are
the same functions. What differs is here: opening (migrations), the writes (bot.core.pg.write),
candidate fetching (bot.core.pg.find), orderings where the two databases differ (NULL dates),
the cross-process generation and the guild settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from typing import Any

import psycopg

from bot.core.errors import StoreError
from bot.core.pg import write
from bot.core.pg.conn import PgConn, PgReadPool, PgWriter
from bot.core.pg.find import body_hits, pg_find_sync
from bot.core.pg.schema import migrate
from bot.core.storage_write import SaveProgress
from bot.core.store_base import SqlStore


class PgStore(SqlStore):
    _NULLS_FIRST = " NULLS FIRST"  # PostgreSQL puts them last
    _CITATION_ORDER = "id"

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url
        self._pg_write: PgWriter | None = None
        self._reads: PgReadPool = PgReadPool()
        self._refresh_now: asyncio.Future[int] | None = None  # the generation read running
        self._refresh_next: asyncio.Future[int] | None = None  # the one callers wait for

    async def open(self) -> None:
        try:
            self._pg_write = PgWriter(self.url)
            await self._pg_write.open()
            await self._pg_write.run(migrate)
            await self._reads.open_url(self.url)
            await self.refresh()
        except psycopg.Error as e:
            await self.close()
            raise StoreError(
                "the PostgreSQL database cannot be used",
                f"cannot use the PostgreSQL database {_safe(self.url)}: {e}".strip(),
            ) from e
        except BaseException:
            await self.close()
            raise

    async def close(self) -> None:
        self._reads.close()
        if self._pg_write is not None:
            await self._pg_write.close()
        self._pg_write = None

    @property
    def db(self) -> Any:
        """Scripts' ad-hoc SQLite queries (Store.db) have no PostgreSQL counterpart."""
        raise StoreError("PgStore has no SQLite connection: use its named methods")

    @property
    def writer(self) -> PgWriter:
        assert self._pg_write is not None, "PgStore.open() first"
        return self._pg_write

    async def refresh(self) -> int:
        """The generation other processes' writes have reached (one small read).

        Every command asks, so callers share reads: one arriving while a read runs waits for the
        next one, which starts after it arrived (so it still sees every write committed before),
        and everyone arriving meanwhile shares that one. A burst of 200 commands makes a few
        reads instead of 200, each a pool slot and a round trip."""
        if self._refresh_next is None:
            self._refresh_next = asyncio.ensure_future(self._refresh_after(self._refresh_now))
        return await asyncio.shield(self._refresh_next)

    async def _refresh_after(self, prior: asyncio.Future[int] | None) -> int:
        if prior is not None:
            with contextlib.suppress(Exception):
                await prior
        me, self._refresh_now, self._refresh_next = self._refresh_next, self._refresh_next, None
        try:
            row = await self.run_read(_generation)
        finally:
            if self._refresh_now is me:
                self._refresh_now = None
        self.generation = max(self.generation, row)
        return self.generation

    # ---- writes -------------------------------------------------------------------------

    async def save_stream(
        self,
        scope: str,
        batches: AsyncIterator[Sequence[tuple[str, str, Any]]],
        loaded_by: str | None = None,
        progress: SaveProgress | None = None,
        total: int = 0,
        terms: Counter[str] | None = None,
    ) -> list[int]:
        async with self._write_lock:
            ids, generation = await write.save_stream(
                self.writer, scope, batches, loaded_by, progress, total, terms
            )
            self.generation = max(self.generation + 1, generation)
            return ids

    async def delete_document(self, doc_id: int) -> None:
        async with self._write_lock:
            generation = await self.writer.transaction(write.delete_documents, [doc_id])
            self.generation = max(self.generation + 1, generation)
            await self.writer.run(write.settle)

    async def delete_sources(self, scope: str, sources: Iterable[str]) -> int:
        sources = list(sources)
        async with self._write_lock:
            n, generation = await self.writer.transaction(write.delete_sources, scope, sources)
            if n:
                self.generation = max(self.generation + 1, generation)
                await self.writer.run(write.settle)
        return n

    # ---- reads where PostgreSQL differs ---------------------------------------------------

    async def paragraph_count(self) -> int:
        rows = await self._rows("SELECT COUNT(*) FROM paragraphs", (), lambda r: int(r[0]))
        return rows[0]

    async def integrity_check(self) -> str:
        """ "ok" when every paragraph, citation and symbol belongs to a document and every
        vocabulary key to a term (PostgreSQL checks its own pages)."""
        rows = await self._rows(_ORPHANS, (), lambda r: int(r[0]))
        return "ok" if rows[0] == 0 else f"{rows[0]} orphaned rows"

    def _finder(self) -> Callable[..., Any]:
        return pg_find_sync

    async def body_hits(self, terms: list[tuple[str, str]]) -> dict[int, dict[str, int]]:
        return await self.run_read(body_hits, terms)

    # ---- guild settings -----------------------------------------------------------------

    async def set_guild_roles(self, guild_id: str, roles: list[str]) -> None:
        async with self._write_lock:
            await self.writer.transaction(_set_roles, guild_id, json.dumps(roles))


_ORPHANS = """
SELECT (SELECT COUNT(*) FROM paragraphs p WHERE NOT EXISTS
            (SELECT 1 FROM documents d WHERE d.id = p.doc_id))
     + (SELECT COUNT(*) FROM vocab_del k WHERE NOT EXISTS
            (SELECT 1 FROM vocab v WHERE v.id = k.term_id))
"""


def _generation(conn: PgConn) -> int:
    row = conn.execute("SELECT value FROM store_meta WHERE name = 'generation'").fetchone()
    return int(row[0]) if row else 0


def _set_roles(conn: PgConn, guild_id: str, roles: str) -> None:
    conn.execute(
        "INSERT INTO guild_settings (guild_id, mod_roles) VALUES (?, ?)"
        " ON CONFLICT (guild_id) DO UPDATE SET mod_roles = excluded.mod_roles",
        (guild_id, roles),
    )
    write.bump_generation(conn)


def _safe(url: str) -> str:
    """The URL without its password."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        return "(the URL given)"
    info.pop("password", None)
    return " ".join(f"{k}={v}" for k, v in info.items())
