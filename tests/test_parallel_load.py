"""Bulk loads parse in worker processes (and hand batches to the writer while parsing, inside one
transaction): the database they leave is the one a file-by-file load in the sandbox leaves, a file
failing in a worker is named while the others are stored, and a load that fails leaves nothing.
No load parses in the bot's own process, except the bundled corpus where no process can start."""

from __future__ import annotations

import asyncio
import functools
import importlib.util
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import bot.core.loading as loading
import bot.core.parse_pool as parse_pool
import bot.core.storage_write as storage_write
from bot.core.library import Actor, Library
from bot.core.storage import CORPUS_SCOPE
from conftest import CORPUS, needs_shared

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
    monkeypatch.setattr(loading, "SAVE_BATCH_PASSAGES", 100)  # several saves while parsing
    monkeypatch.setattr(loading, "READ_CHUNK", 4)
    reports = {}
    for mode in ("parallel", "serial"):
        if mode == "serial":
            monkeypatch.setattr(loading, "PARALLEL_MIN_FILES", 10**9)
        seen: list[tuple[int, int, str]] = []
        async with Library(tmp_path / f"{mode}.db") as lib:
            report = await lib.load_directory(folder, progress=lambda *a, s=seen: s.append(a))
            assert (lib._parsers.bulk.pool is not None) == (mode == "parallel")
            assert (lib._parsers.sandbox.processes > 0) == (mode == "serial")
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
        assert lib._parsers.bulk.pool is not None  # six files: a bulk load, in the bulk processes
        assert [d.source for d in report.loaded] == [p.name for p in good]
        assert [name for name, _ in report.failed] == ["broken.pdf", "blank.txt"]
        assert all(reason for _, reason in report.failed)
        docs = await lib.store.documents(["guild:1"])
        assert sorted(d.source for d in docs) == sorted(p.name for p in good)
        # A small upload goes to a sandbox process; the bulk pool made above stays as it is.
        pool = lib._parsers.bulk.pool
        small = await lib.load_files(files[:1], "guild:2", MOD)
        assert [d.source for d in small.loaded] == [good[0].name]
        assert lib._parsers.bulk.pool is pool and lib._parsers.sandbox.processes >= 1
    assert lib._parsers.bulk.pool is None and lib.parsing_processes == 0  # closed by close()


async def test_small_loads_are_read_in_sandbox_processes_not_the_bulk_pool(tmp_path: Path) -> None:
    good = sorted((DATA / "en").glob("*.txt"))[:3]
    async with Library(tmp_path / "x.db") as lib:
        report = await lib.load_files([(p.name, p.read_bytes()) for p in good], "guild:1", MOD)
        assert len(report.loaded) == len(good) and lib._parsers.bulk.pool is None
        assert 1 <= lib._parsers.sandbox.processes <= parse_pool.slots_per_scope()


