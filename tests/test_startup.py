"""A start that cannot succeed ends at once: exit code not 0, ONE line on stderr saying what is
wrong and what to do, no traceback, and no thread left to keep the process alive.

Each case runs `python -m bot …` (or tests/startup_harness.py, the same with a fault injected)
as a subprocess; the subprocess timeout only guards against a hang, it measures nothing.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bot.core import storage
from bot.core.errors import DatabaseBusy, DiskFull, NotADatabase, SchemaTooNew
from bot.core.library import Actor, Library
from conftest import DATA, ROOT

HANG_GUARD_S = 120
LETTERS = ["S_2025_182.txt", "S_2025_274.txt"]  # two real letters from data/
HARNESS = ROOT / "tests" / "startup_harness.py"


def _env(db: Path, data: Path | None = None, **extra: str) -> dict[str, str]:
    env = {**os.environ, "RAPPORTEUR_DB": str(db), **extra}
    if data is not None:
        env["RAPPORTEUR_DATA"] = str(data)
    if "DISCORD_TOKEN" not in extra:
        env.pop("DISCORD_TOKEN", None)
    return env


def _bot(
    args: list[str], db: Path, data: Path | None = None, harness: list[str] | None = None, **env
) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "bot"] if harness is None else [sys.executable, str(HARNESS)]
    return subprocess.run(
        [*cmd, *(harness or []), *args],
        capture_output=True,
        text=True,
        env=_env(db, data, **env),
        cwd=ROOT,
        timeout=HANG_GUARD_S,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def _one_line(out: subprocess.CompletedProcess[str]) -> str:
    """The failure's one line (also: no traceback, no stray thread reported at exit)."""
    assert out.returncode != 0, (out.stdout[-500:], out.stderr[-2000:])
    lines = out.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("rapporteur: "), out.stderr[-3000:]
    return lines[0]


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data/ folder of two real letters (a start loads data/; the whole of it takes longer)."""
    folder = tmp_path_factory.mktemp("data")
    for name in LETTERS:
        shutil.copy(DATA / "corpus" / "en" / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory, letters: Path) -> Path:
    """A real Rapporteur database holding the two letters, closed (its WAL merged back)."""
    db = tmp_path_factory.mktemp("good") / "good.db"

    async def make() -> None:
        async with Library(db) as lib:
            report = await lib.load_directory(letters)
            assert len(report.loaded) == 2

    asyncio.run(make())
    assert not Path(f"{db}-wal").exists()
    return db


def _documents(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT source FROM documents ORDER BY source")]
    finally:
        con.close()


# ---- files that are not a usable database ------------------------------------------------------


def _truncated(good: Path, bad: Path) -> None:
    data = good.read_bytes()
    bad.write_bytes(data[: len(data) // 3])


def _random(_: Path, bad: Path) -> None:
    bad.write_bytes(random.Random(10).randbytes(64 * 1024))


def _text(_: Path, bad: Path) -> None:
    bad.write_text("RAPPORTEUR_DB=/var/lib/rapporteur/db.sqlite\n" * 40, encoding="utf-8")


def _newer(good: Path, bad: Path) -> None:
    shutil.copy(good, bad)
    con = sqlite3.connect(bad)
    con.execute(f"PRAGMA user_version = {storage._migrations()[-1][0] + 1}")
    con.close()


def _foreign(_: Path, bad: Path) -> None:
    con = sqlite3.connect(bad)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    con.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    con.commit()
    con.close()


BAD_FILES = {
    "truncated": (_truncated, "is damaged (cut short:"),
    "random bytes": (_random, "is not a Rapporteur database (file is not a database)"),
    "text file": (_text, "is not a Rapporteur database (file is not a database)"),
    "newer schema": (_newer, "was made by a newer Rapporteur (schema"),
    "another program's database": (_foreign, "is not a Rapporteur database (it holds tables"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_database_file_ends_the_start_with_one_line(
    case: str, good_db: Path, letters: Path, tmp_path: Path
) -> None:
    make, says = BAD_FILES[case]
    bad = tmp_path / "bad.db"
    make(good_db, bad)
    before = bad.read_bytes()
    line = _one_line(_bot(["ask", "!docs"], bad, letters))
    assert says in line and str(bad) in line
    assert "move it away" in line or "upgrade Rapporteur" in line
    assert "RAPPORTEUR_DB" in line
    assert bad.read_bytes() == before  # refused, not "repaired"


@pytest.mark.parametrize("command", [["console"], ["load", "nothing.txt"], ["ask", "!help"]])
def test_every_front_end_refuses_it_the_same_way(
    command: list[str], letters: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.db"
    _text(bad, bad)
    line = _one_line(_bot(command, bad, letters))
    assert line == (
        f"rapporteur: {bad} is not a Rapporteur database (file is not a database); "
        "move it away or set RAPPORTEUR_DB"
    )


def test_verbose_adds_the_traceback(letters: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    _random(bad, bad)
    out = _bot(["-v", "ask", "!docs"], bad, letters)
    assert out.returncode != 0
    assert "Traceback" in out.stderr and "file is not a database" in out.stderr
    assert out.stderr.splitlines()[-1].startswith(f"rapporteur: {bad} is not a Rapporteur")


async def test_a_failed_open_leaves_no_thread_behind(good_db: Path, tmp_path: Path) -> None:
    """In process: the connection threads of a store that failed to open are all ended."""
    before = set(threading.enumerate())
    for case, (make, _) in BAD_FILES.items():
        bad = tmp_path / f"{case}.db"
        make(good_db, bad)
        lib = Library(bad)
        with pytest.raises((NotADatabase, SchemaTooNew)):
            await lib.open()
        await lib.close()
    await asyncio.sleep(0.1)  # a stopped connection thread returns just after its last reply
    left = [
        t
        for t in set(threading.enumerate()) - before
        if t.is_alive() and "_connection_worker_thread" in t.name  # aiosqlite's, not daemons
    ]
    assert not left, left


# ---- a place that cannot be written ------------------------------------------------------------


def _can_mount() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"],
        capture_output=True,
        timeout=HANG_GUARD_S,
        check=False,
    )
    return probe.returncode == 0


CAN_MOUNT = _can_mount()


def _in_volume(
    tmp_path: Path, size: str, setup: str, args: list[str], env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run the bot with a small tmpfs mounted at tmp_path/vol, in a mount namespace of its own
    (root only): `setup` prepares it (copy a database, remount it read-only)."""
    vol = tmp_path / "vol"
    vol.mkdir()
    script = f'mount -t tmpfs -o size={size} tmpfs "{vol}" && {setup} && exec "$@"'
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", script, "sh", sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=HANG_GUARD_S,
        stdin=subprocess.DEVNULL,
        check=False,
    )


