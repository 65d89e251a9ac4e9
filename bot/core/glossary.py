"""UN terms in the six official languages, so that find also searches the other languages.

A query in one language ("ceasefire violations") misses a passage written in the other ("violations
du cessez-le-feu"). `translate` rewrites the terms it knows, longest first, and leaves every other
word as it is (names, numbers and words shared by both languages match either way); find then runs
both queries and merges the hits. The pairs are the terms of UN correspondence and resolutions,
country names that differ between the two languages, and the organs' names, as UNTERM gives them.
Terms are written folded, the way FTS5 indexes them (lower case, no accents, "l'homme" -> l homme).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.countries import NOT_STATES, country_name
from bot.core.glossary_terms import LANGS, TERMS
from bot.core.textnorm import fts_tokens, unspaced

FUZZY_MIN = 6  # a single word this long may differ by one edit ("ceasfire")
# A hit for the translated query weighs a little less than one for the words typed: a passage in
# the asker's own language comes first when both match as well.
TRANSLATED_WEIGHT = 0.85


def _rows() -> list[dict[str, tuple[str, ...]]]:
    """One row a concept: language -> its folded words. The six-language terms first, then
    every state's name in the six languages (CLDR)."""
    rows: list[dict[str, tuple[str, ...]]] = []
    for term in TERMS:
        rows.append({lang: tuple(fts_tokens(t)) for lang, t in zip(LANGS, term, strict=True) if t})
    for names in state_names():
        rows.append({lang: tuple(fts_tokens(n)) for lang, n in names.items()})
    return rows


def state_names() -> list[dict[str, str]]:
    """Each state's name in the six languages, as CLDR writes them (bot.core.countries)."""
    from babel import Locale

    out = []
    for code in Locale("en").territories:
        if isinstance(code, str) and len(code) == 2 and code.isalpha() and code not in NOT_STATES:
            names = {lang: country_name(code, lang) for lang in LANGS}
            out.append({k: _PARENS.sub(" ", v) for k, v in names.items()})
    return out


_PARENS = re.compile(r"\s*\(.*?\)\s*|\s*（.*?）\s*")


@dataclass(slots=True)
class _Glossary:
    rows: list[dict[str, tuple[str, ...]]]
    # Folded words of a term -> (its row, its language); the first row to claim them keeps them.
    table: dict[tuple[str, ...], tuple[int, str]]
    longest: int
    single: list[str]  # one-word terms long enough to be matched with a typo


@lru_cache(maxsize=1)
def _glossary() -> _Glossary:
    """Built on first use (CLDR's six locales take a second to load): call it off the loop."""
    rows = _rows()
    table: dict[tuple[str, ...], tuple[int, str]] = {}
    for i, row in enumerate(rows):
        for lang, words in row.items():
            if words:
                table.setdefault(words, (i, lang))
    single = [k[0] for k in table if len(k) == 1 and len(k[0]) >= FUZZY_MIN]
    return _Glossary(rows, table, max(len(k) for k in table), single)


def _terms(words: list[str]) -> list[tuple[int, int, int | None, str | None]]:
    """(start, length, row, language) over `words`, the glossary's terms longest first."""
    g = _glossary()
    out: list[tuple[int, int, int | None, str | None]] = []
    i = 0
    while i < len(words):
        for n in range(min(g.longest, len(words) - i), 0, -1):
            key = tuple(words[i : i + n])
            found = g.table.get(key)
            if found is None and n == 1 and len(words[i]) >= FUZZY_MIN:
                near = process.extract(
                    words[i], g.single, scorer=OSA.distance, score_cutoff=1, limit=2
                )
                found = g.table[(near[0][0],)] if len(near) == 1 else None
            if found is not None:
                out.append((i, n, *found))
                i += n
                break
        else:
            out.append((i, 1, None, None))
            i += 1
    return out


def translation_words(query: str) -> list[tuple[str, str, frozenset[str]]]:
    """translations(), each with the words the glossary put in (spelt right: see
    search.analyse's `near`)."""
    out = []
    for lang, text in translations(query):
        typed = set(fts_tokens(query))
        out.append((lang, text, frozenset(t for t in fts_tokens(text) if t not in typed)))
    return out


def translations(query: str) -> list[tuple[str, str]]:
    """(language, `query` with the glossary's terms in that language) for every official
    language the query is not written in where some term reads differently, in LANGS order.
    Other words (names, numbers) are kept as typed."""
    words = fts_tokens(query)
    spans = _terms(words)
    found = [(row, lang) for _, _, row, lang in spans if row is not None]
    if not found:
        return []
    asked = {lang for _, lang in found}
    out = []
    for target in LANGS:
        if target in asked and len(asked) == 1:
            continue
        text: list[str] = []
        changed = False
        for i, n, row, _ in spans:
            other = _glossary().rows[row].get(target) if row is not None else None
            if other is not None and other != tuple(words[i : i + n]):
                text.extend(other)
                changed = True
            elif target == "zh" or not unspaced(words[i]):
                # (Pairs of Chinese characters left between terms mean nothing elsewhere.)
                text.extend(words[i : i + n])
        if changed:
            out.append((target, _join(text)))
    return out


def _join(words: list[str]) -> str:
    """Words back into a query: Chinese pairs of characters whole again ("人权")."""
    out: list[str] = []
    for w in words:
        if out and unspaced(w) and unspaced(out[-1]) and len(w) == 2 and out[-1][-1] == w[0]:
            out[-1] += w[1]
        else:
            out.append(w)
    return " ".join(out)


def translate(query: str) -> str | None:
    """`query` in the other of English and French (the translation shown first), or None."""
    for lang, text in translations(query):
        if lang in ("en", "fr"):
            return text
    return None
