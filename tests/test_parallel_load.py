"""Bulk loads parse in worker processes (and hand batches to the writer while parsing, inside one
transaction): the database they leave is the one a serial load leaves, a file failing in a worker
is named while the others are stored, and a load that fails leaves nothing."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import bot.core.library as library
import bot.core.storage as storage
from bot.core.library import Actor, Library

DATA = Path(__file__).resolve().parent.parent / "data" / "corpus"
MOD = Actor("test", moderator=True)


def _rows(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        return {
            "documents": conn.execute(
                "SELECT scope, source, sha256, record FROM documents ORDER BY id"
            ).fetchall(),
            "paragraphs": conn.execute(
                "SELECT d.source, p.idx, p.section, p.text FROM paragraphs p "
                "JOIN documents d ON d.id = p.doc_id ORDER BY d.id, p.idx"
            ).fetchall(),
            "citations": conn.execute(
                "SELECT d.source, c.* FROM citations c JOIN documents d ON d.id = c.doc_id "
                "ORDER BY d.id, c.rowid"
            ).fetchall(),
        }
    finally:
        conn.close()


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    for lang in ("en", "fr", "ar"):
        files = sorted((DATA / lang).glob("*"))[: 20 if lang == "en" else 8]
        if not files:
            pytest.skip(f"no documents in {DATA / lang}")
        (folder / lang).mkdir(parents=True)
        for f in files:
            shutil.copy(f, folder / lang / f.name)
    return folder


async def test_parallel_and_serial_loads_store_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    monkeypatch.setattr(library, "SAVE_BATCH_PASSAGES", 100)  # several saves while parsing
    monkeypatch.setattr(library, "READ_CHUNK", 4)
    reports = {}
    for mode in ("parallel", "serial"):
        if mode == "serial":
            monkeypatch.setattr(library, "PARALLEL_MIN_FILES", 10**9)
        seen: list[tuple[int, int, str]] = []
        async with Library(tmp_path / f"{mode}.db") as lib:
            report = await lib.load_directory(folder, progress=lambda *a, s=seen: s.append(a))
            assert (lib._pool is not None) == (mode == "parallel")
        assert [s[0] for s in seen] == list(range(len(seen)))  # every file, then the end
        assert seen[-1][0] == seen[-1][1] == len(seen) - 1
        reports[mode] = report
    assert not reports["parallel"].failed
    assert [d.source for d in reports["parallel"].loaded] == [
        d.source for d in reports["serial"].loaded
    ]
    assert len(reports["parallel"].loaded) == sum(1 for p in folder.rglob("*") if p.is_file())
    a, b = _rows(tmp_path / "parallel.db"), _rows(tmp_path / "serial.db")
    assert a["documents"] and a["paragraphs"] and a["citations"]
    assert a == b


async def test_a_file_failing_in_a_worker_is_named_and_the_rest_stored(tmp_path: Path) -> None:
    good = sorted((DATA / "en").glob("*.txt"))[:5]
    if len(good) < 5:
        pytest.skip("too few documents")
    files = [(p.name, p.read_bytes()) for p in good[:2]]
    files.append(("broken.pdf", b"%PDF-1.4 this is not really a PDF"))
    files.append(("blank.txt", b"   \n\n  "))
    files += [(p.name, p.read_bytes()) for p in good[2:]]
    async with Library(tmp_path / "x.db") as lib:
        report = await lib.load_files(files, "guild:1", MOD)
        assert lib._pool is not None  # six files: a bulk load, parsed in processes
        assert [d.source for d in report.loaded] == [p.name for p in good]
        assert [name for name, _ in report.failed] == ["broken.pdf", "blank.txt"]
        assert all(reason for _, reason in report.failed)
        docs = await lib.store.documents(["guild:1"])
        assert sorted(d.source for d in docs) == sorted(p.name for p in good)
        # A small upload stays in a thread; the pool made above is reused, not restarted.
        pool = lib._pool
        small = await lib.load_files(files[:1], "guild:2", MOD)
        assert [d.source for d in small.loaded] == [good[0].name] and lib._pool is pool
    assert lib._pool is None  # shut down by close()


async def test_small_loads_never_start_processes(tmp_path: Path) -> None:
    good = sorted((DATA / "en").glob("*.txt"))[:3]
    async with Library(tmp_path / "x.db") as lib:
        report = await lib.load_files([(p.name, p.read_bytes()) for p in good], "guild:1", MOD)
        assert len(report.loaded) == len(good) and lib._pool is None


_LOADER = """
import asyncio, sys, time
from pathlib import Path
from bot.core.library import Actor, Library

