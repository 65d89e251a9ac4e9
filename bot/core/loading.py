"""The library's load pipeline: read, hash, parse (in worker processes) and store files in
one transaction per load. Mixed into bot.core.library.Library, whose loading methods call it."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from bot.core.cpu import in_thread
from bot.core.ingest import Outcome, unpack
from bot.core.models import DocumentRecord
from bot.core.parse_pool import Parsers, parse_workers
from bot.core.readers import repair_surrogates
from bot.core.results import LoadedDocument, LoadReport
from bot.core.store_api import DocumentStore
from bot.core.uploads import Twins

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]  # (done, total, current file)

# Loads of this many files or more parse in batches in the bulk processes; fewer (one upload
# of a few files) are read one file per sandbox process (bot.core.parse_pool).
PARALLEL_MIN_FILES = 4
UNPACK_IN_THREAD = 2_000  # passages of a batch past which its records are rebuilt off the loop
BIG_UPLOAD_BYTES = 2 * 2**20


def _read_and_hash(reads: list[Callable[[], bytes]]) -> list[tuple[bytes, str] | OSError]:
    """Read and hash a few files in one hop to a thread (an OSError stands for a failure)."""
    out: list[tuple[bytes, str] | OSError] = []
    for read in reads:
        try:
            data = read()
        except OSError as e:
            out.append(e)
            continue
        out.append((data, hashlib.sha256(data).hexdigest()))
    return out


READ_CHUNK = 32  # files read per hop to a thread
PARSE_BATCH = 16  # files per task handed to a parsing process at most (fewer hops)
PARSE_BATCH_BYTES = 128_000  # and no more bytes than this (a big PDF goes alone)
PARSE_WINDOW = 8  # parse tasks in flight per parsing process (see Library._load)
PARSE_WINDOW_BYTES = 64 * 2**20  # and no more file bytes than this in flight
SAVE_BATCH_PASSAGES = 5_000  # a bulk load hands the writer this many passages at a time
_DONE = object()  # end of a bulk load's batches


def _in_flight(pending: deque) -> int:
    """File bytes of the parse tasks not yet settled (a read failure counts nothing)."""
    return sum(
        len(data) for item in pending if not isinstance(item[0], str) for *_, data in item[0]
    )


async def _drain(queue: asyncio.Queue[Any]) -> AsyncIterator[list[tuple[str, str, DocumentRecord]]]:
    """The batches a bulk load puts in `queue`, until _DONE; an exception put there is raised."""
    while True:
        item = await queue.get()
        if item is _DONE:
            return
        if isinstance(item, BaseException):
            raise item
        yield item


# In file order: a read failure or refusal (name, message), or (batch of files, its parse job,
# the bulk pool running it or None).
_Task = tuple[str, str] | tuple[list[tuple[str, str, bytes]], asyncio.Future, object]


async def _queue_chunk(
    chunk: Sequence[tuple[str, Callable[[], bytes]]],
    start: Callable[[list[tuple[str, str, bytes]]], _Task],
    pending: deque[_Task],
    report: LoadReport,
    known: dict[str, str],
    force: bool,
    twins: Twins | None,
) -> None:
    """Read and hash a chunk of files in a thread and queue them for parsing in batches, in
    file order; unchanged files are counted, read failures and refused twins queued as such."""
    got = await asyncio.to_thread(_read_and_hash, [read for _, read in chunk])
    batch: list[tuple[str, str, bytes]] = []
    size = 0
    for (name, _), result in zip(chunk, got, strict=True):
        if isinstance(result, OSError):
            if batch:
                pending.append(start(batch))
                batch, size = [], 0
            pending.append((name, f"cannot read the file ({result.strerror or result})"))
            continue
        data, sha = result
        if known.get(name) == sha and not force:
            report.unchanged += 1
            continue
        twin = twins.refusal(name, sha) if twins is not None else None
        if twin is not None:
            if batch:  # refusals keep their place in file order
                pending.append(start(batch))
                batch, size = [], 0
            pending.append((name, twin))
            continue
        batch.append((name, sha, data))
        size += len(data)
        if len(batch) >= PARSE_BATCH or size >= PARSE_BATCH_BYTES:
            pending.append(start(batch))
            batch, size = [], 0
    if batch:
        pending.append(start(batch))


def _loaded(ids: list[int], stored: list[tuple[str, str, DocumentRecord]]) -> list[LoadedDocument]:
    return [
        LoadedDocument(
            source=name,
            symbols=record.symbols,
            title=record.title,
            paragraphs=len(record.paragraphs),
            citations=len(record.citations),
            doc_id=doc_id,
            warnings=list(record.warnings),
        )
        for doc_id, (name, _, record) in zip(ids, stored, strict=True)
    ]


class LoadPipeline:
    """Library._load and its steps; the Library provides the store and the parsing processes."""

    store: DocumentStore
    _parsers: Parsers

    async def _load(
        self,
        files: Sequence[tuple[str, Callable[[], bytes]]],
        scope: str,
        loaded_by: str | None,
        known: dict[str, str],
        progress: Progress | None,
        force: bool = False,
        twins: Twins | None = None,
        trusted: bool = False,
    ) -> LoadReport:
        """Read, parse and store `files`, in file order, in ONE transaction: a load that fails
        leaves nothing behind. A bulk load parses several files at once in worker processes
        and hands every SAVE_BATCH_PASSAGES passages to the writer, which stores them inside
        the same open transaction while the next files are parsed."""
        report = LoadReport()
        ready: list[tuple[str, str, DocumentRecord]] = []
        # Paragraph frequencies of the parsed documents' terms, counted where they were parsed:
        # the writer adds them to the vocabulary once the last batch is stored.
        terms: Counter[str] = Counter()
        stored: list[tuple[str, str, DocumentRecord]] = []  # handed to the writer, in order
        queue: asyncio.Queue[Any] | None = None  # batches for the bulk load's open transaction
        saving: asyncio.Task[list[int]] | None = None
        parallel = len(files) >= PARALLEL_MIN_FILES
        # A name that cannot be written as UTF-8 (a lone surrogate) would fail the whole load.
        files = [(repair_surrogates(name), read) for name, read in files]
        # Parse tasks in flight at most. Results are taken in file order, so one slow file (a
        # long PDF) holds up the queue behind it: a deep window keeps the other processes fed
        # (8 per process measured best, 1.21 s against 1.35 s with 2), and a byte bound keeps
        # big files from piling up in memory.
        window = PARSE_WINDOW * parse_workers() if parallel else 0
        start = lambda batch: self._start_prepare(batch, parallel, scope, trusted)  # noqa: E731
        pending: deque[_Task] = deque()
        try:
            for first in range(0, len(files), READ_CHUNK):
                chunk = files[first : first + READ_CHUNK]
                if progress:
                    for i, (name, _) in enumerate(chunk, first):
                        progress(i, len(files), name)
                await _queue_chunk(chunk, start, pending, report, known, force, twins)
                while len(pending) > window or _in_flight(pending) > PARSE_WINDOW_BYTES:
                    await self._settle(pending.popleft(), report, ready, terms, scope, trusted)
                if parallel and sum(len(r.paragraphs) for _, _, r in ready) >= SAVE_BATCH_PASSAGES:
                    if queue is None:
                        queue = asyncio.Queue()
                        saving = asyncio.create_task(
                            self.store.save_stream(scope, _drain(queue), loaded_by, terms=terms)
                        )
                    elif saving is not None and saving.done():
                        await saving  # the writer failed: stop parsing, raise its error
                    queue.put_nowait(ready)
                    stored.extend(ready)
                    ready = []
            while pending:
                await self._settle(pending.popleft(), report, ready, terms, scope, trusted)
        except BaseException as e:
            if queue is not None and saving is not None:
                queue.put_nowait(e)  # the writer rolls the whole load back
                await asyncio.wait([saving])
            raise
        if progress:
            progress(len(files), len(files), "")
        if queue is not None and saving is not None:
            if ready:
                queue.put_nowait(ready)
                stored.extend(ready)
            queue.put_nowait(_DONE)
            ids = await saving
        elif ready:
            ids = await self.store.save_documents(scope, ready, loaded_by, terms=terms)
            stored = ready
        else:
            ids = []
        report.loaded.extend(_loaded(ids, stored))
        return report

    def _start_prepare(
        self, batch: list[tuple[str, str, bytes]], parallel: bool, scope: str, trusted: bool
    ) -> _Task:
        """(batch, its parse job, the bulk pool running it or None): a bulk load's batch goes
        to the bulk processes; a small load's files each to a sandbox process."""
        items = [(name, data) for name, _, data in batch]
        # A big upload goes to the sandbox even in a bulk load: its result comes back in parts
        # there, while a bulk process's comes in one message, unpickled holding the GIL.
        big = not trusted and len(items) == 1 and len(items[0][1]) > BIG_UPLOAD_BYTES
        if parallel and not big:
            submitted = self._parsers.bulk.submit(asyncio.get_running_loop(), items)
            if submitted is not None:
                return batch, submitted[0], submitted[1]
        job = asyncio.ensure_future(self._parsers.read_each(scope, items, trusted))
        return batch, job, None

    async def _settle(
        self,
        item: _Task,
        report: LoadReport,
        ready: list[tuple[str, str, DocumentRecord]],
        terms: Counter[str],
        scope: str,
        trusted: bool,
    ) -> None:
        if isinstance(item[0], str):
            report.failed.append(item)  # type: ignore[arg-type]
            return
        batch, job, pool = item  # type: ignore[misc]
        items = [(name, data) for name, _, data in batch]  # type: ignore[union-attr]
        try:
            outcomes, counted = await job
            if pool is not None:
                self._parsers.bulk.proven(pool)
        except (BrokenProcessPool, OSError) as e:
            # A bulk process died (a file past its limits, or killed): which file was it? Each
            # is read again alone in a sandbox process; only the culprit is refused.
            self._parsers.bulk.drop(f"a parsing process failed ({e!r})", pool)
            outcomes, counted = await self._parsers.read_each(scope, items, trusted)
        except Exception as e:  # e.g. a record that would not pickle: one file at a time
            log.exception("parsing a batch failed in a worker (%r)", e)
            outcomes, counted = await self._parsers.read_each(scope, items, trusted)
        passages = sum(len(o[1][1]) for o in outcomes if o[0] == "ok")
        if passages > UNPACK_IN_THREAD:  # a big document's records: not on the event loop
            records = await in_thread(_unpack_all, outcomes)
        else:
            records = _unpack_all(outcomes)
        for (name, sha, _), outcome, record in zip(batch, outcomes, records, strict=True):  # type: ignore[arg-type]
            if record is not None:
                ready.append((name, sha, record))
            elif outcome[0] == "unreadable":
                report.failed.append((name, outcome[1]))
            else:
                report.failed.append((name, f"could not be parsed ({outcome[1]})"))
        if len(counted) > UNPACK_IN_THREAD:
            await in_thread(terms.update, counted)  # a Python loop over every term
        else:
            terms.update(counted)


def _unpack_all(outcomes: list[Outcome]) -> list[DocumentRecord | None]:
    return [unpack(o[1]) if o[0] == "ok" else None for o in outcomes]
