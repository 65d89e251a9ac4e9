"""Stored references to documents and the asker's scope (issue 10, items 1 and 8).

A channel's "it", a reply to one of the bot's answers, a number from `!docs`: each goes back
to a document only through the asker's scopes, and ids are never reused, so an old reference
names its own document or nothing. Uploads say what they replace and never drop a file.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bot.__main__ import main as cli
from bot.answer import Asker, Dispatcher
from bot.core import storage
from bot.core.errors import NotFound, PermissionDenied
from bot.core.intents import parse_command
from bot.core.library import Actor, Library, guild_scope, visible_scopes
from bot.render import render, render_load
from conftest import DATA

MOD = Actor("1234", moderator=True)
OTHER_MOD = Actor("5678", moderator=True)
A, B = guild_scope(101), guild_scope(202)
LETTERS = sorted((DATA / "corpus" / "en").glob("A_79_*-S_2025_*.txt"))


def letter(word: str, symbol: str) -> bytes:
    """A short letter of its own: `word` occurs in no other document."""
    return (
        f"United Nations {symbol}\n\nSecurity Council Distr.: General\n3 March 2099\n\n"
        f"Letter dated 2 March 2099 from the Permanent Representative of {word}land\n\n"
        f"I have the honour to report that the {word} delegation recalls resolution 2231 (2015)"
        f" and the {word} accords.\n\n(Signed) {word} Envoy\n"
    ).encode()


DECOYS = [(f"decoy{i}.txt", letter(f"Decoyish{i}", f"S/2099/10{i}")) for i in range(3)]
PRIVATE = [(f"private{i}.txt", letter(f"Secretive{i}", f"S/2099/20{i}")) for i in range(3)]


@pytest.fixture
async def lib(tmp_path: Path, new_db: str | Path):
    """A library holding a few real letters as the bundled corpus, and nothing else."""
    library = Library(new_db)
    await library.open()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in LETTERS[:5]:
        (corpus / p.name).write_bytes(p.read_bytes())
    assert len((await library.load_directory(corpus)).loaded) == 5
    yield library
    await library.close()


async def ids(lib: Library, scope: str) -> list[int]:
    return [d.id for d in await lib.documents([scope])]


# ---- ids and the one place a stored id becomes a document -----------------------------------


async def test_ids_of_removed_documents_are_never_given_again(lib: Library) -> None:
    await lib.load_files(DECOYS, A, MOD)
    decoys = await ids(lib, A)
    for ref in ("S/2099/100", "S/2099/101", "S/2099/102"):
        await lib.remove(ref, A, MOD)
    await lib.load_files(PRIVATE, B, OTHER_MOD)
    private = await ids(lib, B)
    assert min(private) > max(decoys)
    for doc_id in decoys:
        for scopes in (visible_scopes(A), visible_scopes(B), [A, B, "corpus"]):
            assert await lib.document(doc_id, scopes) is None


async def test_a_stored_id_opens_a_document_only_in_its_scopes(lib: Library) -> None:
    await lib.load_files(PRIVATE[:1], B, OTHER_MOD)
    (theirs,) = await ids(lib, B)
    corpus_id = (await lib.documents(["corpus"]))[0].id
    assert (await lib.document(theirs, visible_scopes(B))).scope == B
    assert await lib.document(theirs, visible_scopes(A)) is None
    assert await lib.document(theirs, visible_scopes(None)) is None
    assert await lib.document(theirs, visible_scopes("local")) is None
    assert (await lib.document(corpus_id, visible_scopes(A))).scope == "corpus"
    # Out of scope reads exactly as an id that names nothing.
    assert await lib.store.document(theirs, [A]) == await lib.store.document(10**9, [A])


async def test_the_channels_it_does_not_cross_servers(lib: Library) -> None:
    """Channel memory keeps an id only; another scope asking on that key gets what a channel
    with no memory gets."""
    await lib.load_files(PRIVATE[:1], B, OTHER_MOD)
    d = Dispatcher(lib)
    first = await d.handle(parse_command("!summary S/2099/200"), Asker(B, OTHER_MOD, "shared"))
    assert first.error is None and first.doc.scope == B
    for text in ("!doc it", "!summary this letter", "!resolutions it"):
        leaked = await d.handle(parse_command(text), Asker(A, MOD, "shared"))
        fresh = await d.handle(parse_command(text), Asker(A, MOD, "never-used"))
        assert (leaked.error, leaked.error_kind, leaked.candidates) == (
            fresh.error,
            fresh.error_kind,
            fresh.candidates,
        )
        assert leaked.error_kind == "not_found" and "Secretive" not in render(leaked)
    # The server that owns it still has its "it".
    again = await d.handle(parse_command("!doc it"), Asker(B, OTHER_MOD, "shared"))
    assert again.doc is not None and again.doc.scope == B


async def test_the_decoy_exploit_through_channel_memory(lib: Library) -> None:
    """A's moderator has the bot answer about three decoys, removes them; B uploads three
    letters; A's "it" must not become B's letters."""
    d = Dispatcher(lib)
    a_mod = Asker(A, MOD, "a-general")
    await d.handle(parse_command("!load x"), a_mod)  # refused (no filesystem): no harm done
    await lib.load_files(DECOYS, A, MOD)
    for i in range(3):
        ans = await d.handle(parse_command(f"!doc S/2099/10{i}"), a_mod)
        assert ans.doc is not None and f"Decoyish{i}" in render(ans)
    for i in range(3):
        assert (await d.handle(parse_command(f"!remove S/2099/10{i}"), a_mod)).error is None
    await lib.load_files(PRIVATE, B, OTHER_MOD)
    for text in ("!doc it", "!summary it", "!resolutions this"):
        ans = await d.handle(parse_command(text), a_mod)
        assert ans.error_kind == "not_found" and "Secretive" not in render(ans), render(ans)


# ---- the numbers `!docs` shows ---------------------------------------------------------------


async def test_remove_uses_the_number_docs_shows(lib: Library) -> None:
    await lib.load_files(DECOYS[:2], A, MOD)
    d = Dispatcher(lib)
    a_mod = Asker(A, MOD, "a")
    listing = (await d.handle(parse_command("!docs"), a_mod)).result
    numbers = {doc.source: n for n, doc in listing.items}
    n = numbers["decoy1.txt"]
    assert n == 7  # after the five bundled letters and decoy0
    assert f"{n}" in render(await d.handle(parse_command("!docs Decoyish1"), a_mod))
    # The same number means the same document in `!doc` and `!remove`.
    shown = await d.handle(parse_command(f"!doc {n}"), a_mod)
    assert shown.doc.source == "decoy1.txt"
    removed = await d.handle(parse_command(f"!remove {n}"), a_mod)
    assert removed.error is None and removed.result.doc.source == "decoy1.txt"
    assert [doc.source for doc in await lib.documents([A])] == ["decoy0.txt"]
    # Number 1 is a bundled letter: refused, naming it, and nothing of this server removed.
    with pytest.raises(PermissionDenied, match=r"number 1 is .*bundled corpus"):
        await lib.remove("1", A, MOD)
    with pytest.raises(NotFound, match=r"no document number 99 \(the list has 6\)"):
        await lib.remove("#99", A, MOD)
    assert [doc.source for doc in await lib.documents([A])] == ["decoy0.txt"]


# ---- uploads that meet what is already there -------------------------------------------------


async def test_an_upload_of_the_same_name_says_what_it_replaces(lib: Library) -> None:
    await lib.load_files(DECOYS[:1], A, MOD)
    (old,) = await lib.documents([A])
    corrected = [("decoy0.txt", letter("Corrected", "S/2099/300"))]
    report = await lib.load_files(corrected, A, OTHER_MOD)
    (new,) = report.loaded
    assert new.replaces is not None
    assert (new.replaces.label, new.replaces.source) == ("S/2099/100", "decoy0.txt")
    assert new.replaces.loaded_by == MOD.name and new.replaces.loaded_at[:2] == "20"
    text = render_load(report)
    assert f"replaces S/2099/100 (decoy0.txt), loaded by <@{MOD.name}> on 20" in text
    (now,) = await lib.documents([A])
    assert now.symbols == ["S/2099/300"] and now.id != old.id
    # The same name in another server replaces nothing there.
    other = await lib.load_files(corrected, B, OTHER_MOD)
    assert other.loaded[0].replaces is None


async def test_an_upload_with_content_already_here_is_refused_naming_it(lib: Library) -> None:
    await lib.load_files(DECOYS[:1], A, MOD)
    report = await lib.load_files([("renamed.txt", DECOYS[0][1])], A, OTHER_MOD)
    assert not report.loaded and not report.failed
    ((name, reason),) = report.already
    assert name == "renamed.txt" and "already loaded as S/2099/100 (decoy0.txt)" in reason
    assert [d.source for d in await lib.documents([A])] == ["decoy0.txt"]
    # Another server holding the same content is no business of this one.
    assert len((await lib.load_files([("renamed.txt", DECOYS[0][1])], B, MOD)).loaded) == 1


async def test_two_files_of_one_name_in_one_upload_are_both_kept(lib: Library) -> None:
    files = [("letter.txt", DECOYS[0][1]), ("letter.txt", DECOYS[1][1])]
    report = await lib.load_files(files, A, MOD)
    assert not report.failed
    assert [(d.source, d.renamed_from) for d in report.loaded] == [
        ("letter.txt", None),
        ("letter (2).txt", "letter.txt"),
    ]
    text = render_load(report)
    assert "kept as letter (2).txt: another file of this upload is named letter.txt" in text
    assert sorted(s for d in await lib.documents([A]) for s in d.symbols) == [
        "S/2099/100",
        "S/2099/101",
    ]


async def test_the_same_file_twice_in_one_upload_is_loaded_once_and_says_so(
    lib: Library,
) -> None:
    report = await lib.load_files([DECOYS[0], DECOYS[0], ("copy.txt", DECOYS[0][1])], A, MOD)
    assert [d.source for d in report.loaded] == ["decoy0.txt"]
    assert [name for name, _ in report.failed] == ["decoy0 (2).txt", "copy.txt"]
    assert all("earlier in this upload" in reason for _, reason in report.failed)
    text = render_load(report)
    assert text.count("✅") == 1 and text.count("❌") == 2


# ---- migration 006 on an existing database ----------------------------------------------------


def _downgrade_to_v005(db: Path) -> None:
    """Put a database back as migration 005 left it: `documents` without AUTOINCREMENT (so the
    removed newest id is forgotten, as v005 forgot it) and the one-scope vocabulary of 002."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript(
        """
        PRAGMA foreign_keys = OFF;
        BEGIN;
        CREATE TABLE documents_old (
            id INTEGER PRIMARY KEY, scope TEXT NOT NULL, source TEXT NOT NULL,
            sha256 TEXT NOT NULL, symbols TEXT NOT NULL, title TEXT, kind TEXT NOT NULL,
            language TEXT, date TEXT, record TEXT NOT NULL, search_text TEXT NOT NULL,
            loaded_by TEXT,
            loaded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            UNIQUE (scope, source));
        INSERT INTO documents_old SELECT * FROM documents;
        DROP TABLE documents;
        ALTER TABLE documents_old RENAME TO documents;
        DELETE FROM sqlite_sequence;
        DROP TABLE vocab_del; DROP TABLE vocab; DROP TABLE vocab_scopes; DROP TABLE vocab_stats;
        CREATE TABLE vocab (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE, df INTEGER NOT NULL);
        CREATE TABLE vocab_del (key TEXT NOT NULL, term_id INTEGER NOT NULL,
            PRIMARY KEY (key, term_id)) WITHOUT ROWID;
        CREATE TABLE vocab_stats (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
        INSERT INTO vocab_stats VALUES ('paragraphs', 0), ('ready', 0);
        DROP TABLE guild_settings;
        PRAGMA user_version = 5;
        COMMIT;
        """
    )
    conn.close()


