"""One server's big document against another server's ordinary requests.

    .venv/bin/python bench/noisy_neighbour.py [--mb 19] [--requests 80] [--seed 1]

One Library on a temporary database loaded from data/ (the bundled corpus). Server A (the noisy
one) uploads one big .txt made of real UN text (../shared/corpus English documents and
resolutions, shuffled, repeated to --mb megabytes; data/ when ../shared is absent). Server B (the
quiet one) runs ordinary requests through `Dispatcher.handle`, rendered as the Discord cogs do
(`build_reply`): summaries, resolutions and finds over the corpus, two at a time.

Measured twice in the same process: first with server A idle (the baseline), then while A runs
the worst requests it is allowed, back to back: two users' cooldown allowance at once (six
`!find … in BIG`, six `!doc BIG`, six `!summary BIG`, each rendered and its file made as the bot
would). Bursts follow one another at once, harsher than the 20 s cooldown window when a burst
is quicker than that. A ticker
records the longest event-loop stall meanwhile. Prints JSON: B's median and p99 latency in ms for
both phases, their ratio, A's request times and what its `!doc` answer holds (pages, file bytes).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.answer import Answer, Asker, Dispatcher  # noqa: E402
from bot.core.intents import Request  # noqa: E402
from bot.core.library import Actor, Library  # noqa: E402
from bot.core.results import DocDetail  # noqa: E402
from bot.discord.pages import Reply, build_reply  # noqa: E402

DATA = ROOT / "data"
SHARED = Path(os.environ.get("RAPPORTEUR_SHARED", ROOT.parent / "shared")) / "corpus"
NOISY, QUIET = "guild:1", "guild:2"
BIG_NAME = "big_upload.txt"
FIND_WORDS = [
    "ceasefire violations",
    "territorial integrity",
    "humanitarian assistance",
    "security council",
    "human rights",
    "refugees and displaced persons",
]
QUIET_FINDS = ["sanctions regime", "peacekeeping mandate", "landmines", "prisoners of war"]
USERS, ALLOWANCE = 2, 3  # two users, three uses each per cooldown window (cogs/)


def source_texts() -> list[str]:
    """Real UN texts: the English documents and bulk resolutions of ../shared, else data/."""
    texts: list[str] = []
    en = SHARED / "en"
    if en.is_dir():
        texts += [p.read_text("utf-8") for p in sorted(en.glob("*.txt"))]
        bulk = SHARED / "bulk" / "cr-unsc_res_en_gold_1946-2002.jsonl"
        if bulk.is_file():
            with bulk.open(encoding="utf-8") as f:
                texts += [json.loads(line)["text"] for line in f if line.strip()]
    if not texts:
        texts = [p.read_text("utf-8") for p in sorted((DATA / "corpus" / "en").glob("*.txt"))]
    return texts


def big_document(megabytes: float, seed: int = 1) -> bytes:
    """About `megabytes` MB of real UN text: whole documents, shuffled, again and again."""
    rng = random.Random(seed)
    texts = source_texts()
    target = int(megabytes * 2**20)
    parts = ["Compilation of documents of the United Nations\n\n"]
    size = len(parts[0])
    while size < target:
        order = texts[:]
        rng.shuffle(order)
        for t in order:
            parts.append(t.strip() + "\n\n")
            size += len(parts[-1].encode("utf-8"))
            if size >= target:
                break
    return "".join(parts).encode("utf-8")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def quiet_requests(symbols: list[str], n: int, rng: random.Random) -> list[Request]:
    out = []
    for i in range(n):
        kind = i % 3
        if kind == 0:
            out.append(Request("summary", ref=rng.choice(symbols)))
        elif kind == 1:
            out.append(Request("resolutions", ref=rng.choice(symbols)))
        else:
            out.append(Request("find", query=rng.choice(QUIET_FINDS)))
    return out


async def reply_to(ans: Answer) -> Reply:
    """Render as bot.discord.context.send_answer does: a document's text in a thread."""
    if isinstance(ans.result, DocDetail):
        return await asyncio.to_thread(build_reply, ans)
    return build_reply(ans)


async def answer(dispatcher: Dispatcher, req: Request, asker: Asker) -> Answer:
    """Dispatch and render as the cogs do (embeds, and the file made if there is one)."""
    ans = await dispatcher.handle(req, asker)
    (await reply_to(ans)).make_file()
    return ans


async def quiet_phase(
    dispatcher: Dispatcher, requests: list[Request], parallel: int = 2
) -> list[float]:
    """Server B's requests, `parallel` users at a time; each one's latency in seconds."""
    latencies: list[float] = []
    queue = list(requests)

    async def user(k: int) -> None:
        asker = Asker(scope=QUIET, actor=Actor(f"quiet{k}"), channel=f"quiet{k}")
        while queue:
            req = queue.pop(0)
            start = time.perf_counter()
            ans = await answer(dispatcher, req, asker)
            latencies.append(time.perf_counter() - start)
            if ans.error:
                raise RuntimeError(f"quiet request {req} failed: {ans.error}")

    await asyncio.gather(*(user(k) for k in range(parallel)))
    return latencies


