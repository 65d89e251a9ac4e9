"""Find over PostgreSQL: search.find_sync's planning and re-ranking, with candidates fetched
through the paragraphs' tsvector (GIN) and the vocabulary index in PostgreSQL tables."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from bot.core.pg.text import body_tsquery, tsquery_of
from bot.core.search import Probe, find_sync
from bot.core.vocab_index import IndexedVocabulary


class PgVocabulary(IndexedVocabulary):
    """The vocabulary index's look-ups, as SQLite's, over the same tables in PostgreSQL."""

    def __init__(self, conn: Any, cache: dict | None = None, scopes: Sequence[str] = ()) -> None:
        super().__init__(conn, cache, scopes)
        if not self.sids:  # no scope has a vocabulary yet: PostgreSQL refuses `IN ()`
            self._in = "sid IN (NULL)"

    def df_of(self, term: str) -> int:
        if "\0" in term:  # a text no paragraph holds (search.analyse's "\0"); PostgreSQL
            return 0  # text cannot hold NUL at all
        return super().df_of(term)

    def _lookup(self, keys: Iterable[str]) -> dict[str, int]:
        """As SQLite's, in one statement whatever the number of keys: one text, so psycopg
        prepares it once per connection instead of PostgreSQL planning a new IN list each time."""
        rows = self.conn.execute(
            "SELECT v.term, v.df FROM vocab_del k JOIN vocab v ON v.id = k.term_id"
            " WHERE k.sid = ANY(?) AND k.key = ANY(?) GROUP BY v.id, v.term, v.df",
            (self.sids, [k for k in keys if "\0" not in k]),
        ).fetchall()
        out: dict[str, int] = {}
        for term, df in rows:  # a term held by two scopes: both rows, summed
            out[term] = out.get(term, 0) + df
        return out


def pg_fetch(
    conn: Any,
    probe: Probe,
    scopes: Sequence[str],
    seen: dict[int, tuple[int, int, int, str]],
    within: tuple[int, int, int] | None = None,
) -> None:
    """search._fetch over the tsvector index: the probe's rows (up to its LIMIT) in `scopes`,
    or in one document when `within` = (doc id, first, last paragraph id)."""
    inside, args = "", []
    if within is not None:
        inside, args = " AND p.doc_id = ?", [within[0]]
    rows = conn.execute(
        "SELECT p.id, p.doc_id, p.idx, p.text FROM paragraphs p"
        " WHERE p.tsv @@ ?::tsquery AND p.scope = ANY(?) AND p.section <> 'masthead'"
        f"{inside} LIMIT ?",
        [tsquery_of(probe.match), list(scopes), *args, probe.limit],
    ).fetchall()
    for r in rows:
        seen.setdefault(r[0], tuple(r))


pg_find_sync = functools.partial(find_sync, fetch=pg_fetch, vocabulary=PgVocabulary)


def body_hits(conn: Any, terms: list[tuple[str, str]]) -> dict[int, dict[str, int]]:
    """lookup.body_hits over the tsvector index: doc id -> {word: paragraphs holding it}."""
    out: dict[int, dict[str, int]] = {}
    for word, query in terms:
        q = body_tsquery(query)
        if q is None:
            continue
        rows = conn.execute(
            "SELECT doc_id, count(*) FROM paragraphs WHERE tsv @@ ?::tsquery GROUP BY doc_id",
            (q,),
        ).fetchall()
        for doc_id, n in rows:
            out.setdefault(doc_id, {})[word] = n
    return out
