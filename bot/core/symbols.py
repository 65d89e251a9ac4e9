"""UN document symbols: recognising, normalising and linking them."""

from __future__ import annotations

import re

# A UN document symbol: a series letter (A, S, E, ST, UNEP...) then slash-separated parts,
# e.g. A/79/729, S/2025/40, A/ES-10/1029, A/HRC/RES/5/1, S/RES/822 (1993).
DOC_SYMBOL_RE = re.compile(
    r"\b(?:A|S|E|ST|CCPR|CRC|CEDAW|CERD|CAT|CRPD|UNEP|TD|DP|ICEF|A/HRC|E/CN\.\d+)"
    r"(?:/[A-Z0-9][A-Za-z0-9.\-]*)+(?:\s*\((?:\d{4}|[IVXLC]+)\))?",
)

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def normalize_symbol(text: str) -> str:
    """Canonical key for a document symbol as people type it: `s / 2025/40` -> `S/2025/40`.

    Spaces are dropped except before a parenthesised year (`S/RES/822 (1993)`).
    """
    s = text.strip().upper()
    for d in _DASHES:
        s = s.replace(d, "-")
    s = re.sub(r"\s*/\s*", "/", s)
    s = re.sub(r"\s*\(\s*", " (", s)
    s = re.sub(r"\s*\)", ")", s)
    s = re.sub(r"(?<=\d)\s+(?=[A-Z]\b)", " ", s)  # keep `51/196 B`
    return s.strip()


def split_joint_symbol(text: str) -> list[str]:
    """`A/79/729–S/2025/40` -> ["A/79/729", "S/2025/40"]."""
    t = text
    for d in _DASHES:
        t = t.replace(d, "\u2013")
    parts = re.split(r"\s*\u2013\s*(?=[A-Z]+/)|\s+(?=[A-Z]+/)", t.strip())
    return [normalize_symbol(p) for p in parts if p.strip()]


def undocs_url(symbol: str, lang: str = "en") -> str:
    """Link to the UN's document resolver: `S/RES/822 (1993)` -> .../en/S/RES/822(1993)."""
    return f"https://undocs.org/{lang}/{symbol.replace(' ', '')}"


def symbol_key(symbol: str) -> str:
    """Looser key for lookups: no spaces at all, upper case."""
    return re.sub(r"\s+", "", normalize_symbol(symbol))


_FILE_PART_RE = re.compile(
    r"^(?:A|S|E)(?:_(?:RES|DEC|PRST|HRC|ES-\d{1,2}|S-\d{1,2}|INF|AC\.\d{1,3}|\d{1,5}))+$"
)


def symbols_from_filename(name: str) -> list[str]:
    """UN file names spell the symbol with underscores: `A_79_729-S_2025_40.txt`,
    `S_RES_822_1993.txt` -> ["S/RES/822 (1993)"]. Nothing for names that are not symbols."""
    stem = re.sub(r"\.[A-Za-z]{2,4}$", "", name.rsplit("/", 1)[-1])
    stem = re.sub(r"\.(?:en|fr|es|ru|ar|zh)$", "", stem)
    out = []
    for part in re.split(r"-(?=[ASE]_)", stem):
        if not _FILE_PART_RE.match(part):
            return []
        bits = part.split("_")
        if bits[0] == "S" and len(bits) == 4 and bits[1] == "RES" and len(bits[3]) == 4:
            out.append(f"S/RES/{int(bits[2])} ({bits[3]})")  # the year is written as a part
        else:
            out.append("/".join(bits))
    return out
