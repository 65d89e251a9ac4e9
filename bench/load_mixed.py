"""Many people at once: 200 mixed commands and 3 uploads against one library.

    .venv/bin/python bench/load_mixed.py [--commands 200] [--uploads 3] [--upload-docs 30]
                                         [--spread 0] [--seed 1]

One Library on a temporary database loaded from data/, one Dispatcher. Every command (summary,
resolutions, find, cites, docs, doc, plain-language mentions), from three servers and the
terminal, runs as its own task through `Dispatcher.handle` and is rendered, as the cogs do;
meanwhile moderators of three servers upload documents with `Library.load_files` (the bulk
resolutions of ../shared, else copies of data/). A ticker task sleeps 5 ms again and again and
records how late it wakes: the longest event-loop stall.

Prints JSON: commands answered (an Answer rendered to text, possibly a polite error such as
"not found") and not answered (an exception escaped), "database is locked" errors (must be 0),
latency p50/p90/p99/max in ms from each command's arrival, the longest stall and the stalls'
p50/p99, how much of the longest stall the loop's thread spent waiting for a CPU (other
processes; Linux only), the uploads' figures, and `PRAGMA integrity_check` at the end. Like the
bot once started, the run settles the interpreter (bot/runtime.py) after loading. Exits 1 unless every command was answered,
no lock error occurred and every upload stored its files.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.answer import Answer, Asker, Dispatcher, off_loop  # noqa: E402
from bot.core.intents import parse_command  # noqa: E402
from bot.core.library import Actor, Library  # noqa: E402
from bot.core.mention import parse_mention  # noqa: E402
from bot.render import pages, render  # noqa: E402
from bot.runtime import settle  # noqa: E402

DATA = ROOT / "data"
QUERIES = [
    "ceasefire violations",
    "humanitarian coridors",
    "territorial integrity",
    "sanctions regime",
    "prisoners of war",
    "women peace and security",
    "landmines",
    "nuclear non-proliferation",
    "refugees and displaced persons",
    "peacekeeping mandate",
]
DOC_WORDS = ["Azerbaijan", "Armenia", "April 2020", "Kenya", "resolution", "Ukraine", "2025"]
SCOPES = [None, "guild:1", "guild:2", "guild:3"]


def _bulk(limit: int, offset: int) -> list[tuple[str, bytes]]:
    sys.path.insert(0, str(ROOT / "bench"))
    from fault_kill import bulk_files

    return bulk_files(offset + limit)[offset:]


def _runqueue_wait() -> float:
    """Seconds this thread has spent runnable but waiting for a CPU (Linux schedstat; 0
    elsewhere): the share of a stall that a busy machine, not this program, caused."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


async def command_texts(lib: Library, n: int, rng: random.Random) -> list[str]:
    """n commands and mentions naming documents and resolutions that exist (and some that don't)."""
    docs = await lib.documents(["corpus"])
    symbols = [d.symbols[0] for d in docs if d.symbols and "/RES/" not in d.symbols[0]]
    counts: Counter[str] = Counter()  # through the store's API: SQLite or PostgreSQL
    for d in docs:
        counts.update(c.symbol for c in await lib.store.citations(d.id) if c.kind == "resolution")
    cited = [s for s, _ in counts.most_common(25)]
    bare = [s.split("/")[-1] for s in cited if s.startswith("S/RES/")]  # "1325 (2000)"
    templates = [
        lambda: f"!summary {rng.choice(symbols)}",
        lambda: f"!resolutions {rng.choice(symbols)}",
        lambda: f"!find {rng.choice(QUERIES)}",
        lambda: f"!find {rng.choice(QUERIES)} in {rng.choice(symbols)}",
        lambda: f"!cites {rng.choice(bare or ['1325 (2000)'])}",
        lambda: f"!cites {rng.choice(cited or ['S/RES/1325 (2000)'])}",
        lambda: f"!docs {rng.choice(DOC_WORDS)}",
        lambda: "!docs",
        lambda: f"!doc {rng.randint(1, len(docs) + 5)}",
        lambda: f"!doc {rng.choice(symbols)}",
        lambda: f"@Rapporteur which resolutions does {rng.choice(symbols)} cite?",
        lambda: f"@Rapporteur summarize {rng.choice(symbols)}",
        lambda: f"@Rapporteur where is {rng.choice(QUERIES)} mentioned?",
        lambda: f"@Rapporteur which documents cite resolution {rng.choice(bare or ['1325'])}?",
        lambda: "!summary S/2099/1",  # not found: answered with an error
        lambda: "!summary S/RES/5 (1946)",  # bulk texts carry no symbol: not found
        lambda: "!find Military Staff Committee",  # in the uploads, once they are stored
    ]
    return [rng.choice(templates)() for _ in range(n)]


