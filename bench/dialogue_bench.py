"""Parsing a mention and resolving the document it names, on the bundled corpus (data/).

    .venv/bin/python bench/dialogue_bench.py [--repeat 20]

Prints JSON: medians (ms) of parsing alone and of parsing plus resolving (the dialogue's
document lookup, its full-text look-ups included), over messages written for this bench in the
six languages; the baseline is one `refs.resolve` of the same reference words as the old parser
did, measured in the same process. Figures, not assertions: the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import time

from bot.core import refs
from bot.core.errors import Ambiguous, NotFound
from bot.core.mention import parse_mention
from bot.dialogue import Dialogue
from bot.eval.common import corpus_library

MESSAGES = [
    "@Rapporteur who signed the Kenyan note verbale of June?",
    "@Rapporteur summarize the letter from Turkey",
    "@Rapporteur which resolutions does the Lebanese letter cite?",
    "@Rapporteur list the letters Greece sent in 2025",
    "@Rapporteur résume la note verbale de Chypre",
    "@Rapporteur quand la lettre du Pakistan d'août a-t-elle été distribuée ?",
    "@Rapporteur ¿qué resoluciones cita la carta de Dinamarca de marzo?",
    "@Rapporteur перескажи письмо Германии",
    "@Rapporteur لخص رسالة اليونان",
    "@Rapporteur 概括一下塞浦路斯的照会",
    "@Rapporteur what is the Venezuelan letter about?",
    "@Rapporteur the one about the police mission",
]


async def run(repeat: int) -> dict[str, float]:
    async with corpus_library() as lib:
        dialogue = Dialogue(lib)
        docs = await lib.documents(["corpus", "local"])
        parse_ms, full_ms, base_ms = [], [], []
        for _ in range(repeat):
            for m in MESSAGES:
                t0 = time.perf_counter()
                req = parse_mention(m)
                t1 = time.perf_counter()
                with contextlib.suppress(Ambiguous, NotFound):
                    await dialogue.document(req, "local", "bench", False)
                t2 = time.perf_counter()
                refs.resolve(req.ref or m, docs)
                t3 = time.perf_counter()
                parse_ms.append((t1 - t0) * 1000)
                full_ms.append((t2 - t0) * 1000)
                base_ms.append((t3 - t2) * 1000)
    return {
        "messages": len(MESSAGES),
        "repeat": repeat,
        "documents": len(docs),
        "parse_median_ms": round(statistics.median(parse_ms), 3),
        "parse_and_resolve_median_ms": round(statistics.median(full_ms), 3),
        "parse_and_resolve_p90_ms": round(statistics.quantiles(full_ms, n=10)[-1], 3),
        "baseline_refs_resolve_median_ms": round(statistics.median(base_ms), 3),
    }


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--repeat", type=int, default=20)
    args = p.parse_args()
    print(json.dumps(asyncio.run(run(args.repeat)), indent=2))


if __name__ == "__main__":
    main()
