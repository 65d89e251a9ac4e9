"""The PostgreSQL store (issue 15): the library tests again on PgStore, its answers against the
SQLite store's on the same documents, and what only several processes over one database meet.

The library and scope tests below are imported from tests/test_library.py and test_scope.py and
run here with this module's fixtures: `corpus_lib` and `new_db` name PostgreSQL databases on a
throw-away server (tests/pg_server.py), started once; without PostgreSQL they skip, saying why.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("psycopg", reason="the `pg` extra (psycopg) is not installed")

from pg_server import TempPostgres, Unavailable
from test_library import (  # noqa: F401  (collected here: they run on PostgreSQL)
    test_bundled_corpus_loads_every_file,
    test_cites_lists_the_documents_citing_a_resolution,
    test_find_says_nothing_rather_than_noise,
    test_find_with_a_typo_and_without_accents,
    test_find_within_one_document,
    test_number_in_the_list,
    test_reload_is_idempotent_and_replaces_changed_files,
    test_removing_a_bundled_document_says_why_not,
    test_seed_resolutions_are_exactly_the_four_of_1993,
    test_summary_of_the_seed,
    test_uploads_are_private_to_their_server_and_need_the_right,
)
from test_scope import (  # noqa: F401
    lib,
    test_a_stored_id_opens_a_document_only_in_its_scopes,
    test_an_upload_of_the_same_name_says_what_it_replaces,
    test_an_upload_with_content_already_here_is_refused_naming_it,
    test_ids_of_removed_documents_are_never_given_again,
    test_remove_uses_the_number_docs_shows,
)
from test_search_equivalence import MULTI_QUERIES, MULTILINGUAL, QUERIES

import bot.core.pg.write as pg_write
from bot.__main__ import main as cli
from bot.core.library import Actor, Library, guild_scope, visible_scopes
from bot.core.store_factory import open_store
from conftest import DATA, open_corpus

MOD = Actor("mod", moderator=True)
CORPUS = ["corpus"]
LETTER = DATA / "corpus" / "en" / "S_2025_182.txt"


@pytest.fixture(scope="session")
def pg_server():
    server = TempPostgres()
    try:
        server.start()
    except Unavailable as e:
        server.stop()
        pytest.skip(f"no PostgreSQL server for the PgStore tests: {e}")
    yield server
    server.stop()


@pytest.fixture
def new_db(pg_server: TempPostgres) -> str:
    return pg_server.create()


@pytest.fixture(scope="session")
async def corpus_lib(pg_server: TempPostgres):
    library = await open_corpus(pg_server.create("corpus"))
    yield library
    await library.close()


def _hits(result) -> list[tuple[str, int, float, list[tuple[int, int]]]]:  # type: ignore[no-untyped-def]
    return [(h.doc.source, h.paragraph, round(h.score, 9), h.spans) for h in result.hits]


# ---- the same answers as SQLite ----------------------------------------------------------


@pytest.mark.parametrize("query", QUERIES)
async def test_find_gives_sqlites_answers(corpus_lib, sqlite_corpus_lib, query: str) -> None:
    pg = await corpus_lib.find(query, CORPUS)
    lite = await sqlite_corpus_lib.find(query, CORPUS)
    assert _hits(pg) == _hits(lite)
    assert pg.translated == lite.translated


async def test_listing_summary_resolutions_and_vocabulary_are_sqlites(
    corpus_lib, sqlite_corpus_lib
) -> None:
    pg_docs = await corpus_lib.documents(CORPUS)
    lite_docs = await sqlite_corpus_lib.documents(CORPUS)
    assert [(d.source, d.symbols, d.date, d.record) for d in pg_docs] == [
        (d.source, d.symbols, d.date, d.record) for d in lite_docs
    ]
    for pd, ld in list(zip(pg_docs, lite_docs, strict=True))[::9]:
        ps, ls = await corpus_lib.summary(pd, CORPUS), await sqlite_corpus_lib.summary(ld, CORPUS)
        assert (ps.key_points, ps.contents, ps.paragraphs) == (
            ls.key_points,
            ls.contents,
            ls.paragraphs,
        )
        pr = await corpus_lib.resolutions(pd, CORPUS)
        lr = await sqlite_corpus_lib.resolutions(ld, CORPUS)
        assert [(c.symbol, c.mentions, c.paragraphs) for c in pr.items] == [
            (c.symbol, c.mentions, c.paragraphs) for c in lr.items
        ]
    assert await corpus_lib.store.vocabulary(CORPUS) == await sqlite_corpus_lib.store.vocabulary(
        CORPUS
    )
    words = ["Kosovo", "ceasefire", "декларации", "humanitarian access"]
    from bot.core.lookup import body_terms

    by_source = {d.id: d.source for d in pg_docs} | {d.id: d.source for d in lite_docs}
    pg_body = await corpus_lib.store.body_hits(body_terms(words))
    lite_body = await sqlite_corpus_lib.store.body_hits(body_terms(words))
    assert {by_source[k]: v for k, v in pg_body.items()} == {
        by_source[k]: v for k, v in lite_body.items()
    }


async def test_six_languages_typos_and_accents_agree(tmp_path: Path, new_db: str) -> None:
    """Russian, Arabic (marks), Chinese (pairs), French (ligatures, accents) on both stores."""
    files = [(name, text.encode()) for name, text in MULTILINGUAL.items()]
    async with Library(new_db) as pg, Library(tmp_path / "m.db") as lite:
        for one in (pg, lite):
            assert len((await one.load_files(files, "guild:9", MOD)).loaded) == len(files)
        scopes = visible_scopes("guild:9")
        for q in MULTI_QUERIES:
            assert _hits(await pg.find(q, scopes)) == _hits(await lite.find(q, scopes)), q
        for q in ("ассоциации", "主权", "intégrite", "etat", "يقرر"):  # typo, pairs, accents, marks
            assert (await pg.find(q, scopes)).hits, q


# ---- one load is one transaction; ids ----------------------------------------------------


async def test_a_failed_load_leaves_nothing_behind(new_db: str, monkeypatch) -> None:
    async with Library(new_db) as library:
        real = pg_write._insert_document
        calls = 0

        def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal calls
            calls += 1
            if calls == 2:
                raise RuntimeError("disk full")
            return real(*args, **kwargs)

        monkeypatch.setattr(pg_write, "_insert_document", failing)
        files = [
            (p.name, p.read_bytes()) for p in sorted((DATA / "corpus" / "en").glob("S_2025_1*.txt"))
        ]
        with pytest.raises(RuntimeError):
            await library.load_files(files, "guild:1", MOD)
        assert await library.documents(["guild:1"]) == []
        assert await library.store.paragraph_count() == 0
        assert await library.store.vocabulary(["guild:1"]) == []
        monkeypatch.setattr(pg_write, "_insert_document", real)
        assert len((await library.load_files(files, "guild:1", MOD)).loaded) == len(files)


# ---- several processes over one database -------------------------------------------------


async def test_a_second_library_sees_the_firsts_upload_at_once(new_db: str) -> None:
    async with Library(new_db) as one, Library(new_db) as two:
        scopes = visible_scopes(guild_scope(5))
        assert await two.documents(scopes) == []  # cached now, at this generation
        assert (await two.find("Arab-Islamic Ministerial Committee", scopes)).hits == []
        await one.load_files([(LETTER.name, LETTER.read_bytes())], guild_scope(5), MOD)
        (doc,) = await two.documents(scopes)
        assert "S/2025/182" in doc.symbols
        assert (await two.find("Arab-Islamic Ministerial Committee", scopes)).hits
        await one.remove("S/2025/182", guild_scope(5), MOD)
        assert await two.documents(scopes) == []
        assert (await two.find("Arab-Islamic Ministerial Committee", scopes)).hits == []


async def test_concurrent_loads_of_one_file_never_double_it(new_db: str) -> None:
    files = [
        (p.name, p.read_bytes()) for p in sorted((DATA / "corpus" / "en").glob("S_2025_*.txt"))[:4]
    ]
    async with Library(new_db) as one, Library(new_db) as two:
        await asyncio.gather(
            one.load_files(files, "guild:7", MOD),
            two.load_files(files, "guild:7", MOD),
            one.load_files(files[:1], "guild:8", MOD),
        )
        docs = await one.documents(["guild:7"])
        assert sorted(d.source for d in docs) == sorted(name for name, _ in files)
        ids = {d.id for d in docs}
        paragraphs = [len(await one.store.paragraphs(i)) for i in ids]
        # The scope's vocabulary counts each stored paragraph once: nothing doubled or lost.
        fresh = Library(str(new_db))
        async with fresh:
            vocab = dict(await fresh.store.vocabulary(["guild:7"]))
        from bot.core.vocab_index import index_terms

        expected: dict[str, int] = {}
        for i in ids:
            for p in await one.store.paragraphs(i):
                for t in index_terms(p.text):
                    expected[t] = expected.get(t, 0) + 1
        assert vocab == expected and all(paragraphs)
        assert await one.store.integrity_check() == "ok"


# ---- guild settings, migration from SQLite -----------------------------------------------


async def test_guild_roles_are_kept_in_postgresql(new_db: str) -> None:
    store = open_store(new_db)
    await store.open()
    try:
        assert await store.guild_roles() == {}  # type: ignore[attr-defined]
        await store.set_guild_roles("42", ["Moderator", "Délégué"])  # type: ignore[attr-defined]
        await store.set_guild_roles("42", ["Chair"])  # type: ignore[attr-defined]
        await store.set_guild_roles("7", [])  # type: ignore[attr-defined]
        assert await store.guild_roles() == {"42": ["Chair"], "7": []}  # type: ignore[attr-defined]
    finally:
        await store.close()


def _table(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return [tuple(r) for r in conn.execute(sql).fetchall()]
    finally:
        conn.close()


async def test_migrate_copies_a_sqlite_library_row_for_row(tmp_path: Path, new_db: str) -> None:
    db = tmp_path / "old.db"
    async with Library(db) as lite:
        await lite.load_directory(DATA / "seed")
        await lite.load_directory(DATA / "corpus" / "fr", scope="corpus")
        await lite.load_files([(LETTER.name, LETTER.read_bytes())], "guild:3", MOD)
        extra = await lite.load_files(
            [("gone.txt", LETTER.read_bytes().replace(b"Arab", b"Zyx"))], "guild:3", MOD
        )
        await lite.remove("gone", "guild:3", MOD)  # its id must never come back
    conn = sqlite3.connect(db)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS guild_settings (guild_id TEXT PRIMARY KEY, mod_roles TEXT NOT NULL)"
    )
    conn.execute("INSERT INTO guild_settings VALUES ('3', ?)", (json.dumps(["mods"]),))
    conn.commit()
    conn.close()
    assert await asyncio.to_thread(cli, ["migrate", "--from", str(db), "--to", new_db]) == 0
    async with Library(new_db) as pg, Library(db) as lite:
        for scopes in (CORPUS, visible_scopes("guild:3")):
            a, b = await pg.documents(scopes), await lite.documents(scopes)
            assert [(d.id, d.source, d.record, d.search_text) for d in a] == [
                (d.id, d.source, d.record, d.search_text) for d in b
            ]
            for d in a:
                assert await pg.store.paragraphs(d.id) == await lite.store.paragraphs(d.id)
                assert await pg.store.citations(d.id) == await lite.store.citations(d.id)
            assert await pg.store.vocabulary(scopes) == await lite.store.vocabulary(scopes)
            assert (await pg.store.sources("guild:3")) == (await lite.store.sources("guild:3"))
        for q in ("ceasefire violatons", "Conseil de securite", "Arab-Islamic Committee"):
            scopes = visible_scopes("guild:3")
            assert _hits(await pg.find(q, scopes)) == _hits(await lite.find(q, scopes))
        assert await pg.store.guild_roles() == {"3": ["mods"]}  # type: ignore[attr-defined]
        new = await pg.load_files([("new.txt", b"A new letter about kangaroos.\n")], "guild:3", MOD)
        assert new.loaded[0].doc_id > extra.loaded[0].doc_id  # ids never reused
    # A second copy into a database that holds documents is refused, saying why.
    assert await asyncio.to_thread(cli, ["migrate", "--from", str(db), "--to", new_db]) == 1


# ---- choosing the store --------------------------------------------------------------------


def test_a_postgresql_url_chooses_postgresql_and_a_path_sqlite(monkeypatch) -> None:
    from bot.core.pg import PgStore
    from bot.core.storage import Store
    from bot.settings import Settings

    monkeypatch.setenv("RAPPORTEUR_DB", "postgres://bot@db.example/rapporteur")
    s = Settings.from_env()
    assert s.db_url == "postgres://bot@db.example/rapporteur" and s.database == s.db_url
    assert isinstance(open_store(s.database), PgStore)
    s = Settings.from_env("/tmp/x/rapporteur.db")  # --db wins over the environment
    assert s.db_url is None and s.database == Path("/tmp/x/rapporteur.db")
    assert type(open_store(s.database)) is Store


async def test_an_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    from bot.core.errors import StoreError

    store = open_store(f"postgresql://nobody@/none?host={tmp_path}&port=1")
    with pytest.raises(StoreError) as err:
        await store.open()
    assert "PostgreSQL" in str(err.value) and "host=" in err.value.operator


async def test_paragraphs_past_postgresqls_tsvector_limits_load_and_are_found(
    tmp_path: Path, new_db: str
) -> None:
    """Positions past 16,383, a word 40,000 times, a 3,000-letter "word", a megabyte paragraph:
    stored, and found as SQLite finds them."""
    words = " ".join(f"mot{i} ceasefire" for i in range(40_000))  # 80,000 words, one line
    text = f"Note verbale\n\n{words} {'x' * 3000} zanzibarite\n\nA short closing paragraph.\n"
    scopes = visible_scopes("guild:4")
    async with Library(new_db) as pg, Library(tmp_path / "l.db") as lite:
        for library in (pg, lite):
            report = await library.load_files([("long.txt", text.encode())], "guild:4", MOD)
            assert len(report.loaded) == 1, report.failed
        for q in ("ceasefire", "mot100", "mot39999", "zanzibarite", "closing paragraph"):
            assert _hits(await pg.find(q, scopes)) == _hits(await lite.find(q, scopes)), q
        assert (await pg.find("mot100 ceasefire", scopes)).hits


# ---- what keeps a burst of commands quick ------------------------------------------------


async def test_refreshes_at_once_share_reads_yet_each_sees_writes_made_before_it(
    new_db: str,
) -> None:
    """Callers of refresh() while a generation read runs wait for the next read, never for the
    one already running: a write committed before they called is seen, however they overlap."""
    import psycopg

    async with Library(new_db) as library:
        store = library.store
        real, reads, hold = store.run_read, [], asyncio.Event()

        async def run_read(fn, *args):  # type: ignore[no-untyped-def]
            reads.append(fn)
            out = await real(fn, *args)
            if len(reads) == 1:
                await hold.wait()  # the first read has its answer, not yet handed back
            return out

        store.run_read = run_read  # type: ignore[method-assign]
        before = store.generation
        first = asyncio.ensure_future(store.refresh())
        while not reads:
            await asyncio.sleep(0.01)
        with psycopg.connect(new_db, autocommit=True) as other:  # another process's write
            other.execute("UPDATE store_meta SET value = value + 1 WHERE name = 'generation'")
        later = [asyncio.ensure_future(store.refresh()) for _ in range(30)]
        await asyncio.sleep(0.05)
        hold.set()
        assert await first == before  # it read before the write
        assert set(await asyncio.gather(*later)) == {before + 1}
        assert len(reads) == 2  # thirty callers, one read between them


async def test_a_load_large_against_the_planners_statistics_refreshes_them(
    new_db: str,
) -> None:
    """Without fresh statistics after a load, the planner prices the vocabulary's deletion keys
    by their old count and reads a whole scope's keys for each look-up."""
    import psycopg

    files = [(p.name, p.read_bytes()) for p in sorted((DATA / "corpus" / "en").glob("*.txt"))[:3]]
    async with Library(new_db) as library:
        with psycopg.connect(new_db, autocommit=True) as conn:
            known = "SELECT reltuples FROM pg_class WHERE relname = 'vocab_del'"
            assert conn.execute(known).fetchone()[0] <= 0  # type: ignore[index]
            assert len((await library.load_files(files, "guild:8", MOD)).loaded) == len(files)
            keys = conn.execute("SELECT count(*) FROM vocab_del").fetchone()[0]  # type: ignore[index]
            assert conn.execute(known).fetchone()[0] >= keys / 2  # type: ignore[index]