async def run(
    commands: int = 200,
    uploads: int = 3,
    upload_docs: int = 30,
    spread: float = 0.0,
    seed: int = 1,
    db_dir: Path | None = None,
    settled: bool = True,
    db: str | None = None,
    scopes: Sequence[str | None] = SCOPES,
    upload_scopes: Sequence[str] | None = None,
) -> dict[str, object]:
    """The figures. `settled=False` leaves the interpreter's settings alone (a test's process);
    `db`: a database to use (a postgresql:// URL) instead of a temporary SQLite file;
    `upload_scopes`: where the uploads go (default guild:1, guild:2...)."""
    rng = random.Random(seed)
    up_scopes = list(upload_scopes or [f"guild:{k + 1}" for k in range(uploads)])
    with tempfile.TemporaryDirectory(prefix="load-mixed-", dir=db_dir) as tmp:
        lib = Library(db or Path(tmp) / "load.db")
        await lib.open()
        t0 = time.perf_counter()
        base = await lib.load_directory(DATA)
        base_s = time.perf_counter() - t0
        texts = await command_texts(lib, commands, rng)
        upload_sets = [_bulk(upload_docs, k * upload_docs) for k in range(uploads)]
        dispatcher = Dispatcher(lib)
        if settled:
            settle()  # as the bot does once started (bot/discord/client.py setup_hook)

        stalls: list[float] = []
        cpu_waits: list[float] = []  # of each stall, the time the loop's thread waited for a CPU
        stop = asyncio.Event()

        async def ticker() -> None:
            while not stop.is_set():
                # The /proc read gives up the interpreter lock and waits to take it back: done
                # outside the timed span, so the ticker's own bookkeeping is not counted as a
                # stall of the loop.
                w = _runqueue_wait()
                t = time.perf_counter()
                await asyncio.sleep(0.005)
                stalls.append(time.perf_counter() - t - 0.005)
                cpu_waits.append(_runqueue_wait() - w)

        latencies: list[float] = []
        by_intent: dict[str, list[float]] = {}
        kinds: Counter[str] = Counter()
        unanswered: list[str] = []
        locked: list[str] = []
        error_examples: dict[str, str | None] = {}

        async def one(i: int, text: str) -> None:
            await asyncio.sleep(rng.uniform(0, spread) if spread else 0)
            scope = scopes[i % len(scopes)]
            asker = Asker(
                scope=scope, actor=Actor(f"user{i}", False), channel=f"chan{i}", filesystem=False
            )
            start = time.perf_counter()
            try:
                if text.startswith("!"):
                    req = parse_command(text)
                    assert req is not None
                else:
                    req = await off_loop(parse_mention, text)  # as cogs/mentions.py does
                answer: Answer = await dispatcher.handle(req, asker)
                out = pages(render(answer))
                if not out or not out[0].strip():
                    unanswered.append(f"{text!r}: empty answer")
                    return
            except Exception as e:
                msg = f"{text!r}: {type(e).__name__}: {e}"
                unanswered.append(msg)
                if "locked" in str(e).lower():
                    locked.append(msg)
                traceback.print_exc(file=sys.stderr)
                return
            elapsed = time.perf_counter() - start
            if answer.error and "locked" in answer.error.lower():
                locked.append(f"{text!r}: {answer.error}")
            latencies.append(elapsed)
            by_intent.setdefault(req.intent, []).append(elapsed)
            kinds[answer.error_kind or "ok"] += 1
            if answer.error_kind:
                error_examples.setdefault(f"{text} -> {answer.error}", scope)

        upload_figures: list[dict[str, object]] = []

        async def upload(k: int, files: list[tuple[str, bytes]]) -> None:
            start = time.perf_counter()
            scope = up_scopes[k]
            try:
                report = await lib.load_files(files, scope, Actor(f"mod{k}", moderator=True))
            except Exception as e:
                upload_figures.append({"scope": scope, "error": f"{type(e).__name__}: {e}"})
                if "locked" in str(e).lower():
                    locked.append(f"upload {k}: {e}")
                return
            upload_figures.append(
                {
                    "scope": scope,
                    "files": len(files),
                    "loaded": len(report.loaded),
                    "failed": report.failed[:3],
                    "seconds": round(time.perf_counter() - start, 2),
                }
            )

        tick = asyncio.create_task(ticker())
        await asyncio.sleep(0.05)  # let the ticker settle
        t_all = time.perf_counter()
        tasks = [asyncio.create_task(upload(k, files)) for k, files in enumerate(upload_sets)]
        tasks += [asyncio.create_task(one(i, text)) for i, text in enumerate(texts)]
        await asyncio.gather(*tasks)
        wall = time.perf_counter() - t_all
        stop.set()
        await tick
        integrity = await lib.store.integrity_check()
        stored = {s: len(await lib.documents([s])) for s in up_scopes}
        await lib.close()

    ms = [v * 1000 for v in latencies]
    worst = max(range(len(stalls)), key=stalls.__getitem__, default=0)
    uploads_ok = (
        all(
            u.get("loaded") == u.get("files") and stored.get(str(u["scope"])) == u.get("files")
            for u in upload_figures
        )
        and len(upload_figures) == uploads
    )
    figures: dict[str, object] = {
        "commands": commands,
        "answered": len(latencies),
        "not_answered": len(unanswered),
        "not_answered_examples": unanswered[:5],
        "database_is_locked_errors": len(locked),
        "locked_examples": locked[:5],
        "answers_by_kind": dict(kinds),
        "error_answers": sorted(error_examples)[:8],
        "latency_ms": {
            "p50": round(percentile(ms, 50), 1),
            "p90": round(percentile(ms, 90), 1),
            "p99": round(percentile(ms, 99), 1),
            "max": round(max(ms, default=0.0), 1),
        },
        "p50_ms_by_intent": {
            k: round(statistics.median(v) * 1000, 1) for k, v in sorted(by_intent.items())
        },
        "longest_loop_stall_ms": round(max(stalls, default=0.0) * 1000, 1),
        "loop_stall_p50_ms": round(percentile(stalls, 50) * 1000, 1),
        "loop_stall_p99_ms": round(percentile(stalls, 99) * 1000, 1),
        # The longest stall's time waiting for a CPU (other processes), and the longest stall
        # once that wait is taken off: the part this program's own work caused.
        "longest_stall_cpu_wait_ms": round(cpu_waits[worst] * 1000, 1) if stalls else 0.0,
        "longest_stall_less_cpu_wait_ms": round(
            max((s - w for s, w in zip(stalls, cpu_waits, strict=True)), default=0.0) * 1000, 1
        ),
        "ticks": len(stalls),
        "uploads": sorted(upload_figures, key=lambda u: str(u["scope"])),
        "uploads_stored": stored,
        "spread_s": spread,
        "base_documents": len(base.loaded),
        "base_load_s": round(base_s, 2),
        "wall_s": round(wall, 2),
        "integrity_check": integrity,
        "ok": (
            not unanswered
            and not locked
            and len(latencies) == commands
            and uploads_ok
            and integrity == "ok"
        ),
    }
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--commands", type=int, default=200)
    ap.add_argument("--uploads", type=int, default=3)
    ap.add_argument("--upload-docs", type=int, default=30, help="files per upload")
    ap.add_argument(
        "--spread", type=float, default=0.0, help="arrivals spread over this many seconds"
    )
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    figures = asyncio.run(
        run(args.commands, args.uploads, args.upload_docs, args.spread, args.seed)
    )
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    sys.exit(0 if figures["ok"] else 1)


if __name__ == "__main__":
    main()
