"""What adversarial inputs cost, against ordinary text of the same size, in one process.

    .venv/bin/python bench/pathological_inputs.py [--repeat 3]

The tests check that these inputs give the right answer and do not hang (pytest-timeout);
the times live here, as figures, because the machines are shared and noisy. For each input:
the median time of citation extraction (or find), the same for ordinary UN text of the same
length, and their ratio. A ratio far above 1 is a pattern that backtracks or a cost that grows
faster than the input.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bot.core.citations import extract_citations
from bot.core.library import Library

ROOT = Path(__file__).resolve().parent.parent
ORDINARY = (
    "Recalling its resolutions on the situation, and reaffirming its commitment to the "
    "sovereignty, independence and territorial integrity of the country, the Council "
)

CITATION_INPUTS: dict[str, str] = {
    "digits after 'resolution'": "resolution " + "1234 " * 100_000,
    "open brackets": "resolution 12 " + "(" * 200_000,
    "Arabic words": "قرار" + " كلمة" * 100_000 + " 12",
    "Chinese digit runs": ("1" * 50 + "号决议") * 10_000,
    "spaces": "resolution" + " " * 500_000 + "12",
    "slashes": "resolution " + "1/" * 200_000,
    "organ names": "Security Council " * 50_000 + "resolution 1325",
    "dates after a citation": "resolution 1325 (2000) " + "of 12 June 2000, " * 50_000,
    "dense adversarial 2 MB": (
        "Recalling its resolutions 1267 (1999), 1989 (2011) and 2253 (2015), (12) 34/56 "
        "((((((((( 1 2 3 4 5 6 7 8 9 résolution résolution القرار قرار 第 号决议 "
    )
    * 12_000,
}


def median_s(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def citation_figures(repeat: int) -> list[dict[str, object]]:
    rows = []
    for name, text in CITATION_INPUTS.items():
        ordinary = (ORDINARY * (len(text) // len(ORDINARY) + 1))[: len(text)]
        hostile = median_s(lambda t=text: extract_citations(t), repeat)
        base = median_s(lambda t=ordinary: extract_citations(t), repeat)
        rows.append(
            {
                "input": name,
                "chars": len(text),
                "median_ms": round(hostile * 1000, 1),
                "ordinary_median_ms": round(base * 1000, 1),
                "ratio": round(hostile / base, 2) if base else None,
            }
        )
    return rows


async def find_figures(repeat: int) -> list[dict[str, object]]:
    """A 161-letter word against 25-letter ones (fresh words each time: no cached expansion)."""
    with tempfile.TemporaryDirectory() as tmp:
        async with Library(Path(tmp) / "bench.sqlite") as lib:
            await lib.load_directory(ROOT / "data")

            async def cost(word: str) -> float:
                t0 = time.perf_counter()
                await lib.find(word, ["corpus"])
                return time.perf_counter() - t0

            short = [await cost("ab" * 12 + chr(ord("a") + i)) for i in range(repeat + 2)]
            long = [await cost("ab" * 80 + chr(ord("a") + i)) for i in range(repeat + 2)]
    s, lg = statistics.median(short), statistics.median(long)
    return [
        {
            "input": "one 161-letter word vs 25-letter words",
            "median_ms": round(lg * 1000, 2),
            "ordinary_median_ms": round(s * 1000, 2),
            "ratio": round(lg / s, 2) if s else None,
        }
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    out = {
        "citations": citation_figures(args.repeat),
        "find": asyncio.run(find_figures(args.repeat)),
    }
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
