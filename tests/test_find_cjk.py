"""Chinese is found inside runs of characters: pairs of characters in the index and the query.

Cases come from the Chinese Universal Declaration in data/ (the bundled corpus): 人权 only ever
stands inside longer runs there, and queries are cut from the middle of its own sentences.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from pathlib import Path

from test_search_equivalence import _fts_ok, _key, _keys_match_terms, _stored

from bot.core.library import Actor, Library
from bot.core.search import exhaustive_find, find_sync
from bot.core.vocab_index import fold_text, fts_form, fts_token_spans, term_keys
from conftest import DATA

UDHR_ZH = DATA / "corpus" / "zh" / "A_RES_217_A_III_UDHR_zh.txt"
CORPUS = ["corpus"]
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def _fts_terms(text: str) -> list[str]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(f, 'instance')")
    conn.execute("INSERT INTO f VALUES (?)", (fts_form(text) or text,))
    return [r[0] for r in conn.execute("SELECT term FROM v ORDER BY offset")]


def test_fold_text_gives_the_terms_fts5_indexes_and_spans_point_at_them() -> None:
    for para in UDHR_ZH.read_text(encoding="utf-8").split("\n\n")[:12]:
        assert fold_text(para).split() == _fts_terms(para)
        for term, s, e in fts_token_spans(para):
            if _HAN.fullmatch(term):
                assert para[s:e] == term
    assert fold_text("第217A(III)号决议").split() == ["第", "217a", "iii", "号决", "决议"]


def _inner_queries(text: str) -> list[tuple[str, str]]:
    """(paragraph, 4-6 characters from inside its longest run) for the longest paragraphs."""
    paras = sorted(text.split("\n\n"), key=len, reverse=True)[:6]
    out = []
    for n, para in zip((4, 5, 6, 4, 5, 6), paras, strict=True):
        run = max(_HAN.findall(para), key=len)
        mid = len(run) // 2
        out.append((para, run[mid - n // 2 : mid - n // 2 + n]))
    return out


async def test_renquan_is_found_inside_runs_in_the_chinese_declaration(corpus_lib: Library) -> None:
    res = await corpus_lib.find("人权", CORPUS, limit=10)
    holding = await corpus_lib.store.db.execute_fetchall(
        "SELECT doc_id, idx FROM paragraphs WHERE text LIKE '%人权%' AND section != 'masthead'"
    )
    assert len(holding) >= 5  # every passage holding it, and nothing else
    own = res.hits[: len(holding)]  # then the passages found in the other languages
    assert {(h.doc.id, h.paragraph) for h in own} == {tuple(r) for r in holding}
    for h in own:
        assert h.doc.source.endswith("UDHR_zh.txt")
        assert h.spans and all("人权" in h.text[s:e] for s, e in h.spans)
    # A query cut from the middle of a sentence finds that sentence first; fast = exhaustive.
    for para, query in _inner_queries(UDHR_ZH.read_text(encoding="utf-8")):
        res = await corpus_lib.find(query, CORPUS, limit=5)
        assert res.hits and " ".join(para.split()) in " ".join(res.hits[0].text.split()), query
        assert any(query in res.hits[0].text[s:e] for s, e in res.hits[0].spans), query
        fast = await corpus_lib.store.run_read(find_sync, query, CORPUS, None, 10, {})
        slow = await corpus_lib.store.run_read(exhaustive_find, query, CORPUS, 10)
        assert _key(fast) == _key(slow), query


async def test_a_database_indexed_with_whole_runs_is_reindexed_in_pairs(tmp_path: Path) -> None:
    text = UDHR_ZH.read_text(encoding="utf-8")
    async with Library(tmp_path / "old.db") as lib:
        await lib.load_files([("zh.txt", text.encode())], "corpus", Actor("m", True))
    # Back to what migration 7 left: FTS5 and the vocabulary over whole runs.
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    conn.execute("UPDATE paragraphs SET fts_text = NULL")
    conn.execute("INSERT INTO paragraphs_fts (paragraphs_fts) VALUES ('rebuild')")
    conn.execute("DELETE FROM vocab_del")
    conn.execute("DELETE FROM vocab")
    conn.execute(
        "INSERT INTO vocab (sid, term, df) SELECT (SELECT id FROM vocab_scopes), term, doc"
        " FROM paragraphs_vocab"
    )
    terms = conn.execute("SELECT sid, id, term FROM vocab").fetchall()
    conn.executemany(
        "INSERT INTO vocab_del (sid, key, term_id) VALUES (?, ?, ?)",
        [(sid, k, tid) for sid, tid, t in terms for k in term_keys(t)],
    )
    conn.execute("DROP TABLE guild_settings")  # migration 009's
    conn.execute("PRAGMA user_version = 7")
    assert "人权" not in {r[0] for r in conn.execute("SELECT term FROM vocab")}
    conn.close()
    async with Library(tmp_path / "old.db") as lib:
        assert (await lib.find("人权", CORPUS)).hits
        fts = await lib.store.db.execute_fetchall("SELECT term, doc FROM paragraphs_vocab")
        assert (await _stored(lib))[0] == Counter({("corpus", r[0]): r[1] for r in fts})
        await _keys_match_terms(lib)
        await _fts_ok(lib)
