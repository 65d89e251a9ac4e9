"""Fairness between servers: one server's huge upload bounds the work of each answer about it,
and cannot take every read connection from the others.

The big document is generated at test time from real UN text (bench/noisy_neighbour.py's
`big_document`: the English documents of ../shared, else data/, shuffled and repeated).
"""

from __future__ import annotations

import asyncio
import importlib.util
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import discord.ext.test as dpytest
import pytest
import pytest_asyncio
from discord.ext import commands
from discord_fakes import configure_dpytest, library_fixture, make_settings, stop_views  # noqa: F401

from bot.answer import Answer
from bot.core import search, summary
from bot.core.fairness import DETAIL_PREVIEW_CHARS, SUMMARY_CHARS
from bot.core.library import Actor, Library
from bot.core.storage import SCOPE_READS, Store, read_scope
from bot.discord.client import Rapporteur, create_bot
from bot.discord.embeds import message_problems
from bot.discord.files import DOC_PAGES, FILE_BYTES
from bot.discord.pages import build_reply
from bot.render import render

ROOT = Path(__file__).resolve().parent.parent
BIG = "guild:1"
SCOPES = ["corpus", BIG]


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest_asyncio.fixture(scope="module")
async def big(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Library]:
    """A library holding one 2.5 MB upload of real UN text (about 9,000 paragraphs)."""
    data = _bench("noisy_neighbour").big_document(2.5, seed=3)
    lib = Library(tmp_path_factory.mktemp("fair") / "fair.db")
    await lib.open()
    report = await lib.load_files([("big_upload.txt", data)], BIG, Actor("mod", moderator=True))
    assert report.loaded and report.loaded[0].paragraphs > search.SCAN_PARAGRAPHS
    yield lib
    await lib.close()


async def _big_doc(lib: Library):
    (doc,) = await lib.documents([BIG])
    return doc


async def test_find_in_a_huge_document_scores_a_bounded_set_and_says_so(big: Library) -> None:
    doc = await _big_doc(big)
    r = await big.find("territorial integrity", SCOPES, within="big_upload")
    assert r.within is not None and r.within.id == doc.id
    # The index picked the candidates: far fewer passages scored than the document holds.
    assert r.within_paragraphs > search.SCAN_PARAGRAPHS
    assert 0 < r.scored <= 2 * (search.CANDIDATES + search.SUBSET_LIMIT)  # two languages at most
    assert r.hits and all(h.doc.id == doc.id for h in r.hits)
    assert all("territorial" in h.text.lower() for h in r.hits)
    text = render(Answer("find", "en", r, doc))
    assert f"{r.within_paragraphs:,} paragraphs" in text and "not every paragraph" in text
    embed_text = build_reply(Answer("find", "en", r, doc)).pages[0].embed.description
    assert "not every paragraph" in embed_text


async def test_find_in_an_ordinary_document_still_reads_it_whole(big: Library) -> None:
    await big.load_directory(ROOT / "data")
    r = await big.find("ceasefire", SCOPES, within="S/2025/40")
    assert r.within is not None and r.within_paragraphs == 0 and r.scored == 0
    assert "not every paragraph" not in render(Answer("find", "en", r, r.within))


async def test_doc_of_a_document_over_the_bound_shows_its_beginning_and_says_why(
    big: Library,
) -> None:
    doc = await _big_doc(big)
    detail = await big.detail(doc, max_chars=1_000_000)  # the 2.5 MB upload is over it
    assert not detail.complete
    assert detail.total_chars > 1_000_000 and detail.total_paragraphs > search.SCAN_PARAGRAPHS
    assert sum(len(t) for _, _, t in detail.paragraphs) <= DETAIL_PREVIEW_CHARS
    for embeds in (True, False):
        reply = build_reply(Answer("doc", "en", detail, doc), embeds=embeds)
        assert reply.file is None
        assert len(reply.pages) <= DOC_PAGES
        first = reply.pages[0].content or ""
        assert "too long to show whole" in first and "!find WORDS in" in first
        for page in reply.pages:
            assert not message_problems(page.content, [page.embed] if page.embed else [])


