"""Cheap language identification for the six UN official languages."""

from __future__ import annotations

import re
from collections import Counter

from bot.core.lexicon.words import TEXT_FUNCTION_WORDS

# Non-Latin scripts decide by themselves; Latin ones are told apart by function words.
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_CJK = re.compile(r"[\u4E00-\u9FFF]")
_NON_LATIN = re.compile(r"[\u0600-\u06FF\u0400-\u04FF\u4E00-\u9FFF]")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
SAMPLE = 6000  # characters looked at

_STOP = TEXT_FUNCTION_WORDS


_ELIDED = re.compile(r"(?<![a-zà-ÿ'])[ldjnmsc]'[a-zà-ÿ']")


def detect_language(text: str) -> str:
    """'en', 'fr', 'es', 'ru', 'ar' or 'zh' from a sample of the text (default 'en')."""
    # A few pages decide (checked on 1,081 documents: the same answers as 20,000 characters).
    sample = text[:SAMPLE]
    # Count a script only where it occurs: a failed search is a fast scan, a findall is not.
    other = not sample.isascii() and _NON_LATIN.search(sample) is not None
    counts = {
        "ar": len(_ARABIC.findall(sample)) if other and _ARABIC.search(sample) else 0,
        "ru": len(_CYRILLIC.findall(sample)) if other and _CYRILLIC.search(sample) else 0,
        "zh": len(_CJK.findall(sample)) if other and _CJK.search(sample) else 0,
    }
    if not other:
        # Latin or nothing: whether any Latin letter occurs decides (no need to count them).
        if not _LATIN.search(sample):
            return "en"
    else:
        counts["latin"] = len(_LATIN.findall(sample))
        script = max(counts, key=lambda k: counts[k])
        # Chinese text is dense: a few hundred ideographs outweigh many Latin letters.
        if counts["zh"] * 3 > counts["latin"] and counts["zh"] > 0 and script != "ar":
            return "zh"
        if script != "latin":
            return script
    # Function words stand between spaces almost always: split() finds them several times
    # faster than a word regex, with the same answers on the corpus and the parallel devset.
    low = sample.lower().replace("\u2019", "'")
    words = Counter(low.split())
    scores = {lang: sum(words[w] for w in stops if w in words) for lang, stops in _STOP.items()}
    # Elided articles (l'homme, d'un) are a strong French signal.
    if "'" in low:
        scores["fr"] += len(_ELIDED.findall(low))
    return max(scores, key=lambda k: scores[k])
