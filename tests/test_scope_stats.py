"""One server's uploads neither show in nor change another server's find.

Server A (guild:1) uploads near-spellings of "ceasefire" and "violations" (every one-edit
variant, written out below, in many paragraphs, so they would outnumber the real spelling) and
a word no other document holds. Server B (guild:2), which has its own private letter, must get
the very same hits and scores before, during and after, for its typos, for A's word and for
queries mixing A's word with its own; A, meanwhile, does see what it uploaded.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.core.library import Actor, Library
from bot.core.search import IndexedVocabulary, exhaustive_find, find_sync
from conftest import DATA

MOD = Actor("mod", moderator=True)
A, B = "guild:1", "guild:2"
SEEN_BY_A, SEEN_BY_B = ["corpus", A], ["corpus", B]
SECRET = "quorvindel"  # only in A's upload


def _one_edit_variants(word: str) -> list[str]:
    """Every deletion, swap of neighbours and doubled letter of `word` (OSA distance 1)."""
    out = set()
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1 :])
        out.add(word[:i] + word[i] + word[i:])
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    out.discard(word)
    return sorted(out)


def _poison() -> bytes:
    cease = _one_edit_variants("ceasefire")
    viol = _one_edit_variants("violations")
    paras = [
        f"The {c} {v} were reported again near the line, {SECRET} said."
        for c, v in zip(cease * 3, viol * 3, strict=False)
    ]
    return ("Note\n\n" + "\n\n".join(paras) + "\n").encode()


QUERIES = [
    "ceasfire violations",
    "ceasefire",
    "violations of the ceasefire",
    "ceasefire agreement",
    SECRET,
    f"{SECRET} ceasefire",
    "humanitarian access",
    "security council",
]


async def _answers(lib: Library, scopes: list[str], queries: list[str]) -> dict:
    out = {}
    for q in queries:
        res = await lib.find(q, scopes, limit=10)
        out[q] = [(h.doc.id, h.paragraph, h.score) for h in res.hits]
    return out


async def _view(lib: Library, scopes: list[str], words: list[str]) -> tuple:
    def read(conn: sqlite3.Connection) -> tuple:
        v = IndexedVocabulary(conn, {}, scopes)
        return v.paragraphs, [(v.df_of(w), v.idf(w), v.expand(w)) for w in words]

    return await lib.store.run_read(read)


async def test_a_servers_uploads_change_nothing_for_another(tmp_path: Path) -> None:
    letters = sorted((DATA / "corpus" / "en").glob("S_2025_*.txt"))
    corpus = [p for p in letters if "ceasefire" in p.read_text(encoding="utf-8").lower()][:4]
    private = letters[-1]  # B's own letter, not in the corpus
    assert len(corpus) == 4 and private not in corpus
    async with Library(tmp_path / "scopes.db") as lib:
        await lib.load_files([(p.name, p.read_bytes()) for p in corpus], "corpus", MOD)
        await lib.load_files([(private.name, private.read_bytes())], B, MOD)
        b_word = max(
            (w for w in private.read_text(encoding="utf-8").lower().split() if w.isalpha()),
            key=len,
        )
        queries = [*QUERIES, f"{SECRET} {b_word}", b_word]
        words = ["ceasfire", "ceasefire", "violatons", SECRET, b_word]
        b_before = await _answers(lib, SEEN_BY_B, queries)
        a_before = await _answers(lib, SEEN_BY_A, queries)
        view_before = await _view(lib, SEEN_BY_B, words)
        assert b_before["ceasfire violations"], "B's typo must find the corpus's ceasefire"
        assert not b_before[SECRET]

        await lib.load_files([("note.txt", _poison())], A, MOD)
        # A sees its own upload: its typo now meets A's near-spellings, and A's word.
        a_after = await _answers(lib, SEEN_BY_A, queries)
        assert a_after["ceasfire violations"] != a_before["ceasfire violations"]
        assert a_after[SECRET]
        # B sees nothing of it: the same hits with the same scores, to the last bit.
        assert await _answers(lib, SEEN_BY_B, queries) == b_before
        assert await _view(lib, SEEN_BY_B, words) == view_before
        # The fast find still equals the exhaustive one, in both servers.
        for scopes in (SEEN_BY_A, SEEN_BY_B):
            for q in queries:
                fast = await lib.store.run_read(find_sync, q, scopes, None, 10, {})
                slow = await lib.store.run_read(exhaustive_find, q, scopes, 10)
                assert [(h.doc_id, h.paragraph, h.score) for h in fast] == [
                    (h.doc_id, h.paragraph, h.score) for h in slow
                ], (scopes, q)

        # And when A removes it, A is back where it was; B never moved.
        doc = next(d for d in await lib.documents([A]) if d.source == "note.txt")
        await lib.store.delete_document(doc.id)
        assert await _answers(lib, SEEN_BY_A, queries) == a_before
        assert await _answers(lib, SEEN_BY_B, queries) == b_before


async def test_the_corpus_alone_is_not_changed_by_a_server(tmp_path: Path) -> None:
    """Direct messages and the console see the corpus only: a server's upload is not in it."""
    letter = sorted((DATA / "corpus" / "en").glob("S_2025_*.txt"))[0]
    async with Library(tmp_path / "c.db") as lib:
        await lib.load_files([(letter.name, letter.read_bytes())], "corpus", MOD)
        before = await _answers(lib, ["corpus"], QUERIES)
        view = await _view(lib, ["corpus"], ["ceasfire", SECRET])
        await lib.load_files([("note.txt", _poison())], A, MOD)
        assert await _answers(lib, ["corpus"], QUERIES) == before
        assert await _view(lib, ["corpus"], ["ceasfire", SECRET]) == view
