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
from bisect import bisect_right
from dataclasses import dataclass

from bot.core import citation_patterns as P
from bot.core.dates import parse_date
from bot.core.models import Citation
from bot.core.sc_years import SC_LAST_KNOWN, sc_year

__all__ = ["extract_citations", "resolution_symbol_from_query"]

_PRE_WINDOW = 200  # characters looked at before a keyword for the body's name
_SENTENCE_END_RE = re.compile(r"[.;!?。；！？]\s|\n\s*\n")
_ZH_STOP_RE = re.compile(r"[。；！？\n]")
_ZH_ADJ_NOISE_RE = re.compile(
    r"\d{4}年|\d{1,2}月|\d{1,2}日|通过的|关于[^，。；、]{0,40}?的|在|其|的|\s"
)
_SPACES_RE = re.compile(r"\s*")
_PARA_NUMBER_RE = re.compile(r"\.[ \t]*\n")
_RANGE_WORD_RE = re.compile(r"\b(?:to|à|a|до|по)\b|إلى", re.IGNORECASE)


# --- normalisation with a map back to the caller's offsets ---------------------------------


class _Text:
    """The text as matched (digits and brackets unified, noise removed) and a map back."""

    __slots__ = ("_cum", "_marks", "norm")

    def __init__(self, text: str) -> None:
        t = text.translate(P.ONE_TO_ONE) if P.NEEDS_TRANSLATE_RE.search(text) else text
        self._marks: list[int] = []  # positions in `norm` after which characters were removed
        self._cum: list[int] = []  # characters removed up to that point
        if not P.REMOVABLE_RE.search(t):
            self.norm = t
            return
        parts: list[str] = []
        last = 0
        removed = 0
        for m in P.REMOVABLE_RE.finditer(t):
            parts.append(t[last : m.start()])
            removed += m.end() - m.start()
            self._marks.append(m.start() - (removed - (m.end() - m.start())))
            self._cum.append(removed)
            last = m.end()
        parts.append(t[last:])
        self.norm = "".join(parts)

    def orig(self, i: int) -> int:
        """Offset in the original text of the character at `norm[i]`."""
        k = bisect_right(self._marks, i)
        return i + (self._cum[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.orig(start), self.orig(end - 1) + 1


# --- items -------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    shape: str  # "year", "roman", "slash" or "bare"
    num: int = 0
    year: int | None = None
    roman: str | None = None  # session in roman numerals, possibly "S-VI" / "ES-X"
    part: str | None = None  # "B" in 51/196 B
    session: str | None = None  # "78", "ES-10", "2014" (slashed forms)
    dated: str | None = None  # ISO date printed after a bare number ("of 17 November 1966")


def _matched(m: re.Match[str] | None) -> re.Match[str]:
    """The match of a pattern that also matches the empty string, so it always matches."""
    assert m is not None
    return m


def _item_from_match(m: re.Match[str]) -> _Item:
    g = m.groupdict()
    if g.get("slash"):
        return _Item(
            m.start(), m.end(), "slash", int(g["snum"]), part=g.get("spart"), session=g["sess"]
        )
    num = int(g["num"])
    if g.get("year"):
        return _Item(m.start(), m.end(), "year", num, year=int(g["year"]))
    roman = g.get("roman")
    if g.get("arsess"):
        roman = P.int_to_roman(int(g["arsess"]))
    if roman:
        return _Item(m.start(), m.end(), "roman", num, roman=roman.upper(), part=g.get("part"))
    return _Item(m.start(), m.end(), "bare", num)


def _bare_ok(norm: str, item: _Item) -> bool:
    """A bare number is a resolution number unless a year word, ordinal or amount follows."""
    return 0 < item.num <= SC_LAST_KNOWN and not P.BARE_REJECT_AFTER_RE.match(norm, item.end)


def _compatible(first: str, new: str) -> bool:
    if first == "bare":
        return new == "bare"
    if first == "slash":
        return new == "slash"
    return new in ("year", "roman")


def _parse_list(norm: str, pos: int, typed_only: bool = False) -> list[_Item]:
    """Items of a list starting at `pos`: `822 (1993), 853 (1993) and 884 (1993)`."""
    m = P.ITEM_RE.match(norm, pos)
    if not m or m.end() == pos:
        return []
    first = _item_from_match(m)
    if first.shape == "bare" and (typed_only or not _bare_ok(norm, first)):
        return []
    if first.shape == "slash" and not _slash_ok(first):
        return []
    items = [first]
    pos = m.end()
    while True:
        d = P.DATE_AFTER_RE.match(norm, pos)
        if d and items[-1].shape == "bare":
            items[-1].dated = parse_date(d.group())
        p = d.end() if d else pos
        s = _matched(P.LIST_SEP_RE.match(norm, p))
        sep = s.group()
        q = s.end()
        nm = P.ITEM_RE.match(norm, q)
        if not nm or nm.end() == q:
            break
        new = _item_from_match(nm)
        if not _compatible(first.shape, new.shape):
            break
        real_sep = bool(sep.strip())
        if first.shape == "bare":
            # bare lists stay within a clause: "2699 and 2700", not "2752;\n3. Expresses"
            if not real_sep or ";" in sep or _RANGE_WORD_RE.search(sep):
                break
            if not _bare_ok(norm, new) or _PARA_NUMBER_RE.match(norm, new.end):
                break
        elif not real_sep and first.shape == "slash":
            break
        if new.shape == "slash" and not _slash_ok(new):
            break
        items.append(new)
        pos = nm.end()
    return items


def _slash_ok(item: _Item) -> bool:
    s = item.session or ""
    if s.upper().startswith(("ES-", "S-")):
        return True
    n = int(s)
    return 1 <= n <= 90 or 1946 <= n <= 2030


# --- bodies ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Body:
    code: str  # SC GA ECOSOC HRC CHR UN COUNCIL OTHER
    name: str


def _body_of(m: re.Match[str]) -> _Body:
    idx = int(m.lastgroup[1:]) if m.lastgroup else 0
    return _Body(P.BODY_CODES[idx], " ".join(m.group().split()))


def _last_body(segment: str) -> tuple[re.Match[str] | None, _Body | None]:
    last = None
    for last in P.BODY_RE.finditer(segment):  # noqa: B007 - we want the last one
        pass
    return (last, _body_of(last)) if last else (None, None)


def _pre_context(norm: str, kw_start: int) -> tuple[_Body | None, _Body | None]:
    """(body named right before the keyword, nearest body earlier in the sentence)."""
    lo = max(0, kw_start - _PRE_WINDOW)
    seg = norm[lo:kw_start]
    cut = None
    for cut in _SENTENCE_END_RE.finditer(seg):  # noqa: B007
        pass
    if cut:
        seg = seg[cut.end() :]
    m, body = _last_body(seg)
    if m is None or body is None:
        return None, None
    if P.PRE_ADJ_GAP_RE.fullmatch(seg[m.end() :]):
        return body, body
    return None, body


def _post_body(norm: str, end: int) -> _Body | None:
    """A body named right after the list: `... 884 (1993) du Conseil de sécurité`."""
    d = P.DATE_AFTER_RE.match(norm, end)
    p = d.end() if d else end
    c = _matched(P.POST_ADJ_RE.match(norm, p))
    b = P.BODY_RE.match(norm, c.end())
    if not b:
        return None
    return _body_of(b)


def _inline_body(norm: str, pos: int) -> tuple[_Body | None, int]:
    """Body between keyword and number: `resoluciones del Consejo de Seguridad 822 (1993)`."""
    c = _matched(P.POST_ADJ_RE.match(norm, pos))
    b = P.BODY_RE.match(norm, c.end())
    if not b:
        return None, pos
    after = b.end()
    un = P.BODY_RE.match(norm, _matched(P.POST_ADJ_RE.match(norm, after)).end())
    if (
        un and un.lastgroup and P.BODY_CODES[int(un.lastgroup[1:])] == "UN"
    ):  # "... des Nations Unies 1325"
        after = un.end()
    w = re.compile(r"\s*(?=\d)").match(norm, after)
    if not w:
        return None, pos
    return _body_of(b), w.end()


def _arabic_gap(gap: str) -> tuple[bool, _Body | None]:
    """Words between قرار and its number: (acceptable?, body they name)."""
    words = gap.split()
    if any(w in P.ARABIC_GAP_STOP for w in words):
        return False, None
    m = P.BODY_RE.search(gap)
    if m:
        body = _body_of(m)
        if body.code != "COUNCIL" or len(words) == 1:
            return True, body
    if "رقم" in words:
        return False, None  # "No." after an unnamed or national body: a decree, a law
    if P.ARABIC_BODY_NOUN_RE.search(gap):
        return True, _Body("OTHER", " ".join(words))
    return False, None


# --- symbols ------------------------------------------------------------------------------------


def _ga_or_ecosoc_by_numbering(num: int, roman: str) -> str:
    """Old-style `N (session)`: the Assembly adopted ~100 resolutions a session, ECOSOC ~30."""
    if not re.fullmatch(r"[IVXL]+", roman):
        return "GA"  # special sessions (S-VI, ES-X) are the Assembly's
    sess = P.roman_to_int(roman)
    if sess == 0:
        return "GA"
    return "GA" if num / sess >= 42 else "ECOSOC"


def _symbol_for(
    item: _Item, kind: str, adj: _Body | None, win: _Body | None
) -> tuple[str, str, str, bool] | None:
    """(kind, body, symbol, year_inferred) for one item, or None when it is not a citation."""
    body = adj or win
    code = body.code if body else None
    if adj and adj.code == "BOARD" and kind == "decision":
        # An executive board's decisions are decisions: `UNICEF decision 2024/11`.
        return "decision", adj.name, _other_symbol(adj.name, kind, item), False
    if adj and adj.code in ("OTHER", "BOARD"):
        return "other", adj.name, _other_symbol(adj.name, kind, item), False
    if item.shape == "year":
        if kind == "decision":
            name = body.name if body and body.code == "OTHER" else ""
            return "other", name, _other_symbol(name, kind, item), False
        year = item.year or 0
        known = sc_year(item.num)
        if known is not None and abs(known - year) == 1:
            year = known  # a translation slip ("2122 (2014)"); the numbering is authoritative
        return "resolution", "SC", f"S/RES/{item.num} ({year})", False
    if item.shape == "roman":
        roman = item.roman or ""
        part = f" {item.part}" if item.part else ""
        which = code if code in ("GA", "ECOSOC") else _ga_or_ecosoc_by_numbering(item.num, roman)
        series = "A" if which == "GA" else "E"
        kind_tag = "RES" if kind == "resolution" else "DEC"
        return kind, which, f"{series}/{kind_tag}/{item.num}{part} ({roman})", False
    if item.shape == "slash":
        return _slash_symbol(item, kind, code)
    # bare number
    if item.dated and kind == "resolution":
        dated = _dated_bare(item, code)
        if dated is not None:
            return dated
    if kind == "decision" or code not in (None, "SC", "UN", "COUNCIL"):
        return None
    if code == "COUNCIL" and adj is None:
        return None
    if item.num < 100 and (adj is None or adj.code not in ("SC", "UN")):
        return None  # "resolution 4 programme": a footnote marker, unless the Council is named
    inferred = sc_year(item.num)
    if inferred is None:
        return None
    return "resolution", "SC", f"S/RES/{item.num} ({inferred})", True


# The Assembly numbered its resolutions in one sequence, with the session in roman numerals,
# until its thirtieth session (1975); a session opens in September.
_GA_SEQUENTIAL_UNTIL = 1975


def _dated_bare(item: _Item, code: str | None) -> tuple[str, str, str, bool] | None:
    """A bare number whose printed date says which body adopted it: "resolution 2153 of
    17 November 1966" is the Assembly's 2153 (XXI), not the Council's 2153 (2014)."""
    year, month = int((item.dated or "0")[:4]), int((item.dated or "0000-00")[5:7] or 0)
    sc = sc_year(item.num)
    if code in (None, "SC", "UN", "COUNCIL") and sc is not None and abs(sc - year) <= 1:
        return "resolution", "SC", f"S/RES/{item.num} ({sc})", False
    if code in (None, "GA", "UN") and 1946 <= year <= _GA_SEQUENTIAL_UNTIL:
        session = year - 1945 if month >= 9 else year - 1946
        if session >= 1:
            return "resolution", "GA", f"A/RES/{item.num} ({P.int_to_roman(session)})", False
    return None


def _slash_symbol(item: _Item, kind: str, code: str | None) -> tuple[str, str, str, bool] | None:
    sess = (item.session or "").upper()
    part = f" {item.part}" if item.part else ""
    tag = "RES" if kind == "resolution" else "DEC"
    if sess.startswith(("ES-", "S-")):
        return kind, "GA", f"A/{tag}/{sess}/{item.num}{part}", False
    n = int(sess)
    if n >= 1946:  # year/number: ECOSOC or the Commission on Human Rights
        if code == "CHR":
            return kind, "CHR", f"E/CN.4/{tag}/{n}/{item.num}", False
        if code in ("ECOSOC", None, "UN", "COUNCIL") and (kind == "resolution" or code):
            return kind, "ECOSOC", f"E/{tag}/{n}/{item.num}", False
        return None
    if code == "HRC" or (n < 31 and code in (None, "COUNCIL", "UN")):
        return kind, "HRC", f"A/HRC/{tag}/{n}/{item.num}{part}", False
    if n < 31 or code in ("SC", "ECOSOC", "CHR"):
        return None  # the Assembly numbers this way only since its 31st session (1976)
    return kind, "GA", f"A/{tag}/{n}/{item.num}{part}", False


def _other_symbol(name: str, kind: str, item: _Item) -> str:
    word = "resolution" if kind == "resolution" else "decision"
    if item.shape == "slash":
        num = f"{item.session}/{item.num}"
    elif item.shape == "year":
        num = f"{item.num} ({item.year})"
    elif item.shape == "roman":
        num = f"{item.num} ({item.roman})"
    else:
        num = str(item.num)
    return f"{name} {word} {num}".strip()


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
    inline: _Body | None = None
    if script == "ar":
        g = P.ARABIC_GAP_RE.match(norm, pos)
        if g:
            ok, inline = _arabic_gap(g.group(1))
            if not ok:
                return []
            pos = g.end()
        else:
            pos = _matched(_SPACES_RE.match(norm, pos)).end()
    else:
        gap_re = P.CYRILLIC_GAP_RE if script == "ru" else P.LATIN_GAP_RE
        pos = _matched(gap_re.match(norm, pos)).end()
        if script == "latin":
            o = P.OTHER_SYMBOL_RE.match(norm, pos)
            if o and any(ch.isdigit() for ch in o.group()):
                pre_adj, win = _pre_context(norm, kw.start())
                name = pre_adj.name if pre_adj else (win.name if win else "")
                word = "resolution" if kind == "resolution" else "decision"
                sym = f"{name} {word} {' '.join(o.group().split())}".strip()
                return [_Found(o.start(), o.end(), "other", name, sym)]
        if not norm[pos : pos + 1].isdigit():
            inline, pos = _inline_body(norm, pos)
    items = _parse_list(norm, pos)
    if not items and _is_plural(kw.group(), loose=True):
        lead = P.PLURAL_LEADIN_RE.match(norm, pos)
        if lead:
            items = _parse_list(norm, lead.end(), typed_only=True)
    if not items:
        return []
    if len(items) == 1 and items[0].shape == "bare" and _is_plural(kw.group()):
        return []  # "two resolutions 31 adopted": a footnote marker after a plural
    pre_adj, win = _pre_context(norm, kw.start())
    adj = inline or pre_adj or _post_body(norm, items[-1].end)
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
    items: list[_Item], kind: str, adj: _Body | None, win: _Body | None
) -> list[_Found]:
    out = []
    for it in items:
        r = _symbol_for(it, kind, adj, win)
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
            it = _item_from_match(im)
            it.start += base
            it.end += base
            if it.shape == "slash" and not _slash_ok(it):
                continue
            items.append(it)
        if not items:
            continue
        adj, win = _zh_context(norm, base)
        out.extend(_found_for_items(items, kind, adj, win))
    return out


def _zh_context(norm: str, start: int) -> tuple[_Body | None, _Body | None]:
    lo = max(0, start - 80)
    seg = norm[lo:start]
    stops = list(_ZH_STOP_RE.finditer(seg))
    if stops:
        seg = seg[stops[-1].end() :]
    m, body = _last_body(seg)
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
    t = _Text(text)
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
