"""Fairness between servers: what one answer may cost, and whose share of the read pool it uses.

A server's huge upload must not slow every other server: `asker_reads` counts an answer's reads
against the asking server's share of the read connections (storage.read_scope, SCOPE_READS), and
`detail_rows` bounds how much of a document one `!doc` answer holds.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable
from typing import Any

from bot.core.results import CitedResolution
from bot.core.storage import StoredCitation, read_scope


def asker_reads(method: Callable[..., Any]) -> Callable[..., Any]:
    """Count an answer's reads against the asking server's share of the read pool (see
    storage.read_scope): the asker is the last of `scopes`, else the document's own scope."""
    names = list(inspect.signature(method).parameters)  # self first
    at: dict[str, int] = {name: names.index(name) for name in ("scopes", "doc") if name in names}

    def given(name: str, args: tuple, kwargs: dict) -> Any:
        if name in kwargs:
            return kwargs[name]
        i = at.get(name)
        return args[i] if i is not None and i < len(args) else None

    @functools.wraps(method)
    async def counted(*args: Any, **kwargs: Any) -> Any:
        if read_scope.get() is not None:  # called from another answer: already counted
            return await method(*args, **kwargs)
        scopes, doc = given("scopes", args, kwargs), given("doc", args, kwargs)
        token = read_scope.set(scopes[-1] if scopes else doc.scope if doc else None)
        try:
            return await method(*args, **kwargs)
        finally:
            read_scope.reset(token)

    return counted


# At most this much of a document's text goes into one `!doc` answer (it is held while the
# answer is sent and paged, and Discord takes files of 8 MB at most); of a longer document,
# only its first DETAIL_PREVIEW_CHARS, and the answer says how to search the rest.
DETAIL_CHARS = 7_000_000
DETAIL_PREVIEW_CHARS = 200_000
SUMMARY_CHARS = 200_000  # of a document's text read for its key points (0.1 s of CPU at most)


def detail_rows(
    conn: sqlite3.Connection, doc_id: int, max_chars: int, preview_chars: int
) -> tuple[list[tuple[int, str, str]], int, int]:
    """(index, section, text) of a document's paragraphs, all of them when their text is within
    `max_chars`, else only its first `preview_chars` (a paragraph may be cut); then the
    document's paragraph and character counts."""
    count, chars = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(LENGTH(text)), 0) FROM paragraphs WHERE doc_id = ?",
        (doc_id,),
    ).fetchone()
    budget = max_chars if chars <= max_chars else preview_chars
    rows: list[tuple[int, str, str]] = []
    kept = 0
    for idx, section, text in conn.execute(
        "SELECT idx, section, text FROM paragraphs WHERE doc_id = ? ORDER BY idx", (doc_id,)
    ):
        if kept + len(text) > budget:
            if budget > kept:
                rows.append((idx, section, text[: budget - kept]))
            break
        rows.append((idx, section, text))
        kept += len(text)
    return rows, count, chars


def group_citations(rows: Iterable[StoredCitation]) -> dict[str, CitedResolution]:
    """A document's citations by symbol, in order of first mention: kind and year as first
    cited, mentions counted, cited paragraphs in order (each once)."""
    items: dict[str, CitedResolution] = {}
    seen: set[tuple[str, int]] = set()
    for c in rows:
        item = items.get(c.symbol)
        if item is None:
            item = items[c.symbol] = CitedResolution(c.symbol, c.kind, 0, [], c.year_inferred)
        item.mentions += 1
        if c.paragraph is not None and (c.symbol, c.paragraph) not in seen:
            seen.add((c.symbol, c.paragraph))
            item.paragraphs.append(c.paragraph)
    return items


async def start_worker_threads() -> None:
    """Start the loop's default worker threads (asyncio.to_thread) now. Otherwise each one starts
    on a request that finds none idle, and starting a thread waits for it to run: in a burst of
    200 requests the loop waited about 25 ms on four of them (bench/load_mixed.py --spread 0)."""
    loop = asyncio.get_running_loop()
    n = min(32, (os.cpu_count() or 1) + 4)  # ThreadPoolExecutor's default size
    started = threading.Barrier(n)

    def wait() -> None:  # every thread busy at once, so each one is started
        with contextlib.suppress(threading.BrokenBarrierError):
            started.wait(2)

    await asyncio.gather(*(loop.run_in_executor(None, wait) for _ in range(n)))
