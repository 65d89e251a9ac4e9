"""Fuzzy find at scale: 10k, 100k and 1M passages, against brute-force rapidfuzz.

    python bench/scale_bench.py [--sizes 10000,100000,1000000] [--queries 300] [--dir /tmp/...]
        [--db postgresql://... | --db postgresql-temp]

With --db, each size is built and served a second time on PostgreSQL (PgStore), with the same
documents and the same queries, and reported beside SQLite's under "postgresql": a URL names a
server where a database per size is created (scale_<size>); `postgresql-temp` starts a
throw-away server as the tests do (tests/pg_server.py), with PostgreSQL's durable defaults.

For each size: build the corpus (bench/scale_corpus.py: the real documents of ../shared/corpus
and its 902 bulk resolutions loaded as files through Library (read, parsed in the warm parsing
processes, stored), then generated English and French passages wrapped in documents of 20-50
paragraphs, stored with Store.save_documents in batches, one transaction each), then start a fresh serving process on the finished database and measure there:
time to ready, find median / p95 / relaxed recall@10 over user-shaped queries, summary of a
3,000-word letter, the event loop's longest stall while 50 finds run at once, and peak RSS. On the
100k corpus, brute force (rapidfuzz partial_ratio over every passage, both cores) is measured on
a sample of queries (--brute, 20 by default), never extrapolated, beside our figures on the same
queries. Prints JSON. Deterministic corpus and queries (fixed seeds); times are medians.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scale_corpus import (
    SHARED,
    Generator,
    bulk_resolutions,
    contains,
    load_streams,
    make_query,
)

from bot.core.library import Actor, Library

BATCH_PASSAGES = 20_000  # passages per save_documents call (one transaction)
WARMUP = 40
CONCURRENT = 50


def _ms(x: float) -> float:
    return round(x * 1000, 2)


def _p95(xs: list[float]) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, round(0.95 * (len(s) - 1)))]


# ---- building ----------------------------------------------------------------------------


async def _sql(lib: Library, sql: str, params: tuple = ()) -> list[Any]:
    """A read query on either store (both read connections take `?` placeholders)."""
    return await lib.store.run_read(_fetchall, sql, params)  # type: ignore[attr-defined]


def _fetchall(conn: Any, sql: str, params: tuple) -> list[Any]:
    return list(conn.execute(sql, params).fetchall())


def _is_pg(db: Path | str) -> bool:
    return isinstance(db, str) and db.startswith("postgres")


async def build(db: Path | str, size: int, gen: Generator) -> dict[str, Any]:
    if isinstance(db, Path):
        for p in (db, db.with_suffix(".db-wal"), db.with_suffix(".db-shm")):
            p.unlink(missing_ok=True)
    lib = Library(db)
    await lib.open()
    mod = Actor("bench", moderator=True)
    # The parsing processes start once and stay (the bot starts them for its first bulk load,
    # or while a several-file upload downloads): their start-up is measured apart, and the
    # loads below run warm, as the targets ask.
    t0 = time.perf_counter()
    processes = await lib.warm_parsers()
    parser_start_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    real = await lib.load_directory(SHARED / "corpus")
    dir_s = time.perf_counter() - t0
    have = dir_passages = await lib.store.paragraph_count()
    files = []
    for name, text in bulk_resolutions():
        files.append((name, text.encode("utf-8")))
    # The 10k corpus is real text only: as many resolutions as fit.
    if size <= 20_000:
        kept, n = [], have
        for name, data in files:
            if n >= size:
                break
            kept.append((name, data))
            n += data.count(b"\n\n") + 1
        files = kept
    t1 = time.perf_counter()
    if files:
        await lib.load_files(files, "corpus", mod)
    bulk_s = time.perf_counter() - t1
    real_s = time.perf_counter() - t0
    real_passages = await lib.store.paragraph_count()
    letter_id = (
        await lib.store.save_documents("corpus", [("letter3000.txt", "0" * 64, gen.letter(3000))])
    )[0]
    save_s = 0.0
    gen_s = 0.0
    saved = 0
    batches = 0
    need = size - await lib.store.paragraph_count()
    batch: list[Any] = []
    in_batch = 0
    progress_calls = [0]

    def progress(done: int, total: int) -> None:
        progress_calls[0] += 1

    docs = gen.documents(0, max(need, 0))
    t_gen = time.perf_counter()
    for doc in docs:
        batch.append(doc)
        in_batch += len(doc[2].paragraphs)
        if in_batch >= BATCH_PASSAGES:
            gen_s += time.perf_counter() - t_gen
            t1 = time.perf_counter()
            await lib.store.save_documents("corpus", batch, "bench", progress=progress)
            save_s += time.perf_counter() - t1
            saved += in_batch
            batches += 1
            print(f"  {size}: {saved + real_passages:,} passages", file=sys.stderr, flush=True)
            batch, in_batch = [], 0
            t_gen = time.perf_counter()
    gen_s += time.perf_counter() - t_gen
    if batch:
        t1 = time.perf_counter()
        await lib.store.save_documents("corpus", batch, "bench", progress=progress)
        save_s += time.perf_counter() - t1
        saved += in_batch
        batches += 1
    total = await lib.store.paragraph_count()
    vocab = (await _sql(lib, "SELECT COUNT(*) FROM vocab"))[0][0]
    if isinstance(db, Path):
        await lib.store._write.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[attr-defined]
        size_bytes = sum(p.stat().st_size for p in (db, db.with_suffix(".db-wal")) if p.exists())
    else:
        size_bytes = (await _sql(lib, "SELECT pg_database_size(current_database())"))[0][0]
    await lib.close()
    return {
        "passages": total,
        "vocabulary_terms": vocab,
        "real_passages": real_passages,
        "real_documents_failed": len(real.failed),
        "load_real_s": round(real_s, 2),
        "load_real_passages_per_s": round(real_passages / real_s) if real_s else None,
        # Both through Library._load (read, parse in the processes, store): the folder
        # (PDFs, six languages, a fresh vocabulary), then the bulk resolutions as one upload.
        "load_real_folder_s": round(dir_s, 2),
        "load_real_folder_passages": dir_passages,
        "load_real_bulk_s": round(bulk_s, 2),
        "load_real_bulk_passages_per_s": (
            round((real_passages - dir_passages) / bulk_s) if files and bulk_s else None
        ),
        "parsing_processes": processes,
        "parsing_processes_start_s": round(parser_start_s, 2),
        "generated_passages": saved,
        "generation_s": round(gen_s, 2),
        "load_generated_s": round(save_s, 2),
        "load_passages_per_s": round(saved / save_s) if save_s else None,
        # The whole build: real files parsed and stored, generated passages stored.
        "load_all_passages_per_s": round(total / (real_s + save_s)) if real_s + save_s else None,
        "load_batches": batches,
        "load_progress_reports": progress_calls[0],
        "db_mb": round(size_bytes / 2**20, 1),
        "letter_doc_id": letter_id,
    }


async def sample_queries(db: Path, n: int, seed: int) -> list[dict[str, Any]]:
    lib = Library(db)
    await lib.open()
    rows = await _sql(lib, "SELECT MIN(id), MAX(id) FROM paragraphs WHERE section != 'masthead'")
    lo, hi = rows[0]
    rnd = random.Random(seed)
    out: list[dict[str, Any]] = []
    while len(out) < n:
        pid = rnd.randint(lo, hi)
        r = await _sql(
            lib, "SELECT text FROM paragraphs WHERE id = ? AND section != 'masthead'", (pid,)
        )
        if not r:
            continue
        q = make_query(r[0][0], rnd)
        if q is not None:
            q["paragraph_id"] = pid
            out.append(q)
    await lib.close()
    return out


# ---- serving (a fresh process on the finished database) -----------------------------------


async def serve(db: Path | str, queries: list[dict[str, Any]], brute: int, letter_id: int) -> dict:
    warm, measured = queries[:WARMUP], queries[WARMUP:]
    t0 = time.perf_counter()
    lib = Library(db)
    await lib.open()
    open_s = time.perf_counter() - t0
    await lib.find(warm[0]["query"], ["corpus"])
    ready_s = time.perf_counter() - t0
    for q in warm:
        await lib.find(q["query"], ["corpus"])
    times: list[float] = []
    found: list[bool] = []
    for q in measured:
        t1 = time.perf_counter()
        res = await lib.find(q["query"], ["corpus"], limit=10)
        times.append(time.perf_counter() - t1)
        found.append(any(contains(h.text, q["phrase"]) for h in res.hits))
    by_typos: dict[int, list[bool]] = {}
    for q, ok in zip(measured, found, strict=True):
        by_typos.setdefault(q["typos"], []).append(ok)

    # 50 finds at once while a ticker measures how late the event loop wakes it.
    stall = [0.0]
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            t = time.perf_counter()
            await asyncio.sleep(0.001)
            stall[0] = max(stall[0], time.perf_counter() - t - 0.001)

    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0.01)
    t1 = time.perf_counter()
    await asyncio.gather(
        *(lib.find(q["query"], ["corpus"], limit=10) for q in measured[:CONCURRENT])
    )
    concurrent_s = time.perf_counter() - t1
    done.set()
    await tick

    doc = await lib.store.document(letter_id, ["corpus"])
    assert doc is not None
    words = sum(len(p.text.split()) for p in await lib.store.paragraphs(letter_id))
    st = []
    for _ in range(7):
        t1 = time.perf_counter()
        await lib.summary(doc, ["corpus"])
        st.append(time.perf_counter() - t1)
    guild = await _guild_view(lib, measured)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    out: dict[str, Any] = {
        "open_s": round(open_s, 3),
        "ready_s": round(ready_s, 3),
        "queries": len(measured),
        "find_median_ms": _ms(statistics.median(times)),
        "find_p95_ms": _ms(_p95(times)),
        "find_max_ms": _ms(max(times)),
        "recall_at_10": round(sum(found) / len(found), 3),
        "recall_by_typos": {str(k): f"{sum(v)}/{len(v)}" for k, v in sorted(by_typos.items())},
        "concurrent_finds": CONCURRENT,
        "concurrent_wall_s": round(concurrent_s, 3),
        "event_loop_max_stall_ms": _ms(stall[0]),
        "summary_words": words,
        "summary_median_ms": _ms(statistics.median(st)),
        "serving_peak_rss_mb": round(rss_mb, 1),
        **guild,
    }
    if brute:
        from bot.core.textnorm import fold

        rows = await _sql(
            lib,
            "SELECT p.text FROM paragraphs p JOIN documents d ON d.id = p.doc_id"
            " WHERE d.scope = 'corpus' AND p.section != 'masthead'",
        )
        texts = [r[0] for r in rows]
        _BRUTE[:] = [fold(t) for t in texts]
        sample = measured[:brute]
        bt, bfound = [], []
        # Both cores: rapidfuzz's extract holds the GIL, so two forked processes, half each.
        half = len(texts) // 2
        with multiprocessing.get_context("fork").Pool(2) as pool:
            for q in sample:
                qf = fold(q["query"])
                t1 = time.perf_counter()
                parts = pool.map(_brute_part, [(qf, 0, half), (qf, half, len(texts))])
                top = sorted((x for part in parts for x in part), key=lambda x: (-x[0], x[1]))
                bt.append(time.perf_counter() - t1)
                bfound.append(any(contains(texts[i], q["phrase"]) for _, i in top[:10]))
        ours_t = times[:brute]
        out["brute_force"] = {
            "method": "rapidfuzz process.extract, partial_ratio over every passage, 2 processes",
            "queries_measured": len(sample),
            "passages": len(texts),
            "median_ms": _ms(statistics.median(bt)),
            "p95_ms": _ms(_p95(bt)),
            "recall_at_10": round(sum(bfound) / len(bfound), 3),
            "ours_same_queries_median_ms": _ms(statistics.median(ours_t)),
            "ours_same_queries_recall_at_10": round(sum(found[:brute]) / len(sample), 3),
            "speedup_median": round(statistics.median(bt) / statistics.median(ours_t), 1),
        }
    await lib.close()
    return out


async def _guild_view(lib: Library, measured: list[dict[str, Any]]) -> dict[str, Any]:
    """The same finds as a server sees them: the corpus and the server's own three letters
    (their statistics are kept per scope and summed with the corpus's)."""
    letters = sorted((SHARED / "corpus" / "en").glob("S_2025_*.txt"))[:3]
    await lib.load_files(
        [(p.name, p.read_bytes()) for p in letters], "guild:bench", Actor("bench", True)
    )
    scopes = ["corpus", "guild:bench"]
    for q in measured[:WARMUP]:
        await lib.find(q["query"], scopes)
    times = []
    for q in measured:
        t1 = time.perf_counter()
        await lib.find(q["query"], scopes, limit=10)
        times.append(time.perf_counter() - t1)
    return {
        "find_guild_median_ms": _ms(statistics.median(times)),
        "find_guild_p95_ms": _ms(_p95(times)),
    }


_BRUTE: list[str] = []


def _brute_part(args: tuple[str, int, int]) -> list[tuple[float, int]]:
    from rapidfuzz import fuzz, process

    q, lo, hi = args
    top = process.extract(q, _BRUTE[lo:hi], scorer=fuzz.partial_ratio, limit=10)
    return [(score, i + lo) for _, score, i in top]


def run_serving(db: Path | str, qfile: Path, brute: int, letter_id: int) -> dict[str, Any]:
    cmd = [
        sys.executable,
        __file__,
        "--serve",
        str(db),
        "--query-file",
        str(qfile),
        "--brute",
        str(brute),
        "--letter",
        str(letter_id),
    ]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode:
        raise RuntimeError(res.stderr[-3000:])
    return json.loads(res.stdout)


async def run_size(
    size: int, gen: Generator, workdir: Path, nq: int, brute: int, reuse: bool = False
) -> dict:
    db = workdir / f"scale_{size}.db"
    qfile = workdir / f"queries_{size}.json"
    if reuse and db.exists() and qfile.exists():
        # Serve an earlier build again (migrations and a vocabulary rebuild run on open).
        print(f"reusing {db}", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        lib = Library(db)
        await lib.open()
        await lib.close()
        reopen = round(time.perf_counter() - t0, 2)
        served = run_serving(db, qfile, brute, _letter_id(db))
        return {"size": size, "reused": True, "reopen_s": reopen, **served}
    print(f"building {size:,} passages in {db}", file=sys.stderr, flush=True)
    built = await build(db, size, gen)
    queries = await sample_queries(db, nq + WARMUP, seed=size)
    qfile.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    print(f"serving {size:,}", file=sys.stderr, flush=True)
    served = run_serving(db, qfile, brute, built.pop("letter_doc_id"))
    return {"size": size, **built, **served}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="10000,100000,1000000")
    p.add_argument("--queries", type=int, default=300)
    p.add_argument("--brute", type=int, default=20, help="queries for brute force (a sample)")
    p.add_argument(
        "--brute-sizes",
        default="100000",
        help="sizes at which brute force is measured (e.g. 100000,1000000)",
    )
    p.add_argument("--dir", type=Path, default=Path("/tmp/rapporteur-scale"))
    p.add_argument("--keep", action="store_true", help="keep the databases")
    p.add_argument(
        "--reuse", action="store_true", help="serve existing databases and queries (implies --keep)"
    )
    p.add_argument(
        "--db",
        help="also PostgreSQL: a postgresql:// URL (a database per size is made there)"
        " or `postgresql-temp` (a throw-away server)",
    )
    p.add_argument("--serve", help=argparse.SUPPRESS)
    p.add_argument("--query-file", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--letter", type=int, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.serve:
        queries = json.loads(args.query_file.read_text(encoding="utf-8"))
        db = args.serve if _is_pg(args.serve) else Path(args.serve)
        print(json.dumps(asyncio.run(serve(db, queries, args.brute, args.letter))))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s]
    args.dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    streams = load_streams()
    # The pool of novel words grows with the corpus (Heaps' law), as a real vocabulary does.
    results = []
    server = pg_server(args.db)
    try:
        for size in sizes:
            gen = Generator(streams, novel_pool=size // 3)
            results.append(asyncio.run(run_size(size, gen, args.dir, args.queries, 0, args.reuse)))
            if server is not None:
                # The same documents (a fresh generator) and the same queries.
                gen = Generator(streams, novel_pool=size // 3)
                url = server.database(f"scale_{size}")
                print(f"postgresql: building {size:,} passages", file=sys.stderr, flush=True)
                results[-1]["postgresql"] = asyncio.run(run_size_pg(size, gen, url, args.dir))
    finally:
        if server is not None:
            server.stop()
    # Brute force runs after every size is served, so it never competes with our timings.
    for size in [int(s) for s in args.brute_sizes.split(",") if s]:
        if size not in sizes or not args.brute:
            continue
        db = args.dir / f"scale_{size}.db"
        qfile = args.dir / f"queries_{size}.json"
        served = run_serving(db, qfile, args.brute, _letter_id(db))
        results[sizes.index(size)]["brute_force"] = served["brute_force"]
    if not args.keep and not args.reuse:
        for size in sizes:
            for suffix in (".db", ".db-wal", ".db-shm"):
                (args.dir / f"scale_{size}{suffix}").unlink(missing_ok=True)
    out = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "queries_per_size": args.queries,
        "bench_wall_s": round(time.perf_counter() - t0, 1),
        "results": results,
    }
    print(json.dumps(out, indent=2))
    shutil.rmtree(args.dir / "__none__", ignore_errors=True)


async def run_size_pg(size: int, gen: Generator, url: str, workdir: Path) -> dict:
    """The size again on PostgreSQL: built, then served on SQLite's queries."""
    built = await build(url, size, gen)
    served = run_serving(url, workdir / f"queries_{size}.json", 0, built.pop("letter_doc_id"))
    return {"size": size, **built, **served}


def pg_server(db: str | None) -> Any:
    """None (SQLite only), or what makes the PostgreSQL databases: see bench/pg_bench.py."""
    if not db:
        return None
    from pg_bench import PgDatabases

    return PgDatabases(db)


def _letter_id(db: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(db)
    row = conn.execute("SELECT id FROM documents WHERE source = 'letter3000.txt'").fetchone()
    conn.close()
    return int(row[0])


if __name__ == "__main__":
    main()
