"""How long migration 006 (documents rebuilt with AUTOINCREMENT) takes on an existing database.

Builds a v005 database of N documents (copies of one real letter under distinct names, each with
its paragraphs and citations), then opens it with every migration and times the opening, against
opening the same database once migrated (the same work minus 006). Prints medians of a few runs.

    .venv/bin/python bench/migrate_006.py [N ...]
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bot.core import storage
from bot.core.library import Library
from bot.core.parse import parse_document

ROOT = Path(__file__).resolve().parent.parent
LETTER = sorted((ROOT / "data" / "corpus" / "en").glob("A_79_*-S_2025_*.txt"))[0]
RUNS = 3


async def build(db: Path, n: int) -> None:
    every = storage._migrations()
    storage._migrations = lambda: [m for m in every if m[0] <= 5]  # type: ignore[assignment]
    try:
        record = parse_document(LETTER.read_text("utf-8"), filename=LETTER.name)
        async with Library(db) as lib:
            items = [(f"copy{i}.txt", f"{i:064x}", record) for i in range(n)]
            await lib.store.save_documents("guild:1", items)
    finally:
        storage._migrations = lambda: every  # type: ignore[assignment]


async def open_time(db: Path) -> float:
    t = time.perf_counter()
    lib = Library(db)
    await lib.open()
    elapsed = time.perf_counter() - t
    await lib.close()
    return elapsed


async def main(sizes: list[int]) -> None:
    print(
        f"{'documents':>10} {'open v005 (006 runs) s':>24} {'open v006 s':>12} {'paragraphs':>11}"
    )
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            base = Path(tmp) / "v005.db"
            await build(base, n)
            migrating, plain = [], []
            for run in range(RUNS):
                copy = Path(tmp) / f"run{run}.db"
                shutil.copy(base, copy)
                migrating.append(await open_time(copy))
                plain.append(await open_time(copy))
            async with Library(copy) as lib:
                paragraphs = await lib.store.paragraph_count()
            print(
                f"{n:>10} {statistics.median(migrating):>24.3f}"
                f" {statistics.median(plain):>12.3f} {paragraphs:>11}"
            )


if __name__ == "__main__":
    asyncio.run(main([int(a) for a in sys.argv[1:]] or [1_000, 10_000]))
