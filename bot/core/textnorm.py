"""Folding and tokenising for search and reference matching (accents, case, apostrophes)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD_RE = re.compile(r"\w+", re.UNICODE)

# Function words that carry no meaning on their own in a query (English and French).
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "which",
        "with",
        "not",
        "no",
        "all",
        "any",
        "can",
        "did",
        "does",
        "do",
        "what",
        "where",
        "who",
        "whom",
        "whose",
        "how",
        "about",
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "de",
        "du",
        "d",
        "et",
        "en",
        "au",
        "aux",
        "a",
        "par",
        "pour",
        "sur",
        "dans",
        "que",
        "qui",
        "quoi",
        "ou",
        "ne",
        "pas",
        "se",
        "sa",
        "son",
        "ses",
        "leur",
        "leurs",
        "ce",
        "cet",
        "cette",
        "ces",
        "il",
        "elle",
        "est",
        "sont",
        "avec",
        "sans",
        "plus",
    ]
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics, as FTS5's unicode61 remove_diacritics tokenizer sees it."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    """Folded word tokens."""
    return _WORD_RE.findall(fold(text))


def content_tokens(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in STOPWORDS]
