"""Every answer the bot can give on the real corpus fits Discord's limits.

Checked with `message_problems`: 2,000 characters a message; embed title 256, description
4,096, 25 fields of 256/1,024, footer 2,048, 6,000 in all.
"""

from __future__ import annotations

import discord
import pytest
from discord_fakes import library_fixture  # noqa: F401  (the shared `library` fixture)

from bot.answer import Answer
from bot.core.citations import extract_citations
from bot.core.library import Library
from bot.core.results import LoadedDocument, LoadReport
from bot.discord.embeds import embed_problems, fit_embed, message_problems
from bot.discord.pages import Reply, TextCitations, build_reply

SCOPES = ["corpus"]


def check(reply: Reply, what: str) -> None:
    assert reply.pages, what
    for i, page in enumerate(reply.pages):
        embeds = [page.embed] if page.embed else []
        problems = message_problems(page.content, embeds)
        assert not problems, f"{what}, page {i + 1}: {problems}"
    if reply.file is not None:
        assert reply.file[0].endswith(".txt") and reply.file[1]


def check_both(answer: Answer, what: str) -> None:
    check(build_reply(answer, embeds=True), f"{what} (embeds)")
    check(build_reply(answer, embeds=False), f"{what} (text)")


async def test_every_document_summary_resolutions_and_text(library: Library) -> None:
    docs = await library.documents(SCOPES)
    assert len(docs) >= 80
    for doc in docs:
        for lang in ("en", "fr"):
            summary = await library.summary(doc, SCOPES)
            check_both(Answer("summary", lang, summary, doc), f"summary {doc.label} {lang}")
        resolutions = await library.resolutions(doc, SCOPES)
        check_both(Answer("resolutions", "en", resolutions, doc), f"resolutions {doc.label}")
        detail = await library.detail(doc)
        check_both(Answer("doc", "en", detail, doc), f"doc {doc.label}")


@pytest.mark.parametrize(
    "query",
    [
        "ceasefire violations",
        "humanitarian access Gaza",
        "Azerbaijan mines",
        "nuclear",
        "droits de l'homme",
        "refugees returnees displaced persons humanitarian",
    ],
)
async def test_find_answers(library: Library, query: str) -> None:
    result = await library.find(query, SCOPES, limit=10)
    check_both(Answer("find", "en", result), f"find {query}")


@pytest.mark.parametrize(
    "resolution",
    [
        "2231 (2015)",
        "1325 (2000)",
        "242 (1967)",
        "A/RES/62/243",
        "S/RES/2334 (2016)",
        "9999 (2030)",
    ],
)
async def test_cites_answers(library: Library, resolution: str) -> None:
    result = await library.cites(resolution, SCOPES)
    check_both(Answer("cites", "en", result), f"cites {resolution}")


@pytest.mark.parametrize("words", ["", "Azerbaijan", "2025", "nothing-matches-this"])
async def test_docs_lists(library: Library, words: str) -> None:
    result = await library.list_documents(words, SCOPES)
    check_both(Answer("docs", "en", result), f"docs {words!r}")


async def test_help_errors_and_reports(library: Library) -> None:
    docs = await library.documents(SCOPES)
    check_both(Answer("help", "fr"), "help")
    check_both(Answer("summary", error="x" * 5000, error_kind="bad_input"), "long error")
    check_both(
        Answer(
            "summary",
            error="“a” could name several documents",
            error_kind="ambiguous",
            candidates=docs[:40],
        ),
        "ambiguous",
    )
    report = LoadReport(
        loaded=[
            LoadedDocument(f"{'long name ' * 30}{i}.pdf", ["S/2025/1"] * 5, "T" * 400, 12, 3)
            for i in range(10)
        ],
        failed=[(f"file{i}.exe" * 10, "unsupported file type " * 20) for i in range(10)],
    )
    check_both(Answer("load", "en", report), "load report")
    text = " ".join(f"resolution {n} ({1990 + n % 30})" for n in range(700, 1100))
    cites = TextCitations(extract_citations(text), "https://discord.com/channels/1/2/3")
    check_both(Answer("resolutions", "en", cites), "citations of a pasted text")


def test_fit_embed_enforces_every_limit() -> None:
    e = discord.Embed(
        title="T" * 400,
        description=("line of words\n" * 600),
        url="https://undocs.org/en/S/2025/40",
    )
    for _ in range(40):
        e.add_field(name="N" * 300, value="v" * 2000, inline=False)
    e.add_field(name="", value="")
    e.set_footer(text="F" * 3000)
    e.set_author(name="A" * 300)
    assert embed_problems(e)
    fit_embed(e)
    assert embed_problems(e) == []
    assert len(e) <= 6000 and e.title.endswith("…")
