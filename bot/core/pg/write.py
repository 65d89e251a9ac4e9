"""Writes to the PostgreSQL store, run in its writer's thread: a load is ONE transaction
(documents, paragraphs with their tsvectors, citations, symbols, vocabulary, the generation),
so a failed load leaves nothing. Writers to one scope take turns (an advisory lock per scope),
and (scope, source) is unique: two processes loading the same file never double it."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field

from bot.core.models import DocumentRecord
from bot.core.pg.conn import PgConn, PgWriter, rollback
from bot.core.pg.text import paragraph_tsvector
from bot.core.pg.vocab import apply_delta
from bot.core.storage_write import (
    INSERT_DOCUMENT,
    INSERT_HOP,
    SaveProgress,
    document_values,
    forget_paragraphs,
)
from bot.core.symbols import symbol_key

Item = tuple[str, str, DocumentRecord]
ANALYZE_AFTER = 20_000  # paragraphs stored in one load that call for fresh statistics
# ...or this share of the paragraphs the statistics know of: a load that grows the tables by a
# tenth leaves the planner pricing vocab_del by its old size, and it then reads a whole scope's
# keys (100,000 rows, 15-30 ms) for each vocabulary look-up instead of seeking each key.
ANALYZE_SHARE = 0.1


@dataclass(slots=True)
class Pending:
    terms: Counter[str] = field(default_factory=Counter)  # term -> change in paragraphs
    count: int = 0  # change in the number of paragraphs
    count_new: bool = True  # False: the caller gave the new paragraphs' terms


def lock_scope(conn: PgConn, scope: str) -> None:
    """Until this transaction ends, no other writer (any process) changes this scope."""
    conn.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (f"rapporteur:{scope}",))


def bump_generation(conn: PgConn) -> int:
    row = conn.execute(
        "UPDATE store_meta SET value = value + 1 WHERE name = 'generation' RETURNING value"
    ).fetchone()
    assert row is not None  # migration 001 makes the row
    return int(row[0])


async def save_stream(
    writer: PgWriter,
    scope: str,
    batches: AsyncIterator[Sequence[Item]],
    loaded_by: str | None,
    progress: SaveProgress | None,
    total: int,
    terms: Counter[str] | None,
) -> tuple[list[int], int]:
    """Store.save_stream's work in ONE transaction; (ids, the new generation)."""
    await writer.run(_begin, scope)
    pending = Pending(count_new=terms is None)
    try:
        ids: list[int] = []
        async for batch in batches:
            for first in range(0, len(batch), INSERT_HOP):
                hop = batch[first : first + INSERT_HOP]
                ids += await writer.run(insert_many, scope, hop, loaded_by, pending)
                if progress is not None:
                    progress(len(ids), max(total, len(ids)))
        pending.terms.update(terms or {})
        generation = await writer.run(_finish, pending, scope)
    except BaseException:
        await writer.run(rollback)
        raise
    await writer.run(settle, pending.count)
    return ids, generation


def settle(conn: PgConn, added: int | bool = 0) -> None:
    """After a write commits: the text index's pending entries merged into it (each find would
    otherwise read through all of them: 7 ms, against 0.06 ms once merged), and after a load
    of `added` paragraphs that is large against what the planner knows (True: always), fresh
    planner statistics (autovacuum would bring them only a minute or so later)."""
    conn.execute("SELECT gin_clean_pending_list('paragraphs_tsv'::regclass)")
    if added is True or (added and stale_statistics(conn, added)):
        analyze(conn)


def stale_statistics(conn: PgConn, added: int) -> bool:
    if added >= ANALYZE_AFTER:
        return True
    row = conn.execute("SELECT reltuples FROM pg_class WHERE oid = 'paragraphs'::regclass")
    known = row.fetchone()
    return known is None or added >= ANALYZE_SHARE * max(float(known[0]), 0.0)


def analyze(conn: PgConn) -> None:
    """Fresh planner statistics: after a bulk load the old ones (or none) would have the
    planner scan every paragraph rather than use the text index."""
    conn.execute("ANALYZE paragraphs, documents, vocab, vocab_del")


def _begin(conn: PgConn, scope: str) -> None:
    conn.execute("BEGIN")
    try:
        lock_scope(conn, scope)
    except BaseException:
        rollback(conn)
        raise