async def test_doc_of_a_long_document_keeps_few_pages_and_attaches_the_text(
    big: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = await _big_doc(big)
    detail = await big.detail(doc)
    assert detail.complete and len(detail.paragraphs) == detail.total_paragraphs
    reply = build_reply(Answer("doc", "en", detail, doc))
    assert len(reply.pages) == DOC_PAGES  # not the thousands the text would make
    assert reply.file is not None and len(reply.file[1].encode()) <= FILE_BYTES
    assert "first 40 pages" in (reply.pages[0].content or "")
    assert reply.make_file() is not None
    # Over Discord's file limit, the file is refused with the reason and a way to search.
    monkeypatch.setattr("bot.discord.files.FILE_BYTES", 1_000_000)
    monkeypatch.setattr("bot.discord.pages.FILE_BYTES", 1_000_000)
    for embeds in (True, False):
        reply = build_reply(Answer("doc", "en", detail, doc), embeds=embeds)
        assert reply.file is None
        first = reply.pages[0].content or ""
        assert "over Discord's 1.0 MB file limit" in first and "!find WORDS in" in first


async def test_summary_of_a_huge_document_reads_a_bounded_part(
    big: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[int] = []

    def key_sentences(paragraphs, limit: int = 3):
        read.append(sum(len(p.text) for p in paragraphs))
        return summary.key_sentences(paragraphs, limit)

    monkeypatch.setattr("bot.core.store_reads.key_sentences", key_sentences)
    doc = await _big_doc(big)
    s = await big.summary(doc, SCOPES)
    detail = await big.detail(doc)
    assert detail.total_chars > SUMMARY_CHARS
    assert read == [SUMMARY_CHARS]  # the text's beginning, not all of it
    assert s.paragraphs == detail.total_paragraphs  # yet it counts the whole document
    assert s.key_points


async def test_answers_count_against_the_asking_server(
    big: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str | None] = []
    run_read = big.store.run_read

    async def spy(fn, *args):
        seen.append(read_scope.get())
        return await run_read(fn, *args)

    monkeypatch.setattr(big.store, "run_read", spy)
    doc = await _big_doc(big)
    await big.find("human rights", SCOPES, within="big_upload")
    await big.summary(doc, ["corpus", "guild:2"])
    await big.detail(doc)
    assert seen and set(seen) == {BIG, "guild:2"}
    assert read_scope.get() is None  # reset after each answer


async def test_one_scope_cannot_take_every_read_connection(tmp_path: Path) -> None:
    store = Store(tmp_path / "reads.db")
    await store.open()
    release = threading.Event()
    running: list[int] = []

    def wait_in_database() -> int:  # a slow query: SQLite calls it mid-statement
        running.append(1)
        release.wait(30)
        return 1

    def held(conn) -> str:
        conn.create_function("slow", 0, wait_in_database)
        assert conn.execute("SELECT slow()").fetchone() == (1,)
        return "a"

    async def as_scope(scope: str, fn):
        read_scope.set(scope)  # this task's context only
        return await store.run_read(fn)

    try:
        a = [asyncio.create_task(as_scope("guild:1", held)) for _ in range(SCOPE_READS + 2)]
        for _ in range(500):
            if len(running) >= SCOPE_READS:
                break
            await asyncio.sleep(0.01)
        # Server 1 has its share of the connections, all blocked; server 2 still reads.
        b = await asyncio.wait_for(
            as_scope("guild:2", lambda conn: conn.execute("SELECT 41 + 1").fetchone()[0]), 30
        )
        assert b == 42
        assert len(running) == SCOPE_READS  # server 1's other reads wait for its own share
        release.set()
        assert await asyncio.gather(*a) == ["a"] * (SCOPE_READS + 2)
        assert not store._reads._gates  # nothing kept for servers no longer reading
    finally:
        release.set()
        await store.close()


@pytest_asyncio.fixture
async def bot(library: Library, tmp_path: Path) -> AsyncIterator[Rapporteur]:
    b = create_bot(make_settings(tmp_path), library, sharded=False)  # dpytest: unsharded
    await configure_dpytest(b, members=["alice"])
    await b.setup_hook()
    yield b
    await dpytest.empty_queue()
    stop_views(b)


async def test_doc_command_has_a_cooldown(bot: Rapporteur) -> None:
    for _ in range(3):
        await dpytest.message("!doc S/2025/40")
    with pytest.raises(commands.CommandOnCooldown):
        await dpytest.message("!doc S/2025/40")
