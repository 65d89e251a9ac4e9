"""load_mixed's burst on PostgreSQL against SQLite, alternating, in one process.

Starts a throw-away PostgreSQL (tests/pg_server.TempPostgres), then runs
`load_mixed.run(db=<fresh pg database>)` and `load_mixed.run(db=None)` in turn `--rounds` times,
and prints each store's median p50 per intent, their ratio, and how many pooled reads each
store ran per command (SqlStore.run_read calls).

    .venv/bin/python bench/pg_burst.py --rounds 3
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_mixed

from bot.core.store_base import SqlStore
from tests.pg_server import TempPostgres


def _counting() -> dict[str, int]:
    """Count run_read calls (every pooled read, on both stores)."""
    counts = {"reads": 0}
    original = SqlStore.run_read

    async def run_read(self, fn, *args):  # type: ignore[no-untyped-def]
        counts["reads"] += 1
        return await original(self, fn, *args)

    SqlStore.run_read = run_read  # type: ignore[method-assign]
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    counts = _counting()
    server = TempPostgres()
    server.start()
    runs: dict[str, list[dict]] = {"pg": [], "sqlite": []}
    reads: dict[str, list[float]] = {"pg": [], "sqlite": []}
    try:
        for _ in range(args.rounds):
            for name in ("pg", "sqlite"):
                db = server.create("burst") if name == "pg" else None
                counts["reads"] = 0
                figures = asyncio.run(load_mixed.run(db=db, seed=args.seed))
                runs[name].append(figures)
                reads[name].append(counts["reads"] / int(figures["commands"]))  # type: ignore[arg-type]
                print(name, json.dumps(figures["latency_ms"]), figures["ok"], file=sys.stderr)
    finally:
        server.stop()
    out: dict[str, object] = {}
    for name, figs in runs.items():
        intents = sorted({k for f in figs for k in f["p50_ms_by_intent"]})
        out[name] = {
            "p50_ms": statistics.median(f["latency_ms"]["p50"] for f in figs),
            "p90_ms": statistics.median(f["latency_ms"]["p90"] for f in figs),
            "p50_ms_by_intent": {
                k: statistics.median(f["p50_ms_by_intent"].get(k, 0.0) for f in figs)
                for k in intents
            },
            "reads_per_command": round(statistics.median(reads[name]), 1),
            "all_ok": all(f["ok"] for f in figs),
        }
    pg, lite = out["pg"], out["sqlite"]
    out["pg_over_sqlite_p50"] = round(pg["p50_ms"] / max(lite["p50_ms"], 1e-9), 2)  # type: ignore[index]
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
