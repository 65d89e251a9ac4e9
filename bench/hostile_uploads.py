"""Hostile and huge one-file uploads: what each costs the bot, and another server meanwhile.

    .venv/bin/python bench/hostile_uploads.py [--safe-only] [--runs 3]

One Library on a temporary database (data/ loaded). For each upload (made at run time by
tests/fixtures/make_bad.py, or a 19.7 MB .txt of real text from ../shared, else data/): its
wall time, whether it loaded or why it was refused, and the longest event-loop stall while it
ran (a ticker sleeps 5 ms and records how late it wakes). Then another server's one-file upload
of a real letter, alone and while the first server uploads the 19.7 MB text and a hostile PDF:
median latency over --runs. `--safe-only` leaves out the files that kill a process which parses
them itself (to measure code from before the sandbox). Prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.core.library import Actor, Library  # noqa: E402

_spec = importlib.util.spec_from_file_location("make_bad", ROOT / "tests/fixtures/make_bad.py")
make_bad = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(make_bad)  # type: ignore[union-attr]

MOD = Actor("bench", moderator=True)
SHARED_EN = ROOT.parent / "shared" / "corpus" / "en"


def _texts() -> list[Path]:
    found = sorted(SHARED_EN.glob("*.txt")) or sorted((ROOT / "data").rglob("*.txt"))
    return [p for p in found if p.name.lower() not in ("readme.md", "sources.md")]


def big_text(size: int = 19_700_000) -> bytes:
    blob = b"\n\n".join(p.read_bytes() for p in _texts())
    return (blob * (size // len(blob) + 1))[:size]


class Ticker:
    """The longest lateness of a 5 ms sleep: how long the event loop was blocked."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task | None = None

    async def _run(self) -> None:
        while True:
            t = time.perf_counter()
            await asyncio.sleep(0.005)
            self.worst = max(self.worst, time.perf_counter() - t - 0.005)

    def __enter__(self) -> Ticker:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()


async def one(lib: Library, scope: str, name: str, data: bytes) -> dict[str, Any]:
    with Ticker() as ticker:
        t = time.perf_counter()
        report = await lib.load_files([(name, data)], scope, MOD)
        wall = time.perf_counter() - t
    return {
        "bytes": len(data),
        "wall_s": round(wall, 2),
        "loop_max_stall_ms": round(ticker.worst * 1000, 1),
        "outcome": "loaded" if report.loaded else report.failed[0][1],
    }


async def main(safe_only: bool, runs: int) -> dict[str, Any]:
    letter = _texts()[0]
    uploads: dict[str, bytes] = {"big_19.7MB.txt": big_text()}
    uploads["huge.docx"] = make_bad.huge_docx(1_000_000)
    uploads["sloppy.html"] = make_bad.sloppy_html()
    if not safe_only:
        uploads["forms7.pdf"] = make_bad.nested_forms_pdf(7)
        uploads["forms6.pdf"] = make_bad.nested_forms_pdf(6)
        uploads["flate_bomb.pdf"] = make_bad.flate_bomb_pdf(2 << 30)
        for kind in make_bad.QUADRATIC_HTML:
            uploads[f"{kind}.html"] = make_bad.quadratic_html(kind)
    out: dict[str, Any] = {"uploads": {}}
    with tempfile.TemporaryDirectory() as tmp:
        async with Library(Path(tmp) / "b.db") as lib:
            await lib.load_directory(ROOT / "data")
            await lib.load_files([("warm.txt", letter.read_bytes())], "guild:0", MOD)
            for name, data in uploads.items():
                out["uploads"][name] = await one(lib, "guild:1", name, data)
            alone, beside = [], []
            for i in range(runs):
                got = await one(lib, "guild:2", f"alone{i}.txt", letter.read_bytes())
                alone.append(got["wall_s"])
                noisy = [("big.txt", uploads["big_19.7MB.txt"])]
                if not safe_only:
                    noisy.append(("forms7.pdf", uploads["forms7.pdf"]))
                first = asyncio.ensure_future(lib.load_files(noisy, f"guild:3{i}", MOD))
                await asyncio.sleep(0.3)  # the first server's files are being read
                got = await one(lib, "guild:2", f"beside{i}.txt", letter.read_bytes())
                beside.append(got["wall_s"])
                await first
            out["another_server_one_file_upload_s"] = {
                "alone_median": statistics.median(alone),
                "beside_a_big_upload_median": statistics.median(beside),
            }
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--safe-only", action="store_true")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print(json.dumps(asyncio.run(main(args.safe_only, args.runs)), indent=2))
