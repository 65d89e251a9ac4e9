"""How many threads of this process run Python work at once: the CPU slot.

The interpreter lock lets one thread run Python at a time, so Python work in N threads takes no
less time than in one; what N changes is how long the event loop waits for the lock. A thread
that asks for it gets it only after every busy thread ahead of it has had a switch interval:
beside ten busy threads a bare asyncio ticker woke up to 78 ms late, beside the same ten taking
turns through one slot 22 ms (bench/gil_threads.py). So the threads that do Python work for requests (the read pool's
pipelines, the mention parser, asyncio.to_thread jobs) take turns through CPU_SLOTS slots; a
thread waiting for a slot waits on a lock, which leaves the interpreter lock alone.

A read lets go of its slot while the database works (`Unslotted`): a slow query, or one that
waits on a lock, holds up no other server's reads, and a thread inside SQLite, which runs
without the interpreter lock, does not need one. A thread holding a slot may wait only on work
that does not need one (the writer's thread, the database, the parsing processes), never on
another slot's holder: nothing can then deadlock.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


def _slots_from_env() -> int:
    raw = os.environ.get("RAPPORTEUR_CPU_SLOTS", "1")
    if raw.strip().isdigit() and int(raw) >= 1:
        return int(raw)
    logging.getLogger(__name__).warning(
        "RAPPORTEUR_CPU_SLOTS=%r is not a whole number of 1 or more: using 1", raw
    )
    return 1


CPU_SLOTS = _slots_from_env()
_SLOTS = threading.Semaphore(CPU_SLOTS)  # waiters are served in arrival order
_HELD = threading.local()


def holding_slot(fn: Callable[P, T]) -> Callable[P, T]:
    """`fn`, run holding a CPU slot (at once when this thread holds one already)."""

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        if getattr(_HELD, "held", False):
            return fn(*args, **kwargs)
        with _SLOTS:
            _HELD.held = True
            try:
                return fn(*args, **kwargs)
            finally:
                _HELD.held = False

    return run


@contextlib.contextmanager
def released() -> Iterator[None]:
    """This thread's slot given up for the block (a wait on the database), then taken back."""
    if not getattr(_HELD, "held", False):
        yield
        return
    _HELD.held = False
    _SLOTS.release()
    try:
        yield
    finally:
        _SLOTS.acquire()
        _HELD.held = True


def pass_on() -> None:
    """Let threads waiting for a slot go first, then carry on (in a long piece of work)."""
    with released():
        pass


PASS_ROWS = 256  # rows scanned between turns handed on


class Unslotted:
    """A connection (sqlite3's, or bot.core.pg's adapter) whose statements and fetches run
    without the CPU slot; everything else is the connection's own."""

    __slots__ = ("_conn",)

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Cursor:
        with released():
            return _Cursor(self._conn.execute(sql, params))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


class _Cursor:
    __slots__ = ("_cursor",)

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    def fetchall(self) -> list[Any]:
        with released():
            return self._cursor.fetchall()  # type: ignore[no-any-return]

    def fetchone(self) -> Any:
        with released():
            return self._cursor.fetchone()

    def __iter__(self) -> _Rows:
        return _Rows(self._cursor)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


class _Rows:
    """Rows worked on one by one keep the slot, handing it on now and then to whoever waits,
    so a long scan of one server's big document does not hold up the others' reads."""

    __slots__ = ("_rows", "_seen")

    def __init__(self, cursor: Any) -> None:
        self._rows = iter(cursor)
        self._seen = 0

    def __iter__(self) -> _Rows:
        return self

    def __next__(self) -> Any:
        self._seen += 1
        if self._seen % PASS_ROWS == 0:
            pass_on()
        return next(self._rows)


def slotted_read(fn: Callable[..., T], conn: Any, *args: Any) -> T:
    """`fn(conn, *args)` holding a CPU slot, given up while the database works."""
    return holding_slot(fn)(Unslotted(conn), *args)


async def in_thread(fn: Callable[..., T], *args: Any) -> T:
    """`fn(*args)` in the loop's worker threads, holding a CPU slot: asyncio.to_thread for
    Python work (never for a wait on something outside this process, such as stdin)."""
    return await asyncio.to_thread(holding_slot(fn), *args)
