"""The store's read pool: sqlite3 connections in threads of their own, shared fairly by scope."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import contextvars
import sqlite3
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.core.cpu import slotted_read

T = TypeVar("T")
READ_POOL = 3  # read connections beside the writer
# Reads one scope (the asking server) may have in flight at once: another server always finds a
# free connection, however heavy the first one's requests.
SCOPE_READS = READ_POOL - 1
# Whose reads these are ("guild:<id>", "corpus"), set by the Library for each request; reads
# made outside any request (start-up, scripts) are not limited per scope.
read_scope: contextvars.ContextVar[str | None] = contextvars.ContextVar("read_scope", default=None)


@dataclass(slots=True)
class _ScopeGate:
    slots: asyncio.Semaphore
    users: int = 0  # reads running or waiting


class ReadPool:
    """READ_POOL query-only connections, each used by one read at a time.

    An in-memory database has one connection only: its reads run on the writer's (`single`).
    """

    def __init__(self) -> None:
        self._pool: list[sqlite3.Connection] = []
        self._free: asyncio.Queue[sqlite3.Connection] | None = None
        self._threads: concurrent.futures.ThreadPoolExecutor | None = None
        self._gates: dict[str, _ScopeGate] = {}  # scopes with reads in flight or waiting
        self._single: Callable[..., Awaitable[Any]] | None = None

    def share(self, run: Callable[..., Awaitable[Any]]) -> None:
        """Read through `run(fn, *args)` (the writer's connection) instead of a pool."""
        self._single = run

    async def open(self, path: str, busy_ms: int) -> None:
        self._free = asyncio.Queue()
        # One thread per read connection, all started now: starting a thread waits for it to
        # run, which under load would hold up the event loop in the middle of a request.
        self._threads = concurrent.futures.ThreadPoolExecutor(READ_POOL, "read")
        started = threading.Barrier(READ_POOL)
        loop = asyncio.get_running_loop()
        for conn in await asyncio.gather(
            *(
                loop.run_in_executor(self._threads, _pool_connection, path, busy_ms, started)
                for _ in range(READ_POOL)
            )
        ):
            self._pool.append(conn)
            self._free.put_nowait(conn)

    def close(self) -> None:
        for conn in self._pool:
            conn.close()
        self._pool.clear()
        self._free = None
        threads, self._threads = self._threads, None
        if threads is not None:
            threads.shutdown(wait=False)  # idle: every read has returned its connection

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(connection, *args)` off the event loop on a pooled read connection, at most
        READ_POOL at once, at most SCOPE_READS of them for the scope in `read_scope`."""
        scope = read_scope.get()
        if scope is None:
            return await self._run_pooled(fn, *args)
        gate = self._gates.get(scope)
        if gate is None:
            gate = self._gates[scope] = _ScopeGate(asyncio.Semaphore(SCOPE_READS))
        gate.users += 1
        try:
            async with gate.slots:
                return await self._run_pooled(fn, *args)
        finally:
            gate.users -= 1
            if gate.users == 0:  # kept only while in use: one entry per busy server
                del self._gates[scope]

    async def _run_pooled(self, fn: Callable[..., T], *args: Any) -> T:
        if self._free is None:  # in-memory database: its one connection's own thread
            assert self._single is not None, "Store.open() first"
            out: T = await self._single(fn, *args)
            return out
        conn = await self._free.get()
        try:
            loop = asyncio.get_running_loop()
            # Python work in the pipeline takes a CPU slot; the database's work does not.
            return await loop.run_in_executor(self._threads, slotted_read, fn, conn, *args)
        finally:
            self._free.put_nowait(conn)


def _pool_connection(path: str, busy_ms: int, started: threading.Barrier) -> sqlite3.Connection:
    # Every pool thread busy at once, so each one is started; should one not start, the
    # others share the connections, which still works.
    with contextlib.suppress(threading.BrokenBarrierError):
        started.wait(10)
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout={busy_ms}")
    conn.execute("PRAGMA query_only=ON")
    conn.execute("PRAGMA cache_size=-16000")
    return conn