async def main():
    files = [(p.name, p.read_bytes()) for p in sorted(Path(sys.argv[2]).glob("*.txt"))[:5]]
    lib = Library(sys.argv[1])
    await lib.open()
    await lib.load_files(files, "guild:1", Actor("t", True))
    print(" ".join(str(pid) for pid in lib._pool._processes), flush=True)
    time.sleep(60)

if __name__ == "__main__":
    asyncio.run(main())
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_parsing_processes_end_when_the_loader_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "loader.py"
    script.write_text(_LOADER)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "x.db"), str(DATA / "en")],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    try:
        pids = [int(p) for p in proc.stdout.readline().split()]  # type: ignore[union-attr]
        assert pids and all(_alive(p) for p in pids)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in pids)


async def test_a_bulk_load_that_fails_midway_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    monkeypatch.setattr(library, "SAVE_BATCH_PASSAGES", 100)  # several batches before the end
    monkeypatch.setattr(library, "READ_CHUNK", 4)
    async with Library(tmp_path / "t.db") as lib:
        real = storage._insert_sync
        calls = 0

        def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal calls
            calls += 1
            if calls == 15:  # after the first batches were written
                raise sqlite3.OperationalError("disk I/O error")
            return real(*args, **kwargs)

        monkeypatch.setattr(storage, "_insert_sync", failing)
        with pytest.raises(sqlite3.OperationalError):
            await lib.load_directory(folder)
        assert calls == 15
        assert await lib.documents(["corpus"]) == []
        assert await lib.store.paragraph_count() == 0
        monkeypatch.setattr(storage, "_insert_sync", real)
        report = await lib.load_directory(folder)  # the next start loads everything
        assert len(report.loaded) == sum(1 for p in folder.rglob("*") if p.is_file())


def _pool_pids(lib: Library) -> list[int]:
    return [p.pid for p in (lib._pool._processes or {}).values()] if lib._pool else []  # type: ignore[union-attr]


async def test_a_parsing_process_that_dies_is_replaced_and_loads_stay_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed before or during bulk loads costs nothing: its batches are parsed
    again, the other loads get new processes, and no load falls back to threads for good."""
    monkeypatch.setattr(library, "PARSE_BATCH", 2)  # many tasks, so one is surely in flight
    files = sorted((DATA / "en").glob("*.txt"))
    async with Library(tmp_path / "k.db") as lib:
        assert await lib.warm_parsers() >= 1
        victim = _pool_pids(lib)[0]
        os.kill(victim, signal.SIGKILL)
        while _alive(victim):
            await asyncio.sleep(0.01)
        # The pool is broken now: warming replaces it.
        assert await lib.warm_parsers() >= 1 and victim not in _pool_pids(lib)

        load = asyncio.ensure_future(
            lib.load_files([(p.name, p.read_bytes()) for p in files], "guild:1", MOD)
        )
        while not load.done() and lib.parsing_processes == 0:
            await asyncio.sleep(0.005)
        os.kill(_pool_pids(lib)[0], signal.SIGKILL)  # in the middle of the load
        report = await load
        assert report.failed == [] and len(report.loaded) == len(files)
        assert await lib.store.paragraph_count() == sum(d.paragraphs for d in report.loaded)

        again = await lib.load_files([(p.name, p.read_bytes()) for p in files[:8]], "guild:2", MOD)
        assert len(again.loaded) == 8 and lib.parsing_processes >= 1
        assert not lib._pool_unavailable


async def test_processes_that_die_as_they_start_leave_loading_to_a_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where parsing processes cannot run (each dies in its initializer here), two pools are
    tried, then every load parses in a thread: all files stored, no endless restarts."""
    monkeypatch.setattr(library, "exit_with_parent", os._exit)  # the process exits at once
    monkeypatch.setattr(library, "PARSE_BATCH", 2)
    monkeypatch.setattr(library, "PARSE_WINDOW", 1)
    monkeypatch.setattr(library, "READ_CHUNK", 4)  # batches go out over time, not all at once
    files = sorted((DATA / "en").glob("*.txt"))[:24]
    async with Library(tmp_path / "d.db") as lib:
        report = await lib.load_files([(p.name, p.read_bytes()) for p in files], "guild:1", MOD)
        assert report.failed == [] and len(report.loaded) == len(files)
        assert lib._pool_unavailable and lib.parsing_processes == 0
        again = await lib.load_files([(p.name, p.read_bytes()) for p in files[:6]], "guild:2", MOD)
        assert len(again.loaded) == 6 and lib._pool is None
        assert await lib.warm_parsers() == 0
