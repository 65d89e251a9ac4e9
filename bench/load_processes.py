"""Several processes over one PostgreSQL: bench/load_mixed.py's burst in N processes at once.

    .venv/bin/python bench/load_processes.py [--processes 2] [--commands 200] [--upload-docs 30]
                                             [--db postgresql://...] [--seed 1]

Starts a throw-away PostgreSQL (tests/pg_server.py, durable settings) unless `--db` names one,
loads data/ into it once, then runs N processes at once, each load_mixed's burst: `--commands`
mixed commands (summary, find, cites, docs, mentions...) from the terminal, two servers of its
own and one server all processes share, while moderators upload `--upload-docs` files into each
of those three servers. Every process uploads the SAME files into the shared server at the same
time: they must end up stored once.

At the end, from the database itself: no (scope, source) held twice; every uploaded file stored
in each of its servers with the paragraphs, citations and sha256 a fresh parse gives; the
store's integrity check. Prints JSON (per process: answered, not answered, latency p50/p99, its
window of time; then the checks) and exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "bench", ROOT / "tests"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from load_mixed import _bulk  # noqa: E402
from load_mixed import run as run_burst  # noqa: E402

from bot.core.ingest import prepare  # noqa: E402
from bot.core.library import Library  # noqa: E402
from bot.core.store_factory import open_store  # noqa: E402

DATA = ROOT / "data"
SHARED_SCOPE = "guild:999"
KEPT = ["ok", "error", "commands", "answered", "not_answered", "not_answered_examples"]
KEPT += ["database_is_locked_errors", "latency_ms", "p50_ms_by_intent", "longest_loop_stall_ms"]
KEPT += ["uploads", "window"]
UPLOADS = 3  # two servers of the process's own, and the shared one


def own_scopes(tag: int) -> list[str]:
    return [f"guild:{100 * (tag + 1) + k}" for k in (1, 2)]


def upload_sets(upload_docs: int) -> list[list[tuple[str, bytes]]]:
    """The files of each upload: the same for every process (load_mixed's choice)."""
    return [_bulk(upload_docs, k * upload_docs) for k in range(UPLOADS)]


async def child(db: str, tag: int, commands: int, upload_docs: int, seed: int) -> dict:
    ups = [*own_scopes(tag), SHARED_SCOPE]
    start = time.time()
    figures = await run_burst(
        commands, UPLOADS, upload_docs, 0.0, seed + tag, db=db,
        scopes=[None, *ups], upload_scopes=ups,
    )  # fmt: skip
    figures["window"] = [round(start, 2), round(time.time(), 2)]
    return figures


def spawn(db: str, args: argparse.Namespace) -> list[dict]:
    cmd = [sys.executable, __file__, "--child", "--db", db, "--commands", str(args.commands)]
    cmd += ["--upload-docs", str(args.upload_docs), "--seed", str(args.seed)]
    procs = [
        subprocess.Popen([*cmd, "--tag", str(t)], stdout=subprocess.PIPE, text=True)
        for t in range(args.processes)
    ]
    out = []
    for t, proc in enumerate(procs):
        stdout, _ = proc.communicate()
        try:
            out.append(json.loads(stdout))
        except json.JSONDecodeError:
            out.append({"ok": False, "error": f"process {t} exited {proc.returncode}"})
    return out


def stored_rows(db: str, scopes: list[str]) -> list[tuple[str, str, str, int, int]]:
    """(scope, source, sha256, paragraphs, citations) of every document in these scopes."""
    import psycopg

    with psycopg.connect(db) as conn:
        return conn.execute(
            "SELECT d.scope, d.source, d.sha256,"
            " (SELECT COUNT(*) FROM paragraphs p WHERE p.doc_id = d.id),"
            " (SELECT COUNT(*) FROM citations c WHERE c.doc_id = d.id)"
            " FROM documents d WHERE d.scope = ANY(%s)",
            (scopes,),
        ).fetchall()


def check(db: str, processes: int, upload_docs: int) -> dict:
    """Nothing doubled, nothing lost, each document as a fresh parse makes it."""
    sets = upload_sets(upload_docs)
    expected: dict[tuple[str, str], bytes] = {}
    for tag in range(processes):
        for scope, files in zip([*own_scopes(tag), SHARED_SCOPE], sets, strict=True):
            expected.update(((scope, name), data) for name, data in files)
    rows = stored_rows(db, sorted({s for s, _ in expected}))
    seen: dict[tuple[str, str], int] = {}
    wrong: list[str] = []
    fresh: dict[str, tuple[str, int, int]] = {}
    for scope, source, sha, n_par, n_cit in rows:
        seen[scope, source] = seen.get((scope, source), 0) + 1
        data = expected.get((scope, source))
        if data is None:
            wrong.append(f"{scope} {source}: not uploaded")
            continue
        if source not in fresh:
            rec = prepare(source, data)
            fresh[source] = (
                hashlib.sha256(data).hexdigest(),
                len(rec.paragraphs),
                len(rec.citations),
            )
        if (sha, n_par, n_cit) != fresh[source]:
            wrong.append(f"{scope} {source}: {(sha[:8], n_par, n_cit)} != {fresh[source][1:]}")
    doubled = sorted(f"{s} {n} x{c}" for (s, n), c in seen.items() if c > 1)
    missing = sorted(f"{s} {n}" for s, n in expected if (s, n) not in seen)
    return {
        "documents_expected": len(expected),
        "documents_stored": len(rows),
        "doubled": doubled[:10],
        "missing": missing[:10],
        "not_as_parsed": wrong[:10],
        "ok": not doubled and not missing and not wrong,
    }


async def integrity(db: str) -> str:
    store = open_store(db)
    await store.open()
    try:
        return await store.integrity_check()
    finally:
        await store.close()


async def load_base(db: str) -> int:
    async with Library(db) as lib:
        report = await lib.load_directory(DATA)
        return len(report.loaded)


def parent(args: argparse.Namespace) -> dict:
    server = None
    db = args.db
    if not db:
        from pg_server import TempPostgres

        server = TempPostgres(fast=False)
        server.start()
        db = server.create("procs")
    try:
        base = asyncio.run(load_base(db))
        t0 = time.perf_counter()
        runs = spawn(db, args)
        wall = time.perf_counter() - t0
        checks = check(db, args.processes, args.upload_docs)
        checks["integrity_check"] = asyncio.run(integrity(db))
    finally:
        if server is not None:
            server.stop()
    per_process = [{k: r.get(k) for k in KEPT if k in r} for r in runs]
    windows = [r["window"] for r in runs if "window" in r]
    overlap = min(w[1] for w in windows) - max(w[0] for w in windows) if windows else 0.0
    ok = all(r.get("ok") for r in runs) and checks["ok"] and checks["integrity_check"] == "ok"
    return {
        "processes": args.processes,
        "base_documents": base,
        "per_process": per_process,
        "answered": sum(int(r.get("answered", 0)) for r in runs),
        "lost": sum(args.commands - int(r.get("answered", 0)) for r in runs),
        "overlap_s": round(overlap, 2),
        "wall_s": round(wall, 2),
        "checks": checks,
        "ok": ok,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--commands", type=int, default=200, help="commands per process")
    ap.add_argument("--upload-docs", type=int, default=30, help="files per upload")
    ap.add_argument("--db", help="a postgresql:// URL (default: a throw-away server)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--tag", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        figures = asyncio.run(child(args.db, args.tag, args.commands, args.upload_docs, args.seed))
        print(json.dumps(figures, ensure_ascii=False))
        sys.exit(0 if figures["ok"] else 1)
    result = parent(args)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    sys.exit(0 if result["ok"] else 1)


if __name__ == "__main__":
    main()
