"""Rendering: pages within budget, document text made inert."""

from __future__ import annotations

from bot.console import Console
from bot.core.library import Library
from bot.render import escape, pages, render


def test_escape_defuses_pings_and_markup() -> None:
    text = escape("@everyone look at <@123> and <@&456> **bold** @here")
    assert "@everyone" not in text and "@here" not in text
    assert "<@123>" not in text and "<@&456>" not in text
    assert "\\*\\*bold\\*\\*" in text


def test_pages_keep_every_line_and_fit() -> None:
    text = "\n".join(f"line {i} " + "x" * (i % 300) for i in range(400))
    out = pages(text, 2000)
    assert all(len(p) <= 2000 for p in out)
    assert "\n".join(out).replace("\n", "") == text.replace("\n", "")


async def test_every_answer_on_the_corpus_pages_within_discord_limits(corpus_lib: Library) -> None:
    console = Console(corpus_lib)
    docs = await corpus_lib.documents(["corpus"])
    for d in docs:
        ref = d.symbols[0] if d.symbols else d.file_stem
        for cmd in ("!summary", "!resolutions"):
            answer = await console.ask(f"{cmd} {ref}")
            assert answer.error is None, (cmd, ref, answer.error)
            assert all(0 < len(p) <= 2000 for p in pages(render(answer)))
    for cmd in ("!docs", "!find ceasefire", "!cites 1325 (2000)", "!help", f"!doc {ref}"):
        assert all(len(p) <= 2000 for p in pages(render(await console.ask(cmd))))
