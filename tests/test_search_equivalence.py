"""The fast find keeps the answers: the same top results as exhaustive scoring on a small corpus.

The fast path looks spellings up in the deletion index instead of scanning the vocabulary, fetches
a bounded candidate set with FTS5 probes instead of scoring every paragraph, and stops scoring
word order once nothing can enter the top k. The reference does none of that.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core.glossary import TRANSLATED_WEIGHT, translation_words
from bot.core.library import Actor, Library
from bot.core.search import IndexedVocabulary, Vocabulary, exhaustive_find, find_sync
from bot.core.vocab_index import index_terms, term_keys
from conftest import DATA

CORPUS = ["corpus"]

QUERIES = [
    "ceasefire violations",
    "humanitarian coridors",
    "panel of experts mandate extened",
    "prisoners of war repatriated",
    "sanctions remain suspened",
    "territorial integrity",
    "nuclear non-proliferation treaty",
    "women peace and security",
    "refugees returnees displaced persons",
    "landmines",
    "securite internationale",
    "declaration universelle des droits de l'homme",
    "Conseil de sécurité",
    "the security council decides",
    "goverment of armenia",
    "harrasment radio okapi staff",
    "occupied terittories",
    "resolution 822 (1993)",
    "azerbaijan armenia kelbadjar",
    "football association slogan",
    "quantum chromodynamics lattice",
    "of the",
    "人权",
    "安全理事会",
    "世界人权宣言",
    "ceasefire Gazakh",
    "machine guns against civilians in Gazakh",
]


def _key(hits):  # type: ignore[no-untyped-def]
    return [(h.doc_id, h.paragraph, round(h.score, 9)) for h in hits]


@pytest.mark.parametrize("query", QUERIES)
async def test_fast_find_equals_exhaustive_scoring(corpus_lib: Library, query: str) -> None:
    store = corpus_lib.store
    fast = await store.run_read(find_sync, query, CORPUS, None, 10, {})
    slow = await store.run_read(exhaustive_find, query, CORPUS, 10)
    assert _key(fast) == _key(slow)
    # And through the library, with its cache and the query in the other language, against
    # the exhaustive hits of both queries merged by score.
    expected = list(slow)
    seen = {(h.doc_id, h.paragraph) for h in slow}
    for _, other, near in translation_words(query):  # each other language's query, in turn
        more = await store.run_read(exhaustive_find, other, CORPUS, 10, near)
        for h in more:
            if (h.doc_id, h.paragraph) not in seen:
                seen.add((h.doc_id, h.paragraph))
                expected.append(replace(h, score=h.score * TRANSLATED_WEIGHT))
    expected = sorted(expected, key=lambda h: -h.score)[:10]
    res = await corpus_lib.find(query, CORPUS, limit=10)
    assert [(h.doc.id, h.paragraph) for h in res.hits] == [(d, p) for d, p, _ in _key(expected)]


WORDS = [
    "ceasefire",
    "coridors",
    "extened",
    "securite",
    "goverment",
    "harrasment",
    "terittories",
    "mandate",
    "kelbadjar",
    "conseil",
    "sekurita",
    "humanitaire",
    "panel",
    "xqzvv",
    "the",
    "1993",
]


async def test_index_lookup_equals_vocabulary_scan(corpus_lib: Library) -> None:
    entries = await corpus_lib.store.vocabulary(CORPUS)
    count = await corpus_lib.store.paragraph_count()
    scan = Vocabulary(entries, count)

    def indexed(conn: sqlite3.Connection) -> dict[str, dict[str, float]]:
        vocab = IndexedVocabulary(conn, {}, CORPUS)
        return {w: vocab.expand(w) for w in WORDS}

    got = await corpus_lib.store.run_read(indexed)
    for w in WORDS:
        assert got[w] == scan.expand(w), w


async def _recount(lib: Library) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """(scope, term) -> paragraphs of the scope holding it; scope -> paragraphs: from the text."""
    rows = await lib.store.db.execute_fetchall(
        "SELECT d.scope, p.text FROM paragraphs p JOIN documents d ON d.id = p.doc_id"
    )
    df: Counter[tuple[str, str]] = Counter()
    n: Counter[str] = Counter()
    for scope, text in rows:
        df.update((scope, t) for t in index_terms(text))
        n[scope] += 1
    return df, n


async def _stored(lib: Library) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """The same as the vocabulary index holds it."""
    rows = await lib.store.db.execute_fetchall(
        "SELECT s.scope, v.term, v.df FROM vocab v JOIN vocab_scopes s ON s.id = v.sid"
    )
    n = await lib.store.db.execute_fetchall("SELECT scope, paragraphs FROM vocab_scopes")
    return Counter({(r[0], r[1]): r[2] for r in rows}), +Counter(dict(n))


async def _keys_match_terms(lib: Library) -> None:
    """The deletion index (filed by SQLite) holds exactly term_keys() of every live term, in
    the term's scope."""
    terms = await lib.store.db.execute_fetchall("SELECT id, sid, term FROM vocab")
    keys = await lib.store.db.execute_fetchall("SELECT sid, key, term_id FROM vocab_del")
    assert set(keys) == {(sid, k, tid) for tid, sid, t in terms for k in term_keys(t)}


