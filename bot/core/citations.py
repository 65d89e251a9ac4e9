"""Find the resolutions (and decisions) a text cites, in the six UN languages.

Built like eyecite: a cheap literal prefilter, then anchored regular expressions (a keyword
such as "resolution", "résolution", "резолюция", "القرار" or "号决议", then the list of numbers
that belongs to it), then typed `Citation` objects with character spans. Which body a number
belongs to comes from its shape (`822 (1993)` is the Security Council, `62/243` the General
Assembly, `1894 (LVII)` ECOSOC by its numbering) and from the body named next to it.

Public API: `extract_citations(text, lang=None)` and `resolution_symbol_from_query(text)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core import citation_patterns as P
from bot.core.citation_items import (
    Body,
    Item,
    Text,
    arabic_gap,
    inline_body,
    item_from_match,
    last_body,
    matched,
    parse_list,
    post_body,
    pre_context,
    slash_ok,
    symbol_for,
)
from bot.core.models import Citation
from bot.core.sc_years import sc_year

__all__ = ["extract_citations", "resolution_symbol_from_query"]

_ZH_STOP_RE = re.compile(r"[。；！？\n]")
_ZH_ADJ_NOISE_RE = re.compile(
    r"\d{4}年|\d{1,2}月|\d{1,2}日|通过的|关于[^，。；、]{0,40}?的|在|其|的|\s"
)
_SPACES_RE = re.compile(r"\s*")

# --- extractors ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    start: int  # in norm
    end: int
    kind: str
    body: str
    symbol: str
    year_inferred: bool = False


def _from_symbols(norm: str) -> list[_Found]:
    out = []
    for m in P.SYMBOL_RE.finditer(norm):
        g = m.groupdict()
        if g["sc"]:
            num = int(g["sc"])
            year = int(g["scy"]) if g["scy"] else sc_year(num)
            if year is None:
                continue
            out.append(
                _Found(
                    m.start(),
                    m.end(),
                    "resolution",
                    "SC",
                    f"S/RES/{num} ({year})",
                    not g["scy"],
                )
            )
        elif g["gakind"]:
            kind = "resolution" if g["gakind"] == "RES" else "decision"
            body = "HRC" if g["hrc"] else "GA"
            prefix = "A/HRC" if g["hrc"] else "A"
            if g["gas"]:
                part = f" {g['gapart']}" if g["gapart"] else ""
                sym = f"{prefix}/{g['gakind']}/{g['gas'].upper()}/{int(g['gan'])}{part}"
            else:
                part = f" {g['gaoldpart']}" if g["gaoldpart"] else ""
                sym = f"{prefix}/{g['gakind']}/{int(g['gaold'])}{part} ({g['garoman'].upper()})"
            out.append(_Found(m.start(), m.end(), kind, body, sym))
        elif g["ekind"]:
            kind = "resolution" if g["ekind"] == "RES" else "decision"
            body = "CHR" if g["cn4"] else "ECOSOC"
            prefix = "E/CN.4" if g["cn4"] else "E"
            if g["ey"]:
                sym = f"{prefix}/{g['ekind']}/{g['ey']}/{int(g['en'])}"
            else:
                part = f" {g['eoldpart']}" if g["eoldpart"] else ""
                sym = f"{prefix}/{g['ekind']}/{int(g['eold'])}{part} ({g['eroman']})"
            out.append(_Found(m.start(), m.end(), kind, body, sym))
    return out


def _from_keywords(norm: str, keyword_re: re.Pattern[str], script: str) -> list[_Found]:
    out: list[_Found] = []
    for kw in keyword_re.finditer(norm):
        kind = "resolution" if kw.group("res") else "decision"
        found = _after_keyword(norm, kw, kind, script)
        # checked only when numbers follow: the window search is the costly part
        if found and not P.DRAFT_BEFORE_RE.search(norm, max(0, kw.start() - 30), kw.start()):
            out.extend(found)
    return out


def _after_keyword(norm: str, kw: re.Match[str], kind: str, script: str) -> list[_Found]:
    pos = kw.end()
    inline: Body | None = None
    if script == "ar":
        g = P.ARABIC_GAP_RE.match(norm, pos)
        if g:
            ok, inline = arabic_gap(g.group(1))
            if not ok:
                return []
            pos = g.end()
        else:
            pos = matched(_SPACES_RE.match(norm, pos)).end()
    else:
        gap_re = P.CYRILLIC_GAP_RE if script == "ru" else P.LATIN_GAP_RE
        pos = matched(gap_re.match(norm, pos)).end()
        if script == "latin":
            o = P.OTHER_SYMBOL_RE.match(norm, pos)
            if o and any(ch.isdigit() for ch in o.group()):
                pre_adj, win = pre_context(norm, kw.start())
                name = pre_adj.name if pre_adj else (win.name if win else "")
                word = "resolution" if kind == "resolution" else "decision"
                sym = f"{name} {word} {' '.join(o.group().split())}".strip()
                return [_Found(o.start(), o.end(), "other", name, sym)]
        if not norm[pos : pos + 1].isdigit():
            inline, pos = inline_body(norm, pos)
    items = parse_list(norm, pos)
    if not items and _is_plural(kw.group(), loose=True):
        lead = P.PLURAL_LEADIN_RE.match(norm, pos)
        if lead:
            items = parse_list(norm, lead.end(), typed_only=True)
    if not items:
        return []
    if len(items) == 1 and items[0].shape == "bare" and _is_plural(kw.group()):
        return []  # "two resolutions 31 adopted": a footnote marker after a plural
    pre_adj, win = pre_context(norm, kw.start())
    adj = inline or pre_adj or post_body(norm, items[-1].end)
    if adj is not None and adj.code == "COUNCIL" and win is not None and win.code != "COUNCIL":
        adj = None  # "the Council" refers back to the body named earlier
    return _found_for_items(items, kind, adj, win)


def _is_plural(keyword: str, loose: bool = False) -> bool:
    """Plural keyword; `loose` also counts Russian forms that may be singular (резолюции)."""
    k = keyword.lower()
    if k.endswith(("s", "ях", "ями", "ям", "ий", "ات", "ين")):
        return True
    return loose and k in ("резолюции", "решения")


def _found_for_items(
    items: list[Item], kind: str, adj: Body | None, win: Body | None
) -> list[_Found]:
    out = []
    for it in items:
        r = symbol_for(it, kind, adj, win)
        if r is None:
            continue
        k, body, sym, inferred = r
        out.append(_Found(it.start, it.end, k, body, sym, inferred))
    return out


def _from_chinese(norm: str) -> list[_Found]:
    out: list[_Found] = []
    for kw in P.ZH_KEYWORD_RE.finditer(norm):
        kind = "resolution" if kw.group("kw") in ("决议", "決議") else "decision"
        lo = max(0, kw.start() - 300)
        seg = norm[lo : kw.start()]
        m = P.ZH_LIST_TAIL_RE.search(seg)
        if not m:
            continue
        base = lo + m.start()
        items = []
        for im in P.ZH_ITEM_RE.finditer(m.group()):
            it = item_from_match(im)
            it.start += base
            it.end += base
            if it.shape == "slash" and not slash_ok(it):
                continue
            items.append(it)
        if not items:
            continue
        adj, win = _zh_context(norm, base)
        out.extend(_found_for_items(items, kind, adj, win))
    return out


def _zh_context(norm: str, start: int) -> tuple[Body | None, Body | None]:
    lo = max(0, start - 80)
    seg = norm[lo:start]
    stops = list(_ZH_STOP_RE.finditer(seg))
    if stops:
        seg = seg[stops[-1].end() :]
    m, body = last_body(seg)
    if m is None or body is None:
        return None, None
    if not _ZH_ADJ_NOISE_RE.sub("", seg[m.end() :]):
        return body, body
    return None, body


# --- public API -----------------------------------------------------------------------------


_RES_WORD_RE = re.compile(r"\bres\b")


# The four non-ASCII letters a case-insensitive ASCII pattern matches (İ ı ſ K): where one
# occurs, lower() is not what IGNORECASE sees, so the prefilter's own regex decides.
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


def _may_cite(text: str) -> bool:
    """P.PREFILTER_RE.search(text), several times cheaper: on lower-cased text its
    case-insensitive match is a few substring tests, and the regex runs only where another
    script (Cyrillic, Arabic, CJK) or an odd-case letter could match."""
    ascii_only = text.isascii()
    if not ascii_only and _ODD_CASE.search(text):
        return P.PREFILTER_RE.search(text) is not None
    low = text.lower()
    if (
        "resol" in low
        or "decis" in low
        or "unscr" in low
        or "/dec/" in low
        or ("res" in low and _RES_WORD_RE.search(low) is not None)
    ):
        return True
    if ascii_only:
        return False
    if "résol" in low or "décis" in low:
        return True
    return P.HAS_OTHER_SCRIPT.search(text) is not None and P.PREFILTER_RE.search(text) is not None


def extract_citations(text: str, lang: str | None = None) -> list[Citation]:
    """Every resolution/decision mention in `text`, in order, with spans into `text`.

    `lang` (en, fr, es, ru, ar, zh) is a hint; without it the scripts present decide which
    keyword sets run. Drafts, "conflict resolution", years and times are not citations.
    """
    if not text or not _may_cite(text):
        return []
    t = Text(text)
    norm = t.norm
    ascii_only = norm.isascii()  # then no Cyrillic, Arabic or CJK: skip those scans
    found = _from_symbols(norm)
    found += _from_keywords(norm, P.LATIN_KEYWORD_RE, "latin")
    if lang == "ru" or (not ascii_only and P.HAS_CYRILLIC.search(norm)):
        found += _from_keywords(norm, P.CYRILLIC_KEYWORD_RE, "ru")
    if lang == "ar" or (not ascii_only and P.HAS_ARABIC.search(norm)):
        found += _from_keywords(norm, P.ARABIC_KEYWORD_RE, "ar")
    if lang == "zh" or (not ascii_only and P.HAS_CJK.search(norm)):
        found += _from_chinese(norm)
    found.sort(key=lambda f: (f.start, -f.end))
    out: list[Citation] = []
    last_end = -1
    for f in found:
        if f.start < last_end:
            continue  # overlaps a mention already taken (a symbol and its keyword reading)
        last_end = f.end
        start, end = t.span(f.start, f.end)
        out.append(
            Citation(
                symbol=f.symbol,
                kind=f.kind,  # type: ignore[arg-type]
                body=f.body,
                start=start,
                end=end,
                surface=text[start:end],
                year_inferred=f.year_inferred,
            )
        )
    return out


_QUERY_KEYWORD_RE = re.compile(
    r"r[ée]solu|decis|d[ée]cis|unscr|\bres\b|резол|решен|قرار|مقرر|决议|决定", re.IGNORECASE
)


def resolution_symbol_from_query(text: str) -> str | None:
    """What a user typed ("1325 (2000)", "resolution 1244", "A/RES/62/243", "62/243",
    "résolution 2735 (2024)") as a canonical symbol, inferring SC years; None if unreadable."""
    q = " ".join(text.split())
    if not q:
        return None
    cits = [c for c in extract_citations(q) if c.kind in ("resolution", "decision")]
    if not cits and not _QUERY_KEYWORD_RE.search(q):
        cits = [
            c for c in extract_citations(f"resolution {q}") if c.kind in ("resolution", "decision")
        ]
    if cits:
        return cits[0].symbol
    m = re.fullmatch(r"(?i)S\s*/\s*RES\s*/\s*(\d{1,4})", q)
    if m:
        year = sc_year(int(m.group(1)))
        return f"S/RES/{int(m.group(1))} ({year})" if year else None
    return None