_LOADER = """
import asyncio, sys, time
from pathlib import Path
from bot.core.library import Actor, Library

async def main():
    files = [(p.name, p.read_bytes()) for p in sorted(Path(sys.argv[2]).glob("*.txt"))[:5]]
    lib = Library(sys.argv[1])
    await lib.open()
    await lib.load_files(files, "guild:1", Actor("t", True))
    await lib.load_files(files[:1], "guild:2", Actor("t", True))  # and a sandbox process
    pids = list(lib._parsers.bulk.pool._processes)
    pids += [s.process.pid for s in lib._parsers.sandbox._all]
    print(" ".join(str(pid) for pid in pids), flush=True)
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
        assert len(pids) >= 2 and all(_alive(p) for p in pids)
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
    monkeypatch.setattr(loading, "SAVE_BATCH_PASSAGES", 100)  # several batches before the end
    monkeypatch.setattr(loading, "READ_CHUNK", 4)
    async with Library(tmp_path / "t.db") as lib:
        real = storage_write._insert_sync
        calls = 0

        def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal calls
            calls += 1
            if calls == 15:  # after the first batches were written
                raise sqlite3.OperationalError("disk I/O error")
            return real(*args, **kwargs)

        monkeypatch.setattr(storage_write, "_insert_sync", failing)
        with pytest.raises(sqlite3.OperationalError):
            await lib.load_directory(folder)
        assert calls == 15
        assert await lib.documents(["corpus"]) == []
        assert await lib.store.paragraph_count() == 0
        monkeypatch.setattr(storage_write, "_insert_sync", real)
        report = await lib.load_directory(folder)  # the next start loads everything
        assert len(report.loaded) == sum(1 for p in folder.rglob("*") if p.is_file())


def _pool_pids(lib: Library) -> list[int]:
    pool = lib._parsers.bulk.pool
    return [p.pid for p in (pool._processes or {}).values()] if pool else []  # type: ignore[union-attr]


async def test_a_parsing_process_that_dies_is_replaced_and_loads_stay_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed before or during bulk loads costs nothing: its batches are parsed
    again, the other loads get new processes, and no load falls back to threads for good."""
    monkeypatch.setattr(loading, "PARSE_BATCH", 2)  # many tasks, so one is surely in flight
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
        while not load.done() and lib._parsers.bulk.processes == 0:
            await asyncio.sleep(0.005)
        os.kill(_pool_pids(lib)[0], signal.SIGKILL)  # in the middle of the load
        report = await load
        assert report.failed == [] and len(report.loaded) == len(files)
        assert await lib.store.paragraph_count() == sum(d.paragraphs for d in report.loaded)

        again = await lib.load_files([(p.name, p.read_bytes()) for p in files[:8]], "guild:2", MOD)
        assert len(again.loaded) == 8 and lib.parsing_processes >= 1
        assert not lib._parsers.bulk.unavailable and not lib._parsers.sandbox.unavailable


def _die(*_args: object) -> None:
    os._exit(3)


