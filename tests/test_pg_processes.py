"""Several bot processes over one PostgreSQL (issue 15): two real bots, each in its own process
(tests/bot_process_harness.py, driven through dpytest with the same guild and channel ids),
see each other's uploads and removals at once, keep "it" to themselves, survive the other's
SIGKILL in the middle of a load (which leaves nothing of it), and never double a document
both load at once. Skips, saying why, where PostgreSQL cannot be started.
"""

from __future__ import annotations

import hashlib
import json
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("psycopg", reason="the `pg` extra (psycopg) is not installed")

import psycopg
from test_pg_store import pg_server  # noqa: F401  (the throw-away server, or a skip)

from bot.core.ingest import prepare
from bot.core.library import guild_scope
from conftest import DATA, ROOT, open_corpus

sys.path.insert(0, str(ROOT / "bench"))
from fault_kill import bulk_files

HARNESS = Path(__file__).with_name("bot_process_harness.py")
GUILD = guild_scope(880_000_000_000_000_001)  # the harness's guild
WAIT = 180  # s: only a guard against a hung process, never a measure


class BotProcess:
    """One harness process: `ask` posts a command and returns its replies."""

    def __init__(self, url: str, tmp: Path, *flags: str) -> None:
        self.err = (tmp / f"stderr-{id(self)}.txt").open("w+")
        self.proc = subprocess.Popen(
            [sys.executable, str(HARNESS), url, *flags],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.err,
            text=True,
            cwd=ROOT,
        )
        self.lines: queue.Queue[dict[str, Any] | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self.next().get("ready")

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(json.loads(line))
        self.lines.put(None)

    def next(self) -> dict[str, Any]:
        out = self.lines.get(timeout=WAIT)
        if out is None:
            self.err.seek(0)
            raise AssertionError(f"the bot process ended:\n{self.err.read()[-3000:]}")
        return out

    def post(self, text: str, as_: str = "member", files: list[Path] | None = None) -> None:
        paths = [str(p) for p in files or []]
        self.send({"load": paths} if text == "LOAD" else {"as": as_, "text": text, "files": paths})

    def send(self, cmd: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()

    def reply(self) -> str:
        out = self.next()
        while "replies" not in out:
            out = self.next()
        return "\n".join(out["replies"]) + (f"\nERROR {out['error']}" if "error" in out else "")

    def ask(self, text: str, as_: str = "member", files: list[Path] | None = None) -> str:
        self.post(text, as_, files)
        return self.reply()

    def stop(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=WAIT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.err.close()


@pytest.fixture(scope="module")
async def db(pg_server) -> str:  # noqa: F811
    """A PostgreSQL database with data/ loaded once, for every process of this module."""
    url = pg_server.create("procs")
    lib = await open_corpus(url)
    await lib.close()
    return url


@pytest.fixture(scope="module")
def pair(db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[BotProcess]]:
    tmp = tmp_path_factory.mktemp("procs")
    procs = [BotProcess(db, tmp), BotProcess(db, tmp)]
    yield procs
    for p in procs:
        p.stop()


def stored(db: str, sources: list[str]) -> list[tuple[str, str, int, int]]:
    """(source, sha256, paragraphs, citations) of the guild's documents of these names."""
    with psycopg.connect(db) as conn:
        return conn.execute(
            "SELECT d.source, d.sha256,"
            " (SELECT COUNT(*) FROM paragraphs p WHERE p.doc_id = d.id),"
            " (SELECT COUNT(*) FROM citations c WHERE c.doc_id = d.id)"
            " FROM documents d WHERE d.scope = %s AND d.source = ANY(%s) ORDER BY d.source",
            (GUILD, sources),
        ).fetchall()


def orphans(db: str) -> int:
    with psycopg.connect(db) as conn:
        row = conn.execute(
            "SELECT (SELECT COUNT(*) FROM paragraphs p WHERE NOT EXISTS"
            "  (SELECT 1 FROM documents d WHERE d.id = p.doc_id))"
            " + (SELECT COUNT(*) FROM citations c WHERE NOT EXISTS"
            "  (SELECT 1 FROM documents d WHERE d.id = c.doc_id))"
        ).fetchone()
    assert row is not None
    return int(row[0])


def as_parsed(files: list[Path]) -> list[tuple[str, str, int, int]]:
    """What stored() must say of these files: a fresh parse of each, stored once."""
    out = []
    for p in sorted(files, key=lambda p: p.name):
        data = p.read_bytes()
        rec = prepare(p.name, data)
        out.append(
            (p.name, hashlib.sha256(data).hexdigest(), len(rec.paragraphs), len(rec.citations))
        )
    return out


def write_files(tmp: Path, first: int, n: int) -> list[Path]:
    """n bulk files (the resolutions of ../shared, else renamed copies of data/)."""
    tmp.mkdir(parents=True, exist_ok=True)
    out = []
    for name, data in bulk_files(first + n)[first:]:
        out.append(tmp / name)
        out[-1].write_bytes(data)
    return out


def test_an_upload_and_a_removal_are_seen_by_the_other_process_at_once(
    pair: list[BotProcess], tmp_path: Path
) -> None:
    a, b = pair
    assert "S/2025/40" in b.ask("!docs Azerbaijan")  # B's caches are warm
    assert "Nothing found" in b.ask("!find quorvantine")  # B has searched: its caches too
    assert "No loaded document" in b.ask("!summary S/2099/7001")
    bundled = (DATA / "corpus" / "en" / "S_2025_182.txt").read_text(encoding="utf-8")
    letter = tmp_path / "S_2099_7001.txt"  # a made-up letter: a new symbol, a made-up word
    letter.write_text(
        bundled.replace("S/2025/182", "S/2099/7001")
        + "\nThe delegations also discussed the quorvantine protocol at length.\n",
        encoding="utf-8",
    )
    assert "1 ✅" in a.ask("!load", "moderator", [letter])
    found = b.ask("!find quorvantine")
    assert "S/2099/7001" in found and "quorvantine" in found.lower(), found
    assert "S/2099/7001" in b.ask("!docs 7001")
    assert "S/2099/7001" in b.ask("!summary S/2099/7001")
    assert "Removed" in a.ask("!remove S/2099/7001", "moderator")
    assert "Nothing found" in b.ask("!find quorvantine")
    assert "S/2099/7001" not in b.ask("!docs 7001")
    assert "No loaded document" in b.ask("!summary S/2099/7001")


def test_it_stays_in_the_process_that_answered(pair: list[BotProcess]) -> None:
    a, b = pair
    assert "S/2025/274" in a.ask("!summary S/2025/274")
    assert "S/2025/274" in a.ask("!summary it")  # "it" works in the process that answered
    # The other process, same server, same channel: "it" is not A's document there.
    other = b.ask("!summary it")
    assert "Which document?" in other and "S/2025/274" not in other, other


def test_a_process_killed_mid_load_leaves_nothing_and_the_other_answers(
    db: str, pair: list[BotProcess], tmp_path: Path
) -> None:
    b = pair[1]
    files = write_files(tmp_path / "bulk", 0, 40)
    names = [p.name for p in files]
    killed = BotProcess(db, tmp_path, "--hold-after-insert")
    try:
        killed.post("LOAD", files=files)  # a bulk load, as `!load PATH` in the terminal
        event = killed.next()  # the load's transaction holds its first documents now
        assert event.get("event") == "inserted" and event["documents"] > 0, event
        assert "S/2025/40" in b.ask("!summary S/2025/40")  # B answers during the load
        found = b.ask("!find ceasefire violations")
        assert "**1.**" in found and "**ceasefire**" in found.lower(), found
        killed.proc.send_signal(signal.SIGKILL)
        killed.proc.wait(timeout=WAIT)
    finally:
        if killed.proc.poll() is None:  # the test failed before the kill: end it now
            killed.proc.kill()
        killed.stop()
    assert killed.proc.returncode == -signal.SIGKILL
    assert stored(db, names) == []  # one load, one transaction: nothing of it is left
    assert orphans(db) == 0
    assert "S/2025/40" in b.ask("!summary S/2025/40")  # and B answers after it
    body = b.ask("LOAD", files=files)  # the dead load's lock is gone with it
    assert body.startswith(f"{len(files)} loaded"), body
    assert stored(db, names) == as_parsed(files)


def test_two_processes_loading_the_same_files_at_once_store_them_once(
    db: str, pair: list[BotProcess], tmp_path: Path
) -> None:
    a, b = pair
    files = write_files(tmp_path / "same", 40, 8)
    a.post("!load", "moderator", files)
    b.post("!load", "moderator", files)
    for body in (a.reply(), b.reply()):  # each stored them, or found them there already
        assert "8 ✅" in body or "already" in body, body
    assert stored(db, [p.name for p in files]) == as_parsed(files)
    assert orphans(db) == 0