def _finish(conn: PgConn, pending: Pending, scope: str) -> int:
    apply_delta(conn, pending.terms, pending.count, scope)
    generation = bump_generation(conn)
    conn.execute("COMMIT")
    return generation


def insert_many(
    conn: PgConn, scope: str, items: Sequence[Item], loaded_by: str | None, pending: Pending
) -> list[int]:
    """Documents one by one (their ids), then their paragraphs and citations in one COPY each."""
    ids = []
    paragraphs: list[tuple[int, str, int, str, str, str]] = []
    citations: list[tuple[int, str, str, str, int | None, str, int]] = []
    for source, sha, record in items:
        doc_id = _insert_document(conn, scope, source, sha, record, loaded_by, pending)
        ids.append(doc_id)
        for p in record.paragraphs:
            tsv, tokens = paragraph_tsvector(p.text)
            if pending.count_new:
                pending.terms.update(set(tokens))
            paragraphs.append((doc_id, scope, p.index, p.section, p.text, tsv))
        pending.count += len(record.paragraphs)
        citations.extend(
            (doc_id, c.symbol, c.kind, c.body, c.paragraph, c.surface, int(c.year_inferred))
            for c in record.citations
        )
    cur = conn.raw.cursor()
    with cur.copy("COPY paragraphs (doc_id, scope, idx, section, text, tsv) FROM STDIN") as copy:
        for row in paragraphs:
            copy.write_row(row)
    if citations:
        with cur.copy(
            "COPY citations (doc_id, symbol, kind, body, paragraph, surface, year_inferred)"
            " FROM STDIN"
        ) as copy:
            for c in citations:
                copy.write_row(c)
    return ids


def _insert_document(
    conn: PgConn,
    scope: str,
    source: str,
    sha: str,
    record: DocumentRecord,
    loaded_by: str | None,
    pending: Pending,
) -> int:
    old = conn.execute(
        "SELECT id FROM documents WHERE scope = ? AND source = ?", (scope, source)
    ).fetchone()
    if old:
        remove_document(conn, old[0], pending)
    row = conn.execute(
        INSERT_DOCUMENT + " RETURNING id", document_values(scope, source, sha, record, loaded_by)
    ).fetchone()
    assert row is not None
    doc_id = int(row[0])
    keys = sorted({symbol_key(s) for s in record.symbols})
    if keys:
        conn.raw.execute(
            "INSERT INTO doc_symbols (key, doc_id) SELECT k, %s FROM unnest(%s::text[]) AS k"
            " ON CONFLICT DO NOTHING",
            (doc_id, keys),
        )
    return doc_id


def remove_document(conn: PgConn, doc_id: int, pending: Pending) -> None:
    """Delete a document (its rows cascade) and take its paragraphs' terms from the vocabulary."""
    forget_paragraphs(conn, doc_id, pending)
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def delete_documents(conn: PgConn, doc_ids: Sequence[int], scope: str | None = None) -> int:
    """Remove documents, in the caller's transaction; the generation after (0: nothing gone)."""
    by_scope: dict[str, list[int]] = {}
    for doc_id in doc_ids:
        row = conn.execute("SELECT scope FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row:
            by_scope.setdefault(row[0], []).append(doc_id)
    if not by_scope:
        return 0
    for s in sorted(by_scope):
        lock_scope(conn, s)
    removed = 0
    for s, ids in by_scope.items():
        pending = Pending()
        for doc_id in ids:
            # Still there now that the scope is ours (another process may have removed it).
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
                remove_document(conn, doc_id, pending)
                removed += 1
        apply_delta(conn, pending.terms, pending.count, s)
    return bump_generation(conn) if removed else 0


def delete_sources(conn: PgConn, scope: str, sources: Sequence[str]) -> tuple[int, int]:
    """Remove a scope's documents by file name; (how many, the generation after, or 0)."""
    lock_scope(conn, scope)
    rows = conn.execute(
        "SELECT id FROM documents WHERE scope = ? AND source = ANY(?)", (scope, list(sources))
    ).fetchall()
    ids = [r[0] for r in rows]
    return len(ids), delete_documents(conn, ids) if ids else 0
