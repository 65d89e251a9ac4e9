"""Read pipelines run whole in a store's worker thread, over any connection whose `execute(sql,
params)` takes `?` placeholders (SQLite's, or the PostgreSQL adapter of bot.core.pg.conn)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from bot.core.fairness import detail_rows
from bot.core.models import Paragraph
from bot.core.search import Hit, find_sync
from bot.core.store_base import SqlStore, StoredDocument
from bot.core.summary import contents, key_sentences

Finder = Callable[..., list[Hit]]  # find_sync's signature


def find_with_documents(
    conn: Any,
    queries: list[tuple[str, float, frozenset[str]]],
    scopes: list[str],
    doc_id: int | None,
    limit: int,
    cache: dict,
    stats: dict[str, int],
    finder: Finder = find_sync,
) -> tuple[list[Hit], dict[int, StoredDocument], list[int]]:
    """find_sync for each (query, weight), merged by weighted score (a passage found by an
    earlier query keeps that hit; on equal scores the earlier query comes first), then the
    hits' document rows in one SELECT (remembered for the generation). The list says which later
    queries contributed a hit."""
    merged: list[tuple[Hit, int]] = []
    seen: set[tuple[int, int]] = set()
    for rank, (q, weight, near) in enumerate(queries):
        if rank and len(merged) >= limit:
            # A hit of this query scores `weight` at best: when the top `limit` already reach
            # it, none would enter (ties go to the earlier query), so it is not run at all.
            top = sorted((h.score for h, _ in merged), reverse=True)[limit - 1]
            if top >= weight:
                break
        for h in finder(conn, q, scopes, doc_id, limit, cache, stats, near):
            if (h.doc_id, h.paragraph) not in seen:
                seen.add((h.doc_id, h.paragraph))
                merged.append((h if weight == 1.0 else replace(h, score=h.score * weight), rank))
    merged.sort(key=lambda x: -x[0].score)  # stable: ties keep query order
    hits = [h for h, _ in merged[:limit]]
    later = sorted({rank for _, rank in merged[:limit] if rank > 0})
    docs: dict[int, StoredDocument] = {}
    missing = []
    for h in hits:
        d = cache.get(("doc", h.doc_id))
        if d is not None:
            docs[h.doc_id] = d
        elif h.doc_id not in missing:
            missing.append(h.doc_id)
    if missing:
        rows = conn.execute(
            f"SELECT {SqlStore._DOC_COLS} FROM documents WHERE id IN ({','.join('?' * len(missing))})",
            missing,
        ).fetchall()
        for row in rows:
            d = cache[("doc", row[0])] = SqlStore._doc(row)
            docs[row[0]] = d
    return hits, docs, later


def summary_parts(conn: Any, doc_id: int, max_chars: int) -> tuple[list[str], list[str], int]:
    """Key sentences and the "Contents" of the first `max_chars` of a document, and its
    paragraph count, from one read of its paragraphs."""
    rows, count, _ = detail_rows(conn, doc_id, max_chars, max_chars)
    paragraphs = [Paragraph(idx, text, section) for idx, section, text in rows]
    return key_sentences(paragraphs), contents(paragraphs), count
