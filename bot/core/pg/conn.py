"""psycopg connections for the PostgreSQL store: one writer and a read pool, each used in worker
threads, as the SQLite store uses sqlite3's; `PgConn` takes SQLite's `?` placeholders, so the
read pipelines (vocabulary look-ups, a document's rows, the find's planning and re-ranking) are
the same code over both databases."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, TypeVar

import psycopg

from bot.core.storage_read import READ_POOL, ReadPool

T = TypeVar("T")
APP_NAME = "rapporteur"


@lru_cache(maxsize=4096)
def _translate(sql: str) -> str:
    """SQLite's `?` placeholders as psycopg's `%s` (a literal % doubled). Our SQL holds no `?`
    inside a string literal."""
    return sql.replace("%", "%%").replace("?", "%s")


# Read connections: read-only (as SQLite's query_only), and no sequential scan where an index
# serves: the planner prices a tsvector match so low that, on tables of tens of thousands of
# paragraphs, it scans them all (10-100 ms) instead of a GIN look-up (well under 1 ms). Every
# read the store makes has an index to use.
READ_OPTIONS = "-c default_transaction_read_only=on -c enable_seqscan=off"


def connect(url: str, options: str = "") -> psycopg.Connection:
    if options:
        return psycopg.connect(url, autocommit=True, application_name=APP_NAME, options=options)
    return psycopg.connect(url, autocommit=True, application_name=APP_NAME)


class PgConn:
    """A psycopg connection with sqlite3's `execute(sql, params)`, reconnected when broken
    (the server restarted): the failed call raises, the next one works."""

    def __init__(self, url: str, options: str = "") -> None:
        self.url = url
        self.options = options
        self.raw = connect(url, options)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor:
        if self.raw.broken or self.raw.closed:
            self.raw = connect(self.url, self.options)
        if not params:
            return self.raw.execute(sql)
        return self.raw.execute(_translate(sql), params)

    def close(self) -> None:
        self.raw.close()


class PgReadPool(ReadPool):
    """The SQLite store's read pool (its per-scope fairness), over PostgreSQL connections."""

    async def open_url(self, url: str) -> None:
        self._free = asyncio.Queue()
        self._threads = concurrent.futures.ThreadPoolExecutor(READ_POOL, "pg-read")
        loop = asyncio.get_running_loop()
        conns = await asyncio.gather(
            *(
                loop.run_in_executor(self._threads, PgConn, url, READ_OPTIONS)
                for _ in range(READ_POOL)
            ),
            return_exceptions=True,
        )
        for conn in conns:
            if isinstance(conn, PgConn):
                self._pool.append(conn)  # type: ignore[arg-type]  # sqlite3's interface
                self._free.put_nowait(conn)  # type: ignore[arg-type]
        for conn in conns:
            if isinstance(conn, BaseException):
                raise conn


class PgWriter:
    """The one write connection, in a thread of its own (a load's steps are one transaction)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._thread = concurrent.futures.ThreadPoolExecutor(1, "pg-write")
        self.conn: PgConn | None = None

    async def open(self) -> None:
        loop = asyncio.get_running_loop()
        self.conn = await loop.run_in_executor(self._thread, PgConn, self.url)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(connection, *args)` in the writer's thread."""
        assert self.conn is not None, "PgWriter.open() first"
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, fn, self.conn, *args)

    async def transaction(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(connection, *args)` in one transaction, rolled back on any failure."""
        return await self.run(_transaction, fn, *args)

    async def close(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            await asyncio.get_running_loop().run_in_executor(self._thread, conn.close)
        self._thread.shutdown(wait=False)


def _transaction(conn: PgConn, fn: Callable[..., T], *args: Any) -> T:
    conn.execute("BEGIN")
    try:
        out = fn(conn, *args)
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise
    return out


def rollback(conn: PgConn) -> None:
    """ROLLBACK when a transaction is open (a broken connection has none left to end)."""
    if (
        not conn.raw.broken
        and conn.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE
    ):
        conn.execute("ROLLBACK")
