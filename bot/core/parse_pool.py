"""Where files are read and parsed: processes with limits, never the bot's own process.

Two kinds of process, both spawned, both with an address-space cap (RLIMIT_AS) and, per
file, a CPU-time cap (RLIMIT_CPU) and a wall-clock alarm (bot.core.ingest.file_limits):

- the bulk pool (a ProcessPoolExecutor, one process per core) parses loads of many files in
  batches: data/ at start-up, a bulk import. A batch whose process dies or overruns breaks
  the pool; its files are then read again one per sandbox process to find the culprit.
- the sandbox: a few long-lived reading processes, one file per task, each run watched by a
  thread that kills the process past the wall-clock limit. Small uploads are read here. A
  server (scope) holds at most SLOTS_PER_SCOPE of them at once, so one server's slow upload
  leaves a process free for another server's.

A file whose reader dies or overruns is refused with a reason; the other files still load.
Where processes cannot start at all, uploads are refused with a clear message; only the
bundled corpus (trusted, `trusted=True`) is then parsed in a thread of this process.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from bot.core.ingest import (
    Outcome,
    limit_process,
    outcome_terms,
    overrun_message,
    prepare_batch,
    prepare_outcome,
    receive_in_parts,
    serve,
    warm,
)

log = logging.getLogger(__name__)

# Limits of a reading process. Real documents stay far below: the largest PDF of the shared
# corpus (3.6 MB) peaks at 56 MB of address space, a 20 MB .txt at 280 MB. The readers' own
# budget (readers.TIME_BUDGET_S, 60 s) refuses a slow file first; these are the backstop for
# work no Python check can interrupt (one PDFium or lexbor call).
PARSE_MEMORY_MB: float = 1024
PARSE_CPU_S: float = 70
PARSE_WALL_S: float = 80
KILL_GRACE_S: float = 10  # the parent kills a process this long after its own alarm
START_TIMEOUT_S: float = 60  # a reading process must be ready (imports done) within this
SLOT_TASKS = 200  # files a sandbox process reads before it is replaced (heap fragmentation)
RETIRE_AFTER_BYTES = 4 * 2**20  # a process that read a file this big is replaced: its heap grew

Items = list[tuple[str, bytes]]
Batch = tuple[list[Outcome], dict[str, int]]
One = tuple[Outcome, dict[str, int]]  # one file's outcome and terms


def parse_workers() -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


def sandbox_slots() -> int:
    return max(2, parse_workers())


def slots_per_scope() -> int:
    return max(1, sandbox_slots() // 2)


def limits_now() -> tuple[float, float]:
    """(CPU seconds, wall seconds) for one file, read when a task is made (tests lower them)."""
    return (PARSE_CPU_S, PARSE_WALL_S)


class _StartFailed(Exception):
    pass


def _death_message(data: bytes, exitcode: int | None, cpu_s: float, wall_s: float) -> str:
    """Why a reading process died, from its exit status."""
    if exitcode is not None and exitcode < 0:
        sig = -exitcode
        if sig == getattr(signal, "SIGXCPU", None):
            return overrun_message(data, "time", cpu_s)
        if sig == getattr(signal, "SIGALRM", None):
            return overrun_message(data, "time", wall_s)
        if sig in (signal.SIGABRT, signal.SIGKILL):
            # An allocation past RLIMIT_AS aborts the PDF library; the OOM killer uses SIGKILL.
            return overrun_message(data, "memory", PARSE_MEMORY_MB)
        return overrun_message(data, signal.Signals(sig).name, 0)
    return overrun_message(data, f"exit status {exitcode}", 0)


class _Slot:
    """One sandbox reading process and its pipe; used by one thread at a time."""

    def __init__(self, ctx: Any, memory_mb: float, target: Callable[..., None]) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=target, args=(child, os.getpid(), memory_mb), name="reader", daemon=True
        )
        self.tasks = 0
        try:
            self.process.start()
        except (OSError, RuntimeError, ValueError) as e:
            raise _StartFailed(f"{e!r}") from None
        finally:
            child.close()
        try:
            ready = self.conn.poll(START_TIMEOUT_S) and self.conn.recv()
        except (EOFError, OSError):
            ready = None
        if not ready or ready[0] != "ready":
            self.close()
            raise _StartFailed(f"it ended as it started (exit status {self.process.exitcode})")

    def run(self, name: str, data: bytes, cpu_s: float, wall_s: float) -> tuple[One, bool]:
        """((outcome, terms), whether the process lives on). Blocks; run in a thread."""
        self.tasks += 1
        try:
            self.conn.send((name, data, cpu_s, wall_s))
            if self.conn.poll(wall_s + KILL_GRACE_S):
                return receive_in_parts(self.conn), True
        except (EOFError, OSError):  # it died: its exit status says why
            self.process.join(5)
            message = _death_message(data, self.process.exitcode, cpu_s, wall_s)
            log.warning("reading %s ended its process: %s", name, message)
            self.close()
            return (("unreadable", message), {}), False
        log.warning("reading %s overran %g s: killing its process", name, wall_s)
        self.close()
        return (("unreadable", overrun_message(data, "time", wall_s)), {}), False

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def close(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


class Sandbox:
    """Long-lived reading processes, one file per task, shared fairly between scopes."""

    def __init__(self, slots: int | None = None, per_scope: int | None = None) -> None:
        self.slots = slots or sandbox_slots()
        self.per_scope = per_scope or slots_per_scope()
        self.unavailable: str | None = None  # why processes cannot start here, once known
        self._ctx = multiprocessing.get_context("spawn")  # the parent runs threads: no fork
        self._idle: list[_Slot] = []
        self._all: set[_Slot] = set()
        self._lock = threading.Lock()
        self._failed_starts = 0
        self._closed = False
        self._threads = concurrent.futures.ThreadPoolExecutor(self.slots, "reader")
        self._global: asyncio.Semaphore | None = None
        self._scopes: dict[str, list[Any]] = {}  # scope -> [semaphore, users]

    @property
    def processes(self) -> int:
        return sum(1 for s in list(self._all) if s.alive)

    async def read(self, scope: str, name: str, data: bytes) -> One:
        """One file's (outcome, terms), read in a sandbox process; never raises for the file."""
        if self.unavailable:
            return _unavailable(self.unavailable), {}
        if self._global is None:
            self._global = asyncio.Semaphore(self.slots)
        entry = self._scopes.setdefault(scope, [asyncio.Semaphore(self.per_scope), 0])
        entry[1] += 1
        try:
            async with entry[0], self._global:
                slot = self._idle.pop() if self._idle else None
                limits = limits_now()
                job = self._threads.submit(self._run, slot, name, data, *limits)
                job.add_done_callback(self._keep)
                result = await asyncio.wrap_future(job)
                return result[1]
        finally:
            entry[1] -= 1
            if entry[1] == 0:
                del self._scopes[scope]

    async def read_each(self, scope: str, items: Items) -> Batch:
        """Several files, each alone in a process (concurrently, within the scope's share)."""
        got = await asyncio.gather(*(self.read(scope, name, data) for name, data in items))
        return [outcome for outcome, _ in got], _merge([terms for _, terms in got])

    async def warm(self, n: int) -> int:
        """Start up to `n` reading processes ahead of the first upload; how many are ready."""
        loop = asyncio.get_running_loop()
        want = max(0, min(n, self.slots) - len(self._all))
        slots = await asyncio.gather(
            *(loop.run_in_executor(self._threads, self._start) for _ in range(want))
        )
        self._idle.extend(s for s in slots if s is not None)
        return self.processes

    def _start(self) -> _Slot | None:
        if self.unavailable:
            return None
        try:
            slot = _Slot(self._ctx, PARSE_MEMORY_MB, serve)
        except _StartFailed as e:
            with self._lock:
                self._failed_starts += 1
                if self._failed_starts >= 2:  # twice in a row: it is this place, not chance
                    self.unavailable = str(e)
                    log.error("reading processes cannot start here (%s): uploads refused", e)
            return None
        with self._lock:
            self._failed_starts = 0
            self._all.add(slot)
        return slot

    def _run(
        self, slot: _Slot | None, name: str, data: bytes, cpu_s: float, wall_s: float
    ) -> tuple[_Slot | None, One]:
        """In a waiting thread: start a process if none is idle, then read the file there."""
        if slot is not None and not slot.alive:  # died while idle (killed from outside)
            self._all.discard(slot)
            slot.close()
            slot = None
        if slot is None:
            slot = self._start()
            if slot is None:
                if self.unavailable:
                    return None, (_unavailable(self.unavailable), {})
                return None, (("unreadable", "its reading process did not start; try again"), {})
        result, lives = slot.run(name, data, cpu_s, wall_s)
        if not lives or slot.tasks >= SLOT_TASKS or len(data) > RETIRE_AFTER_BYTES:
            self._all.discard(slot)
            slot.close()
            # A fresh process now, so that the next upload does not wait for one to start.
            with contextlib.suppress(RuntimeError):  # RuntimeError: shutting down
                self._threads.submit(self._refill)
            return None, result
        return slot, result

    def _refill(self) -> None:
        if self._closed or self.unavailable or len(self._all) >= self.slots:
            return
        slot = self._start()
        if slot is not None:
            if self._closed:
                slot.close()
            else:
                self._idle.append(slot)

    def _keep(self, job: concurrent.futures.Future) -> None:
        """Give a living process back, even when the load that asked was cancelled meanwhile."""
        if job.cancelled() or job.exception() is not None:
            return
        slot = job.result()[0]
        if slot is not None:
            self._idle.append(slot)  # list.append is atomic; read from the loop only

    async def close(self) -> None:
        self._closed = True
        slots, self._idle = list(self._all), []
        self._all.clear()
        for slot in slots:
            await asyncio.to_thread(slot.close)
        await asyncio.to_thread(self._threads.shutdown, True, cancel_futures=True)


