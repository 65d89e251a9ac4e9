"""The pieces a citation is made of (bot/core/citations.py finds them): the text normalised with
a map back to the caller's offsets, the items of a list of numbers, the body named next to them,
and the canonical symbol each item gives (`S/RES/822 (1993)`, `A/RES/62/243`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from bot.core import citation_patterns as P
from bot.core.dates import parse_date
from bot.core.sc_years import SC_LAST_KNOWN, sc_year

_PRE_WINDOW = 200  # characters looked at before a keyword for the body's name
_SENTENCE_END_RE = re.compile(r"[.;!?。；！？]\s|\n\s*\n")
_PARA_NUMBER_RE = re.compile(r"\.[ \t]*\n")
_RANGE_WORD_RE = re.compile(r"\b(?:to|à|a|до|по)\b|إلى", re.IGNORECASE)


# --- normalisation with a map back to the caller's offsets ---------------------------------


class Text:
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
class Item:
    start: int
    end: int
    shape: str  # "year", "roman", "slash" or "bare"
    num: int = 0
    year: int | None = None
    roman: str | None = None  # session in roman numerals, possibly "S-VI" / "ES-X"
    part: str | None = None  # "B" in 51/196 B
    session: str | None = None  # "78", "ES-10", "2014" (slashed forms)
    dated: str | None = None  # ISO date printed after a bare number ("of 17 November 1966")


def matched(m: re.Match[str] | None) -> re.Match[str]:
    """The match of a pattern that also matches the empty string, so it always matches."""
    assert m is not None
    return m


def item_from_match(m: re.Match[str]) -> Item:
    g = m.groupdict()
    if g.get("slash"):
        return Item(
            m.start(), m.end(), "slash", int(g["snum"]), part=g.get("spart"), session=g["sess"]
        )
    num = int(g["num"])
    if g.get("year"):
        return Item(m.start(), m.end(), "year", num, year=int(g["year"]))
    roman = g.get("roman")
    if g.get("arsess"):
        roman = P.int_to_roman(int(g["arsess"]))
    if roman:
        return Item(m.start(), m.end(), "roman", num, roman=roman.upper(), part=g.get("part"))
    return Item(m.start(), m.end(), "bare", num)


def _bare_ok(norm: str, item: Item) -> bool:
    """A bare number is a resolution number unless a year word, ordinal or amount follows."""
    return 0 < item.num <= SC_LAST_KNOWN and not P.BARE_REJECT_AFTER_RE.match(norm, item.end)


def _compatible(first: str, new: str) -> bool:
    if first == "bare":
        return new == "bare"
    if first == "slash":
        return new == "slash"
    return new in ("year", "roman")


def parse_list(norm: str, pos: int, typed_only: bool = False) -> list[Item]:
    """Items of a list starting at `pos`: `822 (1993), 853 (1993) and 884 (1993)`."""
    m = P.ITEM_RE.match(norm, pos)
    if not m or m.end() == pos:
        return []
    first = item_from_match(m)
    if first.shape == "bare" and (typed_only or not _bare_ok(norm, first)):
        return []
    if first.shape == "slash" and not slash_ok(first):
        return []
    items = [first]
    pos = m.end()
    while True:
        d = P.DATE_AFTER_RE.match(norm, pos)
        if d and items[-1].shape == "bare":
            items[-1].dated = parse_date(d.group())
        p = d.end() if d else pos
        s = matched(P.LIST_SEP_RE.match(norm, p))
        sep = s.group()
        q = s.end()
        nm = P.ITEM_RE.match(norm, q)
        if not nm or nm.end() == q:
            break
        new = item_from_match(nm)
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
        if new.shape == "slash" and not slash_ok(new):
            break
        items.append(new)
        pos = nm.end()
    return items


def slash_ok(item: Item) -> bool:
    s = item.session or ""
    if s.upper().startswith(("ES-", "S-")):
        return True
    n = int(s)
    return 1 <= n <= 90 or 1946 <= n <= 2030


# --- bodies ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Body:
    code: str  # SC GA ECOSOC HRC CHR UN COUNCIL OTHER
    name: str


def _body_of(m: re.Match[str]) -> Body:
    idx = int(m.lastgroup[1:]) if m.lastgroup else 0
    return Body(P.BODY_CODES[idx], " ".join(m.group().split()))


def last_body(segment: str) -> tuple[re.Match[str] | None, Body | None]:
    last = None
    for last in P.BODY_RE.finditer(segment):  # noqa: B007 - we want the last one
        pass
    return (last, _body_of(last)) if last else (None, None)


def pre_context(norm: str, kw_start: int) -> tuple[Body | None, Body | None]:
    """(body named right before the keyword, nearest body earlier in the sentence)."""
    lo = max(0, kw_start - _PRE_WINDOW)
    seg = norm[lo:kw_start]
    cut = None
    for cut in _SENTENCE_END_RE.finditer(seg):  # noqa: B007
        pass
    if cut:
        seg = seg[cut.end() :]
    m, body = last_body(seg)
    if m is None or body is None:
        return None, None
    if P.PRE_ADJ_GAP_RE.fullmatch(seg[m.end() :]):
        return body, body
    return None, body


def post_body(norm: str, end: int) -> Body | None:
    """A body named right after the list: `... 884 (1993) du Conseil de sécurité`."""
    d = P.DATE_AFTER_RE.match(norm, end)
    p = d.end() if d else end
    c = matched(P.POST_ADJ_RE.match(norm, p))
    b = P.BODY_RE.match(norm, c.end())
    if not b:
        return None
    return _body_of(b)


def inline_body(norm: str, pos: int) -> tuple[Body | None, int]:
    """Body between keyword and number: `resoluciones del Consejo de Seguridad 822 (1993)`."""
    c = matched(P.POST_ADJ_RE.match(norm, pos))
    b = P.BODY_RE.match(norm, c.end())
    if not b:
        return None, pos
    after = b.end()
    un = P.BODY_RE.match(norm, matched(P.POST_ADJ_RE.match(norm, after)).end())
    if (
        un and un.lastgroup and P.BODY_CODES[int(un.lastgroup[1:])] == "UN"
    ):  # "... des Nations Unies 1325"
        after = un.end()
    w = re.compile(r"\s*(?=\d)").match(norm, after)
    if not w:
        return None, pos
    return _body_of(b), w.end()


def arabic_gap(gap: str) -> tuple[bool, Body | None]:
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
        return True, Body("OTHER", " ".join(words))
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


def symbol_for(
    item: Item, kind: str, adj: Body | None, win: Body | None
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


def _dated_bare(item: Item, code: str | None) -> tuple[str, str, str, bool] | None:
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


def _slash_symbol(item: Item, kind: str, code: str | None) -> tuple[str, str, str, bool] | None:
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


def _other_symbol(name: str, kind: str, item: Item) -> str:
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
