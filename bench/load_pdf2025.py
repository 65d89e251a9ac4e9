"""Loading every UN series: all of ../shared/corpus/pdf-2025 into an empty database.

    .venv/bin/python bench/load_pdf2025.py [--folder ../shared/corpus/pdf-2025]

One Library on a temporary database; `load_directory` on the folder (PDFs read by the readers,
parsed in worker processes, stored in one transaction). Prints JSON: files loaded and refused
(each with its reason), wall time, passages stored and passages per second, and what the
records hold: kinds, and how many have no title, no date or no symbol.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.core.library import Library  # noqa: E402


async def run(folder: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        async with Library(Path(tmp) / "bench.db") as lib:
            started = time.perf_counter()
            report = await lib.load_directory(folder)
            seconds = time.perf_counter() - started
            docs = await lib.documents(["corpus"])
            passages = 0
            for d in docs:
                passages += len(await lib.store.paragraphs(d.id))
    kinds = Counter(d.kind for d in docs)
    return {
        "files": len(report.loaded) + len(report.failed),
        "loaded": len(report.loaded),
        "refused": [{"file": f, "reason": r} for f, r in report.failed],
        "seconds": round(seconds, 2),
        "passages": passages,
        "passages_per_second": round(passages / seconds) if seconds else None,
        "kinds": dict(kinds.most_common()),
        "no_title": sum(1 for d in docs if not d.title),
        "no_date": sum(1 for d in docs if not d.date),
        "no_symbol": sum(1 for d in docs if not d.symbols),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", type=Path, default=ROOT.parent / "shared" / "corpus" / "pdf-2025")
    args = ap.parse_args()
    if not args.folder.is_dir():
        print(f"no folder {args.folder}", file=sys.stderr)
        return 1
    print(json.dumps(asyncio.run(run(args.folder)), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