async def test_vocabulary_stays_right_after_load_replace_and_remove(tmp_path: Path) -> None:
    letters = sorted((DATA / "corpus" / "en").glob("S_2025_1*.txt"))[:3]
    mod = Actor("mod", moderator=True)
    async with Library(tmp_path / "v.db") as lib:
        await lib.load_files([(p.name, p.read_bytes()) for p in letters], "guild:1", mod)
        assert await _stored(lib) == await _recount(lib)
        await _keys_match_terms(lib)
        # Replacing a document with other content (same name) moves its terms.
        await lib.load_files([(letters[0].name, letters[1].read_bytes())], "guild:1", mod)
        assert await _stored(lib) == await _recount(lib)
        await _keys_match_terms(lib)
        before = (await lib.find("zanzibar kelbadjar", ["corpus", "guild:1"])).hits
        doc = (await lib.documents(["guild:1"]))[0]
        await lib.store.delete_document(doc.id)
        assert await _stored(lib) == await _recount(lib)
        for d in await lib.documents(["guild:1"]):
            await lib.store.delete_document(d.id)
        stored, n = await _stored(lib)
        assert not stored and not n
        assert before == []
        # Every key of the deletion index belongs to a live term.
        orphans = await lib.store.db.execute_fetchall(
            "SELECT COUNT(*) FROM vocab_del k LEFT JOIN vocab v ON v.id = k.term_id"
            " WHERE v.id IS NULL"
        )
        assert orphans[0][0] == 0


async def _fts_ok(lib: Library) -> None:
    db = lib.store._write
    assert db is not None
    await db.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('integrity-check')")
    await db.execute(
        "INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES ('integrity-check', 1)"
    )


async def test_bulk_indexing_keeps_fts5_whole_through_replace_and_remove(tmp_path: Path) -> None:
    """Paragraphs reach FTS5 in one statement per save: a source saved twice in one call, a
    replaced document and a removed one all leave the index equal to the paragraphs."""
    from bot.core.ingest import prepare

    letters = sorted((DATA / "corpus" / "en").glob("S_2025_1*.txt"))[:3]
    recs = [(p.name, prepare(p.name, p.read_bytes())) for p in letters]
    async with Library(tmp_path / "b.db") as lib:
        store = lib.store
        items = [(name, "0" * 64, rec) for name, rec in recs]
        # The first document twice in the same call: the second replaces the first.
        ids = await store.save_documents("guild:1", [*items, (recs[0][0], "1" * 64, recs[1][1])])
        assert len(ids) == 4
        await _fts_ok(lib)
        assert await _stored(lib) == await _recount(lib)
        await store.save_documents("guild:1", items[:1])
        await _fts_ok(lib)
        await store.delete_document(ids[1])
        await _fts_ok(lib)
        assert await _stored(lib) == await _recount(lib)
        word = next(t for t in sorted(index_terms(recs[2][1].paragraphs[-1].text)) if len(t) > 6)
        hits = (await lib.find(word, ["guild:1"])).hits
        assert hits and all(h.doc.scope == "guild:1" for h in hits)


async def test_a_database_from_before_the_index_is_indexed_on_open(tmp_path: Path) -> None:
    letter, other = sorted((DATA / "corpus" / "en").glob("S_2025_1*.txt"))[:2]
    async with Library(tmp_path / "old.db") as lib:
        await lib.load_files([(letter.name, letter.read_bytes())], "guild:1", Actor("m", True))
        # The corpus's counts are FTS5's less the servers': a letter in both tells them apart.
        files = [(p.name, p.read_bytes()) for p in (letter, other)]
        await lib.load_files(files, "corpus", Actor("m", True))
        expected = await _stored(lib)
        assert expected == await _recount(lib)
        await lib.store._write.execute("DELETE FROM vocab_del")  # type: ignore[union-attr]
        await lib.store._write.execute("DELETE FROM vocab")  # type: ignore[union-attr]
        await lib.store._write.execute(  # type: ignore[union-attr]
            "UPDATE vocab_scopes SET paragraphs = 0"
        )
        await lib.store._write.execute(  # type: ignore[union-attr]
            "UPDATE vocab_stats SET value = 0"
        )
    async with Library(tmp_path / "old.db") as lib:
        assert await _stored(lib) == expected
        await _keys_match_terms(lib)