def _unavailable(why: str) -> Outcome:
    return (
        "unreadable",
        f"uploads cannot be read on this machine: the reading processes do not start ({why}); "
        "tell the bot's operator",
    )


def _merge(parts: list[dict[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in parts:
        for term, n in part.items():
            out[term] = out.get(term, 0) + n
    return out


class BulkPool:
    """The bulk-load processes (spawned on the first bulk load and kept), with limits."""

    def __init__(self) -> None:
        self.pool: concurrent.futures.ProcessPoolExecutor | None = None
        self.unavailable = False  # processes could not start here
        self._proven: object = None  # the last pool that finished a task
        self._stillborn = 0  # pools in a row that broke before finishing any task

    def current(self) -> concurrent.futures.ProcessPoolExecutor | None:
        """The pool; None where processes cannot start."""
        if self.pool is None and not self.unavailable:
            try:
                self.pool = concurrent.futures.ProcessPoolExecutor(
                    max_workers=parse_workers(),
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=limit_process,
                    initargs=(os.getpid(), PARSE_MEMORY_MB),
                )
            except (OSError, ValueError, NotImplementedError, ImportError) as e:
                log.warning("bulk parsing processes cannot start (%r)", e)
                self.unavailable = True
        return self.pool

    def submit(self, loop: asyncio.AbstractEventLoop, items: Items) -> tuple[Any, object] | None:
        """(future of prepare_batch, the pool) or None when no pool can take it."""
        pool = self.current()
        if pool is None:
            return None
        try:
            return loop.run_in_executor(pool, prepare_batch, items, limits_now()), pool
        except BrokenProcessPool as e:  # it broke since: the next batch starts a new one
            self.drop(f"a parsing process failed ({e!r})", pool)
        except (RuntimeError, OSError) as e:  # processes cannot start here (submit starts them)
            self.unavailable = True
            self.drop(f"cannot hand work to the parsing processes ({e!r})", pool)
        return None

    def proven(self, pool: object) -> None:
        self._proven = pool

    @property
    def processes(self) -> int:
        processes = getattr(self.pool, "_processes", None) or {}
        return sum(1 for p in processes.values() if p.is_alive())

    async def warm(self) -> int:
        loop = asyncio.get_running_loop()
        for _attempt in range(2):  # a pool whose process died is replaced once
            pool = self.current()
            if pool is None:
                return 0
            try:
                pids: set[int] = set()
                for _ in range(3):  # a process still starting can leave another one two tasks
                    got = await asyncio.gather(
                        *(loop.run_in_executor(pool, warm, 0.05) for _ in range(parse_workers()))
                    )
                    pids.update(got)
                    if len(pids) >= parse_workers():
                        break
                self._proven = pool
                return len(pids)
            except BrokenProcessPool as e:  # a process died: start new ones
                self.drop(f"a parsing process failed ({e!r})", pool)
            except (RuntimeError, OSError) as e:  # processes cannot start here
                self.unavailable = True
                self.drop(f"cannot start the parsing processes ({e!r})", pool)
                return 0
        return 0

    def drop(self, why: str, pool: object) -> None:
        """Stop using `pool` if it is still the current one (a failure reported by an older,
        already dropped pool must not shut down its replacement and the work queued there)."""
        current = self.pool
        if current is None or pool is not current:
            return
        log.warning("%s; its files are read again one per process", why)
        self.pool = None
        current.shutdown(wait=False, cancel_futures=True)
        # Processes that die before finishing anything, twice in a row, cannot run here (a
        # frozen program, a script read from stdin): stop starting new ones.
        self._stillborn = 0 if self._proven is pool else self._stillborn + 1
        if self._stillborn >= 2:
            log.warning("bulk parsing processes die as they start here: not starting them again")
            self.unavailable = True

    async def close(self) -> None:
        pool, self.pool = self.pool, None
        if pool is not None:
            await asyncio.to_thread(pool.shutdown, True, cancel_futures=True)


class Parsers:
    """The bulk pool, the sandbox, and (for the trusted bundled corpus only, where processes
    cannot start) one thread of this process."""

    def __init__(self) -> None:
        self.bulk = BulkPool()
        self.sandbox = Sandbox()
        self._thread: concurrent.futures.ThreadPoolExecutor | None = None

    async def read_each(self, scope: str, items: Items, trusted: bool) -> Batch:
        """Each file alone in a sandbox process; the trusted corpus in a thread if none start."""
        if not (trusted and self.sandbox.unavailable):
            got = await self.sandbox.read_each(scope, items)
            if not (trusted and self.sandbox.unavailable):
                return got
        return await asyncio.get_running_loop().run_in_executor(self.thread(), prepare_batch, items)

    def thread(self) -> concurrent.futures.ThreadPoolExecutor:
        # One at a time: the PDF library is not thread-safe.
        if self._thread is None:
            self._thread = concurrent.futures.ThreadPoolExecutor(1, "parse")
        return self._thread

    async def close(self) -> None:
        await self.bulk.close()
        await self.sandbox.close()
        thread, self._thread = self._thread, None
        if thread is not None:
            await asyncio.to_thread(thread.shutdown, True, cancel_futures=True)


__all__ = [
    "BulkPool",
    "Parsers",
    "Sandbox",
    "outcome_terms",
    "parse_workers",
    "prepare_outcome",
]
