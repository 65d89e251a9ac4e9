"""Load the English documents of ../shared/corpus/en, then time summary and find.

    .venv/bin/python bench/core_bench.py [--corpus ../shared/corpus/en] [--repeat 5]

Prints JSON: load time and throughput, then medians of summary and find over every document /
a fixed query set, with brute-force rapidfuzz over every paragraph as the baseline measured in
the same process. Figures, not assertions: the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.core.library import Library
from bot.core.textnorm import fold

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "ceasefire violations",
    "humanitarian coridors",
    "panel of experts mandate extened",
    "prisoners of war repatriated",
    "sanctions remain suspened",
    "territorial integrity",
    "nuclear non-proliferation treaty",
    "women peace and security",
    "mass graves gaza",
    "football association slogan",
    "refugees returnees displaced persons",
    "landmines",
]


def _median_ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 2)


async def run(corpus: Path, repeat: int) -> dict[str, object]:
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md"))
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library(Path(tmp) / "bench.db")
        await lib.open()
        t0 = time.perf_counter()
        report = await lib.load_directory(corpus)
        load_s = time.perf_counter() - t0
        paragraphs = await lib.store.paragraph_count()
        t0 = time.perf_counter()
        again = await lib.load_directory(corpus)
        reload_s = time.perf_counter() - t0
        docs = await lib.documents(["corpus"])
        summary_times = []
        for d in docs:
            t0 = time.perf_counter()
            await lib.summary(d, ["corpus"])
            summary_times.append(time.perf_counter() - t0)
        await lib.find("warm up", ["corpus"])
        find_times = []
        for _ in range(repeat):
            for q in QUERIES:
                t0 = time.perf_counter()
                await lib.find(q, ["corpus"])
                find_times.append(time.perf_counter() - t0)
        rows = await lib.store.db.execute_fetchall("SELECT text FROM paragraphs")
        folded = [fold(r[0]) for r in rows]
        brute = []
        for q in QUERIES:
            t0 = time.perf_counter()
            process.extract(fold(q), folded, scorer=fuzz.partial_ratio, limit=10)
            brute.append(time.perf_counter() - t0)
        await lib.close()
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    return {
        "documents": len(report.loaded),
        "failed": report.failed,
        "paragraphs": paragraphs,
        "words": words,
        "load_s": round(load_s, 3),
        "load_docs_per_s": round(len(report.loaded) / load_s, 1),
        "load_words_per_s": round(words / load_s),
        "reload_unchanged_s": round(reload_s, 3),
        "reload_unchanged": again.unchanged,
        "summary_median_ms": _median_ms(summary_times),
        "summary_max_ms": round(max(summary_times) * 1000, 2),
        "find_median_ms": _median_ms(find_times),
        "find_p95_ms": round(sorted(find_times)[int(len(find_times) * 0.95)] * 1000, 2),
        "brute_force_median_ms": _median_ms(brute),
        "find_speedup_vs_brute": round(statistics.median(brute) / statistics.median(find_times), 1),
    }


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "en")
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus not found: {args.corpus} (pass --corpus data/corpus/en)")
    print(json.dumps(asyncio.run(run(args.corpus, args.repeat)), indent=2))


if __name__ == "__main__":
    main()
