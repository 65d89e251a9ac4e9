"""A cheap look at an extracted text layer: does it read like poor OCR?

Old scans carry an OCR layer full of misread letters ("SecEetaly", "Genera1", "Ig82"). A
word with a case flip inside it, letters and digits mixed, or stray glyphs is rare in a
born-digital UN document (a brand, a footnote mark glued to a word) and common in bad OCR;
their share per 1,000 words tells the two apart without a dictionary.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CASE_FLIP = re.compile(r"[a-z][A-Z]")
# CamelCase names and acronyms with a lower-case letter (MacArthur, PrEP, GenAI, iPhone).
_CAMEL = re.compile(
    r"(?:Mc|Mac|O'|De|La|Le|Di)?[A-Z][a-z]+(?:[A-Z][a-z]+)*s?|[A-Z][a-z]{1,3}[A-Z]{2,}s?"
    r"|[a-z]+[A-Z]+s?|i[A-Z]\w+"
)
_MIXED = re.compile(r"[^\W\d_]\d|\d[^\W\d_]")
# Ordinals, codes, units and footnote numbers: letters beside digits as print has them.
_MIXED_OK = re.compile(
    r"\d+(?:st|nd|rd|th|er|e|ème|bis|ter|[a-z])|[A-Z]{1,5}\d+[A-Za-z]?|\d+[A-Z]{1,3}"
    r"|[A-Z]+\d+[A-Z]?\d*|[a-z]\d|\d+(?:km|kg|mm|cm|m|ha|bn|m2|km2|GW|MW|kW|h)"
)
_GLYPHS = re.compile(r"[€¢§«»|~^{}<>\\]")

SAMPLE_CHARS = 80_000  # the text's beginning is enough to judge its layer
MIN_WORDS = 150  # a page of text at least: a short note's one brand name proves nothing
POOR_PER_1000 = 6.0  # misread-looking words per 1,000 (born-digital pdf-2025: at most 4.1)
SCANNED_PER_1000 = 3.0  # the same, where the PDF says its pages are scans with an OCR layer


def misread(word: str) -> bool:
    """A word that looks misread by OCR."""
    if _CASE_FLIP.search(word) and not _CAMEL.fullmatch(word):
        return True
    if _MIXED.search(word) and not _MIXED_OK.fullmatch(word):
        return True
    return bool(_GLYPHS.search(word))


def poor_ocr_warning(text: str, scanned: bool = False) -> str | None:
    """A warning for the load reply when the text looks like poor OCR, else None."""
    words = [w for w in _WORD.findall(text[:SAMPLE_CHARS]) if any(c.isalpha() for c in w)]
    if len(words) < MIN_WORDS:
        return None
    bad = [w for w in words if misread(w)]
    rate = 1000 * len(bad) / len(words)
    if rate < (SCANNED_PER_1000 if scanned else POOR_PER_1000):
        return None
    examples = ", ".join(list(dict.fromkeys(bad))[:3])
    return (
        f"poor OCR text layer: about {rate:.0f} in 1,000 words look misread (e.g. {examples});"
        " symbols, dates and citations read from it may be wrong"
    )
