"""Dates as UN documents print them (English, French, Spanish), turned into ISO strings."""

from __future__ import annotations

import re
from datetime import date

from bot.core.lexicon.words import MONTH_NAMES, MONTH_VARIANTS
from bot.core.textnorm import fold

# Each month as printed and without its accents ("février", "fevrier"), in the three languages
# whose documents write months in words.
_MONTHS: dict[str, int] = {}
for _lang in ("en", "fr", "es"):
    for _i, _name in enumerate(MONTH_NAMES[_lang], start=1):
        _MONTHS[_name] = _MONTHS[fold(_name)] = _i
    _MONTHS.update(MONTH_VARIANTS.get(_lang, {}))
# Short forms ("Sept.", "Dec.") and OCR damage ("Apri]") fall back on a 3-letter prefix;
# months whose first three letters are shared by another (French "juin"/"juillet") need four.
_PREFIX: dict[str, int] = {}
_SHARED = {_n[:3] for _n, _i in _MONTHS.items() if _PREFIX.setdefault(_n[:3], _i) != _i}
for _n, _i in _MONTHS.items():
    if _n[:3] in _SHARED:
        _PREFIX.pop(_n[:3], None)
        _PREFIX[_n[:4]] = _i

_WORD = r"[A-Za-zÀ-ÿ\]]{3,10}\.?"
# "17 January 2025", "1er avril 2020", "13 de abril de 2020", "3 rd March 2025"
_DMY_RE = re.compile(
    rf"\b(\d{{1,2}})\s?(?:er|st|nd|rd|th|º)?\s+(?:de\s+|of\s+)?({_WORD})\s*,?\s+(?:de\s+|del\s+)?(\d{{4}})\b"
)
# "April 7, 2023", "February 14 2025"
_MDY_RE = re.compile(rf"\b({_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def month_number(word: str) -> int | None:
    """`April` / `avril` / `Apri]` / `Sept.` -> 4, 4, 4, 9; None when it is not a month."""
    w = word.lower().rstrip(".")
    if w in _MONTHS:
        return _MONTHS[w]
    if len(w) < 3 or len(w) > 10:
        return None
    return _PREFIX.get(w[:4]) or _PREFIX.get(w[:3]) if not w[:3].isdigit() else None


def _iso(y: int, m: int | None, d: int) -> str | None:
    if m is None:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every date in `text` as (start, end, ISO), in order of appearance."""
    found: list[tuple[int, int, str]] = []
    for m in _DMY_RE.finditer(text):
        word = m.group(2)
        # Month prefixes must not swallow ordinary words ("2 Marines", "10 Avenue").
        if word.lower().rstrip(".") not in _MONTHS and not _looks_like_short_month(word):
            continue
        iso = _iso(int(m.group(3)), month_number(word), int(m.group(1)))
        if iso:
            found.append((m.start(), m.end(), iso))
    for m in _MDY_RE.finditer(text):
        word = m.group(1)
        if word.lower().rstrip(".") not in _MONTHS and not _looks_like_short_month(word):
            continue
        iso = _iso(int(m.group(3)), month_number(word), int(m.group(2)))
        if iso and not any(s <= m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), iso))
    for m in _ISO_RE.finditer(text):
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            found.append((m.start(), m.end(), iso))
    found.sort()
    return found


def _looks_like_short_month(word: str) -> bool:
    """An abbreviation (`Sept.`) or a damaged month (`Apri]`) close to a real month name."""
    w = word.lower().rstrip(".")
    n = month_number(w)
    if n is None:
        return False
    return any(full.startswith(w[:3]) and abs(len(full) - len(w)) <= 1 for full in _MONTHS) or (
        word.endswith(".")
    )


def parse_date(text: str) -> str | None:
    """The first date in `text` as `YYYY-MM-DD`, or None."""
    found = find_dates(text)
    return found[0][2] if found else None


def is_date_line(line: str) -> bool:
    """True when the line is only a date (optionally after a place or `Le`/`On`)."""
    s = line.strip()
    found = find_dates(s)
    if not found:
        return False
    start, end, _ = found[0]
    head = s[:start].strip()
    # Only a place ("Kinshasa,") or a particle ("Le", "On") may precede the date.
    ok_head = not head or head.endswith(",") or head.lower() in ("le", "on", "of", "the", "du")
    return end >= len(s.rstrip(" .")) and ok_head and len(head.split()) <= 4
