"""The typo index costs at most a bounded number of keys per word: a long word, or Chinese text
(whose runs FTS5 keeps whole), no longer multiplies the database, and removing them is cheap.

The long words are generated here (random letters, fixed seed); sizes are read from SQLite's
page count, never timed.
"""

from __future__ import annotations

import random
import sqlite3
import tracemalloc
from pathlib import Path

import pytest

from bot.core.library import Actor, Library
from bot.core.search import exhaustive_find, find_sync
from bot.core.vocab_index import MAX_FILED, MAX_FUZZY, index_terms, term_keys
from conftest import CORPUS

MOD = Actor("mod", moderator=True)
GUILD = "guild:1"
SCOPES = ["corpus", GUILD]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(n))


async def _db_bytes(lib: Library) -> int:
    """The database's logical size (WAL content included): page count times page size."""
    pages = (await lib.store.db.execute_fetchall("PRAGMA page_count"))[0][0]
    size = (await lib.store.db.execute_fetchall("PRAGMA page_size"))[0][0]
    return int(pages) * int(size)


async def _count(lib: Library, table: str) -> int:
    return (await lib.store.db.execute_fetchall(f"SELECT COUNT(*) FROM {table}"))[0][0]


async def test_a_40000_character_word_adds_no_typo_keys_and_leaves_cleanly(tmp_path: Path) -> None:
    word = _word(random.Random(40_000), 40_000)
    data = f"Note verbale\n\nThe delegation transmits {word} herewith.\n".encode()
    async with Library(tmp_path / "long.db") as lib:
        # A first upload, so the tables' first pages exist before the measure.
        await lib.load_files([("a.txt", b"Letter\n\nThe ceasefire holds.\n")], GUILD, MOD)
        before_bytes, before_keys = await _db_bytes(lib), await _count(lib, "vocab_del")
        report = await lib.load_files([("long.txt", data)], GUILD, MOD)
        assert report.loaded and not report.failed
        grown = await _db_bytes(lib) - before_bytes
        added = await _count(lib, "vocab_del") - before_keys
        # Before the bound: 38,475 keys of ~40 KB each, 1.6 GB. Now the text is kept a few times
        # (paragraph, FTS5, the vocabulary term and its index), and the short words' keys.
        assert term_keys(word) == set()
        others = index_terms(data.decode()) - {word}
        assert 0 < added <= sum(len(term_keys(w)) for w in others)
        assert grown < 12 * len(data), grown
        # The word is in the vocabulary, with no keys, and its paragraph is found by its other
        # words (find scores the first 20,000 characters of a paragraph: bot.core.search).
        held = await lib.store.db.execute_fetchall(
            "SELECT COUNT(*) FROM vocab v WHERE v.term = ?", (word,)
        )
        assert held[0][0] == 1
        hits = (await lib.find("delegation transmits", SCOPES)).hits
        assert hits and word in hits[0].text
        # Removing it builds no key set: Python's peak while removing stays small.
        doc = next(d for d in await lib.documents([GUILD]) if d.source == "long.txt")
        tracemalloc.start()
        await lib.store.delete_document(doc.id)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert peak < 4 * 2**20, peak  # before: 1.47 GB for this word
        assert await _count(lib, "vocab_del") == before_keys
        orphans = await lib.store.db.execute_fetchall(
            "SELECT COUNT(*) FROM vocab v WHERE v.term = ?", (word,)
        )
        assert orphans[0][0] == 0


