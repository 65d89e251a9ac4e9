"""Uploads that tell the truth across scopes (issue 12, item 4).

Content already visible in a server (its own uploads or the bundled corpus, whatever the file
name) is not stored twice and the reply says as what it is held; a changed version of one of
the server's own documents replaces it, saying so; a server's copy beside a bundled document
of other content wins inside the server, and no answer offers both or counts both.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.core import lookup
from bot.core.intents import RefSlots
from bot.core.library import Actor, Library, guild_scope, visible_scopes
from bot.render import render_load
from conftest import CORPUS, DATA, needs_shared

MOD = Actor("1234", moderator=True)
A, B = guild_scope(101), guild_scope(202)
EN = DATA / "corpus" / "en"
BUNDLED = [EN / "S_2025_74.txt", *sorted(EN.glob("A_79_*-S_2025_*.txt"))[:2]]


@pytest.fixture
async def lib(tmp_path: Path):
    """A library whose bundled corpus is S/2025/74 and two other real letters."""
    library = Library(tmp_path / "uploads.db")
    await library.open()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in BUNDLED:
        (corpus / p.name).write_bytes(p.read_bytes())
    assert len((await library.load_directory(corpus)).loaded) == len(BUNDLED)
    yield library
    await library.close()


def s74() -> bytes:
    return (EN / "S_2025_74.txt").read_bytes()


async def test_a_bundled_document_uploaded_under_any_name_is_not_stored_twice(
    lib: Library,
) -> None:
    report = await lib.load_files([("my copy.txt", s74())], A, MOD)
    assert not report.loaded and not report.failed
    ((name, why),) = report.already
    assert name == "my copy.txt" and why.startswith("already loaded as S/2025/74")
    assert "bundled corpus" in why
    assert "☑️ my copy.txt: already loaded as S/2025/74" in render_load(report)
    assert await lib.documents([A]) == []
    # The same text with other bytes (Windows line breaks) is the same document too.
    crlf = s74().replace(b"\n", b"\r\n")
    report = await lib.load_files([("S_2025_74.txt", crlf)], A, MOD)
    assert not report.loaded and "already loaded as S/2025/74" in report.already[0][1]
    assert await lib.documents([A]) == []
    # One document answers `S/2025/74` here, and `!cites` counts its letter once.
    doc = await lib.resolve("S/2025/74", visible_scopes(A))
    assert doc.scope == "corpus"
    cites = await lib.cites("1540 (2004)", visible_scopes(A))
    assert [c.doc.label for c in cites.items].count("S/2025/74") == 1


async def test_the_same_file_again_in_a_server_is_already_loaded(lib: Library) -> None:
    changed = s74() + b"\nA paragraph the moderator added.\n"
    assert len((await lib.load_files([("s74.txt", changed)], A, MOD)).loaded) == 1
    again = await lib.load_files([("s74.txt", changed)], A, MOD)
    assert not again.loaded and not again.failed
    assert again.already[0][1].startswith("already loaded as S/2025/74")
    assert len(await lib.documents([A])) == 1


async def test_a_new_version_of_a_symbol_replaces_the_servers_copy_saying_so(
    lib: Library,
) -> None:
    first = s74() + b"\nFirst edition of the moderator's copy.\n"
    second = s74() + b"\nSecond edition, corrected.\n"
    loaded = await lib.load_files([("s74-v1.txt", first)], A, MOD)
    (one,) = loaded.loaded
    # Beside the bundled letter of other content: kept, with a word about the other one.
    assert any("another version of S/2025/74" in w for w in one.warnings)
    assert "⚠️ another version of S/2025/74" in render_load(loaded)
    report = await lib.load_files([("s74-v2.txt", second)], A, Actor("5678", moderator=True))
    (new,) = report.loaded
    assert new.replaces is not None and new.replaces.source == "s74-v1.txt"
    assert new.replaces.loaded_by == MOD.name
    assert "replaces S/2025/74 (s74-v1.txt), loaded by <@1234>" in render_load(report)
    assert [d.source for d in await lib.documents([A])] == ["s74-v2.txt"]
    # The server's own copy wins inside the server; elsewhere the bundled one answers.
    assert (await lib.resolve("S/2025/74", visible_scopes(A))).source == "s74-v2.txt"
    assert (await lib.resolve("S/2025/74", visible_scopes(B))).scope == "corpus"
    # No answer offers the two copies as candidates, nor counts the letter twice.
    docs = await lib.documents(visible_scopes(A))
    found = lookup.find_document(docs, RefSlots(symbol="S/2025/74"))
    assert found.document is not None and found.document.source == "s74-v2.txt"
    cites = await lib.cites("1540 (2004)", visible_scopes(A))
    assert [c.doc.source for c in cites.items if c.doc.label == "S/2025/74"] == ["s74-v2.txt"]


async def test_a_note_citing_a_resolution_does_not_become_it(lib: Library) -> None:
    note = (
        b"# Background for the team\n\nResolution 2231 (2015) endorsed the JCPOA.\n\n"
        b"Our delegation will recall it in the debate.\n"
    )
    report = await lib.load_files([("background.md", note)], A, MOD)
    (d,) = report.loaded
    assert d.symbols == []
    (doc,) = await lib.documents([A])
    assert doc.label == "background" and doc.symbols == []
    # The resolution is cited by the note, and no loaded document is its text.
    cited = (await lib.resolutions(doc, visible_scopes(A))).items
    assert [c.symbol for c in cited] == ["S/RES/2231 (2015)"]
    assert cited[0].loaded_doc is None


async def test_a_damaged_symbol_is_checked_against_the_file_name_and_warned(
    lib: Library,
) -> None:
    damaged = (
        b"UNITED NATIONS\n\nGeneral Assembly\n\nDistr.\nGENERAL\n\nA/39/36I\n"
        b"2 August 1984\n\nQuestion of East Timor\n\nReport of the Secretary-General\n\n"
        b"1. The present report is submitted in pursuance of the request.\n"
    )
    report = await lib.load_files([("A_39_361.txt", damaged)], A, MOD)
    (d,) = report.loaded
    assert d.symbols == ["A/39/361"]
    assert any("A/39/36I" in w and "damaged" in w for w in d.warnings)
    assert "⚠️ the text layer prints the symbol as A/39/36I" in render_load(report)
    assert (await lib.resolve("A/39/361", [A])).source == "A_39_361.txt"


@needs_shared
async def test_the_1984_scan_is_loaded_with_its_symbol_and_warnings(lib: Library) -> None:
    scan = CORPUS / "pdf" / "A_39_361.en.pdf"
    report = await lib.load_files([(scan.name, scan.read_bytes())], A, MOD)
    (d,) = report.loaded
    assert d.symbols == ["A/39/361"]
    text = render_load(report)
    assert "damaged" in text and "poor OCR text layer" in text, text
    assert (await lib.resolve("A/39/361", [A])).source == scan.name  # `!summary A/39/361`


def test_candidates_that_read_the_same_are_told_apart() -> None:
    from bot.answer import Answer
    from bot.core.storage import StoredDocument
    from bot.render import render_error

    def doc(i: int, scope: str, source: str) -> StoredDocument:
        title = "Letter dated 31 January 2025"
        return StoredDocument(i, scope, source, ["S/2025/74"], title, "letter", "en", None, {}, "")

    twins = [doc(1, "corpus", "S_2025_74.txt"), doc(2, A, "mine.pdf")]
    text = render_error(Answer("clarify", error="which one", candidates=twins))
    assert "(en, S\\_2025\\_74.txt, bundled)" in text and "(en, mine.pdf, loaded here)" in text
    other = [twins[0], doc(3, A, "x.txt")]
    other[1].title = "Another letter"
    assert "bundled" not in render_error(Answer("clarify", error="which", candidates=other))


async def test_two_uploads_of_one_text_at_once_store_it_once(lib: Library) -> None:
    """Two moderators drop the same letter under two names at the same moment: one is stored,
    the other is told it is already there, never two copies."""
    text = b"Letter on the ceasefire lines of the northern valley, dated 2 March 2026.\n" * 3
    first, second = await asyncio.gather(
        lib.load_files([("one.txt", text)], A, MOD), lib.load_files([("two.txt", text)], A, MOD)
    )
    assert len(first.loaded) + len(second.loaded) == 1
    assert len(first.already) + len(second.already) == 1
    assert len(await lib.documents([A])) == 1