async def noisy_burst(dispatcher: Dispatcher, ref: str, rng: random.Random) -> dict[str, object]:
    """Two users' allowance at once: finds scoped to the big document, and `!doc` of it."""
    times: dict[str, list[float]] = {"find": [], "doc": [], "summary": []}
    held: dict[str, object] = {}

    async def one(kind: str, k: int) -> None:
        asker = Asker(scope=NOISY, actor=Actor(f"noisy{k % USERS}"), channel=f"noisy{k}")
        if kind == "find":
            req = Request("find", query=rng.choice(FIND_WORDS), ref=ref)
        else:
            req = Request(kind, ref=ref)
        start = time.perf_counter()
        ans = await dispatcher.handle(req, asker)
        reply = await reply_to(ans)
        file = reply.make_file()
        times[kind].append(time.perf_counter() - start)
        if kind == "doc":
            held["doc_pages"] = len(reply.pages)
            held["doc_file_bytes"] = len(file.fp.getvalue()) if file is not None else 0  # type: ignore[attr-defined]
            held["doc_error"] = ans.error
            held["doc_note"] = reply.pages[0].content
        elif ans.error:
            held[f"{kind}_error"] = ans.error

    jobs = [one("find", k) for k in range(USERS * ALLOWANCE)]
    jobs += [one("doc", k) for k in range(USERS * ALLOWANCE)]
    jobs += [one("summary", k) for k in range(USERS * ALLOWANCE)]
    await asyncio.gather(*jobs)
    return {"times": times, **held}


async def run(megabytes: float, n_requests: int, seed: int, db_dir: Path | None) -> dict:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="noisy-", dir=db_dir) as tmp:
        lib = Library(Path(tmp) / "noisy.db")
        await lib.open()
        await lib.load_directory(DATA)
        data = big_document(megabytes, seed)
        t0 = time.perf_counter()
        report = await lib.load_files([(BIG_NAME, data)], NOISY, Actor("mod", moderator=True))
        load_s = time.perf_counter() - t0
        if not report.loaded:
            raise SystemExit(f"the big upload was refused: {report.failed}")
        ref = Path(BIG_NAME).stem
        docs = await lib.documents(["corpus"])
        symbols = [d.symbols[0] for d in docs if d.symbols and "/RES/" not in d.symbols[0]]
        dispatcher = Dispatcher(lib)
        requests = quiet_requests(symbols, n_requests, rng)

        await quiet_phase(dispatcher, requests[:6])  # warm caches
        baseline = await quiet_phase(dispatcher, requests)

        stalls: list[float] = []
        stop = asyncio.Event()

        async def ticker() -> None:
            while not stop.is_set():
                t = time.perf_counter()
                await asyncio.sleep(0.005)
                stalls.append(time.perf_counter() - t - 0.005)

        bursts: list[dict[str, object]] = []

        async def noisy() -> None:
            while not stop.is_set():
                bursts.append(await noisy_burst(dispatcher, ref, rng))

        tick = asyncio.create_task(ticker())
        noise = asyncio.create_task(noisy())
        await asyncio.sleep(0.5)  # the burst is under way
        loaded = await quiet_phase(dispatcher, requests)
        stop.set()
        await asyncio.gather(tick, noise)
        await lib.close()

    def figures(lat: list[float]) -> dict[str, float]:
        ms = [x * 1000 for x in lat]
        return {
            "median_ms": round(statistics.median(ms), 1),
            "p99_ms": round(percentile(ms, 99), 1),
            "max_ms": round(max(ms), 1),
        }

    base, noisy_fig = figures(baseline), figures(loaded)
    finds = [t for b in bursts for t in b["times"]["find"]]  # type: ignore[index]
    doc_times = [t for b in bursts for t in b["times"]["doc"]]  # type: ignore[index]
    summaries = [t for b in bursts for t in b["times"]["summary"]]  # type: ignore[index]
    last = bursts[-1] if bursts else {}
    return {
        "big_upload_mb": round(len(data) / 2**20, 1),
        "big_upload_paragraphs": report.loaded[0].paragraphs,
        "big_upload_load_s": round(load_s, 1),
        "quiet_requests": n_requests,
        "quiet_alone": base,
        "quiet_beside_noisy": noisy_fig,
        "p99_ratio": round(noisy_fig["p99_ms"] / base["p99_ms"], 1),
        "median_ratio": round(noisy_fig["median_ms"] / base["median_ms"], 1),
        "noisy_bursts": len(bursts),
        "noisy_find_median_ms": round(statistics.median(finds) * 1000, 1) if finds else None,
        "noisy_doc_median_ms": round(statistics.median(doc_times) * 1000, 1) if doc_times else None,
        "noisy_summary_median_ms": round(statistics.median(summaries) * 1000, 1)
        if summaries
        else None,
        "noisy_doc_pages": last.get("doc_pages"),
        "noisy_doc_file_bytes": last.get("doc_file_bytes"),
        "noisy_doc_note": last.get("doc_note"),
        "noisy_errors": {k: v for k, v in last.items() if k.endswith("_error") and v},
        "longest_loop_stall_ms": round(max(stalls, default=0.0) * 1000, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=19.0, help="size of the big upload")
    ap.add_argument("--requests", type=int, default=80, help="server B's requests per phase")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dir", type=Path, default=None, help="where the temporary database goes")
    args = ap.parse_args()
    out = asyncio.run(run(args.mb, args.requests, args.seed, args.dir))
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
