"""The CPU slot: threads doing Python work for requests take turns (bot/core/cpu.py).

A burst of real commands and mentions over data/ runs through the Dispatcher while the slot's
semaphore is watched: the read pool's pipelines, the mention parser and the thread jobs must
all have taken it, and never more of them at once than CPU_SLOTS.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from bot.answer import Asker, Dispatcher, off_loop
from bot.core import cpu
from bot.core.intents import parse_command
from bot.core.library import Actor, Library
from bot.core.mention import parse_mention

ROOT = Path(__file__).resolve().parent.parent


class WatchedSlots:
    """A semaphore of `n` that records who held it and how many held it at once."""

    def __init__(self, n: int) -> None:
        self._sem = threading.Semaphore(n)
        self._lock = threading.Lock()
        self.now = 0
        self.most = 0
        self.holders: set[str] = set()

    def acquire(self) -> None:
        self._sem.acquire()
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)
            self.holders.add(threading.current_thread().name.rstrip("_0123456789"))

    def release(self) -> None:
        with self._lock:
            self.now -= 1
        self._sem.release()

    def __enter__(self) -> None:
        self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def test_a_slot_holder_may_take_it_again_and_others_wait() -> None:
    watched = WatchedSlots(1)
    orig = cpu._SLOTS
    cpu._SLOTS = watched  # type: ignore[assignment]
    try:
        inner = cpu.holding_slot(lambda: watched.now)
        outer = cpu.holding_slot(lambda: inner())  # nested: must not wait on itself
        assert outer() == 1
        threads = [threading.Thread(target=outer) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        assert not any(t.is_alive() for t in threads)
        assert watched.most == 1 and watched.now == 0
    finally:
        cpu._SLOTS = orig


@pytest.mark.asyncio
async def test_a_burst_takes_turns_through_the_slot(tmp_path: Path) -> None:
    lib = Library(tmp_path / "slots.db")
    await lib.open()
    watched = WatchedSlots(cpu.CPU_SLOTS)
    orig = cpu._SLOTS
    try:
        await lib.load_directory(ROOT / "data")
        docs = await lib.documents(["corpus"])
        symbols = [d.symbols[0] for d in docs if d.symbols][:4]
        assert symbols, "data/ holds documents with symbols"
        texts = []
        for s in symbols:
            texts += [f"!summary {s}", f"!resolutions {s}", f"!find sanctions in {s}"]
            texts += [f"@Rapporteur which resolutions does {s} cite?"]
        texts += ["!find humanitarian acces", "!docs 2020", "!cites 1325"]
        dispatcher = Dispatcher(lib)
        cpu._SLOTS = watched  # type: ignore[assignment]

        async def one(i: int, text: str) -> str:
            req = parse_command(text) if text.startswith("!") else None
            if req is None:
                req = await off_loop(parse_mention, text)
            asker = Asker(scope=None, actor=Actor(f"u{i}", False), channel=f"c{i}")
            answer = await dispatcher.handle(req, asker)
            return answer.error_kind or "ok"

        kinds = await asyncio.gather(*(one(i, t) for i, t in enumerate(texts)))
    finally:
        cpu._SLOTS = orig
        await lib.close()
    assert kinds.count("ok") >= len(texts) - 2, kinds
    # Read pipelines, mention parses and thread jobs (resolving a reference) all took turns.
    assert {"read", "mention-parser", "asyncio"} <= watched.holders, watched.holders
    assert 1 <= watched.most <= cpu.CPU_SLOTS
    assert watched.now == 0


def test_the_library_brings_the_read_modules_at_start() -> None:
    """The store imports its read pipelines lazily (import order); the library must bring them
    in at start, or the first find compiles them on the event loop in the middle of a burst."""
    import subprocess
    import sys

    code = (
        "import sys, bot.core.library; "
        "print(sorted(m for m in ('bot.core.search', 'bot.core.store_reads', 'bot.core.summary')"
        " if m not in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("raw", "slots", "warned"), [("2", 2, False), ("zero", 1, True), ("0", 1, True)]
)
def test_the_slot_count_setting(raw: str, slots: int, warned: bool) -> None:
    import os
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", "import bot.core.cpu as c; print(c.CPU_SLOTS)"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "RAPPORTEUR_CPU_SLOTS": raw},
    )
    assert out.stdout.strip() == str(slots)
    assert ("RAPPORTEUR_CPU_SLOTS" in out.stderr) is warned