@pytest.mark.parametrize("existing", [True, False], ids=["existing database", "new database"])
def test_a_read_only_place_is_named(
    existing: bool, good_db: Path, letters: Path, tmp_path: Path
) -> None:
    vol = tmp_path / "vol"
    db = vol / "rapporteur.db"
    if os.geteuid() != 0:  # a folder without the write permission is enough
        vol.mkdir()
        if existing:
            shutil.copy(good_db, db)
        vol.chmod(0o555)
        try:
            out = _bot(["ask", "!docs"], db, letters)
        finally:
            vol.chmod(0o755)
    elif CAN_MOUNT:  # root writes through permissions: a read-only volume instead
        copy = f'cp "{good_db}" "{db}" && ' if existing else ""
        out = _in_volume(
            tmp_path,
            "8m",
            f'{copy}mount -o remount,ro "{vol}"',
            ["ask", "!docs"],
            _env(db, letters),
        )
    else:
        pytest.skip("running as root without mount namespaces: no way to make a read-only place")
    line = _one_line(out)
    assert str(db) in line or str(vol) in line
    assert "writable" in line and "RAPPORTEUR_DB" in line


# ---- data/ -------------------------------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_does_not_stop_the_start(
    letters: Path, tmp_path: Path
) -> None:
    """The name is stored repaired (bad bytes as U+FFFD) and the start goes on; the next start
    sees the same file unchanged rather than new."""
    data = tmp_path / "data"
    shutil.copytree(letters, data)
    bad_name = os.fsencode(data) + b"/Lettre_\xe9t\xe9_2020.txt"  # Latin-1 bytes, not UTF-8
    with open(bad_name, "wb") as f:
        f.write((letters / LETTERS[0]).read_bytes())
    out = _bot(["ask", "!docs"], tmp_path / "db.sqlite", data)
    assert out.returncode == 0, out.stderr
    assert "3 loaded" in out.stderr and "0 failed" in out.stderr, out.stderr
    assert "Traceback" not in out.stderr
    assert "S/2025/182" in out.stdout and "S/2025/274" in out.stdout
    again = _bot(["ask", "!docs"], tmp_path / "db.sqlite", data)
    # Nothing to load again (a name compared unrepaired would load as new, and the old one
    # would be removed): the start says nothing and lists the same documents.
    assert again.returncode == 0 and again.stderr == "", again.stderr
    assert again.stdout == out.stdout