async def test_where_processes_cannot_start_uploads_are_refused_and_the_corpus_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where parsing processes cannot run (each dies as it starts here), two are tried, then
    uploads are refused with a clear reason rather than read in the bot's process; only the
    bundled corpus (load_directory) is then parsed in a thread. No endless restarts."""
    monkeypatch.setattr(parse_pool, "limit_process", _die)  # the bulk processes' initializer
    monkeypatch.setattr(parse_pool, "serve", _die)  # the sandbox processes' main
    monkeypatch.setattr(loading, "PARSE_BATCH", 2)
    monkeypatch.setattr(loading, "PARSE_WINDOW", 1)
    monkeypatch.setattr(loading, "READ_CHUNK", 4)  # batches go out over time, not all at once
    files = sorted((DATA / "en").glob("*.txt"))[:24]
    folder = tmp_path / "data"
    folder.mkdir()
    for p in files[:6]:
        shutil.copy(p, folder / p.name)
    async with Library(tmp_path / "d.db") as lib:
        report = await lib.load_files([(p.name, p.read_bytes()) for p in files], "guild:1", MOD)
        assert report.loaded == [] and len(report.failed) == len(files)
        assert all("did not start" in why or "do not start" in why for _, why in report.failed)
        assert "reading processes do not start" in report.failed[-1][1]  # known for good
        assert lib._parsers.bulk.unavailable and lib._parsers.sandbox.unavailable
        assert lib.parsing_processes == 0 and await lib.store.paragraph_count() == 0
        one = await lib.load_files([(files[0].name, files[0].read_bytes())], "guild:2", MOD)
        assert one.loaded == [] and "tell the bot's operator" in one.failed[0][1]
        corpus = await lib.load_directory(folder)
        assert corpus.failed == [] and len(corpus.loaded) == 6
        assert await lib.warm_parsers() == 0


# ---- hostile uploads: read in sandboxed processes, refused alone, the bot lives ---------------

_spec = importlib.util.spec_from_file_location(
    "make_bad", Path(__file__).resolve().parent / "fixtures" / "make_bad.py"
)
make_bad = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(make_bad)  # type: ignore[union-attr]
_huge_docx = functools.cache(make_bad.huge_docx)  # 3 s to make; two tests use it


def _real(n_pdf: int, n_txt: int) -> list[tuple[str, bytes]]:
    """Real UN documents from ../shared/corpus: PDFs, then texts."""
    pdfs = sorted((CORPUS / "pdf").glob("*.pdf"))[:n_pdf]
    txts = sorted((CORPUS / "en").glob("*.txt"))[:n_txt]
    if len(pdfs) < n_pdf or len(txts) < n_txt:
        pytest.skip(f"real documents not found in {CORPUS}")
    return [(p.name, p.read_bytes()) for p in pdfs + txts]


async def _answers(lib: Library, source: str, scope: str) -> None:
    """The library still answers about a loaded document: found by name, summarised."""
    doc = await lib.resolve(Path(source).stem, [CORPUS_SCOPE, scope])
    assert doc.source == source
    summary = await lib.summary(doc, [CORPUS_SCOPE, scope])
    assert summary.key_points and summary.paragraphs > 3
    words = " ".join(summary.key_points[0].split()[:6])
    found = await lib.find(words, [CORPUS_SCOPE, scope])
    assert doc.id in [hit.doc.id for hit in found.hits]


@needs_shared
async def test_a_hostile_pdf_upload_is_refused_and_the_same_library_loads_and_answers(
    tmp_path: Path,
) -> None:
    """Form XObjects ten wide, seven deep (2.4 KB) abort the PDF library in the process that
    reads them; a 2 MB flate bomb inflates to 2 GB. Each is a one-file upload: refused with
    the memory limit named, and the bot's process goes on to load and answer."""
    forms = (Path(__file__).resolve().parent / "fixtures" / "bad" / "nested_forms.pdf").read_bytes()
    assert forms == make_bad.nested_forms_pdf(7)
    bomb = make_bad.flate_bomb_pdf(2 << 30)
    assert len(forms) < 3000 and len(bomb) < 3 << 20
    (good,) = _real(1, 0)
    async with Library(tmp_path / "h.db") as lib:
        for name, data in (("forms.pdf", forms), ("bomb.pdf", bomb)):
            report = await lib.load_files([(name, data)], "guild:1", MOD)
            assert report.loaded == [] and [n for n, _ in report.failed] == [name]
            why = report.failed[0][1]
            assert why.startswith("this PDF needed more than 1024 MB of memory to read"), why
            assert "malformed or hostile" in why
        # Six deep fits in memory, but its page draws one line 100,000 times: refused too.
        report = await lib.load_files([("forms6.pdf", make_bad.nested_forms_pdf(6))], "g", MOD)
        assert report.failed[0][1].startswith("page 1 of this PDF holds 1,700,0")
        report = await lib.load_files([good], "guild:1", MOD)
        assert [d.source for d in report.loaded] == [good[0]] and not report.failed
        await _answers(lib, good[0], "guild:1")
        assert await lib.store.documents(["guild:1"]) != []


@needs_shared
@pytest.mark.parametrize("size", [2, 6])  # read one per sandbox process; in the bulk processes
async def test_a_mixed_batch_loads_the_good_files_and_refuses_the_hostile_ones(
    tmp_path: Path, size: int
) -> None:
    """Hostile files among real ones, in one upload: the good ones are stored, each hostile
    one is refused with its reason. With six files the batch goes to the bulk processes, one
    of which dies: its files are read again one per process to find the culprits."""
    good = _real(1, size - 1)
    hostile = [
        ("forms.pdf", make_bad.nested_forms_pdf(7)),
        ("quadratic.html", make_bad.quadratic_html("inline_tags")),
        ("huge.docx", _huge_docx(1_000_000)),
    ]
    files = [good[0], *hostile, *good[1:]]
    async with Library(tmp_path / "m.db") as lib:
        report = await lib.load_files(files, "guild:1", MOD)
        assert [d.source for d in report.loaded] == [name for name, _ in good]
        failed = dict(report.failed)
        assert list(failed) == [name for name, _ in hostile]
        assert "needed more than 1024 MB of memory" in failed["forms.pdf"]
        assert "too complex" in failed["quadratic.html"]
        assert "XML elements" in failed["huge.docx"]
        for name, _ in good:
            await _answers(lib, name, "guild:1")
        if size > 2:
            assert not lib._parsers.bulk.unavailable  # a new bulk pool is started next time


