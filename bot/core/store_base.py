"""What both stores share: the row types, the reads that are the same SQL over SQLite and
PostgreSQL (through the `?`-placeholder adapter), the read pipelines run whole in one pooled
read, and the generation callers' caches follow. `bot.core.storage.Store` (SQLite) and
`bot.core.pg.PgStore` (PostgreSQL) add their opening, their writes and what their databases do
differently."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from bot.core.storage_read import ReadPool

if TYPE_CHECKING:
    from bot.core.models import DocumentRecord
    from bot.core.storage_write import SaveProgress

T = TypeVar("T")
R = TypeVar("R")


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


class SqlStore:
    """A store over one SQL database: its reads run on a pool of connections in threads of
    their own, writes through one connection under a lock (the subclass's)."""

    _DOC_COLS = "id, scope, source, symbols, title, kind, language, date, record, search_text"
    # Where the databases differ in the shared reads: an ordering by date puts NULL dates
    # first (SQLite's default), and the order citations were stored in.
    _NULLS_FIRST = ""
    _CITATION_ORDER = "rowid"

    def __init__(self, path: str) -> None:
        self.path = path  # named in errors
        self._write_lock = asyncio.Lock()
        self._reads = ReadPool()
        self.generation = 0  # bumped on every change, so caches know when to refresh

    async def run_read(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(connection, *args)` off the event loop on a pooled read connection.

        Whole read pipelines (find: vocabulary, text index, re-ranking) run in one call, so the
        loop never waits on the database or on CPU work, and at most READ_POOL of them run at
        once, at most SCOPE_READS of them for the scope in `read_scope`.
        """
        return await self._reads.run(fn, *args)

    async def refresh(self) -> int:
        """The generation, other processes' writes included (a store shared by processes
        reads it; one process writes a SQLite file: console.claim_database)."""
        return self.generation

    # ---- writes (the subclass's) --------------------------------------------------------

    async def save_stream(
        self,
        scope: str,
        batches: AsyncIterator[Sequence[tuple[str, str, DocumentRecord]]],
        loaded_by: str | None = None,
        progress: SaveProgress | None = None,
        total: int = 0,
        terms: Counter[str] | None = None,
    ) -> list[int]:
        raise NotImplementedError

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

    # ---- reads --------------------------------------------------------------------------

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

        def run(conn: Any) -> list[R]:
            return [convert(r) for r in conn.execute(sql, params).fetchall()]

        return await self.run_read(run)

    async def source_hashes(self, scope: str) -> dict[str, str]:
        rows = await self._rows(
            "SELECT source, sha256 FROM documents WHERE scope = ?", (scope,), tuple
        )
        return {r[0]: r[1] for r in rows}

    async def guild_roles(self) -> dict[str, list[str]]:
        """Every server's own moderator role names, by server id (read once at start)."""
        rows = await self._rows(
            "SELECT guild_id, mod_roles FROM guild_settings ORDER BY guild_id",
            (),
            lambda r: (r[0], json.loads(r[1])),
        )
        return {gid: [str(r) for r in roles] for gid, roles in rows}

    async def documents(self, scopes: Sequence[str]) -> list[StoredDocument]:
        where, args = self._scope_sql(scopes)
        return await self._rows(
            f"SELECT {self._DOC_COLS} FROM documents WHERE {where}"
            f" ORDER BY scope, date{self._NULLS_FIRST}, id",
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

    async def documents_by_id(
        self, ids: Iterable[int], scopes: Sequence[str]
    ) -> dict[int, StoredDocument]:
        """`document` for many ids in one read (a list of citations names dozens): the ones
        `scopes` may see, by id."""
        ids = list(dict.fromkeys(ids))
        where, args = self._scope_sql(scopes)

        def run(conn: Any) -> dict[int, StoredDocument]:
            out: dict[int, StoredDocument] = {}
            for first in range(0, len(ids), 500):  # well under SQLite's bound parameters
                chunk = ids[first : first + 500]
                rows = conn.execute(
                    f"SELECT {self._DOC_COLS} FROM documents"
                    f" WHERE id IN ({','.join('?' * len(chunk))}) AND {where}",
                    [*chunk, *args],
                ).fetchall()
                out.update((row[0], self._doc(row)) for row in rows)
            return out

        return await self.run_read(run) if ids else {}

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
            f" WHERE doc_id = ? ORDER BY {self._CITATION_ORDER}",
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
            # d.date and d.id are one per c.doc_id: PostgreSQL wants them named
            f" GROUP BY c.doc_id, d.date, d.id ORDER BY d.date{self._NULLS_FIRST}, d.id",
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

    # ---- named read pipelines (store_api.DocumentStore): whole, in one pooled read ---------
    # Imported when called: those modules import this one.

    async def detail_rows(
        self, doc_id: int, max_chars: int, preview_chars: int
    ) -> tuple[list[tuple[int, str, str]], int, int]:
        from bot.core.fairness import detail_rows

        return await self.run_read(detail_rows, doc_id, max_chars, preview_chars)

    async def summary_parts(self, doc_id: int, chars: int) -> tuple[list[str], list[str], int]:
        from bot.core.store_reads import summary_parts

        return await self.run_read(summary_parts, doc_id, chars)

    def _finder(self) -> Callable[..., Any]:
        """search.find_sync, or the subclass's (another database's candidate fetch)."""
        from bot.core.search import find_sync

        return find_sync

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
            find_with_documents,
            queries,
            list(scopes),
            within,
            limit,
            cache,
            stats,
            self._finder(),
        )