async def test_upgrading_a_v005_database_keeps_everything_and_stops_reuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "v005.db"
    every = storage._migrations()
    async with Library(db) as old:
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        for p in LETTERS[:3]:
            (corpus / p.name).write_bytes(p.read_bytes())
        await old.load_directory(corpus)
        await old.load_files(DECOYS, A, MOD)
        await old.remove("S/2099/102", A, MOD)  # the newest: v005 would give its id again
    _downgrade_to_v005(db)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 5
    tables = ("documents", "paragraphs", "citations", "doc_symbols")
    before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
    newest = conn.execute("SELECT MAX(id) FROM documents").fetchone()[0]
    conn.close()
    monkeypatch.setattr(storage, "_migrations", lambda: every)

    async with Library(db) as lib:
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == max(n for n, _ in every)
        for t in tables:
            assert conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() == before[t], t
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 0  # this connection's own
        conn.close()
        hits = await lib.find("Decoyish1 accords", visible_scopes(A))
        assert hits.hits and hits.hits[0].doc.symbols == ["S/2099/101"]
        # Removing still takes its paragraphs, citations and symbols with it (foreign keys on).
        removed = await lib.remove("S/2099/101", A, MOD)
        assert await lib.store.paragraphs(removed.doc.id) == []
        assert await lib.store.citations(removed.doc.id) == []
        # From now on no id comes back, not even the newest one's.
        await lib.remove("S/2099/100", A, MOD)
        report = await lib.load_files(PRIVATE[:1], B, OTHER_MOD)
        assert report.loaded[0].doc_id > newest
        await lib.remove("S/2099/200", B, OTHER_MOD)
        again = await lib.load_files(PRIVATE[1:2], B, OTHER_MOD)
        assert again.loaded[0].doc_id > report.loaded[0].doc_id


