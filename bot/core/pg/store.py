"""PgStore: the store over PostgreSQL (a `postgresql://` URL), beside the SQLite `Store`.

It is a `Store` whose connections are psycopg's: the read queries Store runs (documents,
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
from collections.abc import AsyncIterator, Iterable, Sequence
from typing import Any

import psycopg

from bot.core.errors import StoreError
from bot.core.pg import write
from bot.core.pg.conn import PgConn, PgReadPool, PgWriter
from bot.core.pg.find import body_hits, pg_find_sync
from bot.core.pg.schema import migrate
from bot.core.storage import SaveProgress, Store, StoredCitation, StoredDocument
from bot.core.store_reads import find_with_documents


class PgStore(Store):
    def __init__(self, url: str) -> None:
        super().__init__(":memory:")  # the SQLite parts stay unused
        self.path = url  # named in errors
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

    async def source_hashes(self, scope: str) -> dict[str, str]:
        rows = await self._rows(
            "SELECT source, sha256 FROM documents WHERE scope = ?", (scope,), tuple
        )
        return {r[0]: r[1] for r in rows}

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

    async def documents(self, scopes: Sequence[str]) -> list[StoredDocument]:
        where, args = self._scope_sql(scopes)
        return await self._rows(  # SQLite puts NULL dates first
            f"SELECT {self._DOC_COLS} FROM documents WHERE {where}"
            " ORDER BY scope, date NULLS FIRST, id",
            args,
            self._doc,
        )

    async def citations(self, doc_id: int) -> list[StoredCitation]:
        return await self._rows(
            "SELECT doc_id, symbol, kind, body, paragraph, surface, year_inferred FROM citations"
            " WHERE doc_id = ? ORDER BY id",
            (doc_id,),
            lambda r: StoredCitation(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6])),
        )

    async def citing(self, symbol: str, scopes: Sequence[str]) -> list[tuple[int, int, int | None]]:
        where, args = self._scope_sql(scopes, "d")
        return await self._rows(
            "SELECT c.doc_id, COUNT(*), MIN(c.paragraph) FROM citations c"
            f" JOIN documents d ON d.id = c.doc_id WHERE c.symbol = ? AND {where}"
            " GROUP BY c.doc_id, d.date, d.id ORDER BY d.date NULLS FIRST, d.id",
            [symbol, *args],
            lambda r: (r[0], r[1], r[2]),
        )

    async def paragraph_count(self) -> int:
        rows = await self._rows("SELECT COUNT(*) FROM paragraphs", (), lambda r: int(r[0]))
        return rows[0]

    async def integrity_check(self) -> str:
        """ "ok" when every paragraph, citation and symbol belongs to a document and every
        vocabulary key to a term (PostgreSQL checks its own pages)."""
        rows = await self._rows(_ORPHANS, (), lambda r: int(r[0]))
        return "ok" if rows[0] == 0 else f"{rows[0]} orphaned rows"

    async def find(
        self,
        queries: list[tuple[str, float, frozenset[str]]],
        scopes: Sequence[str],
        within: int | None,
        limit: int,
        cache: dict,
        stats: dict[str, int],
    ) -> tuple[list[Any], dict[int, StoredDocument], list[int]]:
        return await self.run_read(
            find_with_documents,
            queries,
            list(scopes),
            within,
            limit,
            cache,
            stats,
            pg_find_sync,
        )

    async def body_hits(self, terms: list[tuple[str, str]]) -> dict[int, dict[str, int]]:
        return await self.run_read(body_hits, terms)

    # ---- guild settings -----------------------------------------------------------------

    async def guild_roles(self) -> dict[str, list[str]]:
        """Discord server id -> its moderator role names."""
        rows = await self._rows(
            "SELECT guild_id, mod_roles FROM guild_settings ORDER BY guild_id",
            (),
            lambda r: (r[0], json.loads(r[1])),
        )
        return dict(rows)

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