@needs_shared
@pytest.mark.parametrize("limit", ["cpu", "wall"])
async def test_a_reader_past_its_time_limit_is_killed_and_its_file_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str
) -> None:
    """With room in memory, the nested forms (seven deep) keep PDFium busy for some 20 s in
    one call, where no Python check runs: the CPU limit (SIGXCPU) or the wall-clock alarm ends the
    process, and the file is refused with the limit named."""
    monkeypatch.setattr(parse_pool, "PARSE_MEMORY_MB", 16384)
    if limit == "cpu":
        monkeypatch.setattr(parse_pool, "PARSE_CPU_S", 1)
    else:
        monkeypatch.setattr(parse_pool, "PARSE_WALL_S", 1)
    (good,) = _real(1, 0)
    async with Library(tmp_path / "t.db") as lib:
        report = await lib.load_files([("forms.pdf", make_bad.nested_forms_pdf(7)), good], "g", MOD)
        assert [d.source for d in report.loaded] == [good[0]]
        assert report.failed == [
            (
                "forms.pdf",
                "this PDF took longer than 1 s to read; it may be malformed or hostile, "
                "so it was not loaded",
            )
        ]


@needs_shared
async def test_one_servers_slow_upload_leaves_a_reading_process_for_another_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Server A uploads two files that each hold a reading process until its wall-clock limit;
    a server holds one of the two processes at most, so server B's one-file upload is read in
    the other one and is answered while A's upload is still being read."""
    monkeypatch.setattr(parse_pool, "PARSE_MEMORY_MB", 16384)
    monkeypatch.setattr(parse_pool, "PARSE_WALL_S", 4)
    (good,) = _real(1, 0)
    slow = make_bad.nested_forms_pdf(7)
    async with Library(tmp_path / "f.db") as lib:
        lib._parsers.sandbox = parse_pool.Sandbox(slots=2, per_scope=1)
        assert await lib._parsers.sandbox.warm(2) == 2
        a = asyncio.ensure_future(
            # Two different files: the same bytes twice in one upload are refused as a copy.
            lib.load_files(
                [("slow1.pdf", slow), ("slow2.pdf", slow + b"% another file\n")], "guild:A", MOD
            )
        )
        sandbox = lib._parsers.sandbox
        while not a.done() and not (
            "guild:A" in sandbox._scopes and sandbox._scopes["guild:A"][0].locked()
        ):
            await asyncio.sleep(0.01)  # until A holds its one process
        b = await lib.load_files([good], "guild:B", MOD)
        assert [d.source for d in b.loaded] == [good[0]]
        assert not a.done()  # B did not wait behind A's two slow files
        await _answers(lib, good[0], "guild:B")
        report = await a
        assert [n for n, _ in report.failed] == ["slow1.pdf", "slow2.pdf"]
        assert all("took longer than 4 s" in why for _, why in report.failed)


async def test_lone_surrogates_in_names_are_repaired_and_the_upload_loads(tmp_path: Path) -> None:
    texts = sorted((DATA / "en").glob("*.txt"))[:3]
    if len(texts) < 3:
        pytest.skip("too few documents")
    files = [
        ("lettre\udcff.txt", texts[0].read_bytes()),
        ("\ud800", texts[1].read_bytes()),  # nothing but a lone surrogate
        ("ok.txt", texts[2].read_bytes()),
    ]
    async with Library(tmp_path / "s.db") as lib:
        report = await lib.load_files(files, "guild:1", MOD)
        assert [d.source for d in report.loaded] == ["lettre\ufffd.txt", "\ufffd", "ok.txt"]
        stored = sorted(d.source for d in await lib.store.documents(["guild:1"]))
        assert stored == sorted(["lettre\ufffd.txt", "\ufffd", "ok.txt"])


