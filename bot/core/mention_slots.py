"""The document a message describes in words: sender, kind, dates, addressee, subject words
(the slots of a reference), read with the lexicons of the message's languages."""

from __future__ import annotations

import re

from bot.core.countries import CountryMention, find_countries
from bot.core.groups import GroupMention, find_groups
from bot.core.intents import RefSlots
from bot.core.lexicon import LANGS, Lexicon, en, es, fr, lexicon
from bot.core.lexicon.words import NUMBER_SIGNS
from bot.core.textnorm import STOPWORDS, fold

_MENTION = re.compile(r"<@!?\d+>|@Rapporteur\b", re.IGNORECASE)
_SYMBOL = re.compile(r"\b[A-Z]{1,4}(?:/[A-Z0-9.\-]+){2,}(?:\s*\(\d{4}\))?", re.IGNORECASE)
_FILE_STEM = re.compile(r"\b[0-9A-Za-z]+(?:_[0-9A-Za-z]+){2,}\b")
_QUOTED = re.compile(
    r"[«“\"„]\s*([^»”\"]{2,}?)\s*[»”\"]|(?:^|\s)['‘]([^'’]{2,}?)['’](?=\s|[?!.,]|$)"
)
_YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20[0-4]\d)(?!\d)")
_NUM_YEAR = re.compile(r"(?<![\d/])(\d{1,4})\s*\((\d{4})\)")
_ZH_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_TH = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|e|re)?(?!\d)")


def _alternatives(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))  # type: ignore[call-overload]


_LATIN = (en.LEX, fr.LEX, es.LEX)
# "number 3", "n° 3", "#3": the words from the lexicons (ordinals worth 0), the signs from words.
_NUMBER_WORDS = _alternatives(
    w for lang in LANGS for w, n in lexicon(lang).raw.get("ordinals", {}).items() if n == 0
)
_NUMBER_SIGNS = _alternatives(NUMBER_SIGNS)
_BARE_NUMBER = re.compile(rf"^\W*(?:(?:{_NUMBER_SIGNS})\s*|(?:{_NUMBER_WORDS})\s+)?(\d{{1,4}})\W*$")
# Words after which a number is a day of the month (lexicon day_links), and the same words
# just before a number: then it is no place in a list.
_DAY_LINKS = [w for lex in _LATIN for w in lex.get("day_links", [])]
# A number said as an item of the list shown: "the 3", "number 3", "la 3" at the end (an
# article that is also a day link, "du 3", gives a date instead).
_LIST_ARTICLES = _alternatives(a for lex in _LATIN for a in lex["articles"] if a not in _DAY_LINKS)
_LAST_NUMBER = re.compile(
    rf"(?:^|\s)(?:{_LIST_ARTICLES}|{_NUMBER_WORDS}|{_NUMBER_SIGNS})\s*(\d{{1,2}})\s*[?!.]*$"
)
_DAY_AFTER_LINK = re.compile(
    rf"(?:{_alternatives(_DAY_LINKS)})\s+(\d{{1,2}})(?:st|nd|rd|th|er)?(?!\d)"
    r"(?!\s*\w*\s*(?:one|item))"
)
_AFTER_DAY_LINK = re.compile(
    rf"(?:{_alternatives(w.split()[0] for w in _DAY_LINKS)})\s+"
    rf"(?:(?:{_alternatives(en.LEX['articles'])})\s+)?$"
)
# Words after which "may" is the month.
_MONTH_LINK = re.compile(rf"(?:^|\s)(?:{_alternatives(en.LEX['month_links'])})\s+$")


