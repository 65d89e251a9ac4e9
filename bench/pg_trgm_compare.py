"""PgStore's find (vocabulary index + GIN tsvector, re-ranked in Python) against pg_trgm.

    python bench/pg_trgm_compare.py [--sizes 100000,1000000] [--queries 300] [--db postgresql-temp]

For each size: the corpus of bench/scale_bench.py (same generator, same seeds) is built into
PgStore on a throw-away PostgreSQL 15 (or a server named by URL), the same user-shaped queries
are sampled (0-2 typos), and the passages are copied into a plain table holding the text folded
by PgStore's own fold_text (case, accents), with a pg_trgm GIN index. The trigram operator and
threshold are tuned on the warm-up queries (never the measured ones), then three finds run on
every measured query, alternating their order: PgStore's Library.find; pg_trgm alone (GIN
candidates by the operator, ordered by similarity, top 10); pg_trgm's top CANDIDATES re-ranked
in Python by rapidfuzz partial_ratio over the folded text (the order half of PgStore's ranking).
Relaxed recall@10 as scale_bench's (the top 10 holds the phrase the query was cut from). Prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import psycopg
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pg_bench import PgDatabases
from scale_bench import WARMUP, _ms, _p95, build, sample_queries
from scale_corpus import Generator, contains, load_streams

from bot.core.library import Library
from bot.core.vocab_index import fold_text

CANDIDATES = 100  # trigram candidates handed to the Python re-ranking
TIMEOUT_MS = 10_000  # a trigram query past this counts as a miss at this latency
# (operator, similarity function, threshold setting, threshold): tried on the warm-up queries.
OPERATORS = {
    "<%": ("word_similarity", "pg_trgm.word_similarity_threshold"),
    "<<%": ("strict_word_similarity", "pg_trgm.strict_word_similarity_threshold"),
}
THRESHOLDS = "0.3,0.4,0.5,0.6"


def build_trgm(conn: psycopg.Connection) -> dict[str, Any]:
    """The plain table of folded passages (the text PgStore's tsvector is made of) and its index."""
    t0 = time.perf_counter()
    conn.execute("DROP TABLE IF EXISTS trgm_para")
    conn.execute(
        "CREATE TABLE trgm_para (id bigint PRIMARY KEY, doc_id bigint NOT NULL,"
        " idx integer NOT NULL, text text NOT NULL, folded text NOT NULL)"
    )
    conn.commit()
    read = conn.cursor(name="src")  # server-side: a million rows are not held at once
    read.execute(
        "SELECT id, doc_id, idx, text FROM paragraphs"
        " WHERE scope = 'corpus' AND section <> 'masthead'"
    )
    copy = "COPY trgm_para (id, doc_id, idx, text, folded) FROM STDIN"
    with psycopg.connect(conn.info.dsn) as w, w.cursor() as cur, cur.copy(copy) as cp:
        for pid, doc, idx, text in read:
            cp.write_row((pid, doc, idx, text, fold_text(text)))
    read.close()
    conn.commit()
    fill_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    conn.execute("CREATE INDEX trgm_para_folded ON trgm_para USING gin (folded gin_trgm_ops)")
    conn.execute("ANALYZE trgm_para")
    conn.commit()
    index_s = time.perf_counter() - t0
    size = conn.execute("SELECT pg_relation_size('trgm_para_folded')").fetchone()[0]
    table = conn.execute("SELECT pg_total_relation_size('trgm_para')").fetchone()[0] - size
    return {
        "fill_with_folded_text_s": round(fill_s, 2),
        "index_build_s": round(index_s, 2),
        "index_mb": round(size / 2**20, 1),
        "table_mb": round(table / 2**20, 1),
    }


def pgstore_index(conn: psycopg.Connection) -> dict[str, Any]:
    """PgStore's search structures: the tsvector GIN and the vocabulary tables (with indexes).
    They are built while loading; REINDEX times rebuilding the GIN index from the stored rows."""
    mb = {
        rel: conn.execute("SELECT pg_total_relation_size(%s)", (rel,)).fetchone()[0] / 2**20
        for rel in ("paragraphs_tsv", "vocab", "vocab_del")
    }
    t0 = time.perf_counter()
    conn.execute("REINDEX INDEX paragraphs_tsv")
    conn.commit()
    reindex_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    conn.execute("REINDEX TABLE vocab")
    conn.execute("REINDEX TABLE vocab_del")
    conn.commit()
    return {
        "tsv_gin_reindex_s": round(reindex_s, 2),
        "vocab_tables_reindex_s": round(time.perf_counter() - t0, 2),
        "tsv_gin_mb": round(mb["paragraphs_tsv"], 1),
        "vocab_tables_mb": round(mb["vocab"] + mb["vocab_del"], 1),
        "index_mb": round(sum(mb.values()), 1),
    }


class Trgm:
    def __init__(self, conn: psycopg.Connection, op: str, threshold: float) -> None:
        self.conn, self.op = conn, op
        fn, setting = OPERATORS[op]
        conn.execute(f"SET {setting} = {threshold}")
        conn.execute(f"SET statement_timeout = {TIMEOUT_MS}")
        conn.commit()
        # word_similarity(query, text): the query against the text's best-matching extent.
        self.sql = (
            f"SELECT text, folded, {fn}(%(q)s, folded) AS sim FROM trgm_para"
            f" WHERE %(q)s {op.replace('%', '%%')} folded ORDER BY sim DESC, doc_id, idx LIMIT %(n)s"
        )

    def candidates(self, query: str, n: int) -> list[tuple[str, str, float]] | None:
        try:
            rows = self.conn.execute(self.sql, {"q": fold_text(query), "n": n}).fetchall()
        except psycopg.errors.QueryCanceled:
            self.conn.rollback()
            return None
        self.conn.commit()
        return rows

    def find(self, query: str) -> list[str] | None:
        rows = self.candidates(query, 10)
        return None if rows is None else [r[0] for r in rows]

    def find_reranked(self, query: str) -> list[str] | None:
        rows = self.candidates(query, CANDIDATES)
        if rows is None:
            return None
        qf = fold_text(query)
        # partial_ratio first (the phrase's words in order), trigram similarity on ties.
        rows.sort(key=lambda r: (-fuzz.partial_ratio(qf, r[1]), -r[2]))
        return [r[0] for r in rows[:10]]


def tune(
    conn: psycopg.Connection, warm: list[dict[str, Any]], ops: list[str], ths: list[float]
) -> dict[str, Any]:
    """Each operator and threshold on the warm-up queries: recall@10 and median latency. The
    best recall wins; on a tie, the faster."""
    tried = []
    for op in ops:
        for th in ths:
            t = Trgm(conn, op, th)
            times, hits = [], 0
            for q in warm:
                t0 = time.perf_counter()
                got = t.find(q["query"])
                times.append(time.perf_counter() - t0)
                hits += bool(got) and any(contains(x, q["phrase"]) for x in got or [])
            tried.append(
                {"op": op, "threshold": th, "recall": round(hits / len(warm), 3),
                 "median_ms": _ms(statistics.median(times)), "max_ms": _ms(max(times))}
            )  # fmt: skip
            print(f"  tune {tried[-1]}", file=sys.stderr, flush=True)
    best = max(tried, key=lambda r: (r["recall"], -r["median_ms"]))
    return {"chosen": {"op": best["op"], "threshold": best["threshold"]}, "tried": tried}


def _summary(times: list[float], found: list[bool], typos: list[int]) -> dict[str, Any]:
    by: dict[int, list[bool]] = {}
    for t, ok in zip(typos, found, strict=True):
        by.setdefault(t, []).append(ok)
    return {
        "find_median_ms": _ms(statistics.median(times)),
        "find_p95_ms": _ms(_p95(times)),
        "recall_at_10": round(sum(found) / len(found), 3),
        "recall_by_typos": {
            str(k): f"{sum(v)}/{len(v)} = {sum(v) / len(v):.3f}" for k, v in sorted(by.items())
        },
    }


async def measure(url: str, conn: psycopg.Connection, queries: list[dict], tuned: dict) -> dict:
    warm, measured = queries[:WARMUP], queries[WARMUP:]
    lib = Library(url)
    await lib.open()
    trgm = Trgm(conn, tuned["op"], tuned["threshold"])

    async def pgstore(q: str) -> list[str] | None:
        return [h.text for h in (await lib.find(q, ["corpus"], limit=10)).hits]

    async def plain(q: str) -> list[str] | None:
        return trgm.find(q)

    async def reranked(q: str) -> list[str] | None:
        return trgm.find_reranked(q)

    runs = {"pgstore": pgstore, "pg_trgm": plain, "pg_trgm_reranked": reranked}
    names = list(runs)
    for q in warm:  # pg_trgm is warm already: the tuning ran these queries
        await pgstore(q["query"])
    times: dict[str, list[float]] = {n: [] for n in names}
    found: dict[str, list[bool]] = {n: [] for n in names}
    timeouts = dict.fromkeys(names, 0)
    for i, q in enumerate(measured):
        for n in names[i % 3 :] + names[: i % 3]:  # alternate who goes first
            t0 = time.perf_counter()
            got = await runs[n](q["query"])
            times[n].append(time.perf_counter() - t0)
            timeouts[n] += got is None
            found[n].append(any(contains(x, q["phrase"]) for x in got or []))
    await lib.close()
    typos = [q["typos"] for q in measured]
    return {n: {**_summary(times[n], found[n], typos), "timeouts": timeouts[n]} for n in names}


async def run_size(dbs: PgDatabases, size: int, streams: Any, args: Any) -> dict[str, Any]:
    nq = args.queries
    url = dbs.database(f"trgm_{size}")
    print(f"building {size:,} passages in PgStore", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    built = await build(url, size, Generator(streams, novel_pool=size // 3))
    build_s = time.perf_counter() - t0
    queries = await sample_queries(url, nq + WARMUP, seed=size)  # type: ignore[arg-type]
    with psycopg.connect(url) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        conn.commit()
        print(f"{size:,}: pg_trgm table and index", file=sys.stderr, flush=True)
        trgm_build = build_trgm(conn)
        store_index = pgstore_index(conn)
        print(f"{size:,}: tuning on {WARMUP} warm-up queries", file=sys.stderr, flush=True)
        ops, ths = args.ops.split(","), [float(t) for t in args.thresholds.split(",")]
        tuned = tune(conn, queries[:WARMUP], ops, ths)
        print(f"{size:,}: measuring {nq} queries", file=sys.stderr, flush=True)
        finds = await measure(url, conn, queries, tuned["chosen"])
    return {
        "size": size,
        "passages": built["passages"],
        "queries": nq,
        "pgstore_build": {
            "whole_load_s": round(build_s, 2),
            "generated_passages_per_s": built["load_passages_per_s"],
            **store_index,
        },
        "pg_trgm_build": trgm_build,
        "pg_trgm_tuning": tuned,
        "finds": finds,
    }


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="100000")
    p.add_argument("--queries", type=int, default=300)
    p.add_argument("--ops", default=",".join(OPERATORS), help="trigram operators to tune")
    p.add_argument("--thresholds", default=THRESHOLDS, help="thresholds to tune")
    p.add_argument("--db", default="postgresql-temp", help="a postgresql:// URL or postgresql-temp")
    args = p.parse_args()
    dbs = PgDatabases(args.db)
    try:
        with psycopg.connect(dbs.url, autocommit=True) as c:
            avail = c.execute(
                "SELECT default_version FROM pg_available_extensions WHERE name = 'pg_trgm'"
            ).fetchone()
            version = c.execute("SHOW server_version").fetchone()[0]
        if avail is None:
            sys.exit(f"pg_trgm is not available on this PostgreSQL {version}")
        t0 = time.perf_counter()
        streams = load_streams()
        results = [
            asyncio.run(run_size(dbs, int(s), streams, args)) for s in args.sizes.split(",") if s
        ]
    finally:
        dbs.stop()
    out = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "postgresql": version,
        "pg_trgm": avail[0],
        "bench_wall_s": round(time.perf_counter() - t0, 1),
        "results": results,
    }
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
