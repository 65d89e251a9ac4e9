"""The header layout of a UN document: masthead lines, subject headings, the title; joining
wrapped lines."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.core.dates import is_date_line
from bot.core.furniture import LANGUAGE_WORDS, symbol_line
from bot.core.lexicon.words import (
    AGENDA_ITEM_WORDS,
    AGENDA_NOUNS,
    AGENDA_QUALIFIERS,
    ORGANS,
    UN_NAMES,
)

if TYPE_CHECKING:
    from bot.core.text import Prepared

TITLE_START_RE = re.compile(
    r"^(?:Identical letters dated|Letters? dated|Notes? verbales? (?:identiques )?dated"
    r"|Lettres? (?:identiques )?datées?|Notes? verbales? (?:identiques )?datées?"
    r"|Cartas? (?:idénticas )?de fecha|Notas? verbal(?:es)? (?:idénticas )?de fecha"
    r"|Report of the Secretary-General|Rapport du Secrétaire général|Informe del Secretario General"
    r"|(?:RESOLUTION|Resolution|Résolution|RÉSOLUTION|Resolución|RESOLUCIÓN) \d"
    r"|\d{1,4} \(\d{4}\)\s+Resolution|Resolution adopted by|Résolution adoptée|Resolución aprobada)"
)
# Masthead words (matched ignoring case): the Organization, its organs, a lone capital.
_BODY_NAMES = "|".join(
    [
        *UN_NAMES.values(),
        *(name for names in ORGANS.values() for name in names),
        *("UNITED", "NATIONS", "GENERAL", "[A-Z]"),
    ]
)
SESSION_RE = re.compile(
    r"^(?P<ord>[\wÀ-ÿ-]+(?: [\wÀ-ÿ-]+){0,3}?) (?P<es>emergency special |special )?"
    r"(?:session|période de sessions|período de sesiones|période extraordinaire d'urgence)$",
    re.I,
)
YEAR_RE = re.compile(r"^(?P<ord>[\wÀ-ÿ-]+(?: [\wÀ-ÿ-]+)?) (?:year|année|año)$", re.I)


def _longest_first(table: dict[str, tuple[str, ...]]) -> str:
    return "|".join(
        re.escape(w)
        for w in sorted({w for ws in table.values() for w in ws}, key=len, reverse=True)
    )


# The numbers, then what they belong to: words without digits that start with two letters (so
# "(a)" or "b)" stays with its number) and end on an agenda noun or its qualifier, whatever joins them
# (English "of the provisional agenda", Spanish "del programa provisional").
AGENDA_RE = re.compile(
    rf"^(?:{_longest_first(AGENDA_ITEM_WORDS)})\s+(?P<items>\d.*?)"
    rf"(?:\s+[^\W\d]{{2}}\D*?\b(?:{_longest_first(AGENDA_NOUNS)}|{_longest_first(AGENDA_QUALIFIERS)}))?"
    rf"\*?$"
)
_MASTHEAD_RE = re.compile(
    rf"^(?:(?:{_BODY_NAMES})(?: (?:{_BODY_NAMES}))*(?: Distr\b.*)?|Distr\b.*|ORIGINAL\b.*|Original\s?:.*"
    rf"|\[?Original\s?:.*|(?:{LANGUAGE_WORDS})(?:/(?:{LANGUAGE_WORDS}))*)$",
    re.I,
)


def is_masthead_line(line: str) -> bool:
    s = line.strip()
    return bool(
        _MASTHEAD_RE.match(s)
        or SESSION_RE.match(s)
        or YEAR_RE.match(s)
        or AGENDA_RE.match(s)
        or symbol_line(s)
        or (len(s) < 40 and is_date_line(s))
    )


def locate_header(prep: Prepared) -> None:
    """Find where the title starts and ends and which header lines are masthead."""
    lines = prep.lines
    limit = min(len(lines), 80)
    start = next((i for i in range(limit) if TITLE_START_RE.match(lines[i])), None)
    if start is None:
        # No recognisable title: the masthead is the run of masthead lines at the top.
        i = 0
        while i < limit and (not lines[i] or is_masthead_line(lines[i])):
            i += 1
        prep.header_end = prep.title_end = i
    else:
        prep.header_end = start
        prep.title_end = title_block_end(lines, start, prep.width)
    for i in range(prep.header_end):
        if lines[i] and is_masthead_line(lines[i]):
            prep.masthead.add(i)
        elif i > 0 and lines[i] and AGENDA_RE.match(lines[i - 1]) and lines[i][0].isdigit():
            prep.masthead.add(i)  # a wrapped agenda-item list ("and 132")


ADDRESSEE_END_RE = re.compile(
    r"(?:Secretary-General|Council|Assembly|Committee|Secretariat|Nations Unies|Unidas"
    r"|Secrétaire général|Secretario General|Conseil de sécurité|Assemblée générale)\.?$"
)
CONTINUES_RE = re.compile(r"^(?:[a-zà-ÿ(]|and\b|of\b|the\b)")


def title_block_end(lines: list[str], start: int, width: int) -> int:
    """Index after the last line of the title that starts at `start`."""
    first = lines[start]
    if not re.match(r"^(?:Identical|Letter|Note|Lettre|Carta|Nota|Annex|Anexo)", first, re.I):
        # Reports and resolutions: one line, plus lines that obviously continue it.
        end = start + 1
        while end < len(lines) and lines[end] and CONTINUES_RE.match(lines[end]):
            if re.match(r"^(?:of|on) \d", lines[end]):  # "of 22 October 1973" is the date
                break
            end += 1
        return end
    end = start
    text = ""
    while end < len(lines) and lines[end] and end - start < 8:
        text = f"{text} {lines[end]}".strip()
        end += 1
        nxt = lines[end] if end < len(lines) else ""
        addressed = re.search(r"\b(?:addressed to|adressées? a|dirigidas? al?)\b", text)
        if addressed and ADDRESSEE_END_RE.search(text) and not CONTINUES_RE.match(nxt):
            break
        if not addressed and nxt and len(lines[end - 1]) < width * 0.5 and nxt[0].isupper():
            break  # a short title line with no addressee yet: title over
    return end


JOIN_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "de",
        "des",
        "du",
        "et",
        "for",
        "from",
        "in",
        "la",
        "le",
        "les",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "y",
        "en",
        "el",
        "los",
        "las",
        "del",
        "al",
        "sur",
        "dans",
        "pour",
        "par",
        "et/ou",
    ]
)


def group_headings(lines: list[str]) -> list[str]:
    """Join wrapped heading lines into headings (a blank line always separates)."""
    headings: list[str] = []
    cur: list[str] = []
    for s in lines:
        if not s:
            if cur:
                headings.append(join_lines(cur))
                cur = []
            continue
        if cur and not _heading_continues(cur[-1], s):
            headings.append(join_lines(cur))
            cur = []
        cur.append(s)
    if cur:
        headings.append(join_lines(cur))
    return headings


def _heading_continues(prev: str, line: str) -> bool:
    if not line[0].isupper() and not line[0].isdigit():
        return True
    last = prev.rsplit(" ", 1)[-1].lower()
    return prev.endswith((",", "-", ":", "–")) or last in JOIN_WORDS


# --- Joining lines ----------------------------------------------------------------------

_ARTEFACT_SPACE_HYPHEN_RE = re.compile(r"(?<=[A-Za-zÀ-ÿ\d]) -(?=[A-Za-zÀ-ÿ])")
_ARTEFACT_SPACE_APOS_RE = re.compile(r"(?<=[A-Za-zÀ-ÿ]) ’(?=s\b)")
_HYPHEN_JOIN_EXCEPT_RE = re.compile(r"^(?:and|or|et|ou|y|o|and/or)\b")


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines with spaces; a line ending in a hyphen keeps it and joins tight.

    UN PDFs do not hyphenate words at line ends, so a final hyphen is a real compound
    ("long-" + "term"), except before "and"/"or" ("troop- and police-contributing").
    """
    out = ""
    for s in lines:
        if not out:
            out = s
        elif (
            out.endswith("-")
            and len(out) > 1
            and out[-2].isalpha()
            and not _HYPHEN_JOIN_EXCEPT_RE.match(s)
        ):
            out += s
        else:
            out += " " + s
    if " -" in out:
        out = _ARTEFACT_SPACE_HYPHEN_RE.sub("-", out)
    if " ’" in out:
        out = _ARTEFACT_SPACE_APOS_RE.sub("’", out)
    return out