def slots_of(raw: str, t: str, lexs: list[Lexicon], for_list: bool = False) -> RefSlots:
    """Sender, subject, kind, date and the other words of a document reference."""
    s = RefSlots()
    spans: list[tuple[int, int]] = []

    def taken(a: int, b: int) -> None:
        spans.append((a, b))

    _dates(raw, t, lexs, s, taken)
    kinds: list[str] = []
    res_spans: list[tuple[int, int]] = []
    for lex in lexs:
        for m, kind in lex.lookup("kinds", t):
            kinds.append(str(kind))
            taken(m.start(), m.end())
            if kind == "resolution":
                res_spans.append((m.start(), m.end()))
        for m, code in lex.lookup("languages", t):
            s.language = s.language or str(code)
            taken(m.start(), m.end())
    s.kind = next((k for k in kinds if k != "resolution"), kinds[0] if kinds else None)
    about = _markers(lexs, "about", t)
    to = _markers(lexs, "to", t)
    found: list[GroupMention | CountryMention] = [*find_groups(raw), *find_countries(raw)]
    for c in sorted(found, key=lambda m: m.start):
        if any(a <= c.start < b for a, b in spans):
            continue  # "in French" is a language
        before = t[max(0, c.start - 30) : c.start]
        if any(before.endswith(a) for a in about) or _after_word(before, about):
            s.topics.append(c.code)
        elif _after_word(before, to) and s.senders:
            pass  # the addressee: never the sender
        else:
            s.senders.append(c.code)
        taken(c.start, c.end)
    for lex in lexs:
        for m, body in lex.lookup("bodies", t):
            before = t[max(0, m.start() - 30) : m.start()]
            # "to the Council", "about the Council"; not "in": "the report in the SG's name"
            to_body = _after_word(before, to) or _after_word(
                before, [a for a in about if len(a.strip()) >= 4]
            )
            # "Security Council resolutions" names whose resolutions, not who wrote the letter
            of_res = any(abs(m.start() - b) <= 4 or abs(a - m.end()) <= 4 for a, b in res_spans)
            if not to_body and (for_list or not of_res) and str(body) not in s.senders:
                s.senders.append(str(body))
            elif _after_word(before, to) and s.addressee is None:
                s.addressee = str(body)  # "letters to the General Assembly"
            taken(m.start(), m.end())
    s.back = any(lex.search("back", t) for lex in lexs)
    s.one = any(lex.search("one", t) for lex in lexs) or _pick(t, lexs) is not None
    s.words = _topic_words(t, spans, lexs)
    if lexs[0].lang == "zh" and (s.senders or s.topics or s.kind or s.year or s.month):
        s.words = []  # what is left of a Chinese message naming a sender is not a title
    if not s.senders and s.topics and not for_list:
        s.senders, s.topics = s.topics[:1], s.topics[1:]  # "la lettre sur la Syrie" is rare
    return s


def _markers(lexs: list[Lexicon], key: str, t: str) -> list[str]:
    return [fold(w) + " " for lex in lexs for w in lex.raw.get(key, [])]


_ARTICLES = re.compile(
    r"(?:\s|^)(?:"
    + "|".join(a for lex in (en.LEX, fr.LEX, es.LEX) for a in lex["articles"])
    + r")\s*$"
)


def _after_word(before: str, markers: list[str]) -> bool:
    b = before.rstrip()
    for _ in range(2):
        b = _ARTICLES.sub("", b).rstrip()
    return any(
        b.endswith(m.strip())
        and (
            len(b) == len(m.strip())
            or not b[-len(m.strip()) - 1].isalnum()
            or _UNSPACED.search(m)  # Chinese and Arabic words are not cut by spaces
        )
        for m in markers
        if m.strip()
    )


_UNSPACED = re.compile(r"[\u0600-\u06ff\u4e00-\u9fff]")


def _dates(raw: str, t: str, lexs: list[Lexicon], s: RefSlots, taken) -> None:  # type: ignore[no-untyped-def]
    m = _ISO_DATE.search(t)
    if m:
        s.year, s.month, s.day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        taken(m.start(), m.end())
        return
    m = _ZH_DATE.search(t)
    if m:
        s.year = int(m.group(1)) if m.group(1) else None
        s.month = int(m.group(2))
        s.day = int(m.group(3)) if m.group(3) else None
        taken(m.start(), m.end())
    for lex in lexs:
        for mm, month in lex.lookup("months", t):
            word = t[mm.start() : mm.end()]
            if word == "may" and not _month_may(raw, t, mm):
                continue
            if (
                word in ("mar", "dec", "sep", "jun")
                and lex.lang == "en"
                and not _near_number(t, mm)
            ):
                continue
            s.month = s.month or int(month)  # type: ignore[call-overload]
            taken(mm.start(), mm.end())
            before = re.search(r"(\d{1,2})(?:st|nd|rd|th|er)?\s*(?:de\s+)?$", t[: mm.start()])
            after = re.match(r"\s*(\d{1,2})(?:st|nd|rd|th)?(?!\d)", t[mm.end() :])
            if before and 1 <= int(before.group(1)) <= 31:
                s.day = int(before.group(1))
                taken(before.start(), mm.start())
            elif after and 1 <= int(after.group(1)) <= 31:
                s.day = int(after.group(1))
                taken(mm.end(), mm.end() + after.end())
    if s.month is None:
        s.month = _fuzzy_month(t, lexs, taken)
    for m in _YEAR.finditer(t):
        s.year = s.year or int(m.group(1))
        taken(m.start(), m.end())
    if s.day is None:
        m = _DAY_AFTER_LINK.search(t)  # "dated the 4th", "celle du 9"
        if m and 1 <= int(m.group(1)) <= 31 and not re.search(r"\d\s*\(\d{4}\)", t):
            s.day = int(m.group(1))
            taken(m.start(1), m.end())


