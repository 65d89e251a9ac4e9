"""Quality on the gold sets of ../shared/eval: find beside brute force, and mentions."""

from __future__ import annotations

from bot.eval import find, mentions
from conftest import EVAL, needs_shared


@needs_shared
async def test_find_is_at_least_as_good_as_brute_force() -> None:
    result = await find.evaluate(EVAL / "find_queries_dev.jsonl", 5)
    ours = result["ours"]["accuracy"]
    assert ours >= result["brute_force_partial_ratio"]["accuracy"]
    assert ours >= 0.95, result["misses"]
    assert result["ours"]["by_kind"]["absent"] == "8/8"


@needs_shared
async def test_mentions_give_the_right_answer_about_the_right_document() -> None:
    result = await mentions.evaluate(EVAL / "mentions_dev.jsonl")
    assert result["accuracy"] >= 0.9, result["failures"]
