"""UN document symbols: recognising, normalising and linking them."""

from __future__ import annotations

import re
from functools import lru_cache

# A UN document symbol: a series (A, S, E, ST, UNEP...) then slash-separated parts,
# e.g. A/79/729, S/2025/40, A/ES-10/1029, A/HRC/RES/5/1, S/RES/822 (1993), ICCD/COP(8)/CST/8.
# Series that open a symbol in running text (a masthead line may hold any series: see
# MASTHEAD_SYMBOL_RE). Data, not logic: add a series here.
SERIES = (
    "A", "S", "E", "ST", "CCPR", "CRC", "CEDAW", "CERD", "CAT", "CRPD", "CMW", "CED", "HRI",
    "UNEP", "TD", "DP", "DP-FPA", "ICEF", "UNW", "JIU", "CEB", "TPNW", "ICCD", "FCCC", "GEGN\\.\\d",
    "ESCAP", "ECE", "CTBT", "NPT", "APLC", "CCW", "BWC", "ISBA", "SPLOS", "UNCTAD", "ITLOS",
)  # fmt: skip
DOC_SYMBOL_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(SERIES, key=len, reverse=True))})(?:\(\d{{1,2}}\))?"
    r"(?:/[A-Z0-9][A-Za-z0-9.\-]*(?<![.\-])(?:\(\d{1,2}\))?)+(?:\s*\((?:\d{4}|[IVXLC]+)\))?",
)
# A whole line that is a symbol: any upper-case series (`GEGN.2`, `ICCD/COP(8)`), at least
# one slash and one digit, an optional reissue star.
MASTHEAD_SYMBOL_RE = re.compile(
    r"(?=[^\s]*\d)[A-Z]{1,6}(?:-[A-Z]{2,5})?(?:\.\d{1,2})?(?:/[A-Za-z0-9][A-Za-z0-9.\-]*(?:\(\d{1,2}\))?)+"
    r"(?:\s*\((?:\d{4}|[IVXLC]+)\))?\*?"
)
# Words the UN writes in mixed case inside symbols (`A/79/7/Add.12`, `E/2025/68/Corr.1`);
# every other part is upper case.
UN_CASED_PARTS = {"ADD": "Add", "CORR": "Corr", "REV": "Rev", "AMEND": "Amend"}
_CASED_RE = re.compile(rf"(?<=/)({'|'.join(UN_CASED_PARTS)})(?=\.)")

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


@lru_cache(maxsize=65536)  # the same symbols come back in every look-up over a server's documents
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
    s = re.sub(r"(?<=[A-Z]) \((\d{1,2})\)", r"(\1)", s)  # a session inside: `ICCD/COP(8)/...`
    s = re.sub(r"(?<=\d)\s+(?=[A-Z]\b)", " ", s)  # keep `51/196 B`
    s = s.rstrip("*")  # a reissue mark (`S/2025/460*`) is not part of the symbol
    return _CASED_RE.sub(lambda m: UN_CASED_PARTS[m.group(1)], s.strip())


def split_joint_symbol(text: str) -> list[str]:
    """`A/79/729–S/2025/40` -> ["A/79/729", "S/2025/40"]."""
    t = text
    for d in _DASHES:
        t = t.replace(d, "\u2013")
    parts = re.split(r"(?<=\d)\s*\u2013\s*(?=[A-Z]+/)|\s+(?=[A-Z]+/)", t.strip())
    return [normalize_symbol(p) for p in parts if p.strip()]


def undocs_url(symbol: str, lang: str = "en") -> str:
    """Link to the UN's document resolver: `S/RES/822 (1993)` -> .../en/S/RES/822(1993)."""
    return f"https://undocs.org/{lang}/{symbol.replace(' ', '')}"


@lru_cache(maxsize=65536)
def symbol_key(symbol: str) -> str:
    """Looser key for lookups: no spaces at all, upper case (`Add.1` and `ADD.1` are one key)."""
    return re.sub(r"\s+", "", normalize_symbol(symbol)).upper()


_FILE_PART_RE = re.compile(
    r"^[A-Z]{1,6}(?:-[A-Z]{2,5})?(?:\.\d{1,2})?(?:\(\d{1,2}\))?"
    r"(?:_(?:[A-Z]{1,8}(?:\.\d{1,3})?(?:\(\d{1,2}\))?|[A-Za-z]{1,5}\.\d{1,3}|ES-\d{1,2}|S-\d{1,2}|\d{1,5}))+$"
)


def symbols_from_filename(name: str) -> list[str]:
    """UN file names spell the symbol with underscores: `A_79_729-S_2025_40.txt`,
    `S_RES_822_1993.txt` -> ["S/RES/822 (1993)"], `DP_FPA_2025_6_Add.1.en.pdf` ->
    ["DP/FPA/2025/6/Add.1"]. Nothing for names that are not symbols."""
    stem = re.sub(r"\.[A-Za-z]{2,4}$", "", name.rsplit("/", 1)[-1])
    stem = re.sub(r"\.(?:en|fr|es|ru|ar|zh)$", "", stem)
    out = []
    for part in re.split(r"(?<=[0-9])-(?=[A-Z]{1,6}[_.])", stem):
        if not _FILE_PART_RE.match(part) or not any(c.isdigit() for c in part):
            return []
        bits = part.split("_")
        if bits[0] == "S" and len(bits) == 4 and bits[1] == "RES" and len(bits[3]) == 4:
            out.append(f"S/RES/{int(bits[2])} ({bits[3]})")  # the year is written as a part
        else:
            out.append(normalize_symbol("/".join(bits)))
    return out


# Letters a poor text layer puts for digits (`A/39/36I` for A/39/361).
_OCR_DIGITS = str.maketrans({"I": "1", "L": "1", "O": "0", "S": "5", "B": "8", "Z": "2"})


_CLEAN_PART_RE = re.compile(r"\d+|[A-Z]+(?:-\d{1,2})?|[A-Za-z]{1,5}\.\d{1,3}|[A-Z]+\(\d{1,2}\)")


def looks_damaged(symbol: str) -> bool:
    """A part mixing digits with letters outside the UN's forms (`36I`, `1O9`), or a stray dot."""
    parts = symbol.split("/")
    for k, part in enumerate(parts):
        if k == 0:
            if part.endswith(".") or ("." in part and not re.fullmatch(r"[A-Z]+\.\d{1,2}", part)):
                return True
            continue
        core = part.split(" (")[0]
        if _CLEAN_PART_RE.fullmatch(core):
            continue
        if re.search(r"\d", core):
            return True
    return False


def check_against_filename(read: list[str], from_name: list[str]) -> tuple[list[str], str | None]:
    """The symbols to keep and a warning, when the text layer's symbol looks damaged.

    The printed masthead counts over the file name (files are often misnamed), except where
    the printed symbol looks like bad OCR and the file name reads as its clean form."""
    bad = [s for s in read if looks_damaged(s)]
    if not bad:
        return read, None
    fixed = {symbol_key(s).translate(_OCR_DIGITS) for s in read}
    named = {symbol_key(s).translate(_OCR_DIGITS) for s in from_name}
    if from_name and fixed == named:
        return from_name, (
            f"the text layer prints the symbol as {', '.join(read)}: it looks damaged (poor OCR?);"
            f" using the file name's {', '.join(from_name)}"
        )
    return read, f"the symbol {', '.join(bad)} looks damaged in the text layer (poor OCR?)"
