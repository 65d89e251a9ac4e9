"""The terminal front end: plain text without Discord's marks, paging, progress, options."""

from __future__ import annotations

import asyncio
import io
import re
import sys
from pathlib import Path

import pytest

from bot.__main__ import build_parser
from bot.console import Console
from bot.core.library import Library
from bot.terminal import BOLD, TerminalProgress, needs_pager, plain_text, show

DISCORD_MARKS = re.compile(r"\*\*|\\[_*`>\[\]]|\]\(<|<https?://|\u200b")


class Tty(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "message",
    [
        "!summary A/79/729-S/2025/40",
        "!resolutions 000_d7938d8b0aeb43da",
        "!find panel of experts mandate extened",
        "@Rapporteur which texts cite resolution 1244?",
        "@Rapporteur quelles notes verbales as-tu ?",
        "!doc S/2025/40",
    ],
)
async def test_terminal_answers_carry_no_discord_marks(corpus_lib: Library, message: str) -> None:
    console = Console(corpus_lib)
    answer = await console.ask(message)
    assert answer.error is None, answer.error
    text = console.show(answer)
    assert not DISCORD_MARKS.search(text), DISCORD_MARKS.search(text)
    if answer.intent in ("summary", "resolutions", "find", "cites"):
        assert re.search(r"https://undocs\.org/en/\S+", text)  # links readable, whole


async def test_key_sentences_are_shown_whole(corpus_lib: Library) -> None:
    console = Console(corpus_lib)
    answer = await console.ask("!summary A/79/729-S/2025/40")
    points = answer.result.key_points
    assert points and max(len(p) for p in points) > 300  # the long one is the case at stake
    text = console.show(answer)
    for p in points:
        assert f"• {p}" in text


def test_plain_text_turns_each_mark_into_text() -> None:
    md = (
        "**[S/RES/822 (1993)](<https://undocs.org/en/S/RES/822(1993)>)** — a \\_b\\_ @\u200beveryone\n"
        "_a note_\n> quoted **word**\n` 41` A/80/66\n[X](https://undocs.org/en/X%281%29)"
    )
    assert plain_text(md).split("\n") == [
        "S/RES/822 (1993) https://undocs.org/en/S/RES/822(1993) — a _b_ @everyone",
        "a note",
        "    quoted word",
        " 41 A/80/66",
        "X https://undocs.org/en/X%281%29",
    ]
    assert plain_text("**bold**", style=True) == f"{BOLD}bold\x1b[0m"


def test_long_answers_are_paged_only_on_a_terminal() -> None:
    long = "\n".join(f"line {i}" for i in range(500))
    assert needs_pager(long, Tty(), None)
    assert not needs_pager("short", Tty(), None)
    assert not needs_pager(long, io.StringIO(), None)  # piped: the whole text for the script
    assert needs_pager("short", io.StringIO(), True) and not needs_pager(long, Tty(), False)


def test_show_sends_a_long_answer_through_the_pager(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paged = tmp_path / "paged.txt"
    copy = f"import sys; open({str(paged)!r}, 'w').write(sys.stdin.read())"
    monkeypatch.setenv("PAGER", f'{sys.executable} -c "{copy}"')
    screen = Tty()
    show("a long answer", screen, pager=True)
    assert paged.read_text() == "a long answer\n" and screen.getvalue() == ""
    monkeypatch.setenv("PAGER", str(tmp_path / "no-such-pager"))
    show("printed instead", screen, pager=True)  # no pager: printed, not lost
    assert screen.getvalue() == "printed instead\n"


async def test_progress_stays_silent_for_a_quick_load() -> None:
    screen = Tty()
    async with TerminalProgress(stream=screen, after=60) as bar:
        bar(1, 2, "a.txt")
    assert screen.getvalue() == ""


async def test_progress_shows_a_slow_load_then_clears_its_line() -> None:
    screen = Tty()
    async with TerminalProgress("Loading", stream=screen, after=0, every=0.01) as bar:
        bar(3, 10, "S_2025_40.txt")
        for _ in range(500):  # until the drawing task has run (no time bound: it just waits)
            if "3/10" in screen.getvalue():
                break
            await asyncio.sleep(0.01)
    out = screen.getvalue()
    assert "Loading [#######" in out and "3/10 S_2025_40.txt" in out
    assert out.endswith("\r\x1b[K")  # the line is left clean
    quiet = io.StringIO()  # not a terminal: nothing at all
    async with TerminalProgress(stream=quiet, after=0) as bar:
        bar(1, 1, "x")
        await asyncio.sleep(0.05)
    assert quiet.getvalue() == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["--db", "x.db", "ask", "hi"],
        ["ask", "--db", "x.db", "hi"],
        ["ask", "hi", "--db", "x.db"],
        ["load", "--db", "x.db", "f.txt"],
        ["console", "--db", "x.db"],
    ],
)
def test_db_is_accepted_before_or_after_the_subcommand(argv: list[str]) -> None:
    assert build_parser().parse_args(argv).db == "x.db"


def test_no_db_leaves_the_default() -> None:
    args = build_parser().parse_args(["ask", "-v", "hi"])
    assert args.db is None and args.verbose and args.pager is None
