"""How late the event loop wakes while K threads do Python work, with and without CPU slots.

    .venv/bin/python bench/gil_threads.py [--threads 1,3,6,10] [--seconds 2]

A ticker sleeps 5 ms again and again and records how late it wakes, while K threads run a
pure-Python loop in short jobs, either all at once ("free") or taking turns through
bot.core.cpu's slots ("slotted", as the bot's read pool, mention parser and thread jobs do).
Prints JSON: the longest, p99 and median lateness in ms, and the jobs done (throughput), for
each K and mode. The interpreter settles as the started bot does (bot/runtime.py).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.core.cpu import holding_slot  # noqa: E402
from bot.runtime import SWITCH_INTERVAL  # noqa: E402


def _job() -> int:
    s = 0
    for i in range(20_000):  # about 1 ms of Python
        s += i
    return s


async def measure(threads: int, slotted: bool, seconds: float) -> dict[str, float]:
    stop = threading.Event()
    done = [0] * threads
    job = holding_slot(_job) if slotted else _job

    def work(k: int) -> None:
        while not stop.is_set():
            job()
            done[k] += 1

    workers = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for w in workers:
        w.start()
    late: list[float] = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        t = time.perf_counter()
        await asyncio.sleep(0.005)
        late.append(time.perf_counter() - t - 0.005)
    stop.set()
    for w in workers:
        w.join()
    late.sort()
    return {
        "longest_ms": round(late[-1] * 1000, 1),
        "p99_ms": round(late[int(len(late) * 0.99)] * 1000, 1),
        "p50_ms": round(late[len(late) // 2] * 1000, 1),
        "jobs": sum(done),
    }


async def run(counts: list[int], seconds: float) -> dict[str, dict[str, dict[str, float]]]:
    out: dict[str, dict[str, dict[str, float]]] = {}
    for k in counts:
        out[str(k)] = {
            mode: await measure(k, mode == "slotted", seconds) for mode in ("free", "slotted")
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threads", default="1,3,6,10")
    ap.add_argument("--seconds", type=float, default=2.0)
    args = ap.parse_args()
    sys.setswitchinterval(SWITCH_INTERVAL)
    counts = [int(x) for x in args.threads.split(",")]
    print(json.dumps(asyncio.run(run(counts, args.seconds)), indent=2))


if __name__ == "__main__":
    main()
