"""Page furniture of UN documents: job numbers, barcodes, stamps, page counters, running headers.

`drop_furniture` blanks them out so the layout stages see only the document's own lines.
"""

from __future__ import annotations

import re

from bot.core.lexicon.words import LANGUAGE_NAMES
from bot.core.symbols import MASTHEAD_SYMBOL_RE, split_joint_symbol

# The one set of furniture patterns. Two users: the PDF reader removes, page by page, the lines
# it is sure of (PDF_LINE_FURNITURE, narrower: a line it removes is gone for good), and
# drop_furniture blanks every kind in the text of any format. Both build on the same pieces.
_JOB = r"\d{2}-\d{5}"  # job number: 25-01355
_STAMP = r"\d{6}"  # print date: 050225
_COUNTER4 = r"\d{1,4}/\d{1,4}"  # page counter: 2/3

# Job numbers: `25-01355 (E) 050225 060225`, `24-22638X (E) 091224`, `25-10794* (E)`,
# Geneva's `GE.25-04731 (E) 280325 280325`.
_JOB_RE = re.compile(rf"^(?:GE\.)?{_JOB}[A-Z]?\*?\s?(?:\([A-Z]\))?(?:\s+{_STAMP}){{0,2}}\*?$")
_BARCODE_RE = re.compile(r"^\*\s?\d{6,9}\s?\*$")
_STAMP_RE = re.compile(rf"^{_STAMP}$")
_COUNTER_RE = re.compile(r"^\d{1,3}\s?/\s?\d{1,3}$")
_CONTINUED_RE = re.compile(r"^/\s?\.\s?\.\s?\.$")
_PAGE_RE = re.compile(r"^(?:Page|Pág\.|Página)\s+\d{1,3}$")
_RULE_RE = re.compile(r"^(?:-{3,}|[\ue000-\uf8ff\s]+)$")  # rules; barcodes in a symbol font
_BARE_NUMBER_RE = re.compile(r"^\d{1,3}$")

# The PDF reader's set, matched whole (fullmatch) on short lines only; bounded, no nesting.
PDF_LINE_FURNITURE = (
    re.compile(rf"{_JOB}(?: \([A-Z]\))?(?:\s+{_STAMP})?"),  # 25-00746 (E) 230125
    re.compile(r"\*\d{7,9}\*"),  # *2500746*
    re.compile(_COUNTER4),  # 2/3
    re.compile(rf"(?:{_COUNTER4}\s+{_JOB}|{_JOB}\s+{_COUNTER4})"),  # 2/3 25-00746
    re.compile(_STAMP),  # 230125
)
PDF_MAX_FURNITURE_LEN = 40
# A running header's document symbol (A/79/729), one word of a header line.
PDF_RUNNING_SYMBOL_RE = re.compile(r"[A-Z]{1,6}(?:/[A-Za-z0-9.\-]{1,12}){1,6}")
LANGUAGE_WORDS = "|".join(name for names in LANGUAGE_NAMES.values() for name in names)
_LANGUAGE_LINE_RE = re.compile(rf"^(?:{LANGUAGE_WORDS})$", re.I)
_SYMBOL_LINE_RE = re.compile(
    rf"^(?:United Nations\s+)?((?:{MASTHEAD_SYMBOL_RE.pattern})(?:\s?[-–—]\s?(?:{MASTHEAD_SYMBOL_RE.pattern}))*)\s*$"
)


def symbol_line(line: str) -> list[str]:
    """The symbols of a line that holds only a (joint) document symbol, else []."""
    m = _SYMBOL_LINE_RE.match(line.strip())
    return split_symbols(m.group(1)) if m else []


def split_symbols(text: str) -> list[str]:
    """`A/79/729-S/2025/40` (hyphen or dash) -> ["A/79/729", "S/2025/40"]."""
    parts = re.split(r"(?<=[0-9)*])\s*[-–—]\s*(?=[A-Z]{1,6}[/.])", text.strip())
    return [s for p in parts for s in split_joint_symbol(p)]


# The six patterns above in one pass (each branch anchored at both ends, as they are).
_SIMPLE_FURNITURE_RE = re.compile(
    "|".join(
        f"(?:{r.pattern})"
        for r in (_JOB_RE, _BARCODE_RE, _STAMP_RE, _COUNTER_RE, _CONTINUED_RE, _RULE_RE)
    )
)


def _is_simple_furniture(s: str) -> bool:
    return _SIMPLE_FURNITURE_RE.match(s) is not None


def own_symbol_line(lines: list[str], meta: dict[str, str]) -> str | None:
    """The masthead's symbol line as printed (running headers repeat it verbatim)."""
    for line in lines[:40]:
        s = line.strip()
        if symbol_line(s):
            return s.removeprefix("United Nations").strip()
    sym = meta.get("symbol")
    return sym.strip() if sym else None


def drop_furniture(lines: list[str], own: str | None) -> list[str]:
    """Blank out job numbers, barcodes, stamps, page counters and running headers."""
    out = [ln.strip() for ln in lines]
    first_own = next((i for i, s in enumerate(out) if own and s.endswith(own)), None)
    header_at: list[int] = []
    for i, s in enumerate(out):
        if not s:
            continue
        if _is_simple_furniture(s):
            out[i] = ""
        elif _PAGE_RE.match(s):
            # Old running header: symbol / language / "Page N" (any of them may be missing).
            out[i] = ""
            header_at.append(i)
            for j in range(i - 1, max(i - 4, -1), -1):
                if out[j] and (_LANGUAGE_LINE_RE.match(out[j]) or out[j] == own):
                    out[j] = ""
        elif own and s == own and i != first_own:
            out[i] = ""
            header_at.append(i)
    # Bare page numbers stand next to a running header.
    for i in header_at:
        for j in range(max(i - 3, 0), min(i + 4, len(out))):
            if _BARE_NUMBER_RE.match(out[j]) and _near_blank(out, j):
                out[j] = ""
    return out


def _near_blank(lines: list[str], j: int) -> bool:
    before = j == 0 or not lines[j - 1]
    after = j + 1 >= len(lines) or not lines[j + 1]
    return before or after
