"""What keeps the event loop answering under a burst (bot/runtime.py, bot/answer.off_loop, the
shared read of Library.documents). Their effect on stalls is measured by bench/load_mixed.py;
here, only that they do what they say."""

from __future__ import annotations

import asyncio
import gc
import sqlite3
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from bot.answer import ADMITTED, Asker, Dispatcher, off_loop
from bot.core.intents import parse_command
from bot.core.library import Actor, Library
from bot.core.mention import parse_mention
from bot.core.storage import StoredDocument
from bot.runtime import SWITCH_INTERVAL, settle


async def test_mentions_parse_on_the_parser_thread_not_the_loop() -> None:
    where = await off_loop(lambda text: threading.current_thread().name, "any words")
    assert where.startswith("mention-parser") and where != threading.current_thread().name
    req = await off_loop(parse_mention, "@Rapporteur summarize S/2025/40")
    assert req == parse_mention("@Rapporteur summarize S/2025/40")  # the same answer


def test_settle_shortens_the_switch_interval_and_freezes_the_start_up_heap() -> None:
    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)  # Python's default, whatever ran before
        settle()
        assert sys.getswitchinterval() == SWITCH_INTERVAL
        assert gc.get_freeze_count() > 1000  # this process's modules and objects, at least
    finally:  # the rest of the tests keep the interpreter as it was
        gc.unfreeze()
        sys.setswitchinterval(before)


async def test_concurrent_askers_of_the_document_list_share_one_read(tmp_path: Path) -> None:
    async with Library(tmp_path / "lib.db") as lib:
        await lib.load_files(
            [("note.txt", b"A short note about ceasefire monitoring.\n")],
            "guild:1",
            Actor("mod", moderator=True),
        )
        reads = 0
        real = lib.store.documents

        async def counted(scopes: Sequence[str]) -> list[StoredDocument]:
            nonlocal reads
            reads += 1
            if reads == 1:
                raise sqlite3.OperationalError("disk I/O error")  # a failed read is not kept
            return await real(scopes)

        lib.store.documents = counted  # type: ignore[method-assign]
        got = await asyncio.gather(
            *(lib.documents(["guild:1"]) for _ in range(20)), return_exceptions=True
        )
        assert reads == 1 and all(isinstance(g, sqlite3.OperationalError) for g in got)
        lists = await asyncio.gather(*(lib.documents(["guild:1"]) for _ in range(20)))
        assert reads == 2  # read again after the failure, once for all twenty
        assert all(docs == lists[0] for docs in lists)
        assert [d.source for d in lists[0]] == ["note.txt"]
        await lib.documents(["guild:1"])
        assert reads == 2  # kept until the store changes
        await lib.load_files(
            [("other.txt", b"Another note.\n")], "guild:1", Actor("mod", moderator=True)
        )
        assert len(await lib.documents(["guild:1"])) == 2 and reads > 2  # read anew


async def test_a_burst_of_commands_is_worked_on_a_few_at_a_time(tmp_path: Path) -> None:
    """Sixty finds at once: at most ADMITTED are inside the library together, every one is
    answered, and each gets its own query's passages."""
    words = ["ceasefire", "monitoring", "elections", "refugees", "landmines", "sanctions"]
    async with Library(tmp_path / "lib.db") as lib:
        await lib.load_files(
            [
                (f"{w}.txt", f"A note on {w} in the region, paragraph one.\n".encode())
                for w in words
            ],
            "guild:1",
            Actor("mod", moderator=True),
        )
        inside = most = 0
        real = lib.find

        async def counted(*args: object, **kw: object) -> object:
            nonlocal inside, most
            inside += 1
            most = max(most, inside)
            try:
                await asyncio.sleep(0)  # let the others in, if the dispatcher would
                return await real(*args, **kw)  # type: ignore[arg-type]
            finally:
                inside -= 1

        lib.find = counted  # type: ignore[method-assign,assignment]
        dispatcher = Dispatcher(lib)
        asker = Asker(scope="guild:1", channel="c")
        queries = [words[i % len(words)] for i in range(60)]
        answers = await asyncio.gather(
            *(dispatcher.handle(parse_command(f"!find {q}"), asker) for q in queries)
        )
    assert 1 < most <= ADMITTED < len(queries)
    for q, a in zip(queries, answers, strict=True):
        assert a.error is None, a.error
        assert q in a.result.hits[0].text