def _fuzzy_month(t: str, lexs: list[Lexicon], taken) -> int | None:  # type: ignore[no-untyped-def]
    """ "Febuary", "setember": a month name typed with one slip."""
    from rapidfuzz import fuzz

    for m in re.finditer(r"[^\W\d_]{6,}", t):
        for lex in lexs:
            for name, n in lex.raw.get("months", {}).items():
                if len(name) >= 6 and "*" not in name and fuzz.ratio(m.group(0), name) >= 86:
                    taken(m.start(), m.end())
                    return int(n)
    return None


def _month_may(raw: str, t: str, m: re.Match[str]) -> bool:
    """ "may" is a month when capitalised or next to a number ("in May", "May 2025", "2 May")."""
    if raw[m.start() : m.end()] == "May" and m.start() > 0:
        return True
    # "from may", "the letter of may": after a preposition of time it is not the verb
    if _MONTH_LINK.search(t[: m.start()]):
        return True
    return _near_number(t, m)


def _near_number(t: str, m: re.Match[str]) -> bool:
    return bool(re.search(r"\d\s*$", t[: m.start()]) or re.match(r"\s*\d", t[m.end() :]))


def _topic_words(t: str, spans: list[tuple[int, int]], lexs: list[Lexicon]) -> list[str]:
    chars = list(t)
    for a, b in spans:
        for i in range(a, min(b, len(chars))):
            chars[i] = " "
    rest = "".join(chars)
    for lex in lexs:
        for key in (
            "summary",
            "sent_what",
            "resolutions",
            "doc",
            "docs",
            "cites",
            "back",
            "one",
            "greeting",
            "thanks",
            "help",
        ):
            rest = lex.strict[key].sub(" ", rest) if key in lex.strict else rest
        for _, pat in lex.meta:
            rest = pat.sub(" ", rest)
        for key in ("ordinals",):
            for m, _v in lex.lookup(key, rest):
                rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
    words = re.findall(r"[^\W_]+(?:[-'][^\W_]+)*", rest)
    filler = set().union(*(lex.filler for lex in lexs))
    out = []
    for w in words:
        w = re.sub(r"^(?:l|d|qu|s|c|j|n)'", "", w)
        w = re.sub(r"'s$", "", w)
        if w in filler or w in STOPWORDS or (len(w) < 2 and not w.isdigit()):
            continue
        if "-" in w and all(p in filler or len(p) < 2 for p in w.split("-")):
            continue  # "peux-tu", "montre-moi"
        if lexs[0].lang == "zh":
            # Chinese words are not split by spaces: the names and dates carry the ref, and a
            # long run left over may be a title ("世界人权宣言")
            if len(w) >= 4 and _UNSPACED.fullmatch(w[0]):
                out.append(w)
            continue
        out.append(w)
    return out


def _pick(t: str, lexs: list[Lexicon]) -> int | None:
    m = _BARE_NUMBER.match(t) or _LAST_NUMBER.search(t)
    if m:
        return int(m.group(1))
    m = re.search(
        r"(?<![\w/])(?:the\s+|la\s+|le\s+|el\s+|la\s+)?(\d{1,3})(?:st|nd|rd|th|e|er|re|eme|o|a)\b",
        t,
    )
    if m and not _AFTER_DAY_LINK.search(t[: m.start()]):
        return int(m.group(1))  # "the 30th", "la 12e": a place in the list
    latin = [lexicon(x) for x in ("en", "fr", "es")] if lexs[0].lang in ("en", "fr", "es") else []
    for lex in [*lexs, *latin]:
        for m, n in lex.lookup("ordinals", t):
            if n == 0:  # "number 3", "numéro 3"
                after = re.match(r"\s*(\d{1,3})\b", t[m.end() :])
                if after:
                    return int(after.group(1))
                continue
            return int(n)  # type: ignore[call-overload]
    return None