# ---- another process ---------------------------------------------------------------------------


def test_a_second_bot_on_the_same_database_stops_at_once(letters: Path, tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    first = subprocess.Popen(
        [sys.executable, "-m", "bot", "console"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(db, letters),
        cwd=ROOT,
    )
    try:
        assert first.stdout is not None
        assert first.stdout.readline().startswith("Rapporteur")  # up, and waiting for input
        for command, env in (
            (["console"], {}),
            (["discord"], {"DISCORD_TOKEN": "not.a.real.token"}),  # stops before logging in
        ):
            line = _one_line(_bot(command, db, letters, **env))
            assert line == (
                f"rapporteur: another Rapporteur process is using {db}; stop it or set "
                "RAPPORTEUR_DB to another database"
            )
        # One-shot commands do not claim the database: they read beside a running bot.
        out = _bot(["ask", "!docs"], db, letters)
        assert out.returncode == 0 and "S/2025/182" in out.stdout, out.stderr
    finally:
        first.communicate("!quit\n", timeout=HANG_GUARD_S)
    assert first.returncode == 0


def test_a_held_write_lock_is_explained(good_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "locked.db"
    shutil.copy(good_db, db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # what a long load in another process does
    try:
        out = _bot(
            ["load", str(DATA / "corpus" / "en" / "A_79_729-S_2025_40.txt")],
            db,
            tmp_path / "no-data",
            harness=["--busy-ms", "300"],
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    line = _one_line(out)
    assert line == (
        f"rapporteur: another Rapporteur process is using {db} and kept it locked, so nothing "
        "was loaded; stop it or set RAPPORTEUR_DB to another database"
    )


async def test_a_busy_database_is_a_clear_error_in_process(
    good_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "BUSY_TIMEOUT_MS", 200)
    db = tmp_path / "busy.db"
    shutil.copy(good_db, db)
    holder = sqlite3.connect(db, isolation_level=None)
    async with Library(db) as lib:
        holder.execute("BEGIN IMMEDIATE")
        try:
            letter = (DATA / "corpus" / "en" / "A_79_729-S_2025_40.txt").read_bytes()
            with pytest.raises(DatabaseBusy) as err:
                await lib.load_files([("x.txt", letter)], "local", Actor("m", True))
            with pytest.raises(DatabaseBusy):
                await lib.store.delete_document(1)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert "nothing was loaded" in str(err.value) and str(db) not in str(err.value)
        report = await lib.load_files([("x.txt", letter)], "local", Actor("m", True))
        assert len(report.loaded) == 1  # the lock gone, the same load goes through


# ---- disk full ---------------------------------------------------------------------------------


def test_disk_full_during_a_load_says_so_and_loads_nothing(good_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "full.db"
    shutil.copy(good_db, db)
    out = _bot(
        ["load", str(DATA / "corpus")], db, tmp_path / "no-data", harness=["--pages-left", "3"]
    )
    line = _one_line(out)
    assert line.startswith(f"rapporteur: disk full: {db} could not grow")
    assert "nothing was loaded; free some space" in line
    assert "cannot rollback" not in out.stderr
    assert _documents(db) == sorted(LETTERS)  # the two letters, and nothing half-loaded


@pytest.mark.skipif(not CAN_MOUNT, reason="needs root and mount namespaces for a small tmpfs")
def test_a_really_full_disk_says_so(good_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "vol" / "full.db"
    size = good_db.stat().st_size + 256 * 1024  # room for the start, not for the corpus
    out = _in_volume(
        tmp_path,
        str(size),
        f'cp "{good_db}" "{db}"',
        ["load", str(DATA / "corpus")],
        _env(db, tmp_path / "no-data"),
    )
    line = _one_line(out)
    assert line.startswith(f"rapporteur: disk full: {db} could not grow")


async def test_disk_full_in_process_leaves_the_database_as_it_was(
    good_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "full.db"
    shutil.copy(good_db, db)
    files = [(p.name, p.read_bytes()) for p in sorted((DATA / "corpus" / "en").glob("*.txt"))]
    async with Library(db) as lib:
        assert lib.store._write is not None
        pages = await lib.store._write.execute_fetchall("PRAGMA page_count")
        await lib.store._write.execute(f"PRAGMA max_page_count = {list(pages)[0][0] + 3}")
        with pytest.raises(DiskFull) as err:
            await lib.load_files(files, "local", Actor("m", True))
        assert str(err.value).startswith("disk full: the database could not grow, so nothing")
        assert not lib.store._write.in_transaction
        assert [d.source for d in await lib.documents(["corpus", "local"])] == sorted(LETTERS)
        await lib.store._write.execute("PRAGMA max_page_count = 1073741823")
        report = await lib.load_files(files[:2], "local", Actor("m", True))
        assert len(report.loaded) == 2  # space again: the store works on
        assert await lib.store.integrity_check() == "ok"


# ---- command line: exit codes, pipes, Discord --------------------------------------------------


def test_load_exits_non_zero_and_names_the_files_that_failed(good_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "load.db"
    shutil.copy(good_db, db)
    good = DATA / "corpus" / "en" / "A_79_729-S_2025_40.txt"
    missing = tmp_path / "missing.txt"
    out = _bot(["load", str(good), str(missing)], db, tmp_path / "no-data")
    assert out.returncode == 1
    assert "✅" in out.stdout  # the good file is loaded all the same
    assert out.stderr.splitlines() == [
        f"rapporteur: 1 of 2 files failed to load: {missing}",
    ]
    again = _bot(["load", str(good)], db, tmp_path / "no-data")
    assert again.returncode == 0 and not again.stderr, again.stderr


def test_ask_into_a_closed_pipe_ends_quietly(good_db: Path, letters: Path) -> None:
    """`python -m bot ask … | head -1`: the reader is gone before the answer is written."""
    read, write = os.pipe()
    os.close(read)  # every write now fails: the same as `head` having exited
    try:
        out = subprocess.run(
            [sys.executable, "-m", "bot", "ask", "!docs", "!help"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(good_db, letters),
            cwd=ROOT,
            timeout=HANG_GUARD_S,
            check=False,
        )
    finally:
        os.close(write)
    assert out.stderr == ""
    assert out.returncode == 141  # 128 + SIGPIPE, as a tool killed by the closed pipe


def test_a_token_with_a_line_break_is_refused_before_logging_in(tmp_path: Path) -> None:
    out = _bot(["discord"], tmp_path / "t.db", tmp_path, DISCORD_TOKEN="abc.def\nghi")
    assert _one_line(out) == (
        "rapporteur: DISCORD_TOKEN holds spaces, line breaks or non-ASCII characters; "
        "copy the bot token again from the developer portal"
    )
    assert out.returncode == 2


def test_a_wrong_token_ends_with_the_reason_and_no_traceback(
    good_db: Path, letters: Path, tmp_path: Path
) -> None:
    db = tmp_path / "d.db"
    shutil.copy(good_db, db)
    out = _bot(
        ["discord"], db, letters, harness=["--fake-discord", "401"], DISCORD_TOKEN="wrong.token"
    )
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert out.stderr.splitlines()[-1].endswith("Discord refused the token: check DISCORD_TOKEN")


def test_discord_start_on_a_bad_database_ends_with_one_line(letters: Path, tmp_path: Path) -> None:
    """Discord accepts the token (a local stand-in); the database then fails to open."""
    bad = tmp_path / "bad.db"
    _text(bad, bad)
    out = _bot(["discord"], bad, letters, harness=["--fake-discord", "ok"], DISCORD_TOKEN="a.b.c")
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    last = out.stderr.splitlines()[-1]
    assert last == (
        f"rapporteur: {bad} is not a Rapporteur database (file is not a database); "
        "move it away or set RAPPORTEUR_DB"
    )


def test_a_mention_asked_from_the_command_line_ends_cleanly(tmp_path: Path, letters: Path) -> None:
    """`ask` with a mention parses it on the parser's thread; the program still ends at once,
    with no word about threads left running (it once waited 5 s on that thread, then said so)."""
    out = _bot(
        ["ask", "@Rapporteur which resolutions does S/2025/274 cite?"], tmp_path / "db", letters
    )
    assert out.returncode == 0, out.stderr
    assert "S/2025/274" in out.stdout
    assert "threads left running" not in out.stderr
