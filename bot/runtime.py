"""Interpreter settings that keep the event loop answering under load, applied once the bot has
started (bot/discord/client.py setup_hook, for run_discord; bench/load_mixed.py does the same)."""

from __future__ import annotations

import gc
import sys

# The loop shares the interpreter lock with the threads doing Python work (read pool, writer,
# mention parser). A thread waiting for it gets it after one switch interval per busy thread
# ahead of it: 5 ms by default, so three busy threads held a bare asyncio ticker up to ~300 ms on
# this project's machines, against ~35 ms at 1 ms.
SWITCH_INTERVAL = 0.001


def settle() -> None:
    """After start-up: a short switch interval, and the start-up heap (modules, lexicons,
    compiled patterns, some 40,000 objects) frozen out of the collector's view, so that a full
    collection, which holds the lock and so the loop, scans only what was made since (one
    during bench/load_mixed.py's burst: 52 ms of CPU, 7 ms frozen)."""
    if sys.getswitchinterval() > SWITCH_INTERVAL:
        sys.setswitchinterval(SWITCH_INTERVAL)
    gc.collect()  # garbage frozen now would never be freed
    gc.freeze()