@needs_shared
async def test_load_paths_reads_in_the_sandbox_too(tmp_path: Path) -> None:
    """The terminal's `!load PATH`: a hostile file on disk is refused, the good one loads."""
    (good,) = _real(1, 0)
    (tmp_path / good[0]).write_bytes(good[1])
    (tmp_path / "forms.pdf").write_bytes(make_bad.nested_forms_pdf(7))
    async with Library(tmp_path / "p.db") as lib:
        report = await lib.load_paths([tmp_path / "forms.pdf", tmp_path / good[0]], "local", MOD)
        assert [d.source for d in report.loaded] == [good[0]]
        assert [n for n, _ in report.failed] == ["forms.pdf"]
        assert lib._parsers.sandbox.processes >= 1 and lib._parsers._thread is None


async def test_a_big_document_comes_back_in_parts_exactly_as_parsed_here() -> None:
    """A document of thousands of paragraphs is sent back in parts (so that no single unpickle
    holds the GIL long in the bot's process): what arrives is what parsing gives."""
    from bot.core.ingest import PART, outcome_terms, prepare_outcome

    texts = sorted((DATA / "en").glob("*.txt"))
    blob = b"\n\n".join(p.read_bytes() for p in texts)
    data = blob * (3 * PART // max(blob.count(b"\n\n"), 1) + 1)
    expected = prepare_outcome("big.txt", data)
    assert expected[0] == "ok" and len(expected[1][1]) > 2 * PART and len(expected[1][2]) > 0
    sandbox = parse_pool.Sandbox(slots=1, per_scope=1)
    try:
        outcome, terms = await sandbox.read("guild:1", "big.txt", data)
    finally:
        await sandbox.close()
    assert outcome[0] == "ok"
    assert outcome[1][0] == expected[1][0]
    assert outcome[1][1] == expected[1][1] and outcome[1][2] == expected[1][2]
    assert terms == outcome_terms([expected])
    assert len(outcome[1][1]) + len(outcome[1][2]) + len(terms) > 3 * PART  # sent in parts


async def test_a_reading_process_killed_while_idle_is_replaced(tmp_path: Path) -> None:
    texts = sorted((DATA / "en").glob("*.txt"))[:2]
    async with Library(tmp_path / "i.db") as lib:
        first = await lib.load_files([(texts[0].name, texts[0].read_bytes())], "guild:1", MOD)
        assert len(first.loaded) == 1
        (slot,) = lib._parsers.sandbox._all
        victim = slot.process.pid
        os.kill(victim, signal.SIGKILL)
        # Until it can be reaped (/proc shows a zombie earlier, while its other thread exits).
        while slot.process.is_alive():
            await asyncio.sleep(0.01)
        again = await lib.load_files([(texts[1].name, texts[1].read_bytes())], "guild:1", MOD)
        assert again.failed == [] and len(again.loaded) == 1
        assert victim not in [s.process.pid for s in lib._parsers.sandbox._all]


async def test_a_non_utf8_file_name_in_a_folder_loads_repaired_and_stays_unchanged(
    tmp_path: Path,
) -> None:
    """A Latin-1 file name on disk reaches Python as a lone surrogate ("r\\udce9solution")."""
    texts = sorted((DATA / "en").glob("*.txt"))[:2]
    folder = tmp_path / "data"
    folder.mkdir()
    odd = os.fsdecode(b"r\xe9solution.txt")
    (folder / odd).write_bytes(texts[0].read_bytes())
    (folder / "plain.txt").write_bytes(texts[1].read_bytes())
    async with Library(tmp_path / "n.db") as lib:
        first = await lib.load_directory(folder)
        assert sorted(d.source for d in first.loaded) == ["plain.txt", "r\ufffdsolution.txt"]
        again = await lib.load_directory(folder)
        assert again.loaded == [] and again.unchanged == 2 and again.removed == 0
