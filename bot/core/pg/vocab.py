"""The vocabulary index's maintenance in PostgreSQL (bot.core.vocab_index's apply_delta): the
same tables and the same keys (term_keys), written in bulk with COPY, in the caller's
transaction."""

from __future__ import annotations

from collections import Counter

from bot.core.pg.conn import PgConn
from bot.core.vocab_index import term_keys


def scope_id(conn: PgConn, scope: str) -> int:
    """The scope's row in vocab_scopes, made on its first use."""
    conn.execute(
        "INSERT INTO vocab_scopes (scope) VALUES (?) ON CONFLICT (scope) DO NOTHING", (scope,)
    )
    row = conn.execute("SELECT id FROM vocab_scopes WHERE scope = ?", (scope,)).fetchone()
    assert row is not None
    return int(row[0])


def apply_delta(conn: PgConn, delta: Counter[str], paragraphs: int, scope: str) -> None:
    """Add `delta` (term -> change in paragraph count) to `scope`'s vocabulary and the
    paragraph count to its statistics. New terms get their keys; terms that reach zero lose
    them."""
    sid = scope_id(conn, scope)
    if paragraphs:
        conn.execute(
            "UPDATE vocab_scopes SET paragraphs = paragraphs + ? WHERE id = ?", (paragraphs, sid)
        )
    neg = [(t, d) for t, d in delta.items() if d < 0]
    pos = sorted((t, d) for t, d in delta.items() if d > 0)
    if neg:
        _shrink(conn, sid, neg)
    if pos:
        _grow(conn, sid, pos)


def _grow(conn: PgConn, sid: int, pos: list[tuple[str, int]]) -> None:
    raw = conn.raw
    raw.execute(
        'CREATE TEMP TABLE IF NOT EXISTS vocab_delta (term text COLLATE "C", df integer)'
        " ON COMMIT DELETE ROWS"
    )
    raw.execute("DELETE FROM vocab_delta")
    with raw.cursor().copy("COPY vocab_delta (term, df) FROM STDIN") as copy:
        for row in pos:
            copy.write_row(row)
    # xmax = 0: the row was inserted, not updated (a term new to the scope).
    new = raw.execute(
        "INSERT INTO vocab (sid, term, df) SELECT %s, term, df FROM vocab_delta ORDER BY term"
        " ON CONFLICT (sid, term) DO UPDATE SET df = vocab.df + excluded.df"
        " RETURNING id, term, (xmax = 0)",
        (sid,),
    ).fetchall()
    with raw.cursor().copy("COPY vocab_del (sid, key, term_id) FROM STDIN") as copy:
        for tid, term, inserted in new:
            if inserted:
                for key in term_keys(term):
                    copy.write_row((sid, key, tid))


def _shrink(conn: PgConn, sid: int, neg: list[tuple[str, int]]) -> None:
    raw = conn.raw
    rows = raw.execute(
        "SELECT term, id, df FROM vocab WHERE sid = %s AND term = ANY(%s)",
        (sid, [t for t, _ in neg]),
    ).fetchall()
    known = {r[0]: (r[1], r[2]) for r in rows}
    ids: list[int] = []
    changes: list[int] = []
    gone_ids: list[int] = []
    gone_keys: list[tuple[str, int]] = []
    for term, d in neg:
        if term not in known:
            continue
        tid, df = known[term]
        if df + d <= 0:
            gone_ids.append(tid)
            gone_keys.extend((k, tid) for k in term_keys(term))
        else:
            ids.append(tid)
            changes.append(d)
    if ids:
        raw.execute(
            "UPDATE vocab v SET df = v.df + g.d FROM unnest(%s::bigint[], %s::integer[])"
            " AS g(id, d) WHERE v.id = g.id",
            (ids, changes),
        )
    if gone_ids:
        raw.execute(
            "DELETE FROM vocab_del k USING unnest(%s::text[], %s::bigint[]) AS g(key, tid)"
            " WHERE k.sid = %s AND k.key = g.key AND k.term_id = g.tid",
            ([k for k, _ in gone_keys], [t for _, t in gone_keys], sid),
        )
        raw.execute("DELETE FROM vocab WHERE id = ANY(%s)", (gone_ids,))