# ---- the command line acts as in a server ---------------------------------------------------


def test_ask_and_load_with_guild_act_in_that_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "data"
    empty.mkdir()
    monkeypatch.setenv("RAPPORTEUR_DATA", str(empty))
    db = str(tmp_path / "cli.db")
    secret = tmp_path / "private0.txt"
    secret.write_bytes(PRIVATE[0][1])
    assert cli(["--db", db, "load", "--guild", "202", str(secret)]) == 0
    capsys.readouterr()

    def ask(*args: str) -> dict:
        assert cli(["--db", db, "ask", "--json", *args]) == 0
        return json.loads(capsys.readouterr().out.strip().splitlines()[-1])

    mine = ask("--guild", "202", "!doc S/2099/200")
    assert mine["document"]["scope"] == B and "Secretive0" in mine["text"]
    for where in (["--guild", "101"], []):
        theirs = ask(*where, "!doc S/2099/200")
        assert theirs["error_kind"] == "not_found" and "Secretive0" not in theirs["text"]
    # In a server, `!load PATH` cannot read this machine's files, even with the right.
    refused = ask("--guild", "202", "--as-mod", f"!load {secret}")
    assert refused["error_kind"] == "permission"
    with pytest.raises(SystemExit):
        cli(["--db", db, "ask", "--guild", "abc", "!docs"])
    assert "not a server id" in capsys.readouterr().err
