"""The terminal chat: the same commands and mentions as in Discord, answered by the same core.

Like errbot's text backend: `!asmod` / `!asuser` switch your rights; plain words are read as a
mention of the bot; `!quit` leaves.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # not on Windows: no claim on the database there
    fcntl = None  # type: ignore[assignment]

from bot.answer import Answer, Asker, Dispatcher, off_loop
from bot.core.dbfile import is_server_url
from bot.core.errors import DatabaseBusy, database_error
from bot.core.intents import parse_command
from bot.core.library import Actor, Library
from bot.core.mention import parse_mention
from bot.render import render, to_json
from bot.settings import Settings
from bot.terminal import TerminalProgress, plain_text, show, styled

BANNER = (
    "Rapporteur — terminal chat over {n} documents. Type `!help`, or just ask "
    "(“summarize the Azerbaijan letter of April 2020”). `!asmod` grants the moderator right, "
    "`!quit` leaves."
)


class Console:
    def __init__(
        self,
        library: Library,
        prefix: str = "!",
        moderator: bool = False,
        scope: str = "local",
        style: bool = False,
    ) -> None:
        self.dispatcher = Dispatcher(library)
        self.prefix = prefix
        self.style = style  # the terminal's bold, when printing to one
        # A server's scope ("guild:<id>", `ask --guild`) is asked as in that server, where
        # `!load PATH` cannot read this machine's files.
        self.asker = Asker(
            scope=scope,
            actor=Actor("console", moderator),
            channel="console",
            filesystem=scope == "local",
        )

    async def ask(self, message: str) -> Answer:
        text = message.strip()
        req = parse_command(text, self.prefix) if text.startswith(self.prefix) else None
        if req is None:
            req = await off_loop(parse_mention, text)
        return await self.dispatcher.handle(req, self.asker)

    def show(self, answer: Answer) -> str:
        """The answer as terminal text, with the configured prefix in examples."""
        text = plain_text(render(answer), self.style)
        return text.replace("`!", f"`{self.prefix}") if self.prefix != "!" else text

    def switch(self, text: str) -> str | None:
        """Console-only commands; returns the reply or None if not one of them."""
        cmd = text.strip().lower()
        if cmd in (f"{self.prefix}asmod", f"{self.prefix}asadmin"):
            self.asker.actor = Actor(self.asker.actor.name, True)
            return "You now have the moderator right."
        if cmd == f"{self.prefix}asuser":
            self.asker.actor = Actor(self.asker.actor.name, False)
            return "You are now a plain member."
        return None


async def prepare_library(settings: Settings, quiet: bool = False) -> Library:
    """Open the database and load data/ (idempotent: unchanged files are skipped).

    On failure the library is closed again (its database threads would keep the process
    alive), and a database failure comes as a StoreError that says what to do."""
    library = Library(settings.database)
    try:
        await library.open()
        if settings.data_dir.is_dir():
            # The first start parses data/ for a few seconds: say so on a terminal.
            shown = contextlib.nullcontext() if quiet else TerminalProgress("Loading data/")
            async with shown as bar:
                report = await library.load_directory(settings.data_dir, progress=bar)
            if not quiet and (report.loaded or report.failed or report.removed):
                print(
                    f"data/: {len(report.loaded)} loaded, {report.unchanged} unchanged, "
                    f"{report.removed} removed, {len(report.failed)} failed",
                    file=sys.stderr,
                )
            for name, reason in report.failed:
                print(f"  ✗ {name}: {reason}", file=sys.stderr)
    except BaseException as e:
        await library.close()
        # A damaged file can open and fail only when data/ is read or stored.
        mapped = database_error(e, str(settings.database), "data/ was not loaded")
        if isinstance(e, sqlite3.Error) and mapped is not None:
            raise mapped from e
        raise
    return library


def claim_database(db_path: Path) -> IO[str] | None:
    """Lock a file beside the database for as long as the returned file stays open, so a second
    bot or chat on the same database stops at once with a reason, instead of both answering and
    fighting over SQLite's write lock. One-shot commands (ask, load) do not claim it."""
    if fcntl is None or str(db_path) == ":memory:" or is_server_url(db_path):
        return None  # a PostgreSQL server: many processes may share it (shards), no file lock
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        lock = open(db_path.with_name(db_path.name + ".lock"), "a")  # noqa: SIM115
    except OSError as e:
        mapped = database_error(e, str(db_path))
        assert mapped is not None  # every OSError maps
        raise mapped from e
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        raise DatabaseBusy(
            "another Rapporteur process is using the database",
            f"another Rapporteur process is using {db_path}; stop it or set RAPPORTEUR_DB "
            "to another database",
        ) from None
    return lock


async def run_repl(settings: Settings, pager: bool | None = None) -> int:
    # PostgreSQL takes writers from several processes (see bot.core.pg): nothing to claim.
    claim = None if settings.db_url else claim_database(settings.db_path)
    try:
        return await _repl(settings, pager)
    finally:
        if claim is not None:
            claim.close()


async def _repl(settings: Settings, pager: bool | None = None) -> int:
    library = await prepare_library(settings)
    console = Console(library, settings.prefix, style=styled(sys.stdout))
    try:
        n = len(await library.documents(["corpus", "local"]))
        print(BANNER.format(n=n))
        read = _line_reader()
        while True:
            line = await read()
            if line is None:
                break
            line = line.strip()
            if not line:
                continue
            if line in (f"{settings.prefix}quit", f"{settings.prefix}exit", "quit", "exit"):
                break
            reply = console.switch(line)
            if reply is None:
                reply = console.show(await console.ask(line))
            await asyncio.to_thread(show, reply + "\n", sys.stdout, pager)
    finally:
        await library.close()
    return 0


def _line_reader():  # type: ignore[no-untyped-def]
    """prompt_toolkit with history on a terminal; plain stdin lines otherwise."""
    if sys.stdin.isatty():
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import FileHistory

        history = Path.home() / ".rapporteur_history"
        session: PromptSession[str] = PromptSession(history=FileHistory(str(history)))

        async def read() -> str | None:
            try:
                return await session.prompt_async("you> ")
            except (EOFError, KeyboardInterrupt):
                return None

        return read

    async def read_plain() -> str | None:
        line = await asyncio.to_thread(sys.stdin.readline)
        if line.strip():
            print(f"you> {line.strip()}")  # piped input: echo it, so the output reads as a chat
        return line if line else None

    return read_plain


async def run_ask(
    settings: Settings,
    messages: Iterable[str],
    as_json: bool,
    moderator: bool,
    scope: str = "local",
    pager: bool | None = None,
) -> int:
    library = await prepare_library(settings, quiet=as_json)
    console = Console(library, settings.prefix, moderator, scope, style=styled(sys.stdout))
    failures = 0
    try:
        for message in messages:
            if not message.strip():
                continue
            reply = console.switch(message)
            if reply is not None:
                print(json.dumps({"intent": "switch", "text": reply}) if as_json else reply)
                continue
            answer = await console.ask(message)
            failures += answer.error is not None
            if as_json:
                print(json.dumps(to_json(answer), ensure_ascii=False))
            else:
                show(console.show(answer) + "\n", sys.stdout, pager)
    finally:
        await library.close()
    return 0
