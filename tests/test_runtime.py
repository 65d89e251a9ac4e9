"""The event loop's helpers under load (bot/runtime.py, bot/answer.off_loop). Their effect on
stalls is measured by bench/load_mixed.py; here, only that they do what they say."""

from __future__ import annotations

import gc
import sys
import threading

from bot.answer import off_loop
from bot.core.intents import parse_mention
from bot.runtime import SWITCH_INTERVAL, settle


async def test_mentions_parse_on_the_parser_thread_not_the_loop() -> None:
    where = await off_loop(lambda text: threading.current_thread().name, "any words")
    assert where.startswith("mention-parser") and where != threading.current_thread().name
    req = await off_loop(parse_mention, "@Rapporteur summarize S/2025/40")
    assert req == parse_mention("@Rapporteur summarize S/2025/40")  # the same answer


def test_settle_shortens_the_switch_interval_and_freezes_the_start_up_heap() -> None:
    before = sys.getswitchinterval()
    try:
        settle()
        assert sys.getswitchinterval() <= SWITCH_INTERVAL < before
        assert gc.get_freeze_count() > 1000  # this process's modules and objects, at least
    finally:  # the rest of the tests keep the interpreter as it was
        gc.unfreeze()
        sys.setswitchinterval(before)