async def test_words_at_the_filing_bound_keep_their_typo_matches(tmp_path: Path) -> None:
    """Terms up to MAX_FILED letters keep every key a query word can meet; longer ones have none,
    and the fast find still equals the exhaustive one on both sides of the bound."""
    rng = random.Random(25)
    words = {n: _word(rng, n) for n in range(MAX_FUZZY - 2, MAX_FILED + 3)}
    text = "Report\n\n" + "\n\n".join(f"The term {w} appears here." for w in words.values())
    async with Library(tmp_path / "bound.db") as lib:
        await lib.load_files([("bound.txt", text.encode())], GUILD, MOD)
        keyed = dict(
            await lib.store.db.execute_fetchall(
                "SELECT v.term, COUNT(k.key) FROM vocab v LEFT JOIN vocab_del k"
                " ON k.term_id = v.id AND k.sid = v.sid GROUP BY v.term"
            )
        )
        for n, w in words.items():
            assert (keyed[w] > 0) == (n <= MAX_FILED), (n, keyed[w])
        queries = []
        for w in words.values():
            queries += [w[:5] + w[6:], w[:3] + "x" + w[4:], w[:-2], w[1:-1]]  # typos, cut ends
        for q in queries:
            fast = await lib.store.run_read(find_sync, q, SCOPES, None, 10, {})
            slow = await lib.store.run_read(exhaustive_find, q, SCOPES, 10)
            assert [(h.paragraph, round(h.score, 9)) for h in fast] == [
                (h.paragraph, round(h.score, 9)) for h in slow
            ], q
        # A one-letter typo in a word of MAX_FUZZY letters still finds it.
        w = words[MAX_FUZZY]
        hits = (await lib.find(w[:4] + w[5:6] + w[4:5] + w[6:], SCOPES)).hits
        assert hits and w in hits[0].text


def _chinese() -> Path:
    path = CORPUS / "zh" / "A_RES_217_A_III_UDHR_zh.txt"
    if not path.exists():
        pytest.skip(f"the Chinese Universal Declaration is not at {path}")
    return path


def _parallel(lang: str, lines: int) -> bytes:
    path = CORPUS / "parallel" / "unpc_v1.0_devset" / f"UNv1.0.devset.{lang}"
    if not path.exists():
        pytest.skip(f"the UN parallel corpus is not at {path}")
    text = path.read_text(encoding="utf-8").splitlines()[:lines]
    return ("Document\n\n" + "\n\n".join(text)).encode()


async def test_chinese_text_grows_the_database_no_more_than_english(tmp_path: Path) -> None:
    """The same 1,500 UN sentences in Chinese and in English: before the bound the Chinese text
    grew the database 29 times its size (86,000 keys for 2,000 sentences), English 5 times."""
    growth = {}
    keys = {}
    for lang in ("zh", "en"):
        data = _parallel(lang, 1500)
        async with Library(tmp_path / f"{lang}.db") as lib:
            await lib.load_files([("first.txt", b"Letter\n\nThe ceasefire holds.\n")], GUILD, MOD)
            b0, k0 = await _db_bytes(lib), await _count(lib, "vocab_del")
            report = await lib.load_files([(f"{lang}.txt", data)], GUILD, MOD)
            assert report.loaded and not report.failed
            growth[lang] = (await _db_bytes(lib) - b0) / len(data)
            keys[lang] = await _count(lib, "vocab_del") - k0
    assert growth["zh"] <= 1.5 * growth["en"], growth
    assert keys["zh"] < keys["en"] / 10, keys  # only runs of two or three characters


async def test_chinese_find_still_finds_the_declaration(tmp_path: Path) -> None:
    path = _chinese()
    async with Library(tmp_path / "zh.db") as lib:
        await lib.load_files([(path.name, path.read_bytes())], GUILD, MOD)
        hits = (await lib.find("世界人权宣言", SCOPES)).hits
        assert any("《世界人权宣言》" in h.text for h in hits), [h.text[:40] for h in hits]
        assert any(h.text.strip() == "世界人权宣言" for h in hits)
        # A run's beginning finds the runs that start with it (as before the bound).
        hits = (await lib.find("人人有权", SCOPES)).hits
        assert len(hits) >= 5 and all("人人有权" in h.text for h in hits)
        # (A run's beginning is fetched through its 8 commonest runs only, so "人人有权" is
        # left out here: the exhaustive scorer credits all 10, before and after the bound.)
        for q in ("世界人权宣言", "人权", "宣言"):
            fast = await lib.store.run_read(find_sync, q, SCOPES, None, 10, {})
            slow = await lib.store.run_read(exhaustive_find, q, SCOPES, 10)
            assert [(h.paragraph, round(h.score, 9)) for h in fast] == [
                (h.paragraph, round(h.score, 9)) for h in slow
            ], q
        # No Chinese term is filed for typos: they are pairs of characters, matched exactly.
        conn = sqlite3.connect(lib.store.path)
        filed = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT v.term FROM vocab_del k JOIN vocab v ON v.id = k.term_id"
            )
        ]
        conn.close()
        han = [t for t in filed if any("\u4e00" <= ch <= "\u9fff" for ch in t)]
        assert not han, han[:5]