MULTILINGUAL = {
    "ru.txt": "Заявление\n\nПредставители ассоциаций беженцев обсудили бездействие властей и "
    "объём в 5 m³ воды.\n\nВторой абзац о воде и ёлках.\n",
    "ar.txt": "بيان\n\nإن مجلس الأمن يؤكد من جديد التزامه القوي بسيادة الدول وسلامتها "
    "الإقليمية.\n\nويُقرِّر أن يبقي المسألة قيد نظره الفعلي.\n\nوإذ يحيط علماً بالقـــرار "
    "المتخذ.\n",
    "zh.txt": "声明\n\n安全理事会重申其对各国主权和领土完整的坚定承诺。\n\n决定继续积极处理此案。\n",
    "fr.txt": "Déclaration\n\nLe Conseil de sécurité réaffirme l'intégrité territoriale "
    "de l'État, cœur et œuvre.\n",
}
MULTI_QUERIES = [
    "يقرر",
    "القرار المتخذ",
    "ассоциаций",
    "ассоциации",
    "объём",
    "обьем",
    "m³",
    "ёлках",
    "مجلس الأمن",
    "الإقليمية",
    "安全理事会",
    "决定继续积极处理此案",
    "主权",
    "intégrité territoriale",
    "coeur",
    "cœur",
    "etat",
]


async def test_multilingual_terms_are_fts5s_and_find_agrees(tmp_path: Path) -> None:
    """The vocabulary holds exactly FTS5's terms (й, ё, ³ kept; é folded), and fast and
    exhaustive find agree on Russian, Arabic, Chinese and French."""
    async with Library(tmp_path / "m.db") as lib:
        files = [(k, v.encode()) for k, v in MULTILINGUAL.items()]
        await lib.load_files(files, "corpus", Actor("m", True))
        fts = await lib.store.db.execute_fetchall("SELECT term, doc FROM paragraphs_vocab")
        assert (await _stored(lib))[0] == Counter({("corpus", r[0]): r[1] for r in fts})
        await _keys_match_terms(lib)
        for q in MULTI_QUERIES:
            fast = await lib.store.run_read(find_sync, q, CORPUS, None, 10, {})
            slow = await lib.store.run_read(exhaustive_find, q, CORPUS, 10)
            assert _key(fast) == _key(slow), q
        for q in ("ассоциаций", "объём", "m³", "安全理事会", "cœur", "etat", "يقرر", "بالقرار"):
            assert (await lib.find(q, CORPUS)).hits, q
        # Vowel marks and the tatweel neither split words nor keep them from matching.
        hits = (await lib.find("يقرر أن يبقي المسألة", CORPUS)).hits
        assert hits and "ويُقرِّر" in hits[0].text
        assert "بالقرار" in {r[0] for r in fts} and "قر" not in {r[0] for r in fts}
        await _fts_ok(lib)
        # Replacing, then removing, a document whose paragraphs carry marks.
        marked = "تقرير\n\nويُقرِّر المجلسُ تمديدَ الولايةِ بالقـــرار.\n"
        await lib.load_files([("ar.txt", marked.encode())], "corpus", Actor("m", True))
        await _fts_ok(lib)
        assert await _stored(lib) == await _recount(lib)
        assert (await lib.find("المجلس تمديد الولاية", CORPUS)).hits
        doc = next(d for d in await lib.documents(CORPUS) if d.source == "ar.txt")
        await lib.store.delete_document(doc.id)
        await _fts_ok(lib)
        assert await _stored(lib) == await _recount(lib)
        await _keys_match_terms(lib)


