"""Quality on the gold sets of ../shared/eval: find beside brute force, and mentions."""

from __future__ import annotations

from bot.eval import find, mentions
from conftest import EVAL, needs_shared


@needs_shared
async def test_find_is_at_least_as_good_as_brute_force() -> None:
    result = await find.evaluate(EVAL / "find_queries_dev.jsonl", 5)
    ours, brute = result["ours"], result["brute_force_partial_ratio"]
    # The baseline scores only paragraphs at least as long as the query (a table cell "1" is
    # contained in any query with a 1 in it): fair, so it finds most passages too.
    assert brute["passage_at_k_present"] >= 0.8
    for key in ("accuracy", "passage_at_k_present", "doc_at_k_present"):
        assert ours[key] >= brute[key], key
    assert ours["accuracy"] >= 0.95, result["misses"]
    assert result["ours"]["by_kind"]["absent"] == "8/8"


@needs_shared
async def test_mentions_give_the_right_answer_about_the_right_document() -> None:
    result = await mentions.evaluate(EVAL / "mentions_dev.jsonl")
    assert result["accuracy"] >= 0.9, result["failures"]
