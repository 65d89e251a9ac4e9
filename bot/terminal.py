"""The terminal front end's rendering: answers as plain text, long ones through a pager, and a
progress line for loads that take a while.

bot.render writes the light Markdown Discord shows; a terminal would print its marks raw
(`**`, `\\_`, `[label](<https://…>)`). `plain_text` turns it into text a person reads: bold
as the terminal's bold (or nothing when piped), links as "label https://…", no escapes.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shlex
import shutil
import subprocess
import sys
from types import TracebackType
from typing import TextIO

BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"

# [label](<url>) as bot.render writes them; [label](url) as Discord embeds do (one level of
# parentheses inside: "…/S/RES/822(1993)").
_LINK = re.compile(r"\[((?:\\.|[^\]\\])+)\]\((?:<([^>\s]+)>|([^()\s]+(?:\([^()\s]*\))?))\)")
_STRONG = re.compile(r"(?<!\\)\*\*(.+?)(?<!\\)\*\*")
_EMPHASIS_LINE = re.compile(r"^_(.+)(?<!\\)_$", re.MULTILINE)
_QUOTE = re.compile(r"^> ", re.MULTILINE)
_NUMBER_SPAN = re.compile(r"`(\s*\d+)`")  # the list numbers of `docs`: no code look
_ESCAPED = re.compile(r"\\([\\*_`~|>#\-\[\]])")
_INVISIBLE = "\u200b"  # put after @ and < by bot.render.escape so that nothing pings


def styled(stream: TextIO) -> bool:
    """Whether to use the terminal's bold and dim: a terminal, and no NO_COLOR / TERM=dumb."""
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def plain_text(markdown: str, style: bool = False) -> str:
    """bot.render's Markdown as terminal text; `style` uses ANSI bold and dim."""
    strong = (BOLD + r"\1" + RESET) if style else r"\1"
    out = _LINK.sub(lambda m: f"{m.group(1)} {m.group(2) or m.group(3)}", markdown)
    out = _STRONG.sub(strong, out)
    out = _EMPHASIS_LINE.sub((DIM + r"\1" + RESET) if style else r"\1", out)
    out = _QUOTE.sub("    ", out)
    out = _NUMBER_SPAN.sub(r"\1", out)
    out = _ESCAPED.sub(r"\1", out)
    return out.replace(_INVISIBLE, "")


# ---- long answers ----------------------------------------------------------------------------


def needs_pager(text: str, stream: TextIO, pager: bool | None) -> bool:
    """`pager` True/False forces it; None pages on a terminal when the text is taller than it."""
    if pager is not None:
        return pager
    if not stream.isatty():
        return False  # piped or redirected: a script or a file wants the whole text
    size = shutil.get_terminal_size()
    rows = sum(1 + len(line) // max(size.columns, 20) for line in text.split("\n"))
    return rows > size.lines - 2


def pager_command() -> list[str]:
    """$PAGER if set; else less that quits when the text fits, keeps colours and the screen."""
    chosen = os.environ.get("PAGER")
    if chosen:
        return shlex.split(chosen)
    return ["less", "-R", "-F", "-X"]


def show(text: str, stream: TextIO | None = None, pager: bool | None = None) -> None:
    """Print `text`, through the pager when it is long (see needs_pager)."""
    stream = stream or sys.stdout
    if needs_pager(text, stream, pager):
        stream.flush()
        try:
            subprocess.run(pager_command(), input=text + "\n", text=True, check=False)
            return
        except OSError:
            pass  # no pager installed: print it whole
    print(text, file=stream)


# ---- progress --------------------------------------------------------------------------------


class TerminalProgress:
    """The library's progress callback, drawn on one line of a terminal, only for a load that
    takes more than `after` seconds (a quick start stays silent). Redrawn by a task, so it
    moves while one large batch is parsed between callbacks. Nothing when not a terminal."""

    FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"

    def __init__(
        self,
        label: str = "Loading",
        stream: TextIO | None = None,
        after: float = 1.0,
        every: float = 0.1,
    ) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.after = after
        self.every = every
        self.state: tuple[int, int, str] = (0, 0, "")
        self.drawn = False
        self._task: asyncio.Task[None] | None = None

    def __call__(self, done: int, total: int, name: str) -> None:
        self.state = (done, total, name)

    def line(self, tick: int) -> str:
        done, total, name = self.state
        width = 24
        filled = width * done // max(total, 1)
        count = f" {done}/{total}" if total else ""
        spin = self.FRAMES[tick % len(self.FRAMES)]
        return f"{spin} {self.label} [{'#' * filled}{'.' * (width - filled)}]{count} {name[-40:]}"

    async def _run(self) -> None:
        await asyncio.sleep(self.after)
        tick = 0
        while True:
            columns = shutil.get_terminal_size().columns
            self.stream.write("\r\x1b[K" + self.line(tick)[: max(columns - 1, 10)])
            self.stream.flush()
            self.drawn = True
            tick += 1
            await asyncio.sleep(self.every)

    async def __aenter__(self) -> TerminalProgress:
        if self.stream.isatty():
            self._task = asyncio.create_task(self._run())
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self.drawn:  # leave the line clean for what is printed next
            self.stream.write("\r\x1b[K")
            self.stream.flush()
