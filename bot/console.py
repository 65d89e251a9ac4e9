"""The terminal chat: the same commands and mentions as in Discord, answered by the same core.

Like errbot's text backend: `!asmod` / `!asuser` switch your rights; plain words are read as a
mention of the bot; `!quit` leaves.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from bot.answer import Answer, Asker, Dispatcher
from bot.core.intents import parse_command, parse_mention
from bot.core.library import Actor, Library
from bot.render import render, to_json, unescape
from bot.settings import Settings

BANNER = (
    "Rapporteur — terminal chat over {n} documents. Type `!help`, or just ask "
    "(“summarize the Azerbaijan letter of April 2020”). `!asmod` grants the moderator right, "
    "`!quit` leaves."
)


class Console:
    def __init__(
        self, library: Library, prefix: str = "!", moderator: bool = False, scope: str = "local"
    ) -> None:
        self.dispatcher = Dispatcher(library)
        self.prefix = prefix
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
            req = parse_mention(text)
        return await self.dispatcher.handle(req, self.asker)

    def show(self, answer: Answer) -> str:
        """The answer as terminal text, with the configured prefix in examples."""
        text = unescape(render(answer))
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
    """Open the database and load data/ (idempotent: unchanged files are skipped)."""
    library = Library(settings.db_path)
    await library.open()
    if settings.data_dir.is_dir():
        report = await library.load_directory(settings.data_dir, progress=None)
        if not quiet and (report.loaded or report.failed or report.removed):
            print(
                f"data/: {len(report.loaded)} loaded, {report.unchanged} unchanged, "
                f"{report.removed} removed, {len(report.failed)} failed",
                file=sys.stderr,
            )
        for name, reason in report.failed:
            print(f"  ✗ {name}: {reason}", file=sys.stderr)
    return library


async def run_repl(settings: Settings) -> int:
    library = await prepare_library(settings)
    console = Console(library, settings.prefix)
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
            print(reply + "\n")
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
) -> int:
    library = await prepare_library(settings, quiet=as_json)
    console = Console(library, settings.prefix, moderator, scope)
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
                print(console.show(answer) + "\n")
    finally:
        await library.close()
    return 0
