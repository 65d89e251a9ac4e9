"""Citation extraction speed on the UNPC devset, per language, one core.

    python bench/citation_speed.py [--prefix ../shared/corpus/parallel/unpc_v1.0_devset/UNv1.0.devset]
        [--runs 3] [--by-line]

Prints JSON: MB/s (UTF-8 bytes) per language and overall, the median of `--runs` runs. By
default each language file is extracted as one text (a long document); `--by-line` calls the
extractor once per line (4,000 short texts, as the evaluation does).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.citations import extract_citations

LANGS = ("ar", "en", "es", "fr", "ru", "zh")
DEFAULT_PREFIX = (
    Path(__file__).resolve().parent.parent.parent
    / "shared/corpus/parallel/unpc_v1.0_devset/UNv1.0.devset"
)


def _pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _time(texts: list[str], lang: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = 0
    for t in texts:
        n += len(extract_citations(t, lang))
    return time.perf_counter() - t0, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--prefix", default=str(DEFAULT_PREFIX))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--by-line", action="store_true")
    args = ap.parse_args(argv)
    _pin_one_core()
    result: dict[str, dict[str, float | int]] = {}
    total_bytes = 0
    total_secs = 0.0
    for lang in LANGS:
        path = Path(f"{args.prefix}.{lang}")
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        texts = text.split("\n") if args.by_line else [text]
        size = len(text.encode("utf-8"))
        runs = [_time(texts, lang) for _ in range(args.runs)]
        secs = statistics.median(r[0] for r in runs)
        result[lang] = {
            "mb": round(size / 1e6, 3),
            "seconds": round(secs, 4),
            "mb_per_s": round(size / 1e6 / secs, 2),
            "citations": runs[0][1],
        }
        total_bytes += size
        total_secs += secs
    if not result:
        print(json.dumps({"error": f"no files at {args.prefix}.*"}))
        return 1
    result["overall"] = {
        "mb": round(total_bytes / 1e6, 3),
        "seconds": round(total_secs, 4),
        "mb_per_s": round(total_bytes / 1e6 / total_secs, 2),
        "citations": sum(int(v["citations"]) for v in result.values()),
    }
    print(json.dumps({"mode": "by-line" if args.by_line else "whole-file", **result}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
