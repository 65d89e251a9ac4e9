"""Counted nouns agree with their number in the six languages (CLDR rules through babel)."""

from __future__ import annotations

import pytest

from bot.messages import COUNTED, counted


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("en", 1, "1 resolution cited"),
        ("en", 0, "0 resolutions cited"),
        ("en", 4, "4 resolutions cited"),
        ("fr", 1, "1 résolution citée"),
        ("fr", 0, "0 résolution citée"),  # French counts zero in the singular
        ("fr", 2, "2 résolutions citées"),
        ("es", 1, "1 resolución citada"),
        ("es", 3, "3 resoluciones citadas"),
        ("ru", 1, "1 цитируемая резолюция"),
        ("ru", 3, "3 цитируемые резолюции"),
        ("ru", 5, "5 цитируемых резолюций"),
        ("ru", 21, "21 цитируемая резолюция"),
        ("ar", 2, "2 قراران مذكوران"),
        ("ar", 5, "5 قرارات مذكورة"),
        ("zh", 1, "1 项被引用的决议"),
    ],
)
def test_resolutions_cited_agree_with_their_number(lang: str, n: int, expected: str) -> None:
    assert counted(lang, "resolutions_cited", n) == expected


def test_every_language_counts_every_noun() -> None:
    for lang, nouns in COUNTED.items():
        assert nouns.keys() == COUNTED["en"].keys(), lang
        assert all("other" in forms for forms in nouns.values()), lang
    assert counted("en", "mentions", 1) == "1 mention"
    assert counted("xx", "documents", 1) == "1 document"  # an unknown language: English