async def test_a_database_indexed_before_migration_5_is_reindexed_without_arabic_marks(
    tmp_path: Path,
) -> None:
    async with Library(tmp_path / "old.db") as lib:
        await lib.load_files(
            [("ar.txt", MULTILINGUAL["ar.txt"].encode())], "corpus", Actor("m", True)
        )
    # Put the database back as migration 4 left it: FTS5 reading paragraphs.text itself.
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    conn.executescript(
        """
        DROP TRIGGER paragraphs_ad; DROP TABLE paragraphs_vocab; DROP TABLE paragraphs_fts;
        DROP VIEW paragraphs_fts_text; ALTER TABLE paragraphs DROP COLUMN fts_text;
        CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, content='paragraphs',
            content_rowid='id', tokenize="unicode61 remove_diacritics 2");
        CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
            INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text)
            VALUES ('delete', old.id, old.text);
        END;
        CREATE VIRTUAL TABLE paragraphs_vocab USING fts5vocab(paragraphs_fts, 'row');
        INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild');
        DROP TABLE vocab_del; DROP TABLE vocab; DROP TABLE vocab_scopes;
        CREATE TABLE vocab (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE, df INTEGER NOT NULL);
        CREATE TABLE vocab_del (key TEXT NOT NULL, term_id INTEGER NOT NULL,
            PRIMARY KEY (key, term_id)) WITHOUT ROWID;
        INSERT INTO vocab (term, df) SELECT term, doc FROM paragraphs_vocab;
        INSERT INTO vocab_del (key, term_id) SELECT term, id FROM vocab;
        DELETE FROM vocab_stats; INSERT INTO vocab_stats VALUES ('paragraphs', 3), ('ready', 1);
        DROP TABLE guild_settings;
        PRAGMA user_version = 4;
        """
    )
    split = {r[0] for r in conn.execute("SELECT term FROM vocab")}
    conn.close()
    assert "قر" in split  # what the marks did to ويُقرِّر, in the index and the vocabulary
    async with Library(tmp_path / "old.db") as lib:
        hits = (await lib.find("يقرر", CORPUS)).hits
        assert hits and "ويُقرِّر" in hits[0].text
        fts = await lib.store.db.execute_fetchall("SELECT term, doc FROM paragraphs_vocab")
        assert (await _stored(lib))[0] == Counter({("corpus", r[0]): r[1] for r in fts})
        await _keys_match_terms(lib)
        await _fts_ok(lib)


async def test_fast_find_equals_exhaustive_in_each_servers_view(tmp_path: Path) -> None:
    """Per-scope statistics: a server sees the corpus's and its own frequencies summed (a term
    both hold is counted from both), typo candidates from both, and nothing of another server;
    the fast find and the index look-ups equal the exhaustive ones counted from exactly the
    visible paragraphs. Terms are shared across scopes on purpose: guild:1 holds a corpus
    letter again, and both servers hold words the corpus has."""
    letters = sorted((DATA / "corpus" / "en").glob("S_2025_*.txt"))
    mod = Actor("mod", moderator=True)
    async with Library(tmp_path / "s.db") as lib:
        await lib.load_files([(p.name, p.read_bytes()) for p in letters[:6]], "corpus", mod)
        await lib.load_files([(p.name, p.read_bytes()) for p in letters[5:9]], "guild:1", mod)
        await lib.load_files([(p.name, p.read_bytes()) for p in letters[9:11]], "guild:2", mod)
        assert await _stored(lib) == await _recount(lib)
        await _keys_match_terms(lib)
        for scopes in (["corpus"], ["corpus", "guild:1"], ["corpus", "guild:2"], ["guild:1"]):
            for q in QUERIES:
                fast = await lib.store.run_read(find_sync, q, scopes, None, 10, {})
                slow = await lib.store.run_read(exhaustive_find, q, scopes, 10)
                assert _key(fast) == _key(slow), (scopes, q)
            entries = await lib.store.vocabulary(scopes)
            rows = await lib.store.db.execute_fetchall(
                "SELECT COUNT(*) FROM paragraphs p JOIN documents d ON d.id = p.doc_id"
                f" WHERE d.scope IN ({','.join('?' * len(scopes))})",
                scopes,
            )
            scan = Vocabulary(entries, rows[0][0])

            def indexed(conn: sqlite3.Connection, s: list[str] = scopes) -> dict:
                vocab = IndexedVocabulary(conn, {}, s)
                return {w: (vocab.expand(w), vocab.idf(w)) for w in WORDS}

            got = await lib.store.run_read(indexed)
            for w in WORDS:
                assert got[w] == (scan.expand(w), scan.idf(w)), (scopes, w)
        # Removing a server's document takes its terms from that server's counts only.
        doc = (await lib.documents(["guild:1"]))[0]
        await lib.store.delete_document(doc.id)
        assert await _stored(lib) == await _recount(lib)
        await _keys_match_terms(lib)
